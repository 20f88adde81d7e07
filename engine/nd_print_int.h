/*
** nd_print_int.h - internals shared by nd_print.c and nd_dragon4.c.
**
** nd_dragon4 is NumPy's Dragon4 float formatter (format_float_positional
** and format_float_scientific with every option), which arrayprint's
** FloatingFormat and the scalar reprs are built on. Private to the
** printing module; not part of the engine's public API.
*/
#ifndef PYPREP_ND_PRINT_INT_H
#define PYPREP_ND_PRINT_INT_H

#include <stddef.h>

/* Trim modes, spelled as NumPy's `trim` argument. */
#define ND_TRIM_NONE 'k'    /* keep trailing zeros and the point */
#define ND_TRIM_ZEROS '.'   /* drop trailing zeros, keep the point */
#define ND_TRIM_ONEZERO '0' /* drop all but one zero after the point */
#define ND_TRIM_DPT '-'     /* drop trailing zeros and the point */

/* Enough for any formatted float with precision <= ND_PRINT_MAXPREC. */
#define ND_D4_BUFSIZE 1024

typedef struct NdD4Opts {
    int scientific; /* 1: d.ddde+XX, 0: positional */
    int unique;     /* 1: shortest round-trip digits, 0: exact digits */
    int fractional; /* positional: precision counts digits after point */
    int precision;  /* cut-off (digits), -1 for none */
    int min_digits; /* unique mode: at least this many digits, -1 none */
    int sign;       /* 1: print '+' for positive values */
    char trim;      /* an ND_TRIM_* mode */
    int pad_left;   /* pad to this many chars left of the point, -1 */
    int pad_right;  /* pad to this many chars right of the point, -1 */
    int exp_digits; /* at least this many exponent digits, -1 for 2 */
} NdD4Opts;

/* Which IEEE format a value to print has: its shortest digits and its
** margins depend on the format's precision. */
#define ND_D4_F64 0
#define ND_D4_F32 1
#define ND_D4_F16 2

/*
** Format x (a value of format ftype, an ND_D4_* constant, which converts
** to double exactly) like NumPy's dragon4_positional/dragon4_scientific.
** buf must hold ND_D4_BUFSIZE bytes; the result is NUL-terminated and
** its length returned (output that would not fit is cut, never
** overflowed).
*/
size_t nd_dragon4(double x, int ftype, const NdD4Opts *o, char *buf);

/*
** NumPy's float scalar text: positional with trim_pos for zero and
** 1e-4 <= |x| < 1e16, else scientific with trim_sci; shortest digits.
** repr(np.float64) uses ('0', '-'), complex parts ('-', '-'). buf as
** for nd_dragon4; returns the length.
*/
size_t nd_d4_scalar(double x, int ftype, char trim_pos, char trim_sci,
                    int sign, char *buf);

#endif
