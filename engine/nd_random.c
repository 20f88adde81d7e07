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
static void nd_mt_refill(NdRandom *r)
{
    uint32_t *mt = r->mt;
    int k;
    for (k = 0; k < ND_MT_N; k++) {
        uint32_t y = (mt[k] & 0x80000000u)
                     | (mt[(k + 1) % ND_MT_N] & 0x7fffffffu);
        mt[k] = mt[(k + ND_MT_M) % ND_MT_N] ^ (y >> 1)
                ^ ((y & 1u) ? 0x9908b0dfu : 0u);
    }
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

/* The dtype's NumPy name, for messages; the core's table may not be
** linked into every user of this file. */
static const char *nd_int_name(NdDType t)
{
    static const char *const names[] = {
        "bool", "int8", "int16", "int32", "int64",
        "uint8", "uint16", "uint32", "uint64"};
    return t <= ND_UINT64 ? names[t] : "?";
}

static void nd_store(void *out, size_t i, NdDType t, uint64_t v)
{
    switch (t) {
    case ND_BOOL:
    case ND_INT8:
    case ND_UINT8:
        ((uint8_t *)out)[i] = (uint8_t)v;
        break;
    case ND_INT16:
    case ND_UINT16:
        ((uint16_t *)out)[i] = (uint16_t)v;
        break;
    case ND_INT32:
    case ND_UINT32:
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

    switch (dtype) {
    case ND_BOOL: lb = 0; ub = 1; bits = 1; break;
    case ND_INT8: lb = INT8_MIN; ub = INT8_MAX; bits = 8; break;
    case ND_UINT8: lb = 0; ub = UINT8_MAX; bits = 8; break;
    case ND_INT16: lb = INT16_MIN; ub = INT16_MAX; bits = 16; break;
    case ND_UINT16: lb = 0; ub = UINT16_MAX; bits = 16; break;
    case ND_INT32: lb = INT32_MIN; ub = INT32_MAX; bits = 32; break;
    case ND_UINT32: lb = 0; ub = UINT32_MAX; bits = 32; break;
    case ND_INT64: lb = INT64_MIN; ub = INT64_MAX; bits = 64; break;
    case ND_UINT64: lb = 0; ub = INT64_MAX; bits = 64; break;
    default:
        snprintf(msg, sizeof msg, "Unsupported dtype dtype('%s') for %s",
                 dtype == ND_FLOAT32 ? "float32"
                 : dtype == ND_FLOAT64 ? "float64"
                 : dtype == ND_COMPLEX64 ? "complex64" : "complex128",
                 masked ? "randint" : "integers");
        nd_seterr(err, msg);
        return ND_ETYPE;
    }
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
                 nd_int_name(dtype));
        nd_seterr(err, msg);
        return ND_EVALUE;
    }
    if (high > ub) {
        snprintf(msg, sizeof msg, "high is out of bounds for %s",
                 nd_int_name(dtype));
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
            nd_store(out, i, dtype, v);
        }
    } else if (rng == 0) {
        for (i = 0; i < n; i++)
            nd_store(out, i, dtype, off);
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
            nd_store(out, i, dtype, off + v);
        }
    } else {
        for (i = 0; i < n; i++) {
            uint64_t v = rng == UINT64_MAX ? nd_random_next_uint64(r)
                                           : nd_bounded64(r, rng, masked);
            nd_store(out, i, dtype, off + v);
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

/* Whether the Generator takes the tail-shuffle path (shuffle=True). */
static int nd_tail_shuffle(int64_t pop, size_t n)
{
    return pop > 10000 && (int64_t)n > pop / 50;
}

size_t nd_random_choice_worksize(const NdRandom *r, int64_t pop,
                                 const double *p, int flags, size_t n)
{
    size_t npop = pop > 0 ? (size_t)pop : 0;
    if (flags & ND_CHOICE_REPLACE)
        return p ? npop * sizeof(double) : 0;
    if (p) /* p copy, cdf, a round's uniforms, seen-this-round marks */
        return (2 * npop + n) * sizeof(double) + npop;
    if (r->kind == ND_RK_MT19937 || nd_tail_shuffle(pop, n))
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
    if (nd_tail_shuffle(pop, n)) {
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
        nd_shuffle_int(r, n, 1, idx);
    }
    return ND_OK;
}
