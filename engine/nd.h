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
** switch on dtype reads or writes one element.
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

/* Python exception name for an error code ("ValueError"). */
const char *nd_error_name(NdError e);

/*
** Writer used by the printers: called with successive pieces of output;
** returns 0 to continue, non-zero to stop (the printer then returns
** ND_EMEMORY).
*/
typedef int (*NdWriter)(void *ud, const char *s, size_t n);

#endif
