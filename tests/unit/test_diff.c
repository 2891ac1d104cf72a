/* Finite differences and the gradient check. */
#include <criterion/criterion.h>
#include <math.h>
#include "opt.h"

/* f(x, y) = x^2 y + sin(y), gradient (2xy, x^2 + cos y). */
static double f_poly(const double *x, double *g, void *ctx)
{
    (void)ctx;
    if (g) {
        g[0] = 2 * x[0] * x[1];
        g[1] = x[0] * x[0] + cos(x[1]);
    }
    return x[0] * x[0] * x[1] + sin(x[1]);
}

static const opt_objective poly = { 2, f_poly, NULL, NULL, "poly" };

Test(diff, forward_truncation_is_first_order)
{
    /* d/dx of x^2 y at (1, 2): forward difference = 2xy + h y exactly up
     * to rounding, so the error is h * y = 2h. */
    double x[] = { 1, 2 }, g[2];
    cr_assert_eq(opt_grad_forward(&poly, x, 1e-3, g), OPT_OK);
    cr_assert_float_eq(g[0] - 4, 2e-3, 1e-9);
}

Test(diff, central_truncation_is_second_order)
{
    /* The central difference of x^2 y is exact; of sin y it is
     * sin'(y) (1 - h^2/6) + O(h^4). */
    double x[] = { 1, 2 }, g[2], h = 1e-3;
    cr_assert_eq(opt_grad_central(&poly, x, h, g), OPT_OK);
    cr_assert_float_eq(g[0], 4, 1e-9);
    double expect = 1 + cos(2.0) * (1 - h * h / 6);
    cr_assert_float_eq(g[1], expect, 1e-11);
}

Test(diff, input_not_modified_and_bad_args)
{
    double x[] = { 0.5, -1.5 }, g[2];
    cr_assert_eq(opt_grad_central(&poly, x, 1e-5, g), OPT_OK);
    cr_assert(x[0] == 0.5 && x[1] == -1.5);
    cr_assert_eq(opt_grad_central(&poly, x, 0, g), OPT_EINVAL);
    cr_assert_eq(opt_grad_forward(&poly, x, -1, g), OPT_EINVAL);
    cr_assert_eq(opt_grad_forward(&poly, x, NAN, g), OPT_EINVAL);
    cr_assert_eq(opt_grad_forward(NULL, x, 1e-5, g), OPT_EINVAL);
}

static double f_nan(const double *x, double *g, void *ctx)
{
    (void)ctx;
    if (g)
        g[0] = 1;
    return x[0] > 0 ? NAN : x[0];
}

Test(diff, non_finite_values_report_divergence)
{
    opt_objective o = { 1, f_nan, NULL, NULL, "nan" };
    double x[] = { 0 }, g[1];
    cr_assert_eq(opt_grad_central(&o, x, 1e-3, g), OPT_EDIVERGED);
    cr_assert_eq(opt_grad_forward(&o, x, 1e-3, g), OPT_EDIVERGED);
}

Test(diff, relative_error)
{
    cr_assert_eq(opt_rel_error(0, 0), 0);
    cr_assert_eq(opt_rel_error(2, 2), 0);
    cr_assert_float_eq(opt_rel_error(1, 1.1), 0.1 / 1.1, 1e-15);
    cr_assert_float_eq(opt_rel_error(-1, 1), 2, 1e-15);
    cr_assert_eq(opt_rel_error(0, 1e-300), 1);
}

static double f_wrong(const double *x, double *g, void *ctx)
{
    double f = f_poly(x, g, ctx);
    if (g)
        g[1] *= 1.01;   /* a 1 % bug */
    return f;
}

Test(diff, gradient_check_catches_a_wrong_gradient)
{
    double x[] = { 0.7, -0.3 }, err;
    size_t worst = 9;
    cr_assert_eq(opt_grad_check(&poly, x, 0, &err, &worst), OPT_OK);
    cr_assert_lt(err, 1e-9);
    opt_objective bad = { 2, f_wrong, NULL, NULL, "wrong" };
    cr_assert_eq(opt_grad_check(&bad, x, 0, &err, &worst), OPT_OK);
    cr_assert_float_eq(err, 0.01 / 1.01, 1e-8);
    cr_assert_eq(worst, 1);
}
