/* The stepper interface, gradient descent and the driver. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "opt.h"

Test(optim, registry_has_gd)
{
    cr_assert_eq(opt_stepper_lookup("gd"), opt_gd);
    cr_assert_null(opt_stepper_lookup("gdd"));
    const opt_stepper_type *const *all = opt_stepper_types();
    cr_assert_eq(all[0], opt_gd);
}

Test(optim, gd_three_steps_by_hand)
{
    /* f = 4x^2 + y^2 from (1, 1), lr 0.1: g = (8x, 2y), so each step
     * multiplies x by 1 - 0.8 = 0.2 and y by 1 - 0.2 = 0.8. */
    const opt_problem *p = opt_problem_lookup("quadratic");
    opt_objective o = opt_problem_objective(p);
    opt_stepper *s = opt_stepper_alloc(opt_gd, 2, NULL);
    double x[] = { 1, 1 }, g[2];
    double ex = 1, ey = 1;
    for (int k = 1; k <= 3; k++) {
        opt_eval(&o, x, g);
        cr_assert_eq(opt_stepper_step(s, x, g, 0.1), OPT_OK);
        ex *= 0.2;
        ey *= 0.8;
        cr_assert_float_eq(x[0], ex, 1e-15, "step %d", k);
        cr_assert_float_eq(x[1], ey, 1e-15, "step %d", k);
    }
    cr_assert_eq(s->t, 3);
    cr_assert_eq(opt_stepper_step(s, x, g, -1), OPT_EINVAL);
    cr_assert_eq(opt_stepper_step(s, x, g, NAN), OPT_EINVAL);
    opt_stepper_free(s);
}

Test(run, converges_with_gradient_test_and_records_trace)
{
    const opt_problem *p = opt_problem_lookup("quadratic");
    opt_objective o = opt_problem_objective(p);
    opt_stepper *s = opt_stepper_alloc(opt_gd, 2, NULL);
    opt_trace *tr = opt_trace_alloc(2);
    opt_run_params rp = opt_run_defaults();
    rp.lr = 0.1;
    rp.gtol = 1e-8;
    double x[] = { 1, 1 };
    opt_result r;
    cr_assert_eq(opt_run(&o, s, x, &rp, tr, &r), OPT_OK);
    cr_assert_str_eq(r.reason, "gradient norm");
    /* The y-coordinate decays as 0.8^k with gradient 2y: ||g|| <= 1e-8 once
     * 2 * 0.8^k <= 1e-8 (x decays much faster), i.e. k = 86. */
    cr_assert_eq(r.steps, 86);
    cr_assert_eq(tr->rows, 87);
    const double *row0 = opt_trace_row(tr, 0);
    cr_assert(row0[0] == 0 && row0[1] == 5 && row0[3] == 1 && row0[4] == 1);
    cr_assert_float_eq(row0[2], sqrt(64 + 4), 1e-14);
    cr_assert_lt(r.gnorm, 1e-8);
    opt_trace_free(tr);
    opt_stepper_free(s);
}

Test(run, diverges_above_two_over_lambda_max_and_says_when)
{
    /* Hessian diag(8, 2): GD diverges for lr > 2/8. With lr = 0.3 the
     * x-coordinate is multiplied by 1 - 2.4 = -1.4 each step; from x = 1,
     * f = 4 x^2 overflows to infinity when 1.4^(2k) > DBL_MAX / 4, i.e.
     * 2k ln 1.4 > ln(DBL_MAX / 4): k = 1053. */
    const opt_problem *p = opt_problem_lookup("quadratic");
    opt_objective o = opt_problem_objective(p);
    opt_stepper *s = opt_stepper_alloc(opt_gd, 2, NULL);
    opt_run_params rp = opt_run_defaults();
    rp.lr = 0.3;
    rp.max_steps = 100000;
    double x[] = { 1, 0 };
    opt_result r;
    cr_assert_eq(opt_run(&o, s, x, &rp, NULL, &r), OPT_EDIVERGED);
    long expect = (long)ceil(log(1.79769313486231570e308 / 4) / (2 * log(1.4)));
    /* The gradient 8x overflows a little earlier than f: accept either. */
    cr_assert(r.steps >= expect - 3 && r.steps <= expect, "diverged at %ld, expected about %ld",
              r.steps, expect);
    cr_assert_str_eq(r.reason, "diverged");
    opt_stepper_free(s);
}

Test(run, budget_and_relative_change)
{
    const opt_problem *p = opt_problem_lookup("rosenbrock");
    opt_objective o = opt_problem_objective(p);
    opt_stepper *s = opt_stepper_alloc(opt_gd, 2, NULL);
    opt_run_params rp = opt_run_defaults();
    rp.lr = 1e-3;
    rp.max_steps = 10;
    double x[] = { -1.2, 1 };
    opt_result r;
    cr_assert_eq(opt_run(&o, s, x, &rp, NULL, &r), OPT_EMAXITER);
    cr_assert_eq(r.steps, 10);
    cr_assert_eq(s->t, 10);
    rp.max_steps = 100000;
    rp.ftol = 1e-6;
    cr_assert_eq(opt_run(&o, s, x, &rp, NULL, &r), OPT_OK);
    cr_assert_str_eq(r.reason, "relative change");
    opt_stepper_free(s);
}

Test(run, trace_tsv_format)
{
    opt_trace *tr = opt_trace_alloc(2);
    double x0[] = { 0.1, -2 }, x1[] = { 1.0 / 3, 2e-300 };
    opt_trace_push(tr, 0, 1.5, 2.5, x0);
    opt_trace_push(tr, 1, 0.1, 0.2, x1);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    const char *meta[] = { "method", "gd", "lr", "0.1", NULL };
    cr_assert_eq(opt_trace_write_tsv(tr, f, meta), OPT_OK);
    fclose(f);
    cr_assert_str_eq(buf,
        "# method=gd\n# lr=0.1\n"
        "step\tf\tgnorm\tx1\tx2\n"
        "0\t1.5\t2.5\t0.10000000000000001\t-2\n"
        "1\t0.10000000000000001\t0.20000000000000001\t0.33333333333333331\t2.0000000000000001e-300\n");
    free(buf);
    opt_trace_free(tr);
}

Test(run, rejects_mismatched_sizes)
{
    opt_objective o = opt_saddle_objective();
    opt_stepper *s = opt_stepper_alloc(opt_gd, 3, NULL);
    opt_run_params rp = opt_run_defaults();
    double x[3] = { 0 };
    cr_assert_eq(opt_run(&o, s, x, &rp, NULL, NULL), OPT_EINVAL);
    opt_stepper_free(s);
    cr_assert_null(opt_stepper_alloc(opt_gd, 0, NULL));
}

Test(optim, parameter_groups)
{
    opt_stepper *s = opt_stepper_alloc(opt_gd, 5, NULL);
    size_t b, e;
    cr_assert_eq(s->ngroups, 1);
    opt_stepper_group(s, 0, &b, &e);
    cr_assert(b == 0 && e == 5);
    size_t bad[] = { 2, 2 }, good[] = { 2, 3 };
    cr_assert_eq(opt_stepper_set_groups(s, bad, 2), OPT_EINVAL);
    cr_assert_eq(opt_stepper_set_groups(s, good, 2), OPT_OK);
    opt_stepper_group(s, 1, &b, &e);
    cr_assert(b == 2 && e == 5);
    opt_stepper_free(s);
}
