/* L-BFGS: the two-loop recursion against the BFGS update written out as
 * matrices, convergence, and robustness on hard problems. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_randist.h>
#include "opt.h"
#include "nan_region.h"

Test(two_loop, equals_the_explicit_bfgs_inverse_update)
{
    /* H_{k+1} = (I - rho s y^T) H_k (I - rho y s^T) + rho s s^T from
     * H_0 = gamma I, applied pair by pair (Nocedal & Wright, eq. 6.17),
     * then d = -H g. */
    enum { n = 4, m = 3 };
    gsl_rng *r = opt_rng_alloc(5, 0);
    double s[m * n], y[m * n], rho[m], g[n], alpha[m], d[n];
    for (int i = 0; i < m * n; i++) {
        s[i] = gsl_ran_gaussian(r, 1);
        y[i] = s[i] + 0.3 * gsl_ran_gaussian(r, 1);   /* keeps s.y > 0 */
    }
    for (int i = 0; i < n; i++)
        g[i] = gsl_ran_gaussian(r, 1);
    for (int k = 0; k < m; k++) {
        double ys = 0;
        for (int j = 0; j < n; j++)
            ys += s[k * n + j] * y[k * n + j];
        cr_assert_gt(ys, 0);
        rho[k] = 1 / ys;
    }
    const double gamma = 0.7;
    double H[n][n] = { { 0 } }, T[n][n], U[n][n];
    for (int i = 0; i < n; i++)
        H[i][i] = gamma;
    for (int k = 0; k < m; k++) {
        const double *sk = s + k * n, *yk = y + k * n;
        /* T = (I - rho s y^T) H */
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) {
                double acc = H[i][j];
                for (int l = 0; l < n; l++)
                    acc -= rho[k] * sk[i] * yk[l] * H[l][j];
                T[i][j] = acc;
            }
        /* U = T (I - rho y s^T) + rho s s^T */
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) {
                double acc = T[i][j];
                for (int l = 0; l < n; l++)
                    acc -= rho[k] * T[i][l] * yk[l] * sk[j];
                U[i][j] = acc + rho[k] * sk[i] * sk[j];
            }
        memcpy(H, U, sizeof H);
    }
    opt_two_loop_recursion(g, s, y, rho, m, n, gamma, alpha, d);
    for (int i = 0; i < n; i++) {
        double want = 0;
        for (int j = 0; j < n; j++)
            want -= H[i][j] * g[j];
        cr_assert_float_eq(d[i], want, 1e-12 * fmax(1, fabs(want)), "d[%d] = %.17g, want %.17g", i, d[i], want);
    }
    /* The secant equation: the newest pair satisfies H y = s. */
    double Hy[n] = { 0 };
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            Hy[i] += H[i][j] * y[(m - 1) * n + j];
    for (int i = 0; i < n; i++)
        cr_assert_float_eq(Hy[i], s[(m - 1) * n + i], 1e-12);
    gsl_rng_free(r);
}

Test(lbfgs, extended_rosenbrock)
{
    const size_t sizes[] = { 2, 10, 100, 1000 };
    for (int c = 0; c < 4; c++) {
        size_t n = sizes[c];
        opt_rosenbrock rb = { n, 1, 100 };
        opt_objective o = opt_rosenbrock_objective(&rb);
        double *x = malloc(n * sizeof *x), f;
        for (size_t i = 0; i < n; i++)
            x[i] = i % 2 ? 1 : -1.2;
        opt_lbfgs_params p = opt_lbfgs_defaults();
        opt_result r;
        int st = opt_lbfgs(&o, x, &f, &p, NULL, NULL, &r);
        cr_assert_eq(st, OPT_OK, "n = %zu: %s", n, r.reason);
        cr_assert_str_eq(r.reason, "gradient norm");
        double xn = 0;
        for (size_t i = 0; i < n; i++)
            xn += x[i] * x[i];
        cr_assert_leq(r.gnorm, 1e-5 * fmax(1, sqrt(xn)));
        for (size_t i = 0; i < n; i++)
            cr_assert_float_eq(x[i], 1, 1e-4, "n = %zu, x[%zu] = %g", n, i, x[i]);
        cr_assert_lt(r.iterations, 200 + 10 * (long)n, "n = %zu: %ld iterations", n, r.iterations);
        free(x);
    }
}

Test(lbfgs, quadratic_converges_and_counts)
{
    opt_objective o = opt_problem_objective(opt_problem_lookup("ill-conditioned"));
    double x[] = { -2.5, 2 }, f;
    opt_lbfgs_params p = opt_lbfgs_defaults();
    p.epsilon = 1e-10;
    opt_result r;
    cr_assert_eq(opt_lbfgs(&o, x, &f, &p, NULL, NULL, &r), OPT_OK);
    /* Inexact (strong-Wolfe, c2 = 0.9) searches accept unit steps, so it
     * does not finish in n = 2 steps as with exact searches; superlinear
     * convergence brings it to 1e-10 in about a dozen. */
    cr_assert_lt(r.iterations, 20);
    cr_assert_geq(r.evaluations, r.iterations + 1);
    cr_assert_lt(f, 1e-18);
}

/* Badly scaled: f = 1e6 x^2 + 1e-6 y^2 (condition number 1e12). */
static double scaled(const double *x, double *g, void *c)
{
    (void)c;
    if (g) {
        g[0] = 2e6 * x[0];
        g[1] = 2e-6 * x[1];
    }
    return 1e6 * x[0] * x[0] + 1e-6 * x[1] * x[1];
}

/* Singular Hessian: f = (x + y)^2, a whole line of minimizers. */
static double singular(const double *x, double *g, void *c)
{
    (void)c;
    const double u = x[0] + x[1];
    if (g)
        g[0] = g[1] = 2 * u;
    return u * u;
}

/* Unbounded below and overflowing: f = -exp(x) - exp(y); the gradient is
 * never small, the values run to -inf. */
static double runaway(const double *x, double *g, void *c)
{
    (void)c;
    if (g) {
        g[0] = -exp(x[0]);
        g[1] = -exp(x[1]);
    }
    return -exp(x[0]) - exp(x[1]);
}

/* A flat region: f = 0 for |x| > 5, a bowl inside; starting on the plateau
 * the gradient is exactly 0 (already minimized, as far as it can tell). */
static double plateau(const double *x, double *g, void *c)
{
    (void)c;
    double r2 = x[0] * x[0] + x[1] * x[1];
    if (r2 > 25) {
        if (g)
            g[0] = g[1] = 0;
        return 0;
    }
    if (g) {
        g[0] = 2 * x[0];
        g[1] = 2 * x[1];
    }
    return r2 - 25;
}

Test(lbfgs, hard_problems_end_with_a_clear_status_and_no_nan)
{
    struct { opt_fdf_fn f; const char *name; double x0, y0; } cases[] = {
        { scaled, "badly scaled", 1, 1 }, { singular, "singular", 3, -1 },
        { runaway, "unbounded", 0, 0 }, { plateau, "plateau", 7, 7 },
        { opt_himmelblau_fdf, "himmelblau", 0, 0 }, { opt_beale_fdf, "beale", 1, 1.5 },
        { opt_cliff_fdf, "cliff", 3, 1 },
    };
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        opt_objective o = { 2, cases[c].f, NULL, NULL, cases[c].name };
        double x[] = { cases[c].x0, cases[c].y0 }, f;
        opt_result r;
        int st = opt_lbfgs(&o, x, &f, NULL, NULL, NULL, &r);
        cr_assert(st == OPT_OK || st == OPT_ENOPROG || st == OPT_EMAXITER || st == OPT_EDIVERGED,
                  "%s: status %d", cases[c].name, st);
        cr_assert(isfinite(x[0]) && isfinite(x[1]), "%s: x is not finite", cases[c].name);
        cr_assert(r.reason && *r.reason, "%s: no reason", cases[c].name);
        if (c == 0 || c == 1 || c >= 4)
            cr_assert_eq(st, OPT_OK, "%s: %s", cases[c].name, r.reason);
    }
}

/* A stochastic quadratic: each evaluation sees the gradient with noise. */
struct noisy { gsl_rng *r; double sigma; };

static double noisy_quad(const double *x, double *g, void *ctx)
{
    struct noisy *q = ctx;
    if (g) {
        g[0] = 2 * x[0] + gsl_ran_gaussian(q->r, q->sigma);
        g[1] = 20 * x[1] + gsl_ran_gaussian(q->r, q->sigma);
    }
    return x[0] * x[0] + 10 * x[1] * x[1];
}

Test(lbfgs, mini_batch_mode_takes_fixed_steps)
{
    struct noisy q = { opt_rng_alloc(1, 0), 0 };
    opt_objective o = { 2, noisy_quad, NULL, &q, "noisy" };
    opt_lbfgs_params p = opt_lbfgs_defaults();
    p.linesearch = OPT_LS_FIXED;
    p.fixed_step = 0.05;
    p.max_iterations = 200;
    p.epsilon = 1e-8;
    double x[] = { 1, 1 }, f;
    opt_result r;
    /* Without noise a fixed step of quasi-Newton directions still converges. */
    int st = opt_lbfgs(&o, x, &f, &p, NULL, NULL, &r);
    cr_assert(st == OPT_OK || st == OPT_EMAXITER);
    cr_assert_lt(f, 1e-6, "noise-free fixed-step L-BFGS: f = %g", f);
    /* With noise it runs its budget without NaN. */
    q.sigma = 1;
    x[0] = x[1] = 1;
    st = opt_lbfgs(&o, x, &f, &p, NULL, NULL, &r);
    cr_assert(isfinite(x[0]) && isfinite(x[1]));
    cr_assert_eq(r.evaluations, r.iterations + 1);
    gsl_rng_free(q.r);
}

static int stop_at_3(const opt_progress *p, void *ctx)
{
    (void)ctx;
    return p->k == 3 ? OPT_EMAXITER : 0;
}

Test(lbfgs, progress_can_stop_and_bad_parameters_are_refused)
{
    opt_objective o = opt_problem_objective(opt_problem_lookup("rosenbrock"));
    double x[] = { -1.2, 1 }, f;
    opt_result r;
    cr_assert_eq(opt_lbfgs(&o, x, &f, NULL, stop_at_3, NULL, &r), OPT_EMAXITER);
    cr_assert_eq(r.iterations, 3);
    cr_assert_str_eq(r.reason, "stopped by progress");
    opt_lbfgs_params p = opt_lbfgs_defaults();
    p.m = 0;
    cr_assert_eq(opt_lbfgs(&o, x, &f, &p, NULL, NULL, &r), OPT_EINVAL);
}

/* nan_region (nan_region.h): L-BFGS's long extrapolated steps land in the
 * NaN region. */
Test(lbfgs, walking_into_a_nan_region_is_a_divergence_not_a_budget)
{
    opt_objective o = { 2, nan_region, NULL, NULL, "nan region" };
    const opt_ls_kind kinds[] = { OPT_LS_MORE_THUENTE, OPT_LS_BACKTRACKING };
    for (int k = 0; k < 2; k++) {
        opt_lbfgs_params p = opt_lbfgs_defaults();
        p.linesearch = kinds[k];
        double x[] = { 0, 1 }, f;
        opt_result r;
        int st = opt_lbfgs(&o, x, &f, &p, NULL, NULL, &r);
        cr_assert_eq(st, OPT_EDIVERGED, "search %d: status %d (%s)", k, st, r.reason);
        cr_assert_eq(r.status, OPT_EDIVERGED);
        cr_assert_str_eq(r.reason, "line search ran into non-finite f or g",
                         "search %d: reason '%s'", k, r.reason);
        /* x is the last accepted point: finite, inside the region, and f is its value. */
        cr_assert(x[0] <= 2 && isfinite(x[1]), "search %d: x = (%g, %g)", k, x[0], x[1]);
        cr_assert_eq(f, -x[0] + x[1] * x[1], "search %d: f = %.17g at (%.17g, %.17g)", k, f,
                     x[0], x[1]);
        cr_assert_eq(r.f, f);
        cr_assert_geq(r.iterations, 1, "search %d: %ld iterations", k, r.iterations);
    }
}
