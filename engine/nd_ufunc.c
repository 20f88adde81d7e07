/*
** nd_ufunc.c - element-wise operations (NumPy ufuncs) over strided views.
**
** Each (op, dtype) kernel is generated from the dtype lists below, with a
** contiguous path, scalar-operand paths and a strided path, so the
** compiler vectorises the common cases. Type resolution picks one loop
** dtype; operands of other dtypes are cast in chunks (nd_run_cast).
*/
#include "nd_int.h"

#include <math.h>
#include <stdio.h>

/* Generated kernels test signs of unsigned types too ("x < 0"); that is
** intended, so the range warnings are off in this file. */
#if defined(__clang__)
#pragma clang diagnostic ignored "-Wtautological-compare"
#pragma clang diagnostic ignored "-Wtautological-unsigned-zero-compare"
#pragma clang diagnostic ignored "-Wtautological-constant-out-of-range-compare"
#elif defined(__GNUC__)
#pragma GCC diagnostic ignored "-Wtype-limits"
#endif
/* No FMA contraction in any kernel level (gcc: -std=c11 implies it). */
#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#endif

/* The subsets of ND_REAL_DTYPES by which C operators apply. */
#define INT_DTYPES ND_INT_DTYPES
#define FLOAT_DTYPES ND_FLOAT_DTYPES

/* Kernel names: NAME_E, and NAME_E_avx2 for the copies compiled for
** AVX2 (KSFX is redefined around them). The copies are picked at run time
** when the CPU has AVX2 (PYPREP_ND_NOSIMD=1 in the environment keeps the
** baseline ones): the default build targets baseline x86-64 (SSE2), where
** the vector loops do half the work per instruction. Both copies do the
** same IEEE operations in the same order (no FMA: "avx2" does not imply
** it, and -std=c11 keeps contraction off), so results are identical. */
#define KSFX
#define KNAME(N, E) KCAT(N, E, KSFX)
#define KCAT(N, E, S) KCAT_(N, E, S)
#define KCAT_(N, E, S) N##_##E##S
#if ND_AVX2
#include <immintrin.h>
#include <stdlib.h>

static int simd_cap = 2; /* nd_set_simd_level */

int nd_use_avx2(void)
{
    const char *env = getenv("PYPREP_ND_NOSIMD");
    if (simd_cap < 1 || (env && *env && *env != '0'))
        return 0;
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") != 0;
}

int nd_use_avx512(void)
{
    if (simd_cap < 2 || !nd_use_avx2())
        return 0;
    return __builtin_cpu_supports("avx512f") &&
           __builtin_cpu_supports("avx512bw") &&
           __builtin_cpu_supports("avx512vl") &&
           __builtin_cpu_supports("avx512dq");
}
#endif

int nd_simd_epoch = 1;

int nd_set_simd_level(int level)
{
    nd_simd_epoch++;
#if ND_AVX2
    simd_cap = level;
    return nd_use_avx512() ? 2 : nd_use_avx2() ? 1 : 0;
#else
    (void)level;
    return 0;
#endif
}

/* Kind and itemsize by dtype, local so the per-call paths need no call
** into nd.c (their cost shows at n = 10); the element count likewise. */
#define KIND_OF(E, T, N, K, S) K,
#define SIZE_OF(E, T, N, K, S) S,
static const char kind_of[ND_NTYPES] = {ND_DTYPES(KIND_OF)};
static const unsigned char size_of[ND_NTYPES] = {ND_DTYPES(SIZE_OF)};

static inline int64_t count_of(const NdArray *a)
{
    int64_t n = 1;
    for (int i = 0; i < a->ndim; i++)
        n *= a->shape[i];
    return n;
}

/* float32 math uses the f-suffixed libm functions. */
#define FM(T, fn, ...) (sizeof(T) == 4 ? fn##f(__VA_ARGS__) : fn(__VA_ARGS__))

/* ---- binary kernel skeleton: p[0], p[1] inputs, p[2] output ----
** In the AVX-512 copies the unit-stride paths first run up to the
** output's 64-byte boundary (KPEEL = nd_peel), then the loop the compiler
** vectorises: element-wise, so the split changes no result. Elsewhere
** KPEEL is 0 and the first loop vanishes (with 32-byte vectors the peel
** measured slower for int8 multiply on this CPU, no faster for the rest). */
#define KPEEL(o, size, n) 0
#define BINK(NAME, E, T, U, K, OT, EXPR)                                   \
    static void KNAME(NAME, E)(int64_t n, char **p, const ptrdiff_t *s,    \
                               void *aux)                                  \
    {                                                                      \
        (void)aux;                                                         \
        if (s[0] == sizeof(T) && s[1] == sizeof(T) && s[2] == sizeof(OT)) { \
            const T *a = (const T *)p[0], *b = (const T *)p[1];            \
            OT *o = (OT *)p[2];                                            \
            int64_t i = 0, k = KPEEL(o, sizeof(OT), n);                  \
            for (; i < k; i++) {                                           \
                T x = a[i], y = b[i];                                      \
                o[i] = (OT)(EXPR);                                         \
            }                                                              \
            for (; i < n; i++) {                                           \
                T x = a[i], y = b[i];                                      \
                o[i] = (OT)(EXPR);                                         \
            }                                                              \
        } else if (s[0] == sizeof(T) && s[1] == 0 && s[2] == sizeof(OT)) { \
            const T *a = (const T *)p[0];                                  \
            const T y = *(const T *)p[1];                                  \
            OT *o = (OT *)p[2];                                            \
            int64_t i = 0, k = KPEEL(o, sizeof(OT), n);                  \
            for (; i < k; i++) {                                           \
                T x = a[i];                                                \
                o[i] = (OT)(EXPR);                                         \
            }                                                              \
            for (; i < n; i++) {                                           \
                T x = a[i];                                                \
                o[i] = (OT)(EXPR);                                         \
            }                                                              \
        } else if (s[0] == 0 && s[1] == sizeof(T) && s[2] == sizeof(OT)) { \
            const T x = *(const T *)p[0];                                  \
            const T *b = (const T *)p[1];                                  \
            OT *o = (OT *)p[2];                                            \
            int64_t i = 0, k = KPEEL(o, sizeof(OT), n);                  \
            for (; i < k; i++) {                                           \
                T y = b[i];                                                \
                o[i] = (OT)(EXPR);                                         \
            }                                                              \
            for (; i < n; i++) {                                           \
                T y = b[i];                                                \
                o[i] = (OT)(EXPR);                                         \
            }                                                              \
        } else {                                                           \
            char *pa = p[0], *pb = p[1], *po = p[2];                       \
            for (int64_t i = 0; i < n; i++) {                              \
                T x = *(const T *)pa, y = *(const T *)pb;                  \
                *(OT *)po = (OT)(EXPR);                                    \
                pa += s[0], pb += s[1], po += s[2];                        \
            }                                                              \
        }                                                                  \
    }

/* Expressions valid for every real type (K is a constant). */
#define E_ADD(T, U, K, x, y)                                               \
    (K == 'b'   ? (T)((x + y) != 0)                                        \
     : K == 'f' ? (T)(x + y)                                               \
                : (T)((U)x + (U)y))
#define E_SUB(T, U, K, x, y) (K == 'f' ? (T)(x - y) : (T)((U)x - (U)y))
#define E_MUL(T, U, K, x, y)                                               \
    (K == 'b'              ? (T)(x && y)                                   \
     : K == 'f'            ? (T)(x * y)                                    \
     : sizeof(T) == 8      ? (T)((uint64_t)x * (uint64_t)y)                \
                           : (T)((uint32_t)(U)x * (uint32_t)(U)y))
#define E_MAX(T, U, K, x, y) ((x >= y || x != x) ? x : y)
#define E_MIN(T, U, K, x, y) ((x <= y || x != x) ? x : y)
#define E_FMAX(T, U, K, x, y) ((x >= y || y != y) ? x : y)
#define E_FMIN(T, U, K, x, y) ((x <= y || y != y) ? x : y)

#define ALL_KERNELS(E, T, U, K)                                            \
    BINK(add, E, T, U, K, T, E_ADD(T, U, K, x, y))                         \
    BINK(sub, E, T, U, K, T, E_SUB(T, U, K, x, y))                         \
    BINK(mul, E, T, U, K, T, E_MUL(T, U, K, x, y))                         \
    BINK(max, E, T, U, K, T, E_MAX(T, U, K, x, y))                         \
    BINK(min, E, T, U, K, T, E_MIN(T, U, K, x, y))                         \
    BINK(fmax, E, T, U, K, T, E_FMAX(T, U, K, x, y))                       \
    BINK(fmin, E, T, U, K, T, E_FMIN(T, U, K, x, y))                       \
    BINK(eq, E, T, U, K, uint8_t, x == y)                                  \
    BINK(ne, E, T, U, K, uint8_t, x != y)                                  \
    BINK(lt, E, T, U, K, uint8_t, x < y)                                   \
    BINK(le, E, T, U, K, uint8_t, x <= y)                                  \
    BINK(gt, E, T, U, K, uint8_t, x > y)                                   \
    BINK(ge, E, T, U, K, uint8_t, x >= y)                                  \
    BINK(land, E, T, U, K, uint8_t, x != 0 && y != 0)                      \
    BINK(lor, E, T, U, K, uint8_t, x != 0 || y != 0)                       \
    BINK(lxor, E, T, U, K, uint8_t, (x != 0) != (y != 0))
ND_REAL_DTYPES(ALL_KERNELS)

/* Integer floor division and modulo with Python's signs; /0 gives 0. */
#define INT_HELPERS(E, T, U, K)                                            \
    static inline T ifdiv_##E(T x, T y)                                    \
    {                                                                      \
        if (y == 0)                                                        \
            return 0;                                                      \
        if (K == 'i' && y == (T)-1)                                   \
            return (T)(0 - (U)x);                                          \
        T q = (T)(x / y);                                                  \
        if (K == 'i' && (T)(x % y) != 0 && ((x < 0) != (y < 0)))           \
            q--;                                                           \
        return q;                                                          \
    }                                                                      \
    static inline T imod_##E(T x, T y)                                     \
    {                                                                      \
        if (y == 0 || (K == 'i' && y == (T)-1))                       \
            return 0;                                                      \
        T r = (T)(x % y);                                                  \
        if (K == 'i' && r != 0 && ((r < 0) != (y < 0)))                    \
            r = (T)(r + y);                                                \
        return r;                                                          \
    }                                                                      \
    static inline T ipow_##E(T x, T y)                                     \
    {                                                                      \
        U r = 1, b = (U)x;                                                 \
        uint64_t e = (uint64_t)y;                                          \
        if (K == 'b')                                                      \
            return (T)(y == 0 || x != 0);                                  \
        while (e) {                                                        \
            if (e & 1)                                                     \
                r = (U)((uint64_t)r * (uint64_t)b);                        \
            b = (U)((uint64_t)b * (uint64_t)b);                            \
            e >>= 1;                                                       \
        }                                                                  \
        return (T)r;                                                       \
    }                                                                      \
    static inline T ishl_##E(T x, T y)                                     \
    {                                                                      \
        return (uint64_t)y >= sizeof(T) * 8 ? 0 : (T)((uint64_t)(U)x << y);          \
    }                                                                      \
    static inline T ishr_##E(T x, T y)                                     \
    {                                                                      \
        if ((uint64_t)y >= sizeof(T) * 8)                                  \
            return (T)(x < 0 ? -1 : 0);                                    \
        return (T)(x >> y);                                                \
    }
INT_DTYPES(INT_HELPERS)

#define INT_KERNELS(E, T, U, K)                                            \
    BINK(band, E, T, U, K, T, x & y)                                       \
    BINK(bor, E, T, U, K, T, x | y)                                        \
    BINK(bxor, E, T, U, K, T, x ^ y)                                       \
    BINK(shl, E, T, U, K, T, ishl_##E(x, y))                               \
    BINK(shr, E, T, U, K, T, ishr_##E(x, y))                               \
    BINK(fdiv, E, T, U, K, T, ifdiv_##E(x, y))                             \
    BINK(mod, E, T, U, K, T, imod_##E(x, y))                               \
    BINK(pow, E, T, U, K, T, ipow_##E(x, y))
INT_DTYPES(INT_KERNELS)

/* NumPy's npy_divmod for floats (floor division and Python modulo). */
#define FLOAT_HELPERS(E, T, U, K)                                          \
    static inline T fdivmod_##E(T a, T b, T *modulus)                      \
    {                                                                      \
        T mod = FM(T, fmod, a, b), div, floordiv;                          \
        if (!b) {                                                          \
            *modulus = mod;                                                \
            return a / b;                                                  \
        }                                                                  \
        div = (a - mod) / b;                                               \
        if (mod) {                                                         \
            if ((b < 0) != (mod < 0)) {                                    \
                mod += b;                                                  \
                div -= 1;                                                  \
            }                                                              \
        } else {                                                           \
            mod = FM(T, copysign, 0, b);                                   \
        }                                                                  \
        if (div) {                                                         \
            floordiv = FM(T, floor, div);                                  \
            if (div - floordiv > 0.5)                                      \
                floordiv += 1;                                             \
        } else {                                                           \
            floordiv = FM(T, copysign, 0, a / b);                          \
        }                                                                  \
        *modulus = mod;                                                    \
        return floordiv;                                                   \
    }                                                                      \
    static inline T ffdiv_##E(T a, T b)                                    \
    {                                                                      \
        T m;                                                               \
        if (!b)                                                            \
            return a / b;                                                  \
        return fdivmod_##E(a, b, &m);                                      \
    }                                                                      \
    static inline T fmod_##E(T a, T b)                                     \
    {                                                                      \
        T m;                                                               \
        fdivmod_##E(a, b, &m);                                             \
        return m;                                                          \
    }
FLOAT_DTYPES(FLOAT_HELPERS)

#define FLOAT_KERNELS(E, T, U, K)                                          \
    BINK(tdiv, E, T, U, K, T, x / y)                                       \
    BINK(fdiv, E, T, U, K, T, ffdiv_##E(x, y))                             \
    BINK(mod, E, T, U, K, T, fmod_##E(x, y))                               \
    BINK(pow, E, T, U, K, T, FM(T, pow, x, y))                             \
    BINK(atan2, E, T, U, K, T, FM(T, atan2, x, y))                         \
    BINK(hypot, E, T, U, K, T, FM(T, hypot, x, y))
FLOAT_DTYPES(FLOAT_KERNELS)

/* Complex: the four arithmetic operators and equality. */
#define CPLX_KERNELS(E, CT, RT)                                            \
    static void cplx_##E(int64_t n, char **p, const ptrdiff_t *s, int op)  \
    {                                                                      \
        for (int64_t i = 0; i < n; i++) {                                  \
            CT x = *(const CT *)(p[0] + i * s[0]);                         \
            CT y = *(const CT *)(p[1] + i * s[1]);                         \
            CT r = {0, 0};                                                 \
            uint8_t c = 0;                                                 \
            switch (op) {                                                  \
            case ND_ADD: r.re = x.re + y.re, r.im = x.im + y.im; break;    \
            case ND_SUB: r.re = x.re - y.re, r.im = x.im - y.im; break;    \
            case ND_MUL:                                                   \
                r.re = x.re * y.re - x.im * y.im;                          \
                r.im = x.re * y.im + x.im * y.re;                          \
                break;                                                     \
            case ND_TRUEDIV: {                                             \
                RT ar = (RT)fabs(y.re), ai = (RT)fabs(y.im);               \
                if (ar >= ai) {                                            \
                    RT rat = y.im / y.re, scl = (RT)1.0 / (y.re + y.im * rat); \
                    r.re = (x.re + x.im * rat) * scl;                      \
                    r.im = (x.im - x.re * rat) * scl;                      \
                } else {                                                   \
                    RT rat = y.re / y.im, scl = (RT)1.0 / (y.im + y.re * rat); \
                    r.re = (x.re * rat + x.im) * scl;                      \
                    r.im = (x.im * rat - x.re) * scl;                      \
                }                                                          \
                break;                                                     \
            }                                                              \
            case ND_EQ: c = x.re == y.re && x.im == y.im; break;           \
            default: c = x.re != y.re || x.im != y.im; break;              \
            }                                                              \
            if (op == ND_EQ || op == ND_NE)                                \
                *(uint8_t *)(p[2] + i * s[2]) = c;                         \
            else                                                           \
                *(CT *)(p[2] + i * s[2]) = r;                              \
        }                                                                  \
    }                                                                      \
    static void cadd_##E(int64_t n, char **p, const ptrdiff_t *s, void *a) \
    {                                                                      \
        (void)a;                                                           \
        cplx_##E(n, p, s, ND_ADD);                                         \
    }                                                                      \
    static void csub_##E(int64_t n, char **p, const ptrdiff_t *s, void *a) \
    {                                                                      \
        (void)a;                                                           \
        cplx_##E(n, p, s, ND_SUB);                                         \
    }                                                                      \
    static void cmul_##E(int64_t n, char **p, const ptrdiff_t *s, void *a) \
    {                                                                      \
        (void)a;                                                           \
        cplx_##E(n, p, s, ND_MUL);                                         \
    }                                                                      \
    static void cdiv_##E(int64_t n, char **p, const ptrdiff_t *s, void *a) \
    {                                                                      \
        (void)a;                                                           \
        cplx_##E(n, p, s, ND_TRUEDIV);                                     \
    }                                                                      \
    static void ceq_##E(int64_t n, char **p, const ptrdiff_t *s, void *a)  \
    {                                                                      \
        (void)a;                                                           \
        cplx_##E(n, p, s, ND_EQ);                                          \
    }                                                                      \
    static void cne_##E(int64_t n, char **p, const ptrdiff_t *s, void *a)  \
    {                                                                      \
        (void)a;                                                           \
        cplx_##E(n, p, s, ND_NE);                                          \
    }
CPLX_KERNELS(COMPLEX64, nd_complex64, float)
CPLX_KERNELS(COMPLEX128, nd_complex128, double)

#if ND_AVX2
/* The AVX2 copies of the real-dtype binary kernels. */
#undef KSFX
#define KSFX _avx2
ND_AVX2_BEGIN
ND_REAL_DTYPES(ALL_KERNELS)
INT_DTYPES(INT_KERNELS)
FLOAT_DTYPES(FLOAT_KERNELS)
ND_AVX2_END
#undef KSFX
#define KSFX
#endif

#if ND_AVX512
/* The AVX-512 copies: only kernels whose loops vectorise (arithmetic,
** comparisons, bit operations, true division); the rest keep the AVX2
** copies. */
#define INT512_KERNELS(E, T, U, K)                                         \
    BINK(band, E, T, U, K, T, x & y)                                       \
    BINK(bor, E, T, U, K, T, x | y)                                        \
    BINK(bxor, E, T, U, K, T, x ^ y)
#define FLOAT512_KERNELS(E, T, U, K) BINK(tdiv, E, T, U, K, T, x / y)
#undef KSFX
#define KSFX _avx512
#undef KPEEL
#define KPEEL nd_peel
ND_AVX512_BEGIN
ND_REAL_DTYPES(ALL_KERNELS)
INT_DTYPES(INT512_KERNELS)
FLOAT_DTYPES(FLOAT512_KERNELS)
ND_AVX512_END
#undef KPEEL
#define KPEEL(o, size, n) 0
#undef KSFX
#define KSFX
#endif

/* The dispatch table: [op][loop dtype]; NULL = no such loop. */
static NdLoop bin_loops[ND_NBINARY][ND_NTYPES];
static int bin_loops_ready;

static void bin_loops_init(void)
{
#define SET(OP, NAME, E) bin_loops[OP][ND_##E] = KNAME(NAME, E);
#define SET_ALL(E, T, U, K)                                                \
    SET(ND_ADD, add, E) SET(ND_SUB, sub, E) SET(ND_MUL, mul, E)            \
    SET(ND_MAXIMUM, max, E) SET(ND_MINIMUM, min, E)                        \
    SET(ND_FMAX, fmax, E) SET(ND_FMIN, fmin, E)                            \
    SET(ND_EQ, eq, E) SET(ND_NE, ne, E) SET(ND_LT, lt, E)                  \
    SET(ND_LE, le, E) SET(ND_GT, gt, E) SET(ND_GE, ge, E)                  \
    SET(ND_LOGICAL_AND, land, E) SET(ND_LOGICAL_OR, lor, E)                \
    SET(ND_LOGICAL_XOR, lxor, E)
#define SET_INT(E, T, U, K)                                                \
    SET(ND_AND, band, E) SET(ND_OR, bor, E) SET(ND_XOR, bxor, E)           \
    SET(ND_LSHIFT, shl, E) SET(ND_RSHIFT, shr, E)                          \
    SET(ND_FLOORDIV, fdiv, E) SET(ND_MOD, mod, E) SET(ND_POW, pow, E)
#define SET_FLOAT(E, T, U, K)                                              \
    SET(ND_TRUEDIV, tdiv, E) SET(ND_FLOORDIV, fdiv, E)                     \
    SET(ND_MOD, mod, E) SET(ND_POW, pow, E) SET(ND_ARCTAN2, atan2, E)      \
    SET(ND_HYPOT, hypot, E)
#define SET_CPLX(E)                                                        \
    SET(ND_ADD, cadd, E) SET(ND_SUB, csub, E) SET(ND_MUL, cmul, E)         \
    SET(ND_TRUEDIV, cdiv, E) SET(ND_EQ, ceq, E) SET(ND_NE, cne, E)
    ND_REAL_DTYPES(SET_ALL)
    INT_DTYPES(SET_INT)
    FLOAT_DTYPES(SET_FLOAT)
    SET_CPLX(COMPLEX64)
    SET_CPLX(COMPLEX128)
#if ND_AVX2
    if (nd_use_avx2()) {
#undef KSFX
#define KSFX _avx2
        ND_REAL_DTYPES(SET_ALL)
        INT_DTYPES(SET_INT)
        FLOAT_DTYPES(SET_FLOAT)
#undef KSFX
#define KSFX
    }
#endif
#if ND_AVX512
    if (nd_use_avx512()) {
#define SET_INT512(E, T, U, K)                                             \
    SET(ND_AND, band, E) SET(ND_OR, bor, E) SET(ND_XOR, bxor, E)
#define SET_FLOAT512(E, T, U, K) SET(ND_TRUEDIV, tdiv, E)
#undef KSFX
#define KSFX _avx512
        ND_REAL_DTYPES(SET_ALL)
        INT_DTYPES(SET_INT512)
        FLOAT_DTYPES(SET_FLOAT512)
#undef KSFX
#define KSFX
    }
#endif
    bin_loops_ready = nd_simd_epoch;
}

static const char *const bin_names[ND_NBINARY] = {
    "add", "subtract", "multiply", "true_divide", "floor_divide",
    "remainder", "power", "bitwise_and", "bitwise_or", "bitwise_xor",
    "left_shift", "right_shift", "equal", "not_equal", "less",
    "less_equal", "greater", "greater_equal", "maximum", "minimum",
    "fmax", "fmin", "logical_and", "logical_or", "logical_xor", "arctan2",
    "hypot",
};

const char *nd_binary_name(NdBinaryOp op)
{
    return bin_names[op];
}

static int is_cmp(NdBinaryOp op)
{
    return (op >= ND_EQ && op <= ND_GE) || op == ND_LOGICAL_AND ||
           op == ND_LOGICAL_OR || op == ND_LOGICAL_XOR;
}

/* Float type NumPy's math loops use for an input ('e', 'f' or 'd'). */
static NdDType float_for(NdDType t)
{
    switch (t) {
    case ND_BOOL: case ND_INT8: case ND_UINT8: case ND_FLOAT16:
        return ND_FLOAT16;
    case ND_INT16: case ND_UINT16: case ND_FLOAT32:
        return ND_FLOAT32;
    case ND_COMPLEX64: case ND_COMPLEX128:
        return t;
    default:
        return ND_FLOAT64;
    }
}

static NdError not_supported(NdErr *e, const char *name)
{
    return nd_fail(e, ND_ETYPE,
                   "ufunc '%s' not supported for the input types, and the "
                   "inputs could not be safely coerced to any supported "
                   "types according to the casting rule ''safe''", name);
}

/* Loop dtype (inputs) and output dtype of a binary op. */
static NdError bin_types(NdBinaryOp op, const NdArray *a, const NdArray *b,
                         NdDType *lt, NdDType *ot, NdErr *e)
{
    const NdArray *ops[2] = {a, b};
    NdDType t = a->dtype == b->dtype ? a->dtype : nd_result_type(2, ops);
    char k = kind_of[t];
    if (bin_loops_ready != nd_simd_epoch)
        bin_loops_init();
    switch (op) {
    case ND_SUB:
        if (k == 'b')
            return nd_fail(e, ND_ETYPE,
                           "numpy boolean subtract, the `-` operator, is not "
                           "supported, use the bitwise_xor, the `^` "
                           "operator, or the logical_xor function instead.");
        break;
    case ND_TRUEDIV:
        if (k == 'b' || k == 'i' || k == 'u')
            t = ND_FLOAT64;
        break;
    case ND_FLOORDIV: case ND_MOD: case ND_POW:
    case ND_LSHIFT: case ND_RSHIFT:
        if (k == 'b')
            t = ND_INT8;
        break;
    case ND_ARCTAN2: case ND_HYPOT:
        t = float_for(t);
        break;
    default:
        break;
    }
    if (!bin_loops[op][nd_kernel_type(t)])
        return not_supported(e, bin_names[op]);
    *lt = t; /* float16 runs the float32 kernel, see nd_int.h */
    *ot = is_cmp(op) ? ND_BOOL : t;
    return ND_OK;
}

NdError nd_binary_prepare(NdBinaryOp op, const NdArray *a,
                          const NdArray *b, NdDType *t, int *ndim,
                          int64_t *shape, NdErr *e)
{
    NdDType lt = ND_FLOAT64;
    NdError err = bin_types(op, a, b, &lt, t, e);
    if (err)
        return err;
    if (a->ndim == b->ndim || b->ndim == 0 || a->ndim == 0) {
        const NdArray *big = a->ndim ? a : b;
        int same = 1;
        if (a->ndim && b->ndim)
            for (int i = 0; i < a->ndim; i++)
                if (a->shape[i] != b->shape[i])
                    same = 0;
        if (same) {
            *ndim = big->ndim;
            memcpy(shape, big->shape, sizeof(int64_t) * (size_t)big->ndim);
            return ND_OK;
        }
    }
    const NdArray *ops[2] = {a, b};
    return nd_broadcast_shape(2, ops, ndim, shape, e);
}

static NdError cast_error(NdErr *e, const char *name, NdDType from,
                          NdDType to)
{
    return nd_fail(e, ND_ECAST,
                   "Cannot cast ufunc '%s' output from dtype('%s') to "
                   "dtype('%s') with casting rule 'same_kind'",
                   name, nd_dtype_name(from), nd_dtype_name(to));
}

/* Any negative exponent among integer powers (checked before work). */
static void neg_scan(int64_t n, char **p, const ptrdiff_t *s, void *aux)
{
    int *neg = aux;
    for (int64_t i = 0; i < n; i++)
        if (*(const int64_t *)(p[0] + i * s[0]) < 0)
            *neg = 1;
}

/* Same shape (or a 0-d side), C-contiguous, loop dtypes already: one
** kernel call, no iterator. */
static int same_shape(const NdArray *a, const NdArray *o)
{
    if (a->ndim == 0)
        return 1;
    if (a->ndim != o->ndim || !ND_ISC(a))
        return 0;
    for (int i = 0; i < a->ndim; i++)
        if (a->shape[i] != o->shape[i])
            return 0;
    return 1;
}

/* Byte strides of x broadcast to the 2-d (R, C) out: step per row and
** per column; 0 if x does not broadcast (the general path reports it). */
static int rows_strides(const NdArray *x, const NdArray *out, ptrdiff_t *st)
{
    for (int i = 1, j = x->ndim - 1; i >= 0; i--, j--) {
        if (j >= 0 && x->shape[j] == out->shape[i])
            st[i] = (ptrdiff_t)x->strides[j];
        else if (j < 0 || x->shape[j] == 1)
            st[i] = 0;
        else
            return 0;
    }
    return 1;
}

/* A 2-d C-contiguous out whose inputs broadcast to it (m + row, m + col,
** m + scalar) and need no cast: one kernel call per row, without the
** broadcast views and the iterator (their set-up dominates small
** arrays). Element-wise, so the walk order changes no result. */
static int bin_rows(NdLoop fn, const NdArray *a, const NdArray *b,
                    NdArray *out)
{
    ptrdiff_t sa[2], sb[2];
    if (out->ndim != 2 || a->ndim > 2 || b->ndim > 2 ||
        !rows_strides(a, out, sa) || !rows_strides(b, out, sb))
        return 0;
    ptrdiff_t s[3] = {sa[1], sb[1], (ptrdiff_t)out->strides[1]};
    int64_t R = out->shape[0], C = out->shape[1];
    if (C == 0)
        return 1;
    for (int64_t r = 0; r < R; r++) {
        char *p[3] = {a->data + r * sa[0], b->data + r * sb[0],
                      out->data + r * out->strides[0]};
        fn(C, p, s, NULL);
    }
    return 1;
}

/* *x is a 0-d operand of another dtype than the loop's (a Lua integer
** against a float array: b > 0): make it a 0-d of the loop dtype holding
** the value the chunked cast would give every element, so the scalar
** paths of the kernels run instead of casting n copies. */
static const NdArray *scalar_as(const NdArray *x, NdDType lt, NdArray *tmp,
                                char *store)
{
    if (x->ndim != 0 || x->dtype == lt)
        return x;
    nd_init(tmp, lt, 0, NULL, NULL);
    tmp->data = store;
    tmp->flags |= ND_WRITEABLE;
    nd_cast_fn(x->dtype, lt)(1, x->data, 0, store, 0);
    return tmp;
}

int nd_binary_same_ok(NdBinaryOp op, const NdArray *a, const NdArray *b)
{
    NdDType t = a->dtype, lt = ND_FLOAT64, ot = ND_FLOAT64;
    NdErr e;
    /* bin_types reads only the dtypes when they are equal */
    return b->dtype == t && a->ndim == b->ndim && ND_ISC(a) &&
           same_shape(b, a) && !bin_types(op, a, a, &lt, &ot, &e) &&
           lt == t && ot == t && nd_kernel_type(t) == t &&
           !(op == ND_POW && kind_of[t] == 'i');
}

void nd_binary_same(NdBinaryOp op, const NdArray *a, const NdArray *b,
                    NdArray *out)
{
    NdDType t = a->dtype;
    int64_t n = count_of(out);
    char *p[3] = {a->data, b->data, out->data};
    ptrdiff_t s[3] = {(ptrdiff_t)size_of[t], (ptrdiff_t)size_of[t],
                      (ptrdiff_t)size_of[t]};
    if (n > 0)
        bin_loops[op][t](n, p, s, NULL);
}

NdError nd_binary(NdBinaryOp op, const NdArray *a, const NdArray *b,
                  NdArray *out, NdErr *e)
{
    NdDType lt = ND_FLOAT64, ot = ND_FLOAT64;
    NdError err = bin_types(op, a, b, &lt, &ot, e);
    if (err)
        return err;
    NdDType klt = nd_kernel_type(lt), kot = nd_kernel_type(ot);
    NdArray sa, sb;
    _Alignas(16) char sta[16], stb[16];
    if (lt == klt && !(op == ND_POW && kind_of[lt] == 'i')) {
        a = scalar_as(a, lt, &sa, sta);
        b = scalar_as(b, lt, &sb, stb);
    }
    if (lt == klt && a->dtype == lt && b->dtype == lt && out->dtype == ot &&
        ND_ISC(out) && same_shape(a, out) && same_shape(b, out) &&
        !(op == ND_POW && kind_of[lt] == 'i')) {
        char *p[3] = {a->data, b->data, out->data};
        ptrdiff_t s[3] = {a->ndim ? (ptrdiff_t)size_of[lt] : 0,
                          b->ndim ? (ptrdiff_t)size_of[lt] : 0,
                          (ptrdiff_t)size_of[ot]};
        int64_t n = count_of(out);
        if (n > 0)
            bin_loops[op][lt](n, p, s, NULL);
        return ND_OK;
    }
    if (lt == klt && a->dtype == lt && b->dtype == lt && out->dtype == ot &&
        ND_ISC(out) && !(op == ND_POW && kind_of[lt] == 'i') &&
        bin_rows(bin_loops[op][lt], a, b, out))
        return ND_OK;
    if (!nd_can_cast(ot, out->dtype, ND_CAST_SAME_KIND))
        return cast_error(e, bin_names[op], ot, out->dtype);
    NdArray ba, bb;
    if ((err = nd_broadcast_to(&ba, a, out->ndim, out->shape, e)) ||
        (err = nd_broadcast_to(&bb, b, out->ndim, out->shape, e))) {
        const NdArray *ops[2] = {a, b};
        int nd;
        int64_t sh[ND_MAXDIMS];
        if (nd_broadcast_shape(2, ops, &nd, sh, e))
            return ND_EVALUE;
        /* Broadcastable inputs but wrong out shape. */
        char b1[300], b2[300];
        nd_shape_str(b1, sizeof b1, nd, sh);
        nd_shape_str(b2, sizeof b2, out->ndim, out->shape);
        return nd_fail(e, ND_EVALUE,
                       "non-broadcastable output operand with shape %s "
                       "doesn't match the broadcast shape %s", b2, b1);
    }
    if (op == ND_POW && (nd_dtype_kind(lt) == 'i')) {
        int neg = 0;
        const NdArray *o1[1] = {&bb};
        NdDType t64 = ND_INT64;
        NdIter it;
        nd_iter_init(&it, 1, o1, bb.ndim, bb.shape, 0);
        nd_run_cast(&it, 0, o1, &t64, neg_scan, &neg);
        if (neg)
            return nd_fail(e, ND_EVALUE,
                           "Integers to negative integer powers are not "
                           "allowed.");
    }
    /* a float16 loop sees its operands as halves: wider float scalars
    ** are rounded to half first, as NumPy casts them to the loop dtype */
    NdArray ha, hb;
    char hsa[16], hsb[16];
    if (lt == ND_FLOAT16) {
        nd_half_operand(&ba, &ha, hsa);
        nd_half_operand(&bb, &hb, hsb);
    }
    const NdArray *ops[3] = {&ba, &bb, out};
    NdDType lts[3] = {klt, klt, kot};
    NdIter it;
    nd_iter_init(&it, 3, ops, out->ndim, out->shape, 2);
    nd_run_cast(&it, 1, ops, lts, bin_loops[op][klt], NULL);
    if (ot == ND_FLOAT16 && out->dtype != ND_FLOAT16)
        nd_round_to_half(out);
    return ND_OK;
}

/* ---- unary ---- */

#define UNK(NAME, E, T, OT, EXPR)                                          \
    static void KNAME(NAME, E)(int64_t n, char **p, const ptrdiff_t *s,    \
                               void *aux)                                  \
    {                                                                      \
        (void)aux;                                                         \
        if (s[0] == sizeof(T) && s[1] == sizeof(OT)) {                     \
            const T *a = (const T *)p[0];                                  \
            OT *o = (OT *)p[1];                                            \
            for (int64_t i = 0; i < n; i++) {                              \
                T x = a[i];                                                \
                o[i] = (OT)(EXPR);                                         \
            }                                                              \
        } else {                                                           \
            for (int64_t i = 0; i < n; i++) {                              \
                T x = *(const T *)(p[0] + i * s[0]);                       \
                *(OT *)(p[1] + i * s[1]) = (OT)(EXPR);                     \
            }                                                              \
        }                                                                  \
    }

#define U_ALL(E, T, U, K)                                                  \
    UNK(neg, E, T, T, K == 'f' ? -x : (T)(0 - (U)x))                       \
    UNK(pos, E, T, T, x)                                                   \
    UNK(abs, E, T, T, K == 'f' ? (x < 0 ? -x : (x == 0 ? (T)0 : x))        \
                       : K == 'i' ? (x < 0 ? (T)(0 - (U)x) : x) : x)       \
    UNK(lnot, E, T, uint8_t, x == 0)                                       \
    UNK(sign, E, T, T, x > 0 ? (T)1 : x < 0 ? (T)-1 : x == 0 ? (T)0 : x)   \
    UNK(square, E, T, T, E_MUL(T, U, K, x, x))                             \
    UNK(isnan, E, T, uint8_t, x != x)                                      \
    UNK(isinf, E, T, uint8_t, K == 'f' && (x - x) != (x - x) && x == x)    \
    UNK(isfinite, E, T, uint8_t, K != 'f' || (x - x) == (x - x))           \
    UNK(signbit, E, T, uint8_t, K == 'f' ? FM(T, copysign, 1, x) < 0 : x < 0)
ND_REAL_DTYPES(U_ALL)

#define U_INT(E, T, U, K) UNK(inv, E, T, T, K == 'b' ? (T)!x : (T)~x)
INT_DTYPES(U_INT)

#define U_FLOAT(E, T, U, K)                                                \
    UNK(sqrt, E, T, T, FM(T, sqrt, x))                                     \
    UNK(exp, E, T, T, FM(T, exp, x))                                       \
    UNK(log, E, T, T, FM(T, log, x))                                       \
    UNK(log10, E, T, T, FM(T, log10, x))                                   \
    UNK(log2, E, T, T, FM(T, log2, x))                                     \
    UNK(log1p, E, T, T, FM(T, log1p, x))                                   \
    UNK(expm1, E, T, T, FM(T, expm1, x))                                   \
    UNK(sin, E, T, T, FM(T, sin, x))                                       \
    UNK(cos, E, T, T, FM(T, cos, x))                                       \
    UNK(tan, E, T, T, FM(T, tan, x))                                       \
    UNK(asin, E, T, T, FM(T, asin, x))                                     \
    UNK(acos, E, T, T, FM(T, acos, x))                                     \
    UNK(atan, E, T, T, FM(T, atan, x))                                     \
    UNK(sinh, E, T, T, FM(T, sinh, x))                                     \
    UNK(cosh, E, T, T, FM(T, cosh, x))                                     \
    UNK(tanh, E, T, T, FM(T, tanh, x))                                     \
    UNK(floor, E, T, T, FM(T, floor, x))                                   \
    UNK(ceil, E, T, T, FM(T, ceil, x))                                     \
    UNK(rint, E, T, T, FM(T, nearbyint, x))                                \
    UNK(trunc, E, T, T, FM(T, trunc, x))
FLOAT_DTYPES(U_FLOAT)

/* |z| of complex, into the real type. */
#define C_ABS(E, CT, RT)                                                   \
    UNK(cabs, E, CT, RT, (RT)hypot(x.re, x.im))                            \
    UNK(cneg, E, CT, CT, ((CT){-x.re, -x.im}))
C_ABS(COMPLEX64, nd_complex64, float)
C_ABS(COMPLEX128, nd_complex128, double)

/* sqrt: libm's errno handling keeps compilers from vectorising it, so the
** contiguous path uses the SSE2 instructions directly (sqrt of a negative
** gives NaN there too, as in NumPy). */
#if defined(__SSE2__)
#include <emmintrin.h>
static void vsqrt_FLOAT64(int64_t n, char **p, const ptrdiff_t *s, void *aux)
{
    if (s[0] != 8 || s[1] != 8) {
        sqrt_FLOAT64(n, p, s, aux);
        return;
    }
    const double *a = (const double *)p[0];
    double *o = (double *)p[1];
    int64_t i = 0;
    for (; i + 2 <= n; i += 2)
        _mm_storeu_pd(o + i, _mm_sqrt_pd(_mm_loadu_pd(a + i)));
    for (; i < n; i++)
        _mm_store_sd(o + i, _mm_sqrt_sd(_mm_setzero_pd(), _mm_load_sd(a + i)));
}
static void vsqrt_FLOAT32(int64_t n, char **p, const ptrdiff_t *s, void *aux)
{
    if (s[0] != 4 || s[1] != 4) {
        sqrt_FLOAT32(n, p, s, aux);
        return;
    }
    const float *a = (const float *)p[0];
    float *o = (float *)p[1];
    int64_t i = 0;
    for (; i + 4 <= n; i += 4)
        _mm_storeu_ps(o + i, _mm_sqrt_ps(_mm_loadu_ps(a + i)));
    for (; i < n; i++)
        _mm_store_ss(o + i, _mm_sqrt_ss(_mm_load_ss(a + i)));
}
#endif

#if ND_AVX2
/* AVX2 copies of the real-dtype unary kernels, and sqrt on 4 doubles / 8
** floats at a time. */
#undef KSFX
#define KSFX _avx2
ND_AVX2_BEGIN
ND_REAL_DTYPES(U_ALL)
INT_DTYPES(U_INT)
FLOAT_DTYPES(U_FLOAT)
static void vsqrt_FLOAT64_avx2(int64_t n, char **p, const ptrdiff_t *s,
                               void *aux)
{
    if (s[0] != 8 || s[1] != 8) {
        sqrt_FLOAT64_avx2(n, p, s, aux);
        return;
    }
    const double *a = (const double *)p[0];
    double *o = (double *)p[1];
    int64_t i = 0;
    for (; i + 4 <= n; i += 4)
        _mm256_storeu_pd(o + i, _mm256_sqrt_pd(_mm256_loadu_pd(a + i)));
    for (; i < n; i++)
        _mm_store_sd(o + i, _mm_sqrt_sd(_mm_setzero_pd(), _mm_load_sd(a + i)));
}
static void vsqrt_FLOAT32_avx2(int64_t n, char **p, const ptrdiff_t *s,
                               void *aux)
{
    if (s[0] != 4 || s[1] != 4) {
        sqrt_FLOAT32_avx2(n, p, s, aux);
        return;
    }
    const float *a = (const float *)p[0];
    float *o = (float *)p[1];
    int64_t i = 0;
    for (; i + 8 <= n; i += 8)
        _mm256_storeu_ps(o + i, _mm256_sqrt_ps(_mm256_loadu_ps(a + i)));
    for (; i < n; i++)
        _mm_store_ss(o + i, _mm_sqrt_ss(_mm_load_ss(a + i)));
}
ND_AVX2_END
#undef KSFX
#define KSFX
#endif

static NdLoop un_loops[ND_NUNARY][ND_NTYPES];
static int un_ready;

static void un_init(void)
{
#define USET(OP, NAME, E) un_loops[OP][ND_##E] = KNAME(NAME, E);
#define USET_ALL(E, T, U, K)                                               \
    USET(ND_NEG, neg, E) USET(ND_POS, pos, E) USET(ND_ABS, abs, E)         \
    USET(ND_LOGICAL_NOT, lnot, E) USET(ND_SIGN, sign, E)                   \
    USET(ND_SQUARE, square, E) USET(ND_ISNAN, isnan, E)                    \
    USET(ND_ISINF, isinf, E) USET(ND_ISFINITE, isfinite, E)                \
    USET(ND_SIGNBIT, signbit, E)
#define USET_INT(E, T, U, K) USET(ND_INVERT, inv, E)
#define USET_FLOAT(E, T, U, K)                                             \
    USET(ND_SQRT, sqrt, E) USET(ND_EXP, exp, E) USET(ND_LOG, log, E)       \
    USET(ND_LOG10, log10, E) USET(ND_LOG2, log2, E)                        \
    USET(ND_LOG1P, log1p, E) USET(ND_EXPM1, expm1, E)                      \
    USET(ND_SIN, sin, E) USET(ND_COS, cos, E) USET(ND_TAN, tan, E)         \
    USET(ND_ARCSIN, asin, E) USET(ND_ARCCOS, acos, E)                      \
    USET(ND_ARCTAN, atan, E) USET(ND_SINH, sinh, E)                        \
    USET(ND_COSH, cosh, E) USET(ND_TANH, tanh, E)                          \
    USET(ND_FLOOR, floor, E) USET(ND_CEIL, ceil, E)                        \
    USET(ND_RINT, rint, E) USET(ND_TRUNC, trunc, E)
    ND_REAL_DTYPES(USET_ALL)
    INT_DTYPES(USET_INT)
    FLOAT_DTYPES(USET_FLOAT)
    USET(ND_ABS, cabs, COMPLEX64)
    USET(ND_ABS, cabs, COMPLEX128)
    USET(ND_NEG, cneg, COMPLEX64)
    USET(ND_NEG, cneg, COMPLEX128)
#if defined(__SSE2__)
    USET(ND_SQRT, vsqrt, FLOAT64)
    USET(ND_SQRT, vsqrt, FLOAT32)
#endif
#if ND_AVX2
    if (nd_use_avx2()) {
#undef KSFX
#define KSFX _avx2
        ND_REAL_DTYPES(USET_ALL)
        INT_DTYPES(USET_INT)
        FLOAT_DTYPES(USET_FLOAT)
        USET(ND_SQRT, vsqrt, FLOAT64)
        USET(ND_SQRT, vsqrt, FLOAT32)
#undef KSFX
#define KSFX
    }
#endif
    un_ready = nd_simd_epoch;
}

static const char *const un_names[ND_NUNARY] = {
    "negative", "positive", "absolute", "invert", "logical_not", "sign",
    "square", "sqrt", "exp", "log", "log10", "log2", "log1p", "expm1",
    "sin", "cos", "tan", "arcsin", "arccos", "arctan", "sinh", "cosh",
    "tanh", "floor", "ceil", "rint", "trunc", "isnan", "isinf", "isfinite",
    "signbit",
};

const char *nd_unary_name(NdUnaryOp op)
{
    return un_names[op];
}

/* Loop dtype and output dtype of a unary op. */
static NdError un_types(NdUnaryOp op, NdDType in, NdDType *lt, NdDType *ot,
                        NdErr *e)
{
    NdDType t = in;
    char k = kind_of[in];
    if (un_ready != nd_simd_epoch)
        un_init();
    if (op == ND_NEG && k == 'b')
        return nd_fail(e, ND_ETYPE,
                       "The numpy boolean negative, the `-` operator, is not "
                       "supported, use the `~` operator or the logical_not "
                       "function instead.");
    if (op >= ND_SQRT && op <= ND_TRUNC)
        t = float_for(in);
    if ((op == ND_SQUARE) && k == 'b')
        t = ND_INT8;
    if (op == ND_SIGN && k == 'b')
        return nd_fail(e, ND_ETYPE,
                       "ufunc 'sign' did not contain a loop with signature "
                       "matching types <class 'numpy.dtype[bool_]'> -> "
                       "<class 'numpy.dtype[bool_]'>");
    if (!un_loops[op][nd_kernel_type(t)])
        return not_supported(e, un_names[op]);
    *lt = nd_kernel_type(t); /* float16: float32 kernel, see nd_int.h */
    *ot = t;
    if (op == ND_LOGICAL_NOT || op >= ND_ISNAN)
        *ot = ND_BOOL;
    if (op == ND_ABS && t == ND_COMPLEX64)
        *ot = ND_FLOAT32;
    if (op == ND_ABS && t == ND_COMPLEX128)
        *ot = ND_FLOAT64;
    return ND_OK;
}

NdError nd_unary_prepare(NdUnaryOp op, const NdArray *a, NdDType *t,
                         NdErr *e)
{
    NdDType lt = ND_FLOAT64;
    return un_types(op, a->dtype, &lt, t, e);
}

NdError nd_unary(NdUnaryOp op, const NdArray *a, NdArray *out, NdErr *e)
{
    NdDType lt = ND_FLOAT64, ot = ND_FLOAT64;
    NdError err = un_types(op, a->dtype, &lt, &ot, e);
    if (err)
        return err;
    if (!nd_can_cast(ot, out->dtype, ND_CAST_SAME_KIND))
        return cast_error(e, un_names[op], ot, out->dtype);
    if (a->dtype == lt && out->dtype == ot && ot == nd_kernel_type(ot) &&
        ND_ISC(out) && ND_ISC(a) && a->ndim == out->ndim &&
        same_shape(a, out)) {
        char *p[2] = {a->data, out->data};
        ptrdiff_t s[2] = {(ptrdiff_t)size_of[lt], (ptrdiff_t)size_of[ot]};
        int64_t n = count_of(out);
        if (n > 0)
            un_loops[op][lt](n, p, s, NULL);
        return ND_OK;
    }
    NdArray ba;
    if ((err = nd_broadcast_to(&ba, a, out->ndim, out->shape, e)))
        return err;
    const NdArray *ops[2] = {&ba, out};
    NdDType lts[2] = {lt, nd_kernel_type(ot)};
    NdIter it;
    nd_iter_init(&it, 2, ops, out->ndim, out->shape, 1);
    nd_run_cast(&it, 1, ops, lts, un_loops[op][lt], NULL);
    if (ot == ND_FLOAT16 && out->dtype != ND_FLOAT16)
        nd_round_to_half(out);
    return ND_OK;
}

/* ---- where ---- */

#define WHERE_N(N)                                                         \
    static void where_##N(int64_t n, char **p, const ptrdiff_t *s,         \
                          void *aux)                                       \
    {                                                                      \
        (void)aux;                                                         \
        for (int64_t i = 0; i < n; i++) {                                  \
            const char *src = *(const uint8_t *)(p[0] + i * s[0])          \
                                  ? p[1] + i * s[1]                        \
                                  : p[2] + i * s[2];                       \
            memcpy(p[3] + i * s[3], src, N);                               \
        }                                                                  \
    }
WHERE_N(1)
WHERE_N(2)
WHERE_N(4)
WHERE_N(8)
WHERE_N(16)

NdError nd_where(const NdArray *cond, const NdArray *x, const NdArray *y,
                 NdArray *out, NdErr *e)
{
    NdArray bc, bx, by;
    NdError err;
    if ((err = nd_broadcast_to(&bc, cond, out->ndim, out->shape, e)) ||
        (err = nd_broadcast_to(&bx, x, out->ndim, out->shape, e)) ||
        (err = nd_broadcast_to(&by, y, out->ndim, out->shape, e)))
        return err;
    const NdArray *ops[4] = {&bc, &bx, &by, out};
    NdDType t = out->dtype;
    NdDType lts[4] = {ND_BOOL, t, t, t};
    NdLoop fn;
    switch (nd_dtype_size(t)) {
    case 1: fn = where_1; break;
    case 2: fn = where_2; break;
    case 4: fn = where_4; break;
    case 8: fn = where_8; break;
    default: fn = where_16; break;
    }
    NdIter it;
    nd_iter_init(&it, 4, ops, out->ndim, out->shape, 3);
    nd_run_cast(&it, 1, ops, lts, fn, NULL);
    return ND_OK;
}

/* ---- round ---- */

NdError nd_round(const NdArray *a, int decimals, NdArray *out, NdErr *e)
{
    char k = nd_dtype_kind(a->dtype);
    NdError err;
    if (k != 'f' && k != 'c') {
        if (decimals >= 0)
            return nd_assign(out, a, e);
        /* Integers to tens, hundreds...: through float64, half to even. */
        double f = pow(10.0, -decimals);
        /* Simple element walk: small and rare. */
        int64_t n = nd_size(a), idx[ND_MAXDIMS] = {0};
        for (int64_t i = 0; i < n; i++) {
            const char *pa = a->data;
            char *po = out->data;
            for (int d = 0; d < a->ndim; d++) {
                pa += idx[d] * a->strides[d];
                po += idx[d] * out->strides[d];
            }
            double v = nd_get_double(a->dtype, pa);
            nd_set_double(out->dtype, po, nearbyint(v / f) * f);
            for (int d = a->ndim - 1; d >= 0; d--) {
                if (++idx[d] < a->shape[d])
                    break;
                idx[d] = 0;
            }
        }
        return ND_OK;
    }
    char store[16];
    NdArray f;
    nd_scalar_double(&f, store, ND_FLOAT64, pow(10.0, decimals < 0
                                                          ? -decimals
                                                          : decimals));
    if (decimals >= 0) {
        if ((err = nd_binary(ND_MUL, a, &f, out, e)))
            return err;
        if ((err = nd_unary(ND_RINT, out, out, e)))
            return err;
        return nd_binary(ND_TRUEDIV, out, &f, out, e);
    }
    if ((err = nd_binary(ND_TRUEDIV, a, &f, out, e)))
        return err;
    if ((err = nd_unary(ND_RINT, out, out, e)))
        return err;
    return nd_binary(ND_MUL, out, &f, out, e);
}
