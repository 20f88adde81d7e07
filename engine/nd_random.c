/*
** nd_random.c - NumPy 1.24's random streams, bit for bit.
**
** Two bit generators (MT19937 for the legacy RandomState, PCG64 seeded
** by SeedSequence for Generator) behind NumPy's bitgen_t interface
** (next_uint32, next_uint64, next_double); the samplers above them repeat
** NumPy's algorithms draw for draw, choosing the legacy or the Generator
** variant by the state's kind. Proved against NumPy by nd_random_test.
*/
#include "nd_random.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* PCG64's state and Lemire's 64 x 64 -> 128-bit products need 128-bit
** integers: gcc and clang have them on every 64-bit target. */
__extension__ typedef unsigned __int128 nd_u128;

#define ND_MT_N 624
#define ND_MT_M 397

enum { ND_RK_MT19937, ND_RK_PCG64 };

struct NdRandom {
    int kind;
    /* MT19937 */
    uint32_t mt[ND_MT_N];
    int mt_pos;
    /* PCG64 */
    nd_u128 pcg_state, pcg_inc;
    int has_uint32; /* PCG64 hands out 64-bit words in two halves */
    uint32_t uinteger;
    /* legacy cached Gaussian (RandomState's aug_bitgen) */
    int has_gauss;
    double gauss;
};

size_t nd_random_size(void)
{
    return sizeof(NdRandom);
}

int nd_random_is_legacy(const NdRandom *r)
{
    return r->kind == ND_RK_MT19937;
}

static void nd_seterr(NdErr *err, const char *msg)
{
    if (err)
        snprintf(err->msg, sizeof err->msg, "%s", msg);
}

/* ---- MT19937 ---------------------------------------------------------- */

/* init_genrand: Knuth's multiplier fills the 624-word key from one seed;
** the position says "refill before the next draw". Every seed also
** resets what NumPy's _reset_state_variables resets. */
static void nd_mt_init(NdRandom *r, uint32_t s)
{
    int i;
    r->kind = ND_RK_MT19937;
    r->mt[0] = s;
    for (i = 1; i < ND_MT_N; i++)
        r->mt[i] = 1812433253u * (r->mt[i - 1] ^ (r->mt[i - 1] >> 30))
                   + (uint32_t)i;
    r->mt_pos = ND_MT_N;
    r->has_gauss = 0;
    r->gauss = 0.0;
    r->has_uint32 = 0;
    r->uinteger = 0;
}

/* The twist: all 624 words at once (NumPy's mt19937_gen), so a stream
** never depends on how draws were grouped into calls. */
#define ND_MT_TWIST(a, b, c)                                             \
    ((c) ^ ((((a) & 0x80000000u) | ((b) & 0x7fffffffu)) >> 1)             \
     ^ (-((b) & 1u) & 0x9908b0dfu))

static void nd_mt_refill(NdRandom *r)
{
    /* three runs instead of index arithmetic modulo 624 */
    uint32_t *mt = r->mt;
    int k;
    for (k = 0; k < ND_MT_N - ND_MT_M; k++)
        mt[k] = ND_MT_TWIST(mt[k], mt[k + 1], mt[k + ND_MT_M]);
    for (; k < ND_MT_N - 1; k++)
        mt[k] = ND_MT_TWIST(mt[k], mt[k + 1], mt[k + ND_MT_M - ND_MT_N]);
    mt[k] = ND_MT_TWIST(mt[k], mt[0], mt[ND_MT_M - 1]);
    r->mt_pos = 0;
}

/* One tempered 32-bit output. */
static uint32_t nd_mt_next(NdRandom *r)
{
    uint32_t y;
    if (r->mt_pos >= ND_MT_N)
        nd_mt_refill(r);
    y = r->mt[r->mt_pos++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= y >> 18;
    return y;
}

NdError nd_random_seed_legacy(NdRandom *r, int64_t seed, NdErr *err)
{
    if (seed < 0 || seed > (int64_t)0xffffffff) {
        nd_seterr(err, "Seed must be between 0 and 2**32 - 1");
        return ND_EVALUE;
    }
    nd_mt_init(r, (uint32_t)seed);
    return ND_OK;
}

void nd_random_seed_legacy_array(NdRandom *r, const uint32_t *key, size_t n)
{
    /* Matsumoto and Nishimura's init_by_array, as NumPy's mt19937_init_by
    ** _array (which also forces the first word non-zero). */
    size_t i = 1, j = 0, k;
    uint32_t *mt = r->mt;
    nd_mt_init(r, 19650218u);
    for (k = ND_MT_N > n ? ND_MT_N : n; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525u))
                + (n ? key[j] : 0u) + (uint32_t)j;
        i++;
        j++;
        if (i >= ND_MT_N) {
            mt[0] = mt[ND_MT_N - 1];
            i = 1;
        }
        if (j >= n)
            j = 0;
    }
    for (k = ND_MT_N - 1; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941u))
                - (uint32_t)i;
        i++;
        if (i >= ND_MT_N) {
            mt[0] = mt[ND_MT_N - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000u;
    r->mt_pos = ND_MT_N;
}

/* ---- SeedSequence and PCG64 ------------------------------------------- */

#define ND_SS_INIT_A 0x43b0d7e5u
#define ND_SS_MULT_A 0x931e8875u
#define ND_SS_INIT_B 0x8b51f9ddu
#define ND_SS_MULT_B 0x58f38dedu
#define ND_SS_MIX_L  0xca01f9ddu
#define ND_SS_MIX_R  0x4973f715u
#define ND_SS_POOL   4

/* SeedSequence's hash: the multiplier itself evolves with every use, so
** the order of the calls below is part of the algorithm. */
static uint32_t nd_ss_hashmix(uint32_t v, uint32_t *hc)
{
    v ^= *hc;
    *hc *= ND_SS_MULT_A;
    v *= *hc;
    return v ^ (v >> 16);
}

static uint32_t nd_ss_mix(uint32_t x, uint32_t y)
{
    uint32_t res = ND_SS_MIX_L * x - ND_SS_MIX_R * y;
    return res ^ (res >> 16);
}

static const nd_u128 nd_pcg_mult =
    ((nd_u128)2549297995355413924ull << 64) + 4865540595714422341ull;

/* PCG64's 128-bit LCG step; NumPy steps before each output. */
static void nd_pcg_step(NdRandom *r)
{
    r->pcg_state = r->pcg_state * nd_pcg_mult + r->pcg_inc;
}

void nd_random_default_rng(NdRandom *r, const uint32_t *words, size_t n)
{
    uint32_t pool[ND_SS_POOL], state[8], hc = ND_SS_INIT_A;
    uint64_t s[4];
    size_t i, j;

    /* SeedSequence.mix_entropy: hash the entropy into a 4-word pool... */
    for (i = 0; i < ND_SS_POOL; i++)
        pool[i] = nd_ss_hashmix(i < n ? words[i] : 0u, &hc);
    for (i = 0; i < ND_SS_POOL; i++)
        for (j = 0; j < ND_SS_POOL; j++)
            if (i != j)
                pool[j] = nd_ss_mix(pool[j], nd_ss_hashmix(pool[i], &hc));
    for (i = ND_SS_POOL; i < n; i++)
        for (j = 0; j < ND_SS_POOL; j++)
            pool[j] = nd_ss_mix(pool[j], nd_ss_hashmix(words[i], &hc));
    /* ... then generate_state(4, uint64): 8 words cycling the pool. */
    hc = ND_SS_INIT_B;
    for (i = 0; i < 8; i++) {
        uint32_t v = pool[i % ND_SS_POOL] ^ hc;
        hc *= ND_SS_MULT_B;
        v *= hc;
        state[i] = v ^ (v >> 16);
    }
    for (i = 0; i < 4; i++)
        s[i] = (uint64_t)state[2 * i] | (uint64_t)state[2 * i + 1] << 32;
    /* pcg64_set_seed: words 0,1 are the state's high and low halves,
    ** words 2,3 the increment's; then PCG's srandom. */
    r->kind = ND_RK_PCG64;
    r->pcg_state = 0;
    r->pcg_inc = (((nd_u128)s[2] << 64) | s[3]) << 1 | 1u;
    nd_pcg_step(r);
    r->pcg_state += ((nd_u128)s[0] << 64) | s[1];
    nd_pcg_step(r);
    r->has_uint32 = 0;
    r->uinteger = 0;
    r->has_gauss = 0;
    r->gauss = 0.0;
}

NdError nd_random_default_rng_int(NdRandom *r, int64_t seed, NdErr *err)
{
    uint32_t w[2];
    if (seed < 0) {
        nd_seterr(err, "expected non-negative integer");
        return ND_EVALUE;
    }
    w[0] = (uint32_t)seed;
    w[1] = (uint32_t)((uint64_t)seed >> 32);
    nd_random_default_rng(r, w, w[1] ? 2 : 1);
    return ND_OK;
}

/* XSL-RR: fold the halves, rotate by the top 6 bits. */
static uint64_t nd_pcg_next64(NdRandom *r)
{
    uint64_t hi, lo;
    unsigned rot;
    nd_pcg_step(r);
    hi = (uint64_t)(r->pcg_state >> 64);
    lo = (uint64_t)r->pcg_state;
    rot = (unsigned)(r->pcg_state >> 122);
    lo ^= hi;
    return (lo >> rot) | (lo << ((64 - rot) & 63));
}

/* ---- bitgen_t interface ------------------------------------------------ */

uint32_t nd_random_next_uint32(NdRandom *r)
{
    uint64_t v;
    if (r->kind == ND_RK_MT19937)
        return nd_mt_next(r);
    if (r->has_uint32) {
        r->has_uint32 = 0;
        return r->uinteger;
    }
    v = nd_pcg_next64(r);
    r->has_uint32 = 1;
    r->uinteger = (uint32_t)(v >> 32);
    return (uint32_t)v;
}

uint64_t nd_random_next_uint64(NdRandom *r)
{
    uint64_t hi;
    if (r->kind == ND_RK_PCG64)
        return nd_pcg_next64(r);
    hi = nd_mt_next(r); /* sequenced: the first word is the high half */
    return hi << 32 | nd_mt_next(r);
}

/* next_double: each bit generator has its own (MT19937 spends two
** 32-bit words on 53 bits, PCG64 one 64-bit word). */
static double nd_next_double(NdRandom *r)
{
    if (r->kind == ND_RK_MT19937) {
        int32_t a = (int32_t)(nd_mt_next(r) >> 5);
        int32_t b = (int32_t)(nd_mt_next(r) >> 6);
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }
    return (double)(nd_pcg_next64(r) >> 11) * (1.0 / 9007199254740992.0);
}

/* ---- uniform ----------------------------------------------------------- */

void nd_random_random(NdRandom *r, double *out, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        out[i] = nd_next_double(r);
}

NdError nd_random_uniform(NdRandom *r, double low, double high, double *out,
                          size_t n, NdErr *err)
{
    double range = high - low;
    size_t i;
    if (!isfinite(range)) {
        nd_seterr(err, r->kind == ND_RK_MT19937
                           ? "Range exceeds valid bounds"
                           : "high - low range exceeds valid bounds");
        return ND_EOVERFLOW;
    }
    for (i = 0; i < n; i++)
        out[i] = low + range * nd_next_double(r);
    return ND_OK;
}

/* ---- normal ------------------------------------------------------------ */

/* BEGIN ZIGGURAT TABLES (tests/random/gen_ziggurat.py) */
static const uint64_t nd_zig_ki[256] = {
    0x000ef33d8025ef6au, 0x0000000000000000u, 0x000c08be98fbc6a8u,
    0x000da354fabd8142u, 0x000e51f67ec1eeeau, 0x000eb255e9d3f77eu,
    0x000eef4b817ecab9u, 0x000f19470afa44aau, 0x000f37ed61ffcb18u,
    0x000f4f469561255cu, 0x000f61a5e41ba396u, 0x000f707a755396a4u,
    0x000f7cb2ec28449au, 0x000f86f10c6357d3u, 0x000f8fa6578325deu,
    0x000f9724c74dd0dau, 0x000f9da907dbf509u, 0x000fa360f581fa74u,
    0x000fa86fde5b4bf8u, 0x000facf160d354dcu, 0x000fb0fb6718b90fu,
    0x000fb49f8d5374c6u, 0x000fb7ec2366fe77u, 0x000fbaece9a1e50eu,
    0x000fbdab9d040bedu, 0x000fc03060ff6c57u, 0x000fc2821037a248u,
    0x000fc4a67ae25bd1u, 0x000fc6a2977aee31u, 0x000fc87aa92896a4u,
    0x000fca325e4bde85u, 0x000fcbcce902231au, 0x000fcd4d12f839c4u,
    0x000fceb54d8fec99u, 0x000fd007bf1dc930u, 0x000fd1464dd6c4e6u,
    0x000fd272a8e2f450u, 0x000fd38e4ff0c91eu, 0x000fd49a9990b478u,
    0x000fd598b8920f53u, 0x000fd689c08e99ecu, 0x000fd76ea9c8e832u,
    0x000fd848547b08e8u, 0x000fd9178bad2c8cu, 0x000fd9dd07a7add2u,
    0x000fda9970105e8cu, 0x000fdb4d5dc02e20u, 0x000fdbf95c5bfcd0u,
    0x000fdc9debb99a7du, 0x000fdd3b8118729du, 0x000fddd288342f90u,
    0x000fde6364369f64u, 0x000fdeee708d514eu, 0x000fdf7401a6b42eu,
    0x000fdff46599ed40u, 0x000fe06fe4bc24f2u, 0x000fe0e6c225a258u,
    0x000fe1593c28b84cu, 0x000fe1c78cbc3f99u, 0x000fe231e9db1caau,
    0x000fe29885da1b91u, 0x000fe2fb8fb54186u, 0x000fe35b33558d4au,
    0x000fe3b799d0002au, 0x000fe410e99ead7fu, 0x000fe46746d47734u,
    0x000fe4bad34c095cu, 0x000fe50baed29524u, 0x000fe559f74ebc78u,
    0x000fe5a5c8e41212u, 0x000fe5ef3e138689u, 0x000fe6366fd91078u,
    0x000fe67b75c6d578u, 0x000fe6be661e11aau, 0x000fe6ff55e5f4f2u,
    0x000fe73e5900a702u, 0x000fe77b823e9e39u, 0x000fe7b6e37070a2u,
    0x000fe7f08d774243u, 0x000fe8289053f08cu, 0x000fe85efb35173au,
    0x000fe893dc840864u, 0x000fe8c741f0cebcu, 0x000fe8f9387d4ef6u,
    0x000fe929cc879b1du, 0x000fe95909d388eau, 0x000fe986fb939aa2u,
    0x000fe9b3ac714866u, 0x000fe9df2694b6d5u, 0x000fea0973abe67cu,
    0x000fea329cf166a4u, 0x000fea5aab32952cu, 0x000fea81a6d5741au,
    0x000feaa797de1cf0u, 0x000feacc85f3d920u, 0x000feaf07865e63cu,
    0x000feb13762fec13u, 0x000feb3585fe2a4au, 0x000feb56ae3162b4u,
    0x000feb76f4e284fau, 0x000feb965fe62014u, 0x000febb4f4cf9d7cu,
    0x000febd2b8f449d0u, 0x000febefb16e2e3eu, 0x000fec0be31ebde8u,
    0x000fec2752b15a15u, 0x000fec42049dafd3u, 0x000fec5bfd29f196u,
    0x000fec75406ceef4u, 0x000fec8dd2500cb4u, 0x000feca5b6911f12u,
    0x000fecbcf0c427feu, 0x000fecd38454fb15u, 0x000fece97488c8b3u,
    0x000fecfec47f91b7u, 0x000fed1377358528u, 0x000fed278f844903u,
    0x000fed3b10242f4cu, 0x000fed4dfbad586eu, 0x000fed605498c3ddu,
    0x000fed721d414fe8u, 0x000fed8357e4a982u, 0x000fed9406a42cc8u,
    0x000feda42b85b704u, 0x000fedb3c8746ab4u, 0x000fedc2df416652u,
    0x000fedd171a46e52u, 0x000feddf813c8ad3u, 0x000feded0f909980u,
    0x000fedfa1e0fd414u, 0x000fee06ae124bc4u, 0x000fee12c0d95a06u,
    0x000fee1e579006e0u, 0x000fee29734b6524u, 0x000fee34150ae4bcu,
    0x000fee3e3db89b3cu, 0x000fee47ee2982f4u, 0x000fee51271db086u,
    0x000fee59e9407f41u, 0x000fee623528b42eu, 0x000fee6a0b5897f1u,
    0x000fee716c3e077au, 0x000fee7858327b82u, 0x000fee7ecf7b06bau,
    0x000fee84d2484ab2u, 0x000fee8a60b66343u, 0x000fee8f7accc851u,
    0x000fee94207e25dau, 0x000fee9851a829eau, 0x000fee9c0e13485cu,
    0x000fee9f557273f4u, 0x000feea22762ccaeu, 0x000feea4836b42acu,
    0x000feea668fc2d71u, 0x000feea7d76ed6fau, 0x000feea8ce04fa0au,
    0x000feea94be8333bu, 0x000feea950296410u, 0x000feea8d9c0075eu,
    0x000feea7e7897654u, 0x000feea678481d24u, 0x000feea48aa29e83u,
    0x000feea21d22e4dau, 0x000fee9f2e352024u, 0x000fee9bbc26af2eu,
    0x000fee97c524f2e4u, 0x000fee93473c0a3au, 0x000fee8e40557516u,
    0x000fee88ae369c7au, 0x000fee828e7f3dfdu, 0x000fee7bdea7b888u,
    0x000fee749bff37ffu, 0x000fee6cc3a9bd5eu, 0x000fee64529e007eu,
    0x000fee5b45a32888u, 0x000fee51994e57b6u, 0x000fee474a0006cfu,
    0x000fee3c53e12c50u, 0x000fee30b2e02ad8u, 0x000fee2462ad8205u,
    0x000fee175eb83c5au, 0x000fee09a22a1447u, 0x000fedfb27e349ccu,
    0x000fedebea76216cu, 0x000feddbe422047eu, 0x000fedcb0ece39d3u,
    0x000fedb964042cf4u, 0x000feda6dce938c9u, 0x000fed937237e98du,
    0x000fed7f1c38a836u, 0x000fed69d2b9c02bu, 0x000fed538d06ae00u,
    0x000fed3c41dea422u, 0x000fed23e76a2fd8u, 0x000fed0a732fe644u,
    0x000fecefda07fe34u, 0x000fecd4100eb7b8u, 0x000fecb708956eb4u,
    0x000fec98b61230c1u, 0x000fec790a0da978u, 0x000fec57f50f31feu,
    0x000fec356686c962u, 0x000fec114cb4b335u, 0x000febeb948e6fd0u,
    0x000febc429a0b692u, 0x000feb9af5ee0cdcu, 0x000feb6fe1c98542u,
    0x000feb42d3ad1f9eu, 0x000feb13b00b2d4bu, 0x000feae2591a02e9u,
    0x000feaaeae992257u, 0x000fea788d8ee326u, 0x000fea3fcffd73e5u,
    0x000fea044c8dd9f6u, 0x000fe9c5d62f563bu, 0x000fe9843ba947a4u,
    0x000fe93f471d4728u, 0x000fe8f6bd76c5d6u, 0x000fe8aa5dc4e8e6u,
    0x000fe859e07ab1eau, 0x000fe804f690a940u, 0x000fe7ab488233c0u,
    0x000fe74c751f6aa5u, 0x000fe6e8102aa202u, 0x000fe67da0b6abd8u,
    0x000fe60c9f38307eu, 0x000fe5947338f742u, 0x000fe51470977280u,
    0x000fe48bd436f458u, 0x000fe3f9bffd1e37u, 0x000fe35d35eeb19cu,
    0x000fe2b5122fe4feu, 0x000fe20003995557u, 0x000fe13c82788314u,
    0x000fe068c4ee67b0u, 0x000fdf82b02b71aau, 0x000fde87c57efeaau,
    0x000fdd7509c63bfdu, 0x000fdc46e529bf13u, 0x000fdaf8f82e0282u,
    0x000fd985e1b2ba75u, 0x000fd7e6ef48cf04u, 0x000fd613adbd650bu,
    0x000fd40149e2f012u, 0x000fd1a1a7b4c7acu, 0x000fcee204761f9eu,
    0x000fcba8d85e11b2u, 0x000fc7d26ecd2d22u, 0x000fc32b2f1e22edu,
    0x000fbd6581c0b83au, 0x000fb606c4005434u, 0x000fac40582a2874u,
    0x000f9e971e014598u, 0x000f89fa48a41dfcu, 0x000f66c5f7f0302cu,
    0x000f1a5a4b331c4au,
};
static const double nd_zig_wi[256] = {
    0x1.f493b7815d979p-51, 0x1.b8d0be3fdf6c6p-55, 0x1.250af3c2c5bb4p-54,
    0x1.57cb938443b61p-54, 0x1.801fce82fa70cp-54, 0x1.a230c2e4cd0bcp-54,
    0x1.c004d2f3861f7p-54, 0x1.dac2f5a747274p-54, 0x1.f32482d4cd5c3p-54,
    0x1.04d32278ebbadp-53, 0x1.0f5053b025d43p-53, 0x1.192a697413677p-53,
    0x1.227a28f7a1af5p-53, 0x1.2b52e3863d880p-53, 0x1.33c3fc05791f5p-53,
    0x1.3bd9ec1a2b12fp-53, 0x1.439ef8dff9b55p-53, 0x1.4b1bb363dfea7p-53,
    0x1.52575621ad374p-53, 0x1.59580a707ce96p-53, 0x1.60231cfd97eeap-53,
    0x1.66bd261a37c3dp-53, 0x1.6d2a292000570p-53, 0x1.736dad346f8a6p-53,
    0x1.798ad10b32a77p-53, 0x1.7f845ad46f543p-53, 0x1.855cc53430a77p-53,
    0x1.8b1649e7b769ap-53, 0x1.90b2ea94ecf98p-53, 0x1.96347822c1eeap-53,
    0x1.9b9c98e38c546p-53, 0x1.a0eccdca4a72cp-53, 0x1.a62676d77cd59p-53,
    0x1.ab4ad6e101630p-53, 0x1.b05b16d136c9cp-53, 0x1.b558487427a29p-53,
    0x1.ba4368e529f3ap-53, 0x1.bf1d62abf8232p-53, 0x1.c3e70f9594ef3p-53,
    0x1.c8a13a5323b61p-53, 0x1.cd4c9fe72268bp-53, 0x1.d1e9f0e80b748p-53,
    0x1.d679d29e41f10p-53, 0x1.dafce0023b8c3p-53, 0x1.df73aa9f17653p-53,
    0x1.e3debb5d2edfep-53, 0x1.e83e9337a6f00p-53, 0x1.ec93abdf982cep-53,
    0x1.f0de784f06226p-53, 0x1.f51f654d8f688p-53, 0x1.f956d9e87d7aep-53,
    0x1.fd8537dfa2eacp-53, 0x1.00d56e04234ecp-52, 0x1.02e40f5398f9ap-52,
    0x1.04eea9e16a5fcp-52, 0x1.06f565b72a010p-52, 0x1.08f869071f40bp-52,
    0x1.0af7d84bc6113p-52, 0x1.0cf3d664bcc7fp-52, 0x1.0eec84b16086bp-52,
    0x1.10e20329515eep-52, 0x1.12d4707310fbep-52, 0x1.14c3e9f8e9141p-52,
    0x1.16b08bfc4201ep-52, 0x1.189a71a78da34p-52, 0x1.1a81b51ee6d88p-52,
    0x1.1c666f8f82acbp-52, 0x1.1e48b93e0d42ep-52, 0x1.2028a9940a09fp-52,
    0x1.2206572c4c6e9p-52, 0x1.23e1d7de9c31fp-52, 0x1.25bb40ca96bfbp-52,
    0x1.2792a661dd37fp-52, 0x1.29681c719d71bp-52, 0x1.2b3bb62b82edap-52,
    0x1.2d0d862e1b853p-52, 0x1.2edd9e8cba98ep-52, 0x1.30ac10d6e48d7p-52,
    0x1.3278ee1f4b930p-52, 0x1.3444470265ea1p-52, 0x1.360e2baca52d5p-52,
    0x1.37d6abe05586ap-52, 0x1.399dd6fb2b264p-52, 0x1.3b63bbfb83d03p-52,
    0x1.3d28698561de0p-52, 0x1.3eebede725a83p-52, 0x1.40ae571e09e74p-52,
    0x1.426fb2da6745dp-52, 0x1.44300e83c30a4p-52, 0x1.45ef773cac75dp-52,
    0x1.47adf9e66c336p-52, 0x1.496ba32488f2fp-52, 0x1.4b287f602415dp-52,
    0x1.4ce49acb311dcp-52, 0x1.4ea001638a605p-52, 0x1.505abef5e5562p-52,
    0x1.5214df20a8b5ap-52, 0x1.53ce6d56a664fp-52, 0x1.558774e1bb2c8p-52,
    0x1.574000e555f78p-52, 0x1.58f81c60e8514p-52, 0x1.5aafd23241b59p-52,
    0x1.5c672d17d733dp-52, 0x1.5e1e37b2f8cd3p-52, 0x1.5fd4fc89f5e38p-52,
    0x1.618b860a31fc3p-52, 0x1.6341de8a2b0a2p-52, 0x1.64f8104b7260bp-52,
    0x1.66ae257c99672p-52, 0x1.6864283b13137p-52, 0x1.6a1a22950b2b1p-52,
    0x1.6bd01e8b343bbp-52, 0x1.6d8626128d352p-52, 0x1.6f3c43161f854p-52,
    0x1.70f27f78b68ebp-52, 0x1.72a8e516914c6p-52, 0x1.745f7dc70eedcp-52,
    0x1.7616535e5731fp-52, 0x1.77cd6faeff449p-52, 0x1.7984dc8babd93p-52,
    0x1.7b3ca3c8b1409p-52, 0x1.7cf4cf3db22fbp-52, 0x1.7ead68c73dee7p-52,
    0x1.80667a486ea1fp-52, 0x1.82200dac88676p-52, 0x1.83da2ce899f15p-52,
    0x1.8594e1fd1f5bdp-52, 0x1.875036f7a7ec5p-52, 0x1.890c35f47f72dp-52,
    0x1.8ac8e9205c043p-52, 0x1.8c865aba10c9cp-52, 0x1.8e44951446a27p-52,
    0x1.9003a2973b58fp-52, 0x1.91c38dc288347p-52, 0x1.9384612ef0afcp-52,
    0x1.954627903a28ap-52, 0x1.9708ebb70d5eep-52, 0x1.98ccb892e2a31p-52,
    0x1.9a919933f99bfp-52, 0x1.9c5798cd5d92cp-52, 0x1.9e1ec2b6f7411p-52,
    0x1.9fe7226fad24ap-52, 0x1.a1b0c39f93692p-52, 0x1.a37bb21a2c85bp-52,
    0x1.a547f9e0bbb88p-52, 0x1.a715a724aa9a4p-52, 0x1.a8e4c64a0313dp-52,
    0x1.aab563e9ff108p-52, 0x1.ac878cd5af5cep-52, 0x1.ae5b4e18bb336p-52,
    0x1.b030b4fc3a11ap-52, 0x1.b207cf09a985bp-52, 0x1.b3e0aa0e00c00p-52,
    0x1.b5bb541ce3d03p-52, 0x1.b797db93f8927p-52, 0x1.b9764f1e5f73cp-52,
    0x1.bb56bdb85256ep-52, 0x1.bd3936b2ec0a2p-52, 0x1.bf1dc9b81ae83p-52,
    0x1.c10486cec16a0p-52, 0x1.c2ed7e5f07a2dp-52, 0x1.c4d8c136e0d1cp-52,
    0x1.c6c6608ec8705p-52, 0x1.c8b66e0eba617p-52, 0x1.caa8fbd36a2abp-52,
    0x1.cc9e1c73bd690p-52, 0x1.ce95e3068e037p-52, 0x1.d0906328b8f6ep-52,
    0x1.d28db1037ef20p-52, 0x1.d48de1533c647p-52, 0x1.d691096e7f123p-52,
    0x1.d8973f4d7fba5p-52, 0x1.daa0999206e70p-52, 0x1.dcad2f8fc490ep-52,
    0x1.debd195522e37p-52, 0x1.e0d06fb49d21cp-52, 0x1.e2e74c4ea46f6p-52,
    0x1.e501c99c1d188p-52, 0x1.e72002f97fe25p-52, 0x1.e94214b2abf0ap-52,
    0x1.eb681c0f76f08p-52, 0x1.ed9237610a73ap-52, 0x1.efc086101eca9p-52,
    0x1.f1f328ac25321p-52, 0x1.f42a40fb74d6dp-52, 0x1.f665f20c90168p-52,
    0x1.f8a6604899782p-52, 0x1.faebb187122bfp-52, 0x1.fd360d22fe785p-52,
    0x1.ff859c118f60bp-52, 0x1.00ed447d3a075p-51, 0x1.021a8028fc947p-51,
    0x1.034a983a902abp-51, 0x1.047da4e3ef5c7p-51, 0x1.05b3bf6adb37ep-51,
    0x1.06ed023a72668p-51, 0x1.082988f632e17p-51, 0x1.0969708e8a254p-51,
    0x1.0aacd7571c0c4p-51, 0x1.0bf3dd1eed448p-51, 0x1.0d3ea34aa3d30p-51,
    0x1.0e8d4cf116593p-51, 0x1.0fdffefa69fb6p-51, 0x1.1136e04207041p-51,
    0x1.129219bbb5d35p-51, 0x1.13f1d69c4096dp-51, 0x1.1556448602e3bp-51,
    0x1.16bf93b9deef3p-51, 0x1.182df74d21261p-51, 0x1.19a1a564eebacp-51,
    0x1.1b1ad777f2f8ep-51, 0x1.1c99ca971a694p-51, 0x1.1e1ebfbe4ae39p-51,
    0x1.1fa9fc2e2d901p-51, 0x1.213bc9d04cc81p-51, 0x1.22d477a6fd3eep-51,
    0x1.24745a4ac9c24p-51, 0x1.261bcc77658e0p-51, 0x1.27cb2faa8592ep-51,
    0x1.2982ecd770e78p-51, 0x1.2b437532a0a52p-51, 0x1.2d0d43196db97p-51,
    0x1.2ee0db1a978f5p-51, 0x1.30becd256aeeep-51, 0x1.32a7b5e68a4a3p-51,
    0x1.349c405ae12a3p-51, 0x1.369d27a33a840p-51, 0x1.38ab39256410ap-51,
    0x1.3ac7570ae88fap-51, 0x1.3cf27b31704a6p-51, 0x1.3f2dbaa60f475p-51,
    0x1.417a49cb9e5dap-51, 0x1.43d9815545e94p-51, 0x1.464ce44a73a15p-51,
    0x1.48d62759c43bcp-51, 0x1.4b7739d6b5a27p-51, 0x1.4e3250dcd8902p-51,
    0x1.5109f53e9ac41p-51, 0x1.54011523a7e42p-51, 0x1.571b1a94ae41bp-51,
    0x1.5a5c08b718dd9p-51, 0x1.5dc8a243ad0fep-51, 0x1.61669cf861e4cp-51,
    0x1.653ce7b006aeap-51, 0x1.69540be9fe5c3p-51, 0x1.6db6b8d09e232p-51,
    0x1.72728f05f7a34p-51, 0x1.7799556090673p-51, 0x1.7d42df4d6ce8cp-51,
    0x1.839030529f234p-51, 0x1.8ab0fbfaa7c14p-51, 0x1.92ee0946f4496p-51,
    0x1.9cbee014057abp-51, 0x1.a8fdc7894775ap-51, 0x1.b981f3878fdb1p-51,
    0x1.d3bb48209ad33p-51,
};
static const double nd_zig_fi[256] = {
    0x1.0000000000000p+0, 0x1.f446ac979f087p-1, 0x1.eb7545b6ca915p-1,
    0x1.e3f11e027f077p-1, 0x1.dd36fa704de95p-1, 0x1.d70920657bcf2p-1,
    0x1.d144978a119dcp-1, 0x1.cbd33a8a72debp-1, 0x1.c6a5ecea9787fp-1,
    0x1.c1b1cd9eebaeap-1, 0x1.bceeb4ee1dc82p-1, 0x1.b85653a8ff552p-1,
    0x1.b3e3a8234dd10p-1, 0x1.af92a3f6ce8a2p-1, 0x1.ab5fef17a2504p-1,
    0x1.a748bd550c9e1p-1, 0x1.a34aafdf5af0fp-1, 0x1.9f63bee651fd8p-1,
    0x1.9b9228d240681p-1, 0x1.97d4657617ac1p-1, 0x1.94291c21b7a47p-1,
    0x1.908f1bd31714fp-1, 0x1.8d0554fe60aa8p-1, 0x1.898ad48badf02p-1,
    0x1.861ebfc37bcacp-1, 0x1.82c050f56cf6ep-1, 0x1.7f6ed4b20e2cbp-1,
    0x1.7c29a779c6858p-1, 0x1.78f033ca0b0d5p-1, 0x1.75c1f0770d856p-1,
    0x1.729e5f43f6d12p-1, 0x1.6f850baea7aeep-1, 0x1.6c7589e635a89p-1,
    0x1.696f75e513b2ap-1, 0x1.667272a92e323p-1, 0x1.637e298550c18p-1,
    0x1.6092498802665p-1, 0x1.5dae86f4aff6ap-1, 0x1.5ad29acc85c89p-1,
    0x1.57fe4264c8d8fp-1, 0x1.55313f08d9e46p-1, 0x1.526b55a656cd5p-1,
    0x1.4fac4e820b667p-1, 0x1.4cf3f4f494ec0p-1, 0x1.4a42172dc5278p-1,
    0x1.479685fdf5012p-1, 0x1.44f114a493679p-1, 0x1.425198a355fe3p-1,
    0x1.3fb7e99585b82p-1, 0x1.3d23e10af31a3p-1, 0x1.3a955a662cd0ep-1,
    0x1.380c32bda00d5p-1, 0x1.358848bf550e9p-1, 0x1.33097c9703a35p-1,
    0x1.308fafd6438efp-1, 0x1.2e1ac55ea3beep-1, 0x1.2baaa14d7954ap-1,
    0x1.293f28e93cd15p-1, 0x1.26d84290504edp-1, 0x1.2475d5a90db84p-1,
    0x1.2217ca92ff7f2p-1, 0x1.1fbe0a9929620p-1, 0x1.1d687fe549969p-1,
    0x1.1b171573fd111p-1, 0x1.18c9b709b3c50p-1, 0x1.16805128639dap-1,
    0x1.143ad105ea99cp-1, 0x1.11f9248311f38p-1, 0x1.0fbb3a2325913p-1,
    0x1.0d810104142a0p-1, 0x1.0b4a68d70d9aep-1, 0x1.091761d995d81p-1,
    0x1.06e7dccf03c36p-1, 0x1.04bbcafa63f2ep-1, 0x1.02931e18b822ap-1,
    0x1.006dc85b8cac4p-1, 0x1.fc9778c7bbda1p-2, 0x1.f859da7a900cap-2,
    0x1.f4229cb2f7af3p-2, 0x1.eff1a717e8f95p-2, 0x1.ebc6e20bd1f54p-2,
    0x1.e7a236a4ec3c5p-2, 0x1.e3838ea5f9b85p-2, 0x1.df6ad47763a09p-2,
    0x1.db57f320b56b1p-2, 0x1.d74ad6426de33p-2, 0x1.d3436a1021080p-2,
    0x1.cf419b4ae5b6dp-2, 0x1.cb45573c0a848p-2, 0x1.c74e8bb00d7c7p-2,
    0x1.c35d26f1d2cb8p-2, 0x1.bf7117c616a17p-2, 0x1.bb8a4d6716d91p-2,
    0x1.b7a8b7807131bp-2, 0x1.b3cc462b331cap-2, 0x1.aff4e9ea18552p-2,
    0x1.ac2293a5f5a9ep-2, 0x1.a85534aa4d880p-2, 0x1.a48cbea20c04dp-2,
    0x1.a0c923946843ep-2, 0x1.9d0a55e1e93dfp-2, 0x1.995048418c0c6p-2,
    0x1.959aedbe09f93p-2, 0x1.91ea39b33cb17p-2, 0x1.8e3e1fcb9f115p-2,
    0x1.8a9693fde9188p-2, 0x1.86f38a8ac5ab6p-2, 0x1.8354f7faa0dd9p-2,
    0x1.7fbad11b8d911p-2, 0x1.7c250aff414b0p-2, 0x1.78939af9252ebp-2,
    0x1.7506769c7b1edp-2, 0x1.717d93ba9614cp-2, 0x1.6df8e86124caap-2,
    0x1.6a786ad88de21p-2, 0x1.66fc11a25cbe2p-2, 0x1.6383d377be515p-2,
    0x1.600fa7480d2c8p-2, 0x1.5c9f84376c244p-2, 0x1.5933619d6eebep-2,
    0x1.55cb3703d0100p-2, 0x1.5266fc2533bedp-2, 0x1.4f06a8ebf6d92p-2,
    0x1.4baa357109ca2p-2, 0x1.485199fad6ad4p-2, 0x1.44fccefc324fep-2,
    0x1.41abcd1357a19p-2, 0x1.3e5e8d08ed2dbp-2, 0x1.3b1507cf143aep-2,
    0x1.37cf368081379p-2, 0x1.348d125f9d19ep-2, 0x1.314e94d5af62fp-2,
    0x1.2e13b77210766p-2, 0x1.2adc73e963fddp-2, 0x1.27a8c414db11ep-2,
    0x1.2478a1f17de89p-2, 0x1.214c079f7cc9ep-2, 0x1.1e22ef6188116p-2,
    0x1.1afd539c2f050p-2, 0x1.17db2ed5454e8p-2, 0x1.14bc7bb34ee67p-2,
    0x1.11a134fcf2423p-2, 0x1.0e895598709c4p-2, 0x1.0b74d88b242dap-2,
    0x1.0863b8f904336p-2, 0x1.0555f2242e9d9p-2, 0x1.024b7f6c7747ep-2,
    0x1.fe88b89df93c5p-3, 0x1.f88108cb83235p-3, 0x1.f27fe6ce998d2p-3,
    0x1.ec854a4c99c44p-3, 0x1.e6912b2283cddp-3, 0x1.e0a3816457184p-3,
    0x1.dabc455c7900ap-3, 0x1.d4db6f8b2514fp-3, 0x1.cf00f8a5e6fccp-3,
    0x1.c92cd9971df53p-3, 0x1.c35f0b7d89d47p-3, 0x1.bd9787abe18a1p-3,
    0x1.b7d647a8731aap-3, 0x1.b21b452ccd13ap-3, 0x1.ac667a2571807p-3,
    0x1.a6b7e0b19267ep-3, 0x1.a10f7322d7e3dp-3, 0x1.9b6d2bfd2fe5ap-3,
    0x1.95d105f6a7c27p-3, 0x1.903afbf74fa69p-3, 0x1.8aab09192815bp-3,
    0x1.852128a819a38p-3, 0x1.7f9d5621f7175p-3, 0x1.7a1f8d368a323p-3,
    0x1.74a7c9c7ab5a6p-3, 0x1.6f3607e964716p-3, 0x1.69ca43e21f25cp-3,
    0x1.64647a2adf19cp-3, 0x1.5f04a76f883f9p-3, 0x1.59aac88f31d6cp-3,
    0x1.5456da9c86835p-3, 0x1.4f08dade31fc1p-3, 0x1.49c0c6cf5ce2dp-3,
    0x1.447e9c20375d5p-3, 0x1.3f4258b6931aep-3, 0x1.3a0bfaae8d7eep-3,
    0x1.34db805b4ab88p-3, 0x1.2fb0e847c2a65p-3, 0x1.2a8c3137a071ap-3,
    0x1.256d5a2835eb7p-3, 0x1.2054625183c34p-3, 0x1.1b41492757d42p-3,
    0x1.16340e5a82d63p-3, 0x1.112cb1da26eb9p-3, 0x1.0c2b33d5209bap-3,
    0x1.072f94bb8bf85p-3, 0x1.0239d54067d2ap-3, 0x1.fa93ecb6b222cp-4,
    0x1.f0bff29520e1cp-4, 0x1.e6f7bf29aa54bp-4, 0x1.dd3b56176e88fp-4,
    0x1.d38abb9bd91e5p-4, 0x1.c9e5f493b740ap-4, 0x1.c04d0680b1015p-4,
    0x1.b6bff78f2e233p-4, 0x1.ad3ece9caf633p-4, 0x1.a3c9933ea6286p-4,
    0x1.9a604dc9d5b19p-4, 0x1.9103075a4a0abp-4, 0x1.87b1c9dbf2852p-4,
    0x1.7e6ca013eefd6p-4, 0x1.753395aaa1176p-4, 0x1.6c06b73694a4cp-4,
    0x1.62e6124854d18p-4, 0x1.59d1b577466a4p-4, 0x1.50c9b06fa2baep-4,
    0x1.47ce1401b2213p-4, 0x1.3edef23269a86p-4, 0x1.35fc5e4d93e70p-4,
    0x1.2d266cf9b3111p-4, 0x1.245d344dd0d91p-4, 0x1.1ba0cbe97897dp-4,
    0x1.12f14d0f2179dp-4, 0x1.0a4ed2c159625p-4, 0x1.01b979e30e497p-4,
    0x1.f262c2b6c6e35p-5, 0x1.e16d547b25181p-5, 0x1.d092efeadf162p-5,
    0x1.bfd3e0f282a2cp-5, 0x1.af30790385f70p-5, 0x1.9ea90f9295563p-5,
    0x1.8e3e02a68b5abp-5, 0x1.7defb77af271ep-5, 0x1.6dbe9b398d064p-5,
    0x1.5dab23cf2add4p-5, 0x1.4db5d0e11275dp-5, 0x1.3ddf2ce98eecbp-5,
    0x1.2e27ce83df497p-5, 0x1.1e9059f1f6abcp-5, 0x1.0f1982e968011p-5,
    0x1.ff881d718a5c4p-6, 0x1.e121adb828c75p-6, 0x1.c301983cd091ap-6,
    0x1.a529f4e22ebf8p-6, 0x1.879d1b600c10ap-6, 0x1.6a5daf40bbf82p-6,
    0x1.4d6eaf2fbb064p-6, 0x1.30d388dab5e13p-6, 0x1.1490334603012p-6,
    0x1.f152a4f72dd49p-7, 0x1.ba48d274f8facp-7, 0x1.841040d8da478p-7,
    0x1.4eb96421acfe0p-7, 0x1.1a59229952f92p-7, 0x1.ce160f8ec6837p-8,
    0x1.69ea8d90cb85dp-8, 0x1.08a1f03b0b1fdp-8, 0x1.55f9f43c1b067p-9,
    0x1.4a605b6b9f70fp-10,
};
static const uint64_t nd_zig_ke[256] = {
    0x001c5214272497c6u, 0x0000000000000000u, 0x00137d5bd79c317eu,
    0x00186ef58e3f3c10u, 0x001a9bb7320eb0aeu, 0x001bd127f719447cu,
    0x001c951d0f88651au, 0x001d1bfe2d5c3972u, 0x001d7e5bd56b18b2u,
    0x001dc934dd172c70u, 0x001e0409dfac9dc8u, 0x001e337b71d47836u,
    0x001e5a8b177cb7a2u, 0x001e7b42096f046cu, 0x001e970daf08ae3eu,
    0x001eaef5b14ef09eu, 0x001ec3bd07b46556u, 0x001ed5f6f08799ceu,
    0x001ee614ae6e5688u, 0x001ef46eca361cd0u, 0x001f014b76ddd4a4u,
    0x001f0ce313a796b6u, 0x001f176369f1f77au, 0x001f20f20c452570u,
    0x001f29ae1951a874u, 0x001f31b18fb95532u, 0x001f39125157c106u,
    0x001f3fe2eb6e694cu, 0x001f463332d788fau, 0x001f4c10bf1d3a0eu,
    0x001f51874c5c3322u, 0x001f56a109c3ecc0u, 0x001f5b66d9099996u,
    0x001f5fe08210d08cu, 0x001f6414dd445772u, 0x001f6809f6859678u,
    0x001f6bc52a2b02e6u, 0x001f6f4b3d32e4f4u, 0x001f72a07190f13au,
    0x001f75c8974d09d6u, 0x001f78c71b045cc0u, 0x001f7b9f12413ff4u,
    0x001f7e5346079f8au, 0x001f80e63be21138u, 0x001f835a3dad9162u,
    0x001f85b16056b912u, 0x001f87ed89b24262u, 0x001f8a10759374fau,
    0x001f8c1bba3d39acu, 0x001f8e10cc45d04au, 0x001f8ff102013e16u,
    0x001f91bd968358e0u, 0x001f9377ac47afd8u, 0x001f95204f8b64dau,
    0x001f96b878633892u, 0x001f98410c968892u, 0x001f99bae146ba80u,
    0x001f9b26bc697f00u, 0x001f9c85561b717au, 0x001f9dd759cfd802u,
    0x001f9f1d6761a1ceu, 0x001fa058140936c0u, 0x001fa187eb3a3338u,
    0x001fa2ad6f6bc4fcu, 0x001fa3c91ace0682u, 0x001fa4db5fee6aa2u,
    0x001fa5e4aa4d097cu, 0x001fa6e55ee46782u, 0x001fa7dddca51ec4u,
    0x001fa8ce7ce6a874u, 0x001fa9b793ce5feeu, 0x001faa9970adb858u,
    0x001fab745e588232u, 0x001fac48a3740584u, 0x001fad1682bf9fe8u,
    0x001fadde3b5782c0u, 0x001faea008f21d6cu, 0x001faf5c2418b07eu,
    0x001fb012c25b7a12u, 0x001fb0c41681dff4u, 0x001fb17050b6f1fau,
    0x001fb2179eb2963au, 0x001fb2ba2bdfa84au, 0x001fb358217f4e18u,
    0x001fb3f1a6c9be0cu, 0x001fb486e10cacd6u, 0x001fb517f3c793fcu,
    0x001fb5a500c5fdaau, 0x001fb62e2837fe58u, 0x001fb6b388c9010au,
    0x001fb7353fb50798u, 0x001fb7b368dc7da8u, 0x001fb82e1ed6ba08u,
    0x001fb8a57b0347f6u, 0x001fb919959a0f74u, 0x001fb98a85ba7204u,
    0x001fb9f861796f26u, 0x001fba633deee286u, 0x001fbacb2f41ec16u,
    0x001fbb3048b49144u, 0x001fbb929caea4e2u, 0x001fbbf23cc8029eu,
    0x001fbc4f39d22994u, 0x001fbca9a3e140d4u, 0x001fbd018a548f9eu,
    0x001fbd56fbde729cu, 0x001fbdaa068bd66au, 0x001fbdfab7cb3f40u,
    0x001fbe491c7364deu, 0x001fbe9540c9695eu, 0x001fbedf3086b128u,
    0x001fbf26f6de6174u, 0x001fbf6c9e828ae2u, 0x001fbfb031a904c4u,
    0x001fbff1ba0ffdb0u, 0x001fc03141024588u, 0x001fc06ecf5b54b2u,
    0x001fc0aa6d8b1426u, 0x001fc0e42399698au, 0x001fc11bf9298a64u,
    0x001fc151f57d1942u, 0x001fc1861f770f4au, 0x001fc1b87d9e74b4u,
    0x001fc1e91620ea42u, 0x001fc217eed505deu, 0x001fc2450d3c83feu,
    0x001fc27076864fc2u, 0x001fc29a2f90630eu, 0x001fc2c23ce98046u,
    0x001fc2e8a2d2c6b4u, 0x001fc30d654122ecu, 0x001fc33087de9c0eu,
    0x001fc3520e0b7ec6u, 0x001fc371fadf66f8u, 0x001fc390512a2886u,
    0x001fc3ad137497fau, 0x001fc3c844013348u, 0x001fc3e1e4ccab40u,
    0x001fc3f9f78e4da8u, 0x001fc4107db85060u, 0x001fc4257877fd68u,
    0x001fc438e8b5bfc6u, 0x001fc44acf15112au, 0x001fc45b2bf447e8u,
    0x001fc469ff6c4504u, 0x001fc477495001b2u, 0x001fc483092bfbb8u,
    0x001fc48d3e457ff6u, 0x001fc495e799d21au, 0x001fc49d03dd30b0u,
    0x001fc4a29179b432u, 0x001fc4a68e8e07fcu, 0x001fc4a8f8ebfb8cu,
    0x001fc4a9ce16ea9eu, 0x001fc4a90b41fa34u, 0x001fc4a6ad4e28a0u,
    0x001fc4a2b0c82e74u, 0x001fc49d11e62de2u, 0x001fc495cc852df4u,
    0x001fc48cdc265ec0u, 0x001fc4823bec237au, 0x001fc475e696dee6u,
    0x001fc467d6817e82u, 0x001fc458059dc036u, 0x001fc4466d702e20u,
    0x001fc433070bcb98u, 0x001fc41dcb0d6e0eu, 0x001fc406b196bbf6u,
    0x001fc3edb248cb62u, 0x001fc3d2c43e593cu, 0x001fc3b5de0591b4u,
    0x001fc396f599614cu, 0x001fc376005a4592u, 0x001fc352f3069370u,
    0x001fc32dc1b22818u, 0x001fc3065fbd7888u, 0x001fc2dcbfcbf262u,
    0x001fc2b0d3b99f9eu, 0x001fc2828c8ffcf0u, 0x001fc251da79f164u,
    0x001fc21eacb6d39eu, 0x001fc1e8f18c6756u, 0x001fc1b09637bb3cu,
    0x001fc17586dccd10u, 0x001fc137ae74d6b6u, 0x001fc0f6f6bb2414u,
    0x001fc0b348184da4u, 0x001fc06c898baff0u, 0x001fc022a092f364u,
    0x001fbfd5710f72b8u, 0x001fbf84dd29488eu, 0x001fbf30c52fc60au,
    0x001fbed907770cc6u, 0x001fbe7d80327ddau, 0x001fbe1e094ba614u,
    0x001fbdba7a354408u, 0x001fbd52a7b9f826u, 0x001fbce663c6201au,
    0x001fbc757d2c4de4u, 0x001fbbffbf63b7aau, 0x001fbb84f23fe6a2u,
    0x001fbb04d9a0d18cu, 0x001fba7f351a70acu, 0x001fb9f3bf92b618u,
    0x001fb9622ed4abfcu, 0x001fb8ca33174a16u, 0x001fb82b76765b54u,
    0x001fb7859c5b895cu, 0x001fb6d840d55594u, 0x001fb622f7d96942u,
    0x001fb5654c6f37e0u, 0x001fb49ebfbf69d2u, 0x001fb3cec803e746u,
    0x001fb2f4cf539c3eu, 0x001fb21032442852u, 0x001fb1203e5a9604u,
    0x001fb0243042e1c2u, 0x001faf1b31c479a6u, 0x001fae045767e104u,
    0x001facde9dbf2d72u, 0x001faba8e640060au, 0x001faa61f399ff28u,
    0x001fa908656f66a2u, 0x001fa79ab3508d3cu, 0x001fa61726d1f214u,
    0x001fa47bd48bea00u, 0x001fa2c693c5c094u, 0x001fa0f4f47df314u,
    0x001f9f04336bbe0au, 0x001f9cf12b79f9bcu, 0x001f9ab84415abc4u,
    0x001f98555b782fb8u, 0x001f95c3abd03f78u, 0x001f92fda9cef1f2u,
    0x001f8ffcda9ae41cu, 0x001f8cb99e7385f8u, 0x001f892aec479606u,
    0x001f8545f904db8eu, 0x001f80fdc336039au, 0x001f7c427839e926u,
    0x001f7700a3582accu, 0x001f71200f1a241cu, 0x001f6a8234b7352au,
    0x001f630000a8e266u, 0x001f5a66904fe3c4u, 0x001f50724ece1172u,
    0x001f44c7665c6fdau, 0x001f36e5a38a59a2u, 0x001f26143450340au,
    0x001f113e047b0414u, 0x001ef6aefa57cbe6u, 0x001ed38ca188151eu,
    0x001ea2a61e122db0u, 0x001e5961c78b267cu, 0x001dddf62bac0bb0u,
    0x001cdb4dd9e4e8c0u,
};
static const double nd_zig_we[256] = {
    0x1.164ec94bf5dc1p-50, 0x1.0589d8b5d4119p-57, 0x1.ad6b2495b4d2bp-57,
    0x1.19335a95b8dbap-56, 0x1.522e6e54a2a73p-56, 0x1.85090fbc27a80p-56,
    0x1.b38d1ef79b7ccp-56, 0x1.decd8b76dbd98p-56, 0x1.03bf049c65c3cp-55,
    0x1.170db24d6f670p-55, 0x1.2980290da2633p-55, 0x1.3b388fe3d6ecap-55,
    0x1.4c515c60bfe21p-55, 0x1.5cdf89d024ac3p-55, 0x1.6cf40f0a72bbdp-55,
    0x1.7c9cdda17d019p-55, 0x1.8be5954d3606fp-55, 0x1.9ad80552237d2p-55,
    0x1.a97c8be5d5203p-55, 0x1.b7da5dddda3c4p-55, 0x1.c5f7bd78c3f89p-55,
    0x1.d3da24df17c36p-55, 0x1.e186678f1735ap-55, 0x1.ef00ccf5f4faap-55,
    0x1.fc4d25d683209p-55, 0x1.04b76ed6a7558p-54, 0x1.0b348479b80fcp-54,
    0x1.119f38749f5afp-54, 0x1.17f8ceb4bdfa0p-54, 0x1.1e426e93e49e7p-54,
    0x1.247d26538ff2ep-54, 0x1.2aa9ee123680bp-54, 0x1.30c9aa526da4bp-54,
    0x1.36dd2e26d8202p-54, 0x1.3ce53d12162a0p-54, 0x1.42e28ca706748p-54,
    0x1.48d5c5f35e712p-54, 0x1.4ebf86bcd0b93p-54, 0x1.54a0629786f4dp-54,
    0x1.5a78e3db8befdp-54, 0x1.60498c7dd2ecfp-54, 0x1.6612d6d0c68e0p-54,
    0x1.6bd5362faa944p-54, 0x1.71911797990bbp-54, 0x1.7746e23077973p-54,
    0x1.7cf6f7c7e8172p-54, 0x1.82a1b53fed599p-54, 0x1.884772f2be1ecp-54,
    0x1.8de8850d0c52ap-54, 0x1.93853bdfda244p-54, 0x1.991de42ad1338p-54,
    0x1.9eb2c75ff03bfp-54, 0x1.a4442be14884ap-54, 0x1.a9d255396d261p-54,
    0x1.af5d844f224c9p-54, 0x1.b4e5f794c979bp-54, 0x1.ba6beb33f8f89p-54,
    0x1.bfef99359fe99p-54, 0x1.c57139a70d29fp-54, 0x1.caf102bc25adbp-54,
    0x1.d06f28ef0e6fbp-54, 0x1.d5ebdf1d86b8dp-54, 0x1.db6756a429057p-54,
    0x1.e0e1bf77c31fep-54, 0x1.e65b483cf1044p-54, 0x1.ebd41e5e21b62p-54,
    0x1.f14c6e202949fp-54, 0x1.f6c462b57feb5p-54, 0x1.fc3c26504a9a1p-54,
    0x1.00d9f119a3cd9p-53, 0x1.0395df60db162p-53, 0x1.0651f1c7276f8p-53,
    0x1.090e3bb4b0072p-53, 0x1.0bcad03710137p-53, 0x1.0e87c207a2f66p-53,
    0x1.114523917ac15p-53, 0x1.140306f707dbep-53, 0x1.16c17e1777ffbp-53,
    0x1.19809a93d2396p-53, 0x1.1c406dd3d5283p-53, 0x1.1f01090a9c4e2p-53,
    0x1.21c27d3b10e05p-53, 0x1.2484db3c2a329p-53, 0x1.274833bd0189fp-53,
    0x1.2a0c9748bcdaap-53, 0x1.2cd2164a53b5dp-53, 0x1.2f98c11031721p-53,
    0x1.3260a7cfb7611p-53, 0x1.3529daa8a1ba1p-53, 0x1.37f469a851af0p-53,
    0x1.3ac064ccfeffcp-53, 0x1.3d8ddc08d336dp-53, 0x1.405cdf44f09c4p-53,
    0x1.432d7e6466cd0p-53, 0x1.45ffc94716ca7p-53, 0x1.48d3cfcc883c4p-53,
    0x1.4ba9a1d6b18a4p-53, 0x1.4e814f4cb45eap-53, 0x1.515ae81d900fbp-53,
    0x1.54367c42cb5f8p-53, 0x1.57141bc316f27p-53, 0x1.59f3d6b4e9cf9p-53,
    0x1.5cd5bd4119335p-53, 0x1.5fb9dfa56cf26p-53, 0x1.62a04e3731a2ep-53,
    0x1.65891965c9b8cp-53, 0x1.687451bd3ebeep-53, 0x1.6b6207e8d3cdfp-53,
    0x1.6e524cb59a608p-53, 0x1.714531150a9fbp-53, 0x1.743ac61fa041cp-53,
    0x1.77331d177d130p-53, 0x1.7a2e476b1240ap-53, 0x1.7d2c56b7d17f7p-53,
    0x1.802d5ccce7277p-53, 0x1.83316badfe62ap-53, 0x1.86389596108e7p-53,
    0x1.8942ecfa40f54p-53, 0x1.8c50848cc6094p-53, 0x1.8f616f3fe1513p-53,
    0x1.9275c048e73e1p-53, 0x1.958d8b235828ap-53, 0x1.98a8e3940bbf4p-53,
    0x1.9bc7ddac7035dp-53, 0x1.9eea8dcdde951p-53, 0x1.a21108ad0592dp-53,
    0x1.a53b63556c690p-53, 0x1.a869b32d0f30fp-53, 0x1.ab9c0df81657ap-53,
    0x1.aed289dcaacffp-53, 0x1.b20d3d66e8bb5p-53, 0x1.b54c3f8cf2542p-53,
    0x1.b88fa7b324fb6p-53, 0x1.bbd78db072610p-53, 0x1.bf2409d2dfd85p-53,
    0x1.c27534e42e02dp-53, 0x1.c5cb282eab1a4p-53, 0x1.c925fd82323fbp-53,
    0x1.cc85cf395a56cp-53, 0x1.cfeab83ed7180p-53, 0x1.d354d4130f2adp-53,
    0x1.d6c43ed1ea3fep-53, 0x1.da391538da50ap-53, 0x1.ddb374ad2357fp-53,
    0x1.e1337b426509bp-53, 0x1.e4b947c16a452p-53, 0x1.e844f9af4237fp-53,
    0x1.ebd6b154a7678p-53, 0x1.ef6e8fc5b9168p-53, 0x1.f30cb6ea0bc7fp-53,
    0x1.f6b1498515ed0p-53, 0x1.fa5c6b3efe1e5p-53, 0x1.fe0e40add09d8p-53,
    0x1.00e377af911d4p-52, 0x1.02c34ef11391bp-52, 0x1.04a6b9e9224a3p-52,
    0x1.068dccf1126dbp-52, 0x1.08789cf3aad0fp-52, 0x1.0a673f733c819p-52,
    0x1.0c59ca900946fp-52, 0x1.0e50550efcfb7p-52, 0x1.104af660befcep-52,
    0x1.1249c6a92154ap-52, 0x1.144cdec6f3a2bp-52, 0x1.1654585c404c1p-52,
    0x1.18604dd6fae9ep-52, 0x1.1a70da7a27820p-52, 0x1.1c861a6782a5ap-52,
    0x1.1ea02aa9b3370p-52, 0x1.20bf293f0f4a2p-52, 0x1.22e33524fe550p-52,
    0x1.250c6e6403bbap-52, 0x1.273af61c7daa6p-52, 0x1.296eee942532bp-52,
    0x1.2ba87b445db51p-52, 0x1.2de7c0e962d70p-52, 0x1.302ce59265965p-52,
    0x1.327810b2aa7d0p-52, 0x1.34c96b33bc965p-52, 0x1.37211f88ca856p-52,
    0x1.397f59c345143p-52, 0x1.3be447a8d8b83p-52, 0x1.3e5018cadded0p-52,
    0x1.40c2fe9f5eeadp-52, 0x1.433d2c9bd42f8p-52, 0x1.45bed851bc92cp-52,
    0x1.4848398d39432p-52, 0x1.4ad98a75da14cp-52, 0x1.4d7307b1cb127p-52,
    0x1.5014f08b99508p-52, 0x1.52bf871acaab2p-52, 0x1.5573106f8a75ap-52,
    0x1.582fd4c1b4461p-52, 0x1.5af61fa38e107p-52, 0x1.5dc640388bd9ep-52,
    0x1.60a0897081879p-52, 0x1.63855247b2e94p-52, 0x1.6674f60c3f432p-52,
    0x1.696fd4a9748eep-52, 0x1.6c7652f9a7b1ep-52, 0x1.6f88db1f42507p-52,
    0x1.72a7dce5cd218p-52, 0x1.75d3ce2bd71c3p-52, 0x1.790d2b56b71f9p-52,
    0x1.7c5477d1476d3p-52, 0x1.7faa3e96e1412p-52, 0x1.830f12cc0bec3p-52,
    0x1.8683906687342p-52, 0x1.8a085ce695babp-52, 0x1.8d9e2823b3695p-52,
    0x1.9145ad2f37544p-52, 0x1.94ffb34fc2a0ep-52, 0x1.98cd0f18d1ad8p-52,
    0x1.9caea3a24d9eap-52, 0x1.a0a563e49f178p-52, 0x1.a4b2543e84c3bp-52,
    0x1.a8d68c2ad86eap-52, 0x1.ad13382d845c4p-52, 0x1.b1699c003b60ap-52,
    0x1.b5db15091ea0fp-52, 0x1.ba691d276da5ep-52, 0x1.bf154de4bef77p-52,
    0x1.c3e1641c2e0a7p-52, 0x1.c8cf442c8c8f4p-52, 0x1.cde0fecf2a97fp-52,
    0x1.d318d6b2738c5p-52, 0x1.d87946fec3becp-52, 0x1.de050af4ef19fp-52,
    0x1.e3bf26e190960p-52, 0x1.e9aaf2af383c1p-52, 0x1.efcc26750ea4ap-52,
    0x1.f626e9791f7a7p-52, 0x1.fcbfe43f6c6e5p-52, 0x1.01ce2b362ec2ep-51,
    0x1.056118bf58eefp-51, 0x1.091c1cdcba54ep-51, 0x1.0d031785d48a0p-51,
    0x1.111a8034392a6p-51, 0x1.156786775442ap-51, 0x1.19f03bcb3c2d6p-51,
    0x1.1ebbca0c9fa7cp-51, 0x1.23d2bb659919fp-51, 0x1.293f5ae49aaa5p-51,
    0x1.2f0e38a4411f0p-51, 0x1.354ee27ccf75ep-51, 0x1.3c14ec7c8b861p-51,
    0x1.4379766e41362p-51, 0x1.4b9d7cd4751d1p-51, 0x1.54ad83ccf73f6p-51,
    0x1.5ee7ae17313d2p-51, 0x1.6aa676d4bbf72p-51, 0x1.78750d6eac62fp-51,
    0x1.8939fe6f2ed19p-51, 0x1.9e9dc0d487b85p-51, 0x1.bc39e51da71fcp-51,
    0x1.ec9d9297ebb83p-51,
};
static const double nd_zig_fe[256] = {
    0x1.0000000000000p+0, 0x1.e0545e5881137p-1, 0x1.cd0a65081fff1p-1,
    0x1.be5007beb7b27p-1, 0x1.b210f0ee67f2ap-1, 0x1.a76baa562fae7p-1,
    0x1.9de9715556d9bp-1, 0x1.95431c455aa39p-1, 0x1.8d4a376d3d22fp-1,
    0x1.85de87806c5b8p-1, 0x1.7ee8a2d243126p-1, 0x1.7856e9b09d47ep-1,
    0x1.721bb5ba94b63p-1, 0x1.6c2c3498418c6p-1, 0x1.667fa6d4f5c06p-1,
    0x1.610edc1a7af66p-1, 0x1.5bd3d694cac75p-1, 0x1.56c9882da8773p-1,
    0x1.51eba1578899ap-1, 0x1.4d366c151f8afp-1, 0x1.48a6afb8ee069p-1,
    0x1.44399afa8e125p-1, 0x1.3fecb2bb18b80p-1, 0x1.3bbdc44e1d114p-1,
    0x1.37aada708ddd9p-1, 0x1.33b23450e6318p-1, 0x1.2fd23e345da5ep-1,
    0x1.2c098b61f4f24p-1, 0x1.2856d111132bdp-1, 0x1.24b8e228c50a3p-1,
    0x1.212eaba813ec8p-1, 0x1.1db7319877b89p-1, 0x1.1a518c71e3b25p-1,
    0x1.16fce6dce6feep-1, 0x1.13b87bc33169cp-1, 0x1.108394a1cc38dp-1,
    0x1.0d5d8812b1e2bp-1, 0x1.0a45b8854d02ap-1, 0x1.073b931ee3b7dp-1,
    0x1.043e8ebd26548p-1, 0x1.014e2b160f324p-1, 0x1.fcd3dfe214576p-2,
    0x1.f722d8ebfc5fap-2, 0x1.f1886d1eb424dp-2, 0x1.ec03d4b969d90p-2,
    0x1.e6945367dd351p-2, 0x1.e139375e137fcp-2, 0x1.dbf1d88a7210cp-2,
    0x1.d6bd97db9ed7ap-2, 0x1.d19bde97e1a0bp-2, 0x1.cc8c1dc40e092p-2,
    0x1.c78dcd983fb60p-2, 0x1.c2a06d00ea583p-2, 0x1.bdc3812aeeeb5p-2,
    0x1.b8f6951990b88p-2, 0x1.b43939454806fp-2, 0x1.af8b03428ef5fp-2,
    0x1.aaeb8d6fdf6e5p-2, 0x1.a65a76aa30140p-2, 0x1.a1d76207521f4p-2,
    0x1.9d61f695a3792p-2, 0x1.98f9df2097ba8p-2, 0x1.949ec9f9a8110p-2,
    0x1.905068c545d04p-2, 0x1.8c0e704b75d39p-2, 0x1.87d8984bc3f8cp-2,
    0x1.83ae9b5446138p-2, 0x1.7f90369b6ce59p-2, 0x1.7b7d29dc6801ep-2,
    0x1.77753735e72e3p-2, 0x1.7378230b08deap-2, 0x1.6f85b3e649e9dp-2,
    0x1.6b9db25e4e99cp-2, 0x1.67bfe8fc60d9fp-2, 0x1.63ec2424827e4p-2,
    0x1.602231fef5876p-2, 0x1.5c61e2631ee6cp-2, 0x1.58ab06c3aa9efp-2,
    0x1.54fd721bda3e7p-2, 0x1.5158f8dde89f5p-2, 0x1.4dbd70e26f91dp-2,
    0x1.4a2ab158bdad3p-2, 0x1.46a092b80beefp-2, 0x1.431eeeb1841e2p-2,
    0x1.3fa5a0230a14ep-2, 0x1.3c34830abb285p-2, 0x1.38cb747b17defp-2,
    0x1.356a528fcd0ddp-2, 0x1.3210fc6312435p-2, 0x1.2ebf520394270p-2,
    0x1.2b75346ae2262p-2, 0x1.2832857457629p-2, 0x1.24f727d4776fdp-2,
    0x1.21c2ff10b7effp-2, 0x1.1e95ef77b09dbp-2, 0x1.1b6fde19abc5ap-2,
    0x1.1850b0c191982p-2, 0x1.15384dee291efp-2, 0x1.12269ccba9fbap-2,
    0x1.0f1b852d9a66cp-2, 0x1.0c16ef88f5333p-2, 0x1.0918c4ee93e13p-2,
    0x1.0620ef05d90d2p-2, 0x1.032f580797c2cp-2, 0x1.0043eab93476ap-2,
    0x1.fabd24cff9354p-3, 0x1.f4fe75c963e7ep-3, 0x1.ef4ba0fe8e09bp-3,
    0x1.e9a48005940f2p-3, 0x1.e408ed62f83a7p-3, 0x1.de78c48224f39p-3,
    0x1.d8f3e1ae3eeb8p-3, 0x1.d37a220b431fdp-3, 0x1.ce0b638f6d09fp-3,
    0x1.c8a784fce1802p-3, 0x1.c34e65db9afeep-3, 0x1.bdffe67394435p-3,
    0x1.b8bbe7c72e4a5p-3, 0x1.b3824b8dcef3ep-3, 0x1.ae52f42eb5b0bp-3,
    0x1.a92dc4bc03c49p-3, 0x1.a412a0edf5cbcp-3, 0x1.9f016d1e4c512p-3,
    0x1.99fa0e43e1623p-3, 0x1.94fc69ee692a1p-3, 0x1.900866425bb79p-3,
    0x1.8b1de9f5062d5p-3, 0x1.863cdc48c1af9p-3, 0x1.816525094e7e6p-3,
    0x1.7c96ac8851baep-3, 0x1.77d15b99f46fep-3, 0x1.73151b91a2839p-3,
    0x1.6e61d63ee84eap-3, 0x1.69b775ea6da28p-3, 0x1.6515e5530d1acp-3,
    0x1.607d0fab06a31p-3, 0x1.5bece0954c2b6p-3, 0x1.57654422e78f5p-3,
    0x1.52e626d078c49p-3, 0x1.4e6f7583cb6fap-3, 0x1.4a011d8983096p-3,
    0x1.459b0c92dccc6p-3, 0x1.413d30b386a9ap-3, 0x1.3ce7785f8a905p-3,
    0x1.3899d2694d5c9p-3, 0x1.34542dffa0cafp-3, 0x1.30167aabe7d6ep-3,
    0x1.2be0a8504cf34p-3, 0x1.27b2a72609940p-3, 0x1.238c67bbbe878p-3,
    0x1.1f6ddaf3dca65p-3, 0x1.1b56f2031d666p-3, 0x1.17479e6f0ae78p-3,
    0x1.133fd20c9712fp-3, 0x1.0f3f7efec1720p-3, 0x1.0b4697b54b62fp-3,
    0x1.07550eeb7a5bep-3, 0x1.036ad7a6e7f04p-3, 0x1.ff0fca6cbea8dp-4,
    0x1.f758566190414p-4, 0x1.efaf3ae83c33cp-4, 0x1.e8146048eb9ccp-4,
    0x1.e087af561bafbp-4, 0x1.d909116ad9398p-4, 0x1.d198706914dd7p-4,
    0x1.ca35b6b80fd57p-4, 0x1.c2e0cf42e10afp-4, 0x1.bb99a5771268fp-4,
    0x1.b460254356548p-4, 0x1.ad343b1655465p-4, 0x1.a615d3dd938b7p-4,
    0x1.9f04dd046f428p-4, 0x1.9801447336b70p-4, 0x1.910af88e574b9p-4,
    0x1.8a21e835a533bp-4, 0x1.834602c3bc4bap-4, 0x1.7c77380d7a6f3p-4,
    0x1.75b5786193c1ep-4, 0x1.6f00b488416b6p-4, 0x1.6858ddc30b620p-4,
    0x1.61bde5ccadef7p-4, 0x1.5b2fbed91bb3ep-4, 0x1.54ae5b959d036p-4,
    0x1.4e39af290d929p-4, 0x1.47d1ad343985cp-4, 0x1.417649d25b10ep-4,
    0x1.3b277999b9f9ep-4, 0x1.34e5319c6e718p-4, 0x1.2eaf676948dd1p-4,
    0x1.2886110ce0570p-4, 0x1.22692512c9d8cp-4, 0x1.1c589a86fa340p-4,
    0x1.165468f755392p-4, 0x1.105c88756ca50p-4, 0x1.0a70f19871b3bp-4,
    0x1.04919d7f5c817p-4, 0x1.fd7d0ba699676p-5, 0x1.f1ef49944e834p-5,
    0x1.e679ea52eb2e5p-5, 0x1.db1ce49315810p-5, 0x1.cfd83031e794ap-5,
    0x1.c4abc640721e9p-5, 0x1.b997a10bed985p-5, 0x1.ae9bbc26a8084p-5,
    0x1.a3b81471bf138p-5, 0x1.98eca827b7c4cp-5, 0x1.8e3976e80776dp-5,
    0x1.839e81c3a396bp-5, 0x1.791bcb4ab089ep-5, 0x1.6eb1579b6af52p-5,
    0x1.645f2c726a041p-5, 0x1.5a25513c5d2cap-5, 0x1.5003cf296c5ebp-5,
    0x1.45fab14266b19p-5, 0x1.3c0a047ff18ffp-5, 0x1.3231d7e3f14aep-5,
    0x1.28723c956c00cp-5, 0x1.1ecb45ff312d4p-5, 0x1.153d09f19b3a1p-5,
    0x1.0bc7a0c7cd651p-5, 0x1.026b2590dfaeep-5, 0x1.f24f6c7af9890p-6,
    0x1.dffae7a517468p-6, 0x1.cdd9054331b0cp-6, 0x1.bbea150fa5870p-6,
    0x1.aa2e6e6924e9bp-6, 0x1.98a670f132a48p-6, 0x1.8752853ec9967p-6,
    0x1.76331da87fc96p-6, 0x1.6548b72a24077p-6, 0x1.5493da6ab0251p-6,
    0x1.44151ce87f0bep-6, 0x1.33cd225315d84p-6, 0x1.23bc9e1b93a32p-6,
    0x1.13e4554725f5fp-6, 0x1.04452091e02f0p-6, 0x1.e9bfdde89c7cep-7,
    0x1.cb6b9146e2757p-7, 0x1.ad8fa5542c92dp-7, 0x1.902ea688fa7bdp-7,
    0x1.734b6e6aa74f5p-7, 0x1.56e930be416cbp-7, 0x1.3b0b8c1516f62p-7,
    0x1.1fb69edb37671p-7, 0x1.04ef2295fd7f9p-7, 0x1.d5751fa745dc5p-8,
    0x1.a23e9d4974836p-8, 0x1.7049f37ec3620p-8, 0x1.3fa97cee322fdp-8,
    0x1.1073d69574043p-8, 0x1.c58b381cd4b11p-9, 0x1.6d888f3a1feffp-9,
    0x1.1946ba8e1a324p-9, 0x1.92bb5540c3e25p-10, 0x1.fb20af78dfcb9p-11,
    0x1.dc31c329f0b4bp-12,
};
/* END ZIGGURAT TABLES */

static const double nd_zig_r = 3.6541528853610087963519472518;
static const double nd_zig_inv_r = 0.27366123732975827203338247596;

/* legacy_gauss: Marsaglia's polar method; the pair's second value waits
** in the state for the next call (np.random.seed clears it). */
static double nd_legacy_gauss(NdRandom *r)
{
    double f, x1, x2, r2;
    if (r->has_gauss) {
        r->has_gauss = 0;
        f = r->gauss;
        r->gauss = 0.0;
        return f;
    }
    do {
        x1 = 2.0 * nd_next_double(r) - 1.0;
        x2 = 2.0 * nd_next_double(r) - 1.0;
        r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 == 0.0);
    f = sqrt(-2.0 * log(r2) / r2);
    r->gauss = f * x1;
    r->has_gauss = 1;
    return f * x2;
}

/* random_standard_normal: 8 bits pick the layer, 1 the sign, 52 the
** abscissa; 99.3% of draws return on the first comparison. */
static double nd_zig_normal(NdRandom *r)
{
    for (;;) {
        uint64_t rnd = nd_pcg_next64(r), rabs;
        int idx = (int)(rnd & 0xff), neg;
        double x;
        rnd >>= 8;
        neg = (int)(rnd & 1);
        rabs = (rnd >> 1) & 0x000fffffffffffffull;
        x = (double)rabs * nd_zig_wi[idx];
        if (neg)
            x = -x;
        if (rabs < nd_zig_ki[idx])
            return x;
        if (idx == 0) {
            /* the tail beyond r; 1 - U keeps log away from 0 */
            for (;;) {
                double xx = -nd_zig_inv_r * log1p(-nd_next_double(r));
                double yy = -log1p(-nd_next_double(r));
                if (yy + yy > xx * xx)
                    return ((rabs >> 8) & 1) ? -(nd_zig_r + xx)
                                             : nd_zig_r + xx;
            }
        }
        if ((nd_zig_fi[idx - 1] - nd_zig_fi[idx]) * nd_next_double(r)
                + nd_zig_fi[idx]
            < exp(-0.5 * x * x))
            return x;
    }
}

void nd_random_standard_normal(NdRandom *r, double *out, size_t n)
{
    size_t i;
    if (r->kind == ND_RK_MT19937)
        for (i = 0; i < n; i++)
            out[i] = nd_legacy_gauss(r);
    else
        for (i = 0; i < n; i++)
            out[i] = nd_zig_normal(r);
}

NdError nd_random_normal(NdRandom *r, double loc, double scale, double *out,
                         size_t n, NdErr *err)
{
    size_t i;
    if (!isnan(scale) && signbit(scale)) {
        /* NumPy's CONS_NON_NEGATIVE: NaN passes, -0.0 does not */
        nd_seterr(err, "scale < 0");
        return ND_EVALUE;
    }
    if (r->kind == ND_RK_MT19937)
        for (i = 0; i < n; i++)
            out[i] = loc + scale * nd_legacy_gauss(r);
    else
        for (i = 0; i < n; i++)
            out[i] = loc + scale * nd_zig_normal(r);
    return ND_OK;
}

/* ---- exponential, poisson, binomial ------------------------------------ */

static const double nd_zige_r = 7.6971174701310497140446280481;

/* random_standard_exponential: 3 bits dropped, 8 pick the layer, 53 the
** abscissa; a rejected wedge point starts over with a fresh word. */
static double nd_zig_exponential(NdRandom *r)
{
    for (;;) {
        uint64_t ri = nd_pcg_next64(r) >> 3;
        int idx = (int)(ri & 0xff);
        double x;
        ri >>= 8;
        x = (double)ri * nd_zig_we[idx];
        if (ri < nd_zig_ke[idx])
            return x;
        if (idx == 0)
            return nd_zige_r - log1p(-nd_next_double(r));
        if ((nd_zig_fe[idx - 1] - nd_zig_fe[idx]) * nd_next_double(r)
                + nd_zig_fe[idx]
            < exp(-x))
            return x;
    }
}

static double nd_std_exponential(NdRandom *r)
{
    if (r->kind == ND_RK_MT19937)
        return -log(1.0 - nd_next_double(r));
    return nd_zig_exponential(r);
}

void nd_random_standard_exponential(NdRandom *r, double *out, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        out[i] = nd_std_exponential(r);
}

NdError nd_random_exponential(NdRandom *r, double scale, double *out,
                              size_t n, NdErr *err)
{
    size_t i;
    if (!isnan(scale) && signbit(scale)) {
        nd_seterr(err, "scale < 0");
        return ND_EVALUE;
    }
    for (i = 0; i < n; i++)
        out[i] = scale * nd_std_exponential(r);
    return ND_OK;
}

/* log(gamma(x)) by Stirling's series, shifted up to x >= 7 (NumPy's
** random_loggam; its exact roundings matter to poisson's acceptance). */
static double nd_loggam(double x)
{
    static const double a[10] = {
        8.333333333333333e-02, -2.777777777777778e-03,
        7.936507936507937e-04, -5.952380952380952e-04,
        8.417508417508418e-04, -1.917526917526918e-03,
        6.410256410256410e-03, -2.955065359477124e-02,
        1.796443723688307e-01, -1.39243221690590e+00};
    double x0, x2, gl, gl0;
    int64_t k, n;
    if (x == 1.0 || x == 2.0)
        return 0.0;
    n = x < 7.0 ? (int64_t)(7 - x) : 0;
    x0 = x + (double)n;
    x2 = (1.0 / x0) * (1.0 / x0);
    gl0 = a[9];
    for (k = 8; k >= 0; k--) {
        gl0 *= x2;
        gl0 += a[k];
    }
    gl = gl0 / x0 + 0.5 * 1.8378770664093453e+00 + (x0 - 0.5) * log(x0)
         - x0;
    if (x < 7.0)
        for (k = 1; k <= n; k++) {
            gl -= log(x0 - 1.0);
            x0 -= 1.0;
        }
    return gl;
}

/* Poisson: multiplication of uniforms below lam 10, Hormann's PTRS
** transformed rejection above. */
static int64_t nd_poisson(NdRandom *r, double lam)
{
    if (lam >= 10) {
        double slam = sqrt(lam), loglam = log(lam);
        double b = 0.931 + 2.53 * slam, a = -0.059 + 0.02483 * b;
        double invalpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        for (;;) {
            double u = nd_next_double(r) - 0.5, v = nd_next_double(r);
            double us = 0.5 - fabs(u);
            int64_t k = (int64_t)floor((2 * a / us + b) * u + lam + 0.43);
            if (us >= 0.07 && v <= vr)
                return k;
            if (k < 0 || (us < 0.013 && v > us))
                continue;
            if (log(v) + log(invalpha) - log(a / (us * us) + b)
                <= -lam + (double)k * loglam - nd_loggam((double)k + 1))
                return k;
        }
    } else if (lam == 0) {
        return 0;
    } else {
        double enlam = exp(-lam), prod = 1.0;
        int64_t x = 0;
        for (;;) {
            prod *= nd_next_double(r);
            if (prod > enlam)
                x++;
            else
                return x;
        }
    }
}

NdError nd_random_poisson(NdRandom *r, double lam, int64_t *out, size_t n,
                          NdErr *err)
{
    size_t i;
    if (!(lam >= 0)) {
        nd_seterr(err, "lam < 0 or lam is NaN");
        return ND_EVALUE;
    }
    /* POISSON_LAM_MAX: int64 max - sqrt(int64 max) * 10, in doubles */
    if (lam > (double)INT64_MAX - sqrt((double)INT64_MAX) * 10) {
        nd_seterr(err, "lam value too large");
        return ND_EVALUE;
    }
    for (i = 0; i < n; i++)
        out[i] = nd_poisson(r, lam);
    return ND_OK;
}

/* Binomial by inversion (n p <= 30), p <= 0.5. */
static int64_t nd_binom_inversion(NdRandom *r, int64_t n, double p)
{
    double q = 1.0 - p, qn = exp((double)n * log(q)), np = (double)n * p;
    double bound_d = np + 10.0 * sqrt(np * q + 1), px = qn, u;
    int64_t bound = (int64_t)((double)n < bound_d ? (double)n : bound_d);
    int64_t x = 0;
    u = nd_next_double(r);
    while (u > px) {
        x++;
        if (x > bound) {
            x = 0;
            px = qn;
            u = nd_next_double(r);
        } else {
            u -= px;
            px = ((double)(n - x + 1) * p * px) / ((double)x * q);
        }
    }
    return x;
}

/* Kachitvichyanukul and Schmeiser's BTPE (n p > 30), p <= 0.5, with
** NumPy's exact steps and constants. */
static int64_t nd_binom_btpe(NdRandom *r, int64_t n, double p)
{
    double rr = p < 1.0 - p ? p : 1.0 - p, q = 1.0 - rr;
    double fm = (double)n * rr + rr;
    int64_t m = (int64_t)floor(fm), y, k, i;
    double p1 = floor(2.195 * sqrt((double)n * rr * q) - 4.6 * q) + 0.5;
    double xm = (double)m + 0.5, xl = xm - p1, xr = xm + p1;
    double c = 0.134 + 20.5 / (15.3 + (double)m), a, laml, lamr, p2, p3, p4;
    double nrq, u, v, x, s, f, rho, t, aa, x1, x2, f1, f2, z, z2, w, w2;

    a = (fm - xl) / (fm - xl * rr);
    laml = a * (1.0 + a / 2.0);
    a = (xr - fm) / (xr * q);
    lamr = a * (1.0 + a / 2.0);
    p2 = p1 * (1.0 + 2.0 * c);
    p3 = p2 + c / laml;
    p4 = p3 + c / lamr;

    for (;;) {
        nrq = (double)n * rr * q;
        u = nd_next_double(r) * p4;
        v = nd_next_double(r);
        if (u <= p1) {
            y = (int64_t)floor(xm - p1 * v + u);
            break;
        }
        if (u <= p2) {
            x = xl + (u - p1) / c;
            v = v * c + 1.0 - fabs((double)m - x + 0.5) / p1;
            if (v > 1.0)
                continue;
            y = (int64_t)floor(x);
        } else if (u <= p3) {
            y = (int64_t)floor(xl + log(v) / laml);
            if (y < 0 || v == 0.0)
                continue;
            v = v * (u - p2) * laml;
        } else {
            y = (int64_t)floor(xr - log(v) / lamr);
            if (y > n || v == 0.0)
                continue;
            v = v * (u - p3) * lamr;
        }
        k = y > m ? y - m : m - y;
        if (!(k > 20 && (double)k < nrq / 2.0 - 1)) {
            /* explicit evaluation of f(y) / f(m) */
            s = rr / q;
            a = s * (double)(n + 1);
            f = 1.0;
            if (m < y)
                for (i = m + 1; i <= y; i++)
                    f *= (a / (double)i - s);
            else if (m > y)
                for (i = y + 1; i <= m; i++)
                    f /= (a / (double)i - s);
            if (v > f)
                continue;
            break;
        }
        /* squeeze, then the Stirling-bounded final test */
        rho = ((double)k / nrq)
              * (((double)k * ((double)k / 3.0 + 0.625) + 0.16666666666666666)
                     / nrq
                 + 0.5);
        t = -(double)k * (double)k / (2 * nrq);
        aa = log(v);
        if (aa < t - rho)
            break;
        if (aa > t + rho)
            continue;
        x1 = (double)y + 1;
        f1 = (double)m + 1;
        z = (double)n + 1 - (double)m;
        w = (double)n - (double)y + 1;
        x2 = x1 * x1;
        f2 = f1 * f1;
        z2 = z * z;
        w2 = w * w;
        if (aa > (xm * log(f1 / x1) + ((double)n - (double)m + 0.5)
                  * log(z / w) + (double)(y - m) * log(w * rr / (x1 * q))
                  + (13680. - (462. - (132. - (99. - 140. / f2) / f2) / f2)
                     / f2) / f1 / 166320.
                  + (13680. - (462. - (132. - (99. - 140. / z2) / z2) / z2)
                     / z2) / z / 166320.
                  + (13680. - (462. - (132. - (99. - 140. / x2) / x2) / x2)
                     / x2) / x1 / 166320.
                  + (13680. - (462. - (132. - (99. - 140. / w2) / w2) / w2)
                     / w2) / w / 166320.))
            continue;
        break;
    }
    if (p > 0.5)
        y = n - y;
    return y;
}

static int64_t nd_binomial(NdRandom *r, int64_t n, double p)
{
    /* the Generator skips the draw for these; the legacy state makes it */
    if (r->kind == ND_RK_PCG64 && (n == 0 || p == 0.0))
        return 0;
    if (p <= 0.5)
        return (double)n * p <= 30.0 ? nd_binom_inversion(r, n, p)
                                     : nd_binom_btpe(r, n, p);
    return (1.0 - p) * (double)n <= 30.0
               ? n - nd_binom_inversion(r, n, 1.0 - p)
               : n - nd_binom_btpe(r, n, 1.0 - p);
}

NdError nd_random_binomial(NdRandom *r, int64_t ntrials, double p,
                           int64_t *out, size_t n, NdErr *err)
{
    size_t i;
    if (!(p >= 0 && p <= 1)) {
        nd_seterr(err, "p < 0, p > 1 or p is NaN");
        return ND_EVALUE;
    }
    if (ntrials < 0) {
        nd_seterr(err, "n < 0");
        return ND_EVALUE;
    }
    for (i = 0; i < n; i++)
        out[i] = nd_binomial(r, ntrials, p);
    return ND_OK;
}

/* ---- bounded integers -------------------------------------------------- */

/* Smallest 2**k - 1 >= max. */
static uint64_t nd_gen_mask(uint64_t max)
{
    uint64_t m = max;
    m |= m >> 1;
    m |= m >> 2;
    m |= m >> 4;
    m |= m >> 8;
    m |= m >> 16;
    m |= m >> 32;
    return m;
}

/* The 8- and 16-bit samplers slice one 32-bit draw into 4 or 2 values
** (low bits first); bool slices it into 32. */
typedef struct {
    uint32_t buf;
    int cnt;
} NdBitBuf;

/* A `bits`-wide draw; for 8 and 16 the buffer is kept by the caller
** for one fill call only, so a new call starts with a fresh word. */
static uint32_t nd_buffered(NdRandom *r, NdBitBuf *b, int bits)
{
    if (bits == 32)
        return nd_random_next_uint32(r);
    if (!b->cnt) {
        b->buf = nd_random_next_uint32(r);
        b->cnt = 32 / bits - 1;
    } else {
        b->buf >>= bits;
        b->cnt--;
    }
    return bits == 16 ? (b->buf & 0xffffu) : (b->buf & 0xffu);
}

/* One value in [0, rng] from a `bits`-wide draw, rng < 2**bits - 1.
** Masked rejection (legacy) or Lemire's multiply-shift (Generator). */
static uint32_t nd_bounded32(NdRandom *r, uint32_t rng, int bits,
                             int masked, NdBitBuf *b)
{
    uint32_t val;
    if (masked) {
        uint32_t mask = (uint32_t)nd_gen_mask(rng);
        while ((val = (nd_buffered(r, b, bits) & mask)) > rng)
            ;
        return val;
    }
    if (bits == 32) {
        uint32_t excl = rng + 1, left;
        uint64_t m = (uint64_t)nd_random_next_uint32(r) * excl;
        left = (uint32_t)m;
        if (left < excl) {
            uint32_t thr = (UINT32_MAX - rng) % excl;
            while (left < thr) {
                m = (uint64_t)nd_random_next_uint32(r) * excl;
                left = (uint32_t)m;
            }
        }
        return (uint32_t)(m >> 32);
    } else {
        /* 8/16-bit Lemire: products in 32 (16-bit) or 16 (8-bit) bits */
        uint32_t top = bits == 16 ? 0xffffu : 0xffu;
        uint32_t excl = (rng + 1) & top, m, left;
        m = nd_buffered(r, b, bits) * excl;
        if (bits == 8)
            m &= 0xffffu;
        left = m & top;
        if (left < excl) {
            uint32_t thr = ((top - rng) & top) % excl;
            while (left < thr) {
                m = nd_buffered(r, b, bits) * excl;
                if (bits == 8)
                    m &= 0xffffu;
                left = m & top;
            }
        }
        return m >> bits;
    }
}

static uint64_t nd_bounded64(NdRandom *r, uint64_t rng, int masked)
{
    if (masked) {
        uint64_t mask = nd_gen_mask(rng), val;
        while ((val = (nd_random_next_uint64(r) & mask)) > rng)
            ;
        return val;
    } else {
        uint64_t excl = rng + 1, left;
        nd_u128 m = (nd_u128)nd_random_next_uint64(r) * excl;
        left = (uint64_t)m;
        if (left < excl) {
            uint64_t thr = (UINT64_MAX - rng) % excl;
            while (left < thr) {
                m = (nd_u128)nd_random_next_uint64(r) * excl;
                left = (uint64_t)m;
            }
        }
        return (uint64_t)(m >> 64);
    }
}

/* random_bounded_uint64: one value in [0, rng], unbuffered; the
** Generator's choice and shuffle helpers use it with Lemire. */
static uint64_t nd_bounded_u64_one(NdRandom *r, uint64_t rng, int masked)
{
    NdBitBuf b = {0, 0};
    if (rng == 0)
        return 0;
    if (rng <= 0xffffffffu) {
        if (rng == 0xffffffffu)
            return nd_random_next_uint32(r);
        return nd_bounded32(r, (uint32_t)rng, 32, masked, &b);
    }
    if (rng == UINT64_MAX)
        return nd_random_next_uint64(r);
    return nd_bounded64(r, rng, masked);
}

/* random_interval: masked rejection in [0, max], 32-bit draws when max
** fits (shuffle and permutation in both APIs). */
static uint64_t nd_interval(NdRandom *r, uint64_t max)
{
    uint64_t mask, val;
    if (max == 0)
        return 0;
    mask = nd_gen_mask(max);
    if (max <= 0xffffffffu) {
        while ((val = (nd_random_next_uint32(r) & mask)) > max)
            ;
    } else {
        while ((val = (nd_random_next_uint64(r) & mask)) > max)
            ;
    }
    return val;
}

/* The dtype's NumPy name, for messages, from nd.h's one list (kept
** local so this file links without the array core). */
static const char *nd_rname(NdDType t)
{
#define ND_RNAME(E, T, N, K, S) N,
    static const char *const names[] = {ND_DTYPES(ND_RNAME)};
#undef ND_RNAME
    return (unsigned)t < ND_NTYPES ? names[t] : "?";
}

/* integers' bounds per dtype; bits 0 means not an integer dtype. uint64
** stops at INT64_MAX because the bounds arrive as int64. */
static const struct {
    int64_t lb, ub;
    int bits;
} nd_int_limits[ND_NTYPES] = {
    [ND_BOOL] = {0, 1, 1},
    [ND_INT8] = {INT8_MIN, INT8_MAX, 8},
    [ND_UINT8] = {0, UINT8_MAX, 8},
    [ND_INT16] = {INT16_MIN, INT16_MAX, 16},
    [ND_UINT16] = {0, UINT16_MAX, 16},
    [ND_INT32] = {INT32_MIN, INT32_MAX, 32},
    [ND_UINT32] = {0, UINT32_MAX, 32},
    [ND_INT64] = {INT64_MIN, INT64_MAX, 64},
    [ND_UINT64] = {0, INT64_MAX, 64},
};

/* Writes the low `bits` of v as element i (bool takes a byte). */
static void nd_store(void *out, size_t i, int bits, uint64_t v)
{
    switch (bits) {
    case 1:
    case 8:
        ((uint8_t *)out)[i] = (uint8_t)v;
        break;
    case 16:
        ((uint16_t *)out)[i] = (uint16_t)v;
        break;
    case 32:
        ((uint32_t *)out)[i] = (uint32_t)v;
        break;
    default:
        ((uint64_t *)out)[i] = v;
        break;
    }
}

NdError nd_random_integers(NdRandom *r, int64_t low, int64_t high,
                           int endpoint, NdDType dtype, void *out, size_t n,
                           NdErr *err)
{
    int64_t lb, ub;
    int bits, masked = r->kind == ND_RK_MT19937;
    uint64_t rng, off;
    NdBitBuf b = {0, 0};
    size_t i;
    char msg[96];

    bits = (unsigned)dtype < ND_NTYPES ? nd_int_limits[dtype].bits : 0;
    if (!bits) {
        snprintf(msg, sizeof msg, "Unsupported dtype dtype('%s') for %s",
                 nd_rname(dtype), masked ? "randint" : "integers");
        nd_seterr(err, msg);
        return ND_ETYPE;
    }
    lb = nd_int_limits[dtype].lb;
    ub = nd_int_limits[dtype].ub;
    /* An empty size returns before NumPy looks at the bounds. */
    if (n == 0)
        return ND_OK;
    /* NumPy works on the closed interval [low, high]. */
    if (!endpoint) {
        if (high == INT64_MIN) {
            nd_seterr(err, low == 0 ? "high <= 0" : "low >= high");
            return ND_EVALUE;
        }
        high--;
    }
    if (low < lb) {
        snprintf(msg, sizeof msg, "low is out of bounds for %s",
                 nd_rname(dtype));
        nd_seterr(err, msg);
        return ND_EVALUE;
    }
    if (high > ub) {
        snprintf(msg, sizeof msg, "high is out of bounds for %s",
                 nd_rname(dtype));
        nd_seterr(err, msg);
        return ND_EVALUE;
    }
    if (low > high) {
        if (endpoint)
            nd_seterr(err, low == 0 ? "high < 0" : "low > high");
        else
            nd_seterr(err, low == 0 ? "high <= 0" : "low >= high");
        return ND_EVALUE;
    }
    /* Work in unsigned offsets from low, as NumPy's fill functions: a
    ** range like [INT64_MIN, INT64_MAX] still fits. */
    rng = (uint64_t)high - (uint64_t)low;
    off = (uint64_t)low;

    if (bits == 1) {
        /* random_bounded_bool_fill: one bit per value, 32 per draw */
        for (i = 0; i < n; i++) {
            uint64_t v = off;
            if (rng) {
                if (!b.cnt) {
                    b.buf = nd_random_next_uint32(r);
                    b.cnt = 31;
                } else {
                    b.buf >>= 1;
                    b.cnt--;
                }
                v = b.buf & 1u;
            }
            nd_store(out, i, bits, v);
        }
    } else if (rng == 0) {
        for (i = 0; i < n; i++)
            nd_store(out, i, bits, off);
    } else if (bits < 64 || rng <= 0xffffffffu) {
        /* 8/16/32-bit fills, and the 64-bit fill's 32-bit branch. A
        ** full-width range needs no rejection (and Lemire cannot take
        ** it): the draw is the value. */
        int w = bits < 64 ? bits : 32;
        uint64_t full = w == 32 ? 0xffffffffu : ((uint64_t)1 << w) - 1;
        for (i = 0; i < n; i++) {
            uint64_t v = rng == full ? nd_buffered(r, &b, w)
                                     : nd_bounded32(r, (uint32_t)rng, w,
                                                    masked, &b);
            nd_store(out, i, bits, off + v);
        }
    } else {
        for (i = 0; i < n; i++) {
            uint64_t v = rng == UINT64_MAX ? nd_random_next_uint64(r)
                                           : nd_bounded64(r, rng, masked);
            nd_store(out, i, bits, off + v);
        }
    }
    return ND_OK;
}

/* ---- shuffle, permutation, choice --------------------------------------- */

void nd_random_shuffle(NdRandom *r, void *data, size_t n, size_t itemsize,
                       void *buf)
{
    char *d = data;
    size_t i;
    for (i = n; i-- > 1;) {
        size_t j = (size_t)nd_interval(r, i);
        if (j == i)
            continue;
        memcpy(buf, d + j * itemsize, itemsize);
        memcpy(d + j * itemsize, d + i * itemsize, itemsize);
        memcpy(d + i * itemsize, buf, itemsize);
    }
}

void nd_random_permutation(NdRandom *r, int64_t *out, size_t n)
{
    size_t i;
    int64_t tmp;
    for (i = 0; i < n; i++)
        out[i] = (int64_t)i;
    nd_random_shuffle(r, out, n, sizeof *out, &tmp);
}

/* Generator's _shuffle_int: Fisher-Yates over data[first..n) with
** Lemire-bounded draws (unlike shuffle's random_interval). */
static void nd_shuffle_int(NdRandom *r, size_t n, size_t first, int64_t *d)
{
    size_t i;
    for (i = n; i-- > first;) {
        size_t j = (size_t)nd_bounded_u64_one(r, i, 0);
        int64_t t = d[j];
        d[j] = d[i];
        d[i] = t;
    }
}

/* Sum with compensation, as NumPy checks that p sums to 1. */
static double nd_kahan_sum(const double *a, size_t n)
{
    double sum = a[0], c = 0.0;
    size_t i;
    for (i = 1; i < n; i++) {
        double y = a[i] - c, t = sum + y;
        c = (t - sum) - y;
        sum = t;
    }
    return sum;
}

/* cdf = cumsum(p) / cdf[-1] */
static void nd_cdf(const double *p, double *cdf, size_t pop)
{
    size_t i;
    double last;
    cdf[0] = p[0];
    for (i = 1; i < pop; i++)
        cdf[i] = cdf[i - 1] + p[i];
    last = cdf[pop - 1];
    for (i = 0; i < pop; i++)
        cdf[i] /= last;
}

/* searchsorted(cdf, u, side='right'): the number of entries <= u. */
static int64_t nd_search_right(const double *cdf, size_t pop, double u)
{
    size_t lo = 0, hi = pop;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cdf[mid] <= u)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (int64_t)lo;
}

/* Floyd's sample: with a hash set of this many slots (a power of 2). */
static size_t nd_floyd_slots(size_t n)
{
    return (size_t)nd_gen_mask((uint64_t)(1.2 * (double)n)) + 1;
}

/* Whether the Generator takes the tail-shuffle path: NumPy's tuned
** cutoff is 50 with shuffle=True, 20 with shuffle=False. */
static int nd_tail_shuffle(int64_t pop, size_t n, int flags)
{
    return pop > 10000
           && (int64_t)n > pop / (flags & ND_CHOICE_NOSHUFFLE ? 20 : 50);
}

size_t nd_random_choice_worksize(const NdRandom *r, int64_t pop,
                                 const double *p, int flags, size_t n)
{
    size_t npop = pop > 0 ? (size_t)pop : 0;
    if (flags & ND_CHOICE_REPLACE)
        return p ? npop * sizeof(double) : 0;
    if (p) /* p copy, cdf, a round's uniforms, seen-this-round marks */
        return (2 * npop + n) * sizeof(double) + npop;
    if (r->kind == ND_RK_MT19937 || nd_tail_shuffle(pop, n, flags))
        return npop * sizeof(int64_t);
    return nd_floyd_slots(n) * sizeof(uint64_t);
}

/* choice's checks on p, in NumPy's order (so the same p gives the same
** message): NaN sum, negative entries, then the sum's distance from 1. */
static NdError nd_check_p(const double *p, size_t pop, NdErr *err)
{
    double sum = nd_kahan_sum(p, pop);
    size_t i;
    if (isnan(sum)) {
        nd_seterr(err, "probabilities contain NaN");
        return ND_EVALUE;
    }
    for (i = 0; i < pop; i++)
        if (p[i] < 0) {
            nd_seterr(err, "probabilities are not non-negative");
            return ND_EVALUE;
        }
    /* atol = sqrt(float64 eps) */
    if (fabs(sum - 1.0) > 1.4901161193847656e-08) {
        nd_seterr(err, "probabilities do not sum to 1");
        return ND_EVALUE;
    }
    return ND_OK;
}

/* Without replacement, with p: draw, keep first occurrences of new
** items, zero their p, repeat until n are found. */
static void nd_choice_p_noreplace(NdRandom *r, const double *p, size_t pop,
                                  int64_t *idx, size_t n, void *work)
{
    double *pc = work, *cdf = pc + pop, *u = cdf + pop;
    unsigned char *seen = (unsigned char *)(u + n);
    size_t found = 0, i;
    memcpy(pc, p, pop * sizeof *pc);
    while (found < n) {
        size_t want = n - found, start = found;
        nd_cdf(pc, cdf, pop);
        memset(seen, 0, pop);
        /* the round's uniforms all come first, as rand(size - n_uniq) */
        for (i = 0; i < want; i++)
            u[i] = nd_next_double(r);
        for (i = 0; i < want; i++) {
            int64_t k = nd_search_right(cdf, pop, u[i]);
            if (!seen[k]) {
                seen[k] = 1;
                idx[found++] = k;
            }
        }
        for (i = start; i < found; i++)
            pc[idx[i]] = 0.0;
    }
}

NdError nd_random_choice(NdRandom *r, int64_t pop, const double *p,
                         int flags, int64_t *idx, size_t n, void *work,
                         NdErr *err)
{
    int legacy = r->kind == ND_RK_MT19937;
    size_t npop, i;
    NdError e;

    if (pop <= 0 && n != 0) {
        if (flags & ND_CHOICE_AINT)
            nd_seterr(err, legacy ? "a must be greater than 0 unless no "
                                    "samples are taken"
                                  : "a must be a positive integer unless "
                                    "no samples are taken");
        else
            nd_seterr(err, legacy ? "'a' cannot be empty unless no samples "
                                    "are taken"
                                  : "a cannot be empty unless no samples "
                                    "are taken");
        return ND_EVALUE;
    }
    npop = pop > 0 ? (size_t)pop : 0;
    if (p && npop && (e = nd_check_p(p, npop, err)) != ND_OK)
        return e;

    if (flags & ND_CHOICE_REPLACE) {
        if (p) {
            double *cdf = work;
            nd_cdf(p, cdf, npop);
            for (i = 0; i < n; i++)
                idx[i] = nd_search_right(cdf, npop, nd_next_double(r));
            return ND_OK;
        }
        return nd_random_integers(r, 0, pop, 0, ND_INT64, idx, n, err);
    }
    if ((uint64_t)n > (uint64_t)npop) {
        nd_seterr(err, legacy ? "Cannot take a larger sample than "
                                "population when 'replace=False'"
                              : "Cannot take a larger sample than "
                                "population when replace is False");
        return ND_EVALUE;
    }
    if (p) {
        size_t nz = 0;
        for (i = 0; i < npop; i++)
            nz += p[i] > 0;
        if (nz < n) {
            nd_seterr(err, "Fewer non-zero entries in p than size");
            return ND_EVALUE;
        }
        nd_choice_p_noreplace(r, p, npop, idx, n, work);
        return ND_OK;
    }
    /* Without replacement the APIs part ways: the legacy one shuffles the
    ** whole population, the Generator only touches about n values. */
    if (legacy) {
        /* permutation(pop)[:size] */
        int64_t *perm = work;
        nd_random_permutation(r, perm, npop);
        memcpy(idx, perm, n * sizeof *idx);
        return ND_OK;
    }
    if (nd_tail_shuffle(pop, n, flags)) {
        /* n is a large share of pop: shuffle only the last n slots of
        ** arange(pop) and keep them */
        int64_t *all = work;
        for (i = 0; i < npop; i++)
            all[i] = (int64_t)i;
        nd_shuffle_int(r, npop, npop - n > 1 ? npop - n : 1, all);
        memcpy(idx, all + (npop - n), n * sizeof *idx);
        return ND_OK;
    } else {
        /* Floyd's algorithm: for j in pop-n..pop-1 draw v in [0, j] and
        ** take v, or j if v was taken; the set is open-addressed with
        ** linear probing, about 1.2 n slots rounded up to a power of 2.
        ** The picks come out sorted-ish, hence NumPy's final shuffle. */
        uint64_t *set = work, mask = nd_floyd_slots(n) - 1;
        const uint64_t empty = UINT64_MAX;
        uint64_t j;
        for (i = 0; i <= mask; i++)
            set[i] = empty;
        for (j = npop - n; j < npop; j++) {
            uint64_t val = nd_bounded_u64_one(r, j, 0), loc = val & mask;
            while (set[loc] != empty && set[loc] != val)
                loc = (loc + 1) & mask;
            if (set[loc] == empty) {
                set[loc] = val;
                idx[j - npop + n] = (int64_t)val;
            } else {
                loc = j & mask;
                while (set[loc] != empty)
                    loc = (loc + 1) & mask;
                set[loc] = j;
                idx[j - npop + n] = (int64_t)j;
            }
        }
        if (!(flags & ND_CHOICE_NOSHUFFLE))
            nd_shuffle_int(r, n, 1, idx);
    }
    return ND_OK;
}
