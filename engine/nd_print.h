/*
** nd_print.h - NumPy 1.24 printing of arrays and scalars (str and repr).
**
** A port of numpy/core/arrayprint.py (legacy=False) and of NumPy's Dragon4
** float formatting, byte for byte. Output goes through an NdWriter in
** pieces; nothing is allocated on the heap, so a writer that longjmps
** (raises) leaks nothing. Arrays are only read, never kept.
*/
#ifndef PYPREP_ND_PRINT_H
#define PYPREP_ND_PRINT_H

#include "nd.h"

/* np.set_printoptions(floatmode=...) */
typedef enum {
    ND_FLOATMODE_MAXPREC = 0, /* default */
    ND_FLOATMODE_FIXED,
    ND_FLOATMODE_UNIQUE,
    ND_FLOATMODE_MAXPREC_EQUAL
} NdFloatMode;

/*
** The print options NumPy keeps globally (np.set_printoptions); the
** embedder owns one of these and passes it to every call. precision is
** clamped to [0, ND_PRINT_MAXPREC]; threshold, edgeitems and linewidth
** must be >= 0 (the binding checks user input like NumPy does).
*/
typedef struct NdPrintOptions {
    int precision;  /* digits after the point, default 8 */
    int threshold;  /* summarise when size > threshold, default 1000 */
    int edgeitems;  /* items kept at each edge when summarising, 3 */
    int linewidth;  /* characters per line, 75 */
    int suppress;   /* 1: never scientific for small values, 0 */
    char sign;      /* '-' (default), '+' or ' ' */
    int floatmode;  /* an NdFloatMode */
} NdPrintOptions;

#define ND_PRINT_MAXPREC 200

/* Longest output of nd_float_repr / nd_float32_repr, NUL included. */
#define ND_FLOAT_REPR_MAX 32

/* Fill *o with NumPy's defaults (the values in the comments above);
** does nothing when o is NULL. */
void nd_print_defaults(NdPrintOptions *o);

/*
** str(a) / print(a): "[1 2 3]", "[[1. 2.]\n [3. 4.]]"; a 0-d array
** prints as its scalar ("5", "0.1"). o may be NULL for the defaults.
** No trailing newline. Returns ND_OK, or ND_EMEMORY as soon as the
** writer returns non-zero (output so far is then incomplete).
*/
int nd_print_str(const NdArray *a, const NdPrintOptions *o, NdWriter w,
                 void *ud);

/*
** repr(a): "array([1, 2, 3])", "array([1, 2], dtype=int8)",
** "array([], shape=(0, 3), dtype=int64)", "array(5)". The dtype suffix
** is left out for int64, float64, complex128 and bool when the array is
** not empty. Arguments and errors as nd_print_str.
*/
int nd_print_repr(const NdArray *a, const NdPrintOptions *o, NdWriter w,
                  void *ud);

/*
** np.array2string(a, separator=sep, prefix=..., suffix=...) with the
** options in o (NULL: defaults): only the bracketed text, whose later
** lines line up under a prefix of prefix_len characters that the caller
** writes before it; suffix_len is taken off the line width. sep NULL
** means " ". A 0-d array gives its element as the array's formatter
** prints it ("0.1", "1."), an empty one "[]". Errors as nd_print_str.
*/
int nd_array2string(const NdArray *a, const NdPrintOptions *o,
                    const char *sep, size_t prefix_len, size_t suffix_len,
                    NdWriter w, void *ud);

/*
** One NumPy scalar of dtype t whose element is at p (p needs no
** alignment): str(np.float32(0.1)) is "0.1", bools "True"/"False",
** complex "(1+2j)", "2j". In NumPy 1.24 str and repr of a scalar are
** the same text; both names exist so callers say what they mean.
** Returns ND_OK, or ND_EMEMORY if the writer fails.
*/
int nd_print_scalar_str(NdDType t, const void *p, NdWriter w, void *ud);
int nd_print_scalar_repr(NdDType t, const void *p, NdWriter w, void *ud);

/*
** Python's repr(float): shortest digits that read back to x, "1.0",
** "0.30000000000000004", "1e+16", "1e-05", "inf", "-inf", "nan", "-0.0".
** Writes at most n bytes including the NUL (always NUL-terminated when
** n > 0) and returns the full length, like snprintf, so a result >= n
** means truncation; ND_FLOAT_REPR_MAX is always enough.
*/
int nd_float_repr(double x, char *buf, size_t n);

/* The same for a float32 value: shortest digits of its own precision,
** so nd_float32_repr(0.1f) is "0.1" (np.float32 str/repr). */
int nd_float32_repr(float x, char *buf, size_t n);

#endif
