/* 07-beyond-adam.c — autograder tests for Lab 07 (labs/07-beyond-adam/exercise.h).
 *
 * One suite per exercise, named after the function. Every failure message
 * says what was checked, what was expected, what came back, and a hint.
 * A stub that returns OPT_ENOTIMPL fails every test with "not implemented".
 * Points and visibility: tests/grade/07-beyond-adam.points.
 *
 * Expected values are worked out here from the papers' formulas, never
 * taken from the library (opt_radam_*, opt_lars_local_lr).
 */
#include <float.h>
#define GRADE_LAB "07-beyond-adam"
#include "grade.h"

/* ======================================================================== */
/* Exercise 1: radam_rectification                                          */
/* ======================================================================== */

#define RR "radam_rectification"

/* rho_t and r_t from the formulas, in long double. */
static void radam_expected(double beta2, long t, long double *rho, long double *r)
{
    const long double ri = 2.0L / (1.0L - beta2) - 1.0L, bt = powl(beta2, (long double)t);
    *rho = ri - 2.0L * (long double)t * bt / (1.0L - bt);
    *r = sqrtl((*rho - 4) * (*rho - 2) * ri / ((ri - 4) * (ri - 2) * *rho));
}

static void call_rr(double beta2, long t, double thr, double *rho, double *r)
{
    *rho = *r = NAN;
    EXPECT_STATUS(RR, radam_rectification(beta2, t, thr, rho, r), OPT_OK, "on valid arguments",
                  OK_HINT);
}

Test(radam_rectification, first_step, .timeout = 2.0,
     .description = "rho_1 = 1 for any beta2, and no rectification (r = 0)")
{
    const double betas[] = { 0.999, 0.99, 0.9, 0.5 };
    for (int k = 0; k < 4; k++) {
        double rho, r;
        call_rr(betas[k], 1, 5, &rho, &r);
        cr_assert(fabs(rho - 1) < 1e-9,
                  "rho_1 for beta2 = %s: expected 1 (rho_inf - 2 beta2 / (1 - beta2) = 1), got "
                  "%s. Hint: rho_inf = 2 / (1 - beta2) - 1 and rho_t = rho_inf - 2 t beta2^t / "
                  "(1 - beta2^t).", grade_num(betas[k]), grade_num(rho));
        cr_assert(r == 0, "r_1 for beta2 = %s: expected 0 (rho_1 = 1 is not above the threshold "
                  "5), got %s. Hint: store 0 in *r_t while rho_t <= rho_threshold.",
                  grade_num(betas[k]), grade_num(r));
    }
}

Test(radam_rectification, hand_values, .timeout = 2.0,
     .description = "rho_t and r_t for beta2 = 0.999 at t = 6, 100, 1000 and 10000")
{
    const long ts[] = { 6, 100, 1000, 10000 };
    for (int k = 0; k < 4; k++) {
        double rho, r;
        long double erho, er;
        call_rr(0.999, ts[k], 5, &rho, &r);
        radam_expected(0.999, ts[k], &erho, &er);
        cr_assert(rel_close(rho, (double)erho, 1e-9),
                  "rho_t for beta2 = 0.999 at t = %ld: expected %s, got %s. Hint: "
                  "rho_t = rho_inf - 2 t beta2^t / (1 - beta2^t) with rho_inf = 1999.",
                  ts[k], grade_num(erho), grade_num(rho));
        cr_assert(rel_close(r, (double)er, 1e-9),
                  "r_t for beta2 = 0.999 at t = %ld: expected %s, got %s. Hint: r_t = "
                  "sqrt((rho_t - 4)(rho_t - 2) rho_inf / ((rho_inf - 4)(rho_inf - 2) rho_t))%s.",
                  ts[k], grade_num(er), grade_num(r),
                  rel_close(r, (double)(er * er), 1e-6) ? " (you forgot the square root)" : "");
    }
}

Test(radam_rectification, first_rectified_step, .timeout = 2.0,
     .description = "beta2 = 0.999: rectification starts at t = 6 with threshold 5, t = 5 with 4")
{
    const double thr[] = { 5, 4 };
    const long want[] = { 6, 5 };
    for (int k = 0; k < 2; k++) {
        long first = 0;
        for (long t = 1; t <= 20 && !first; t++) {
            double rho, r;
            call_rr(0.999, t, thr[k], &rho, &r);
            if (r > 0)
                first = t;
        }
        cr_assert(first == want[k],
                  "first step with r_t > 0 for beta2 = 0.999 and threshold %s: expected t = %ld "
                  "(rho_%ld = %.4f), got %ld. Hint: rectify only when rho_t > threshold, strictly, "
                  "and use the threshold passed in.", grade_num(thr[k]), want[k], want[k],
                  want[k] == 6 ? 5.9942 : 4.9960, first);
    }
}

Test(radam_rectification, rises_to_one, .timeout = 2.0,
     .description = "once rectified, r_t rises monotonically and stays below 1")
{
    double prev = 0;
    for (long t = 6; t <= 20000; t += t < 100 ? 1 : 97) {
        double rho, r;
        call_rr(0.999, t, 5, &rho, &r);
        cr_assert(r > prev && r < 1,
                  "r_t at t = %ld: expected a value above r at the previous step checked (%s) "
                  "and below 1, got %s. Hint: r_t -> 1 as rho_t -> rho_inf.", t, grade_num(prev),
                  grade_num(r));
        prev = r;
    }
}

Test(radam_rectification, other_beta2, .timeout = 2.0,
     .description = "beta2 = 0.99 and 0.9: rho_inf = 199 and 19")
{
    const double betas[] = { 0.99, 0.9 };
    const long ts[] = { 10, 50 };
    for (int k = 0; k < 2; k++) {
        double rho, r;
        long double erho, er;
        call_rr(betas[k], ts[k], 4, &rho, &r);
        radam_expected(betas[k], ts[k], &erho, &er);
        cr_assert(rel_close(rho, (double)erho, 1e-9) && rel_close(r, (double)er, 1e-9),
                  "beta2 = %s at t = %ld: expected rho_t = %s and r_t = %s, got %s and "
                  "%s. Hint: compute rho_inf from beta2, not the constant 1999.",
                  grade_num(betas[k]), ts[k], grade_num(erho), grade_num(er), grade_num(rho),
                  grade_num(r));
    }
}

Test(radam_rectification, bad_arguments, .timeout = 2.0,
     .description = "NULL outputs, t < 1, beta2 outside (0, 1), threshold < 4: OPT_EINVAL")
{
    double rho = 7, r = 7;
    const char *hint = "check t >= 1, 0 < beta2 < 1 and a finite threshold >= 4 before computing "
                       "(NaN fails every comparison).";
    EXPECT_STATUS(RR, radam_rectification(0.999, 1, 5, NULL, &r), OPT_EINVAL, "with rho_t = NULL", hint);
    EXPECT_STATUS(RR, radam_rectification(0.999, 1, 5, &rho, NULL), OPT_EINVAL, "with r_t = NULL", hint);
    EXPECT_STATUS(RR, radam_rectification(0.999, 0, 5, &rho, &r), OPT_EINVAL, "with t = 0", hint);
    EXPECT_STATUS(RR, radam_rectification(1, 10, 5, &rho, &r), OPT_EINVAL, "with beta2 = 1", hint);
    EXPECT_STATUS(RR, radam_rectification(0, 10, 5, &rho, &r), OPT_EINVAL, "with beta2 = 0", hint);
    EXPECT_STATUS(RR, radam_rectification(NAN, 10, 5, &rho, &r), OPT_EINVAL, "with beta2 = NaN", hint);
    EXPECT_STATUS(RR, radam_rectification(0.999, 10, 3, &rho, &r), OPT_EINVAL, "with threshold 3",
                  hint);
    EXPECT_STATUS(RR, radam_rectification(0.999, 10, INFINITY, &rho, &r), OPT_EINVAL,
                  "with threshold = inf", hint);
    cr_assert(rho == 7 && r == 7, "after the refused calls: expected the outputs untouched (7, 7), "
              "got (%s, %s). Hint: validate before you write.", grade_num(rho), grade_num(r));
}

/* ======================================================================== */
/* Exercise 2: lookahead_outer_update                                       */
/* ======================================================================== */

#define LA "lookahead_outer_update"

Test(lookahead_outer_update, hand_computed, .timeout = 2.0,
     .description = "phi = (0, 2, -1), theta = (4, 0, -1), alpha = 0.25: phi = (1, 1.5, -1)")
{
    double phi[] = { 0, 2, -1 }, theta[] = { 4, 0, -1 };
    EXPECT_STATUS(LA, lookahead_outer_update(phi, theta, 3, 0.25), OPT_OK, "on three weights", OK_HINT);
    const double want[] = { 1, 1.5, -1 };
    for (int i = 0; i < 3; i++) {
        cr_assert(fabs(phi[i] - want[i]) < 1e-15,
                  "phi[%d] after phi += 0.25 (theta - phi): expected %s, got %s. Hint: the slow "
                  "weights move a fraction alpha of the way towards the fast ones%s.", i,
                  grade_num(want[i]),
                  grade_num(phi[i]), fabs(phi[i] - (i == 0 ? 3 : i == 1 ? 0.5 : -1)) < 1e-12
                              ? " (you moved 1 - alpha of the way)" : "");
        cr_assert(theta[i] == phi[i],
                  "theta[%d] after the update: expected the new phi[%d] = %s, got %s. Hint: the "
                  "fast weights restart from the slow weights: theta = phi, after phi moved.",
                  i, i, grade_num(phi[i]), grade_num(theta[i]));
    }
}

Test(lookahead_outer_update, alpha_extremes, .timeout = 2.0,
     .description = "alpha = 1 keeps the fast weights; alpha = 0 keeps the slow ones")
{
    double phi[] = { 1, 2 }, theta[] = { 5, -3 };
    EXPECT_STATUS(LA, lookahead_outer_update(phi, theta, 2, 1), OPT_OK, "with alpha = 1", OK_HINT);
    cr_assert(phi[0] == 5 && phi[1] == -3 && theta[0] == 5 && theta[1] == -3,
              "alpha = 1 from phi = (1, 2), theta = (5, -3): expected both (5, -3), got phi = (%s, "
              "%s), theta = (%s, %s). Hint: phi + 1 (theta - phi) = theta.", grade_num(phi[0]),
              grade_num(phi[1]),
              grade_num(theta[0]), grade_num(theta[1]));
    double phi0[] = { 1, 2 }, theta0[] = { 5, -3 };
    EXPECT_STATUS(LA, lookahead_outer_update(phi0, theta0, 2, 0), OPT_OK, "with alpha = 0", OK_HINT);
    cr_assert(phi0[0] == 1 && phi0[1] == 2 && theta0[0] == 1 && theta0[1] == 2,
              "alpha = 0 from phi = (1, 2), theta = (5, -3): expected both (1, 2) (the k steps "
              "are thrown away), got phi = (%s, %s), theta = (%s, %s). Hint: theta = phi after "
              "the update.", grade_num(phi0[0]), grade_num(phi0[1]), grade_num(theta0[0]),
              grade_num(theta0[1]));
}

Test(lookahead_outer_update, halfway, .timeout = 2.0,
     .description = "alpha = 0.5 on 1000 weights: the midpoints, the last one included")
{
    enum { N = 1000 };
    double *phi = malloc(N * sizeof *phi), *theta = malloc(N * sizeof *theta);
    for (int i = 0; i < N; i++) {
        phi[i] = i;
        theta[i] = 3.0 * i + 2;
    }
    EXPECT_STATUS(LA, lookahead_outer_update(phi, theta, N, 0.5), OPT_OK, "on 1000 weights", OK_HINT);
    for (int i = 0; i < N; i++) {
        const double want = (i + 3.0 * i + 2) / 2;
        cr_assert(fabs(phi[i] - want) < 1e-12 && theta[i] == phi[i],
                  "weight %d of 1000 with phi = %d, theta = %s, alpha = 0.5: expected both %s, got "
                  "phi = %s, theta = %s. Hint: loop over all n weights.", i, i,
                  grade_num(3.0 * i + 2), grade_num(want),
                  grade_num(phi[i]), grade_num(theta[i]));
    }
    free(phi);
    free(theta);
}

Test(lookahead_outer_update, repeated, .timeout = 2.0,
     .description = "three synchronizations with alpha = 0.5 close 7/8 of a fixed gap")
{
    double phi[] = { 0 }, theta[] = { 8 };
    for (int k = 0; k < 3; k++) {
        theta[0] = 8;   /* the fast weights ran back to 8 each time */
        EXPECT_STATUS(LA, lookahead_outer_update(phi, theta, 1, 0.5), OPT_OK, "repeatedly", OK_HINT);
    }
    cr_assert(fabs(phi[0] - 7) < 1e-15,
              "after three updates towards theta = 8 from phi = 0 with alpha = 0.5: expected 4, "
              "6, 7, so phi = 7, got %s. Hint: phi keeps its value between calls; update it in "
              "place.", grade_num(phi[0]));
}

Test(lookahead_outer_update, bad_arguments, .timeout = 2.0,
     .description = "NULL arrays, n = 0, alpha outside [0, 1] or NaN: OPT_EINVAL, nothing written")
{
    double phi[] = { 1 }, theta[] = { 2 };
    const char *hint = "check the pointers, n > 0 and 0 <= alpha <= 1 first (NaN fails both).";
    EXPECT_STATUS(LA, lookahead_outer_update(NULL, theta, 1, 0.5), OPT_EINVAL, "with phi = NULL", hint);
    EXPECT_STATUS(LA, lookahead_outer_update(phi, NULL, 1, 0.5), OPT_EINVAL, "with theta = NULL", hint);
    EXPECT_STATUS(LA, lookahead_outer_update(phi, theta, 0, 0.5), OPT_EINVAL, "with n = 0", hint);
    EXPECT_STATUS(LA, lookahead_outer_update(phi, theta, 1, 1.5), OPT_EINVAL, "with alpha = 1.5", hint);
    EXPECT_STATUS(LA, lookahead_outer_update(phi, theta, 1, -0.1), OPT_EINVAL, "with alpha = -0.1", hint);
    EXPECT_STATUS(LA, lookahead_outer_update(phi, theta, 1, NAN), OPT_EINVAL, "with alpha = NaN", hint);
    cr_assert(phi[0] == 1 && theta[0] == 2, "after the refused calls: expected phi = 1, theta = 2 "
              "untouched, got %s, %s. Hint: validate before you write.", grade_num(phi[0]),
              grade_num(theta[0]));
}

/* ======================================================================== */
/* Exercise 3: lars_local_lr                                                */
/* ======================================================================== */

#define LL "lars_local_lr"

static double call_ll(const double *w, const double *g, size_t n, double trust, double wd)
{
    double out = NAN;
    EXPECT_STATUS(LL, lars_local_lr(w, g, n, trust, wd, &out), OPT_OK,
                  "on valid arguments", OK_HINT);
    return out;
}

Test(lars_local_lr, three_four_five, .timeout = 2.0,
     .description = "w = (3, 4), g = (0.6, 0.8): trust * 5 / 1")
{
    const double w[] = { 3, 4 }, g[] = { 0.6, 0.8 };
    const double got = call_ll(w, g, 2, 0.001, 0);
    cr_assert(rel_close(got, 0.005, 1e-14),
              "local rate for w = (3, 4), g = (0.6, 0.8), trust = 0.001: expected 0.001 * ||w|| / "
              "||g|| = 0.001 * 5 / 1 = 0.005, got %s. Hint: %s", grade_num(got),
              rel_close(got, 0.001 * 25, 1e-9) ? "you used squared norms; take the square roots."
              : rel_close(got, 0.0002, 1e-9) ? "the ratio is ||w|| / ||g||, not ||g|| / ||w||."
              : rel_close(got, 0.001 * 7 / 1.4, 1e-9) ? "use the Euclidean norm, not the sum of |entries|."
              : "local = trust ||w|| / (||g|| + weight_decay ||w||), norms over the whole layer.");
}

Test(lars_local_lr, weight_decay_term, .timeout = 2.0,
     .description = "w = (6, 8), g = (0, 0.5), wd = 0.05: trust * 10 / (0.5 + 0.5)")
{
    const double w[] = { 6, 8 }, g[] = { 0, 0.5 };
    const double got = call_ll(w, g, 2, 0.01, 0.05);
    cr_assert(rel_close(got, 0.1, 1e-14),
              "local rate for ||w|| = 10, ||g|| = 0.5, trust = 0.01, weight_decay = 0.05: expected "
              "0.01 * 10 / (0.5 + 0.05 * 10) = 0.1, got %s. Hint: the weight decay adds "
              "weight_decay ||w|| to the denominator%s.", grade_num(got),
              rel_close(got, 0.2, 1e-9) ? " (you left it out)" : "");
}

Test(lars_local_lr, alexnet_conv1, .timeout = 2.0,
     .description = "AlexNet-BN conv1.w: ||w|| = 0.098, ||g|| = 0.017 gives trust * 5.76")
{
    /* One entry each carries the whole norm. */
    const double w[] = { 0, 0.098, 0 }, g[] = { -0.017, 0, 0 };
    const double got = call_ll(w, g, 3, 0.001, 0);
    cr_assert(rel_close(got, 0.001 * 0.098 / 0.017, 1e-12),
              "local rate for the lecture's conv1.w (||w|| = 0.098, ||g|| = 0.017), trust = 0.001: "
              "expected %s (0.001 times the table's ratio 5.76), got %s. Hint: the norms "
              "run over all n entries; signs do not matter.", grade_num(0.001 * 0.098 / 0.017),
              grade_num(got));
}

Test(lars_local_lr, zero_norms, .timeout = 2.0,
     .description = "||w|| = 0 or ||g|| = 0 gives 1")
{
    const double zero[] = { 0, 0, 0 }, some[] = { 1, -2, 2 };
    double got = call_ll(zero, some, 3, 0.001, 0.01);
    cr_assert(got == 1, "local rate with w = 0: expected 1 (the convention when a norm is 0), "
              "got %s. Hint: test ||w|| == 0 || ||g|| == 0 before dividing.", grade_num(got));
    got = call_ll(some, zero, 3, 0.001, 0);
    cr_assert(got == 1, "local rate with g = 0 and no weight decay: expected 1 (not trust ||w|| / "
              "0 = inf), got %s. Hint: test ||g|| == 0 too.", grade_num(got));
}

Test(lars_local_lr, extreme_magnitudes, .timeout = 2.0,
     .description = "entries of 1e200 and 1e-200: no overflow, no underflow")
{
    const double big_w[] = { 3e200, 4e200 }, big_g[] = { 6e199, 8e199 };
    double got = call_ll(big_w, big_g, 2, 0.001, 0);
    cr_assert(rel_close(got, 0.005, 1e-12),
              "local rate for w = (3e200, 4e200), g = (6e199, 8e199): expected 0.005, got %s. "
              "Hint: (3e200)^2 overflows to inf; divide every entry by the largest |entry| "
              "before squaring, and multiply the norm back.", grade_num(got));
    const double tiny_w[] = { 3e-200, 4e-200 }, tiny_g[] = { 6e-201, 8e-201 };
    got = call_ll(tiny_w, tiny_g, 2, 0.001, 0);
    cr_assert(rel_close(got, 0.005, 1e-12),
              "local rate for w = (3e-200, 4e-200), g = (6e-201, 8e-201): expected 0.005, got %s. "
              "Hint: (3e-200)^2 underflows to 0; scale before squaring.", grade_num(got));
}

Test(lars_local_lr, bad_arguments, .timeout = 2.0,
     .description = "NULL pointers, n = 0, bad trust or decay, NaN entries: OPT_EINVAL")
{
    const double w[] = { 1, 2 }, g[] = { 3, 4 }, w_nan[] = { 1, NAN }, g_inf[] = { INFINITY, 0 };
    double out = 7;
    const char *hint = "check the pointers, n > 0, trust and weight_decay finite and >= 0, and "
                       "every entry finite, before you store anything.";
    EXPECT_STATUS(LL, lars_local_lr(NULL, g, 2, 0.001, 0, &out), OPT_EINVAL, "with w = NULL", hint);
    EXPECT_STATUS(LL, lars_local_lr(w, NULL, 2, 0.001, 0, &out), OPT_EINVAL, "with g = NULL", hint);
    EXPECT_STATUS(LL, lars_local_lr(w, g, 2, 0.001, 0, NULL), OPT_EINVAL, "with local_lr = NULL", hint);
    EXPECT_STATUS(LL, lars_local_lr(w, g, 0, 0.001, 0, &out), OPT_EINVAL, "with n = 0", hint);
    EXPECT_STATUS(LL, lars_local_lr(w, g, 2, -0.001, 0, &out), OPT_EINVAL, "with trust < 0", hint);
    EXPECT_STATUS(LL, lars_local_lr(w, g, 2, 0.001, NAN, &out), OPT_EINVAL, "with weight_decay = NaN",
                  hint);
    EXPECT_STATUS(LL, lars_local_lr(w_nan, g, 2, 0.001, 0, &out), OPT_EINVAL, "with w[1] = NaN", hint);
    EXPECT_STATUS(LL, lars_local_lr(w, g_inf, 2, 0.001, 0, &out), OPT_EINVAL, "with g[0] = inf", hint);
    cr_assert(out == 7, "after the refused calls: expected *local_lr untouched (7), got %s. Hint: "
              "validate before you store.", grade_num(out));
}
