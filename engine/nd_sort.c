/*
** nd_sort.c - sort, argsort, unique and quantiles.
**
** argsort is NumPy 1.24's introsort (median of three, insertion sort below
** 16, heapsort past 2*log2(n) levels), so ties come out in NumPy's order.
** Value sorts move NaNs last, then run an AVX-512 quicksort (4/8-byte
** keys), the introsort or a radix/counting sort; only -0.0 vs 0.0 order
** tells them apart, so lanes holding both keep the introsort (NumPy's).
*/
#include "nd_int.h"

#include <math.h>
#include <stdlib.h>

#define SMALL_QUICKSORT 15
#define PYA_QS_STACK 128

/* NaN-last ordering, and the plain one once NaNs are moved out. */
#define LT(a, b) ((a) < (b) || ((b) != (b) && (a) == (a)))
#define LT_PLAIN(a, b) ((a) < (b))

static int get_msb(uint64_t n)
{
    int d = 0;
    while (n >>= 1)
        d++;
    return d;
}

#define VSORT(E, T, LT, SUF)                                               \
    static void heapsort_##E##SUF(T *start, int64_t n)                          \
    {                                                                      \
        T tmp, *a = start - 1;                                             \
        int64_t i, j, l;                                                   \
        for (l = n >> 1; l > 0; --l) {                                     \
            tmp = a[l];                                                    \
            for (i = l, j = l << 1; j <= n;) {                             \
                if (j < n && LT(a[j], a[j + 1]))                           \
                    j += 1;                                                \
                if (LT(tmp, a[j])) {                                       \
                    a[i] = a[j];                                           \
                    i = j;                                                 \
                    j += j;                                                \
                } else                                                     \
                    break;                                                 \
            }                                                              \
            a[i] = tmp;                                                    \
        }                                                                  \
        for (; n > 1;) {                                                   \
            tmp = a[n];                                                    \
            a[n] = a[1];                                                   \
            n -= 1;                                                        \
            for (i = 1, j = 2; j <= n;) {                                  \
                if (j < n && LT(a[j], a[j + 1]))                           \
                    j++;                                                   \
                if (LT(tmp, a[j])) {                                       \
                    a[i] = a[j];                                           \
                    i = j;                                                 \
                    j += j;                                                \
                } else                                                     \
                    break;                                                 \
            }                                                              \
            a[i] = tmp;                                                    \
        }                                                                  \
    }                                                                      \
    static void quicksort_##E##SUF(T *start, int64_t num)                       \
    {                                                                      \
        T vp, tmp;                                                         \
        T *pl = start, *pr = pl + num - 1;                                 \
        T *stack[PYA_QS_STACK], **sptr = stack;                            \
        T *pm, *pi, *pj, *pk;                                              \
        int depth[PYA_QS_STACK], *psdepth = depth;                         \
        int cdepth = get_msb((uint64_t)num) * 2;                           \
        for (;;) {                                                         \
            if (cdepth < 0) {                                              \
                heapsort_##E##SUF(pl, pr - pl + 1);                             \
                goto stack_pop;                                            \
            }                                                              \
            while ((pr - pl) > SMALL_QUICKSORT) {                          \
                pm = pl + ((pr - pl) >> 1);                                \
                if (LT(*pm, *pl)) tmp = *pm, *pm = *pl, *pl = tmp;         \
                if (LT(*pr, *pm)) tmp = *pr, *pr = *pm, *pm = tmp;         \
                if (LT(*pm, *pl)) tmp = *pm, *pm = *pl, *pl = tmp;         \
                vp = *pm;                                                  \
                pi = pl;                                                   \
                pj = pr - 1;                                               \
                tmp = *pm, *pm = *pj, *pj = tmp;                           \
                for (;;) {                                                 \
                    do                                                     \
                        ++pi;                                              \
                    while (LT(*pi, vp));                                   \
                    do                                                     \
                        --pj;                                              \
                    while (LT(vp, *pj));                                   \
                    if (pi >= pj)                                          \
                        break;                                             \
                    tmp = *pi, *pi = *pj, *pj = tmp;                       \
                }                                                          \
                pk = pr - 1;                                               \
                tmp = *pi, *pi = *pk, *pk = tmp;                           \
                if (pi - pl < pr - pi) {                                   \
                    *sptr++ = pi + 1;                                      \
                    *sptr++ = pr;                                          \
                    pr = pi - 1;                                           \
                } else {                                                   \
                    *sptr++ = pl;                                          \
                    *sptr++ = pi - 1;                                      \
                    pl = pi + 1;                                           \
                }                                                          \
                *psdepth++ = --cdepth;                                     \
            }                                                              \
            for (pi = pl + 1; pi <= pr; ++pi) {                            \
                vp = *pi;                                                  \
                pj = pi;                                                   \
                pk = pi - 1;                                               \
                while (pj > pl && LT(vp, *pk))                             \
                    *pj-- = *pk--;                                         \
                *pj = vp;                                                  \
            }                                                              \
        stack_pop:                                                         \
            if (sptr == stack)                                             \
                break;                                                     \
            pr = *(--sptr);                                                \
            pl = *(--sptr);                                                \
            cdepth = *(--psdepth);                                         \
        }                                                                  \
    }

#define SORTS(E, T, U, K)                                                  \
    VSORT(E, T, LT_PLAIN, _plain)                                          \
    static void aheapsort_##E(const T *v, int64_t *tosort, int64_t n)      \
    {                                                                      \
        int64_t *a = tosort - 1, i, j, l, tmp;                             \
        for (l = n >> 1; l > 0; --l) {                                     \
            tmp = a[l];                                                    \
            for (i = l, j = l << 1; j <= n;) {                             \
                if (j < n && LT(v[a[j]], v[a[j + 1]]))                     \
                    j += 1;                                                \
                if (LT(v[tmp], v[a[j]])) {                                 \
                    a[i] = a[j];                                           \
                    i = j;                                                 \
                    j += j;                                                \
                } else                                                     \
                    break;                                                 \
            }                                                              \
            a[i] = tmp;                                                    \
        }                                                                  \
        for (; n > 1;) {                                                   \
            tmp = a[n];                                                    \
            a[n] = a[1];                                                   \
            n -= 1;                                                        \
            for (i = 1, j = 2; j <= n;) {                                  \
                if (j < n && LT(v[a[j]], v[a[j + 1]]))                     \
                    j++;                                                   \
                if (LT(v[tmp], v[a[j]])) {                                 \
                    a[i] = a[j];                                           \
                    i = j;                                                 \
                    j += j;                                                \
                } else                                                     \
                    break;                                                 \
            }                                                              \
            a[i] = tmp;                                                    \
        }                                                                  \
    }                                                                      \
    static void aquicksort_##E(const T *v, int64_t *tosort, int64_t num)   \
    {                                                                      \
        T vp;                                                              \
        int64_t *pl = tosort, *pr = tosort + num - 1;                      \
        int64_t *stack[PYA_QS_STACK], **sptr = stack;                      \
        int64_t *pm, *pi, *pj, *pk, vi, tmp;                               \
        int depth[PYA_QS_STACK], *psdepth = depth;                         \
        int cdepth = get_msb((uint64_t)num) * 2;                           \
        for (;;) {                                                         \
            if (cdepth < 0) {                                              \
                aheapsort_##E(v, pl, pr - pl + 1);                         \
                goto stack_pop;                                            \
            }                                                              \
            while ((pr - pl) > SMALL_QUICKSORT) {                          \
                pm = pl + ((pr - pl) >> 1);                                \
                if (LT(v[*pm], v[*pl])) tmp = *pm, *pm = *pl, *pl = tmp;   \
                if (LT(v[*pr], v[*pm])) tmp = *pr, *pr = *pm, *pm = tmp;   \
                if (LT(v[*pm], v[*pl])) tmp = *pm, *pm = *pl, *pl = tmp;   \
                vp = v[*pm];                                               \
                pi = pl;                                                   \
                pj = pr - 1;                                               \
                tmp = *pm, *pm = *pj, *pj = tmp;                           \
                for (;;) {                                                 \
                    do                                                     \
                        ++pi;                                              \
                    while (LT(v[*pi], vp));                                \
                    do                                                     \
                        --pj;                                              \
                    while (LT(vp, v[*pj]));                                \
                    if (pi >= pj)                                          \
                        break;                                             \
                    tmp = *pi, *pi = *pj, *pj = tmp;                       \
                }                                                          \
                pk = pr - 1;                                               \
                tmp = *pi, *pi = *pk, *pk = tmp;                           \
                if (pi - pl < pr - pi) {                                   \
                    *sptr++ = pi + 1;                                      \
                    *sptr++ = pr;                                          \
                    pr = pi - 1;                                           \
                } else {                                                   \
                    *sptr++ = pl;                                          \
                    *sptr++ = pi - 1;                                      \
                    pl = pi + 1;                                           \
                }                                                          \
                *psdepth++ = --cdepth;                                     \
            }                                                              \
            for (pi = pl + 1; pi <= pr; ++pi) {                            \
                vi = *pi;                                                  \
                vp = v[vi];                                                \
                pj = pi;                                                   \
                pk = pi - 1;                                               \
                while (pj > pl && LT(vp, v[*pk]))                          \
                    *pj-- = *pk--;                                         \
                *pj = vi;                                                  \
            }                                                              \
        stack_pop:                                                         \
            if (sptr == stack)                                             \
                break;                                                     \
            pr = *(--sptr);                                                \
            pl = *(--sptr);                                                \
            cdepth = *(--psdepth);                                         \
        }                                                                  \
    }                                                                      \
    /* Move NaNs to the end (stable order is irrelevant for values), then \
    ** sort the rest with a plain comparison. */                           \
    static void quicksort_##E(T *a, int64_t n)                             \
    {                                                                      \
        int64_t k = n;                                                     \
        if (K == 'f') {                                                    \
            for (int64_t i = n - 1; i >= 0; i--)                           \
                if (a[i] != a[i]) {                                        \
                    T t = a[i];                                            \
                    a[i] = a[--k];                                         \
                    a[k] = t;                                              \
                }                                                          \
        }                                                                  \
        if (k > 1)                                                         \
            quicksort_##E##_plain(a, k);                                   \
    }                                                                      \
    static int64_t uniq_##E(T *a, int64_t n, int64_t *counts)              \
    {                                                                      \
        int64_t k = 0;                                                     \
        for (int64_t i = 0; i < n; i++) {                                  \
            /* NaNs are all kept (NumPy 1.24 unique keeps one NaN) */     \
            if (k > 0 && (a[k - 1] == a[i] ||                              \
                          (a[i] != a[i] && a[k - 1] != a[k - 1]))) {       \
                if (counts)                                                \
                    counts[k - 1]++;                                       \
                continue;                                                  \
            }                                                              \
            a[k] = a[i];                                                   \
            if (counts)                                                    \
                counts[k] = 1;                                             \
            k++;                                                           \
        }                                                                  \
        return k;                                                          \
    }
ND_REAL_DTYPES(SORTS)

typedef void (*SortFn)(void *, int64_t);
typedef void (*ASortFn)(const void *, int64_t *, int64_t);
typedef int64_t (*UniqFn)(void *, int64_t, int64_t *);
static const SortFn sort_fns[ND_NTYPES] = {
#define X(E, T, U, K) [ND_##E] = (SortFn)quicksort_##E,
    ND_REAL_DTYPES(X)
#undef X
};
static const ASortFn asort_fns[ND_NTYPES] = {
#define X(E, T, U, K) [ND_##E] = (ASortFn)aquicksort_##E,
    ND_REAL_DTYPES(X)
#undef X
};
static const UniqFn uniq_fns[ND_NTYPES] = {
#define X(E, T, U, K) [ND_##E] = (UniqFn)uniq_##E,
    ND_REAL_DTYPES(X)
#undef X
};

/* ---- AVX-512 quicksort for 4- and 8-byte keys (sort of values only) ----
** In the spirit of Bramas (2017) and x86-simd-sort (NumPy 1.25's AVX-512
** sort; 1.24 here still runs its scalar introsort on 8-byte keys): an
** in-place partition compresses each vector's keys below the pivot to
** the left end and the rest to the right end, reading from whichever end
** has less free room; the pivot is Tukey's ninther of nine samples;
** runs of at most VS_SPLIT vectors, or of more than VS_MID up to VS_NREG,
** are sorted by a bitonic network in registers (padded with the largest
** key); between the two, a partition and two networks of at most
** VS_SPLIT vectors cost less than one of VS_NREG. A partition whose left
** side comes out empty (the pivot is the minimum) is redone with ">", so
** runs of equal keys always shrink; past 2*log2(n) levels the scalar
** heapsort finishes, as in the introsort. Callers have moved NaNs out
** and made sure -0.0 and 0.0 do not both occur, so equal keys have equal
** bits and the bytes are the ones every correct sort gives. */
#if ND_AVX2
#define VS_AVX512_BEGIN ND_TARGET_BEGIN("avx512f,avx512vl")
#define VS_AVX512_END ND_TARGET_END
#if defined(__clang__)
/* unrolling is a speed hint: -O1 sanitizer builds need not honour it */
#pragma clang diagnostic ignored "-Wpass-failed"
#endif
#define VS_SIMD 1
#else
#define VS_SIMD 0
#endif

#if VS_SIMD
#include <immintrin.h>

/* Keys travel as __m512i whatever their type. Width-dependent moves:
** W64 has 8 lanes, W32 16; X1..X8 swap lanes i and i^j (cheap in-lane
** shuffles where they exist), REV reverses the register. */
#define PD(a) _mm512_castsi512_pd(a)
#define PS(a) _mm512_castsi512_ps(a)
#define W64_L 8
#define W64_X1(v) _mm512_castpd_si512(_mm512_permute_pd(PD(v), 0x55))
#define W64_X2(v) _mm512_permutex_epi64(v, 0x4E)
#define W64_X4(v) _mm512_shuffle_i64x2(v, v, 0x4E)
#define W64_X8(v) (v) /* unused: 8 lanes */
#define W64_REV(v)                                                         \
    _mm512_permutexvar_epi64(_mm512_set_epi64(0, 1, 2, 3, 4, 5, 6, 7), v)
#define W64_COMP(m, v) _mm512_maskz_compress_epi64((__mmask8)(m), v)
#define W64_MLOAD(s, m, p) _mm512_mask_loadu_epi64(s, (__mmask8)(m), p)
#define W64_MSTORE(p, m, v) _mm512_mask_storeu_epi64(p, (__mmask8)(m), v)
#define W64_SET1(x) _mm512_set1_epi64(x)
#define W64_B __m512i /* a partition block: 8 keys */
#define W64_BLOAD(p) _mm512_loadu_si512(p)
#define W64_BSTORE(p, v) _mm512_storeu_si512(p, v)
#define W64_P2 _mm512_permutex2var_epi64
#define W64_ADD _mm512_add_epi64
#define W64_IOTA _mm512_set_epi64(7, 6, 5, 4, 3, 2, 1, 0)
#define W64_BMSTORE(p, m, v) _mm512_mask_storeu_epi64(p, (__mmask8)(m), v)
#define W64_BSET1(x) _mm512_set1_epi64(x)
#define W64_BPERM(v, t)                                                    \
    _mm512_permutexvar_epi64(_mm512_cvtepu8_epi64(_mm_loadl_epi64(        \
                                 (const __m128i *)(t))),                   \
                             v)
#define W32_L 16
#define W32_X1(v) _mm512_shuffle_epi32(v, (_MM_PERM_ENUM)0xB1)
#define W32_X2(v) _mm512_shuffle_epi32(v, (_MM_PERM_ENUM)0x4E)
#define W32_X4(v) _mm512_permutex_epi64(v, 0x4E)
#define W32_X8(v) _mm512_shuffle_i64x2(v, v, 0x4E)
#define W32_REV(v)                                                         \
    _mm512_permutexvar_epi32(_mm512_set_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8,  \
                                              9, 10, 11, 12, 13, 14, 15), \
                             v)
#define W32_COMP(m, v) _mm512_maskz_compress_epi32((__mmask16)(m), v)
#define W32_MLOAD(s, m, p) _mm512_mask_loadu_epi32(s, (__mmask16)(m), p)
#define W32_MSTORE(p, m, v) _mm512_mask_storeu_epi32(p, (__mmask16)(m), v)
#define W32_SET1(x) _mm512_set1_epi32(x)
#define W32_B __m256i
#define W32_BLOAD(p) _mm256_loadu_si256((const __m256i *)(p))
#define W32_BSTORE(p, v) _mm256_storeu_si256((__m256i *)(p), v)
#define W32_P2 _mm512_permutex2var_epi32
#define W32_ADD _mm512_add_epi32
#define W32_IOTA                                                           \
    _mm512_set_epi32(15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0)
#define W32_BMSTORE(p, m, v) _mm256_mask_storeu_epi32(p, (__mmask8)(m), v)
#define W32_BSET1(x) _mm256_set1_epi32(x)
#define W32_BPERM(v, t)                                                    \
    _mm256_permutevar8x32_epi32(                                           \
        v, _mm256_cvtepu8_epi32(_mm_loadl_epi64((const __m128i *)(t))))

/* Key-dependent operations: min, max merged into src on lanes m, >=, >. */
#define F64_MIN(a, b) _mm512_castpd_si512(_mm512_min_pd(PD(a), PD(b)))
#define F64_MAX(a, b) _mm512_castpd_si512(_mm512_max_pd(PD(a), PD(b)))
#define F64_MMAX(s, m, a, b)                                               \
    _mm512_castpd_si512(                                                   \
        _mm512_mask_max_pd(PD(s), (__mmask8)(m), PD(a), PD(b)))
#define F64_GE(a, b) _mm512_cmp_pd_mask(PD(a), PD(b), _CMP_GE_OQ)
#define F64_GT(a, b) _mm512_cmp_pd_mask(PD(a), PD(b), _CMP_GT_OQ)
#define F64_BGE F64_GE
#define F64_BGT F64_GT
#define I64_MIN _mm512_min_epi64
#define I64_MAX _mm512_max_epi64
#define I64_MMAX(s, m, a, b) _mm512_mask_max_epi64(s, (__mmask8)(m), a, b)
#define I64_GE _mm512_cmpge_epi64_mask
#define I64_GT _mm512_cmpgt_epi64_mask
#define I64_BGE I64_GE
#define I64_BGT I64_GT
#define U64_MIN _mm512_min_epu64
#define U64_MAX _mm512_max_epu64
#define U64_MMAX(s, m, a, b) _mm512_mask_max_epu64(s, (__mmask8)(m), a, b)
#define U64_GE _mm512_cmpge_epu64_mask
#define U64_GT _mm512_cmpgt_epu64_mask
#define U64_BGE U64_GE
#define U64_BGT U64_GT
#define F32_MIN(a, b) _mm512_castps_si512(_mm512_min_ps(PS(a), PS(b)))
#define F32_MAX(a, b) _mm512_castps_si512(_mm512_max_ps(PS(a), PS(b)))
#define F32_MMAX(s, m, a, b)                                               \
    _mm512_castps_si512(                                                   \
        _mm512_mask_max_ps(PS(s), (__mmask16)(m), PS(a), PS(b)))
#define F32_GE(a, b) _mm512_cmp_ps_mask(PS(a), PS(b), _CMP_GE_OQ)
#define F32_GT(a, b) _mm512_cmp_ps_mask(PS(a), PS(b), _CMP_GT_OQ)
#define PS8(a) _mm256_castsi256_ps(a)
#define F32_BGE(a, b) _mm256_cmp_ps_mask(PS8(a), PS8(b), _CMP_GE_OQ)
#define F32_BGT(a, b) _mm256_cmp_ps_mask(PS8(a), PS8(b), _CMP_GT_OQ)
#define I32_MIN _mm512_min_epi32
#define I32_MAX _mm512_max_epi32
#define I32_MMAX(s, m, a, b) _mm512_mask_max_epi32(s, (__mmask16)(m), a, b)
#define I32_GE _mm512_cmpge_epi32_mask
#define I32_GT _mm512_cmpgt_epi32_mask
#define I32_BGE _mm256_cmpge_epi32_mask
#define I32_BGT _mm256_cmpgt_epi32_mask
#define U32_MIN _mm512_min_epu32
#define U32_MAX _mm512_max_epu32
#define U32_MMAX(s, m, a, b) _mm512_mask_max_epu32(s, (__mmask16)(m), a, b)
#define U32_GE _mm512_cmpge_epu32_mask
#define U32_GT _mm512_cmpgt_epu32_mask
#define U32_BGE _mm256_cmpge_epu32_mask
#define U32_BGT _mm256_cmpgt_epu32_mask

#define VS_INLINE static inline __attribute__((always_inline))
#define VS_UNROLL _Pragma("GCC unroll 64")
#if defined(__SANITIZE_ADDRESS__)
#define VS_SAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define VS_SAN 1
#endif
#endif
#define VS_SPLIT 16 /* runs up to this many vectors take a network... */
#ifndef VS_SAN
#define VS_NREG 32 /* registers of the largest base-case network */
#define VS_MID 24   /* ...and so do runs above this many */
#else
/* sanitizer builds: instrumenting the unrolled 32-register networks took
** gcc 4 minutes and clang 16 for this file (1 without them) */
#define VS_NREG 16
#define VS_MID 16
#endif
#define VS_UNP 8    /* vectors per partition step */

/* vs_ptab[m]: the permutation putting the lanes of an 8-lane block
** that are clear in m first, then those set, each in lane order. */
static uint8_t vs_ptab[256][8];

static void vs_init_ptab(void)
{
    for (int m = 0; m < 256; m++) {
        int k = 0;
        for (int set = 0; set < 2; set++)
            for (int i = 0; i < 8; i++)
                if (((m >> i) & 1) == set)
                    vs_ptab[m][k++] = (uint8_t)i;
    }
}

/* Batcher's odd-even merge sort of 16 inputs (63 comparators); its
** first 19 sort inputs 0..7. */
static const uint8_t vs_oem16[63][2] = {
    {0, 1},   {2, 3},   {0, 2},   {1, 3},   {1, 2},   {4, 5},   {6, 7},
    {4, 6},   {5, 7},   {5, 6},   {0, 4},   {2, 6},   {2, 4},   {1, 5},
    {3, 7},   {3, 5},   {1, 2},   {3, 4},   {5, 6},   {8, 9},   {10, 11},
    {8, 10},  {9, 11},  {9, 10},  {12, 13}, {14, 15}, {12, 14}, {13, 15},
    {13, 14}, {8, 12},  {10, 14}, {10, 12}, {9, 13},  {11, 15}, {11, 13},
    {9, 10},  {11, 12}, {13, 14}, {0, 8},   {4, 12},  {4, 8},   {2, 10},
    {6, 14},  {6, 10},  {2, 4},   {6, 8},   {10, 12}, {1, 9},   {5, 13},
    {5, 9},   {3, 11},  {7, 15},  {7, 11},  {3, 5},   {7, 9},   {11, 13},
    {1, 2},   {3, 4},   {5, 6},   {7, 8},   {9, 10},  {11, 12}, {13, 14}};

VS_AVX512_BEGIN
/* Transpose 8 registers of 8 64-bit lanes: r[i] lane j <-> r[j] lane i. */
VS_INLINE void vs_tr8(__m512i *r)
{
    const __m512i ia = _mm512_set_epi64(13, 12, 5, 4, 9, 8, 1, 0);
    const __m512i ib = _mm512_set_epi64(15, 14, 7, 6, 11, 10, 3, 2);
    __m512i t[8], u[8];
    for (int i = 0; i < 4; i++) {
        t[2 * i] = _mm512_unpacklo_epi64(r[2 * i], r[2 * i + 1]);
        t[2 * i + 1] = _mm512_unpackhi_epi64(r[2 * i], r[2 * i + 1]);
    }
    for (int h = 0; h < 8; h += 4) {
        u[h] = _mm512_permutex2var_epi64(t[h], ia, t[h + 2]);
        u[h + 2] = _mm512_permutex2var_epi64(t[h], ib, t[h + 2]);
        u[h + 1] = _mm512_permutex2var_epi64(t[h + 1], ia, t[h + 3]);
        u[h + 3] = _mm512_permutex2var_epi64(t[h + 1], ib, t[h + 3]);
    }
    for (int c = 0; c < 4; c++) {
        r[c] = _mm512_shuffle_i64x2(u[c], u[c + 4], 0x44);
        r[c + 4] = _mm512_shuffle_i64x2(u[c], u[c + 4], 0xEE);
    }
}
/* Transpose 16 registers of 16 32-bit lanes. */
VS_INLINE void vs_tr16(__m512i *r)
{
    __m512i t[16], u[16];
    for (int i = 0; i < 8; i++) {
        t[2 * i] = _mm512_unpacklo_epi32(r[2 * i], r[2 * i + 1]);
        t[2 * i + 1] = _mm512_unpackhi_epi32(r[2 * i], r[2 * i + 1]);
    }
    /* u[4g + m], chunk k: rows 4g..4g+3 of column 4k + m */
    for (int g = 0; g < 4; g++) {
        __m512i a = t[4 * g], b = t[4 * g + 1], c = t[4 * g + 2],
                d = t[4 * g + 3];
        u[4 * g] = _mm512_unpacklo_epi64(a, c);
        u[4 * g + 1] = _mm512_unpackhi_epi64(a, c);
        u[4 * g + 2] = _mm512_unpacklo_epi64(b, d);
        u[4 * g + 3] = _mm512_unpackhi_epi64(b, d);
    }
    for (int m = 0; m < 4; m++) {
        __m512i x = _mm512_shuffle_i32x4(u[m], u[4 + m], 0x88);
        __m512i y = _mm512_shuffle_i32x4(u[m], u[4 + m], 0xDD);
        __m512i x2 = _mm512_shuffle_i32x4(u[8 + m], u[12 + m], 0x88);
        __m512i y2 = _mm512_shuffle_i32x4(u[8 + m], u[12 + m], 0xDD);
        r[m] = _mm512_shuffle_i32x4(x, x2, 0x88);
        r[8 + m] = _mm512_shuffle_i32x4(x, x2, 0xDD);
        r[4 + m] = _mm512_shuffle_i32x4(y, y2, 0x88);
        r[12 + m] = _mm512_shuffle_i32x4(y, y2, 0xDD);
    }
}
VS_AVX512_END

/* Lanes whose index has bit j set (j < 16, a constant). */
VS_INLINE unsigned vs_lmask(int j)
{
    return j == 1 ? 0xAAAAu : j == 2 ? 0xCCCCu : j == 4 ? 0xF0F0u : 0xFF00u;
}

/*
** VQS(S, W, T, BT, PAD, HEAP) generates vsort_S, the AVX-512 sort of
** keys of C type T (bits of type BT, the largest key's bits PAD) in
** W-width lanes with the key operations S_*, HEAP its scalar fallback;
** its helpers are named v*_S.
*/
#define VQS(S, W, T, BT, PAD, HEAP)                                        \
    /* A compare-exchange step inside a register: lane i meets lane i^j;   \
    ** lanes in m keep the max, the others the min. */                     \
    VS_INLINE __m512i vcx_##S(__m512i v, int j, unsigned m)                \
    {                                                                      \
        __m512i p = j == 1 ? W##_X1(v) : j == 2 ? W##_X2(v)                \
                  : j == 4 ? W##_X4(v) : W##_X8(v);                        \
        return S##_MMAX(S##_MIN(v, p), m, v, p);                           \
    }                                                                      \
    /* Sort one register (bitonic, directions per lane). */                \
    VS_INLINE __m512i vsort1_##S(__m512i v)                                \
    {                                                                      \
        VS_UNROLL                                                          \
        for (int k = 2; k <= W##_L; k <<= 1) {                             \
            VS_UNROLL                                                      \
            for (int j = k >> 1; j > 0; j >>= 1)                           \
                v = vcx_##S(v, j, vs_lmask(j) ^                            \
                                      (k < W##_L ? vs_lmask(k) : 0u));     \
        }                                                                  \
        return v;                                                          \
    }                                                                      \
    /* Sort a bitonic register ascending. */                               \
    VS_INLINE __m512i vclean_##S(__m512i v)                                \
    {                                                                      \
        VS_UNROLL                                                          \
        for (int j = W##_L >> 1; j > 0; j >>= 1)                           \
            v = vcx_##S(v, j, vs_lmask(j));                                \
        return v;                                                          \
    }                                                                      \
    /* v[0..h) and v[h..2h) sorted -> v[0..2h) sorted: compare with the    \
    ** second run reversed, then half-cleaners at h/2 ... 1 registers and  \
    ** inside each register. */                                            \
    VS_INLINE void vmerge_##S(__m512i *v, const int h)                     \
    {                                                                      \
        __m512i w[VS_NREG / 2];                                            \
        if (h > VS_NREG / 2)                                               \
            return; /* never: keeps gcc's bounds analysis quiet */         \
        VS_UNROLL                                                          \
        for (int i = 0; i < h; i++)                                        \
            w[i] = W##_REV(v[2 * h - 1 - i]);                              \
        VS_UNROLL                                                          \
        for (int i = 0; i < h; i++) {                                      \
            v[h + i] = S##_MAX(v[i], w[i]);                                \
            v[i] = S##_MIN(v[i], w[i]);                                    \
        }                                                                  \
        VS_UNROLL                                                          \
        for (int d = h >> 1; d > 0; d >>= 1) {                             \
            VS_UNROLL                                                      \
            for (int r = 0; r < 2 * h; r++) {                              \
                if (r & d)                                                 \
                    continue;                                              \
                __m512i lo = S##_MIN(v[r], v[r + d]);                      \
                v[r + d] = S##_MAX(v[r], v[r + d]);                        \
                v[r] = lo;                                                 \
            }                                                              \
        }                                                                  \
        VS_UNROLL                                                          \
        for (int r = 0; r < 2 * h; r++)                                    \
            v[r] = vclean_##S(v[r]);                                       \
    }                                                                      \
    /* Sort the columns of v[0..nr) (nr 8 or 16): each lane ascending      \
    ** down the registers, by Batcher's network on whole registers. */     \
    VS_INLINE void vcols_##S(__m512i *v, const int nr)                     \
    {                                                                      \
        VS_UNROLL                                                          \
        for (int c = 0; c < 63; c++) {                                     \
            int i = vs_oem16[c][0], j = vs_oem16[c][1];                    \
            if (nr == 8 && c == 19)                                        \
                break;                                                     \
            __m512i lo = S##_MIN(v[i], v[j]);                              \
            v[j] = S##_MAX(v[i], v[j]);                                    \
            v[i] = lo;                                                     \
        }                                                                  \
    }                                                                      \
    /* Sort nr registers (a power of two, a constant once inlined). With   \
    ** 16 registers (8 with 8 lanes) or more, sorting the columns of each   \
    ** 16 (or 8) and transposing                                           \
    ** gives sorted runs of 1 or 2 registers for far fewer operations      \
    ** than sorting each register. */                                      \
    VS_INLINE void vnet_##S(__m512i *v, const int nr)                      \
    {                                                                      \
        int h0 = 1;                                                        \
        if (W##_L == 16 && nr >= 16) {                                     \
            VS_UNROLL                                                      \
            for (int b = 0; b < nr; b += 16) {                             \
                vcols_##S(v + b, 16);                                      \
                vs_tr16(v + b);                                            \
            }                                                              \
        } else if (W##_L == 8 && nr == 8) {                                \
            vcols_##S(v, 8);                                               \
            vs_tr8(v);                                                     \
        } else if (W##_L == 8 && nr >= 16) {                               \
            /* each 16: sorted columns, two transposes, runs of 2 */       \
            VS_UNROLL                                                      \
            for (int b = 0; b < nr; b += 16) {                             \
                __m512i w[8];                                              \
                vcols_##S(v + b, 16);                                      \
                vs_tr8(v + b);                                             \
                vs_tr8(v + b + 8);                                         \
                VS_UNROLL                                                  \
                for (int c = 0; c < 8; c++)                                \
                    w[c] = v[b + 8 + c];                                   \
                VS_UNROLL                                                  \
                for (int c = 7; c >= 0; c--) {                             \
                    v[b + 2 * c] = v[b + c];                               \
                    v[b + 2 * c + 1] = w[c];                               \
                }                                                          \
            }                                                              \
            h0 = 2;                                                        \
        } else {                                                           \
            VS_UNROLL                                                      \
            for (int r = 0; r < nr; r++)                                   \
                v[r] = vsort1_##S(v[r]);                                   \
        }                                                                  \
        VS_UNROLL                                                          \
        for (int h = h0; h < nr; h <<= 1) {                                \
            VS_UNROLL                                                      \
            for (int b = 0; b < nr; b += 2 * h)                            \
                vmerge_##S(v + b, h);                                      \
        }                                                                  \
    }                                                                      \
    /* Sort n <= VS_NREG * lanes keys with one network of nr registers.    \
    ** Every load and store stays inside a[0..n): masked-off lanes on a    \
    ** page never touched cost a microcode assist per access (a 1000-key   \
    ** sort ending at such a page took 0.7 us longer). The register that   \
    ** holds the last n % L keys is loaded from the L keys ending at       \
    ** a + n and its lanes moved down; on the way out it is merged with    \
    ** the register before it and stored whole at a + n - L. */            \
    VS_INLINE void vsmalln_##S(T *a, int64_t n, const int nr)              \
    {                                                                      \
        const int L = W##_L;                                               \
        const __m512i pad = W##_SET1((BT)(PAD)), iota = W##_IOTA;          \
        __m512i v[VS_NREG];                                                \
        if (nr == 1) {                                                     \
            unsigned m = (1u << n) - 1;                                    \
            v[0] = vsort1_##S(W##_MLOAD(pad, m, a));                       \
            W##_MSTORE(a, m, v[0]);                                        \
            return;                                                        \
        }                                                                  \
        const int64_t tail = n % L, full = n / L;                          \
        VS_UNROLL                                                          \
        for (int r = 0; r < nr; r++) {                                     \
            if (r < full)                                                  \
                v[r] = _mm512_loadu_si512(a + r * L);                      \
            else if (r == full && tail)                                    \
                v[r] = W##_P2(_mm512_loadu_si512(a + n - L),               \
                              W##_ADD(iota, W##_SET1((BT)(L - tail))), pad);\
            else                                                           \
                v[r] = pad;                                                \
        }                                                                  \
        vnet_##S(v, nr);                                                   \
        VS_UNROLL                                                          \
        for (int r = 0; r < nr; r++) {                                     \
            if (r < full)                                                  \
                _mm512_storeu_si512(a + r * L, v[r]);                      \
            else if (r == full && tail)                                    \
                _mm512_storeu_si512(                                       \
                    a + n - L, W##_P2(v[r - 1],                            \
                                      W##_ADD(iota, W##_SET1((BT)tail)),   \
                                      v[r]));                              \
        }                                                                  \
    }                                                                      \
    static void vsmall_##S(T *a, int64_t n)                                \
    {                                                                      \
        if (n <= W##_L)                                                    \
            vsmalln_##S(a, n, 1);                                          \
        else if (n <= 2 * W##_L)                                           \
            vsmalln_##S(a, n, 2);                                          \
        else if (n <= 4 * W##_L)                                           \
            vsmalln_##S(a, n, 4);                                          \
        else if (n <= 8 * W##_L)                                           \
            vsmalln_##S(a, n, 8);                                          \
        else if (n <= VS_SPLIT * W##_L)                                    \
            vsmalln_##S(a, n, VS_SPLIT);                                   \
        else                                                               \
            vsmalln_##S(a, n, VS_NREG);                                    \
    }                                                                      \
    /* Partition one block of 8 keys: permute it to [keys < pivot, keys    \
    ** >= pivot] (strict: <=, >) and store it whole at a[*ls] and ending   \
    ** at a[*rs], or (masked) only the keys that belong there. */          \
    VS_INLINE void vpblk_##S(T *a, int64_t *ls, int64_t *rs, W##_B x,      \
                             W##_B pv, int strict, int masked)             \
    {                                                                      \
        unsigned m = strict ? (unsigned)S##_BGT(x, pv)                     \
                            : (unsigned)S##_BGE(x, pv);                    \
        int nr = __builtin_popcount(m), nl = 8 - nr;                       \
        W##_B y = W##_BPERM(x, vs_ptab[m]);                                \
        if (masked) {                                                      \
            W##_BMSTORE(a + *ls, (1u << nl) - 1, y);                       \
            W##_BMSTORE(a + *rs - 8, 0xFFu << nl, y);                      \
        } else {                                                           \
            W##_BSTORE(a + *ls, y);                                        \
            W##_BSTORE(a + *rs - 8, y);                                    \
        }                                                                  \
        *ls += nl;                                                         \
        *rs -= nr;                                                         \
    }                                                                      \
    /* Partition a[0..n) around pivot: returns k, a[0..k) < pivot and      \
    ** a[k..n) >= pivot (strict: <= and >). The unread keys are            \
    ** a[left..right), the free room at either end is left - ls and        \
    ** rs - right; VS_UNP blocks held back at each end keep the two        \
    ** rooms' sum at 16 * VS_UNP, and reading next from the end with less  \
    ** room keeps both >= 8 while blocks are stored whole. */              \
    static int64_t vpart_##S(T *a, int64_t n, T pivot, int strict)         \
    {                                                                      \
        const int U = VS_UNP;                                              \
        int64_t left = 0, right = n;                                       \
        for (int64_t i = n % 8; i > 0; i--) {                              \
            if (strict ? a[left] > pivot : a[left] >= pivot) {             \
                T t_ = a[left];                                            \
                a[left] = a[--right];                                      \
                a[right] = t_;                                             \
            } else {                                                       \
                left++;                                                    \
            }                                                              \
        }                                                                  \
        BT pb;                                                             \
        memcpy(&pb, &pivot, sizeof pb);                                    \
        W##_B pv = W##_BSET1(pb);                                          \
        int64_t ls = left, rs = right;                                     \
        if (right - left < 2 * 8 * U) {                                    \
            /* short: every block loaded, then each stored masked */       \
            W##_B x[2 * VS_UNP];                                           \
            int nb = (int)((right - left) / 8);                            \
            for (int u = 0; u < nb; u++)                                   \
                x[u] = W##_BLOAD(a + left + u * 8);                        \
            for (int u = 0; u < nb; u++)                                   \
                vpblk_##S(a, &ls, &rs, x[u], pv, strict, 1);               \
            return ls;                                                     \
        }                                                                  \
        W##_B hl[VS_UNP], hr[VS_UNP];                                      \
        VS_UNROLL                                                          \
        for (int u = 0; u < U; u++) {                                      \
            hl[u] = W##_BLOAD(a + left + u * 8);                           \
            hr[u] = W##_BLOAD(a + right - (u + 1) * 8);                    \
        }                                                                  \
        left += U * 8;                                                     \
        right -= U * 8;                                                    \
        while (right - left >= U * 8) {                                    \
            /* branch-free: which end comes next is unpredictable */       \
            int64_t fr = rs - right < left - ls;                           \
            int64_t at = fr ? right - U * 8 : left;                        \
            right -= fr * U * 8;                                           \
            left += (1 - fr) * U * 8;                                      \
            W##_B x[VS_UNP];                                               \
            VS_UNROLL                                                      \
            for (int u = 0; u < U; u++)                                    \
                x[u] = W##_BLOAD(a + at + u * 8);                          \
            VS_UNROLL                                                      \
            for (int u = 0; u < U; u++)                                    \
                vpblk_##S(a, &ls, &rs, x[u], pv, strict, 0);               \
        }                                                                  \
        /* the last (< U) blocks: all loaded first, so that no load        \
        ** waits for the counts of the block before it (that chain was a   \
        ** tenth of a 1000-key sort), then stored masked */                \
        W##_B x[VS_UNP];                                                   \
        int nb = (int)((right - left) / 8);                                \
        for (int u = 0; u < nb; u++)                                       \
            x[u] = W##_BLOAD(a + left + u * 8);                            \
        for (int u = 0; u < nb; u++)                                       \
            vpblk_##S(a, &ls, &rs, x[u], pv, strict, 1);                   \
        VS_UNROLL                                                          \
        for (int u = 0; u < U; u++) {                                      \
            vpblk_##S(a, &ls, &rs, hl[u], pv, strict, 1);                  \
            vpblk_##S(a, &ls, &rs, hr[u], pv, strict, 1);                  \
        }                                                                  \
        return ls;                                                         \
    }                                                                      \
    VS_INLINE T vmed3_##S(T x, T y, T z)                                   \
    {                                                                      \
        T lo = x < y ? x : y, hi = x < y ? y : x;                          \
        T m = hi < z ? hi : z;                                             \
        return lo < m ? m : lo;                                            \
    }                                                                      \
    /* Tukey's ninther of nine evenly spaced samples: a key of a, in a     \
    ** few scalar min/max (a sorted vector of samples cost a store-to-load \
    ** stall and a 6-step network each time: ~8% of a 1000-key sort). */   \
    static T vpivot_##S(const T *a, int64_t n, int *dup)                   \
    {                                                                      \
        int64_t st = n / 9, o = st / 2;                                    \
        T m0 = vmed3_##S(a[o], a[o + st], a[o + 2 * st]);                  \
        T m1 = vmed3_##S(a[o + 3 * st], a[o + 4 * st], a[o + 5 * st]);     \
        T m2 = vmed3_##S(a[o + 6 * st], a[o + 7 * st], a[o + 8 * st]);     \
        *dup = m0 == m1 || m1 == m2 || m0 == m2;                           \
        return vmed3_##S(m0, m1, m2);                                      \
    }                                                                      \
    /* Runs above VS_MID vectors take the VS_NREG network unless the       \
    ** samples show repeated keys: then partitions set the copies of the   \
    ** pivot aside for free (few distinct keys: 2.35 -> 2.65 us at 1000    \
    ** without this test). */                                              \
    static void vqsort_##S(T *a, int64_t n, int depth)                     \
    {                                                                      \
        while (n > VS_SPLIT * W##_L) {                                     \
            if (depth-- <= 0) {                                            \
                HEAP(a, n);                                                \
                return;                                                    \
            }                                                              \
            int dup;                                                       \
            T pivot = vpivot_##S(a, n, &dup);                              \
            if (n > VS_MID * W##_L && n <= VS_NREG * W##_L && !dup)        \
                break;                                                     \
            int64_t k = vpart_##S(a, n, pivot, 0);                         \
            if (k == 0) {                                                  \
                /* the pivot is the minimum: split off its copies */       \
                k = vpart_##S(a, n, pivot, 1);                             \
                a += k;                                                    \
                n -= k;                                                    \
                continue;                                                  \
            }                                                              \
            if (k < n - k) {                                               \
                vqsort_##S(a, k, depth);                                   \
                a += k;                                                    \
                n -= k;                                                    \
            } else {                                                       \
                vqsort_##S(a + k, n - k, depth);                           \
                n = k;                                                     \
            }                                                              \
        }                                                                  \
        if (n > 1)                                                         \
            vsmall_##S(a, n);                                              \
    }                                                                      \
    static void vsort_##S(void *p, int64_t n)                              \
    {                                                                      \
        vqsort_##S((T *)p, n, 2 * get_msb((uint64_t)(n | 1)));             \
    }

/* The keys the AVX-512 sort handles: dtype, C type, key operations,
** width, bit type, the largest key's bits. */
#define VS_DTYPES(X)                                                       \
    X(FLOAT64, double, F64, W64, int64_t, 0x7FF0000000000000LL)            \
    X(INT64, int64_t, I64, W64, int64_t, INT64_MAX)                        \
    X(UINT64, uint64_t, U64, W64, uint64_t, UINT64_MAX)                    \
    X(FLOAT32, float, F32, W32, int32_t, 0x7F800000)                       \
    X(INT32, int32_t, I32, W32, int32_t, INT32_MAX)                        \
    X(UINT32, uint32_t, U32, W32, uint32_t, UINT32_MAX)

VS_AVX512_BEGIN
#define X(E, T, S, W, BT, PAD) VQS(S, W, T, BT, PAD, heapsort_##E##_plain)
VS_DTYPES(X)
#undef X
VS_AVX512_END

/* fscan64/fscan32 (below) for the AVX-512 path: bit 0 = a NaN, bit 1 =
** a 0.0, bit 2 = a -0.0, bit 3 = no key is below the one before it (only
** meaningful without NaNs). Doubling a key's bits shifts the sign out: 0
** for either zero, above twice +inf's bits (unsigned) for a NaN, so one
** pass keeps a min and a max; only lanes with a zero take the second pass
** that tells the zeros apart. The order test runs while the keys are in
** order, so it costs one vector on unsorted lanes. */
#define VSCAN(BITS, W, FT, CMP, CAST, NEG0, INF)                           \
    static int vzeros##BITS(const char *p, int64_t n)                      \
    {                                                                      \
        const int L = W##_L;                                               \
        const __m512i z = _mm512_setzero_si512();                          \
        const __m512i nz = W##_SET1(NEG0);                                 \
        unsigned pz = 0, ng = 0, m = 0xFFFFu;                              \
        for (int64_t i = 0; i < n; i += L) {                               \
            if (n - i < L)                                                 \
                m = (1u << (n - i)) - 1;                                   \
            __m512i x = W##_MLOAD(z, m, p + i * (BITS / 8));               \
            pz |= (unsigned)_mm512_mask_cmpeq_epi##BITS##_mask(m, x, z);   \
            ng |= (unsigned)_mm512_mask_cmpeq_epi##BITS##_mask(m, x, nz);  \
        }                                                                  \
        return (pz != 0) << 1 | (ng != 0) << 2;                            \
    }                                                                      \
    static int vscan##BITS(const char *p, int64_t n)                       \
    {                                                                      \
        const int L = W##_L, sz = BITS / 8;                                \
        const __m512i other = W##_SET1(NEG0 >> 1); /* -2: no 0, no NaN */  \
        __m512i lo = _mm512_set1_epi64(-1), hi = _mm512_setzero_si512();   \
        __m512i lo2 = lo, hi2 = hi;                                        \
        unsigned down = 0;                                                 \
        int64_t i = 0;                                                     \
        for (; i + L < n && !down; i += L) {                               \
            __m512i x = _mm512_loadu_si512(p + i * sz);                    \
            __m512i y = _mm512_loadu_si512(p + (i + 1) * sz);              \
            down = (unsigned)CMP(CAST(y), CAST(x), _CMP_LT_OQ);            \
            x = _mm512_add_epi##BITS(x, x);                                \
            lo = _mm512_min_epu##BITS(lo, x);                              \
            hi = _mm512_max_epu##BITS(hi, x);                              \
        }                                                                  \
        for (int64_t j = i; !down && j + 1 < n; j++) {                     \
            FT u, w;                                                       \
            memcpy(&u, p + j * sz, sizeof u);                              \
            memcpy(&w, p + (j + 1) * sz, sizeof w);                        \
            down = w < u;                                                  \
        }                                                                  \
        for (; i + 2 * L <= n; i += 2 * L) {                               \
            __m512i x = _mm512_loadu_si512(p + i * sz);                    \
            __m512i y = _mm512_loadu_si512(p + (i + L) * sz);              \
            x = _mm512_add_epi##BITS(x, x);                                \
            y = _mm512_add_epi##BITS(y, y);                                \
            lo = _mm512_min_epu##BITS(lo, x);                              \
            hi = _mm512_max_epu##BITS(hi, x);                              \
            lo2 = _mm512_min_epu##BITS(lo2, y);                            \
            hi2 = _mm512_max_epu##BITS(hi2, y);                            \
        }                                                                  \
        for (; i < n; i += L) {                                            \
            /* the last L keys again: min and max do not mind, and no      \
            ** lane reads past the end (see vsmalln) */                    \
            unsigned m = n - i < L ? (1u << (n - i)) - 1 : 0xFFFFu;        \
            __m512i x = n >= L ? _mm512_loadu_si512(p + (n - L) * sz)      \
                               : W##_MLOAD(other, m, p + i * sz);          \
            x = _mm512_add_epi##BITS(x, x);                                \
            lo = _mm512_min_epu##BITS(lo, x);                              \
            hi = _mm512_max_epu##BITS(hi, x);                              \
        }                                                                  \
        lo = _mm512_min_epu##BITS(lo, lo2);                                \
        hi = _mm512_max_epu##BITS(hi, hi2);                                \
        const __m512i inf = W##_SET1(INF);                                 \
        int s = _mm512_cmpgt_epu##BITS##_mask(                             \
                    hi, _mm512_add_epi##BITS(inf, inf)) != 0;              \
        s |= !down << 3;                                                   \
        if (_mm512_cmpeq_epi##BITS##_mask(lo, _mm512_setzero_si512()))     \
            s |= vzeros##BITS(p, n);                                       \
        return s;                                                          \
    }

VS_AVX512_BEGIN
VSCAN(64, W64, double, _mm512_cmp_pd_mask, PD, INT64_MIN,
      0x7FF0000000000000LL)
VSCAN(32, W32, float, _mm512_cmp_ps_mask, PS, INT32_MIN, 0x7F800000)
VS_AVX512_END

static const SortFn vsort_fns[ND_NTYPES] = {
#define X(E, T, S, W, BT, PAD) [ND_##E] = vsort_##S,
    VS_DTYPES(X)
#undef X
};
#endif /* VS_SIMD */

/* -1: not decided yet; 0: baseline kernels; 1: AVX-512 sort. */
static int vs_on = -1;

int nd_sort_simd(int mode)
{
#if VS_SIMD
    if (mode < 0 && vs_on >= 0)
        return vs_on;
    int ok = 0;
    if (mode != 0) {
        const char *env = getenv("PYPREP_ND_NOSIMD");
        __builtin_cpu_init();
        ok = !(env && *env && *env != '0') &&
             __builtin_cpu_supports("avx512f") &&
             __builtin_cpu_supports("avx512vl");
    }
    if (ok && !vs_ptab[1][0])
        vs_init_ptab();
    vs_on = ok;
    return ok;
#else
    (void)mode;
    vs_on = 0;
    return 0;
#endif
}

/* The vectorised sort for t, or NULL (none, or baseline forced). */
static SortFn simd_fn(NdDType t)
{
#if VS_SIMD
    if (vs_on < 0)
        nd_sort_simd(-1);
    return vs_on ? vsort_fns[t] : NULL;
#else
    (void)t;
    return NULL;
#endif
}

/* ---- LSD radix sort for long lanes of 2-, 4- and 8-byte values ----
** (4 and 8 bytes only without the AVX-512 sort, which is faster.)
** For sort (not argsort) every correct algorithm gives the same bytes,
** with one exception: -0.0 and 0.0 compare equal, so how they interleave
** depends on the algorithm; a float lane holding both keeps the introsort
** (NumPy's order). NaNs are moved to the end first either way. Keys are
** the values' bits mapped to unsigned order (floats: negatives flip all
** bits, the rest the sign bit; signed ints flip the sign bit), sorted a
** byte per pass; a byte equal in every key costs no pass. (Buffering the
** scattered writes per bucket was measured slower here at every size.) */
#define RADIX_MIN 8192 /* below, the introsort is as fast */
#define RADIX16_MIN 1024 /* 2-byte keys: two passes */

#define RADIX(BITS, KT)                                                    \
    static KT key##BITS(KT u, char kind, int back)                         \
    {                                                                      \
        const KT top = (KT)1 << (BITS - 1);                                \
        if (kind == 'u')                                                   \
            return u;                                                      \
        if (kind == 'i')                                                   \
            return u ^ top;                                                \
        if (!back)                                                         \
            return (u & top) ? (KT)~u : (KT)(u | top);                     \
        return (u & top) ? (KT)(u & ~top) : (KT)~u;                        \
    }                                                                      \
    static void radix##BITS(char *lane, char *tmp, int64_t n, char kind)   \
    {                                                                      \
        enum { NB = BITS / 8 };                                            \
        int64_t hist[NB][256];                                             \
        KT k0 = 0;                                                         \
        memset(hist, 0, sizeof hist);                                      \
        for (int64_t i = 0; i < n; i++) {                                  \
            KT u;                                                          \
            memcpy(&u, lane + i * NB, NB);                                 \
            u = key##BITS(u, kind, 0);                                     \
            memcpy(lane + i * NB, &u, NB);                                 \
            for (int b = 0; b < NB; b++)                                   \
                hist[b][(u >> (8 * b)) & 255]++;                           \
        }                                                                  \
        memcpy(&k0, lane, NB);                                             \
        char *src = lane, *dst = tmp;                                      \
        for (int b = 0; b < NB; b++) {                                     \
            int64_t off[256], sum = 0;                                     \
            if (hist[b][(k0 >> (8 * b)) & 255] == n)                       \
                continue;                                                  \
            for (int d = 0; d < 256; d++) {                                \
                off[d] = sum;                                              \
                sum += hist[b][d];                                         \
            }                                                              \
            for (int64_t i = 0; i < n; i++) {                              \
                KT u;                                                      \
                memcpy(&u, src + i * NB, NB);                              \
                memcpy(dst + off[(u >> (8 * b)) & 255]++ * NB, &u, NB);    \
            }                                                              \
            char *t = src;                                                 \
            src = dst;                                                     \
            dst = t;                                                       \
        }                                                                  \
        for (int64_t i = 0; i < n; i++) {                                  \
            KT u;                                                          \
            memcpy(&u, src + i * NB, NB);                                  \
            u = key##BITS(u, kind, 1);                                     \
            memcpy(lane + i * NB, &u, NB);                                 \
        }                                                                  \
    }
RADIX(16, uint16_t)
RADIX(32, uint32_t)
RADIX(64, uint64_t)

/* Float lanes: bit 0 = a NaN, bit 1 = a 0.0, bit 2 = a -0.0; only lanes
** with NaNs pay for moving them. */
#define FSCAN(BITS, KT, NANLOW)                                            \
    static int fscan##BITS(const char *p, int64_t n)                       \
    {                                                                      \
        const KT top = (KT)1 << (BITS - 1);                                \
        KT nan = 0, pz = 0, nz = 0;                                        \
        for (int64_t i = 0; i < n; i++) {                                  \
            KT u;                                                          \
            memcpy(&u, p + i * (BITS / 8), sizeof u);                      \
            nan |= (KT)((KT)(u << 1) > (KT)(NANLOW));                      \
            pz |= (KT)(u == 0);                                            \
            nz |= (KT)(u == top);                                          \
        }                                                                  \
        return (nan != 0) | (pz != 0) << 1 | (nz != 0) << 2;               \
    }
FSCAN(32, uint32_t, 0xFF000000u)
FSCAN(64, uint64_t, 0xFFE0000000000000u)

/* 1-byte values: a counting sort (flip maps int8 to unsigned order). */
#define COUNT_MIN 192 /* below, the introsort is as fast */
static void count_sort8(uint8_t *p, int64_t n, unsigned flip)
{
    int64_t h[256] = {0}, k = 0;
    for (int64_t i = 0; i < n; i++)
        h[p[i] ^ flip]++;
    for (unsigned d = 0; d < 256; d++)
        for (int64_t c = h[d]; c > 0; c--)
            p[k++] = (uint8_t)(d ^ flip);
}

/* Does a contiguous lane of n values of t take the radix sort (and so
** need n * itemsize bytes of scratch)? */
static int lane_radix(NdDType t, int64_t n)
{
    size_t isz = nd_dtype_size(t);
    char kind = nd_dtype_kind(t);
    if (isz == 2) /* int16, uint16 (float16 is sorted as float32) */
        return n >= RADIX16_MIN && (kind == 'i' || kind == 'u');
    return n >= RADIX_MIN && (isz == 4 || isz == 8) && kind != 'c' &&
           kind != 'b' && !simd_fn(t);
}

/* Sort one contiguous lane of n values; tmp (n * isz bytes, or NULL)
** lets long lanes use the radix sort where the vectorised one is not
** available. */
static void sort_lane(NdDType t, SortFn f, char *p, int64_t n, char *tmp)
{
    size_t isz = nd_dtype_size(t);
    char kind = nd_dtype_kind(t);
    SortFn v = n > 1 ? simd_fn(t) : NULL;
    if (isz == 1 && n >= COUNT_MIN) {
        count_sort8((uint8_t *)p, n, kind == 'i' ? 0x80u : 0u);
        return;
    }
    if (!v && !(tmp && lane_radix(t, n))) {
        f(p, n);
        return;
    }
    int64_t k = n;
    if (kind == 'f') {
        int s;
#if VS_SIMD
        if (v)
            s = isz == 8 ? vscan64(p, n) : vscan32(p, n);
        else
#endif
            s = isz == 8 ? fscan64(p, n) : fscan32(p, n);
        /* NaNs last, exactly as quicksort_E moves them */
#define NANS_OUT(T)                                                        \
    do {                                                                   \
        T *a = (T *)p;                                                     \
        for (int64_t i = n - 1; i >= 0; i--)                               \
            if (a[i] != a[i]) {                                            \
                T x = a[i];                                                \
                a[i] = a[--k];                                             \
                a[k] = x;                                                  \
            }                                                              \
    } while (0)
        if (s & 1) {
            if (isz == 8)
                NANS_OUT(double);
            else
                NANS_OUT(float);
        }
#undef NANS_OUT
        if ((s & 15) == 8 || (s & 15) == 10 || (s & 15) == 12)
            return; /* in order, no NaN, one kind of zero: sorted bytes */
        if ((s & 6) == 6) {
            f(p, k); /* NaNs are already last: f leaves them there */
            return;
        }
    }
    if (v)
        v(p, k);
    else if (isz == 8)
        radix64(p, tmp, k, kind);
    else if (isz == 4)
        radix32(p, tmp, k, kind);
    else
        radix16(p, tmp, k, kind);
}

size_t nd_sort_scratch(const NdArray *a, int axis)
{
    if (a->ndim == 0)
        return 0;
    int64_t n = a->shape[axis];
    size_t isz = nd_dtype_size(a->dtype);
    if (a->strides[axis] == (int64_t)isz && !lane_radix(a->dtype, n))
        return 0;
    return (size_t)n * (isz + 8);
}

/* Visit every lane along axis: fn(lane pointer, stride) in C order. */
#define FOR_LANES(A, AXIS, P, BODY)                                        \
    do {                                                                   \
        int64_t idx_[ND_MAXDIMS] = {0};                                    \
        int64_t tot_ = nd_size(A) / ((A)->shape[AXIS] ? (A)->shape[AXIS] : 1); \
        if ((A)->shape[AXIS] == 0)                                         \
            tot_ = 0;                                                      \
        for (int64_t k_ = 0; k_ < tot_; k_++) {                            \
            char *P = (A)->data;                                           \
            for (int d_ = 0; d_ < (A)->ndim; d_++)                         \
                if (d_ != (AXIS))                                          \
                    P += idx_[d_] * (A)->strides[d_];                      \
            BODY;                                                          \
            for (int d_ = (A)->ndim - 1; d_ >= 0; d_--) {                  \
                if (d_ == (AXIS))                                          \
                    continue;                                              \
                if (++idx_[d_] < (A)->shape[d_])                           \
                    break;                                                 \
                idx_[d_] = 0;                                              \
            }                                                              \
        }                                                                  \
    } while (0)

NdError nd_sort(NdArray *a, int axis, void *scratch, NdErr *e)
{
    NdError err;
    SortFn f = sort_fns[a->dtype];
    if (a->ndim == 0)
        return nd_fail(e, ND_EAXIS,
                       "axis %d is out of bounds for array of dimension 0",
                       axis);
    if ((err = nd_norm_axis(&axis, a->ndim, e)))
        return err;
    if (!f)
        return nd_fail(e, ND_ETYPE, "sorting complex arrays is not "
                                    "supported");
    int64_t n = a->shape[axis];
    size_t isz = nd_dtype_size(a->dtype);
    ptrdiff_t st = a->strides[axis];
    FOR_LANES(a, axis, p, {
        if (st == (ptrdiff_t)isz) {
            /* nd_sort_scratch gave nothing for lanes without radix */
            sort_lane(a->dtype, f, p, n,
                      lane_radix(a->dtype, n) ? scratch : NULL);
        } else {
            /* scratch holds n * (isz + 8) bytes: the lane, then room
            ** for the radix sort's second buffer */
            char *buf = scratch;
            for (int64_t i = 0; i < n; i++)
                memcpy(buf + i * isz, p + i * st, isz);
            sort_lane(a->dtype, f, buf, n, buf + n * isz);
            for (int64_t i = 0; i < n; i++)
                memcpy(p + i * st, buf + i * isz, isz);
        }
    });
    return ND_OK;
}

NdError nd_argsort(const NdArray *a, int axis, NdArray *out, void *scratch,
                   NdErr *e)
{
    NdError err;
    ASortFn f = asort_fns[a->dtype];
    if ((err = nd_norm_axis(&axis, a->ndim, e)))
        return err;
    if (!f)
        return nd_fail(e, ND_ETYPE, "sorting complex arrays is not "
                                    "supported");
    int64_t n = a->shape[axis];
    size_t isz = nd_dtype_size(a->dtype);
    ptrdiff_t st = a->strides[axis], os = out->strides[axis];
    char *vals = scratch;
    int64_t *ix = (int64_t *)((char *)scratch + ((n * isz + 15) & ~(size_t)15));
    /* walk a and out lanes together: same shape, so same lane order */
    int64_t idx[ND_MAXDIMS] = {0};
    int64_t tot = n ? nd_size(a) / n : 0;
    for (int64_t k = 0; k < tot; k++) {
        const char *p = a->data + nd_lane_offset(a, axis, idx);
        char *q = out->data + nd_lane_offset(out, axis, idx);
        const void *v = p;
        if (st != (ptrdiff_t)isz) {
            for (int64_t i = 0; i < n; i++)
                memcpy(vals + i * isz, p + i * st, isz);
            v = vals;
        }
        for (int64_t i = 0; i < n; i++)
            ix[i] = i;
        f(v, ix, n);
        for (int64_t i = 0; i < n; i++)
            *(int64_t *)(q + i * os) = ix[i];
        nd_lane_next(a, axis, idx);
    }
    return ND_OK;
}

int64_t nd_unique_sorted(NdArray *a, int64_t *counts)
{
    UniqFn f = uniq_fns[a->dtype];
    return f ? f(a->data, a->shape[0], counts) : a->shape[0];
}

NdError nd_quantile_rows(NdArray *work, const double *q, int nq,
                         int median, NdArray *out, NdErr *e)
{
    NdError err;
    int64_t m = work->shape[0], n = work->shape[1];
    NdDType t = work->dtype;
    size_t isz = nd_dtype_size(t);
    if ((err = nd_sort(work, 1, NULL, e)))
        return err;
    for (int64_t r = 0; r < m; r++) {
        const char *row = work->data + r * work->strides[0];
        int nan = n > 0 && nd_dtype_kind(t) == 'f' &&
                  isnan(nd_get_double(t, row + (n - 1) * isz));
        for (int k = 0; k < nq; k++) {
            char *o = out->data + ((int64_t)k * m + r) * (int64_t)nd_dtype_size(out->dtype);
            double res;
            if (n == 0 || nan) {
                res = NAN;
            } else if (median) {
                /* mean of the middle one or two, in out's dtype */
                int64_t h = n / 2;
                if (n % 2) {
                    res = nd_get_double(t, row + h * isz);
                } else if (out->dtype == ND_FLOAT32) {
                    float s = 0;
                    s += (float)nd_get_double(t, row + (h - 1) * isz);
                    s += (float)nd_get_double(t, row + h * isz);
                    res = (double)(s / 2.0f);
                } else {
                    double s = 0;
                    s += nd_get_double(t, row + (h - 1) * isz);
                    s += nd_get_double(t, row + h * isz);
                    res = s / 2.0;
                }
            } else {
                double vi = (double)(n - 1) * q[k];
                int64_t prev = (int64_t)floor(vi), next = prev + 1;
                double gamma;
                if (vi >= (double)(n - 1)) {
                    prev = next = n - 1;
                    gamma = vi - (double)-1;
                } else if (vi < 0) {
                    prev = next = 0;
                    gamma = vi;
                } else {
                    gamma = vi - (double)prev;
                }
                /* _lerp: diff in the data dtype, then float64 */
                double a, b, diff;
                if (nd_dtype_kind(t) == 'i' || nd_dtype_kind(t) == 'u' ||
                    nd_dtype_kind(t) == 'b') {
                    int64_t ia = nd_get_int(t, row + prev * isz);
                    int64_t ib = nd_get_int(t, row + next * isz);
                    a = (double)ia;
                    b = (double)ib;
                    diff = (double)(int64_t)((uint64_t)ib - (uint64_t)ia);
                } else if (t == ND_FLOAT32) {
                    float fa = (float)nd_get_double(t, row + prev * isz);
                    float fb = (float)nd_get_double(t, row + next * isz);
                    a = fa;
                    b = fb;
                    diff = (double)(fb - fa);
                } else {
                    a = nd_get_double(t, row + prev * isz);
                    b = nd_get_double(t, row + next * isz);
                    diff = b - a;
                }
                res = a + diff * gamma;
                if (gamma >= 0.5)
                    res = b - diff * (1 - gamma);
            }
            nd_set_double(out->dtype, o, res);
        }
    }
    return ND_OK;
}
