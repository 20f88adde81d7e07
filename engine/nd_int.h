/*
** nd_int.h - internals shared by the nd*.c files of the array core.
**
** The strided iterator (broadcast, drop size-1 axes, order by strides,
** coalesce), the inner-loop signature every kernel follows, the cast
** kernels generated from the dtype X-macro and small error helpers.
*/
#ifndef PYPREP_ND_INT_H
#define PYPREP_ND_INT_H

#include "nd.h"

/* Kernels must vectorise: gcc's -O2 uses the "very cheap" cost model,
** which refuses loops needing alias checks, so kernel files ask for -O3
** (clang vectorises at -O2 already). */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("O3")
#endif

#include <stdarg.h>
#include <string.h>

#define ND_MAXOPS 4
#define ND_BUFSIZE 8192 /* elements per casting chunk (NumPy's buffer size) */

/* The inner loop: n elements, one pointer and byte stride per operand. */
typedef void (*NdLoop)(int64_t n, char **p, const ptrdiff_t *s, void *aux);

/* The dtypes without complex arithmetic, in ND_DTYPES order, with the
** type used for wrapping integer arithmetic (unsigned, so no UB); and its
** two subsets by which C operators apply. */
#define ND_INT_DTYPES(X)                                                    \
    X(BOOL, uint8_t, uint8_t, 'b')                                          \
    X(INT8, int8_t, uint8_t, 'i')                                           \
    X(INT16, int16_t, uint16_t, 'i')                                        \
    X(INT32, int32_t, uint32_t, 'i')                                        \
    X(INT64, int64_t, uint64_t, 'i')                                        \
    X(UINT8, uint8_t, uint8_t, 'u')                                         \
    X(UINT16, uint16_t, uint16_t, 'u')                                      \
    X(UINT32, uint32_t, uint32_t, 'u')                                      \
    X(UINT64, uint64_t, uint64_t, 'u')
#define ND_FLOAT_DTYPES(X)                                                  \
    X(FLOAT32, float, float, 'f')                                           \
    X(FLOAT64, double, double, 'f')
#define ND_REAL_DTYPES(X) ND_INT_DTYPES(X) ND_FLOAT_DTYPES(X)

/*
** An iteration over nop operands broadcast to one shape. After setup the
** axes are reordered (the key operand's largest stride outermost) and
** contiguous runs merged, so inner loops are as long as possible.
*/
typedef struct {
    int nop, ndim;
    int64_t shape[ND_MAXDIMS];
    ptrdiff_t strides[ND_MAXOPS][ND_MAXDIMS];
    char *ptr[ND_MAXOPS];
} NdIter;

/* ops[k] must broadcast to (ndim, shape); key = operand ordering axes. */
void nd_iter_init(NdIter *it, int nop, const NdArray *const *ops, int ndim,
                  const int64_t *shape, int key);
/* Call fn on every inner run. */
void nd_iter_run(const NdIter *it, NdLoop fn, void *aux);

/* Cast n elements from (ft, src, ss) to (tt, dst, ds). */
typedef void (*NdCastFn)(int64_t n, const char *src, ptrdiff_t ss, char *dst,
                         ptrdiff_t ds);
NdCastFn nd_cast_fn(NdDType from, NdDType to);

/*
** Run a typed loop over operands whose dtypes may differ from the loop's:
** inputs are cast in chunks into stack buffers, outputs cast back.
** loop_t[k] is the dtype the kernel expects for operand k; the last
** nout operands are outputs.
*/
void nd_run_cast(const NdIter *it, int nout, const NdArray *const *ops,
                 const NdDType *loop_t, NdLoop fn, void *aux);

NdError nd_fail(NdErr *e, NdError code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* Is the array C-contiguous (flags kept up to date by nd_update_flags). */
#define ND_ISC(a) (((a)->flags & ND_C_CONTIGUOUS) != 0)

/*
** Float to integer conversion without C's undefined behaviour, giving
** what x86 (and so NumPy there) gives: out-of-range and NaN become the
** "integer indefinite" value of the 32- or 64-bit conversion, narrower
** types keep the low bits. Returns the bits for a target of size bytes.
*/
static inline int64_t nd_f2i64(double v)
{
    return (v >= -9223372036854775808.0 && v < 9223372036854775808.0)
               ? (int64_t)v
               : INT64_MIN;
}

static inline uint64_t nd_f2int_bits(double v, size_t size, int uns)
{
    if (size == 8 && uns) {
        if (v >= 9223372036854775808.0)
            return (uint64_t)nd_f2i64(v - 9223372036854775808.0) ^
                   0x8000000000000000ULL;
        return (uint64_t)nd_f2i64(v);
    }
    if (size == 8 || (size == 4 && uns))
        return (uint64_t)nd_f2i64(v);
    return (uint64_t)(int64_t)((v > -2147483649.0 && v < 2147483648.0)
                                   ? (int32_t)v
                                   : INT32_MIN);
}

/* Convert a real value v of kind fk to type TT of kind tk. */
#define ND_CONV(TT, tk, fk, v)                                             \
    ((tk) == 'b'                     ? (TT)((v) != 0)                      \
     : ((fk) == 'f' && (tk) != 'f')  ? (TT)nd_f2int_bits((double)(v),      \
                                                        sizeof(TT),        \
                                                        (tk) == 'u')       \
                                     : (TT)(v))

/* Walking the lanes of an array along one axis (sorts, argmin/argmax
** and cumulative ops along an axis): idx holds the coordinates of the
** other axes, the axis's own slot stays 0. */
static inline ptrdiff_t nd_lane_offset(const NdArray *a, int axis,
                                       const int64_t *idx)
{
    ptrdiff_t at = 0;
    for (int d = 0; d < a->ndim; d++)
        if (d != axis)
            at += idx[d] * a->strides[d];
    return at;
}

/* Advance idx to the next lane in C order (wraps after the last). */
static inline void nd_lane_next(const NdArray *a, int axis, int64_t *idx)
{
    for (int d = a->ndim - 1; d >= 0; d--) {
        if (d == axis)
            continue;
        if (++idx[d] < a->shape[d])
            return;
        idx[d] = 0;
    }
}

/*
** float16 runs the float32 kernels: operands are cast to float32 in
** chunks and results rounded back to half, which is what NumPy's half
** loops do per element. nd_kernel_type maps a loop dtype to the dtype of
** the kernel that computes it.
*/
static inline NdDType nd_kernel_type(NdDType t)
{
    return t == ND_FLOAT16 ? ND_FLOAT32 : t;
}

/* If x (already broadcast) is a float operand of another dtype than
** float16, replace *x by a half copy: 0-d values go into tmp/store (16
** bytes); other dtypes reaching a float16 loop (bool, int8, uint8)
** convert exactly and are left alone. */
void nd_half_operand(NdArray *x, NdArray *tmp, void *store);

/* Round every (real and imaginary) value of a float or complex array to
** float16 precision in place: a float16 loop's result written straight
** into an out= of a wider dtype must still be the half NumPy computes. */
void nd_round_to_half(NdArray *a);

/* Copy with cast of one C-contiguous block. */
void nd_copy_contig(NdDType to, char *dst, NdDType from, const char *src,
                    int64_t n);

/* AVX2 copies of hot kernels (nd_ufunc.c, nd_reduce.c) are compiled
** between ND_AVX2_BEGIN and ND_AVX2_END and picked at run time when
** nd_use_avx2() says the CPU has AVX2 (PYPREP_ND_NOSIMD=1 in the
** environment keeps the baseline SSE2 ones). */
#if (defined(__x86_64__) || defined(__i386__)) && \
    (defined(__GNUC__) || defined(__clang__))
#define ND_AVX2 1
/* Compile the functions up to ND_TARGET_END for the given target
** features (a string literal: "avx2", "avx512f,avx512vl"). */
#define ND_PRAGMA(x) _Pragma(#x)
#if defined(__clang__)
#define ND_TARGET_BEGIN(f)                                                 \
    ND_PRAGMA(clang attribute push(__attribute__((target(f))),            \
                                   apply_to = function))
#define ND_TARGET_END ND_PRAGMA(clang attribute pop)
#else
#define ND_TARGET_BEGIN(f)                                                 \
    ND_PRAGMA(GCC push_options) ND_PRAGMA(GCC target(f))
#define ND_TARGET_END ND_PRAGMA(GCC pop_options)
#endif
#define ND_AVX2_BEGIN ND_TARGET_BEGIN("avx2")
#define ND_AVX2_END ND_TARGET_END
int nd_use_avx2(void);

/* AVX-512 (F, BW, VL, DQ) copies of the hottest element-wise kernels,
** compiled between ND_AVX512_BEGIN and ND_AVX512_END with 512-bit
** vectors preferred, picked when nd_use_avx512() says the CPU (and OS)
** has them; PYPREP_ND_NOSIMD=1 keeps the baseline here too. Both
** compilers keep FP contraction off in these files (no FMA), so every
** level computes the same IEEE operations in the same order. */
#define ND_AVX512 1
#if defined(__clang__)
#define ND_AVX512_BEGIN                                                    \
    ND_TARGET_BEGIN("avx512f,avx512bw,avx512vl,avx512dq")
#else
#define ND_AVX512_BEGIN                                                    \
    ND_TARGET_BEGIN("avx512f,avx512bw,avx512vl,avx512dq,"                 \
                    "prefer-vector-width=512")
#endif
#define ND_AVX512_END ND_TARGET_END
int nd_use_avx512(void);
#else
#define ND_AVX2 0
#define ND_AVX512 0
#endif

/* Kernel level cap for tests comparing the levels: 0 baseline, 1 AVX2,
** 2 AVX-512 (never above what the CPU has or PYPREP_ND_NOSIMD allows).
** Sets the cap, makes the dispatch tables of nd_ufunc.c and nd_reduce.c
** re-read it on their next use and returns the level now in effect.
** Not thread-safe: call it between operations. */
int nd_set_simd_level(int level);
/* Bumped by nd_set_simd_level: a dispatch table built under an older
** value is rebuilt. */
extern int nd_simd_epoch;

/* Elements to run before out reaches a 64-byte boundary, so that the
** vector stores of the loop after them do not straddle cache lines (what
** NumPy's loops do); 0 for short runs, where it does not pay, and for an
** output not aligned to its element size. */
static inline int64_t nd_peel(const void *out, size_t size, int64_t n)
{
    uintptr_t a = (uintptr_t)out;
    if (n * (int64_t)size < 2048 || a % size != 0)
        return 0;
    return (int64_t)(((0 - a) & 63) / size);
}

#endif
