/*
** linalg_bench.c - nd_linalg and the BLAS wrappers against a plain loop.
**
** Prints "name milliseconds" lines (best of several runs) for the cases
** linalg_run.py times under pyprep and NumPy; linalg_bench.py prints all
** three. "#" lines: where cblas_dgemm starts beating an i-k-j C loop
** (nd_dot.c uses BLAS at every size anyway, as NumPy: see there).
** Inputs are a fixed pseudo-random fill; results are not checked here
** (nd_linalg_test does that).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "nd_linalg.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void fill(double *a, size_t n, unsigned seed)
{
    size_t i;
    uint64_t s = seed * 2654435761u + 1;
    for (i = 0; i < n; i++) {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        a[i] = (double)(s >> 11) / 9007199254740992.0 - 0.5;
    }
}

/* The loop a non-BLAS engine would use: i-k-j, contiguous inner axpy. */
static void naive_matmul(size_t n, const double *a, const double *b,
                         double *c)
{
    size_t i, j, k;
    memset(c, 0, n * n * sizeof *c);
    for (i = 0; i < n; i++)
        for (k = 0; k < n; k++) {
            double aik = a[i * n + k];
            for (j = 0; j < n; j++)
                c[i * n + j] += aik * b[k * n + j];
        }
}

enum { OP_SOLVE, OP_INV, OP_EIG, OP_GEMM, OP_NAIVE };

static double run(int op, size_t n, const double *a, const double *b,
                  double *c, void *work, nd_complex128 *w, nd_complex128 *v)
{
    double t0 = now_ms();
    int all_real;
    switch (op) {
    case OP_SOLVE: nd_linalg_solve(n, 1, a, b, c, work, NULL); break;
    case OP_INV: nd_linalg_inv(n, a, c, work, NULL); break;
    case OP_EIG: nd_linalg_eig(n, a, w, v, &all_real, work, NULL); break;
    case OP_GEMM: nd_blas_dgemm(n, n, n, a, b, c); break;
    default: naive_matmul(n, a, b, c); break;
    }
    return now_ms() - t0;
}

/* Best of `reps` runs, at least 0.2 s of repeats for tiny sizes. */
static double best(int op, size_t n, int reps)
{
    double *a = malloc(n * n * sizeof *a), *b = malloc(n * n * sizeof *b);
    double *c = malloc(n * n * sizeof *c), bestt = 1e300, spent = 0;
    size_t ws = nd_linalg_inv_worksize(n);
    nd_complex128 *w = malloc(n * sizeof *w), *v = malloc(n * n * sizeof *v);
    void *work;
    int r, inner = 1, k;
    if (op == OP_EIG)
        ws = nd_linalg_eig_worksize(n, 1);
    work = malloc(ws);
    fill(a, n * n, 1);
    fill(b, n * n, 2);
    if (n <= 64)
        inner = (int)(200000 / (n * n * n) + 1);
    for (r = 0; r < reps || spent < 200; r++) {
        double t = 0;
        for (k = 0; k < inner; k++)
            t += run(op, n, a, b, c, work, w, v);
        t /= inner;
        spent += t * inner;
        if (t < bestt)
            bestt = t;
        if (r > 1000)
            break;
    }
    free(a), free(b), free(c), free(w), free(v), free(work);
    return bestt;
}

int main(void)
{
    static const size_t sizes[] = {2, 4, 8, 16, 24, 32, 48, 64, 96, 128};
    size_t i, cross = 0;

    printf("solve_256 %.4f\n", best(OP_SOLVE, 256, 5));
    printf("inv_256 %.4f\n", best(OP_INV, 256, 5));
    printf("eig_128 %.4f\n", best(OP_EIG, 128, 5));
    printf("matmul_256 %.4f\n", best(OP_GEMM, 256, 5));
    printf("matmul_1024 %.4f\n", best(OP_GEMM, 1024, 3));
    printf("# an i-k-j C loop instead of dgemm: 256 %.4f ms, 1024 %.4f ms\n",
           best(OP_NAIVE, 256, 5), best(OP_NAIVE, 1024, 2));
    for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        double g = best(OP_GEMM, sizes[i], 20);
        double l = best(OP_NAIVE, sizes[i], 20);
        printf("# matmul %zu: dgemm %.5f ms, loop %.5f ms\n", sizes[i], g, l);
        if (!cross && g < l)
            cross = sizes[i];
        if (g >= l)
            cross = 0;
    }
    printf("# dgemm beats the loop from n = %zu on\n", cross);
    return 0;
}
