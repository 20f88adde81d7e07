/*
** nd_random.h - NumPy-identical random streams on plain C buffers.
**
** An NdRandom is one of NumPy 1.24's two random states: the legacy global
** RandomState (MT19937, np.random.*) or a Generator (PCG64 seeded through
** SeedSequence, np.random.default_rng). The samplers follow the algorithm
** of whichever kind the state is, so the same call gives NumPy's bits for
** both APIs. The caller owns the state's memory (nd_random_size bytes) and
** every output and workspace buffer; nothing here allocates.
*/
#ifndef PYPREP_ND_RANDOM_H
#define PYPREP_ND_RANDOM_H

#include <stddef.h>
#include <stdint.h>

#include "nd.h"

typedef struct NdRandom NdRandom;

/* Bytes the caller must provide for one NdRandom (suitably aligned, e.g.
** from malloc or lua_newuserdatauv). */
size_t nd_random_size(void);

/* True if r is a legacy RandomState (MT19937), false for a Generator. */
int nd_random_is_legacy(const NdRandom *r);

/*
** np.random.seed(seed) for an int seed: MT19937 init_genrand, and the
** cached Gaussian is dropped. Turns r into a legacy state. Errors:
** ND_EVALUE "Seed must be between 0 and 2**32 - 1".
*/
NdError nd_random_seed_legacy(NdRandom *r, int64_t seed, NdErr *err);

/*
** np.random.seed(array of n uint32 words): MT19937 init_by_array.
** Turns r into a legacy state. No errors: NumPy refuses an empty array
** ("Seed must be non-empty") and words outside uint32 ("Seed must be
** between 0 and 2**32 - 1"), the caller checks; n == 0 is still safe.
*/
void nd_random_seed_legacy_array(NdRandom *r, const uint32_t *key, size_t n);

/*
** np.random.default_rng(entropy): SeedSequence over the n 32-bit words
** of the entropy (least significant word first; a Python int seed 42 is
** {42}, 2**40 is {0, 256}; n == 0 is SeedSequence([])), then PCG64.
** Turns r into a Generator. No errors; see nd_random_default_rng_int.
*/
void nd_random_default_rng(NdRandom *r, const uint32_t *words, size_t n);

/* default_rng(seed) for a Python int. ND_EVALUE "expected non-negative
** integer" when seed < 0. */
NdError nd_random_default_rng_int(NdRandom *r, int64_t seed, NdErr *err);

/* Raw bit-generator outputs (next_uint32 / next_uint64 of NumPy's
** bitgen_t), for tests and for callers building other distributions. */
uint32_t nd_random_next_uint32(NdRandom *r);
uint64_t nd_random_next_uint64(NdRandom *r);

/*
** rand / random_sample / Generator.random: n doubles in [0, 1) into out.
** uniform(low, high): low + (high - low) * U. Errors (uniform only):
** ND_EOVERFLOW "Range exceeds valid bounds" (legacy) or "high - low range
** exceeds valid bounds" (Generator) when high - low is not finite; out is
** untouched then.
*/
void nd_random_random(NdRandom *r, double *out, size_t n);
NdError nd_random_uniform(NdRandom *r, double low, double high, double *out,
                          size_t n, NdErr *err);

/*
** randn / standard_normal: legacy states use the cached polar method
** (one accepted pair serves two calls, across calls), Generators the
** ziggurat. normal(loc, scale) is loc + scale * z; ND_EVALUE "scale < 0".
*/
void nd_random_standard_normal(NdRandom *r, double *out, size_t n);
NdError nd_random_normal(NdRandom *r, double loc, double scale, double *out,
                         size_t n, NdErr *err);

/*
** standard_exponential / exponential(scale): legacy -log(1 - U), the
** Generator's ziggurat; ND_EVALUE "scale < 0". poisson(lam) into int64:
** ND_EVALUE "lam < 0 or lam is NaN", "lam value too large".
** binomial(ntrials, p) into int64 (inversion when n * min(p, 1-p) <= 30,
** else BTPE; the legacy state spends one draw even when n or p is 0):
** ND_EVALUE "p < 0, p > 1 or p is NaN", then "n < 0".
*/
void nd_random_standard_exponential(NdRandom *r, double *out, size_t n);
NdError nd_random_exponential(NdRandom *r, double scale, double *out,
                              size_t n, NdErr *err);
NdError nd_random_poisson(NdRandom *r, double lam, int64_t *out, size_t n,
                          NdErr *err);
NdError nd_random_binomial(NdRandom *r, int64_t ntrials, double p,
                           int64_t *out, size_t n, NdErr *err);

/*
** randint(low, high, dtype) / Generator.integers(low, high, dtype,
** endpoint): n integers in [low, high) (or [low, high] with endpoint)
** written as dtype into out (n * itemsize bytes). Legacy states use
** NumPy's masked rejection, Generators Lemire's method; both draw the
** same 32-bit words NumPy does, including the buffered 8/16-bit and bool
** draws. dtype: BOOL, INT8..INT64, UINT8..UINT64 (bounds are int64, so
** uint64 highs stop at 2**63 - 1). Errors, out untouched: ND_EVALUE
** "low is out of bounds for int8", "high is out of bounds for int8",
** "high <= 0" / "low >= high" (exclusive), "high < 0" / "low > high"
** (endpoint), except that n == 0 succeeds whatever the bounds, as
** NumPy's size=0; ND_ETYPE "Unsupported dtype ... for randint" for
** others.
*/
NdError nd_random_integers(NdRandom *r, int64_t low, int64_t high,
                           int endpoint, NdDType dtype, void *out, size_t n,
                           NdErr *err);

/*
** shuffle(x) on n items of itemsize bytes each, contiguous at data (rows
** of a C-contiguous array for a multi-dimensional x): NumPy's
** Fisher-Yates with random_interval. buf is itemsize bytes of scratch.
** permutation(n): out[0..n) = a shuffled arange(n).
*/
void nd_random_shuffle(NdRandom *r, void *data, size_t n, size_t itemsize,
                       void *buf);
void nd_random_permutation(NdRandom *r, int64_t *out, size_t n);

/*
** choice(a, size, replace, p) as indices: idx[0..n) in [0, pop) for a
** population of pop items (a itself, or range(a) for an int a); the
** caller then gathers a[idx]. flags: ND_CHOICE_REPLACE, and
** ND_CHOICE_AINT when a was an int (only the empty-population message
** depends on it), ND_CHOICE_NOSHUFFLE for the Generator's
** shuffle=False. p is NULL or pop probabilities; the caller checks that
** p is 1-d with pop entries ("'a' and 'p' must have same size" legacy,
** "a and p must have same size" Generator). work must
** hold nd_random_choice_worksize(...) bytes (may be 0 -> NULL is fine).
** Follows NumPy's path exactly: with replacement randint/integers or a
** cdf searched with uniform draws; without, legacy permutes range(pop),
** Generators use Floyd's method or a tail shuffle; with p and without
** replacement, repeated cdf rounds. Errors (ND_EVALUE), idx untouched:
** NumPy's words for empty populations, bad p, "Cannot take a larger
** sample than population when replace is False" (legacy quotes
** 'replace=False'), "Fewer non-zero entries in p than size".
*/
#define ND_CHOICE_REPLACE 0x1
#define ND_CHOICE_AINT    0x2
#define ND_CHOICE_NOSHUFFLE 0x4
size_t nd_random_choice_worksize(const NdRandom *r, int64_t pop,
                                 const double *p, int flags, size_t n);
NdError nd_random_choice(NdRandom *r, int64_t pop, const double *p,
                         int flags, int64_t *idx, size_t n, void *work,
                         NdErr *err);

#endif
