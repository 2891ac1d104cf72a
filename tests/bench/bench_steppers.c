/* bench_steppers — one step of each first-order stepper on n = 10^7
 * parameters, as effective memory bandwidth next to a STREAM triad
 * measured in the same run.
 *
 * A stepper must at least read x, g and each n-vector of its state and
 * write x and its state once per step (the per-layer methods, NovoGrad and
 * LARS, read g, and LARS x, once more for the layer norms); those bytes
 * over the step's time are its effective bandwidth. The STREAM triad a = b + s c (24 bytes an
 * element, the STREAM convention) is what this machine's memory gives a
 * simple loop. The table gives each stepper's bandwidth as a share of the
 * triad's: near 100 % means the update is as cheap as memory allows.
 *
 * Usage: bench_steppers [n] [repeats]   (defaults 10000000 and 7)
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "opt.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *t, int k)
{
    qsort(t, (size_t)k, sizeof *t, cmp);
    return t[k / 2];
}

static double triad(double *a, const double *b, const double *c, size_t n, int reps)
{
    double t[64];
    for (int r = 0; r < reps; r++) {
        double t0 = now();
        for (size_t i = 0; i < n; i++)
            a[i] = b[i] + 3.0 * c[i];
        t[r] = now() - t0;
    }
    return median(t, reps);
}

/* n-vectors a step must read and write: x and g read, x written, and each
 * state vector read and written. */
struct method { const char *name; const void *hp; int vectors; };

int main(int argc, char **argv)
{
    size_t n = argc > 1 ? (size_t)atol(argv[1]) : 10000000;
    int reps = argc > 2 ? atoi(argv[2]) : 7;
    if (reps < 1 || reps > 64 || n == 0) {
        fprintf(stderr, "usage: bench_steppers [n] [repeats 1..64]\n");
        return 2;
    }
    double *x = malloc(n * sizeof *x), *g = malloc(n * sizeof *g), *c = malloc(n * sizeof *c);
    if (!x || !g || !c) {
        fprintf(stderr, "bench_steppers: out of memory\n");
        return 1;
    }
    for (size_t i = 0; i < n; i++) {
        x[i] = 1.0 + 1e-3 * (double)(i % 97);
        g[i] = 1e-3 * (double)(i % 89) - 0.04;
        c[i] = 0.5;
    }
    double tt = triad(c, x, g, n, reps);
    double triad_bw = 24.0 * (double)n / tt;

    static const opt_sgd_params sgdm = { .momentum = 0.9 };
    static const opt_sgd_params nest = { .momentum = 0.9, .nesterov = 1 };
    static const opt_rmsprop_params rms = { 0.99, 1e-8, 0, 0, 0, 0 };
    static const opt_adam_params ams = { 0.9, 0.999, 1e-8, 0, 1, 0 };
    const struct method methods[] = {
        { "gd", NULL, 3 }, { "sgd", &sgdm, 5 }, { "sgd", &nest, 5 },
        { "momentum", NULL, 5 }, { "adagrad", NULL, 5 }, { "rmsprop", &rms, 5 },
        { "adam", NULL, 7 }, { "adam", &ams, 9 }, { "adamw", NULL, 7 },
        { "radam", NULL, 7 }, { "nadam", NULL, 7 }, { "novograd", NULL, 6 },
        { "lars", NULL, 7 },
    };
    const char *labels[] = { "gd", "sgd momentum", "sgd nesterov", "momentum", "adagrad",
                             "rmsprop", "adam", "adam amsgrad", "adamw", "radam", "nadam",
                             "novograd", "lars" };
    printf("n = %zu, median of %d runs\n", n, reps);
    printf("%-14s %10s %10s %8s\n", "method", "ms/step", "GB/s", "triad");
    printf("%-14s %10.2f %10.2f %7.0f%%\n", "stream triad", 1e3 * tt, triad_bw / 1e9, 100.0);
    for (size_t m = 0; m < sizeof methods / sizeof *methods; m++) {
        const opt_stepper_type *T = opt_stepper_lookup(methods[m].name);
        opt_stepper *s = opt_stepper_alloc(T, n, methods[m].hp);
        if (!s) {
            fprintf(stderr, "bench_steppers: cannot allocate %s\n", labels[m]);
            return 1;
        }
        double t[64];
        opt_stepper_step(s, x, g, 1e-6);   /* touch the state once */
        for (int r = 0; r < reps; r++) {
            double t0 = now();
            opt_stepper_step(s, x, g, 1e-6);
            t[r] = now() - t0;
        }
        double ts = median(t, reps);
        double bw = 8.0 * methods[m].vectors * (double)n / ts;
        printf("%-14s %10.2f %10.2f %7.0f%%\n", labels[m], 1e3 * ts, bw / 1e9, 100 * bw / triad_bw);
        opt_stepper_free(s);
    }
    free(x);
    free(g);
    free(c);
    return 0;
}
