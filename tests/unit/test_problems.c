/* Every test problem: value at known points, gradient check, Hessian
 * against finite differences of the gradient. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdlib.h>
#include <gsl/gsl_randist.h>
#include "opt.h"

/* Max relative error between the analytic Hessian and central differences
 * of the analytic gradient, at x. */
static double hessian_check(const opt_objective *o, const double *x0)
{
    size_t n = o->n;
    double *H = malloc(n * n * sizeof *H), *x = malloc(n * sizeof *x);
    double *gp = malloc(n * sizeof *gp), *gm = malloc(n * sizeof *gm);
    cr_assert_eq(o->hess(x0, H, o->ctx), OPT_OK);
    double worst = 0, h = 1e-5;
    for (size_t j = 0; j < n; j++) {
        for (size_t i = 0; i < n; i++)
            x[i] = x0[i];
        x[j] = x0[j] + h;
        opt_eval(o, x, gp);
        x[j] = x0[j] - h;
        opt_eval(o, x, gm);
        for (size_t i = 0; i < n; i++) {
            double fd = (gp[i] - gm[i]) / (2 * h);
            double err = fabs(fd - H[i * n + j]) / fmax(1, fabs(H[i * n + j]));
            worst = fmax(worst, err);
            /* symmetry */
            cr_assert_eq(H[i * n + j], H[j * n + i]);
        }
    }
    free(H), free(x), free(gp), free(gm);
    return worst;
}

static void check_everywhere(const opt_objective *o, double lo, double hi, int hess)
{
    gsl_rng *r = opt_rng_alloc(7, 0);
    double *x = malloc(o->n * sizeof *x);
    for (int trial = 0; trial < 20; trial++) {
        for (size_t i = 0; i < o->n; i++)
            x[i] = lo + (hi - lo) * gsl_rng_uniform(r);
        double err;
        cr_assert_eq(opt_grad_check(o, x, 0, &err, NULL), OPT_OK);
        cr_assert_lt(err, 1e-6, "%s: gradient check error %g at trial %d", o->name, err, trial);
        if (hess)
            cr_assert_lt(hessian_check(o, x), 1e-6, "%s: Hessian", o->name);
    }
    free(x);
    gsl_rng_free(r);
}

Test(problems, rotated_quadratic_from_eigenvalues)
{
    opt_quad2 q;
    opt_quad2_rotated(&q, 4, 1, 0);
    cr_assert_float_eq(q.a11, 4, 1e-15);
    cr_assert_float_eq(q.a12, 0, 1e-15);
    cr_assert_float_eq(q.a22, 1, 1e-15);
    opt_quad2_rotated(&q, 4, 1, 45);
    cr_assert_float_eq(q.a11, 2.5, 1e-14);
    cr_assert_float_eq(q.a12, 1.5, 1e-14);
    cr_assert_float_eq(q.a22, 2.5, 1e-14);
    /* The eigenvector of lambda1 = 4 is (cos 45, sin 45): A v = 4 v. */
    double v[] = { sqrt(0.5), sqrt(0.5) }, g[2];
    opt_objective o = opt_quad2_objective(&q);
    double f = opt_eval(&o, v, g);
    cr_assert_float_eq(f, 4, 1e-14);           /* v^T A v = 4 |v|^2 */
    cr_assert_float_eq(g[0], 8 * v[0], 1e-14);  /* 2 A v */
    check_everywhere(&o, -3, 3, 1);
}

Test(problems, registry_quadratics_match_their_formulas)
{
    struct { const char *name; double l1, l2, th; } cases[] = {
        { "quadratic", 4, 1, 0 }, { "quadratic-rotated", 4, 1, 45 },
        { "ill-conditioned", 12, 1, 45 },
    };
    for (int c = 0; c < 3; c++) {
        const opt_problem *p = opt_problem_lookup(cases[c].name);
        cr_assert_not_null(p, "%s", cases[c].name);
        opt_quad2 q, *r = p->ctx;
        opt_quad2_rotated(&q, cases[c].l1, cases[c].l2, cases[c].th);
        cr_assert_float_eq(r->a11, q.a11, 1e-14);
        cr_assert_float_eq(r->a12, q.a12, 1e-14);
        cr_assert_float_eq(r->a22, q.a22, 1e-14);
    }
}

Test(problems, rosenbrock_values_and_derivatives)
{
    opt_rosenbrock r = { 2, 1, 100 };
    opt_objective o = opt_rosenbrock_objective(&r);
    double x[] = { -1.2, 1 }, g[2];
    /* f = (1 + 1.2)^2 + 100 (1 - 1.44)^2 = 4.84 + 19.36 = 24.2 */
    cr_assert_float_eq(opt_eval(&o, x, g), 24.2, 1e-12);
    /* df/dx = -2(1 - x) - 400 x (y - x^2) = -4.4 - 211.2 = -215.6 */
    cr_assert_float_eq(g[0], -215.6, 1e-10);
    /* df/dy = 200 (y - x^2) = -88 */
    cr_assert_float_eq(g[1], -88, 1e-10);
    double one[] = { 1, 1 };
    cr_assert_eq(opt_eval(&o, one, g), 0);
    cr_assert(g[0] == 0 && g[1] == 0);
    check_everywhere(&o, -2, 2, 1);
    opt_rosenbrock r5 = { 5, 1, 100 };
    opt_objective o5 = opt_rosenbrock_objective(&r5);
    check_everywhere(&o5, -2, 2, 1);
}

Test(problems, saddle_is_flat_at_origin_with_hessian_eigenvalues_2_and_minus_2)
{
    opt_objective o = opt_saddle_objective();
    double x[] = { 0, 0 }, g[2], H[4];
    cr_assert_eq(opt_eval(&o, x, g), 0);
    cr_assert(g[0] == 0 && g[1] == 0);
    o.hess(x, H, NULL);
    cr_assert(H[0] == 2 && H[3] == -2 && H[1] == 0 && H[2] == 0);
    check_everywhere(&o, -3, 3, 1);
}

Test(problems, hinge_loss_by_hand_and_gradient_check)
{
    /* Two examples, D = 2, K = 3. W rows: (1,0), (0,1), (1,1). */
    double X[] = { 1, 2, -1, 1 };
    int y[] = { 0, 2 };
    opt_hinge h = { 2, 2, 3, X, y, 1.0, 0.1 };
    opt_objective o = opt_hinge_objective(&h);
    double W[] = { 1, 0, 0, 1, 1, 1 }, g[6];
    /* Example 0: s = (1, 2, 3), y = 0: margins 2 - 1 + 1 = 2, 3 - 1 + 1 = 3.
     * Example 1: s = (-1, 1, 0), y = 2: margins -1 - 0 + 1 = 0, 1 - 0 + 1 = 2.
     * Data loss (2 + 3 + 0 + 2) / 2 = 3.5; L2: 0.1 * 4 = 0.4. */
    cr_assert_float_eq(opt_eval(&o, W, g), 3.9, 1e-14);
    /* dW_0 = (-2 x_0) / 2 + 0.2 W_0 = (-1, -2) + (0.2, 0) */
    cr_assert_float_eq(g[0], -0.8, 1e-14);
    cr_assert_float_eq(g[1], -2.0, 1e-14);
    /* dW_1 = (x_0 + x_1) / 2 + 0.2 W_1 = (0, 1.5) + (0, 0.2) */
    cr_assert_float_eq(g[2], 0.0, 1e-14);
    cr_assert_float_eq(g[3], 1.7, 1e-14);
    /* dW_2 = (x_0 - x_1) / 2 + 0.2 W_2 = (1, 0.5) + (0.2, 0.2) */
    cr_assert_float_eq(g[4], 1.2, 1e-14);
    cr_assert_float_eq(g[5], 0.7, 1e-14);

    /* Random data, away from kinks: the analytic gradient passes the check. */
    gsl_rng *r = opt_rng_alloc(3, 0);
    enum { N = 40, D = 5, K = 4 };
    double Xr[N * D], Wr[K * D];
    int yr[N];
    for (int i = 0; i < N * D; i++)
        Xr[i] = gsl_ran_gaussian_ziggurat(r, 1);
    for (int i = 0; i < N; i++)
        yr[i] = (int)gsl_rng_uniform_int(r, K);
    for (int i = 0; i < K * D; i++)
        Wr[i] = 0.01 * gsl_ran_gaussian_ziggurat(r, 1);
    opt_hinge hr = { N, D, K, Xr, yr, 1.0, 0.5 };
    opt_objective orr = opt_hinge_objective(&hr);
    double err;
    cr_assert_eq(opt_grad_check(&orr, Wr, 1e-6, &err, NULL), OPT_OK);
    cr_assert_lt(err, 1e-7, "hinge gradient check error %g", err);
    gsl_rng_free(r);
}

Test(problems, registry_lists_and_finds)
{
    size_t n;
    const opt_problem *all = opt_problem_list(&n);
    cr_assert_geq(n, 5);
    for (size_t i = 0; i < n; i++) {
        cr_assert_eq(opt_problem_lookup(all[i].name), &all[i]);
        opt_objective o = opt_problem_objective(&all[i]);
        cr_assert_eq(o.n, 2);
        check_everywhere(&o, -2, 2, o.hess != NULL);
    }
    cr_assert_null(opt_problem_lookup("rosenbruck"));
    cr_assert_null(opt_problem_lookup(NULL));
}

Test(problems, minima_of_beale_himmelblau_valley_and_the_cliff_wall)
{
    const struct { const char *name; double x, y; } minima[] = {
        { "beale", 3, 0.5 }, { "himmelblau", 3, 2 }, { "long-valley", 0, 0 },
    };
    for (int i = 0; i < 3; i++) {
        opt_objective o = opt_problem_objective(opt_problem_lookup(minima[i].name));
        double x[] = { minima[i].x, minima[i].y }, g[2];
        cr_assert_float_eq(opt_eval(&o, x, g), 0, 1e-15, "%s", minima[i].name);
        cr_assert(fabs(g[0]) < 1e-14 && fabs(g[1]) < 1e-14, "%s", minima[i].name);
    }
    /* The cliff's slope at the wall x = 1 is 0.1 + 200 / 4 = 50.1. */
    opt_objective c = opt_problem_objective(opt_problem_lookup("cliff"));
    double w[] = { 1, 0 }, g[2];
    cr_assert_float_eq(opt_eval(&c, w, g), 0.05 + 5, 1e-14);
    cr_assert_float_eq(g[0], 50.1, 1e-12);
    /* Beale's Hessian at b = 0, where a careless b^(k-2) would divide by 0 */
    opt_objective b = opt_problem_objective(opt_problem_lookup("beale"));
    double z[] = { 1.3, 0 };
    cr_assert_lt(hessian_check(&b, z), 1e-6);
}

Test(problems, more_garbow_hillstrom_problems)
{
    size_t n = 8;
    opt_objective probs[] = {
        { n, opt_ext_rosenbrock_fdf, NULL, &n, "ext-rosenbrock" },
        { n, opt_ext_powell_fdf, NULL, &n, "ext-powell" },
        { n, opt_trigonometric_fdf, NULL, &n, "trigonometric" },
    };
    void (*starts[])(double *, size_t) = { opt_ext_rosenbrock_start, opt_ext_powell_start,
                                           opt_trigonometric_start };
    /* The values at the standard starts: 24.2 per pair; 215 per Powell
     * block (25 + 5 + 1 + 10 * 16 ... = (3 - 10)^2 + 5 (0 - 1)^2 + (-1 - 0)^4 +
     * 10 (3 - 1)^4 = 49 + 5 + 1 + 160). */
    const double f0[] = { 24.2 * 4, 215.0 * 2, -1 };
    for (int c = 0; c < 3; c++) {
        double x[8], g[8];
        starts[c](x, n);
        double f = opt_eval(&probs[c], x, g);
        if (f0[c] > 0)
            cr_assert_float_eq(f, f0[c], 1e-12, "%s: f(x0) = %.17g", probs[c].name, f);
        check_everywhere(&probs[c], -1.5, 1.5, 0);
    }
    double zero[8] = { 0 }, g[8];
    cr_assert_eq(opt_eval(&probs[1], zero, g), 0);
    /* Trigonometric at 0: r_i = n - n + 0 - 0 = 0 */
    cr_assert_eq(opt_eval(&probs[2], zero, g), 0);
}
