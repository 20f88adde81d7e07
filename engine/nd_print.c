/*
** nd_print.c - str() and repr() of arrays and scalars, as NumPy 1.24.
**
** A port of numpy/core/arrayprint.py (legacy=False): one formatter per
** dtype kind is fitted to the printed elements (the edges only when the
** array is summarised), then _formatArray's wrapping runs as a stream.
** Trailing blanks are held back until something follows, which is how
** the rstrip() before a line break is done without building lines.
*/
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "nd_print.h"
#include "nd_print_int.h"

/* ---- output: buffered writer, held-back blanks, current column ---- */

/*
** All text goes through an Out. Python builds each line and calls
** line.rstrip() when it wraps; here whitespace at the end of what has
** been written is only held back (as runs) and sent when something else
** follows, or dropped by a line break. col is the column Python's len(line) and
** the repr's last_line_len would see. Pieces are batched in buf so the
** writer is called once per 512 bytes, not once per element.
*/

#define OUT_RUNS 8

typedef struct {
    NdWriter w;
    void *ud;
    int err;
    int nruns;            /* held-back whitespace, as runs of one char */
    char run_ch[OUT_RUNS];
    long run_n[OUT_RUNS];
    long col;             /* column after the text so far */
    size_t n;
    char buf[512];
} Out;

static void out_send(Out *o)
{
    if (o->n && !o->err && o->w(o->ud, o->buf, o->n) != 0)
        o->err = 1;
    o->n = 0;
}

static void out_raw(Out *o, const char *s, size_t n)
{
    while (n > 0 && !o->err) {
        size_t k = sizeof o->buf - o->n;
        if (k > n)
            k = n;
        memcpy(o->buf + o->n, s, k);
        o->n += k;
        s += k;
        n -= k;
        if (o->n == sizeof o->buf)
            out_send(o);
    }
}

/* Python's str.rstrip() set, as far as it can occur here. */
static int is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
           c == '\f';
}

/* Send the oldest `upto` held-back runs, keeping the rest. */
static void out_send_runs(Out *o, int upto)
{
    char chunk[32];
    int i;
    for (i = 0; i < upto; i++) {
        long left = o->run_n[i];
        memset(chunk, o->run_ch[i], sizeof chunk);
        while (left > 0) {
            long k = left < 32 ? left : 32;
            out_raw(o, chunk, (size_t)k);
            left -= k;
        }
    }
    memmove(o->run_ch, o->run_ch + upto, (size_t)(o->nruns - upto));
    memmove(o->run_n, o->run_n + upto,
            (size_t)(o->nruns - upto) * sizeof o->run_n[0]);
    o->nruns -= upto;
}

static void out_hold(Out *o, char c, long n)
{
    if (o->nruns > 0 && o->run_ch[o->nruns - 1] == c) {
        o->run_n[o->nruns - 1] += n;
        return;
    }
    if (o->nruns == OUT_RUNS) /* only odd separators get here */
        out_send_runs(o, 1);
    o->run_ch[o->nruns] = c;
    o->run_n[o->nruns++] = n;
}

/* Text whose trailing whitespace is held back until more text follows. */
static void out_text(Out *o, const char *s, size_t n)
{
    size_t core = n, i;
    while (core > 0 && is_ws(s[core - 1]))
        core--;
    if (core > 0) {
        out_send_runs(o, o->nruns);
        out_raw(o, s, core);
    }
    for (i = core; i < n; i++)
        out_hold(o, s[i], 1);
    o->col += (long)n;
}

static void out_str(Out *o, const char *s)
{
    out_text(o, s, strlen(s));
}

static void out_blanks(Out *o, long n)
{
    if (n > 0)
        out_hold(o, ' ', n);
    o->col += n;
}

/* A line break drops the held-back whitespace: Python's line.rstrip(). */
static void out_newline(Out *o)
{
    o->nruns = 0;
    out_raw(o, "\n", 1);
    o->col = 0;
}

static int out_done(Out *o)
{
    out_send_runs(o, o->nruns);
    out_send(o);
    return o->err ? ND_EMEMORY : ND_OK;
}

/* ---- reading elements ---- */

/*
** Names and kinds straight from the X-macro, so the printer needs nothing
** from nd.c. Elements are read with memcpy: views may be unaligned.
*/

static const char *const dtype_names[] = {
#define ND_PRINT_NAME(E, T, N, K, S) N,
    ND_DTYPES(ND_PRINT_NAME)
#undef ND_PRINT_NAME
};

static const char dtype_kinds[] = {
#define ND_PRINT_KIND(E, T, N, K, S) K,
    ND_DTYPES(ND_PRINT_KIND)
#undef ND_PRINT_KIND
};

/* The ND_D4_* format of a float or complex dtype's values. */
static int ftype_of(NdDType t)
{
    return t == ND_FLOAT16                        ? ND_D4_F16
           : t == ND_FLOAT32 || t == ND_COMPLEX64 ? ND_D4_F32
                                                  : ND_D4_F64;
}

/* Part 0 is the real part (or the value), 1 the imaginary part. */
static double rd_float(NdDType t, const char *p, int part)
{
    float f[2];
    double d[2];
    uint16_t h;
    switch (t) {
    case ND_FLOAT16:
        memcpy(&h, p, 2);
        return nd_half_to_double(h);
    case ND_FLOAT32:
        memcpy(f, p, 4);
        return f[0];
    case ND_COMPLEX64:
        memcpy(f, p, 8);
        return f[part];
    case ND_COMPLEX128:
        memcpy(d, p, 16);
        return d[part];
    default:
        memcpy(d, p, 8);
        return d[0];
    }
}

/* Integers and bools: *neg says whether to read the result as signed. */
static uint64_t rd_int(NdDType t, const char *p, int *neg)
{
    int8_t i8;
    int16_t i16;
    int32_t i32;
    int64_t i64;
    uint16_t u16;
    uint32_t u32;
    uint64_t u64;
    *neg = 0;
    switch (t) {
    case ND_INT8:
        memcpy(&i8, p, 1);
        i64 = i8;
        break;
    case ND_INT16:
        memcpy(&i16, p, 2);
        i64 = i16;
        break;
    case ND_INT32:
        memcpy(&i32, p, 4);
        i64 = i32;
        break;
    case ND_INT64:
        memcpy(&i64, p, 8);
        break;
    case ND_UINT16:
        memcpy(&u16, p, 2);
        return u16;
    case ND_UINT32:
        memcpy(&u32, p, 4);
        return u32;
    case ND_UINT64:
        memcpy(&u64, p, 8);
        return u64;
    default: /* bool, uint8 */
        return (uint8_t)p[0];
    }
    *neg = i64 < 0;
    return (uint64_t)i64;
}

static int fmt_int(char *buf, size_t n, uint64_t v, int neg)
{
    if (neg)
        return snprintf(buf, n, "%lld", (long long)v);
    return snprintf(buf, n, "%llu", (unsigned long long)v);
}

/* ---- visiting the printed elements (edges only when summarised) ---- */

typedef void (*VisitFn)(void *ctx, const char *p);

static int64_t elem_count(const NdArray *a)
{
    int64_t n = 1;
    int k;
    for (k = 0; k < a->ndim; k++)
        n *= a->shape[k];
    return n;
}

/*
** Calls fn on every element _leading_trailing() would keep: on an axis
** longer than 2*edge only the first and last `edge` indices. (With edge
** 0 NumPy's a[-0:] keeps the whole axis, so nothing is skipped.)
*/
static void visit(const NdArray *a, int summarize, int edge, VisitFn fn,
                  void *ctx)
{
    int64_t idx[ND_MAXDIMS];
    int k, nd = a->ndim;
    if (elem_count(a) == 0)
        return;
    for (k = 0; k < nd; k++)
        idx[k] = 0;
    for (;;) {
        const char *p = a->data;
        for (k = 0; k < nd; k++)
            p += idx[k] * a->strides[k];
        fn(ctx, p);
        for (k = nd - 1; k >= 0; k--) {
            idx[k]++;
            if (summarize && edge > 0 && a->shape[k] > 2 * (int64_t)edge &&
                idx[k] == edge)
                idx[k] = a->shape[k] - edge;
            if (idx[k] < a->shape[k])
                break;
            idx[k] = 0;
        }
        if (k < 0)
            return;
    }
}

/* ---- FloatingFormat ---- */

/*
** The state of one arrayprint.FloatingFormat after fillFormat: the same
** fields, -1 standing for None. Every element is then printed with the
** same Dragon4 options, which is what lines the columns up.
*/
typedef struct {
    int ftype, floatmode, suppress; /* ftype: ND_D4_* */
    char sign;       /* '-', '+', ' ' */
    int precision;   /* max digits after the point, -1: unlimited */
    int min_digits;  /* min digits after the point, -1: none */
    int unique;      /* shortest digits (all modes but 'fixed') */
    int exp_format;  /* scientific notation for the whole array */
    int pad_left;    /* chars left of the point, sign included */
    int pad_right;   /* chars right of the point (positional) */
    int exp_size;    /* exponent digits (scientific), else -1 */
    char trim;       /* an ND_TRIM_* mode */
} FloatFmt;

/* What fillFormat learns in its two passes over the printed values. */
typedef struct {
    FloatFmt *f;
    NdDType t;
    int part;
    int64_t ntotal, nfinite;
    int any_neginf, any_signbit, have_nz;
    double maxv, minv;
    int max_int, max_frac, max_exp; /* second pass */
    NdD4Opts d4;
} FillCtx;

/* First pass: only finite values count; nan and inf only widen. */
static void fill_stats(void *vctx, const char *p)
{
    FillCtx *c = vctx;
    double v = rd_float(c->t, p, c->part);
    c->ntotal++;
    if (isfinite(v)) {
        c->nfinite++;
        if (signbit(v))
            c->any_signbit = 1;
        if (v != 0) {
            double av = fabs(v);
            if (!c->have_nz || av > c->maxv)
                c->maxv = av;
            if (!c->have_nz || av < c->minv)
                c->minv = av;
            c->have_nz = 1;
        }
    } else if (isinf(v) && v < 0) {
        c->any_neginf = 1;
    }
}

/* The first printing pass: widths of integer, fraction, exponent. */
static void fill_widths(void *vctx, const char *p)
{
    FillCtx *c = vctx;
    char buf[ND_D4_BUFSIZE];
    double v = rd_float(c->t, p, c->part);
    size_t len, dot, e;
    if (!isfinite(v))
        return;
    len = nd_dragon4(v, c->f->ftype, &c->d4, buf);
    dot = strcspn(buf, ".");
    e = c->d4.scientific ? strcspn(buf, "e") : len;
    if ((int)dot > c->max_int)
        c->max_int = (int)dot;
    if (dot < e && (int)(e - dot - 1) > c->max_frac)
        c->max_frac = (int)(e - dot - 1);
    if (e < len && (int)(len - e - 1) > c->max_exp)
        c->max_exp = (int)(len - e - 1);
}

/*
** FloatingFormat.__init__ + fillFormat over the printed elements (part 0
** real, 1 imaginary). Scientific notation is chosen for the whole array
** from the non-zero finite magnitudes; then every value is formatted once
** with the array's precision to find the widest integer part, fraction
** and exponent, which become the padding used for every element.
*/
static void float_fill(FloatFmt *f, const NdArray *a, int part, int summ,
                       const NdPrintOptions *o, char sign)
{
    FillCtx c;
    memset(&c, 0, sizeof c);
    f->ftype = ftype_of(a->dtype);
    f->floatmode = o->floatmode;
    f->suppress = o->suppress;
    f->sign = sign;
    f->precision = o->precision < 0                  ? 0
                   : o->precision > ND_PRINT_MAXPREC ? ND_PRINT_MAXPREC
                                                     : o->precision;
    if (f->floatmode == ND_FLOATMODE_UNIQUE)
        f->precision = -1; /* None: as many digits as it takes */
    f->exp_format = 0;
    c.f = f;
    c.t = a->dtype;
    c.part = part;
    visit(a, summ, o->edgeitems, fill_stats, &c);

    if (c.have_nz) {
        int big_ratio;
        if (f->ftype == ND_D4_F16) {
            /* float16 scalars divide in float, rounded to half */
            volatile float r = (float)c.maxv / (float)c.minv;
            big_ratio = nd_half_to_float(nd_float_to_half(r)) > 1000.;
        } else if (f->ftype == ND_D4_F32) {
            /* NumPy divides the two float32 scalars in float32 */
            volatile float r = (float)c.maxv / (float)c.minv;
            big_ratio = r > 1000.;
        } else {
            big_ratio = c.maxv / c.minv > 1000.;
        }
        if (c.maxv >= 1.e8 ||
            (!f->suppress && (c.minv < 0.0001 || big_ratio)))
            f->exp_format = 1;
    }

    if (c.nfinite == 0) {
        f->pad_left = f->pad_right = 0;
        f->trim = ND_TRIM_ZEROS;
        f->exp_size = -1;
        f->unique = 1;
        f->min_digits = -1;
    } else {
        int fixed = f->floatmode == ND_FLOATMODE_FIXED;
        NdD4Opts d = {f->exp_format, !fixed, 1, f->precision, -1,
                      f->sign == '+', fixed ? ND_TRIM_NONE : ND_TRIM_ZEROS,
                      -1, -1, -1};
        c.d4 = d;
        visit(a, summ, o->edgeitems, fill_widths, &c);
        f->unique = !fixed;
        f->pad_left = c.max_int;
        if (f->exp_format) {
            f->exp_size = c.max_exp - 1;
            f->trim = ND_TRIM_NONE;
            f->precision = f->min_digits = c.max_frac;
            f->pad_right = f->exp_size + 2 + f->precision;
        } else {
            f->pad_right = c.max_frac;
            f->exp_size = -1;
            if (fixed || f->floatmode == ND_FLOATMODE_MAXPREC_EQUAL) {
                f->precision = f->min_digits = f->pad_right;
                f->trim = ND_TRIM_NONE;
            } else {
                f->trim = ND_TRIM_ZEROS;
                f->min_digits = 0;
            }
        }
    }
    /* sign=' ' reserves a column for the sign only if none has one */
    if (f->sign == ' ' && !c.any_signbit)
        f->pad_left += 1;
    /* "nan", "inf" and "-inf" must fit the column too */
    if (c.ntotal != c.nfinite) {
        int neginf = f->sign != '-' || c.any_neginf;
        int offset = f->pad_right + 1;
        if (3 - offset > f->pad_left)
            f->pad_left = 3 - offset;
        if (3 + neginf - offset > f->pad_left)
            f->pad_left = 3 + neginf - offset;
    }
}

/*
** FloatingFormat.__call__; buf holds ND_D4_BUFSIZE bytes. nan and inf
** are right-aligned in the whole column (pad_left + '.' + pad_right).
*/
static size_t float_call(const FloatFmt *f, double x, char *buf)
{
    if (!isfinite(x)) {
        const char *r;
        size_t rl, w = (size_t)(f->pad_left + f->pad_right + 1), k = 0;
        if (isnan(x))
            r = f->sign == '+' ? "+nan" : "nan";
        else
            r = x < 0 ? "-inf" : f->sign == '+' ? "+inf" : "inf";
        rl = strlen(r);
        if (w >= ND_D4_BUFSIZE - 8)
            w = ND_D4_BUFSIZE - 8;
        for (; k + rl < w; k++)
            buf[k] = ' ';
        memcpy(buf + k, r, rl + 1);
        return k + rl;
    } else {
        NdD4Opts d = {f->exp_format, f->unique,    1,
                      f->precision,  f->min_digits, f->sign == '+',
                      f->trim,       f->pad_left,  -1,
                      -1};
        if (f->exp_format)
            d.exp_digits = f->exp_size;
        else
            d.pad_right = f->pad_right;
        return nd_dragon4(x, f->ftype, &d, buf);
    }
}

/* ---- the formatter for one array: _get_format_function ---- */

/*
** One formatter per array, by kind: BoolFormat (" True" pads to the width
** of "False"), IntegerFormat (width of the longer of str(max), str(min)),
** FloatingFormat, ComplexFloatingFormat (two FloatingFormats, the
** imaginary one always signed). ELEM_MAX holds one complex element.
*/

#define ELEM_MAX (2 * ND_D4_BUFSIZE + 8)

typedef struct {
    NdDType t;
    char kind;
    int bool_wide; /* " True", except in 0-d arrays */
    int int_width;
    FloatFmt re, im;
} Fmt;

typedef struct {
    NdDType t;
    int have;
    uint64_t maxu, minu; /* unsigned types */
    int64_t maxs, mins;  /* signed types */
} IntCtx;

static void int_stats(void *vctx, const char *p)
{
    IntCtx *c = vctx;
    int neg;
    uint64_t v = rd_int(c->t, p, &neg);
    int64_t s = (int64_t)v;
    if (!c->have || v > c->maxu)
        c->maxu = v;
    if (!c->have || v < c->minu)
        c->minu = v;
    if (!c->have || s > c->maxs)
        c->maxs = s;
    if (!c->have || s < c->mins)
        c->mins = s;
    c->have = 1;
}

static void fmt_fit(Fmt *f, const NdArray *a, int summ,
                    const NdPrintOptions *o)
{
    memset(f, 0, sizeof *f);
    f->t = a->dtype;
    f->kind = dtype_kinds[a->dtype];
    if (f->kind == 'b') {
        f->bool_wide = a->ndim != 0;
    } else if (f->kind == 'i' || f->kind == 'u') {
        IntCtx c;
        char b1[32], b2[32];
        int l1, l2;
        memset(&c, 0, sizeof c);
        c.t = a->dtype;
        visit(a, summ, o->edgeitems, int_stats, &c);
        if (f->kind == 'u') {
            l1 = fmt_int(b1, sizeof b1, c.maxu, 0);
            l2 = fmt_int(b2, sizeof b2, c.minu, 0);
        } else {
            l1 = fmt_int(b1, sizeof b1, (uint64_t)c.maxs, c.maxs < 0);
            l2 = fmt_int(b2, sizeof b2, (uint64_t)c.mins, c.mins < 0);
        }
        f->int_width = c.have ? (l1 > l2 ? l1 : l2) : 0;
    } else if (f->kind == 'f') {
        float_fill(&f->re, a, 0, summ, o, o->sign);
    } else {
        float_fill(&f->re, a, 0, summ, o, o->sign);
        float_fill(&f->im, a, 1, summ, o, '+');
    }
}

/* One element as its formatter prints it; buf holds ELEM_MAX bytes. */
static size_t fmt_call(const Fmt *f, const char *p, char *buf)
{
    int neg, n;
    uint64_t v;
    size_t rl, il, core;
    switch (f->kind) {
    case 'b':
        strcpy(buf, p[0] ? (f->bool_wide ? " True" : "True") : "False");
        return strlen(buf);
    case 'i':
    case 'u':
        v = rd_int(f->t, p, &neg);
        n = neg ? snprintf(buf, ELEM_MAX, "%*lld", f->int_width, (long long)v)
                : snprintf(buf, ELEM_MAX, "%*llu", f->int_width,
                           (unsigned long long)v);
        return (size_t)n;
    case 'f':
        return float_call(&f->re, rd_float(f->t, p, 0), buf);
    default:
        rl = float_call(&f->re, rd_float(f->t, p, 0), buf);
        il = float_call(&f->im, rd_float(f->t, p, 1), buf + rl);
        /* the 'j' goes before the imaginary part's right padding */
        core = il;
        while (core > 0 && buf[rl + core - 1] == ' ')
            core--;
        memmove(buf + rl + core + 1, buf + rl + core, il - core + 1);
        buf[rl + core] = 'j';
        return rl + il + 1;
    }
}

/* ---- _formatArray, streamed ---- */

/*
** The recursion of _formatArray. Python builds s for each sub-array and
** finally takes '[' + s[len(hanging_indent):] + ']'; since s always starts
** with the hanging indent, that is '[' written where the indent would be,
** so everything can be written in order. Widths are still counted as in
** Python: a row's line starts at len(hanging_indent), and each level
** down adds one to the indent and takes one off the width for its ']'.
*/

typedef struct {
    const NdArray *a;
    const Fmt *fmt;
    Out *out;
    const char *sep;  /* " " for str, ", " for repr */
    size_t seplen;    /* its length */
    size_t sepcore;   /* the length of separator.rstrip() */
    int summarize, edge;
    int64_t idx[ND_MAXDIMS];
    char elem[ELEM_MAX];
} Pr;

static const char *elem_ptr(const Pr *p)
{
    const char *q = p->a->data;
    int k;
    for (k = 0; k < p->a->ndim; k++)
        q += p->idx[k] * p->a->strides[k];
    return q;
}

/* _extendLine: wrap before word if it does not fit (and it would help). */
static void extend_line(Pr *p, long *line, const char *w, size_t wl,
                        long width, long indent)
{
    if (*line + (long)wl > width && *line > indent) {
        out_newline(p->out);
        out_blanks(p->out, indent);
        *line = indent;
    }
    out_text(p->out, w, wl);
    *line += (long)wl;
}

static void row_word(Pr *p, int axis, int64_t i, long *line, long width,
                     long indent)
{
    size_t n;
    p->idx[axis] = i;
    n = fmt_call(p->fmt, elem_ptr(p), p->elem);
    extend_line(p, line, p->elem, n, width, indent);
}

/*
** Write the sub-array at p->idx[0..axis-1]: indent is the hanging indent
** (len), width the line width left for it. With a summary only `edge`
** items are kept at each end of a long axis, with "..." between; the
** last item is written on its own, as Python does (it matters when
** edge is 0: "[..., last]").
*/
static void recurse(Pr *p, int axis, long indent, long width)
{
    int axes_left = p->a->ndim - axis;
    int64_t n = p->a->shape[axis], i;
    int show = p->summarize && 2 * (int64_t)p->edge < n;
    int64_t lead = show ? p->edge : 0, trail = show ? p->edge : n;
    size_t seplen = p->seplen;
    Out *o = p->out;

    out_text(o, "[", 1);
    if (axes_left == 1) {
        /*
         * the hanging indent counts, though '[' replaces it on line 1;
         * elem_width keeps room for the ']' (or ',') after an element
         */
        long line = indent;
        long elem_width = width - (p->sepcore > 1 ? (long)p->sepcore : 1);
        for (i = 0; i < lead; i++) {
            row_word(p, axis, i, &line, elem_width, indent);
            out_text(o, p->sep, seplen);
            line += (long)seplen;
        }
        if (show) {
            extend_line(p, &line, "...", 3, elem_width, indent);
            out_text(o, p->sep, seplen);
            line += (long)seplen;
        }
        for (i = trail; i > 1; i--) {
            row_word(p, axis, n - i, &line, elem_width, indent);
            out_text(o, p->sep, seplen);
            line += (long)seplen;
        }
        row_word(p, axis, n - 1, &line, elem_width, indent);
    } else {
        /* separator.rstrip() and a newline per remaining axis */
        int first = 1, k;
        int64_t pieces = lead + show + (trail > 1 ? trail : 1);
        for (i = 0; i < pieces; i++) {
            int64_t j;
            if (!first)
                out_blanks(o, indent);
            first = 0;
            if (i < lead) {
                j = i;
            } else if (show && i == lead) {
                out_text(o, "...", 3);
                j = -1;
            } else {
                j = n - (pieces - i);
            }
            if (j >= 0) {
                p->idx[axis] = j;
                recurse(p, axis + 1, indent + 1, width - 1);
            }
            if (i + 1 < pieces) {
                out_text(o, p->sep, p->sepcore);
                for (k = 1; k < axes_left; k++)
                    out_newline(o);
            }
        }
    }
    out_text(o, "]", 1);
}

/* ---- public entry points ---- */

void nd_print_defaults(NdPrintOptions *o)
{
    if (o == NULL)
        return;
    o->precision = 8;
    o->threshold = 1000;
    o->edgeitems = 3;
    o->linewidth = 75;
    o->suppress = 0;
    o->sign = '-';
    o->floatmode = ND_FLOATMODE_MAXPREC;
}

static void out_init(Out *o, NdWriter w, void *ud)
{
    memset(o, 0, offsetof(Out, buf));
    o->w = w;
    o->ud = ud;
}

/*
** _array2string for a non-empty array: the formatter is fitted, then the
** rows are written; plen is the prefix length ("array(" is 6), which
** with the '[' sets the hanging indent of continuation lines.
*/
static void array_body(Out *out, const NdArray *a, const NdPrintOptions *o,
                       const char *sep, long plen, long width)
{
    Pr p;
    Fmt fmt;
    int summ = elem_count(a) > (int64_t)o->threshold;
    fmt_fit(&fmt, a, summ, o);
    memset(p.idx, 0, sizeof p.idx);
    p.a = a;
    p.fmt = &fmt;
    p.out = out;
    p.sep = sep;
    p.seplen = strlen(sep);
    p.sepcore = p.seplen;
    while (p.sepcore > 0 && strchr(" \t\n\r\f\v", sep[p.sepcore - 1]))
        p.sepcore--;
    p.summarize = summ;
    p.edge = o->edgeitems;
    if (a->ndim == 0) {
        size_t n = fmt_call(&fmt, a->data, p.elem);
        out_text(out, p.elem, n);
        return;
    }
    recurse(&p, 0, 1 + plen, width);
}

static void print_scalar(Out *o, NdDType t, const char *p)
{
    char buf[ELEM_MAX], tmp[ND_D4_BUFSIZE];
    int neg;
    uint64_t v;
    size_t n;
    char kind = dtype_kinds[t];
    if (kind == 'b') {
        out_str(o, p[0] ? "True" : "False");
    } else if (kind == 'i' || kind == 'u') {
        v = rd_int(t, p, &neg);
        fmt_int(buf, sizeof buf, v, neg);
        out_str(o, buf);
    } else if (kind == 'f') {
        n = nd_d4_scalar(rd_float(t, p, 0), ftype_of(t), ND_TRIM_ONEZERO,
                         ND_TRIM_DPT, 0, buf);
        out_text(o, buf, n);
    } else {
        /* scalartypes.c: complex parts trim the point ("(1+2j)") */
        double re = rd_float(t, p, 0), im = rd_float(t, p, 1);
        int f32 = ftype_of(t);
        if (re == 0 && !signbit(re)) {
            n = nd_d4_scalar(im, f32, ND_TRIM_DPT, ND_TRIM_DPT, 0, buf);
            out_text(o, buf, n);
            out_str(o, "j");
            return;
        }
        out_str(o, "(");
        if (isfinite(re)) {
            n = nd_d4_scalar(re, f32, ND_TRIM_DPT, ND_TRIM_DPT, 0, tmp);
            out_text(o, tmp, n);
        } else {
            out_str(o, isnan(re) ? "nan" : re > 0 ? "inf" : "-inf");
        }
        if (isfinite(im)) {
            n = nd_d4_scalar(im, f32, ND_TRIM_DPT, ND_TRIM_DPT, 1, tmp);
            out_text(o, tmp, n);
        } else {
            out_str(o, isnan(im) ? "+nan" : im > 0 ? "+inf" : "-inf");
        }
        out_str(o, "j)");
    }
}

int nd_print_scalar_str(NdDType t, const void *p, NdWriter w, void *ud)
{
    Out o;
    out_init(&o, w, ud);
    print_scalar(&o, t, p);
    return out_done(&o);
}

int nd_print_scalar_repr(NdDType t, const void *p, NdWriter w, void *ud)
{
    return nd_print_scalar_str(t, p, w, ud);
}

/* A NULL options pointer means NumPy's defaults, kept in *def. */
static void defaults_if_null(const NdPrintOptions **o, NdPrintOptions *def)
{
    if (*o == NULL) {
        nd_print_defaults(def);
        *o = def;
    }
}

int nd_array2string(const NdArray *a, const NdPrintOptions *o,
                    const char *sep, size_t prefix_len, size_t suffix_len,
                    NdWriter w, void *ud)
{
    NdPrintOptions def;
    Out out;
    defaults_if_null(&o, &def);
    out_init(&out, w, ud);
    if (elem_count(a) == 0)
        out_str(&out, "[]");
    else
        array_body(&out, a, o, sep ? sep : " ", (long)prefix_len,
                   (long)o->linewidth - (long)suffix_len);
    return out_done(&out);
}

int nd_print_str(const NdArray *a, const NdPrintOptions *o, NdWriter w,
                 void *ud)
{
    NdPrintOptions def;
    Out out;
    defaults_if_null(&o, &def);
    out_init(&out, w, ud);
    if (a->ndim == 0)
        print_scalar(&out, a->dtype, a->data);
    else if (elem_count(a) == 0)
        out_str(&out, "[]");
    else
        array_body(&out, a, o, " ", 0, o->linewidth);
    return out_done(&out);
}

/* dtype_is_implied(): these dtypes are left out of a non-empty repr. */
static int dtype_implied(NdDType t)
{
    return t == ND_INT64 || t == ND_FLOAT64 || t == ND_COMPLEX128 ||
           t == ND_BOOL;
}

int nd_print_repr(const NdArray *a, const NdPrintOptions *o, NdWriter w,
                  void *ud)
{
    NdPrintOptions def;
    Out out;
    char ds[48];
    int64_t size = elem_count(a);
    int k;
    defaults_if_null(&o, &def);
    out_init(&out, w, ud);
    out_str(&out, "array(");
    if (size > 0) {
        /* array2string takes len(suffix), ")" or ",", off the width */
        array_body(&out, a, o, ", ", 6, o->linewidth - 1);
    } else if (a->ndim == 1) {
        out_str(&out, "[]");
    } else {
        out_str(&out, "[], shape=(");
        for (k = 0; k < a->ndim; k++) {
            snprintf(ds, sizeof ds, k ? ", %lld" : "%lld",
                     (long long)a->shape[k]);
            out_str(&out, ds);
        }
        out_str(&out, ")");
    }
    if (dtype_implied(a->dtype) && size > 0) {
        out_str(&out, ")");
        return out_done(&out);
    }
    /* the dtype goes on a new line if it would pass the line width */
    snprintf(ds, sizeof ds, "dtype=%s)", dtype_names[a->dtype]);
    out_str(&out, ",");
    if (out.col + (long)strlen(ds) + 1 > o->linewidth) {
        out_newline(&out);
        out_blanks(&out, 6);
    } else {
        out_blanks(&out, 1);
    }
    out_str(&out, ds);
    return out_done(&out);
}
