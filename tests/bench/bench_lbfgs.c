/* bench_lbfgs — opt_lbfgs against libLBFGS (Okazaki's C port, Debian's
 * liblbfgs) and GSL's vector_bfgs2, on standard problems at growing n.
 *
 * All three stop on the same test, ||g|| <= 1e-5 max(1, ||x||) (libLBFGS's
 * own; for GSL checked by this driver after every iteration), start from
 * the problems' standard points, and count every evaluation of f and g.
 * opt_lbfgs and libLBFGS keep m = 6 pairs and use a Moré–Thuente search
 * with the same constants; GSL's vector_bfgs2 has no memory parameter (it
 * builds each direction from the last step only) and uses Fletcher's
 * search with tol 0.1, as its manual recommends.
 *
 * Wall time is the median of several runs. Usage: bench_lbfgs [repeats]
 */
#define _POSIX_C_SOURCE 200809L
#include <lbfgs.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <gsl/gsl_blas.h>
#include <gsl/gsl_multimin.h>
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

typedef struct problem {
    const char *name;
    opt_fdf_fn fdf;
    void (*start)(double *x, size_t n);
} problem;

typedef struct outcome {
    long iterations, evaluations;
    double seconds, gnorm, f;
    int ok;
} outcome;

/* Shared evaluation counter (one solver runs at a time). */
static long evals;
static opt_fdf_fn current_fdf;
static size_t current_n;

/* ---- opt_lbfgs ------------------------------------------------------------------------ */

static double counted(const double *x, double *g, void *ctx)
{
    evals++;
    return current_fdf(x, g, ctx);
}

static outcome run_ours(const problem *p, size_t n)
{
    double *x = malloc(n * sizeof *x), f;
    p->start(x, n);
    opt_objective o = { n, counted, NULL, &current_n, p->name };
    opt_lbfgs_params par = opt_lbfgs_defaults();
    par.max_iterations = 0;
    opt_result r;
    evals = 0;
    double t0 = now();
    int st = opt_lbfgs(&o, x, &f, &par, NULL, NULL, &r);
    outcome out = { r.iterations, evals, now() - t0, r.gnorm, f, st == OPT_OK };
    free(x);
    return out;
}

/* ---- libLBFGS ---------------------------------------------------------------------------- */

static lbfgsfloatval_t lib_evaluate(void *inst, const lbfgsfloatval_t *x, lbfgsfloatval_t *g,
                                    const int n, const lbfgsfloatval_t step)
{
    (void)inst, (void)n, (void)step;
    evals++;
    return current_fdf(x, g, &current_n);
}

static int lib_iterations;

static int lib_progress(void *inst, const lbfgsfloatval_t *x, const lbfgsfloatval_t *g,
                        const lbfgsfloatval_t fx, const lbfgsfloatval_t xnorm,
                        const lbfgsfloatval_t gnorm, const lbfgsfloatval_t step, int n, int k,
                        int ls)
{
    (void)inst, (void)x, (void)g, (void)fx, (void)xnorm, (void)gnorm, (void)step, (void)n, (void)ls;
    lib_iterations = k;
    return 0;
}

static outcome run_liblbfgs(const problem *p, size_t n)
{
    lbfgsfloatval_t *x = lbfgs_malloc((int)n), f;
    double *g = malloc(n * sizeof *g);
    p->start(x, n);
    lbfgs_parameter_t par;
    lbfgs_parameter_init(&par);
    evals = 0;
    lib_iterations = 0;
    double t0 = now();
    int st = lbfgs((int)n, x, &f, lib_evaluate, lib_progress, NULL, &par);
    outcome out = { lib_iterations, evals, now() - t0, 0, f, st == 0 };
    current_fdf(x, g, &current_n);
    out.gnorm = opt_norm2(g, n);
    lbfgs_free(x);
    free(g);
    return out;
}

/* ---- GSL vector_bfgs2 ------------------------------------------------------------------- */

static double gsl_f(const gsl_vector *x, void *params)
{
    (void)params;
    evals++;
    return current_fdf(x->data, NULL, &current_n);
}

static void gsl_df(const gsl_vector *x, void *params, gsl_vector *g)
{
    (void)params;
    evals++;
    current_fdf(x->data, g->data, &current_n);
}

static void gsl_fdf(const gsl_vector *x, void *params, double *f, gsl_vector *g)
{
    (void)params;
    evals++;
    *f = current_fdf(x->data, g->data, &current_n);
}

static outcome run_gsl(const problem *p, size_t n)
{
    gsl_vector *x = gsl_vector_alloc(n);
    p->start(x->data, n);
    gsl_multimin_function_fdf fn = { gsl_f, gsl_df, gsl_fdf, n, NULL };
    gsl_multimin_fdfminimizer *s =
        gsl_multimin_fdfminimizer_alloc(gsl_multimin_fdfminimizer_vector_bfgs2, n);
    evals = 0;
    double t0 = now();
    gsl_multimin_fdfminimizer_set(s, &fn, x, 0.01, 0.1);
    long k = 0;
    int ok = 0;
    for (; k < 100000; k++) {
        const gsl_vector *gr = gsl_multimin_fdfminimizer_gradient(s);
        const gsl_vector *xs = gsl_multimin_fdfminimizer_x(s);
        if (gsl_blas_dnrm2(gr) <= 1e-5 * fmax(1, gsl_blas_dnrm2(xs))) {
            ok = 1;
            break;
        }
        if (gsl_multimin_fdfminimizer_iterate(s))
            break;
    }
    outcome out = { k, evals, now() - t0, gsl_blas_dnrm2(gsl_multimin_fdfminimizer_gradient(s)),
                    gsl_multimin_fdfminimizer_minimum(s), ok };
    gsl_multimin_fdfminimizer_free(s);
    gsl_vector_free(x);
    return out;
}

/* ---- The table ---------------------------------------------------------------------------- */

typedef outcome (*solver)(const problem *, size_t);

static outcome median_run(solver run, const problem *p, size_t n, int reps)
{
    double t[32];
    outcome o = { 0 };
    for (int r = 0; r < reps; r++) {
        o = run(p, n);
        t[r] = o.seconds;
    }
    qsort(t, (size_t)reps, sizeof *t, cmp);
    o.seconds = t[reps / 2];
    return o;
}

static void row(const char *prob, size_t n, const char *who, outcome o)
{
    printf("| %-15s | %8zu | %-8s | %6ld | %6ld | %10.4f | %9.2e | %-4s |", prob, n, who,
           o.iterations, o.evaluations, 1e3 * o.seconds, o.gnorm, o.ok ? "yes" : "no");
}

int main(int argc, char **argv)
{
    gsl_set_error_handler_off();
    int reps = argc > 1 ? atoi(argv[1]) : 5;
    if (reps < 1 || reps > 32) {
        fprintf(stderr, "usage: bench_lbfgs [repeats 1..32]\n");
        return 2;
    }
    const problem problems[] = {
        { "ext-rosenbrock", opt_ext_rosenbrock_fdf, opt_ext_rosenbrock_start },
        { "ext-powell", opt_ext_powell_fdf, opt_ext_powell_start },
        { "trigonometric", opt_trigonometric_fdf, opt_trigonometric_start },
    };
    const size_t sizes[] = { 100, 10000, 1000000 };
    printf("median of %d runs; stop at ||g|| <= 1e-5 max(1, ||x||); ratios: opt_lbfgs / libLBFGS\n\n", reps);
    printf("| problem         |        n | solver   |  iters |  evals |  time (ms) |    ||g||  | conv | evals ratio | time ratio |\n");
    printf("|-----------------|----------|----------|--------|--------|------------|-----------|------|-------------|------------|\n");
    for (size_t pi = 0; pi < sizeof problems / sizeof *problems; pi++)
        for (size_t si = 0; si < sizeof sizes / sizeof *sizes; si++) {
            const problem *p = &problems[pi];
            size_t n = sizes[si];
            /* the trigonometric function is dense in its coupling; 10^6 is
             * as cheap per evaluation as the others (O(n)), so keep it */
            current_fdf = p->fdf;
            current_n = n;
            outcome ours = median_run(run_ours, p, n, reps);
            outcome lib = median_run(run_liblbfgs, p, n, reps);
            outcome gsl = median_run(run_gsl, p, n, n >= 1000000 ? 1 : reps);
            row(p->name, n, "opt", ours);
            printf(" %11.2f | %10.2f |\n", (double)ours.evaluations / (double)lib.evaluations,
                   ours.seconds / lib.seconds);
            row(p->name, n, "libLBFGS", lib);
            printf(" %11s | %10s |\n", "1", "1");
            row(p->name, n, "GSL", gsl);
            printf(" %11.2f | %10.2f |\n", (double)gsl.evaluations / (double)lib.evaluations,
                   gsl.seconds / lib.seconds);
            fflush(stdout);
        }
    return 0;
}
