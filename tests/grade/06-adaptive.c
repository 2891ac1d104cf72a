/* 06-adaptive.c — autograder tests for Lab 06 (labs/06-adaptive/exercise.h).
 *
 * One suite per exercise, named after the function. Every failure message
 * says what was checked, what was expected, what came back, and a hint.
 * A stub that returns OPT_ENOTIMPL fails every test with "not implemented".
 * Points and visibility: tests/grade/06-adaptive.points.
 *
 * Expected values are worked out here from the update formulas, step by
 * step in closed form, never taken from the library's steppers.
 */
#define GRADE_LAB "06-adaptive"
#include "grade.h"

/* ======================================================================== */
/* Exercise 1: adagrad_step                                                 */
/* ======================================================================== */

#define ADA "adagrad_step"

Test(adagrad_step, first_step, .timeout = 2.0,
     .description = "from G = 0 every coordinate moves by lr g / (|g| + eps): lr, whatever |g|")
{
    double x[] = { 1, -2, 0.5 }, G[] = { 0, 0, 0 };
    const double g[] = { 4, -0.001, 1e3 }, lr = 0.1, eps = 1e-8;
    EXPECT_STATUS(ADA, adagrad_step(x, G, g, 3, lr, eps), OPT_OK, "on a first step", OK_HINT);
    const double x0[] = { 1, -2, 0.5 };
    for (int i = 0; i < 3; i++) {
        cr_assert(rel_close(G[i], g[i] * g[i], 1e-15),
                  "G[%d] after the first step with g = %s: expected g^2 = %s, got %s. Hint: "
                  "G[i] = G[i] + g[i]^2.", i, grade_num(g[i]), grade_num(g[i] * g[i]),
                  grade_num(G[i]));
        const double want = x0[i] - lr * g[i] / (fabs(g[i]) + eps);
        const char *hint = "x[i] -= lr g[i] / (sqrt(G[i]) + eps) with the NEW G[i]: from G = 0 "
                           "that is lr times the sign of g.";
        if (close_to(x[i], x0[i] - lr * g[i], 1e-12) && fabs(g[i]) != 1)
            hint = "x moved by lr g, as plain gradient descent: divide by sqrt(G) + eps.";
        else if (close_to(x[i], x0[i] - lr * g[i] / sqrt(g[i] * g[i] + eps), 1e-12))
            hint = "eps goes outside the square root: sqrt(G) + eps, not sqrt(G + eps).";
        cr_assert(close_to(x[i], want, 1e-12),
                  "x[%d] after one AdaGrad step from x = %s with g = %s, lr = 0.1, eps = 1e-8: "
                  "expected %s, got %s. Hint: %s", i, grade_num(x0[i]), grade_num(g[i]),
                  grade_num(want), grade_num(x[i]), hint);
    }
}

Test(adagrad_step, three_steps, .timeout = 2.0,
     .description = "three steps with g = 2, -1, 0.5 worked out by hand")
{
    double x[] = { 1 }, G[] = { 0 };
    const double g[] = { 2, -1, 0.5 }, lr = 0.5;
    /* G = 4, 5, 5.25; each step divides by the root of the new G. */
    const double want[] = { 1 - 0.5 * 2 / 2,
                            1 - 0.5 * 2 / 2 + 0.5 * 1 / sqrt(5),
                            1 - 0.5 * 2 / 2 + 0.5 * 1 / sqrt(5) - 0.5 * 0.5 / sqrt(5.25) };
    const double wantG[] = { 4, 5, 5.25 };
    for (int k = 0; k < 3; k++) {
        EXPECT_STATUS(ADA, adagrad_step(x, G, &g[k], 1, lr, 0), OPT_OK, "on three steps", OK_HINT);
        cr_assert(rel_close(G[0], wantG[k], 1e-14),
                  "G after step %d (gradients 2, -1, 0.5): expected %s, got %s. Hint: add "
                  "g^2 to G at every step; never reset or average it.", k + 1, grade_num(wantG[k]),
                  grade_num(G[0]));
        cr_assert(close_to(x[0], want[k], 1e-13),
                  "x after step %d of AdaGrad from x = 1 (gradients 2, -1, 0.5, lr = 0.5, eps = "
                  "0): expected %s, got %s. Hint: update G first, then divide by its root.",
                  k + 1, grade_num(want[k]), grade_num(x[0]));
    }
}

Test(adagrad_step, step_decays, .timeout = 2.0,
     .description = "after 100 gradients of 1 the step is lr / 10: the sum only grows")
{
    double x[] = { 0 }, G[] = { 0 };
    const double g[] = { 1 };
    double before = 0;
    for (int k = 1; k <= 100; k++) {
        before = x[0];
        EXPECT_STATUS(ADA, adagrad_step(x, G, g, 1, 1.0, 0), OPT_OK, "on 100 equal gradients",
                      OK_HINT);
    }
    cr_assert(rel_close(G[0], 100, 1e-14),
              "G after 100 gradients of 1: expected 100 (their sum of squares), got %s. Hint: "
              "AdaGrad sums, G += g^2; a decaying average is RMSProp.", grade_num(G[0]));
    cr_assert(rel_close(before - x[0], 0.1, 1e-12),
              "the 100th step with g = 1, lr = 1: expected lr / sqrt(100) = 0.1, got %s. Hint: "
              "the step is lr g / sqrt(G) with G the sum of all squared gradients.",
              grade_num(before - x[0]));
}

Test(adagrad_step, eps_outside_sqrt, .timeout = 2.0,
     .description = "g = 1e-9 from G = 0 with eps = 1e-8 moves by lr / 11")
{
    double x[] = { 0 }, G[] = { 0 };
    const double g[] = { 1e-9 };
    EXPECT_STATUS(ADA, adagrad_step(x, G, g, 1, 1.0, 1e-8), OPT_OK, "on a tiny gradient", OK_HINT);
    const double want = -1e-9 / (1e-9 + 1e-8);
    cr_assert(rel_close(x[0], want, 1e-12),
              "one step with g = 1e-9, lr = 1, eps = 1e-8: expected -g / (|g| + eps) = -1/11 = "
              "%s, got %s. Hint: eps is added to sqrt(G), outside the root%s.", grade_num(want),
              grade_num(x[0]),
              rel_close(x[0], -1e-9 / sqrt(1e-18 + 1e-8), 1e-6) ? " (you put it inside)" : "");
}

Test(adagrad_step, zero_gradient, .timeout = 2.0,
     .description = "a coordinate that never had a gradient does not move (no 0/0)")
{
    double x[] = { 3, -1 }, G[] = { 0, 0 };
    const double g[] = { 0, 0 };
    EXPECT_STATUS(ADA, adagrad_step(x, G, g, 2, 0.5, 1e-10), OPT_OK, "on a zero gradient", OK_HINT);
    cr_assert(x[0] == 3 && x[1] == -1 && G[0] == 0 && G[1] == 0,
              "a zero gradient from G = 0: expected x = (3, -1) and G = (0, 0) unchanged, got x = "
              "(%s, %s), G = (%s, %s). Hint: with eps > 0 the step is 0 / (0 + eps) = 0, never "
              "0/0 = NaN.", grade_num(x[0]), grade_num(x[1]), grade_num(G[0]), grade_num(G[1]));
}

Test(adagrad_step, coordinates_independent, .timeout = 2.0,
     .description = "each coordinate uses its own G, from any state")
{
    double x[] = { 1, 2, 3, 4, 5 }, G[] = { 0, 1, 4, 9, 16 };
    const double g[] = { 1, 1, -2, 0, 3 }, lr = 0.3;
    EXPECT_STATUS(ADA, adagrad_step(x, G, g, 5, lr, 0), OPT_OK, "on five coordinates", OK_HINT);
    const double x0[] = { 1, 2, 3, 4, 5 }, G0[] = { 0, 1, 4, 9, 16 };
    for (int i = 0; i < 5; i++) {
        const double Gn = G0[i] + g[i] * g[i], want = x0[i] - lr * g[i] / sqrt(Gn);
        cr_assert(rel_close(G[i], Gn, 1e-14) && close_to(x[i], want, 1e-13),
                  "coordinate %d from G = %s with g = %s: expected G = %s and x = %s, got G = "
                  "%s and x = %s. Hint: loop over all n coordinates; G[i] and g[i] belong to "
                  "x[i] alone.", i, grade_num(G0[i]), grade_num(g[i]), grade_num(Gn),
                  grade_num(want), grade_num(G[i]), grade_num(x[i]));
    }
}

Test(adagrad_step, bad_arguments, .timeout = 2.0,
     .description = "NULL arrays, n = 0, bad lr or eps: OPT_EINVAL, nothing written")
{
    double x[] = { 1 }, G[] = { 2 };
    const double g[] = { 3 };
    const char *hint = "check every argument first: NULL arrays, n == 0, lr and eps finite and "
                       ">= 0 (NaN >= 0 is false).";
    EXPECT_STATUS(ADA, adagrad_step(NULL, G, g, 1, 0.1, 1e-8), OPT_EINVAL, "with x = NULL", hint);
    EXPECT_STATUS(ADA, adagrad_step(x, NULL, g, 1, 0.1, 1e-8), OPT_EINVAL, "with G = NULL", hint);
    EXPECT_STATUS(ADA, adagrad_step(x, G, NULL, 1, 0.1, 1e-8), OPT_EINVAL, "with g = NULL", hint);
    EXPECT_STATUS(ADA, adagrad_step(x, G, g, 0, 0.1, 1e-8), OPT_EINVAL, "with n = 0", hint);
    EXPECT_STATUS(ADA, adagrad_step(x, G, g, 1, -0.1, 1e-8), OPT_EINVAL, "with lr = -0.1", hint);
    EXPECT_STATUS(ADA, adagrad_step(x, G, g, 1, NAN, 1e-8), OPT_EINVAL, "with lr = NaN", hint);
    EXPECT_STATUS(ADA, adagrad_step(x, G, g, 1, 0.1, -1e-8), OPT_EINVAL, "with eps = -1e-8", hint);
    EXPECT_STATUS(ADA, adagrad_step(x, G, g, 1, 0.1, INFINITY), OPT_EINVAL, "with eps = inf", hint);
    cr_assert(x[0] == 1 && G[0] == 2,
              "after the refused calls: expected x = 1 and G = 2 untouched, got x = %s, G = %s. "
              "Hint: validate before you write anything.", grade_num(x[0]), grade_num(G[0]));
}

/* ======================================================================== */
/* Exercise 2: rmsprop_step                                                 */
/* ======================================================================== */

#define RMS "rmsprop_step"

Test(rmsprop_step, first_step, .timeout = 2.0,
     .description = "from v = 0 with alpha = 0.99 the first step is 10 lr, whatever |g|")
{
    double x[] = { 0, 0 }, v[] = { 0, 0 };
    const double g[] = { 3, -0.02 }, lr = 0.01, eps = 1e-8;
    EXPECT_STATUS(RMS, rmsprop_step(x, v, g, 2, lr, 0.99, eps), OPT_OK, "on a first step", OK_HINT);
    for (int i = 0; i < 2; i++) {
        const double vi = (1 - 0.99) * g[i] * g[i];
        const double want = -lr * g[i] / (sqrt(vi) + eps);
        cr_assert(rel_close(v[i], vi, 1e-13),
                  "v[%d] after the first step with g = %s, alpha = 0.99: expected (1 - alpha) g^2 "
                  "= %s, got %s. Hint: v = alpha v + (1 - alpha) g^2%s.", i, grade_num(g[i]),
                  grade_num(vi), grade_num(v[i]),
                  rel_close(v[i], 0.99 * g[i] * g[i], 1e-9) ? " (you swapped alpha and 1 - alpha)"
                                                            : "");
        cr_assert(rel_close(x[i], want, 1e-12),
                  "x[%d] after one RMSProp step with g = %s, lr = 0.01: expected %s (about 10 "
                  "lr against the sign of g), got %s. Hint: divide by sqrt(v) + eps with the "
                  "NEW v, and apply no bias correction.", i, grade_num(g[i]), grade_num(want),
                  grade_num(x[i]));
    }
}

Test(rmsprop_step, three_steps, .timeout = 2.0,
     .description = "three steps with alpha = 0.9 and g = 1, 2, -1 worked out by hand")
{
    double x[] = { 0 }, v[] = { 0 };
    const double g[] = { 1, 2, -1 }, lr = 0.1;
    /* v = 0.1, 0.09 + 0.4 = 0.49, 0.441 + 0.1 = 0.541. */
    const double wantv[] = { 0.1, 0.49, 0.541 };
    const double want[] = { -0.1 / sqrt(0.1), -0.1 / sqrt(0.1) - 0.1 * 2 / 0.7,
                            -0.1 / sqrt(0.1) - 0.1 * 2 / 0.7 + 0.1 / sqrt(0.541) };
    for (int k = 0; k < 3; k++) {
        EXPECT_STATUS(RMS, rmsprop_step(x, v, &g[k], 1, lr, 0.9, 0), OPT_OK, "on three steps",
                      OK_HINT);
        cr_assert(rel_close(v[0], wantv[k], 1e-13),
                  "v after step %d (alpha = 0.9, gradients 1, 2, -1): expected %s, got %s. "
                  "Hint: v = alpha v + (1 - alpha) g^2, a leaky average, not a sum.",
                  k + 1, grade_num(wantv[k]), grade_num(v[0]));
        cr_assert(close_to(x[0], want[k], 1e-13),
                  "x after step %d of RMSProp from 0 (alpha = 0.9, lr = 0.1, eps = 0): expected "
                  "%s, got %s. Hint: x -= lr g / (sqrt(v) + eps) with the new v.",
                  k + 1, grade_num(want[k]), grade_num(x[0]));
    }
}

Test(rmsprop_step, forgets, .timeout = 2.0,
     .description = "after 2000 gradients of 1 the step is back to lr (unlike AdaGrad)")
{
    double x[] = { 0 }, v[] = { 0 }, before = 0;
    const double g[] = { 1 };
    for (int k = 1; k <= 2000; k++) {
        before = x[0];
        EXPECT_STATUS(RMS, rmsprop_step(x, v, g, 1, 1.0, 0.99, 0), OPT_OK,
                      "on 2000 equal gradients", OK_HINT);
    }
    const double wantv = 1 - pow(0.99, 2000);
    cr_assert(rel_close(v[0], wantv, 1e-10),
              "v after 2000 gradients of 1 (alpha = 0.99): expected 1 - 0.99^2000 = %s, got "
              "%s. Hint: the average forgets; it must not grow beyond the size of g^2.",
              grade_num(wantv), grade_num(v[0]));
    cr_assert(rel_close(before - x[0], 1 / sqrt(wantv), 1e-10),
              "the 2000th step with g = 1, lr = 1: expected about lr = %s, got %s. Hint: "
              "RMSProp's step does not decay like AdaGrad's: v = alpha v + (1 - alpha) g^2.",
              grade_num(1 / sqrt(wantv)), grade_num(before - x[0]));
}

Test(rmsprop_step, alpha_weighs_the_past, .timeout = 2.0,
     .description = "with g = 0, v shrinks to alpha v and x stays")
{
    double x[] = { 5 }, v[] = { 4 };
    const double g[] = { 0 };
    EXPECT_STATUS(RMS, rmsprop_step(x, v, g, 1, 0.1, 0.99, 1e-8), OPT_OK, "on a zero gradient",
                  OK_HINT);
    cr_assert(rel_close(v[0], 3.96, 1e-14),
              "v from 4 with g = 0, alpha = 0.99: expected alpha v = 3.96, got %s. Hint: alpha "
              "weighs the old average and 1 - alpha the new square%s.", grade_num(v[0]),
              rel_close(v[0], 0.04, 1e-9) ? " (you swapped them)" : "");
    cr_assert(x[0] == 5, "x with g = 0: expected 5 unchanged, got %s. Hint: the step is "
              "lr g / (sqrt(v) + eps) = 0.", grade_num(x[0]));
}

Test(rmsprop_step, eps_outside_sqrt, .timeout = 2.0,
     .description = "alpha = 0, g = 1e-9, eps = 1e-8: the step is lr / 11")
{
    double x[] = { 0 }, v[] = { 0 };
    const double g[] = { 1e-9 };
    EXPECT_STATUS(RMS, rmsprop_step(x, v, g, 1, 1.0, 0, 1e-8), OPT_OK, "with alpha = 0", OK_HINT);
    const double want = -1e-9 / (1e-9 + 1e-8);
    cr_assert(rel_close(x[0], want, 1e-12),
              "one step with alpha = 0 (v = g^2), g = 1e-9, lr = 1, eps = 1e-8: expected -1/11 = "
              "%s, got %s. Hint: eps is added to sqrt(v), outside the root.", grade_num(want),
              grade_num(x[0]));
}

Test(rmsprop_step, bad_arguments, .timeout = 2.0,
     .description = "NULL arrays, n = 0, bad lr, eps or alpha: OPT_EINVAL, nothing written")
{
    double x[] = { 1 }, v[] = { 2 };
    const double g[] = { 3 };
    const char *hint = "check every argument first: NULL arrays, n == 0, lr and eps finite and "
                       ">= 0, 0 <= alpha < 1 (NaN fails every comparison).";
    EXPECT_STATUS(RMS, rmsprop_step(NULL, v, g, 1, 0.1, 0.99, 1e-8), OPT_EINVAL, "with x = NULL", hint);
    EXPECT_STATUS(RMS, rmsprop_step(x, NULL, g, 1, 0.1, 0.99, 1e-8), OPT_EINVAL, "with v = NULL", hint);
    EXPECT_STATUS(RMS, rmsprop_step(x, v, NULL, 1, 0.1, 0.99, 1e-8), OPT_EINVAL, "with g = NULL", hint);
    EXPECT_STATUS(RMS, rmsprop_step(x, v, g, 0, 0.1, 0.99, 1e-8), OPT_EINVAL, "with n = 0", hint);
    EXPECT_STATUS(RMS, rmsprop_step(x, v, g, 1, -1, 0.99, 1e-8), OPT_EINVAL, "with lr = -1", hint);
    EXPECT_STATUS(RMS, rmsprop_step(x, v, g, 1, 0.1, 1, 1e-8), OPT_EINVAL, "with alpha = 1", hint);
    EXPECT_STATUS(RMS, rmsprop_step(x, v, g, 1, 0.1, -0.5, 1e-8), OPT_EINVAL, "with alpha = -0.5",
                  hint);
    EXPECT_STATUS(RMS, rmsprop_step(x, v, g, 1, 0.1, NAN, 1e-8), OPT_EINVAL, "with alpha = NaN", hint);
    EXPECT_STATUS(RMS, rmsprop_step(x, v, g, 1, 0.1, 0.99, NAN), OPT_EINVAL, "with eps = NaN", hint);
    cr_assert(x[0] == 1 && v[0] == 2,
              "after the refused calls: expected x = 1 and v = 2 untouched, got x = %s, v = %s. "
              "Hint: validate before you write anything.", grade_num(x[0]), grade_num(v[0]));
}

/* ======================================================================== */
/* Exercise 3: adam_step                                                    */
/* ======================================================================== */

#define ADAM "adam_step"

/* A hint for a wrong first step from the size it came out. */
static const char *first_step_hint(double ratio)
{
    if (rel_close(ratio, 0.1 / sqrt(0.001), 1e-4))
        return "the step is 3.16 lr: the bias correction is missing (divide m by 1 - beta1^t "
               "and v by 1 - beta2^t)";
    if (rel_close(ratio, 0.1, 1e-4))
        return "the step is 0.1 lr: m is corrected but v is not, or v is corrected twice";
    if (rel_close(ratio, 1 / sqrt(0.001), 1e-4))
        return "the step is 31.6 lr: v is corrected but m is not";
    return "with m = v = 0 and t = 1, m_hat = g and v_hat = g^2, so the step is lr g / (|g| + eps)";
}

Test(adam_step, first_step_is_lr_sign, .timeout = 2.0,
     .description = "the first step is lr g / (|g| + eps), i.e. lr sign(g), for any |g|")
{
    double x[4] = { 0, 0, 0, 0 }, m[4] = { 0 }, v[4] = { 0 };
    const double g[] = { 3, -1e-3, 1e4, -0.5 }, lr = 1e-3, eps = 1e-8;
    EXPECT_STATUS(ADAM, adam_step(x, m, v, g, 4, 1, lr, 0.9, 0.999, eps), OPT_OK, "on a first step",
                  OK_HINT);
    for (int i = 0; i < 4; i++) {
        const double want = -lr * g[i] / (fabs(g[i]) + eps);
        cr_assert(rel_close(x[i], want, 1e-9),
                  "x[%d] after Adam's first step with g = %s, lr = 1e-3: expected %s (lr against "
                  "the sign of g), got %s. Hint: %s.", i, grade_num(g[i]), grade_num(want),
                  grade_num(x[i]),
                  first_step_hint(fabs(x[i]) / lr));
    }
}

Test(adam_step, constant_gradient, .timeout = 2.0,
     .description = "50 steps of g = 1: every step is lr (the correction works at every t)")
{
    double x[] = { 0 }, m[] = { 0 }, v[] = { 0 };
    const double g[] = { 1 };
    for (long t = 1; t <= 50; t++) {
        const double before = x[0];
        EXPECT_STATUS(ADAM, adam_step(x, m, v, g, 1, t, 0.01, 0.9, 0.999, 0), OPT_OK,
                      "on 50 equal gradients", OK_HINT);
        cr_assert(rel_close(before - x[0], 0.01, 1e-9),
                  "step %ld with g = 1 at every step, lr = 0.01, eps = 0: expected exactly lr = "
                  "0.01 (m_hat = 1, v_hat = 1), got %s. Hint: at step t divide m by 1 - "
                  "0.9^t and v by 1 - 0.999^t, with this call's t.", t, grade_num(before - x[0]));
    }
}

Test(adam_step, three_steps, .timeout = 2.0,
     .description = "three steps with g = 1, -2, 0.5 worked out by hand")
{
    double x[] = { 1 }, m[] = { 0 }, v[] = { 0 };
    const double g[] = { 1, -2, 0.5 }, lr = 0.1, eps = 1e-8;
    /* m = 0.1, 0.09 - 0.2 = -0.11, -0.099 + 0.05 = -0.049;
     * v = 0.001, 0.000999 + 0.004 = 0.004999, 0.004994001 + 0.00025 = 0.005244001. */
    const double mm[] = { 0.1, -0.11, -0.049 }, vv[] = { 0.001, 0.004999, 0.005244001 };
    const double c1[] = { 0.1, 0.19, 0.271 }, c2[] = { 0.001, 0.001999, 0.002997001 };
    double want = 1;
    for (int k = 0; k < 3; k++) {
        EXPECT_STATUS(ADAM, adam_step(x, m, v, &g[k], 1, k + 1, lr, 0.9, 0.999, eps), OPT_OK,
                      "on three steps", OK_HINT);
        want -= lr * (mm[k] / c1[k]) / (sqrt(vv[k] / c2[k]) + eps);
        cr_assert(rel_close(m[0], mm[k], 1e-12) && rel_close(v[0], vv[k], 1e-12),
                  "m and v after step %d (gradients 1, -2, 0.5): expected m = %s, v = %s, got m = "
                  "%s, v = %s. Hint: store the UNcorrected averages m = beta1 m + (1 - "
                  "beta1) g and v = beta2 v + (1 - beta2) g^2; correct only inside the step.",
                  k + 1, grade_num(mm[k]), grade_num(vv[k]), grade_num(m[0]), grade_num(v[0]));
        cr_assert(close_to(x[0], want, 1e-12),
                  "x after step %d of Adam from 1 (gradients 1, -2, 0.5, lr = 0.1): expected "
                  "%s, got %s. Hint: m_hat = m / (1 - 0.9^t), v_hat = v / (1 - 0.999^t), "
                  "x -= lr m_hat / (sqrt(v_hat) + eps).", k + 1, grade_num(want), grade_num(x[0]));
    }
}

Test(adam_step, step_ten, .timeout = 2.0,
     .description = "one step from m = 0.3, v = 0.02 at t = 10 corrects with beta^10")
{
    double x[] = { 2 }, m[] = { 0.3 }, v[] = { 0.02 };
    const double g[] = { -0.4 }, lr = 0.05, eps = 1e-8;
    EXPECT_STATUS(ADAM, adam_step(x, m, v, g, 1, 10, lr, 0.9, 0.999, eps), OPT_OK, "at t = 10",
                  OK_HINT);
    const double mn = 0.9 * 0.3 + 0.1 * -0.4, vn = 0.999 * 0.02 + 0.001 * 0.16;
    const double step = lr * (mn / (1 - pow(0.9, 10))) / (sqrt(vn / (1 - pow(0.999, 10))) + eps);
    const double want = 2 - step;
    const char *hint = "use t itself in 1 - beta1^t and 1 - beta2^t";
    for (int d = -1; d <= 1; d += 2) {
        const double s = lr * (mn / (1 - pow(0.9, 10 + d)))
                         / (sqrt(vn / (1 - pow(0.999, 10 + d))) + eps);
        if (close_to(x[0], 2 - s, 1e-12))
            hint = d < 0 ? "you corrected with t - 1: this call is step t itself"
                         : "you corrected with t + 1: t already counts this step";
    }
    cr_assert(close_to(x[0], want, 1e-12),
              "x after one Adam step at t = 10 from x = 2, m = 0.3, v = 0.02 with g = -0.4, lr = "
              "0.05: expected %s, got %s. Hint: %s.", grade_num(want), grade_num(x[0]), hint);
}

Test(adam_step, stores_uncorrected, .timeout = 2.0,
     .description = "after the first step m = (1 - beta1) g and v = (1 - beta2) g^2")
{
    double x[] = { 0 }, m[] = { 0 }, v[] = { 0 };
    const double g[] = { 2 };
    EXPECT_STATUS(ADAM, adam_step(x, m, v, g, 1, 1, 0.1, 0.9, 0.999, 1e-8), OPT_OK,
                  "on a first step", OK_HINT);
    cr_assert(rel_close(m[0], 0.2, 1e-13) && rel_close(v[0], 0.004, 1e-13),
              "m and v after the first step with g = 2: expected m = 0.2 and v = 0.004 (the "
              "moving averages, uncorrected), got m = %s, v = %s. Hint: %s", grade_num(m[0]),
              grade_num(v[0]),
              rel_close(m[0], 2, 1e-9) ? "you stored m_hat in m; the next step would correct it "
                                         "again. Keep m_hat in a local variable."
                                       : "m = beta1 m + (1 - beta1) g, v = beta2 v + (1 - beta2) g^2.");
}

Test(adam_step, bad_arguments, .timeout = 2.0,
     .description = "NULL arrays, n = 0, t < 1, bad lr, eps or betas: OPT_EINVAL, nothing written")
{
    double x[] = { 1 }, m[] = { 2 }, v[] = { 3 };
    const double g[] = { 4 };
    const char *hint = "check every argument first: NULL arrays, n == 0, t >= 1, lr and eps "
                       "finite and >= 0, 0 <= beta1, beta2 < 1.";
    EXPECT_STATUS(ADAM, adam_step(NULL, m, v, g, 1, 1, 0.1, 0.9, 0.999, 1e-8), OPT_EINVAL,
                  "with x = NULL", hint);
    EXPECT_STATUS(ADAM, adam_step(x, NULL, v, g, 1, 1, 0.1, 0.9, 0.999, 1e-8), OPT_EINVAL,
                  "with m = NULL", hint);
    EXPECT_STATUS(ADAM, adam_step(x, m, NULL, g, 1, 1, 0.1, 0.9, 0.999, 1e-8), OPT_EINVAL,
                  "with v = NULL", hint);
    EXPECT_STATUS(ADAM, adam_step(x, m, v, NULL, 1, 1, 0.1, 0.9, 0.999, 1e-8), OPT_EINVAL,
                  "with g = NULL", hint);
    EXPECT_STATUS(ADAM, adam_step(x, m, v, g, 0, 1, 0.1, 0.9, 0.999, 1e-8), OPT_EINVAL,
                  "with n = 0", hint);
    EXPECT_STATUS(ADAM, adam_step(x, m, v, g, 1, 0, 0.1, 0.9, 0.999, 1e-8), OPT_EINVAL,
                  "with t = 0 (the first step is t = 1)", hint);
    EXPECT_STATUS(ADAM, adam_step(x, m, v, g, 1, 1, -0.1, 0.9, 0.999, 1e-8), OPT_EINVAL,
                  "with lr = -0.1", hint);
    EXPECT_STATUS(ADAM, adam_step(x, m, v, g, 1, 1, 0.1, 1, 0.999, 1e-8), OPT_EINVAL,
                  "with beta1 = 1", hint);
    EXPECT_STATUS(ADAM, adam_step(x, m, v, g, 1, 1, 0.1, 0.9, NAN, 1e-8), OPT_EINVAL,
                  "with beta2 = NaN", hint);
    EXPECT_STATUS(ADAM, adam_step(x, m, v, g, 1, 1, 0.1, 0.9, 0.999, -1), OPT_EINVAL,
                  "with eps = -1", hint);
    cr_assert(x[0] == 1 && m[0] == 2 && v[0] == 3,
              "after the refused calls: expected x = 1, m = 2, v = 3 untouched, got %s, %s, %s. "
              "Hint: validate before you write anything.", grade_num(x[0]), grade_num(m[0]),
              grade_num(v[0]));
}
