/*
** bench_print.c - timing of nd_print (make bench-print).
**
** PERF-NOTES.md: NumPy 1.24 takes 1.94 ms for str() of 1 000 float64
** printed in full and 0.052 ms for a summarised 1e6-element array; the
** targets are <= 0.2x and <= 1.0x. Best of 7 runs of >= 0.2 s each.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "nd_print.h"

static size_t total;

static int count_writer(void *ud, const char *s, size_t n)
{
    (void)ud;
    (void)s;
    total += n;
    return 0;
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

/* Best time of one str() in milliseconds. */
static double best_ms(const NdArray *a)
{
    double best = 1e30;
    int rep;
    for (rep = 0; rep < 7; rep++) {
        long n = 0;
        double t0 = now(), t;
        do {
            nd_print_str(a, NULL, count_writer, NULL);
            n++;
            t = now() - t0;
        } while (t < 0.2);
        if (t / n < best)
            best = t / n;
    }
    return best * 1e3;
}

static NdArray vec(NdDType t, void *data, int64_t n, int64_t stride)
{
    NdArray a;
    memset(&a, 0, sizeof a);
    a.dtype = t;
    a.ndim = 1;
    a.shape[0] = n;
    a.strides[0] = stride;
    a.data = data;
    return a;
}

int main(void)
{
    static double d[1000];
    static float f[1000];
    static int64_t i64[1000];
    NdArray a;
    double ms;
    int i;
    srand(42);
    for (i = 0; i < 1000; i++) {
        d[i] = rand() / (double)RAND_MAX;
        f[i] = (float)d[i];
        i64[i] = rand() % 100000;
    }
    a = vec(ND_FLOAT64, d, 1000, 8);
    ms = best_ms(&a);
    printf("str float64 x1000: %.3f ms (NumPy 1.94 ms, ratio %.2f, "
           "target <= 0.2)\n", ms, ms / 1.94);
    a = vec(ND_FLOAT32, f, 1000, 4);
    printf("str float32 x1000: %.3f ms\n", best_ms(&a));
    a = vec(ND_INT64, i64, 1000, 8);
    printf("str int64 x1000:   %.3f ms\n", best_ms(&a));
    /* 1e6 elements summarised: a (1000, 1000) view with a 0 stride */
    a = vec(ND_FLOAT64, d, 1000, 8);
    a.ndim = 2;
    a.shape[1] = 1000;
    a.strides[1] = 0;
    ms = best_ms(&a);
    printf("str float64 1e6 summarised: %.4f ms (NumPy 0.052 ms, ratio "
           "%.2f, target <= 1.0)\n", ms, ms / 0.052);
    return total == 0;
}
