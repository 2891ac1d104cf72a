/* 04-momentum.c — autograder tests for Lab 04 (labs/04-momentum/exercise.h).
 *
 * One suite per exercise, named after the function. Every failure message
 * says what was checked, what was expected, what came back, and a hint.
 * A stub that returns OPT_ENOTIMPL fails every test with "not implemented".
 * Points and visibility: tests/grade/04-momentum.points.
 *
 * Expected values are worked out here independently (by hand, or with the
 * update formulas written out in plain loops), never taken from the
 * library's steppers.
 */
#define GRADE_LAB "04-momentum"
#include "grade.h"

/* f(x) = 4 x0^2 + x1^2, gradient (8 x0, 2 x1): the lab's bowl. */
static double f_bowl(const double *x, double *g, void *ctx)
{
    (void)ctx;
    if (g) {
        g[0] = 8 * x[0];
        g[1] = 2 * x[1];
    }
    return 4 * x[0] * x[0] + x[1] * x[1];
}

/* ======================================================================== */
/* Exercise 1: momentum_step                                                */
/* ======================================================================== */

#define MS "momentum_step"

Test(momentum_step, first_step, .timeout = 2.0,
     .description = "from v = 0: v = -eta g and x moves by v")
{
    double x[] = { 1, -2, 0.5 }, v[] = { 0, 0, 0 };
    const double g[] = { 4, -1, 10 };
    EXPECT_STATUS(MS, momentum_step(x, v, g, 3, 0.9, 0.1), OPT_OK, "on a first step", OK_HINT);
    const double v_want[] = { -0.4, 0.1, -1 }, x_want[] = { 0.6, -1.9, -0.5 };
    for (int i = 0; i < 3; i++) {
        cr_assert(close_to(v[i], v_want[i], 1e-14),
                  "v[%d] after one step from v = 0 with g = (4, -1, 10), eta = 0.1: expected "
                  "%s, got %s. Hint: v = alpha v - eta g; with v = 0 that is -eta g.",
                  i, grade_num(v_want[i]), grade_num(v[i]));
        cr_assert(close_to(x[i], x_want[i], 1e-14),
                  "x[%d] after one step from x = (1, -2, 0.5), v = 0, g = (4, -1, 10), "
                  "eta = 0.1: expected %s, got %s. Hint: x = x + v with the new v.",
                  i, grade_num(x_want[i]), grade_num(x[i]));
    }
}

Test(momentum_step, uses_the_new_velocity, .timeout = 2.0,
     .description = "x moves by the updated velocity, not the old one")
{
    double x[] = { 0 }, v[] = { 1 };
    const double g[] = { 2 };
    EXPECT_STATUS(MS, momentum_step(x, v, g, 1, 0.5, 0.25), OPT_OK, "with v = 1", OK_HINT);
    const char *hint = "update v first (v = 0.5 * 1 - 0.25 * 2 = 0), then x = x + v";
    if (close_to(x[0], 1, 1e-12))
        hint = "x moved by the OLD velocity 1: compute v = alpha v - eta g first, then x += v";
    cr_assert(close_to(v[0], 0, 1e-14) && close_to(x[0], 0, 1e-14),
              "one step from x = 0, v = 1 with g = 2, alpha = 0.5, eta = 0.25: expected "
              "v = 0 and x = 0, got v = %s, x = %s. Hint: %s.", grade_num(v[0]), grade_num(x[0]),
              hint);
}

Test(momentum_step, three_steps_on_the_bowl, .timeout = 2.0,
     .description = "three steps on 4 x0^2 + x1^2 against the formula")
{
    const double alpha = 0.3, eta = 0.2;
    double x[] = { -2.5, 2.5 }, v[] = { 0, 0 };
    double xw[] = { -2.5, 2.5 }, vw[] = { 0, 0 };
    for (int t = 1; t <= 3; t++) {
        double g[2], gw[2];
        f_bowl(x, g, NULL);
        f_bowl(xw, gw, NULL);
        EXPECT_STATUS(MS, momentum_step(x, v, g, 2, alpha, eta), OPT_OK, "on the bowl", OK_HINT);
        for (int i = 0; i < 2; i++) {
            vw[i] = alpha * vw[i] - eta * gw[i];
            xw[i] += vw[i];
        }
        for (int i = 0; i < 2; i++)
            cr_assert(close_to(x[i], xw[i], 1e-12) && close_to(v[i], vw[i], 1e-12),
                      "step %d on f = 4 x0^2 + x1^2 from (-2.5, 2.5), alpha = 0.3, eta = 0.2: "
                      "expected x[%d] = %s, v[%d] = %s; got x[%d] = %s, v[%d] = %s. "
                      "Hint: keep v between steps; v = alpha v - eta g, then x += v.",
                      t, i, grade_num(xw[i]), i, grade_num(vw[i]), i, grade_num(x[i]), i,
                      grade_num(v[i]));
    }
}

Test(momentum_step, unrolled_sum, .timeout = 2.0,
     .description = "after t steps, v = -eta sum_k alpha^(t-k) g_k")
{
    const double alpha = 0.8, eta = 0.05;
    const double grads[6] = { 1, -2, 3, 0.5, -4, 2.5 };
    double x[] = { 0 }, v[] = { 0 };
    for (int t = 1; t <= 6; t++) {
        EXPECT_STATUS(MS, momentum_step(x, v, &grads[t - 1], 1, alpha, eta), OPT_OK,
                      "on a sequence of gradients", OK_HINT);
        double sum = 0;
        for (int k = 1; k <= t; k++)
            sum += pow(alpha, t - k) * grads[k - 1];
        cr_assert(close_to(v[0], -eta * sum, 1e-12),
                  "velocity after %d steps with gradients 1, -2, 3, 0.5, -4, 2.5 (alpha = 0.8, "
                  "eta = 0.05): expected -eta sum_k alpha^(t-k) g_k = %s, got %s. Hint: "
                  "the old velocity is multiplied by alpha at every step, never reset.",
                  t, grade_num(-eta * sum), grade_num(v[0]));
    }
}

Test(momentum_step, alpha_zero_is_gradient_descent, .timeout = 2.0,
     .description = "alpha = 0: x = x - eta g, whatever v was")
{
    double x[] = { 3, -1 }, v[] = { 100, -100 };
    const double g[] = { 2, 4 };
    EXPECT_STATUS(MS, momentum_step(x, v, g, 2, 0, 0.5), OPT_OK, "with alpha = 0",
                  "alpha = 0 is valid: return OPT_OK.");
    cr_assert(close_to(x[0], 2, 1e-14) && close_to(x[1], -3, 1e-14),
              "alpha = 0, eta = 0.5 from x = (3, -1), g = (2, 4), old v = (100, -100): expected "
              "x = (2, -3), got (%s, %s). Hint: with alpha = 0 the old velocity must not count.",
              grade_num(x[0]), grade_num(x[1]));
}

Test(momentum_step, bad_arguments, .timeout = 2.0,
     .description = "NULLs, n = 0, alpha outside [0, 1), bad eta: OPT_EINVAL, nothing touched")
{
    double x[] = { 1 }, v[] = { 2 };
    const double g[] = { 3 };
    const char *hint = "check the pointers, n, 0 <= alpha < 1 and a finite eta >= 0 before "
                       "touching x or v (NaN fails every comparison: test alpha >= 0 && alpha < 1).";
    EXPECT_STATUS(MS, momentum_step(NULL, v, g, 1, 0.5, 0.1), OPT_EINVAL, "with x = NULL", hint);
    EXPECT_STATUS(MS, momentum_step(x, NULL, g, 1, 0.5, 0.1), OPT_EINVAL, "with v = NULL", hint);
    EXPECT_STATUS(MS, momentum_step(x, v, NULL, 1, 0.5, 0.1), OPT_EINVAL, "with g = NULL", hint);
    EXPECT_STATUS(MS, momentum_step(x, v, g, 0, 0.5, 0.1), OPT_EINVAL, "with n = 0", hint);
    EXPECT_STATUS(MS, momentum_step(x, v, g, 1, 1.0, 0.1), OPT_EINVAL, "with alpha = 1", hint);
    EXPECT_STATUS(MS, momentum_step(x, v, g, 1, -0.1, 0.1), OPT_EINVAL, "with alpha = -0.1", hint);
    EXPECT_STATUS(MS, momentum_step(x, v, g, 1, NAN, 0.1), OPT_EINVAL, "with alpha = NaN", hint);
    EXPECT_STATUS(MS, momentum_step(x, v, g, 1, 0.5, -0.1), OPT_EINVAL, "with eta = -0.1", hint);
    EXPECT_STATUS(MS, momentum_step(x, v, g, 1, 0.5, INFINITY), OPT_EINVAL, "with eta = infinity", hint);
    EXPECT_STATUS(MS, momentum_step(x, v, g, 1, 0.5, NAN), OPT_EINVAL, "with eta = NaN", hint);
    cr_assert(x[0] == 1 && v[0] == 2,
              "x and v after the rejected calls: expected (1, 2) untouched, got (%s, %s). "
              "Hint: return before writing anything.", grade_num(x[0]), grade_num(v[0]));
}

/* ======================================================================== */
/* Exercise 2: nesterov_step                                                */
/* ======================================================================== */

#define NS "nesterov_step"

/* The bowl, logging where its gradient was asked for. */
typedef struct probe { int gradient_calls; double at[2]; } probe;

static double f_bowl_logged(const double *x, double *g, void *ctx)
{
    probe *p = ctx;
    if (g) {
        p->gradient_calls++;
        p->at[0] = x[0];
        p->at[1] = x[1];
    }
    return f_bowl(x, g, NULL);
}

Test(nesterov_step, gradient_at_the_lookahead_point, .timeout = 2.0,
     .description = "one gradient evaluation per step, at x + rho v")
{
    probe p = { 0, { NAN, NAN } };
    opt_objective f = { 2, f_bowl_logged, NULL, &p, "bowl" };
    double x[] = { 1, 2 }, v[] = { -0.5, 0.25 };
    EXPECT_STATUS(NS, nesterov_step(&f, x, v, 0.8, 0.1), OPT_OK, "on the bowl", OK_HINT);
    cr_assert(p.gradient_calls == 1,
              "gradient evaluations in one step: expected exactly 1, got %d. Hint: call "
              "opt_eval(f, p, grad) once, with a gradient buffer.", p.gradient_calls);
    const char *hint = "the look-ahead point is x + rho v = (0.6, 2.2)";
    if (close_to(p.at[0], 1, 1e-12) && close_to(p.at[1], 2, 1e-12))
        hint = "you asked at x itself: that is plain momentum, Nesterov looks ahead to x + rho v";
    else if (close_to(p.at[0], 0.5, 1e-12) && close_to(p.at[1], 2.25, 1e-12))
        hint = "you asked at x + v: the look-ahead moves by rho v, the momentum part only";
    cr_assert(close_to(p.at[0], 0.6, 1e-14) && close_to(p.at[1], 2.2, 1e-14),
              "gradient asked for at (%s, %s) from x = (1, 2), v = (-0.5, 0.25), rho = 0.8: "
              "expected (0.6, 2.2). Hint: %s.", grade_num(p.at[0]), grade_num(p.at[1]), hint);
}

Test(nesterov_step, one_step_by_hand, .timeout = 2.0,
     .description = "x = (1, 2), v = (-0.5, 0.25), rho = 0.8, eta = 0.1 on the bowl")
{
    opt_objective f = { 2, f_bowl, NULL, NULL, "bowl" };
    double x[] = { 1, 2 }, v[] = { -0.5, 0.25 };
    EXPECT_STATUS(NS, nesterov_step(&f, x, v, 0.8, 0.1), OPT_OK, "on the bowl", OK_HINT);
    /* p = (0.6, 2.2), grad = (4.8, 4.4); v = (-0.4 - 0.48, 0.2 - 0.44) = (-0.88, -0.24);
     * x = (0.12, 1.76). */
    const double v_want[] = { -0.88, -0.24 }, x_want[] = { 0.12, 1.76 };
    for (int i = 0; i < 2; i++)
        cr_assert(close_to(v[i], v_want[i], 1e-14) && close_to(x[i], x_want[i], 1e-14),
                  "after one step: expected v[%d] = %s and x[%d] = %s, got v[%d] = %s and "
                  "x[%d] = %s. Hint: grad f(x + rho v) = (4.8, 4.4) here; then "
                  "v = rho v - eta grad and x = x + v.", i, grade_num(v_want[i]), i,
                  grade_num(x_want[i]), i, grade_num(v[i]),
                  i, grade_num(x[i]));
}

Test(nesterov_step, rho_zero_is_gradient_descent, .timeout = 2.0,
     .description = "rho = 0: x = x - eta grad f(x)")
{
    opt_objective f = { 2, f_bowl, NULL, NULL, "bowl" };
    double x[] = { 0.5, -1 }, v[] = { 3, 3 };
    EXPECT_STATUS(NS, nesterov_step(&f, x, v, 0, 0.1), OPT_OK, "with rho = 0",
                  "rho = 0 is valid: return OPT_OK.");
    cr_assert(close_to(x[0], 0.1, 1e-14) && close_to(x[1], -0.8, 1e-14),
              "rho = 0, eta = 0.1 from x = (0.5, -1), old v = (3, 3): expected gradient "
              "descent's x = (0.1, -0.8), got (%s, %s). Hint: with rho = 0 the look-ahead point "
              "is x and the old velocity must not count.", grade_num(x[0]), grade_num(x[1]));
}

/* f(x, y) = 0.1 x^2 + 2 y^2 + x y / 4 (a tilted valley). */
static double f_valley(const double *x, double *g, void *ctx)
{
    (void)ctx;
    if (g) {
        g[0] = 0.2 * x[0] + x[1] / 4;
        g[1] = 4 * x[1] + x[0] / 4;
    }
    return 0.1 * x[0] * x[0] + 2 * x[1] * x[1] + x[0] * x[1] / 4;
}

Test(nesterov_step, matches_pytorch_form, .timeout = 2.0,
     .description = "50 steps: x + rho v equals PyTorch's nesterov iterates")
{
    const double rho = 0.9, eta = 0.2;
    opt_objective f = { 2, f_valley, NULL, NULL, "valley" };
    double x[] = { -5, -2 }, v[] = { 0, 0 };
    /* PyTorch's SGD(nesterov=True): b = rho b + g (b = g on step 1);
     * y = y - eta (g + rho b), with the gradient at y itself. */
    double y[] = { -5, -2 }, b[] = { 0, 0 };
    for (int t = 1; t <= 50; t++) {
        EXPECT_STATUS(NS, nesterov_step(&f, x, v, rho, eta), OPT_OK, "on a valley", OK_HINT);
        double g[2];
        f_valley(y, g, NULL);
        for (int i = 0; i < 2; i++) {
            b[i] = rho * b[i] + g[i];
            y[i] -= eta * (g[i] + rho * b[i]);
        }
        for (int i = 0; i < 2; i++)
            cr_assert(fabs(x[i] + rho * v[i] - y[i]) <= 1e-10,
                      "step %d on 0.1x^2 + 2y^2 + xy/4 from (-5, -2), rho = 0.9, eta = 0.2: "
                      "x + rho v should equal PyTorch's Nesterov iterate; coordinate %d: "
                      "expected %s, got %s. Hint: the gradient belongs at x + rho v, "
                      "and v = rho v - eta grad before x = x + v.", t, i, grade_num(y[i]),
                      grade_num(x[i] + rho * v[i]));
    }
}

static double f_nan_ahead(const double *x, double *g, void *ctx)
{
    (void)ctx;
    if (g)
        g[0] = x[0] > 1.5 ? NAN : 2 * x[0];
    return x[0] * x[0];
}

Test(nesterov_step, non_finite_gradient, .timeout = 2.0,
     .description = "a NaN gradient at the look-ahead point: OPT_EDIVERGED, x and v untouched")
{
    opt_objective f = { 1, f_nan_ahead, NULL, NULL, "nan ahead" };
    double x[] = { 1 }, v[] = { 1 };     /* look-ahead 1.9: NaN */
    EXPECT_STATUS(NS, nesterov_step(&f, x, v, 0.9, 0.1), OPT_EDIVERGED,
                  "when the gradient at x + rho v is NaN",
                  "check every gradient entry with isfinite() before updating anything.");
    cr_assert(x[0] == 1 && v[0] == 1,
              "x and v after a NaN gradient: expected (1, 1) untouched, got (%s, %s). Hint: "
              "compute the gradient first, check it, and only then update v and x.",
              grade_num(x[0]), grade_num(v[0]));
}

Test(nesterov_step, bad_arguments, .timeout = 2.0,
     .description = "NULLs, n = 0, rho outside [0, 1), bad eta: OPT_EINVAL")
{
    opt_objective f = { 2, f_bowl, NULL, NULL, "bowl" };
    opt_objective empty = { 0, f_bowl, NULL, NULL, "n = 0" };
    opt_objective no_fdf = { 2, NULL, NULL, NULL, "no fdf" };
    double x[] = { 1, 1 }, v[] = { 0, 0 };
    const char *hint = "check f, f->fdf, x, v, f->n, 0 <= rho < 1 and a finite eta >= 0 first.";
    EXPECT_STATUS(NS, nesterov_step(NULL, x, v, 0.9, 0.1), OPT_EINVAL, "with f = NULL", hint);
    EXPECT_STATUS(NS, nesterov_step(&no_fdf, x, v, 0.9, 0.1), OPT_EINVAL, "with f->fdf = NULL", hint);
    EXPECT_STATUS(NS, nesterov_step(&empty, x, v, 0.9, 0.1), OPT_EINVAL, "with f->n = 0", hint);
    EXPECT_STATUS(NS, nesterov_step(&f, NULL, v, 0.9, 0.1), OPT_EINVAL, "with x = NULL", hint);
    EXPECT_STATUS(NS, nesterov_step(&f, x, NULL, 0.9, 0.1), OPT_EINVAL, "with v = NULL", hint);
    EXPECT_STATUS(NS, nesterov_step(&f, x, v, 1.0, 0.1), OPT_EINVAL, "with rho = 1", hint);
    EXPECT_STATUS(NS, nesterov_step(&f, x, v, NAN, 0.1), OPT_EINVAL, "with rho = NaN", hint);
    EXPECT_STATUS(NS, nesterov_step(&f, x, v, 0.9, -1), OPT_EINVAL, "with eta = -1", hint);
    EXPECT_STATUS(NS, nesterov_step(&f, x, v, 0.9, NAN), OPT_EINVAL, "with eta = NaN", hint);
    cr_assert(x[0] == 1 && x[1] == 1 && v[0] == 0 && v[1] == 0,
              "x and v after the rejected calls: expected untouched, got x = (%s, %s), "
              "v = (%s, %s).", grade_num(x[0]), grade_num(x[1]), grade_num(v[0]), grade_num(v[1]));
}

/* ======================================================================== */
/* Exercise 3: momentum_ema_params                                          */
/* ======================================================================== */

#define MEP "momentum_ema_params"

static void expect_map(double rho, double lr, double beta_want, double lr_want)
{
    double beta = NAN, lr_ema = NAN;
    EXPECT_STATUS(MEP, momentum_ema_params(rho, lr, &beta, &lr_ema), OPT_OK, "on valid input",
                  OK_HINT);
    const char *hint = "after one step form (a) has v = g and form (c) has v = (1 - beta) g";
    if (close_to(lr_ema, lr * (1 - rho), 1e-12) && rho > 0)
        hint = "you multiplied by (1 - rho): form (c)'s velocity is the SMALLER one, so its "
               "learning rate must be the larger one";
    else if (close_to(beta, 1 - rho, 1e-12) && rho != 0.5)
        hint = "beta weighs the OLD velocity in form (c), as rho does in form (a)";
    cr_assert(close_to(beta, beta_want, 1e-12) && close_to(lr_ema, lr_want, 1e-12),
              "rho = %s, lr = %s: expected beta = %s, lr_ema = %s; got beta = %s, "
              "lr_ema = %s. Hint: %s.", grade_num(rho), grade_num(lr), grade_num(beta_want),
              grade_num(lr_want), grade_num(beta), grade_num(lr_ema), hint);
}

Test(momentum_ema_params, by_hand, .timeout = 2.0,
     .description = "(0.9, 0.1) -> (0.9, 1); (0.5, 0.3) -> (0.5, 0.6); (0.99, 0.01) -> (0.99, 1)")
{
    expect_map(0.9, 0.1, 0.9, 1.0);
    expect_map(0.5, 0.3, 0.5, 0.6);
    expect_map(0.99, 0.01, 0.99, 1.0);
}

Test(momentum_ema_params, rho_zero, .timeout = 2.0,
     .description = "rho = 0: both forms are gradient descent with the same rate")
{
    expect_map(0, 0.25, 0, 0.25);
}

Test(momentum_ema_params, same_iterates, .timeout = 2.0,
     .description = "100 steps of both forms on the bowl agree to rounding")
{
    const double rho = 0.75, lr = 0.05;
    double beta = NAN, lr_ema = NAN;
    EXPECT_STATUS(MEP, momentum_ema_params(rho, lr, &beta, &lr_ema), OPT_OK, "on rho = 0.75",
                  OK_HINT);
    double xa[] = { -2.5, 2.5 }, va[] = { 0, 0 }, xc[] = { -2.5, 2.5 }, vc[] = { 0, 0 };
    for (int t = 1; t <= 100; t++) {
        double ga[2], gc[2];
        f_bowl(xa, ga, NULL);
        f_bowl(xc, gc, NULL);
        for (int i = 0; i < 2; i++) {
            va[i] = rho * va[i] + ga[i];                    /* form (a) */
            xa[i] -= lr * va[i];
            vc[i] = beta * vc[i] + (1 - beta) * gc[i];      /* form (c) */
            xc[i] -= lr_ema * vc[i];
        }
        for (int i = 0; i < 2; i++)
            cr_assert(fabs(xa[i] - xc[i]) <= 1e-12,
                      "step %d on 4x^2 + y^2, rho = 0.75, lr = 0.05, your beta = %s, "
                      "lr_ema = %s: form (a) gives x[%d] = %s, form (c) gives %s. Hint: "
                      "form (c)'s velocity is (1 - beta) times form (a)'s.",
                      t, grade_num(beta), grade_num(lr_ema), i, grade_num(xa[i]), grade_num(xc[i]));
    }
}

Test(momentum_ema_params, bad_arguments, .timeout = 2.0,
     .description = "rho outside [0, 1), lr <= 0 or not finite, NULL outputs: OPT_EINVAL")
{
    double beta = 42, lr_ema = 42;
    const char *hint = "check 0 <= rho < 1 (at rho = 1 the map divides by zero), a finite "
                       "lr > 0 and the two pointers, before writing anything.";
    EXPECT_STATUS(MEP, momentum_ema_params(1.0, 0.1, &beta, &lr_ema), OPT_EINVAL, "with rho = 1", hint);
    EXPECT_STATUS(MEP, momentum_ema_params(-0.5, 0.1, &beta, &lr_ema), OPT_EINVAL, "with rho = -0.5", hint);
    EXPECT_STATUS(MEP, momentum_ema_params(NAN, 0.1, &beta, &lr_ema), OPT_EINVAL, "with rho = NaN", hint);
    EXPECT_STATUS(MEP, momentum_ema_params(0.9, 0, &beta, &lr_ema), OPT_EINVAL, "with lr = 0", hint);
    EXPECT_STATUS(MEP, momentum_ema_params(0.9, -0.1, &beta, &lr_ema), OPT_EINVAL, "with lr = -0.1", hint);
    EXPECT_STATUS(MEP, momentum_ema_params(0.9, INFINITY, &beta, &lr_ema), OPT_EINVAL, "with lr = infinity", hint);
    EXPECT_STATUS(MEP, momentum_ema_params(0.9, 0.1, NULL, &lr_ema), OPT_EINVAL, "with beta = NULL", hint);
    EXPECT_STATUS(MEP, momentum_ema_params(0.9, 0.1, &beta, NULL), OPT_EINVAL, "with lr_ema = NULL", hint);
    cr_assert(beta == 42 && lr_ema == 42,
              "outputs after the rejected calls: expected untouched (42, 42), got (%s, %s).",
              grade_num(beta), grade_num(lr_ema));
}
