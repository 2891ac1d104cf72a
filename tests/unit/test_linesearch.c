/* Line searches: the Armijo and strong-Wolfe conditions on the test
 * functions of Moré and Thuente (1994), and behaviour at the edges. */
#include <criterion/criterion.h>
#include <math.h>
#include "opt.h"

/* One-dimensional objectives phi(a), searched from x = 0 along d = 1. */
typedef double (*phi_fn)(double a, double *dphi);

/* Moré–Thuente function 1: phi(a) = -a / (a^2 + beta), beta = 2: minimum at sqrt 2. */
static double mt1(double a, double *d)
{
    const double b = 2;
    *d = (a * a - b) / ((a * a + b) * (a * a + b));
    return -a / (a * a + b);
}

/* Function 2: phi(a) = (a + beta)^5 - 2 (a + beta)^4, beta = 0.004: minimum near 1.6. */
static double mt2(double a, double *d)
{
    const double b = 0.004, u = a + b;
    *d = 5 * pow(u, 4) - 8 * pow(u, 3);
    return pow(u, 5) - 2 * pow(u, 4);
}

/* Function 3: phi0(a) + 2 (1 - l) / (l pi) sin(l pi a / 2), l = 39, beta = 0.01,
 * phi0 = 1 - a for a <= 1 - beta, a^2/(2 beta) ... (the paper's oscillating one). */
static double mt3(double a, double *d)
{
    const double b = 0.01, l = 39, pi = 3.14159265358979323846;
    double p0, dp0;
    if (a <= 1 - b) {
        p0 = 1 - a;
        dp0 = -1;
    } else if (a >= 1 + b) {
        p0 = a - 1;
        dp0 = 1;
    } else {
        p0 = (a - 1) * (a - 1) / (2 * b) + b / 2;
        dp0 = (a - 1) / b;
    }
    *d = dp0 + (1 - l) * cos(l * pi * a / 2);
    return p0 + 2 * (1 - l) / (l * pi) * sin(l * pi * a / 2);
}

static phi_fn current;

static double fdf_1d(const double *x, double *g, void *ctx)
{
    (void)ctx;
    double d;
    double f = current(x[0], &d);
    if (g)
        g[0] = d;
    return f;
}

static opt_ls_result search(phi_fn f, opt_ls_kind kind, double a0, double c1, double c2,
                            double *a, double *fa, double *da, int *status)
{
    current = f;
    opt_objective o = { 1, fdf_1d, NULL, NULL, "phi" };
    double x = 0, d = 1, g0, xn, gn;
    double f0 = opt_eval(&o, &x, &g0);
    opt_ls_params p = opt_ls_defaults();
    p.c1 = c1;
    p.c2 = c2;
    opt_ls_result r;
    *a = a0;
    *status = opt_linesearch(&o, kind, &x, f0, &g0, &d, a, &xn, fa, &gn, &p, &r);
    *da = gn;
    cr_assert_float_eq(xn, *a, 1e-15 * fmax(1, *a));
    return r;
}

/* Runs a strong-Wolfe search and checks both conditions; near < 0: any
 * acceptable step will do. */
static void expect_wolfe(phi_fn f, double a0, double c1, double c2, double near, double tol)
{
    double a, fa, da, d0;
    int st;
    opt_ls_result r = search(f, OPT_LS_MORE_THUENTE, a0, c1, c2, &a, &fa, &da, &st);
    double f0 = f(0, &d0);
    cr_assert_eq(st, OPT_OK, "a0 = %g: status %d (%s)", a0, st, r.why);
    cr_assert_leq(fa, f0 + c1 * a * d0, "a0 = %g: Armijo fails at a = %g", a0, a);
    cr_assert_leq(fabs(da), c2 * fabs(d0), "a0 = %g: curvature fails at a = %g", a0, a);
    if (near >= 0)
        cr_assert_float_eq(a, near, tol, "a0 = %g: a = %g, expected about %g", a0, a, near);
    cr_assert_leq(r.evals, 20, "a0 = %g: %d evaluations", a0, r.evals);
}

Test(more_thuente, function_1_from_four_starts)
{
    /* c1 = 1e-3, c2 = 0.1 as in the paper's Table 1. From the small starts
     * the step lands near the minimizer sqrt 2 (within the curvature
     * tolerance); a0 = 10 is acceptable as it is: phi'(10) = 98/102^2 =
     * 0.0094 <= 0.1 |phi'(0)| = 0.05, and phi(10) < phi(0). */
    expect_wolfe(mt1, 1e-3, 1e-3, 0.1, 1.414, 0.15);
    expect_wolfe(mt1, 1e-1, 1e-3, 0.1, 1.414, 0.15);
    expect_wolfe(mt1, 1e1, 1e-3, 0.1, 10, 0);
    expect_wolfe(mt1, 1e3, 1e-3, 0.1, -1, 0);
    double a, fa, da;
    int st;
    opt_ls_result r = search(mt1, OPT_LS_MORE_THUENTE, 10, 1e-3, 0.1, &a, &fa, &da, &st);
    cr_assert_eq(r.evals, 1);
}

Test(more_thuente, function_2_from_four_starts)
{
    /* c1 = c2 = 0.1; the paper's Table 2 reports 12, 8, 8 and 11
     * evaluations from these starts, and so does this implementation. */
    const double starts[] = { 1e-3, 1e-1, 1e1, 1e3 };
    const int evals[] = { 12, 8, 8, 11 };
    for (int i = 0; i < 4; i++) {
        expect_wolfe(mt2, starts[i], 1e-1, 0.1, 1.596, 0.1);
        double a, fa, da;
        int st;
        opt_ls_result r = search(mt2, OPT_LS_MORE_THUENTE, starts[i], 0.1, 0.1, &a, &fa, &da, &st);
        cr_assert_eq(r.evals, evals[i], "a0 = %g: %d evaluations, the paper reports %d",
                     starts[i], r.evals, evals[i]);
    }
}

Test(more_thuente, function_3_oscillating)
{
    /* Many local minimizers: any step satisfying both conditions will do. */
    const double starts[] = { 1e-3, 1e-1, 1e1, 1e3 };
    for (int i = 0; i < 4; i++) {
        double a, fa, da, d0;
        int st;
        opt_ls_result r = search(mt3, OPT_LS_MORE_THUENTE, starts[i], 0.1, 0.1, &a, &fa, &da, &st);
        double f0 = mt3(0, &d0);
        cr_assert_eq(st, OPT_OK, "a0 = %g: %s", starts[i], r.why);
        cr_assert_leq(fa, f0 + 0.1 * a * d0);
        cr_assert_leq(fabs(da), 0.1 * fabs(d0));
    }
}

Test(backtracking, halves_until_armijo)
{
    /* phi(a) = (a - 1)^2 from a = 8: 8, 4, 2, 1 — phi(1) = 0 <= 1 - 2e-4 a */
    double a, fa, da;
    int st;
    opt_ls_result r = search(mt1, OPT_LS_BACKTRACKING, 1e3, 1e-4, 0.9, &a, &fa, &da, &st);
    double d0;
    cr_assert_eq(st, OPT_OK);
    cr_assert_leq(fa, mt1(0, &d0) + 1e-4 * a * d0);
    /* 1000 halved until -a/(a^2+2) <= -1e-4 a / 2: a^2 + 2 <= 2e4, a <= 141.4:
     * 1000 -> 500 -> 250 -> 125 */
    cr_assert_float_eq(a, 125, 1e-12);
    cr_assert_eq(r.evals, 4);
}

static double steep_wall(const double *x, double *g, void *ctx)
{
    (void)ctx;
    /* Quadratic with its minimum at 1 that overflows past 10. */
    double a = x[0];
    if (a > 10) {
        if (g)
            g[0] = INFINITY;
        return INFINITY;
    }
    if (g)
        g[0] = 2 * (a - 1);
    return (a - 1) * (a - 1);
}

Test(more_thuente, non_finite_values_shrink_the_step)
{
    opt_objective o = { 1, steep_wall, NULL, NULL, "wall" };
    double x = 0, d = 1, g0, xn, gn, fn, step = 1e6;
    double f0 = opt_eval(&o, &x, &g0);
    opt_ls_result r;
    int st = opt_linesearch(&o, OPT_LS_MORE_THUENTE, &x, f0, &g0, &d, &step, &xn, &fn, &gn,
                            NULL, &r);
    cr_assert_eq(st, OPT_OK, "%s", r.why);
    cr_assert(isfinite(fn) && fn < f0);
    cr_assert_lt(fabs(gn), 0.9 * 2);
}

Test(linesearch, rejects_ascent_and_bad_parameters)
{
    current = mt1;
    opt_objective o = { 1, fdf_1d, NULL, NULL, "phi" };
    double x = 0, d = -1, g0, xn, gn, fn, step = 1;
    double f0 = opt_eval(&o, &x, &g0);
    opt_ls_result r;
    cr_assert_eq(opt_linesearch(&o, OPT_LS_MORE_THUENTE, &x, f0, &g0, &d, &step, &xn, &fn, &gn,
                                NULL, &r), OPT_EINVAL);
    cr_assert_str_eq(r.why, "not a descent direction");
    d = 1;
    opt_ls_params p = opt_ls_defaults();
    p.c2 = p.c1 / 2;   /* c2 < c1: no step can satisfy both */
    cr_assert_eq(opt_linesearch(&o, OPT_LS_MORE_THUENTE, &x, f0, &g0, &d, &step, &xn, &fn, &gn,
                                &p, &r), OPT_EINVAL);
}

Test(linesearch, quadratic_exact_step_in_one_evaluation)
{
    /* On a quadratic along the Newton direction the unit step satisfies
     * both conditions at once. */
    const opt_problem *pr = opt_problem_lookup("quadratic");
    opt_objective o = opt_problem_objective(pr);
    double x[] = { 1, 1 }, g[2], xn[2], gn[2], fn, step = 1;
    double f0 = opt_eval(&o, x, g);
    double d[] = { -g[0] / 8, -g[1] / 2 };   /* -H^{-1} g, H = diag(8, 2) */
    opt_ls_result r;
    cr_assert_eq(opt_linesearch(&o, OPT_LS_MORE_THUENTE, x, f0, g, d, &step, xn, &fn, gn, NULL, &r),
                 OPT_OK);
    cr_assert_eq(r.evals, 1);
    cr_assert_eq(step, 1);
    cr_assert_float_eq(fn, 0, 1e-30);
}

/* phi(a) = -a, with f and its derivative NaN for a > 1e-15: every trial
 * step a search can reach from a = 1 within 40 evaluations (halving gets
 * to 2^-39 ~ 1.8e-12) lies in the NaN region. */
static double nan_beyond(double a, double *d)
{
    if (a > 1e-15) {
        *d = NAN;
        return NAN;
    }
    *d = -1;
    return -a;
}

Test(linesearch, a_search_lost_in_a_nan_region_says_so)
{
    const opt_ls_kind kinds[] = { OPT_LS_MORE_THUENTE, OPT_LS_BACKTRACKING };
    const char *names[] = { "more-thuente", "backtracking" };
    for (int k = 0; k < 2; k++) {
        double a, fa, da;
        int st;
        opt_ls_result r = search(nan_beyond, kinds[k], 1, 1e-4, 0.9, &a, &fa, &da, &st);
        cr_assert_eq(st, OPT_ENOPROG, "%s: status %d (%s)", names[k], st, r.why);
        cr_assert_str_eq(r.why, OPT_LS_NONFINITE, "%s: why = '%s'", names[k], r.why);
        cr_assert_str_eq(r.why, "ran into non-finite f or g");
        cr_assert_eq(r.evals, 40, "%s: %d evaluations", names[k], r.evals);
        cr_assert_eq(r.nonfinite, 40, "%s: %d non-finite of 40", names[k], r.nonfinite);
        cr_assert(a == 0 && fa == 0, "%s: the best point is x itself, got a = %g, f = %g",
                  names[k], a, fa);
    }
    /* A search that runs out of evaluations on finite values still says that. */
    double a, fa, da;
    int st;
    opt_ls_result r = search(mt1, OPT_LS_BACKTRACKING, 1e30, 1e-4, 0.9, &a, &fa, &da, &st);
    cr_assert_eq(st, OPT_ENOPROG);
    cr_assert_eq(r.nonfinite, 0, "mt1 is finite everywhere, got %d non-finite trials", r.nonfinite);
    cr_assert_str_eq(r.why, "too many evaluations");
}

Test(linesearch, a_fixed_step_into_nan_is_ediverged)
{
    current = nan_beyond;
    opt_objective o = { 1, fdf_1d, NULL, NULL, "phi" };
    double x = 0, d = 1, g0, xn, gn, fn, step = 1;
    double f0 = opt_eval(&o, &x, &g0);
    opt_ls_result r;
    cr_assert_eq(opt_linesearch(&o, OPT_LS_FIXED, &x, f0, &g0, &d, &step, &xn, &fn, &gn, NULL, &r),
                 OPT_EDIVERGED);
    cr_assert_str_eq(r.why, OPT_LS_NONFINITE);
    cr_assert_eq(r.evals, 1);
    cr_assert_eq(r.nonfinite, 1);
}
