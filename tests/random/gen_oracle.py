#!/usr/bin/python3
# gen_oracle.py - NumPy 1.24's random streams as test data (oracle.h).
#
# For each case and seed we run NumPy and record the first COUNT outputs
# compactly: an FNV-1a 64 hash over every value's 64-bit pattern (doubles
# by their bits, integers as int64) plus the first HEAD values verbatim,
# so tests/engine/nd_random_test.c proves identity without Python and can
# still show where a stream first goes wrong.
# Usage: /usr/bin/python3 tests/random/gen_oracle.py > tests/random/oracle.h
import numpy as np

COUNT = 10000
LONG = 1000000   # the "_long" cases, for seed 0 only
HEAD = 48
SEEDS = [0, 42, 12345, 2**32 - 1]
ARRAY_SEED = [1, 2, 3, 4, 5]   # seed -1 in the table: seed(ARRAY_SEED)
BIG_SEED = 2**40 + 7           # default_rng with two entropy words
P5 = [0.1, 0.2, 0.3, 0.15, 0.25]
P50 = [((i * 7) % 11 + 1) / 1.0 for i in range(50)]
P50 = [v / sum(P50) for v in P50]


def shuffled(rs, n):
    a = np.arange(n)
    rs.shuffle(a)
    return a


# name -> function(state) returning the values; "L" cases run on
# np.random.seed(s) (RandomState), "G" cases on default_rng(s).
LEGACY = {
    "rand": lambda r: r.random_sample(COUNT),
    "randn": lambda r: r.standard_normal(COUNT),
    "normal": lambda r: r.normal(5, 2, COUNT),
    "uniform": lambda r: r.uniform(-3, 7, COUNT),
    "randint10": lambda r: r.randint(0, 10, COUNT),
    "randint_big": lambda r: r.randint(-2**40, 2**40, COUNT),
    "randint_full64": lambda r: r.randint(-2**63, 2**63 - 1, COUNT),
    "randint_u8": lambda r: r.randint(0, 256, COUNT, dtype=np.uint8),
    "randint_u8b": lambda r: r.randint(3, 200, COUNT, dtype=np.uint8),
    "randint_i16": lambda r: r.randint(-1000, 1000, COUNT, dtype=np.int16),
    "randint_i32": lambda r: r.randint(-5, 2**31 - 1, COUNT, dtype=np.int32),
    "randint_bool": lambda r: r.randint(0, 2, COUNT, dtype=bool),
    "permutation": lambda r: r.permutation(COUNT),
    "shuffle": lambda r: shuffled(r, COUNT),
    "choice_r": lambda r: r.choice(7, COUNT),
    "choice_p": lambda r: r.choice(5, COUNT, p=P5),
    "choice_nr": lambda r: r.choice(COUNT, 500, replace=False),
    "choice_pnr": lambda r: r.choice(50, 30, replace=False, p=P50),
    # rejection-heavy ranges: about half of all draws are rejected
    "randint_rej32": lambda r: r.randint(0, 2**31 + 1, COUNT),
    "randint_rej64": lambda r: r.randint(-2**62, 2**62 + 2**60, COUNT),
    "randint_rej16": lambda r: r.randint(0, 2**15 + 1, COUNT,
                                         dtype=np.uint16),
    "randn_long": lambda r: r.standard_normal(LONG),
    "std_exponential": lambda r: r.standard_exponential(COUNT),
    "exponential": lambda r: r.exponential(2.0, COUNT),
    "poisson_small": lambda r: r.poisson(3.5, COUNT),
    "poisson_large": lambda r: r.poisson(25.0, COUNT),
    "binomial_inv": lambda r: r.binomial(10, 0.5, COUNT),
    "binomial_btpe": lambda r: r.binomial(100, 0.4, COUNT),
    "binomial_btpe_q": lambda r: r.binomial(1000, 0.9, COUNT),
    "binomial_zero": lambda r: [r.binomial(0, 0.5), r.random_sample()],
}
GENERATOR = {
    "random": lambda g: g.random(COUNT),
    "standard_normal": lambda g: g.standard_normal(COUNT),
    "normal": lambda g: g.normal(5, 2, COUNT),
    "uniform": lambda g: g.uniform(-3, 7, COUNT),
    "int10": lambda g: g.integers(0, 10, COUNT),
    "int_big": lambda g: g.integers(-2**40, 2**40, COUNT),
    "int_endpoint": lambda g: g.integers(-3, 3, COUNT, endpoint=True),
    "int_u8": lambda g: g.integers(0, 256, COUNT, dtype=np.uint8),
    "int_u8b": lambda g: g.integers(3, 200, COUNT, dtype=np.uint8),
    "int_i16": lambda g: g.integers(-1000, 1000, COUNT, dtype=np.int16),
    "int_i32": lambda g: g.integers(-5, 2**31 - 1, COUNT, dtype=np.int32),
    "int_bool": lambda g: g.integers(0, 2, COUNT, dtype=bool),
    "permutation": lambda g: g.permutation(COUNT),
    "shuffle": lambda g: shuffled(g, COUNT),
    "choice_r": lambda g: g.choice(7, COUNT),
    "choice_p": lambda g: g.choice(5, COUNT, p=P5),
    "choice_floyd": lambda g: g.choice(COUNT, 500, replace=False),
    "choice_tail": lambda g: g.choice(20000, 1000, replace=False),
    "choice_pnr": lambda g: g.choice(50, 30, replace=False, p=P50),
    "choice_noshuffle": lambda g: g.choice(COUNT, 500, replace=False,
                                          shuffle=False),
    "choice_tail_noshuffle": lambda g: g.choice(20000, 800, replace=False,
                                               shuffle=False),
    "int_rej32": lambda g: g.integers(0, 2**31 + 1, COUNT),
    "int_rej64": lambda g: g.integers(-2**62, 2**62 + 2**60, COUNT),
    "int_rej16": lambda g: g.integers(0, 2**15 + 1, COUNT, dtype=np.uint16),
    "int_rej8": lambda g: g.integers(-64, 65, COUNT, dtype=np.int8),
    # a million normals: the ziggurat's wedge and tail paths many times
    "normal_long": lambda g: g.standard_normal(LONG),
    "std_exponential": lambda g: g.standard_exponential(COUNT),
    "exponential": lambda g: g.exponential(2.0, COUNT),
    "poisson_small": lambda g: g.poisson(3.5, COUNT),
    "poisson_large": lambda g: g.poisson(25.0, COUNT),
    "binomial_inv": lambda g: g.binomial(10, 0.5, COUNT),
    "binomial_btpe": lambda g: g.binomial(100, 0.4, COUNT),
    "binomial_btpe_q": lambda g: g.binomial(1000, 0.9, COUNT),
    "binomial_zero": lambda g: [g.binomial(0, 0.5), g.random()],
}
LONG_CASES = ("randn_long", "normal_long")


def bits(vals):
    a = np.asarray(vals)
    if a.dtype == np.float64:
        return [int(v) for v in a.view(np.uint64)]
    return [int(v) & 0xFFFFFFFFFFFFFFFF for v in a.astype(np.int64)]


def fnv(words):
    h = 0xcbf29ce484222325
    for w in words:
        for k in range(8):
            h ^= (w >> (8 * k)) & 0xFF
            h = (h * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h


def main():
    print("/* Generated by tests/random/gen_oracle.py from NumPy %s; */"
          % np.__version__)
    print("/* do not edit. {api, case, seed, count, fnv1a64, head}. */")
    print("#define ND_ORACLE_HEAD %d" % HEAD)
    print("static const struct {")
    print("    char api;")
    print("    const char *name;")
    print("    long long seed;")
    print("    int count;")
    print("    unsigned long long hash;")
    print("    unsigned long long head[ND_ORACLE_HEAD];")
    print("} nd_oracle[] = {")
    seeds = [("L", s) for s in SEEDS + [-1]]
    seeds += [("G", s) for s in SEEDS + [-1, BIG_SEED]]
    for api, seed in seeds:
        table = LEGACY if api == "L" else GENERATOR
        for name, fn in table.items():
            if seed in (-1, BIG_SEED) and name not in ("rand", "random",
                                                       "normal"):
                continue
            if name in LONG_CASES and seed != 0:
                continue
            s = ARRAY_SEED if seed == -1 else seed
            if api == "L":
                st = np.random.RandomState(s)
            else:
                st = np.random.default_rng(s)
            w = bits(fn(st))
            print('{\'%s\', "%s", %dLL, %d, 0x%016xULL, {' %
                  (api, name, seed, len(w), fnv(w)))
            head = w[:HEAD]
            for i in range(0, len(head), 3):
                print("    " + " ".join("0x%016xULL," % v
                                         for v in head[i:i + 3]))
            print("}},")
    print("};")


if __name__ == "__main__":
    main()
