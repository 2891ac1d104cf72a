/* The Moré–Garbow–Hillstrom collection (Moré, Garbow & Hillstrom, "Testing
 * unconstrained optimization software", ACM TOMS 7(1), 1981): values at the
 * standard starts and at the known minimizers, gradients and Hessians
 * against differences, and the default modified Newton (shifted Cholesky,
 * Armijo backtracking) from every standard start to a published minimum. */
#include <criterion/criterion.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "opt.h"

#define NMAX 16

static const opt_mgh_problem *get(const char *name)
{
    const opt_mgh_problem *p = opt_mgh_lookup(name);
    cr_assert_not_null(p, "no problem '%s'", name);
    return p;
}

static double f_at(const char *name, const double *x)
{
    opt_objective o = opt_mgh_objective(get(name));
    double g[NMAX];
    return opt_eval(&o, x, g);
}

static double f_start(const char *name)
{
    const opt_mgh_problem *p = get(name);
    double x[NMAX];
    opt_mgh_start(p, x);
    return f_at(name, x);
}

Test(mgh, the_collection)
{
    size_t count;
    const opt_mgh_problem *all = opt_mgh_list(&count);
    cr_assert_eq(count, 21);
    for (size_t k = 0; k < count; k++) {
        const opt_mgh_problem *p = &all[k];
        cr_assert_eq(opt_mgh_lookup(p->name), p);
        cr_assert(p->residual ? p->x0 != NULL : p->start != NULL, "%s", p->name);
        cr_assert_leq(p->n, NMAX);
        cr_assert(p->residual == NULL || p->n <= OPT_MGH_NMAX);
        if (k < 18)
            cr_assert_eq(p->number, (int)k + 1, "problems 1..18 in the paper's order");
    }
    cr_assert_null(opt_mgh_lookup("rosenbruck"));
    cr_assert_null(opt_mgh_lookup(NULL));
}

/* f(x0) worked out by hand from each problem's formula. */
Test(mgh, values_at_the_standard_starts)
{
    /* r = (10 (1 - 1.44), 2.2): 19.36 + 4.84 */
    cr_assert_float_eq(f_start("rosenbrock"), 24.2, 1e-13);
    /* (0.5, -2): r1 = -12.5 + (-14 - 2)(-2) = 19.5, r2 = -28.5 + (2 - 14)(-2) = -4.5 */
    cr_assert_float_eq(f_start("freudenstein-roth"), 19.5 * 19.5 + 4.5 * 4.5, 1e-12);
    /* (0, 1): r1 = -1, r2 = 1 + 1/e - 1.0001 */
    const double r2 = exp(-1.0) - 1e-4;
    cr_assert_float_eq(f_start("powell-badly-scaled"), 1 + r2 * r2, 1e-15);
    /* (1, 1): r = (1 - 1e6, 1 - 2e-6, -1) */
    cr_assert_float_eq(f_start("brown-badly-scaled"),
                       (1e6 - 1) * (1e6 - 1) + (1 - 2e-6) * (1 - 2e-6) + 1, 1e-3);
    /* (1, 1): x1 (1 - x2^i) = 0, so r = y */
    cr_assert_float_eq(f_start("beale"), 1.5 * 1.5 + 2.25 * 2.25 + 2.625 * 2.625, 1e-14);
    /* (-1, 0, 0): theta = 1/2, r = (10 (0 - 5), 10 (1 - 1), 0) */
    cr_assert_float_eq(f_start("helical-valley"), 2500, 1e-12);
    /* (3, -1, 0, 1): 7^2 + 5 + 1 + 10 * 16 */
    cr_assert_float_eq(f_start("powell-singular"), 215, 1e-13);
    /* (-3, -1, -3, -1): 100^2 + 4^2 + 90 * 10^2 + 4^2 + 10 * 4^2 + 0 */
    cr_assert_float_eq(f_start("wood"), 19192, 1e-11);
    /* n = 10 pairs of 24.2 / 5 pairs; n = 12 Powell: 3 blocks of 215 */
    cr_assert_float_eq(f_start("ext-rosenbrock"), 5 * 24.2, 1e-12);
    cr_assert_float_eq(f_start("ext-powell"), 3 * 215.0, 1e-12);

    /* The data-fitting problems, summed here from the formulas directly. */
    double s = 0;
    for (int i = 1; i <= 10; i++) {   /* Jennrich-Sampson at (0.3, 0.4) */
        const double r = 2 + 2 * i - exp(0.3 * i) - exp(0.4 * i);
        s += r * r;
    }
    cr_assert_float_eq(f_start("jennrich-sampson"), s, 1e-12 * s);
    s = 0;
    for (int i = 1; i <= 10; i++) {   /* Box 3-D at (0, 10, 20) */
        const double t = 0.1 * i, r = 1 - exp(-10 * t) - 20 * (exp(-t) - exp(-10 * t));
        s += r * r;
    }
    cr_assert_float_eq(f_start("box-3d"), s, 1e-12 * s);
    s = 0;
    for (int i = 1; i <= 20; i++) {   /* Brown-Dennis at (25, 5, -5, -1) */
        const double t = i / 5.0, a = 25 + 5 * t - exp(t), b = -5 - sin(t) - cos(t);
        s += (a * a + b * b) * (a * a + b * b);
    }
    cr_assert_float_eq(f_start("brown-dennis"), s, 1e-12 * s);
    s = 0;
    for (int i = 1; i <= 13; i++) {   /* Biggs EXP6 at (1, 2, 1, 1, 1, 1) */
        const double t = 0.1 * i, y = exp(-t) - 5 * exp(-10 * t) + 3 * exp(-4 * t);
        const double r = exp(-t) - exp(-2 * t) + exp(-t) - y;
        s += r * r;
    }
    cr_assert_float_eq(f_start("biggs-exp6"), s, 1e-12 * s);
}

/* Exact minimizers that the formulas give in closed form. */
Test(mgh, zero_at_the_known_minimizers)
{
    const struct { const char *name; double x[6]; double tol; } at[] = {
        { "rosenbrock", { 1, 1 }, 0 },
        { "freudenstein-roth", { 5, 4 }, 0 },
        { "brown-badly-scaled", { 1e6, 2e-6 }, 0 },
        { "beale", { 3, 0.5 }, 0 },
        { "helical-valley", { 1, 0, 0 }, 0 },
        { "box-3d", { 1, 10, 1 }, 0 },
        { "box-3d", { 10, 1, -1 }, 0 },
        { "powell-singular", { 0, 0, 0, 0 }, 0 },
        { "wood", { 1, 1, 1, 1 }, 0 },
        /* exp(-(-50 ln t)^(2/3 * 3/2) / 50) = t, up to rounding */
        { "gulf", { 50, 25, 1.5 }, 1e-28 },
        { "biggs-exp6", { 1, 10, 1, 5, 4, 3 }, 1e-30 },
    };
    for (size_t k = 0; k < sizeof at / sizeof *at; k++) {
        double f = f_at(at[k].name, at[k].x);
        cr_assert_leq(f, at[k].tol, "%s: f(x*) = %g", at[k].name, f);
    }
}

/* Central differences of f along coordinate j against g_j, allowing the
 * truncation error (relative 1e-6) and the rounding error of the
 * difference quotient, about eps |f| / h (100 times that, for the sums). */
static void gradient_check(const opt_objective *o, const double *x0)
{
    const size_t n = o->n;
    double x[NMAX], g[NMAX], gg[NMAX];
    const double f = opt_eval(o, x0, g);
    for (size_t j = 0; j < n; j++) {
        const double h = 1e-6 * fmax(1, fabs(x0[j]));
        memcpy(x, x0, n * sizeof *x);
        x[j] = x0[j] + h;
        const double fp = opt_eval(o, x, gg);
        x[j] = x0[j] - h;
        const double fm = opt_eval(o, x, gg);
        const double fd = (fp - fm) / (2 * h);
        const double tol = 1e-6 * fmax(1, fabs(g[j])) + 100 * DBL_EPSILON * fabs(f) / h;
        cr_assert_leq(fabs(fd - g[j]), tol, "%s: g[%zu] = %.10g, differences %.10g", o->name, j,
                      g[j], fd);
    }
}

/* Central differences of g against H (and H symmetric): relative 1e-6 of
 * the largest entry of H, plus the rounding error of the quotient, about
 * eps |g| / h (100 times that). */
static void hessian_check(const opt_objective *o, const double *x0)
{
    const size_t n = o->n;
    double H[NMAX * NMAX], x[NMAX], gp[NMAX], gm[NMAX], hmax = 1;
    cr_assert_eq(o->hess(x0, H, o->ctx), OPT_OK);
    for (size_t i = 0; i < n * n; i++)
        hmax = fmax(hmax, fabs(H[i]));
    for (size_t j = 0; j < n; j++) {
        /* relative to x_j: Osborne 1's x4 = 0.01 multiplies t up to 320 */
        const double h = 1e-5 * fmax(0.01, fabs(x0[j]));
        memcpy(x, x0, n * sizeof *x);
        x[j] = x0[j] + h;
        opt_eval(o, x, gp);
        x[j] = x0[j] - h;
        opt_eval(o, x, gm);
        for (size_t i = 0; i < n; i++) {
            const double fd = (gp[i] - gm[i]) / (2 * h);
            const double tol = 1e-6 * hmax + 100 * DBL_EPSILON * fmax(fabs(gp[i]), fabs(gm[i])) / h;
            cr_assert_leq(fabs(fd - H[i * n + j]), tol, "%s: H[%zu][%zu] = %.10g, differences %.10g",
                          o->name, i, j, H[i * n + j], fd);
            cr_assert_eq(H[i * n + j], H[j * n + i], "%s: H symmetric", o->name);
        }
    }
}

Test(mgh, gradients_and_hessians_against_differences)
{
    size_t count;
    const opt_mgh_problem *all = opt_mgh_list(&count);
    gsl_rng *rng = opt_rng_alloc(11, 0);
    for (size_t k = 0; k < count; k++) {
        opt_objective o = opt_mgh_objective(&all[k]);
        double x0[NMAX], x[NMAX];
        opt_mgh_start(&all[k], x0);
        /* The start, and points around it at 10% of each coordinate's scale. */
        for (int trial = 0; trial < 6; trial++) {
            for (size_t i = 0; i < o.n; i++)
                x[i] = x0[i] + (trial ? 0.1 * (1 + fabs(x0[i])) * (2 * gsl_rng_uniform(rng) - 1) : 0);
            gradient_check(&o, x);
            hessian_check(&o, x);
        }
    }
    gsl_rng_free(rng);
    /* Beale's x2^(i-2) at x2 = 0, Helical valley on both sides of x1 = 0. */
    opt_objective b = opt_mgh_objective(get("beale"));
    hessian_check(&b, (double[]){ 1.3, 0 });
    opt_objective h = opt_mgh_objective(get("helical-valley"));
    hessian_check(&h, (double[]){ 0.3, -0.4, 0.2 });
    hessian_check(&h, (double[]){ -0.3, -0.4, 0.2 });
    gradient_check(&h, (double[]){ -0.3, -0.4, 0.2 });
}

/* Assembled from the residuals, the Hessian of a zero-residual problem at
 * its minimizer is 2 J^T J: for Rosenbrock at (1, 1), J = [-20 10; -1 0],
 * so H = 2 [401 -200; -200 100]. */
Test(mgh, hessian_assembled_from_residuals_by_hand)
{
    opt_objective o = opt_mgh_objective(get("rosenbrock"));
    double H[4];
    o.hess((double[]){ 1, 1 }, H, o.ctx);
    cr_assert_eq(H[0], 802);
    cr_assert_eq(H[1], -400);
    cr_assert_eq(H[2], -400);
    cr_assert_eq(H[3], 200);
    /* Away from it the residual's own curvature enters: at (0, 1),
     * r1 = 10, hess r1 = [-20 0; 0 0]: H00 = 2 (0 + 1 + 10 * -20) = -398. */
    o.hess((double[]){ 0, 1 }, H, o.ctx);
    cr_assert_eq(H[0], -398);
    cr_assert_eq(H[1], 0);
    cr_assert_eq(H[3], 200);
}

/* Does f agree with the published value v? A zero minimum to 1e-10; a
 * six-digit one to half a unit in its last digit. */
static int matches(double f, double v)
{
    if (isnan(v))
        return 0;
    if (v == 0)
        return f <= 1e-10;
    return fabs(f - v) <= 0.5e-5 * fabs(v) * 1.0000001;
}

struct path { double x2_max; };

static int box_path(const opt_progress *at, void *ctx)
{
    struct path *p = ctx;
    p->x2_max = fmax(p->x2_max, at->x[1]);
    return 0;
}

Test(mgh, default_modified_newton_reaches_a_published_minimum_from_every_start, .timeout = 30)
{
    size_t count;
    const opt_mgh_problem *all = opt_mgh_list(&count);
    for (size_t k = 0; k < count; k++) {
        const opt_mgh_problem *p = &all[k];
        opt_objective o = opt_mgh_objective(p);
        double x[NMAX], f;
        opt_mgh_start(p, x);
        opt_newton_params prm = opt_newton_defaults();
        prm.max_iterations = 500;
        opt_result r;
        int st = opt_newton(&o, x, &f, &prm, NULL, NULL, &r);
        cr_assert_eq(st, OPT_OK, "%s: stopped on '%s' after %ld iterations, f = %.10g", p->name,
                     r.reason, r.iterations, f);
        cr_assert(matches(f, p->fstar) || matches(f, p->fother),
                  "%s: f = %.10g, published %g (or %g)", p->name, f, p->fstar, p->fother);
        /* A minimum, not a saddle: the Hessian there is positive
         * semidefinite (up to rounding, relative to its largest eigenvalue). */
        double H[NMAX * NMAX], ev[NMAX];
        o.hess(x, H, o.ctx);
        cr_assert_eq(opt_sym_eigenvalues(H, o.n, ev), OPT_OK);
        cr_assert_geq(ev[0], -1e-8 * fabs(ev[o.n - 1]), "%s: lambda_min = %g", p->name, ev[0]);
        /* No crawl: the slowest is Meyer (164 iterations), whose Hessian
         * has a condition number near 1e19 at the minimizer. */
        cr_assert_lt(r.iterations, 200, "%s: %ld iterations", p->name, r.iterations);
    }
}

/* Box 3-D, the problem of the report: the textbook shift let an overlong
 * step carry x2 from 10 to about 129, onto the plateau where the exponential
 * in x2 has died out (f -> 0.0756 there), and the method crawled. Now no
 * iterate leaves the neighbourhood of the start and the minimizer (1, 10, 1). */
Test(mgh, box_3d_stays_off_the_plateau)
{
    const opt_mgh_problem *p = get("box-3d");
    opt_objective o = opt_mgh_objective(p);
    double x[3], f;
    opt_mgh_start(p, x);
    struct path path = { 0 };
    opt_result r;
    cr_assert_eq(opt_newton(&o, x, &f, NULL, box_path, &path, &r), OPT_OK, "%s", r.reason);
    cr_assert_lt(path.x2_max, 20, "x2 reached %g", path.x2_max);
    cr_assert_lt(f, 1e-20);
    cr_assert_float_eq(x[0], 1, 1e-9);
    cr_assert_float_eq(x[1], 10, 1e-8);
    cr_assert_float_eq(x[2], 1, 1e-9);
}

/* Where f* is not 0 the gradient's rounding floor lies above the gradient
 * test: Jennrich-Sampson's g is a sum of terms of order 10^3 and stops near
 * 1e-6. The Newton decrement -g.d then falls below the rounding unit of f,
 * and the run stops there with success instead of spending its budget. */
Test(mgh, newton_decrement_stops_at_the_rounding_floor)
{
    const opt_mgh_problem *p = get("jennrich-sampson");
    opt_objective o = opt_mgh_objective(p);
    double x[2], f;
    opt_mgh_start(p, x);
    opt_result r;
    cr_assert_eq(opt_newton(&o, x, &f, NULL, NULL, NULL, &r), OPT_OK);
    cr_assert_str_eq(r.reason, "Newton decrement");
    cr_assert_lt(r.iterations, 20);
    cr_assert_float_eq(f, 124.362, 0.0005);
    cr_assert_float_eq(x[0], x[1], 1e-6, "the minimizer has x1 = x2 (the problem is symmetric)");
    cr_assert_float_eq(x[0], 0.2578, 0.00005);
}
