/*
** nd_dragon4.c - NumPy's Dragon4 float formatting, for NumPy-identical text.
**
** Steele & White / Burger & Dybvig digit generation on exact big integers,
** following NumPy's dragon4.c (Ryan Juckett's design): unique mode emits
** the shortest digits that read back to the same float (of its own width:
** float32 stays float32), with NumPy's cut-off, min_digits, rounding (half
** to even on the exact value), trim and padding rules. Also Python's
** repr(float) and the float scalar reprs, which are thin layers on it.
*/
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "nd_print.h"
#include "nd_print_int.h"

/*
** Big unsigned integers in 32-bit blocks, least significant first. 2048
** bits hold every intermediate of a float64: values near 2^1080 at most.
*/
#define BIG_BLOCKS 64

typedef struct {
    int len; /* blocks in use; 0 means zero */
    uint32_t b[BIG_BLOCKS];
} Big;

static void big_set_u64(Big *r, uint64_t v)
{
    r->len = 0;
    while (v) {
        r->b[r->len++] = (uint32_t)v;
        v >>= 32;
    }
}

/* r = x, touching only the blocks in use (a Big is 260 bytes). */
static void big_copy(Big *r, const Big *x)
{
    r->len = x->len;
    memcpy(r->b, x->b, (size_t)x->len * sizeof x->b[0]);
}

static int big_cmp(const Big *x, const Big *y)
{
    int i;
    if (x->len != y->len)
        return x->len > y->len ? 1 : -1;
    for (i = x->len - 1; i >= 0; i--)
        if (x->b[i] != y->b[i])
            return x->b[i] > y->b[i] ? 1 : -1;
    return 0;
}

/* r = x + y; r may alias x or y. */
static void big_add(Big *r, const Big *x, const Big *y)
{
    const Big *l = x->len >= y->len ? x : y, *s = l == x ? y : x;
    uint64_t carry = 0;
    int i, n = l->len;
    for (i = 0; i < n; i++) {
        uint64_t t = (uint64_t)l->b[i] + (i < s->len ? s->b[i] : 0) + carry;
        r->b[i] = (uint32_t)t;
        carry = t >> 32;
    }
    if (carry && n < BIG_BLOCKS)
        r->b[n++] = (uint32_t)carry;
    r->len = n;
}

/* x -= y, where x >= y. */
static void big_sub(Big *x, const Big *y)
{
    int64_t borrow = 0;
    int i;
    for (i = 0; i < x->len; i++) {
        int64_t t = (int64_t)x->b[i] - (i < y->len ? y->b[i] : 0) - borrow;
        borrow = t < 0;
        x->b[i] = (uint32_t)(t + (borrow ? (int64_t)1 << 32 : 0));
    }
    while (x->len > 0 && x->b[x->len - 1] == 0)
        x->len--;
}

static void big_mul_small(Big *x, uint32_t m)
{
    uint64_t carry = 0;
    int i;
    for (i = 0; i < x->len; i++) {
        uint64_t t = (uint64_t)x->b[i] * m + carry;
        x->b[i] = (uint32_t)t;
        carry = t >> 32;
    }
    if (carry && x->len < BIG_BLOCKS)
        x->b[x->len++] = (uint32_t)carry;
}

static void big_mul_pow10(Big *x, int n)
{
    static const uint32_t p10[] = {1,      10,      100,      1000,
                                   10000,  100000,  1000000,  10000000,
                                   100000000, 1000000000};
    while (n >= 9) {
        big_mul_small(x, p10[9]);
        n -= 9;
    }
    if (n > 0)
        big_mul_small(x, p10[n]);
}

static void big_shl(Big *x, int n)
{
    int words = n / 32, bits = n % 32, i;
    if (x->len == 0)
        return;
    if (x->len + words + 1 > BIG_BLOCKS)
        words = BIG_BLOCKS - x->len - 1; /* cannot happen for IEEE input */
    x->b[x->len + words] = 0;
    for (i = x->len - 1; i >= 0; i--) {
        uint32_t v = x->b[i];
        if (bits) {
            x->b[i + words + 1] |= v >> (32 - bits);
            x->b[i + words] = v << bits;
        } else {
            x->b[i + words] = v;
        }
    }
    for (i = 0; i < words; i++)
        x->b[i] = 0;
    x->len += words + 1;
    while (x->len > 0 && x->b[x->len - 1] == 0)
        x->len--;
}

static void big_pow2(Big *r, int n)
{
    big_set_u64(r, 1);
    big_shl(r, n);
}

/* Divide x by s, known to give a quotient below 10: x becomes the
** remainder. */
static uint32_t big_divmod_small(Big *x, const Big *s)
{
    uint32_t q = 0;
    while (big_cmp(x, s) >= 0) {
        big_sub(x, s);
        q++;
    }
    return q;
}

/*
** The digit loop and final rounding of dragon4_digits on 128-bit
** integers, for the usual case where the scale is below 2^96 (every
** float64 from about 1e-9 to 1e19): the same steps and comparisons, ~4x
** faster. Margins only grow; once past 2^120 they exceed the scale for
** good, so saturating them there leaves every comparison unchanged.
*/
#ifdef __SIZEOF_INT128__
typedef unsigned __int128 u128;

static u128 big_to_u128(const Big *x)
{
    u128 r = 0;
    int i;
    for (i = x->len - 1; i >= 0; i--)
        r = r << 32 | x->b[i];
    return r;
}

static int digits_u128(const Big *bvalue, const Big *bscale,
                       const Big *bmlow, int unequal_margins, int is_even,
                       int unique, int digit_exp, int cutoff_min_exp,
                       int cutoff_max_exp, char *out, int *out_exp)
{
    const u128 cap = (u128)1 << 120;
    u128 value = big_to_u128(bvalue), scale = big_to_u128(bscale);
    u128 mlow = big_to_u128(bmlow), mhigh = mlow << unequal_margins;
    int low, high, round_down;
    unsigned digit;
    char *cur = out;

    for (;;) {
        digit_exp--;
        digit = 0;
        while (value >= scale) {
            value -= scale;
            digit++;
        }
        if (unique) {
            low = is_even ? value <= mlow : value < mlow;
            high = is_even ? value + mhigh >= scale : value + mhigh > scale;
            if (((low | high) & (digit_exp <= cutoff_min_exp)) ||
                digit_exp == cutoff_max_exp)
                break;
            mlow = mlow >= cap ? cap : mlow * 10;
            mhigh = mlow << unequal_margins;
        } else {
            low = high = 0;
            if (value == 0 || digit_exp == cutoff_max_exp)
                break;
        }
        *cur++ = (char)('0' + digit);
        value *= 10;
    }
    round_down = low;
    if (low == high) {
        u128 twice = value * 2;
        round_down = twice < scale || (twice == scale && (digit & 1) == 0);
    }
    if (round_down) {
        *cur++ = (char)('0' + digit);
    } else if (digit == 9) {
        for (;;) {
            if (cur == out) {
                *cur++ = '1';
                *out_exp += 1;
                break;
            }
            --cur;
            if (*cur != '9') {
                *cur += 1;
                ++cur;
                break;
            }
        }
    } else {
        *cur++ = (char)('0' + digit + 1);
    }
    return (int)(cur - out);
}
#endif

/*
** The digit generator: mantissa * 2^exponent, mantissa's top bit at
** mantissa_bit. Writes digits (no point) to out and the decimal exponent
** of the first one to *out_exp; returns the number of digits. Cut-off
** and min_digits count total digits (total_length) or digits after the
** point, exactly as NumPy's Dragon4().
**
** Everything is an integer ratio over `scale`: value/scale is the number
** divided by 10^digit_exp, mlow/scale and mhigh/scale are half the gaps
** to the neighbouring floats (the upper gap is twice the lower one just
** above a power of two: unequal_margins). Each step takes one decimal
** digit off value. In unique mode it stops as soon as the digits so far,
** rounded down (low) or up (high), would read back to the same float;
** it also stops at the cut-off, and not before min_digits. The last
** digit is then rounded to the nearer of the two, ties to even, on the
** exact remainder, so cut-off output is correctly rounded too.
*/
static int dragon4_digits(uint64_t mantissa, int exponent, int mantissa_bit,
                          int unequal_margins, int unique, int total_length,
                          int cutoff_max, int cutoff_min, char *out,
                          int bufsize, int *out_exp)
{
    Big scale, value, mlow, mhigh, vhigh;
    int is_even = (mantissa & 1) == 0;
    int digit_exp, cutoff_max_exp, cutoff_min_exp, low, high, round_down;
    uint32_t digit;
    char *cur = out;

    if (mantissa == 0) {
        out[0] = '0';
        *out_exp = 0;
        return 1;
    }
    big_set_u64(&value, mantissa);
    if (exponent > 0) {
        /* value = 2*m*2^e (4* with unequal margins), scale = 2 (4) */
        big_shl(&value, exponent + 1 + unequal_margins);
        big_set_u64(&scale, unequal_margins ? 4 : 2);
        big_pow2(&mlow, exponent);
    } else {
        big_shl(&value, 1 + unequal_margins);
        big_pow2(&scale, -exponent + 1 + unequal_margins);
        big_set_u64(&mlow, 1);
    }
    /*
     * estimate floor(log10(v)) + 1, correct or one too small (the 0.69
     * makes "too small" the cheap case); a fractional cut-off may pull
     * it up, which the rounding at the cut-off then absorbs
     */
    digit_exp = (int)ceil((double)(mantissa_bit + exponent) *
                              0.30102999566398119521373889472449 -
                          0.69);
    if (cutoff_max >= 0 && !total_length && digit_exp <= -cutoff_max)
        digit_exp = -cutoff_max + 1;
    if (digit_exp > 0) {
        big_mul_pow10(&scale, digit_exp);
    } else if (digit_exp < 0) {
        big_mul_pow10(&value, -digit_exp);
        big_mul_pow10(&mlow, -digit_exp);
    }
    /* fix a low estimate, else pre-multiply for the first digit */
    if (big_cmp(&value, &scale) >= 0) {
        digit_exp++;
    } else {
        big_mul_small(&value, 10);
        big_mul_small(&mlow, 10);
    }
    /* the high margin is twice the low one when unequal */
    big_copy(&mhigh, &mlow);
    if (unequal_margins)
        big_shl(&mhigh, 1);

    /* decimal exponents of the last digit allowed and the last required */
    cutoff_max_exp = digit_exp - bufsize;
    if (cutoff_max >= 0) {
        int want = total_length ? digit_exp - cutoff_max : -cutoff_max;
        if (want > cutoff_max_exp)
            cutoff_max_exp = want;
    }
    cutoff_min_exp = digit_exp;
    if (cutoff_min >= 0) {
        int want = total_length ? digit_exp - cutoff_min : -cutoff_min;
        if (want < cutoff_min_exp)
            cutoff_min_exp = want;
    }
    *out_exp = digit_exp - 1;

#ifdef __SIZEOF_INT128__
    if (scale.len <= 3 && value.len <= 4 && mlow.len <= 3)
        return digits_u128(&value, &scale, &mlow, unequal_margins, is_even,
                           unique, digit_exp, cutoff_min_exp, cutoff_max_exp,
                           out, out_exp);
#endif

    if (unique) {
        for (;;) {
            int cmp;
            digit_exp--;
            digit = big_divmod_small(&value, &scale);
            big_add(&vhigh, &value, &mhigh);
            cmp = big_cmp(&value, &mlow);
            low = is_even ? cmp <= 0 : cmp < 0;
            cmp = big_cmp(&vhigh, &scale);
            high = is_even ? cmp >= 0 : cmp > 0;
            if (((low | high) & (digit_exp <= cutoff_min_exp)) ||
                digit_exp == cutoff_max_exp)
                break;
            *cur++ = (char)('0' + digit);
            big_mul_small(&value, 10);
            big_mul_small(&mlow, 10);
            big_copy(&mhigh, &mlow);
            if (unequal_margins)
                big_shl(&mhigh, 1);
        }
    } else {
        low = high = 0;
        for (;;) {
            digit_exp--;
            digit = big_divmod_small(&value, &scale);
            if (value.len == 0 || digit_exp == cutoff_max_exp)
                break;
            *cur++ = (char)('0' + digit);
            big_mul_small(&value, 10);
        }
    }

    /* round the last digit: to the nearer side, ties to even */
    round_down = low;
    if (low == high) {
        int cmp;
        big_shl(&value, 1);
        cmp = big_cmp(&value, &scale);
        round_down = cmp < 0;
        if (cmp == 0)
            round_down = (digit & 1) == 0;
    }
    if (round_down) {
        *cur++ = (char)('0' + digit);
    } else if (digit == 9) {
        for (;;) {
            if (cur == out) {
                *cur++ = '1';
                *out_exp += 1;
                break;
            }
            --cur;
            if (*cur != '9') {
                *cur += 1;
                ++cur;
                break;
            }
        }
    } else {
        *cur++ = (char)('0' + digit + 1);
    }
    return (int)(cur - out);
}

/*
** A bounded string builder: output past the end is dropped rather than
** overflowing, so a caller's fixed ND_D4_BUFSIZE buffer is always safe.
*/
typedef struct {
    char *s;
    size_t len, cap;
} Sb;

static void sb_putc(Sb *b, char c)
{
    if (b->len + 1 < b->cap)
        b->s[b->len++] = c;
}

static void sb_put(Sb *b, const char *s, size_t n)
{
    while (n--)
        sb_putc(b, *s++);
}

static void sb_fill(Sb *b, char c, int n)
{
    while (n-- > 0)
        sb_putc(b, c);
}

/*
** NumPy's FormatPositional, after the digits are known: place the point
** (padding with zeros on either side), then apply trim, min_digits /
** precision zero-fill and the left/right padding, in NumPy's order —
** e.g. right padding counts the fraction digits left after trimming, and
** a trimmed point is replaced by a blank when padding on the right.
*/
static void format_positional(Sb *b, const char *dig, int nd, int pexp,
                              char signch, const NdD4Opts *o)
{
    int whole, frac = 0, add, want, has_sign = signch != 0;
    size_t start = b->len;
    if (signch)
        sb_putc(b, signch);
    if (pexp >= 0) {
        whole = pexp + 1;
        if (nd <= whole) {
            sb_put(b, dig, (size_t)nd);
            sb_fill(b, '0', whole - nd);
        } else {
            sb_put(b, dig, (size_t)whole);
            sb_putc(b, '.');
            sb_put(b, dig + whole, (size_t)(nd - whole));
            frac = nd - whole;
        }
    } else {
        int zeros = -(pexp + 1);
        whole = 1;
        sb_put(b, "0.", 2);
        sb_fill(b, '0', zeros);
        sb_put(b, dig, (size_t)nd);
        frac = zeros + nd;
    }
    if (o->trim != ND_TRIM_DPT && frac == 0)
        sb_putc(b, '.');
    add = o->unique ? o->min_digits : o->precision;
    want = add < 0 ? 0 : add;
    if (!o->fractional)
        want = add - whole;
    if (o->trim == ND_TRIM_ONEZERO) {
        if (frac == 0) {
            sb_putc(b, '0');
            frac++;
        }
    } else if (o->trim == ND_TRIM_NONE && want > frac) {
        sb_fill(b, '0', want - frac);
        frac = want;
    }
    if (o->trim != ND_TRIM_NONE && frac > 0) {
        while (b->len > start && b->s[b->len - 1] == '0') {
            b->len--;
            frac--;
        }
        if (b->len > start && b->s[b->len - 1] == '.') {
            if (o->trim == ND_TRIM_ONEZERO) {
                sb_putc(b, '0');
                frac++;
            } else if (o->trim == ND_TRIM_DPT) {
                b->len--;
            }
        }
    }
    if (o->pad_right >= frac) {
        if (o->trim == ND_TRIM_DPT && frac == 0)
            sb_putc(b, ' ');
        sb_fill(b, ' ', o->pad_right - frac);
    }
    if (o->pad_left > whole + has_sign) {
        int shift = o->pad_left - (whole + has_sign);
        size_t n = b->len - start;
        if (b->len + (size_t)shift + 1 > b->cap)
            return; /* cannot happen within ND_D4_BUFSIZE */
        memmove(b->s + start + shift, b->s + start, n);
        memset(b->s + start, ' ', (size_t)shift);
        b->len += (size_t)shift;
    }
}

/*
** NumPy's FormatScientific, after the digits are known: d.ddd, trim and
** zero-fill as in positional, then "e+XX" with at least exp_digits
** (default 2, at most 5) exponent digits. pad_left counts the sign and
** the leading digit.
*/
static void format_scientific(Sb *b, const char *dig, int nd, int pexp,
                              char signch, const NdD4Opts *o)
{
    int frac, add, leftchars = 1 + (signch != 0), ed, i, e;
    char ebuf[8];
    if (o->pad_left > leftchars)
        sb_fill(b, ' ', o->pad_left - leftchars);
    if (signch)
        sb_putc(b, signch);
    sb_putc(b, dig[0]);
    frac = nd - 1;
    if (frac > 0) {
        sb_putc(b, '.');
        sb_put(b, dig + 1, (size_t)frac);
    }
    if (o->trim != ND_TRIM_DPT && frac == 0)
        sb_putc(b, '.');
    add = o->unique ? o->min_digits : o->precision;
    add = add < 0 ? 0 : add;
    if (o->trim == ND_TRIM_ONEZERO) {
        if (frac == 0) {
            sb_putc(b, '0');
            frac++;
        }
    } else if (o->trim == ND_TRIM_NONE && add > frac) {
        sb_fill(b, '0', add - frac);
        frac = add;
    }
    if (o->trim != ND_TRIM_NONE && frac > 0) {
        while (b->len > 0 && b->s[b->len - 1] == '0')
            b->len--;
        if (o->trim == ND_TRIM_ONEZERO && b->len > 0 &&
            b->s[b->len - 1] == '.')
            sb_putc(b, '0');
    }
    ed = o->exp_digits < 0 ? 2 : o->exp_digits > 5 ? 5 : o->exp_digits;
    sb_putc(b, 'e');
    sb_putc(b, pexp >= 0 ? '+' : '-');
    e = pexp >= 0 ? pexp : -pexp;
    for (i = 0; i < 5; i++) {
        ebuf[i] = (char)('0' + e % 10);
        e /= 10;
    }
    for (i = 5; i > ed && ebuf[i - 1] == '0'; i--)
        ;
    while (i > 0)
        sb_putc(b, ebuf[--i]);
}

/*
** Split x into mantissa * 2^exponent as NumPy does per IEEE format:
** normal numbers get the implicit bit and, for a zero fraction except
** at the lowest exponent, unequal margins (the float below is closer);
** subnormals have equal margins. Digit buffers are sized so that no
** option within ND_PRINT_MAXPREC can overflow them.
*/
size_t nd_dragon4(double x, int ftype, const NdD4Opts *o, char *buf)
{
    char dig[ND_D4_BUFSIZE];
    Sb b = {buf, 0, ND_D4_BUFSIZE};
    uint64_t mant, fm;
    int exp2, mbit, unequal, neg, fe, nd, pexp, prec, mind;
    char signch;

    if (ftype == ND_D4_F16) {
        /* x holds a half exactly, so this conversion is exact */
        uint16_t h = nd_double_to_half(x);
        fm = h & 0x3ffu;
        fe = (int)((h >> 10) & 0x1f);
        neg = (int)(h >> 15);
        if (fe == 0x1f)
            goto special;
        if (fe) {
            mant = fm | (1u << 10);
            exp2 = fe - 15 - 10;
            mbit = 10;
            unequal = fe != 1 && fm == 0;
        } else {
            mant = fm;
            exp2 = 1 - 15 - 10;
            mbit = fm ? 31 - __builtin_clz((uint32_t)fm) : 0;
            unequal = 0;
        }
    } else if (ftype == ND_D4_F32) {
        float f = (float)x;
        uint32_t u;
        memcpy(&u, &f, 4);
        fm = u & 0x7fffff;
        fe = (int)((u >> 23) & 0xff);
        neg = (int)(u >> 31);
        if (fe == 0xff)
            goto special;
        if (fe) {
            mant = fm | (1u << 23);
            exp2 = fe - 127 - 23;
            mbit = 23;
            unequal = fe != 1 && fm == 0;
        } else {
            mant = fm;
            exp2 = 1 - 127 - 23;
            mbit = fm ? 31 - __builtin_clz((uint32_t)fm) : 0;
            unequal = 0;
        }
    } else {
        uint64_t u;
        memcpy(&u, &x, 8);
        fm = u & 0xfffffffffffffull;
        fe = (int)((u >> 52) & 0x7ff);
        neg = (int)(u >> 63);
        if (fe == 0x7ff)
            goto special;
        if (fe) {
            mant = fm | (1ull << 52);
            exp2 = fe - 1023 - 52;
            mbit = 52;
            unequal = fe != 1 && fm == 0;
        } else {
            mant = fm;
            exp2 = 1 - 1023 - 52;
            mbit = fm ? 63 - __builtin_clzll(fm) : 0;
            unequal = 0;
        }
    }
    signch = neg ? '-' : o->sign ? '+' : 0;
    prec = o->precision;
    mind = o->min_digits;
    if (prec > ND_PRINT_MAXPREC)
        prec = ND_PRINT_MAXPREC;
    if (mind > ND_PRINT_MAXPREC)
        mind = ND_PRINT_MAXPREC;
    if (o->scientific) {
        nd = dragon4_digits(mant, exp2, mbit, unequal, o->unique, 1,
                            prec < 0 ? -1 : prec + 1,
                            mind < 0 ? -1 : mind + 1, dig, 400, &pexp);
        format_scientific(&b, dig, nd, pexp, signch, o);
    } else {
        nd = dragon4_digits(mant, exp2, mbit, unequal, o->unique,
                            !o->fractional, prec, mind, dig, 700, &pexp);
        format_positional(&b, dig, nd, pexp, signch, o);
    }
    buf[b.len] = '\0';
    return b.len;

special:
    /* NumPy prints no sign on nan, even a negative one */
    if (fm == 0) {
        if (neg)
            sb_putc(&b, '-');
        else if (o->sign)
            sb_putc(&b, '+');
        sb_put(&b, "inf", 3);
    } else {
        sb_put(&b, "nan", 3);
    }
    buf[b.len] = '\0';
    return b.len;
}

size_t nd_d4_scalar(double x, int ftype, char trim_pos, char trim_sci,
                    int sign, char *buf)
{
    NdD4Opts o = {0, 1, 0, -1, -1, 0, 0, -1, -1, -1};
    double ax = fabs(x);
    o.sign = sign;
    o.trim = trim_pos;
    if (!(ax == 0 || (1e-4 <= ax && ax < 1e16))) {
        o.scientific = 1;
        o.trim = trim_sci;
    }
    return nd_dragon4(x, ftype, &o, buf);
}

static int copy_out(const char *s, size_t len, char *buf, size_t n)
{
    if (n > 0) {
        size_t k = len < n - 1 ? len : n - 1;
        memcpy(buf, s, k);
        buf[k] = '\0';
    }
    return (int)len;
}

int nd_float_repr(double x, char *buf, size_t n)
{
    char tmp[ND_D4_BUFSIZE];
    size_t len =
        nd_d4_scalar(x, ND_D4_F64, ND_TRIM_ONEZERO, ND_TRIM_DPT, 0, tmp);
    return copy_out(tmp, len, buf, n);
}

int nd_float32_repr(float x, char *buf, size_t n)
{
    char tmp[ND_D4_BUFSIZE];
    size_t len =
        nd_d4_scalar((double)x, ND_D4_F32, ND_TRIM_ONEZERO, ND_TRIM_DPT, 0,
                     tmp);
    return copy_out(tmp, len, buf, n);
}
