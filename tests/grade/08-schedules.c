/* 08-schedules.c — autograder tests for Lab 08 (labs/08-schedules/exercise.h).
 *
 * One suite per exercise, named after the function. Every failure message
 * says what was checked, what was expected, what came back, and a hint.
 * A stub that returns OPT_ENOTIMPL fails every test with "not implemented".
 * Points and visibility: tests/grade/08-schedules.points.
 *
 * Expected values are worked out here independently (by hand, or from the
 * formula in the assignment), never taken from lib/schedule.c.
 */
#define GRADE_LAB "08-schedules"
#include "grade.h"

/* Not in strict C11's math.h. */
#define PI 3.14159265358979323846
#define SQRT1_2 0.70710678118654752440


/* ======================================================================== */
/* Exercise 1: cosine_lr                                                    */
/* ======================================================================== */

#define CL "cosine_lr"

static double call_cosine(long t, long T, double lr0)
{
    double lr = NAN;
    EXPECT_STATUS(CL, cosine_lr(t, T, lr0, &lr), OPT_OK, "on valid input", OK_HINT);
    return lr;
}

Test(cosine_lr, quarter_points, .timeout = 2.0,
     .description = "T = 100, lr0 = 0.1: t = 0, 25, 50, 75, 100")
{
    /* 0.05 (1 + cos(pi t / 100)): 0.1, 0.05 (1 + sqrt(2)/2), 0.05, 0.05 (1 - sqrt(2)/2), 0 */
    const long ts[5] = { 0, 25, 50, 75, 100 };
    const double want[5] = { 0.1, 0.05 * (1 + SQRT1_2), 0.05, 0.05 * (1 - SQRT1_2), 0 };
    for (int i = 0; i < 5; i++) {
        const double got = call_cosine(ts[i], 100, 0.1);
        const char *hint = "lr = lr0 (1 + cos(pi t / T)) / 2";
        if (got == 0.1 || got == 0 || got == 0.05)
            if (ts[i] == 25 || ts[i] == 75)
                hint = "you get a round value where the cosine is not round: t / T on two "
                       "longs is an integer division (25 / 100 = 0); convert to double first";
        if (close_to(got, 2 * want[i], 1e-12) && want[i] != 0)
            hint = "twice the answer: the cosine schedule has a factor 1/2, 1 + cos runs from 2 to 0";
        cr_assert(close_to(got, want[i], 1e-12),
                  "cosine schedule at t = %ld with T = 100, lr0 = 0.1: expected %s, got %s. "
                  "Hint: %s.", ts[i], grade_num(want[i]), grade_num(got), hint);
    }
}

Test(cosine_lr, symmetry, .timeout = 2.0,
     .description = "lr(t) + lr(T - t) = lr0 for every t")
{
    const long T = 37;
    for (long t = 0; t <= T; t++) {
        const double a = call_cosine(t, T, 2.5), b = call_cosine(T - t, T, 2.5);
        cr_assert(close_to(a + b, 2.5, 1e-12),
                  "T = 37, lr0 = 2.5: lr(%ld) + lr(%ld) should be lr0 = 2.5 (cos(pi - x) = -cos x), "
                  "got %s + %s = %s. Hint: lr = lr0 (1 + cos(pi t / T)) / 2 with a "
                  "floating-point t / T.", t, T - t, grade_num(a), grade_num(b), grade_num(a + b));
    }
}

Test(cosine_lr, beyond_the_horizon, .timeout = 2.0,
     .description = "t > T: the rate stays at 0 (the cosine would climb back)")
{
    const long ts[3] = { 101, 150, 200 };
    for (int i = 0; i < 3; i++) {
        const double got = call_cosine(ts[i], 100, 0.1);
        cr_assert(got == 0,
                  "cosine schedule at t = %ld > T = 100: expected 0, got %s. Hint: after T the "
                  "schedule stays at its floor; the formula alone would rise again (at t = 200 it "
                  "is back at lr0).", ts[i], grade_num(got));
    }
}

Test(cosine_lr, every_step, .timeout = 2.0,
     .description = "T = 1000: every t against the formula")
{
    for (long t = 0; t <= 1000; t++) {
        const double want = 3e-4 * (1 + cos(PI * (double)t / 1000.0)) / 2;
        const double got = call_cosine(t, 1000, 3e-4);
        cr_assert(close_to(got, want, 1e-15),
                  "T = 1000, lr0 = 3e-4, t = %ld: expected %s, got %s. Hint: "
                  "lr0 (1 + cos(pi t / T)) / 2.", t, grade_num(want), grade_num(got));
    }
}

Test(cosine_lr, zero_base_rate, .timeout = 2.0,
     .description = "lr0 = 0 is allowed and gives 0")
{
    cr_assert(call_cosine(3, 10, 0) == 0,
              "lr0 = 0: expected a rate of 0. Hint: lr0 = 0 is valid (not an error).");
}

Test(cosine_lr, bad_arguments, .timeout = 2.0,
     .description = "lr NULL, t < 0, T < 1, bad lr0: OPT_EINVAL, *lr untouched")
{
    double lr = 42;
    const char *hint = "check lr for NULL, t >= 0, T >= 1 and a finite lr0 >= 0 before "
                       "computing anything.";
    EXPECT_STATUS(CL, cosine_lr(0, 10, 0.1, NULL), OPT_EINVAL, "with lr = NULL", hint);
    EXPECT_STATUS(CL, cosine_lr(-1, 10, 0.1, &lr), OPT_EINVAL, "with t = -1", hint);
    EXPECT_STATUS(CL, cosine_lr(0, 0, 0.1, &lr), OPT_EINVAL, "with T = 0 (division by zero)", hint);
    EXPECT_STATUS(CL, cosine_lr(0, 10, -0.1, &lr), OPT_EINVAL, "with lr0 = -0.1", hint);
    EXPECT_STATUS(CL, cosine_lr(0, 10, NAN, &lr), OPT_EINVAL, "with lr0 = NaN", hint);
    EXPECT_STATUS(CL, cosine_lr(0, 10, INFINITY, &lr), OPT_EINVAL, "with lr0 = infinity", hint);
    cr_assert(lr == 42, "*lr after the rejected calls: expected 42 untouched, got %s.",
              grade_num(lr));
}

/* ======================================================================== */
/* Exercise 2: warmup_compose                                               */
/* ======================================================================== */

#define WC "warmup_compose"

/* A main schedule that records what it was asked: returns lr0 / (t + 2)
 * (distinct for every t), remembers the last t and counts the calls. */
typedef struct probe { int calls; long last_t; double last_lr0; } probe;

static double probe_base(long t, double lr0, void *ctx)
{
    probe *p = ctx;
    p->calls++;
    p->last_t = t;
    p->last_lr0 = lr0;
    return lr0 / (double)(t + 2);
}

static double constant_base(long t, double lr0, void *ctx)
{
    (void)t, (void)ctx;
    return lr0;
}

/* The cosine over a horizon *(long *)ctx, written out here. */
static double cosine_base(long t, double lr0, void *ctx)
{
    const long T = *(const long *)ctx;
    return t > T ? 0 : lr0 * (1 + cos(PI * (double)t / (double)T)) / 2;
}

Test(warmup_compose, the_ramp, .timeout = 2.0,
     .description = "W = 4, lr0 = 0.8: t = 0 .. 3 give 0.2, 0.4, 0.6, 0.8")
{
    probe p = { 0, -1, NAN };
    for (long t = 0; t < 4; t++) {
        double lr = NAN;
        EXPECT_STATUS(WC, warmup_compose(t, 4, 0.8, probe_base, &p, &lr), OPT_OK,
                      "during the warm-up", OK_HINT);
        const double want = 0.2 * (double)(t + 1);
        const char *hint = "the ramp is lr0 (t + 1) / W";
        if (close_to(lr, 0.2 * (double)t, 1e-12))
            hint = "you used t / W: the first update would not move at all; use (t + 1) / W";
        else if (lr == 0)
            hint = "0: (t + 1) / W on two longs is an integer division; convert to double first";
        cr_assert(close_to(lr, want, 1e-14),
                  "warm-up W = 4, lr0 = 0.8 at t = %ld: expected %s, got %s. Hint: %s.",
                  t, grade_num(want), grade_num(lr), hint);
    }
    cr_assert(p.calls == 0,
              "during the warm-up the main schedule was called %d time(s): expected none. "
              "Hint: call base only for t >= warmup.", p.calls);
}

Test(warmup_compose, hand_over, .timeout = 2.0,
     .description = "t >= W: base is asked for t - W, with the same lr0, once per call")
{
    const long W = 10;
    for (long t = W; t < W + 5; t++) {
        probe p = { 0, -1, NAN };
        double lr = NAN;
        EXPECT_STATUS(WC, warmup_compose(t, W, 0.3, probe_base, &p, &lr), OPT_OK,
                      "after the warm-up", OK_HINT);
        cr_assert(p.calls == 1,
                  "t = %ld after a %ld-step warm-up: the main schedule was called %d times, "
                  "expected once. Hint: *lr = base(t - warmup, lr0, ctx).", t, W, p.calls);
        const char *hint = "the main schedule starts from its own beginning: ask it for t - warmup";
        if (p.last_t == t)
            hint = "you asked for t itself: the main schedule would skip its first warmup steps";
        cr_assert(p.last_t == t - W && p.last_lr0 == 0.3,
                  "t = %ld after a %ld-step warm-up with lr0 = 0.3: base should be asked for "
                  "(t = %ld, lr0 = 0.3), was asked for (t = %ld, lr0 = %s). Hint: %s.",
                  t, W, t - W, p.last_t, grade_num(p.last_lr0), hint);
        cr_assert(close_to(lr, 0.3 / (double)(t - W + 2), 1e-14),
                  "t = %ld: expected the value base returned, %s, got %s. Hint: store what "
                  "base returns in *lr.", t, grade_num(0.3 / (double)(t - W + 2)), grade_num(lr));
    }
}

Test(warmup_compose, no_warmup, .timeout = 2.0,
     .description = "warmup = 0: *lr = base(t) from t = 0 on")
{
    for (long t = 0; t < 3; t++) {
        probe p = { 0, -1, NAN };
        double lr = NAN;
        EXPECT_STATUS(WC, warmup_compose(t, 0, 0.5, probe_base, &p, &lr), OPT_OK,
                      "with warmup = 0", "warmup = 0 is valid: return OPT_OK.");
        cr_assert(p.calls == 1 && p.last_t == t && close_to(lr, 0.5 / (double)(t + 2), 1e-14),
                  "warmup = 0 at t = %ld: expected base(%ld) = %s; base was called %d time(s), "
                  "last for t = %ld, and *lr = %s. Hint: without a warm-up every step belongs "
                  "to the main schedule (and never divide by warmup = 0).",
                  t, t, grade_num(0.5 / (double)(t + 2)), p.calls, p.last_t, grade_num(lr));
    }
}

Test(warmup_compose, around_constant_and_cosine, .timeout = 2.0,
     .description = "a 5-step warm-up before the constant and a 95-step cosine")
{
    long horizon = 95;
    for (long t = 0; t <= 100; t++) {
        double a = NAN, b = NAN;
        EXPECT_STATUS(WC, warmup_compose(t, 5, 0.1, constant_base, NULL, &a), OPT_OK,
                      "around a constant", OK_HINT);
        EXPECT_STATUS(WC, warmup_compose(t, 5, 0.1, cosine_base, &horizon, &b), OPT_OK,
                      "around a cosine", OK_HINT);
        const double ramp = 0.1 * (double)(t + 1) / 5;
        const double want_a = t < 5 ? ramp : 0.1;
        const double want_b = t < 5 ? ramp : 0.05 * (1 + cos(PI * (double)(t - 5) / 95.0));
        cr_assert(close_to(a, want_a, 1e-14) && close_to(b, want_b, 1e-14),
                  "t = %ld, 5-step warm-up, lr0 = 0.1: expected %s before a constant and "
                  "%s before a 95-step cosine; got %s and %s. Hint: (t + 1) / W during "
                  "the warm-up, base(t - W) after it.", t, grade_num(want_a), grade_num(want_b),
                  grade_num(a), grade_num(b));
    }
}

Test(warmup_compose, bad_arguments, .timeout = 2.0,
     .description = "NULLs, t < 0, warmup < 0, bad lr0: OPT_EINVAL, base not called")
{
    probe p = { 0, -1, NAN };
    double lr = 42;
    const char *hint = "check lr and base for NULL, t >= 0, warmup >= 0 and a finite lr0 >= 0 "
                       "before anything else.";
    EXPECT_STATUS(WC, warmup_compose(0, 5, 0.1, probe_base, &p, NULL), OPT_EINVAL, "with lr = NULL", hint);
    EXPECT_STATUS(WC, warmup_compose(7, 5, 0.1, NULL, &p, &lr), OPT_EINVAL, "with base = NULL", hint);
    EXPECT_STATUS(WC, warmup_compose(-1, 5, 0.1, probe_base, &p, &lr), OPT_EINVAL, "with t = -1", hint);
    EXPECT_STATUS(WC, warmup_compose(7, -5, 0.1, probe_base, &p, &lr), OPT_EINVAL, "with warmup = -5", hint);
    EXPECT_STATUS(WC, warmup_compose(7, 5, -0.1, probe_base, &p, &lr), OPT_EINVAL, "with lr0 = -0.1", hint);
    EXPECT_STATUS(WC, warmup_compose(7, 5, NAN, probe_base, &p, &lr), OPT_EINVAL, "with lr0 = NaN", hint);
    cr_assert(lr == 42 && p.calls == 0,
              "after the rejected calls: expected *lr untouched (42) and base never called; got "
              "*lr = %s and %d call(s).", grade_num(lr), p.calls);
}
