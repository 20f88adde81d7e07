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

#include <stdarg.h>
#include <string.h>

#define ND_MAXOPS 4
#define ND_BUFSIZE 8192 /* elements per casting chunk (NumPy's buffer size) */

/* The inner loop: n elements, one pointer and byte stride per operand. */
typedef void (*NdLoop)(int64_t n, char **p, const ptrdiff_t *s, void *aux);

/* The dtypes without complex arithmetic, in ND_DTYPES order, with the
** type used for wrapping integer arithmetic (unsigned, so no UB). */
#define ND_REAL_DTYPES(X)                                                   \
    X(BOOL, uint8_t, uint8_t, 'b')                                          \
    X(INT8, int8_t, uint8_t, 'i')                                           \
    X(INT16, int16_t, uint16_t, 'i')                                        \
    X(INT32, int32_t, uint32_t, 'i')                                        \
    X(INT64, int64_t, uint64_t, 'i')                                        \
    X(UINT8, uint8_t, uint8_t, 'u')                                         \
    X(UINT16, uint16_t, uint16_t, 'u')                                      \
    X(UINT32, uint32_t, uint32_t, 'u')                                      \
    X(UINT64, uint64_t, uint64_t, 'u')                                      \
    X(FLOAT32, float, float, 'f')                                           \
    X(FLOAT64, double, double, 'f')

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

/* Copy with cast of one C-contiguous block. */
void nd_copy_contig(NdDType to, char *dst, NdDType from, const char *src,
                    int64_t n);

#endif
