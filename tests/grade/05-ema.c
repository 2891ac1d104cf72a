/* 05-ema.c — autograder tests for Lab 05 (labs/05-ema/exercise.h).
 *
 * One suite per exercise, named after the function. Every failure message
 * says what was checked, what was expected, what came back, and a hint.
 * A stub that returns OPT_ENOTIMPL fails every test with "not implemented".
 * Points and visibility: tests/grade/05-ema.points.
 *
 * Expected values are worked out here independently (by hand, in closed
 * form, or in long double), never taken from the library's ema module.
 */
#define GRADE_LAB "05-ema"
#include "grade.h"

/* ======================================================================== */
/* Exercise 1: ema_update                                                   */
/* ======================================================================== */

#define EU "ema_update"

Test(ema_update, lecture_first_values, .timeout = 2.0,
     .description = "beta = 0.9: v1 = 0.1 x1, v2 = 0.09 x1 + 0.1 x2")
{
    const double x1 = 4, x2 = 9;    /* the lecture's x_1 = 4, x_2 = 9 */
    double v = 0;
    EXPECT_STATUS(EU, ema_update(&v, x1, 0.9), OPT_OK, "on the first value", OK_HINT);
    const char *hint = "v = beta v + (1 - beta) x: from v = 0 that is 0.1 x_1";
    if (close_to(v, 3.6, 1e-12))
        hint = "you gave the new value the weight beta; it gets 1 - beta, the old average beta";
    cr_assert(close_to(v, 0.4, 1e-14),
              "v_1 with beta = 0.9 from v_0 = 0 and x_1 = 4: expected 0.1 x_1 = 0.4, got %s. "
              "Hint: %s.", grade_num(v), hint);
    EXPECT_STATUS(EU, ema_update(&v, x2, 0.9), OPT_OK, "on the second value", OK_HINT);
    cr_assert(close_to(v, 0.09 * x1 + 0.1 * x2, 1e-14),
              "v_2 with beta = 0.9, x_1 = 4, x_2 = 9: expected 0.09 x_1 + 0.1 x_2 = 1.26, got "
              "%s. Hint: the old average keeps the weight beta = 0.9.", grade_num(v));
}

Test(ema_update, beta_zero_forgets, .timeout = 2.0,
     .description = "beta = 0: v becomes x")
{
    double v = 123;
    EXPECT_STATUS(EU, ema_update(&v, -7.5, 0), OPT_OK, "with beta = 0",
                  "beta = 0 is valid: return OPT_OK.");
    cr_assert(v == -7.5,
              "beta = 0 from v = 123 with x = -7.5: expected v = -7.5 (no memory), got %s. "
              "Hint: v = 0 * v + 1 * x.", grade_num(v));
}

Test(ema_update, constant_series, .timeout = 2.0,
     .description = "a constant c: after k values v = c (1 - beta^k)")
{
    const double c = 20, beta = 0.95;
    double v = 0;
    for (int k = 1; k <= 200; k++) {
        EXPECT_STATUS(EU, ema_update(&v, c, beta), OPT_OK, "on a constant series", OK_HINT);
        const double want = c * (1 - pow(beta, k));
        cr_assert(close_to(v, want, 1e-12),
                  "after %d values of 20 with beta = 0.95 from v = 0: expected "
                  "20 (1 - 0.95^%d) = %s, got %s. Hint: the average must keep its value "
                  "between calls (it is *v) and mix in each new x with weight 1 - beta.",
                  k, k, grade_num(want), grade_num(v));
    }
}

Test(ema_update, weights_of_a_sequence, .timeout = 2.0,
     .description = "v_k = (1 - beta) sum_j beta^(k-j) x_j for a short sequence")
{
    const double xs[5] = { 1, -3, 2.5, 10, 0.25 }, beta = 0.6;
    double v = 0;
    for (int k = 1; k <= 5; k++) {
        EXPECT_STATUS(EU, ema_update(&v, xs[k - 1], beta), OPT_OK, "on a sequence", OK_HINT);
        double want = 0;
        for (int j = 1; j <= k; j++)
            want += (1 - beta) * pow(beta, k - j) * xs[j - 1];
        cr_assert(close_to(v, want, 1e-13),
                  "v_%d of 1, -3, 2.5, 10, 0.25 with beta = 0.6: expected %s, got %s. "
                  "Hint: the unrolled average weighs x_j by (1 - beta) beta^(k - j).",
                  k, grade_num(want), grade_num(v));
    }
}

Test(ema_update, bad_arguments, .timeout = 2.0,
     .description = "NULL, beta outside [0, 1), NaN or infinite values: OPT_EINVAL")
{
    double v = 5;
    const char *hint = "check v for NULL, 0 <= beta < 1 (NaN fails every comparison), and "
                       "that x and *v are finite, before changing *v.";
    EXPECT_STATUS(EU, ema_update(NULL, 1, 0.9), OPT_EINVAL, "with v = NULL", hint);
    EXPECT_STATUS(EU, ema_update(&v, 1, 1.0), OPT_EINVAL, "with beta = 1", hint);
    EXPECT_STATUS(EU, ema_update(&v, 1, -0.1), OPT_EINVAL, "with beta = -0.1", hint);
    EXPECT_STATUS(EU, ema_update(&v, 1, NAN), OPT_EINVAL, "with beta = NaN", hint);
    EXPECT_STATUS(EU, ema_update(&v, NAN, 0.9), OPT_EINVAL, "with x = NaN", hint);
    EXPECT_STATUS(EU, ema_update(&v, INFINITY, 0.9), OPT_EINVAL, "with x = infinity", hint);
    cr_assert(v == 5, "v after the rejected calls: expected 5 untouched, got %s.", grade_num(v));
    double bad = NAN;
    EXPECT_STATUS(EU, ema_update(&bad, 1, 0.9), OPT_EINVAL, "with *v = NaN", hint);
}

/* ======================================================================== */
/* Exercise 2: ema_bias_corrected                                           */
/* ======================================================================== */

#define EBC "ema_bias_corrected"

Test(ema_bias_corrected, first_value_is_x1, .timeout = 2.0,
     .description = "out[0] = x_1 for any beta")
{
    const double betas[] = { 0.5, 0.9, 0.98, 0.999 };
    for (int b = 0; b < 4; b++) {
        const double x[] = { 4.125, 9, 1 };
        double out[3] = { NAN, NAN, NAN };
        EXPECT_STATUS(EBC, ema_bias_corrected(x, 3, betas[b], out), OPT_OK, "on three values",
                      OK_HINT);
        const char *hint = "out[0] = v_1 / (1 - beta^1) = (1 - beta) x_1 / (1 - beta) = x_1";
        if (isinf(out[0]))
            hint = "division by zero: out[0] is corrected with beta^1, not beta^0 (index j - 1 "
                   "holds step j)";
        else if (close_to(out[0], (1 - betas[b]) * x[0], 1e-12))
            hint = "that is the uncorrected v_1: divide by 1 - beta^j";
        cr_assert(close_to(out[0], x[0], 1e-12),
                  "first corrected value with beta = %s and x_1 = 4.125: expected 4.125, got "
                  "%s. Hint: %s.", grade_num(betas[b]), grade_num(out[0]), hint);
    }
}

Test(ema_bias_corrected, constant_series, .timeout = 2.0,
     .description = "a constant series: the corrected average is that constant throughout")
{
    enum { K = 300 };
    double x[K], out[K];
    for (int j = 0; j < K; j++)
        x[j] = -3.5;
    EXPECT_STATUS(EBC, ema_bias_corrected(x, K, 0.98, out), OPT_OK, "on a constant series",
                  OK_HINT);
    for (int j = 0; j < K; j++)
        cr_assert(close_to(out[j], -3.5, 1e-10),
                  "corrected average of a constant -3.5 at step %d (beta = 0.98): expected -3.5, "
                  "got %s. Hint: v_j = -3.5 (1 - beta^j), so dividing by 1 - beta^j with the "
                  "SAME j (the step, not the series length) gives -3.5 exactly.", j + 1,
                  grade_num(out[j]));
}

Test(ema_bias_corrected, lecture_factors, .timeout = 2.0,
     .description = "beta = 0.9: out[1] = v_2 x 5.26, out[99] = v_100 x 1.000027")
{
    enum { K = 100 };
    double x[K], out[K];
    for (int j = 0; j < K; j++)
        x[j] = 10 + 5 * sin(0.3 * j) + (j % 3);
    EXPECT_STATUS(EBC, ema_bias_corrected(x, K, 0.9, out), OPT_OK, "on 100 values", OK_HINT);
    long double v = 0;
    for (int j = 1; j <= K; j++) {
        v = 0.9L * v + 0.1L * x[j - 1];
        const double want = (double)(v / (1 - powl(0.9L, j)));
        if (j == 2 || j == K)
            cr_assert(close_to(out[j - 1], want, 1e-10),
                      "step %d with beta = 0.9: expected v_%d / (1 - 0.9^%d) = %s (the "
                      "factor is %s), got %s. Hint: %s.", j, j, j, grade_num(want),
                      j == 2 ? "1/0.19 = 5.26" : "1.000027", grade_num(out[j - 1]),
                      j == 2 ? "at step 2 the weights add up to 0.19" :
                               "by step 100 the correction hardly matters; is the average "
                               "itself right?");
    }
}

Test(ema_bias_corrected, long_series, .timeout = 2.0,
     .description = "5000 values at beta = 0.999 against a long-double computation")
{
    enum { K = 5000 };
    double *x = malloc(K * sizeof *x), *out = malloc(K * sizeof *out);
    cr_assert(x && out);
    for (int j = 0; j < K; j++)
        x[j] = cos(0.01 * j) + 0.001 * j;
    EXPECT_STATUS(EBC, ema_bias_corrected(x, K, 0.999, out), OPT_OK, "on 5000 values", OK_HINT);
    long double v = 0;
    for (int j = 1; j <= K; j++) {
        v = 0.999L * v + 0.001L * x[j - 1];
        const double want = (double)(v / -expm1l(j * logl(0.999L)));
        cr_assert(close_to(out[j - 1], want, 1e-10),
                  "step %d of 5000 with beta = 0.999: expected %s, got %s. Hint: out[j-1] "
                  "= v_j / (1 - beta^j) for every j; check the index of beta's power.",
                  j, grade_num(want), grade_num(out[j - 1]));
    }
    free(x);
    free(out);
}

Test(ema_bias_corrected, beta_zero, .timeout = 2.0,
     .description = "beta = 0: the corrected average is the series itself")
{
    const double x[] = { 3, -1, 4, 1, -5 };
    double out[5];
    EXPECT_STATUS(EBC, ema_bias_corrected(x, 5, 0, out), OPT_OK, "with beta = 0",
                  "beta = 0 is valid: return OPT_OK.");
    for (int j = 0; j < 5; j++)
        cr_assert(close_to(out[j], x[j], 1e-15),
                  "beta = 0, step %d: expected x_%d = %s, got %s. Hint: with beta = 0, "
                  "v_j = x_j and 1 - beta^j = 1 (careful: pow(0, 0) is 1).",
                  j + 1, j + 1, grade_num(x[j]), grade_num(out[j]));
}

Test(ema_bias_corrected, bad_arguments, .timeout = 2.0,
     .description = "NULLs, k = 0, beta outside [0, 1), a NaN value: OPT_EINVAL, out untouched")
{
    const double x[] = { 1, 2, NAN };
    double out[3] = { 42, 42, 42 };
    const char *hint = "check the pointers, k, 0 <= beta < 1 and every x[j] with isfinite() "
                       "before writing anything.";
    EXPECT_STATUS(EBC, ema_bias_corrected(NULL, 2, 0.9, out), OPT_EINVAL, "with x = NULL", hint);
    EXPECT_STATUS(EBC, ema_bias_corrected(x, 2, 0.9, NULL), OPT_EINVAL, "with out = NULL", hint);
    EXPECT_STATUS(EBC, ema_bias_corrected(x, 0, 0.9, out), OPT_EINVAL, "with k = 0", hint);
    EXPECT_STATUS(EBC, ema_bias_corrected(x, 2, 1.0, out), OPT_EINVAL, "with beta = 1", hint);
    EXPECT_STATUS(EBC, ema_bias_corrected(x, 2, NAN, out), OPT_EINVAL, "with beta = NaN", hint);
    EXPECT_STATUS(EBC, ema_bias_corrected(x, 3, 0.9, out), OPT_EINVAL, "with x[2] = NaN", hint);
    cr_assert(out[0] == 42 && out[1] == 42 && out[2] == 42,
              "out after the rejected calls: expected untouched (42, 42, 42), got (%s, %s, %s). "
              "Hint: validate all of x before the loop that writes out.", grade_num(out[0]),
              grade_num(out[1]), grade_num(out[2]));
}
