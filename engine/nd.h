/*
** nd.h - pyprep's n-dimensional array core (public API).
**
** An NdArray is a view: dtype, ndim, shape, byte strides and a data pointer
** into a buffer that someone else owns. The core never frees or keeps a
** buffer: the embedder (the Lua binding, lnd.c) allocates it and keeps it
** alive, e.g. a view holds its base userdata as a Lua user value. Pure C:
** libc and libm only, no Lua, no curses, never longjmps. Functions return
** ND_OK or an NdError code and write NumPy's message into an NdErr.
*/
#ifndef PYPREP_ND_H
#define PYPREP_ND_H

#include <stddef.h>
#include <stdint.h>

#define ND_MAXDIMS 32

/*
** Every dtype, once. X(ENUM, ctype, numpy name, kind char, itemsize).
** Kernels and dispatch tables are generated from this list; the only
** switch on dtype reads or writes one element. float16 is IEEE binary16
** kept as its bits in a uint16_t (C has no portable half type); its
** arithmetic runs in float32 loops, rounded back per element as NumPy's
** half loops do, so it has no C-operator kernels of its own.
*/
typedef struct { float re, im; } nd_complex64;
typedef struct { double re, im; } nd_complex128;

#define ND_DTYPES(X)                                        \
    X(BOOL,       uint8_t,       "bool",       'b', 1)      \
    X(INT8,       int8_t,        "int8",       'i', 1)      \
    X(INT16,      int16_t,       "int16",      'i', 2)      \
    X(INT32,      int32_t,       "int32",      'i', 4)      \
    X(INT64,      int64_t,       "int64",      'i', 8)      \
    X(UINT8,      uint8_t,       "uint8",      'u', 1)      \
    X(UINT16,     uint16_t,      "uint16",     'u', 2)      \
    X(UINT32,     uint32_t,      "uint32",     'u', 4)      \
    X(UINT64,     uint64_t,      "uint64",     'u', 8)      \
    X(FLOAT16,    uint16_t,      "float16",    'f', 2)      \
    X(FLOAT32,    float,         "float32",    'f', 4)      \
    X(FLOAT64,    double,        "float64",    'f', 8)      \
    X(COMPLEX64,  nd_complex64,  "complex64",  'c', 8)      \
    X(COMPLEX128, nd_complex128, "complex128", 'c', 16)

typedef enum {
#define ND_DTYPE_ENUM(E, T, N, K, S) ND_##E,
    ND_DTYPES(ND_DTYPE_ENUM)
#undef ND_DTYPE_ENUM
    ND_NTYPES
} NdDType;

/* Error codes; each maps to the Python exception NumPy raises. */
typedef enum {
    ND_OK = 0,
    ND_EVALUE,    /* ValueError */
    ND_EINDEX,    /* IndexError */
    ND_ETYPE,     /* TypeError */
    ND_EMEMORY,   /* MemoryError */
    ND_EAXIS,     /* numpy.AxisError */
    ND_ELINALG,   /* numpy.linalg.LinAlgError */
    ND_ECAST,     /* numpy.core._exceptions._UFuncOutputCastingError */
    ND_EZERODIV,  /* ZeroDivisionError (Python scalars only) */
    ND_EOVERFLOW  /* OverflowError */
} NdError;

/* A message buffer the caller provides; functions fill it on error. */
typedef struct {
    char msg[512];
} NdErr;

/* Flags of a view. */
#define ND_C_CONTIGUOUS 0x1
#define ND_F_CONTIGUOUS 0x2
#define ND_WRITEABLE    0x4
#define ND_OWNDATA      0x8 /* this view is the buffer's base array */

typedef struct NdArray {
    NdDType dtype;
    int ndim;
    int flags;
    int64_t shape[ND_MAXDIMS];
    int64_t strides[ND_MAXDIMS]; /* in bytes, may be negative or 0 */
    char *data;                  /* address of element [0,...,0] */
    void *buffer;                /* start of the owning buffer (borrowed) */
    size_t buffer_size;          /* its size in bytes */
} NdArray;

/* Facts about a dtype, from the X-macro table. */
const char *nd_dtype_name(NdDType t);  /* "int64" */
char nd_dtype_kind(NdDType t);         /* 'b', 'i', 'u', 'f', 'c' */
size_t nd_dtype_size(NdDType t);       /* itemsize in bytes */

/*
** IEEE binary16 <-> float32/float64, bit for bit what NumPy's npy_half
** functions give: round half to even, subnormals, signed zeros, overflow
** to inf, NaN payloads kept (and NaN stays NaN). Half to float/double is
** exact; double to half rounds once (not through float).
*/
uint16_t nd_float_to_half(float f);
uint16_t nd_double_to_half(double d);
float nd_half_to_float(uint16_t h);
double nd_half_to_double(uint16_t h);

/* Python exception name for an error code ("ValueError"). */
const char *nd_error_name(NdError e);

/*
** Writer used by the printers: called with successive pieces of output;
** returns 0 to continue, non-zero to stop (the printer then returns
** ND_EMEMORY).
*/
typedef int (*NdWriter)(void *ud, const char *s, size_t n);

/* ------------------------------------------------------------------ */
/* Ownership scheme: the core never allocates array buffers. Every
** operation comes in two steps: a *_prepare (or nd_init_*) call that
** validates the operands and fills the result's dtype and shape, then
** the caller allocates result->data (nd_nbytes bytes, C order) and calls
** the operation itself. Operations that need scratch memory take it as
** an argument and say how much. So an embedder whose allocator can
** longjmp (Lua) allocates everything before any work starts, and the
** core itself never holds memory across a call. */

/* Facts about dtypes. nd_dtype_from_name accepts NumPy names ("int8"),
** Python names ("int", "float", "bool", "complex") and "bool_";
** returns ND_OK or ND_ETYPE ("data type 'x' not understood"). */
NdError nd_dtype_from_name(const char *name, NdDType *t, NdErr *e);
NdDType nd_promote_types(NdDType a, NdDType b);

/* Casting rules of np.can_cast. */
typedef enum { ND_CAST_NO, ND_CAST_SAFE, ND_CAST_SAME_KIND,
               ND_CAST_UNSAFE } NdCasting;
int nd_can_cast(NdDType from, NdDType to, NdCasting rule);

/* np.min_scalar_type of a 0-d array's value (NumPy's bounds: floats
** within +-65000 fit float16, +-3.4e38 float32); *small_unsigned says a
** non-negative integer also fits the signed type of that size. */
NdDType nd_min_scalar_type(const NdArray *a, int *small_unsigned);
/* np.can_cast(a, to, rule) for an array: by dtype, or for a 0-d array
** also by value (np.can_cast(300, np.int8) is False, (100, int8) True). */
int nd_can_cast_value(const NdArray *a, NdDType to, NdCasting rule);

/* NumPy 1.24 result_type for ufunc operands: 0-d operands are
** "scalars" and take part by value when no scalar's kind exceeds the
** arrays' kind (value-based casting: int8 array + 50 -> int8). */
NdDType nd_result_type(int n, const struct NdArray *const *ops);

/* Element count, byte size; nd_nbytes of an initialised array. */
int64_t nd_size(const NdArray *a);
size_t nd_nbytes(const NdArray *a);

/* Fill a with dtype t, the given shape and C-order strides, data NULL.
** Errors: ND_EVALUE "negative dimensions are not allowed", ND_EVALUE
** "array is too big; ..." on overflow, ND_EVALUE for ndim > 32. */
NdError nd_init(NdArray *a, NdDType t, int ndim, const int64_t *shape,
                NdErr *e);
/* Recompute the contiguity flags of a view from shape and strides. */
void nd_update_flags(NdArray *a);
/* Make a 0-d array over caller storage (>= 16 bytes) holding v. */
void nd_scalar_int(NdArray *a, void *store, NdDType t, int64_t v);
void nd_scalar_double(NdArray *a, void *store, NdDType t, double v);

/* One element as a C value (casting from the array's dtype). p points at
** the element. Complex reads return the real part. */
double nd_get_double(NdDType t, const char *p);
int64_t nd_get_int(NdDType t, const char *p);
void nd_set_double(NdDType t, char *p, double v);
void nd_set_int(NdDType t, char *p, int64_t v);
void nd_get_complex(NdDType t, const char *p, double *re, double *im);

/* "(2,3)" as NumPy prints shapes in error messages ("(2,)" for 1-d). */
void nd_shape_str(char *buf, size_t size, int ndim, const int64_t *shape);

/* Normalise an axis for an array of ndim dims (negative counts from
** the end). ND_EAXIS "axis 2 is out of bounds for array of dimension 1". */
NdError nd_norm_axis(int *axis, int ndim, NdErr *e);

/* ---- views (write into *out, share a's buffer; never fail unless
** stated) ---- */
/* axes NULL reverses. ND_EVALUE "axes don't match array". */
NdError nd_transpose(NdArray *out, const NdArray *a, const int *axes,
                     NdErr *e);
NdError nd_swapaxes(NdArray *out, const NdArray *a, int ax1, int ax2,
                    NdErr *e);
/* Resolve -1 and check the size: ND_EVALUE with NumPy's reshape text. */
NdError nd_reshape_shape(const NdArray *a, int ndim, int64_t *shape,
                         NdErr *e);
/* A view of a with the (resolved) shape if strides allow: returns 1 and
** fills out, or 0 when a copy is needed. */
int nd_reshape_view(NdArray *out, const NdArray *a, int ndim,
                    const int64_t *shape);
/* Broadcast a to shape (view, stride 0 on new/size-1 axes). ND_EVALUE
** "could not broadcast input array from shape (3,) into shape (2,)". */
NdError nd_broadcast_to(NdArray *out, const NdArray *a, int ndim,
                        const int64_t *shape, NdErr *e);
/* Broadcast shape of n arrays. ND_EVALUE "operands could not be
** broadcast together with shapes (2,3) (2,) ". */
NdError nd_broadcast_shape(int n, const NdArray *const *ops, int *ndim,
                           int64_t *shape, NdErr *e);
/* Remove size-1 axes (axis < 0: all). ND_EVALUE "cannot select an axis
** to squeeze out which has size not equal to one". */
NdError nd_squeeze(NdArray *out, const NdArray *a, int axis, NdErr *e);
NdError nd_expand_dims(NdArray *out, const NdArray *a, int axis,
                       NdErr *e);
/* View of a[start:stop:step] along axis (already clipped by the caller
** via nd_slice_indices). */
void nd_slice_axis(NdArray *out, const NdArray *a, int axis, int64_t start,
                   int64_t step, int64_t len);
/* Python's slice.indices: clip start/stop for length n; returns length.
** has_* = 0 means None. ND_EVALUE "slice step cannot be zero". */
NdError nd_slice_indices(int64_t n, int has_start, int64_t start,
                         int has_stop, int64_t stop, int has_step,
                         int64_t step, int64_t *ostart, int64_t *ostep,
                         int64_t *olen, NdErr *e);
/* Whether two views may touch the same bytes (extent overlap). */
int nd_shares_memory(const NdArray *a, const NdArray *b);

/* ---- copying ---- */
/* dst[...] = src with broadcasting and casting (unsafe casting, like
** ndarray assignment). Overlap-safe only when src and dst do not
** partially overlap; callers copy first otherwise. */
NdError nd_assign(NdArray *dst, const NdArray *src, NdErr *e);
/* Fill dst with one value given as a 0-d array. */
NdError nd_fill(NdArray *dst, const NdArray *value, NdErr *e);
/* SIMD level of the copy kernels: 1 = AVX2 (nd_assign's transposes), 2
** = also AVX-512F (nd_index_get's mask compaction), picked from the CPU
** unless PYPREP_ND_NOSIMD is set. mode 0 forces the baseline (0), 1
** re-detects, -1 only asks; returns the level (for tests and benchmarks:
** every level gives the same bytes). */
int nd_copy_simd(int mode);

/* ---- element-wise ufuncs ---- */
typedef enum {
    ND_ADD, ND_SUB, ND_MUL, ND_TRUEDIV, ND_FLOORDIV, ND_MOD, ND_POW,
    ND_AND, ND_OR, ND_XOR, ND_LSHIFT, ND_RSHIFT,
    ND_EQ, ND_NE, ND_LT, ND_LE, ND_GT, ND_GE,
    ND_MAXIMUM, ND_MINIMUM, ND_FMAX, ND_FMIN,
    ND_LOGICAL_AND, ND_LOGICAL_OR, ND_LOGICAL_XOR,
    ND_ARCTAN2, ND_HYPOT,
    ND_NBINARY
} NdBinaryOp;

typedef enum {
    ND_NEG, ND_POS, ND_ABS, ND_INVERT, ND_LOGICAL_NOT, ND_SIGN, ND_SQUARE,
    ND_SQRT, ND_EXP, ND_LOG, ND_LOG10, ND_LOG2, ND_LOG1P, ND_EXPM1,
    ND_SIN, ND_COS, ND_TAN, ND_ARCSIN, ND_ARCCOS, ND_ARCTAN,
    ND_SINH, ND_COSH, ND_TANH,
    ND_FLOOR, ND_CEIL, ND_RINT, ND_TRUNC,
    ND_ISNAN, ND_ISINF, ND_ISFINITE, ND_SIGNBIT,
    ND_NUNARY
} NdUnaryOp;

/* ufunc names as NumPy spells them ("add", "sqrt"). */
const char *nd_binary_name(NdBinaryOp op);
const char *nd_unary_name(NdUnaryOp op);

/* Result dtype and shape of op(a, b) (value-based casting for 0-d
** operands). ND_ETYPE "ufunc 'bitwise_and' not supported ...",
** ND_EVALUE broadcast error. */
NdError nd_binary_prepare(NdBinaryOp op, const NdArray *a,
                          const NdArray *b, NdDType *t, int *ndim,
                          int64_t *shape, NdErr *e);
/* out = op(a, b); out is any array of the broadcast shape (out= may be
** an operand; its dtype must be same_kind castable: ND_ECAST). */
NdError nd_binary(NdBinaryOp op, const NdArray *a, const NdArray *b,
                  NdArray *out, NdErr *e);
/* The fast case of nd_binary, for the binding's hottest call: a and b of
** one dtype and one shape, both C-contiguous, and op keeping that dtype
** (no promotion, cast or error). nd_binary_same_ok tells; nd_binary_same
** then computes out = op(a, b), out C-contiguous of that shape and dtype. */
int nd_binary_same_ok(NdBinaryOp op, const NdArray *a, const NdArray *b);
void nd_binary_same(NdBinaryOp op, const NdArray *a, const NdArray *b,
                    NdArray *out);
NdError nd_unary_prepare(NdUnaryOp op, const NdArray *a, NdDType *t,
                         NdErr *e);
NdError nd_unary(NdUnaryOp op, const NdArray *a, NdArray *out, NdErr *e);
/* out = cond ? x : y (out dtype chosen by the caller, usually
** nd_result_type of x and y). */
NdError nd_where(const NdArray *cond, const NdArray *x, const NdArray *y,
                 NdArray *out, NdErr *e);
/* np.round(a, decimals): NumPy's multiply/rint/divide for floats. */
NdError nd_round(const NdArray *a, int decimals, NdArray *out, NdErr *e);

/* ---- reductions ---- */
typedef enum {
    ND_R_SUM, ND_R_PROD, ND_R_MIN, ND_R_MAX, ND_R_ALL, ND_R_ANY,
    ND_R_MEAN, ND_R_VAR, ND_R_STD, ND_R_ARGMIN, ND_R_ARGMAX,
    ND_R_COUNT_NONZERO
} NdReduceOp;

/* axes[i] nonzero = reduce axis i (all zero or NULL = every axis).
** Fills the result's dtype (dtype < 0: default) and shape (with
** keepdims). ND_EVALUE "zero-size array to reduction operation maximum
** which has no identity", argmax "attempt to get argmax of an empty
** sequence". */
NdError nd_reduce_prepare(NdReduceOp op, const NdArray *a,
                          const char *axes, int keepdims, int dtype,
                          NdArray *out, NdErr *e);
/* Compute into out (as prepared, data allocated). ddof for var/std. */
NdError nd_reduce(NdReduceOp op, const NdArray *a, const char *axes,
                  double ddof, NdArray *out, NdErr *e);
/* cumsum/cumprod along axis of a (a already flattened by the caller for
** axis=None); out has a's shape and the sum dtype. */
NdError nd_accumulate(int prod, const NdArray *a, int axis, NdArray *out,
                      NdErr *e);
NdDType nd_sum_dtype(NdDType t);

/* ---- sorting ---- */
/* Scratch bytes nd_sort needs for a along axis (0 when the lanes are
** contiguous and short enough, or the CPU has the vectorised sort). */
size_t nd_sort_scratch(const NdArray *a, int axis);
/* Sort a in place along axis (NaN last); scratch is used for lanes that
** are not contiguous (may be NULL when they are). */
NdError nd_sort(NdArray *a, int axis, void *scratch, NdErr *e);
/* The AVX-512 value sort (4- and 8-byte dtypes), used when the CPU has it
** and PYPREP_ND_NOSIMD is unset. mode 0 forces the baseline kernels, 1
** re-detects, -1 only asks; returns whether it is on. For tests and
** benchmarks: nd_sort_scratch's answer depends on it. */
int nd_sort_simd(int mode);
/* out (int64, a's shape) = argsort along axis in NumPy's introsort
** order. */
NdError nd_argsort(const NdArray *a, int axis, NdArray *out, void *scratch,
                   NdErr *e);
/* kind='stable' (engine/nd_stable.c): the same in NumPy's stable order,
** equal keys in their original order, NaNs last; scratch holds
** nd_stable_scratch(a's dtype, axis length) bytes. float16 and complex
** give ND_ETYPE (the binding sorts float16 as float32). */
size_t nd_stable_scratch(NdDType t, int64_t n);
NdError nd_sort_stable(NdArray *a, int axis, void *scratch, NdErr *e);
NdError nd_argsort_stable(const NdArray *a, int axis, NdArray *out,
                          void *scratch, NdErr *e);
/* Compact a sorted contiguous 1-d array to its unique values; counts (if
** not NULL, shape[0] slots) receive multiplicities. Returns the count. */
int64_t nd_unique_sorted(NdArray *a, int64_t *counts);
/* Quantiles of each row of work (contiguous (m, n), sorted here in
** place); q in [0, 1], nq of them; median = NumPy's median instead.
** out receives m * nq values, q-major, in out's dtype. */
NdError nd_quantile_rows(NdArray *work, const double *q, int nq,
                         int median, NdArray *out, NdErr *e);

/* ---- counting and selection ---- */
int64_t nd_count_nonzero(const NdArray *a);
/* out[k] (int64, shape (ndim, count)) = indices of nonzero elements. */
void nd_nonzero(const NdArray *a, NdArray *out);

/* ---- indexing ---- */
typedef enum { ND_IX_INT, ND_IX_SLICE, ND_IX_NEWAXIS, ND_IX_ELLIPSIS,
               ND_IX_ARRAY } NdIndexKind;
typedef struct {
    NdIndexKind kind;
    int64_t i;                        /* ND_IX_INT */
    int has_start, has_stop, has_step;
    int64_t start, stop, step;        /* ND_IX_SLICE */
    const NdArray *arr;               /* ND_IX_ARRAY: bool or integer */
} NdIndex;

/* The outcome of analysing an index. view = a after the basic part
** (slices, ints, newaxis); when nadv > 0 the advanced part remains:
** either one boolean mask over view axes [axis, axis + mask->ndim), or
** integer arrays adv[k] on view axes advaxis[k]. Result shape/ndim is
** what getitem returns. */
typedef struct {
    NdArray view;
    int nadv;
    int is_mask;
    int axis;                         /* first advanced view axis */
    const NdArray *adv[ND_MAXDIMS];
    int advaxis[ND_MAXDIMS];
    int front;                        /* broadcast dims go first */
    int bndim;                        /* broadcast index shape */
    int64_t bshape[ND_MAXDIMS];
    int64_t count;                    /* mask: number of true */
    int unchecked;                    /* adv[0] not bounds-checked yet */
    int ndim;
    int64_t shape[ND_MAXDIMS];
} NdIndexPlan;

/* Analyse a[ix...]. Errors: IndexError texts of NumPy (out of bounds,
** too many indices, boolean dimension mismatch, only integers...).
** Integer arrays are bounds-checked here, except a lone 1-d int64 index
** array (a[idx]): nd_index_get checks it in its gather loop and
** nd_index_set before it writes (plan->unchecked; same IndexError text,
** returned by them instead). With a boolean array mixed
** with other arrays, returns ND_EINDEX with message "" (the caller
** converts masks to nonzero() arrays and retries). */
NdError nd_index_prepare(const NdArray *a, const NdIndex *ix, int n,
                         NdIndexPlan *plan, NdErr *e);
/* out (plan->shape, any dtype: cast) = a[advanced part of plan].
** ND_EINDEX (out left partly written) for an unchecked index. */
NdError nd_index_get(const NdIndexPlan *plan, NdArray *out, NdErr *e);
/* a[plan] = value (value broadcast to plan->shape; cast to a's dtype).
** ND_EVALUE "shape mismatch: value array of shape ..." as NumPy. */
NdError nd_index_set(const NdIndexPlan *plan, const NdArray *value,
                     NdErr *e);

/* ---- products ---- */
/* out = a @ b for C-contiguous 2-D a (m,k), b (k,n), out (m,n), all of
** out's dtype (real dtypes; ND_ETYPE otherwise). */
NdError nd_matmul2d(const NdArray *a, const NdArray *b, NdArray *out,
                    NdErr *e);
/* Result dtype and shape of matmul (batch dims broadcast, 1-d operands
** promoted and their dims removed); NumPy's gufunc error texts. */
NdError nd_matmul_prepare(const NdArray *a, const NdArray *b, NdDType *t,
                          int *ndim, int64_t *shape, NdErr *e);
/* Scratch bytes nd_matmul needs (one packed copy of each operand's 2-d
** block in out's dtype). */
size_t nd_matmul_scratch(const NdArray *a, const NdArray *b,
                         const NdArray *out);
/* out = a @ b with any strides and dtypes (cast on the fly). */
NdError nd_matmul(const NdArray *a, const NdArray *b, NdArray *out,
                  void *scratch, NdErr *e);

#endif
