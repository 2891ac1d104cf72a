/* 01-gradients.c — autograder tests for Lab 01 (labs/01-gradients/exercise.h).
 *
 * One suite per exercise, named after the function. Every failure message
 * says what was checked, what was expected, what came back, and a hint.
 * A stub that returns OPT_ENOTIMPL fails every test with "not implemented".
 * Points and visibility: tests/grade/01-gradients.points.
 *
 * Expected values are worked out here independently (closed forms), never
 * taken from the library's reference implementations.
 */
#define GRADE_LAB "01-gradients"
#include "grade.h"

/* ======================================================================== */
/* Exercise 1: central_difference_gradient                                  */
/* ======================================================================== */

#define CDG "central_difference_gradient"

/* f(x) = 3 x0^2 + x0 x1 - 2 x1^2 + x0, gradient (6 x0 + x1 + 1, x0 - 4 x1). */
static double f_quadratic(const double *x, double *g, void *ctx)
{
    (void)ctx;
    if (g) {
        g[0] = 6 * x[0] + x[1] + 1;
        g[1] = x[0] - 4 * x[1];
    }
    return 3 * x[0] * x[0] + x[0] * x[1] - 2 * x[1] * x[1] + x[0];
}

/* f(x, y) = x^2 y, gradient (2 x y, x^2). */
static double f_x2y(const double *x, double *g, void *ctx)
{
    (void)ctx;
    if (g) {
        g[0] = 2 * x[0] * x[1];
        g[1] = x[0] * x[0];
    }
    return x[0] * x[0] * x[1];
}

static double f_cube(const double *x, double *g, void *ctx)
{
    (void)ctx;
    if (g)
        g[0] = 3 * x[0] * x[0];
    return x[0] * x[0] * x[0];
}

/* f(x) = sum_i (i + 1) sin(x_i). */
static double f_sines(const double *x, double *g, void *ctx)
{
    const size_t n = *(const size_t *)ctx;
    double s = 0;
    for (size_t i = 0; i < n; i++) {
        s += (double)(i + 1) * sin(x[i]);
        if (g)
            g[i] = (double)(i + 1) * cos(x[i]);
    }
    return s;
}

static double f_exp1(const double *x, double *g, void *ctx)
{
    (void)ctx;
    if (g)
        g[0] = exp(x[0]);
    return exp(x[0]);
}

Test(central_difference_gradient, quadratic, .timeout = 2.0,
     .description = "gradient of 3x^2 + xy - 2y^2 + x at (1, -2)")
{
    opt_objective f = { 2, f_quadratic, NULL, NULL, "quadratic" };
    double x[] = { 1, -2 }, g[2] = { NAN, NAN };
    EXPECT_STATUS(CDG, central_difference_gradient(&f, x, 1e-4, g), OPT_OK,
                  "on a quadratic at (1, -2), h = 1e-4", OK_HINT);
    const double want[] = { 5, 9 };
    for (int i = 0; i < 2; i++)
        cr_assert(close_to(g[i], want[i], 1e-7),
                  "grad[%d] of f(x,y) = 3x^2 + xy - 2y^2 + x at (1, -2) with h = 1e-4: expected %s, "
                  "got %s. Hint: grad[i] = (f(x + h e_i) - f(x - h e_i)) / (2h); on a quadratic "
                  "the central difference is exact.", i, grade_num(want[i]), grade_num(g[i]));
}

Test(central_difference_gradient, x_squared_y, .timeout = 2.0,
     .description = "gradient of x^2 y at (1, 2)")
{
    opt_objective f = { 2, f_x2y, NULL, NULL, "x^2 y" };
    double x[] = { 1, 2 }, g[2] = { NAN, NAN };
    EXPECT_STATUS(CDG, central_difference_gradient(&f, x, 1e-3, g), OPT_OK,
                  "on x^2 y at (1, 2), h = 1e-3", OK_HINT);
    cr_assert(close_to(g[0], 4, 1e-8),
              "grad[0] of f(x,y) = x^2 y at (1,2), h = 1e-3: expected 4, got %s. Hint: move "
              "only coordinate 0, by +h and by -h, and divide by 2h, not h.", grade_num(g[0]));
    cr_assert(close_to(g[1], 1, 1e-8),
              "grad[1] of f(x,y) = x^2 y at (1,2), h = 1e-3: expected 1, got %s. Hint: divide "
              "by 2h, not h; and restore coordinate 0 before moving coordinate 1.",
              grade_num(g[1]));
}

Test(central_difference_gradient, cubic_large_step, .timeout = 2.0,
     .description = "central difference of x^3 at x = 1 with h = 0.1 is exactly 3.01")
{
    opt_objective f = { 1, f_cube, NULL, NULL, "x^3" };
    double x[] = { 1 }, g[1] = { NAN };
    EXPECT_STATUS(CDG, central_difference_gradient(&f, x, 0.1, g), OPT_OK,
                  "on x^3 at x = 1, h = 0.1", OK_HINT);
    const char *hint = "the central difference of x^3 is 3x^2 + h^2 = 3.01 here";
    if (close_to(g[0], 3.31, 1e-9))
        hint = "3.31 is the forward difference (f(x+h) - f(x)) / h: use f(x+h) - f(x-h)";
    else if (close_to(g[0], 6.02, 1e-9))
        hint = "6.02 is twice the answer: divide f(x+h) - f(x-h) by 2h, not h";
    else if (close_to(g[0], 1.505, 1e-9))
        hint = "1.505 is half the answer: divide by 2h, not 4h";
    cr_assert(close_to(g[0], 3.01, 1e-10),
              "d/dx x^3 at x = 1 by central differences with h = 0.1: expected exactly 3.01 "
              "(= 3 + h^2), got %s. Hint: %s.", grade_num(g[0]), hint);
}

Test(central_difference_gradient, fifty_dimensions, .timeout = 2.0,
     .description = "gradient of sum (i+1) sin(x_i) in 50 dimensions")
{
    size_t n = 50;
    opt_objective f = { n, f_sines, NULL, &n, "sines" };
    double x[50], g[50];
    for (size_t i = 0; i < n; i++) {
        x[i] = 0.1 * (double)i - 2;
        g[i] = NAN;
    }
    EXPECT_STATUS(CDG, central_difference_gradient(&f, x, 1e-5, g), OPT_OK,
                  "on a 50-dimensional function", OK_HINT);
    for (size_t i = 0; i < n; i++) {
        const double want = (double)(i + 1) * cos(x[i]);
        cr_assert(fabs(g[i] - want) <= 1e-7 * (double)(i + 1),
                  "grad[%zu] of sum_i (i+1) sin(x_i) in 50 dimensions, h = 1e-5: expected %s, "
                  "got %s. Hint: loop over every coordinate 0 .. n-1 (f->n), each moved on its "
                  "own.", i, grade_num(want), grade_num(g[i]));
    }
}

/* An objective that logs every evaluation point. */
typedef struct eval_log {
    size_t n, calls, gradient_requests, cap;
    double *points;     /* calls x n */
} eval_log;

static double f_logged(const double *x, double *g, void *ctx)
{
    eval_log *log = ctx;
    if (g) {
        log->gradient_requests++;
        for (size_t i = 0; i < log->n; i++)
            g[i] = 2 * x[i];
    }
    if (log->calls < log->cap)
        memcpy(log->points + log->calls * log->n, x, log->n * sizeof *x);
    log->calls++;
    double s = 0;
    for (size_t i = 0; i < log->n; i++)
        s += x[i] * x[i];
    return s;
}

Test(central_difference_gradient, evaluation_points, .timeout = 2.0,
     .description = "exactly 2n evaluations, at x + h e_i and x - h e_i, no gradient requested")
{
    enum { N = 7 };
    eval_log log = { N, 0, 0, 64, NULL };
    log.points = calloc(log.cap * N, sizeof *log.points);
    opt_objective f = { N, f_logged, NULL, &log, "logged" };
    double x[N] = { 0.5, -1, 2, 3.25, -0.75, 10, 1e-3 }, g[N];
    const double h = 1e-3;
    EXPECT_STATUS(CDG, central_difference_gradient(&f, x, h, g), OPT_OK,
                  "on sum x_i^2 in 7 dimensions", OK_HINT);
    cr_assert(log.gradient_requests == 0,
              "calls to f that asked for a gradient: expected 0, got %zu. Hint: evaluate with "
              "opt_eval(f, point, NULL) — you are computing the gradient, not asking for it.",
              log.gradient_requests);
    cr_assert(log.calls == 2 * N,
              "evaluations of f for n = 7: expected exactly 2n = 14, got %zu. Hint: two per "
              "coordinate, f(x + h e_i) and f(x - h e_i); f(x) itself is not needed.", log.calls);
    int plus[N] = { 0 }, minus[N] = { 0 };
    for (size_t c = 0; c < log.calls && c < log.cap; c++) {
        const double *p = log.points + c * N;
        size_t moved = 0, which = 0;
        for (size_t j = 0; j < N; j++)
            if (fabs(p[j] - x[j]) > h / 2) {
                moved++;
                which = j;
            }
        cr_assert(moved == 1,
                  "evaluation %zu moved %zu coordinates away from x: expected exactly 1. Hint: "
                  "put each coordinate back to x[i] before moving the next one.", c + 1, moved);
        const double d = p[which] - x[which];
        cr_assert(fabs(fabs(d) - h) <= 1e-9,
                  "evaluation %zu moved coordinate %zu by %s: expected +h or -h with h = %s. "
                  "Hint: evaluate at x + h e_i and x - h e_i.", c + 1, which, grade_num(d),
                  grade_num(h));
        if (d > 0)
            plus[which]++;
        else
            minus[which]++;
    }
    for (size_t j = 0; j < N; j++)
        cr_assert(plus[j] == 1 && minus[j] == 1,
                  "coordinate %zu was evaluated %d time(s) at +h and %d at -h: expected once "
                  "each. Hint: every coordinate needs f(x + h e_i) and f(x - h e_i).",
                  j, plus[j], minus[j]);
    free(log.points);
}

Test(central_difference_gradient, x_unchanged, .timeout = 2.0,
     .description = "x is the same, bit for bit, after the call")
{
    opt_objective f = { 2, f_x2y, NULL, NULL, "x^2 y" };
    double x[] = { 0.1, 0.7 }, copy[2], g[2];
    memcpy(copy, x, sizeof x);
    EXPECT_STATUS(CDG, central_difference_gradient(&f, x, 1e-5, g), OPT_OK,
                  "on x^2 y at (0.1, 0.7)", OK_HINT);
    cr_assert(memcmp(x, copy, sizeof x) == 0,
              "x after the call: expected (0.1, 0.7) unchanged, got (%s, %s). Hint: x is "
              "const; work on a copy (x[i] + h - h is not always x[i] in floating point).",
              grade_num(x[0]), grade_num(x[1]));
}

Test(central_difference_gradient, bad_step, .timeout = 2.0,
     .description = "h = 0, negative, NaN or infinite is OPT_EINVAL")
{
    opt_objective f = { 2, f_x2y, NULL, NULL, "x^2 y" };
    double x[] = { 1, 2 };
    const double steps[] = { 0.0, -1e-5, NAN, INFINITY };
    const char *names[] = { "h = 0", "h = -1e-5", "h = NaN", "h = infinity" };
    for (int k = 0; k < 4; k++) {
        double g[2] = { 42, 42 };
        EXPECT_STATUS(CDG, central_difference_gradient(&f, x, steps[k], g), OPT_EINVAL, names[k],
                      "check that h is a finite number > 0 before anything else (isfinite(h) "
                      "&& h > 0; note that NaN > 0 is false).");
        cr_assert(g[0] == 42 && g[1] == 42,
                  "grad after %s: expected it untouched (42, 42), got (%s, %s). Hint: check the "
                  "arguments before writing anything.", names[k], grade_num(g[0]), grade_num(g[1]));
    }
}

Test(central_difference_gradient, null_arguments, .timeout = 2.0,
     .description = "NULL objective, point or output, or n = 0, is OPT_EINVAL")
{
    opt_objective f = { 2, f_x2y, NULL, NULL, "x^2 y" };
    opt_objective empty = { 0, f_x2y, NULL, NULL, "n = 0" };
    opt_objective no_fdf = { 2, NULL, NULL, NULL, "no fdf" };
    double x[] = { 1, 2 }, g[2];
    const char *hint = "test f, f->fdf, x and grad for NULL and f->n for 0, and return OPT_EINVAL.";
    EXPECT_STATUS(CDG, central_difference_gradient(NULL, x, 1e-5, g), OPT_EINVAL, "with f = NULL", hint);
    EXPECT_STATUS(CDG, central_difference_gradient(&f, NULL, 1e-5, g), OPT_EINVAL, "with x = NULL", hint);
    EXPECT_STATUS(CDG, central_difference_gradient(&f, x, 1e-5, NULL), OPT_EINVAL, "with grad = NULL", hint);
    EXPECT_STATUS(CDG, central_difference_gradient(&empty, x, 1e-5, g), OPT_EINVAL, "with f->n = 0", hint);
    EXPECT_STATUS(CDG, central_difference_gradient(&no_fdf, x, 1e-5, g), OPT_EINVAL,
                  "with f->fdf = NULL", hint);
}

static double f_blows_up(const double *x, double *g, void *ctx)
{
    (void)ctx;
    if (g)
        g[0] = g[1] = 0;
    if (x[1] > 1.0)
        return INFINITY;
    if (x[0] < -1.0)
        return NAN;
    return x[0] + x[1];
}

Test(central_difference_gradient, non_finite_values, .timeout = 2.0,
     .description = "an evaluation that is NaN or infinite gives OPT_EDIVERGED")
{
    opt_objective f = { 2, f_blows_up, NULL, NULL, "blows up" };
    double g[2];
    double at_inf[] = { 0, 1.0 };      /* f(x + h e_1) is infinite */
    EXPECT_STATUS(CDG, central_difference_gradient(&f, at_inf, 1e-3, g), OPT_EDIVERGED,
                  "when f(x + h e_1) is infinite",
                  "check every value of f with isfinite() and return OPT_EDIVERGED.");
    double at_nan[] = { -1.0, 0 };     /* f(x - h e_0) is NaN */
    EXPECT_STATUS(CDG, central_difference_gradient(&f, at_nan, 1e-3, g), OPT_EDIVERGED,
                  "when f(x - h e_0) is NaN",
                  "check every value of f with isfinite() (a NaN compares false with everything).");
}

Test(central_difference_gradient, one_dimension, .timeout = 2.0,
     .description = "d/dx exp(x) at 0 with h = 1e-5")
{
    opt_objective f = { 1, f_exp1, NULL, NULL, "exp" };
    double x[] = { 0 }, g[] = { NAN };
    EXPECT_STATUS(CDG, central_difference_gradient(&f, x, 1e-5, g), OPT_OK, "on exp(x) at 0",
                  OK_HINT);
    cr_assert(fabs(g[0] - 1) < 1e-9,
              "d/dx exp(x) at x = 0 with h = 1e-5: expected 1 (to 1e-9), got %s. Hint: "
              "(exp(h) - exp(-h)) / (2h) = 1 + h^2/6 + ...", grade_num(g[0]));
}

/* ======================================================================== */
/* Exercise 2: gradient_check_error                                         */
/* ======================================================================== */

#define GCE "gradient_check_error"

/* Calls the student's function; *r is NAN unless it was set. */
static int check(const double *a, const double *b, size_t n, double *r)
{
    *r = NAN;
    return gradient_check_error(a, b, n, r);
}

Test(gradient_check_error, equal_vectors, .timeout = 2.0,
     .description = "equal vectors (zeros included) give 0")
{
    const double a[] = { 1, -2, 0, 3.5, 1e-12 };
    double r;
    EXPECT_STATUS(GCE, check(a, a, 5, &r), OPT_OK, "on two equal vectors", OK_HINT);
    cr_assert(r == 0,
              "max relative error of two equal vectors (1, -2, 0, 3.5, 1e-12): expected 0, got %s. "
              "Hint: when both entries are 0 the error is 0, not 0/0 = NaN.", grade_num(r));
}

Test(gradient_check_error, hand_computed, .timeout = 2.0,
     .description = "(1, 2, 3) against (1, 2.2, 3) gives 0.2 / 2.2")
{
    const double a[] = { 1, 2, 3 }, b[] = { 1, 2.2, 3 };
    double r;
    EXPECT_STATUS(GCE, check(a, b, 3, &r), OPT_OK, "on (1,2,3) vs (1,2.2,3)", OK_HINT);
    const double want = 0.2 / 2.2;
    cr_assert(close_to(r, want, 1e-12),
              "max relative error of (1, 2, 3) vs (1, 2.2, 3): expected |2 - 2.2| / max(2, 2.2) = "
              "%s, got %s. Hint: divide by the larger magnitude, max(|a_i|, |n_i|)%s.",
              grade_num(want), grade_num(r),
              close_to(r, 0.1, 1e-9) ? " (0.1 divides by |a_i|)" : "");
}

Test(gradient_check_error, one_zero_entry, .timeout = 2.0,
     .description = "0 against 1e-3 gives 1; 0 against 0 gives 0")
{
    const double a[] = { 0, 0 }, b[] = { 0, 1e-3 };
    double r;
    EXPECT_STATUS(GCE, check(a, b, 2, &r), OPT_OK, "on (0, 0) vs (0, 1e-3)", OK_HINT);
    cr_assert(close_to(r, 1, 1e-15),
              "max relative error of (0, 0) vs (0, 1e-3): expected 1 (0 for the first pair, "
              "|0 - 1e-3| / 1e-3 for the second), got %s. Hint: only when BOTH are 0 is the error 0.",
              grade_num(r));
}

Test(gradient_check_error, opposite_signs, .timeout = 2.0,
     .description = "1 against -1 gives 2, the largest possible value")
{
    const double a[] = { 1 }, b[] = { -1 };
    double r;
    EXPECT_STATUS(GCE, check(a, b, 1, &r), OPT_OK, "on (1) vs (-1)", OK_HINT);
    cr_assert(close_to(r, 2, 1e-15),
              "relative error of 1 vs -1: expected |1 - (-1)| / max(1, 1) = 2, got %s. Hint: use "
              "absolute values in the denominator, fabs(a) and fabs(n), not a and n.",
              grade_num(r));
}

Test(gradient_check_error, factor_two, .timeout = 2.0,
     .description = "a gradient twice too large gives 0.5")
{
    const double n[] = { 0.3, -1.7, 4e-4, 250 };
    double a[4], r;
    for (int i = 0; i < 4; i++)
        a[i] = 2 * n[i];
    EXPECT_STATUS(GCE, check(a, n, 4, &r), OPT_OK, "on a = 2n", OK_HINT);
    cr_assert(close_to(r, 0.5, 1e-14),
              "max relative error when analytic = 2 * numeric: expected |2n - n| / |2n| = 0.5 in "
              "every coordinate, got %s. Hint: the denominator is max(|a_i|, |n_i|).",
              grade_num(r));
}

Test(gradient_check_error, maximum_over_all, .timeout = 2.0,
     .description = "the worst coordinate is the last one")
{
    const double a[] = { 1, 1, 1, 1, 1, 1 }, b[] = { 1, 1 + 1e-9, 1, 1 - 1e-6, 1, 0.5 };
    double r;
    EXPECT_STATUS(GCE, check(a, b, 6, &r), OPT_OK, "on six coordinates", OK_HINT);
    cr_assert(close_to(r, 0.5, 1e-14),
              "max relative error of six coordinates whose worst (0.5) is the last: got %s. "
              "Hint: loop i = 0 .. n-1 inclusive and keep the largest, not the last or the first.",
              grade_num(r));
}

Test(gradient_check_error, scale_invariant, .timeout = 2.0,
     .description = "the same relative error at 1e-200 and at 1e200")
{
    const double tiny_a[] = { 1.1e-200 }, tiny_b[] = { 1e-200 };
    const double huge_a[] = { 1.1e200 }, huge_b[] = { 1e200 };
    double r;
    const double want = 0.1 / 1.1;
    EXPECT_STATUS(GCE, check(tiny_a, tiny_b, 1, &r), OPT_OK, "on 1.1e-200 vs 1e-200", OK_HINT);
    cr_assert(close_to(r, want, 1e-12),
              "relative error of 1.1e-200 vs 1e-200: expected %s, got %s. Hint: no absolute "
              "threshold or added epsilon — the error is relative.", grade_num(want), grade_num(r));
    EXPECT_STATUS(GCE, check(huge_a, huge_b, 1, &r), OPT_OK, "on 1.1e200 vs 1e200", OK_HINT);
    cr_assert(close_to(r, want, 1e-12),
              "relative error of 1.1e200 vs 1e200: expected %s, got %s. Hint: avoid squaring "
              "the entries (1e200^2 overflows).", grade_num(want), grade_num(r));
}

Test(gradient_check_error, not_finite, .timeout = 2.0,
     .description = "NaN or infinity anywhere is OPT_EDIVERGED, result untouched")
{
    const double good[] = { 1, 2, 3 };
    const double with_nan[] = { 1, 2, NAN };
    const double with_inf[] = { INFINITY, 2, 3 };
    const char *hint = "test every entry with isfinite(); a running maximum skips NaN silently, "
                       "because every comparison with NaN is false.";
    double r = 7;
    EXPECT_STATUS(GCE, gradient_check_error(good, with_nan, 3, &r), OPT_EDIVERGED,
                  "with numeric[2] = NaN", hint);
    cr_assert(r == 7, "max_rel_error after OPT_EDIVERGED: expected it untouched (7), got %s. "
              "Hint: check before you store.", grade_num(r));
    EXPECT_STATUS(GCE, gradient_check_error(with_nan, good, 3, &r), OPT_EDIVERGED,
                  "with analytic[2] = NaN", hint);
    EXPECT_STATUS(GCE, gradient_check_error(with_inf, good, 3, &r), OPT_EDIVERGED,
                  "with analytic[0] = infinity", hint);
}

Test(gradient_check_error, bad_arguments, .timeout = 2.0,
     .description = "NULL pointers or n = 0 is OPT_EINVAL")
{
    const double a[] = { 1 };
    double r;
    const char *hint = "test the three pointers for NULL and n for 0 first, and return OPT_EINVAL.";
    EXPECT_STATUS(GCE, gradient_check_error(NULL, a, 1, &r), OPT_EINVAL, "with analytic = NULL", hint);
    EXPECT_STATUS(GCE, gradient_check_error(a, NULL, 1, &r), OPT_EINVAL, "with numeric = NULL", hint);
    EXPECT_STATUS(GCE, gradient_check_error(a, a, 1, NULL), OPT_EINVAL, "with max_rel_error = NULL", hint);
    EXPECT_STATUS(GCE, gradient_check_error(a, a, 0, &r), OPT_EINVAL, "with n = 0", hint);
}

/* ======================================================================== */
/* Exercise 3: sigmoid_neuron_backward                                      */
/* ======================================================================== */

#define SNB "sigmoid_neuron_backward"

/* The expected values, from the closed form. */
typedef struct neuron { double out, dw[3], dx[2]; } neuron;

static neuron expected_neuron(const double w[3], const double x[2])
{
    const long double s = (long double)w[0] * x[0] + (long double)w[1] * x[1] + w[2];
    const long double f = 1.0L / (1.0L + expl(-s));
    const long double ds = 1.0L / ((1.0L + expl(-s)) * (1.0L + expl(s)));
    return (neuron){ (double)f, { (double)(ds * x[0]), (double)(ds * x[1]), (double)ds },
                     { (double)(ds * w[0]), (double)(ds * w[1]) } };
}

static neuron call_neuron(const double w[3], const double x[2], int *status)
{
    neuron r = { NAN, { NAN, NAN, NAN }, { NAN, NAN } };
    *status = sigmoid_neuron_backward(w, x, &r.out, r.dw, r.dx);
    return r;
}

/* Compares every output with tolerance tol (absolute, relative above 1). */
static void expect_neuron(const double w[3], const double x[2], double tol, const char *hint)
{
    int st;
    neuron got = call_neuron(w, x, &st);
    EXPECT_STATUS(SNB, st, OPT_OK, "on finite inputs", OK_HINT);
    neuron want = expected_neuron(w, x);
    const char *names[] = { "out", "dw[0]", "dw[1]", "dw[2]", "dx[0]", "dx[1]" };
    const double g[] = { got.out, got.dw[0], got.dw[1], got.dw[2], got.dx[0], got.dx[1] };
    const double e[] = { want.out, want.dw[0], want.dw[1], want.dw[2], want.dx[0], want.dx[1] };
    for (int k = 0; k < 6; k++)
        cr_assert(isfinite(g[k]) && close_to(g[k], e[k], tol),
                  "%s of the sigmoid neuron at w = (%s, %s, %s), x = (%s, %s): expected %s, "
                  "got %s. Hint: %s", names[k], grade_num(w[0]), grade_num(w[1]), grade_num(w[2]),
                  grade_num(x[0]), grade_num(x[1]), grade_num(e[k]), grade_num(g[k]), hint);
}

Test(sigmoid_neuron_backward, lecture_values, .timeout = 2.0,
     .description = "w = (2, -3, -3), x = (-1, -2): f = 0.73, dw = (-0.20, -0.39, 0.20), dx = (0.39, -0.59)")
{
    const double w[] = { 2, -3, -3 }, x[] = { -1, -2 };
    expect_neuron(w, x, 1e-12,
                  "forward s = w0 x0 + w1 x1 + w2 = 1, f = 1/(1 + e^-1) = 0.731; df/ds = "
                  "f (1 - f) = 0.197; dw = df/ds * (x0, x1, 1); dx = df/ds * (w0, w1).");
}

Test(sigmoid_neuron_backward, zero_weights, .timeout = 2.0,
     .description = "w = 0: f = 1/2, df/ds = 1/4, dx = 0")
{
    const double w[] = { 0, 0, 0 }, x[] = { 3, -5 };
    expect_neuron(w, x, 1e-14,
                  "at s = 0, f = 0.5 and df/ds = 0.25, so dw = 0.25 (x0, x1, 1) and dx = "
                  "0.25 (w0, w1) = 0. Is dx using w, and dw using x (a product gate swaps)?");
}

Test(sigmoid_neuron_backward, matches_central_differences, .timeout = 2.0,
     .description = "gradients agree with central differences of f at ten points")
{
    const double pts[10][5] = {
        { 0.5, 1.5, -0.2, 0.3, -0.7 }, { -1, 2, 0.1, 1.2, 0.4 }, { 3, -0.5, 2, -1, 2 },
        { 0.01, -0.02, 0.03, 10, -10 }, { -2.5, -2.5, 1, 0.8, 0.9 }, { 1, 1, 1, 1, 1 },
        { 4, 0.25, -3, 0.5, 2 }, { -0.3, 0.6, -0.9, -2, -3 }, { 7, -7, 0.5, 0.2, 0.3 },
        { 0.2, 0.1, 5, -1, 1 },
    };
    for (int p = 0; p < 10; p++) {
        double w[3] = { pts[p][0], pts[p][1], pts[p][2] }, x[2] = { pts[p][3], pts[p][4] };
        int st;
        neuron got = call_neuron(w, x, &st);
        EXPECT_STATUS(SNB, st, OPT_OK, "on finite inputs", OK_HINT);
        /* Central differences of the closed-form f, one input at a time. */
        double *inputs[5] = { &w[0], &w[1], &w[2], &x[0], &x[1] };
        const double g[5] = { got.dw[0], got.dw[1], got.dw[2], got.dx[0], got.dx[1] };
        const char *names[5] = { "dw[0]", "dw[1]", "dw[2]", "dx[0]", "dx[1]" };
        for (int k = 0; k < 5; k++) {
            const double h = 1e-5, v = *inputs[k];
            *inputs[k] = v + h;
            const double fp = expected_neuron(w, x).out;
            *inputs[k] = v - h;
            const double fm = expected_neuron(w, x).out;
            *inputs[k] = v;
            const double numeric = (fp - fm) / (2 * h);
            cr_assert(fabs(g[k] - numeric) <= 1e-7,
                      "%s at w = (%s, %s, %s), x = (%s, %s): central differences of f give %s, "
                      "your function gave %s. Hint: the gradient for w_k multiplies df/ds by x_k "
                      "(and by 1 for w2); the gradient for x_k multiplies it by w_k.",
                      names[k], grade_num(w[0]), grade_num(w[1]), grade_num(w[2]), grade_num(x[0]),
                      grade_num(x[1]), grade_num(numeric), grade_num(g[k]));
        }
    }
}

Test(sigmoid_neuron_backward, extreme_inputs, .timeout = 2.0,
     .description = "|s| up to 1000: finite outputs, f in [0, 1], gradients near 0")
{
    const double cases[][5] = {
        { 1, 1, 1000, 0.5, 0.5 },       /* s = 1001 */
        { 1, 1, -1000, 0.5, 0.5 },      /* s = -999 */
        { 100, -100, 0, -5, 5 },        /* s = -1000 */
        { 30, 0, 0, 1, 0 },             /* s = 30 */
        { -40, 0, 0, 1, 0 },            /* s = -40 */
    };
    for (int c = 0; c < 5; c++) {
        const double w[3] = { cases[c][0], cases[c][1], cases[c][2] };
        const double x[2] = { cases[c][3], cases[c][4] };
        int st;
        neuron got = call_neuron(w, x, &st);
        EXPECT_STATUS(SNB, st, OPT_OK, "on large but finite inputs",
                      "large inputs are valid: return OPT_OK.");
        neuron want = expected_neuron(w, x);
        const double s = w[0] * x[0] + w[1] * x[1] + w[2];
        const double g[6] = { got.out, got.dw[0], got.dw[1], got.dw[2], got.dx[0], got.dx[1] };
        const double e[6] = { want.out, want.dw[0], want.dw[1], want.dw[2], want.dx[0], want.dx[1] };
        const char *names[6] = { "out", "dw[0]", "dw[1]", "dw[2]", "dx[0]", "dx[1]" };
        for (int k = 0; k < 6; k++) {
            cr_assert(isfinite(g[k]),
                      "%s of the sigmoid neuron at s = w0 x0 + w1 x1 + w2 = %s: expected %s, got "
                      "%s. Hint: exp(%s) overflows to infinity and inf * 0 = NaN; compute "
                      "f = 1/(1+exp(-s)) for s >= 0 and exp(s)/(1+exp(s)) for s < 0, and use "
                      "df/ds = f (1 - f).", names[k], grade_num(s), grade_num(e[k]),
                      grade_num(g[k]), grade_num(fabs(s)));
            cr_assert(fabs(g[k] - e[k]) <= 1e-12,
                      "%s of the sigmoid neuron at s = w0 x0 + w1 x1 + w2 = %s: expected %s, got "
                      "%s. Hint: the value is finite but wrong; check the same formula on the "
                      "lecture's values first (dw = f(1-f) (x0, x1, 1), dx = f(1-f) (w0, w1)).",
                      names[k], grade_num(s), grade_num(e[k]), grade_num(g[k]));
        }
        cr_assert(got.out >= 0 && got.out <= 1,
                  "out at s = %s: expected a value in [0, 1], got %s.", grade_num(s),
                  grade_num(got.out));
    }
}

Test(sigmoid_neuron_backward, bad_arguments, .timeout = 2.0,
     .description = "NULL pointers or NaN/infinite inputs are OPT_EINVAL")
{
    const double w[] = { 2, -3, -3 }, x[] = { -1, -2 };
    double out, dw[3], dx[2];
    const char *hint = "test all five pointers for NULL, and every entry of w and x with "
                       "isfinite(), before computing anything.";
    EXPECT_STATUS(SNB, sigmoid_neuron_backward(NULL, x, &out, dw, dx), OPT_EINVAL, "with w = NULL", hint);
    EXPECT_STATUS(SNB, sigmoid_neuron_backward(w, NULL, &out, dw, dx), OPT_EINVAL, "with x = NULL", hint);
    EXPECT_STATUS(SNB, sigmoid_neuron_backward(w, x, NULL, dw, dx), OPT_EINVAL, "with out = NULL", hint);
    EXPECT_STATUS(SNB, sigmoid_neuron_backward(w, x, &out, NULL, dx), OPT_EINVAL, "with dw = NULL", hint);
    EXPECT_STATUS(SNB, sigmoid_neuron_backward(w, x, &out, dw, NULL), OPT_EINVAL, "with dx = NULL", hint);
    const double w_nan[] = { 2, NAN, -3 }, x_inf[] = { -1, INFINITY };
    EXPECT_STATUS(SNB, sigmoid_neuron_backward(w_nan, x, &out, dw, dx), OPT_EINVAL, "with w[1] = NaN", hint);
    EXPECT_STATUS(SNB, sigmoid_neuron_backward(w, x_inf, &out, dw, dx), OPT_EINVAL,
                  "with x[1] = infinity", hint);
}
