/* 02-taylor.c — autograder tests for Lab 02 (labs/02-taylor/exercise.h).
 *
 * One suite per exercise, named after the function. Every failure message
 * says what was checked, what was expected, what came back, and a hint.
 * A stub that returns OPT_ENOTIMPL fails every test with "not implemented".
 * Points and visibility: tests/grade/02-taylor.points.
 *
 * Expected values are worked out here independently: the quadratic model
 * of a quadratic function is the function itself, so the tests evaluate
 * the function; directions are compared with closed forms.
 */
#define GRADE_LAB "02-taylor"
#include "grade.h"

/* ======================================================================== */
/* Exercise 1: taylor2_model                                                */
/* ======================================================================== */

#define T2M "taylor2_model"

/* A quadratic f(x) = c + b^T x + (1/2) x^T A x in n dimensions (A
 * symmetric): its value, gradient A x + b and Hessian A. */
typedef struct quadratic { size_t n; const double *A, *b; double c; } quadratic;

static double quad_value(const quadratic *q, const double *x)
{
    long double s = q->c;
    for (size_t i = 0; i < q->n; i++) {
        s += (long double)q->b[i] * x[i];
        for (size_t j = 0; j < q->n; j++)
            s += 0.5L * x[i] * q->A[i * q->n + j] * x[j];
    }
    return (double)s;
}

static void quad_gradient(const quadratic *q, const double *x, double *g)
{
    for (size_t i = 0; i < q->n; i++) {
        long double s = q->b[i];
        for (size_t j = 0; j < q->n; j++)
            s += (long double)q->A[i * q->n + j] * x[j];
        g[i] = (double)s;
    }
}

/* The model at x0 of a quadratic must equal the quadratic at x0 + delta. */
static void expect_exact(const quadratic *q, const double *x0, const double *delta,
                         const char *what, const char *hint)
{
    const size_t n = q->n;
    double *g = malloc(n * sizeof *g), *x1 = malloc(n * sizeof *x1);
    quad_gradient(q, x0, g);
    for (size_t i = 0; i < n; i++)
        x1[i] = x0[i] + delta[i];
    const double want = quad_value(q, x1);
    double value = NAN;
    EXPECT_STATUS(T2M, taylor2_model(quad_value(q, x0), g, q->A, delta, n, &value), OPT_OK, what,
                  OK_HINT);
    cr_assert(close_to(value, want, 1e-12),
              "%s: the model of a quadratic function is the function itself, so expected f(x0 + "
              "delta) = %s, got %s. Hint: %s", what, grade_num(want), grade_num(value), hint);
    free(g);
    free(x1);
}

Test(taylor2_model, exp_second_order, .timeout = 2.0,
     .description = "e^x at 0 with delta = 0.5: P2(0.5) = 1 + 0.5 + 0.125 = 1.625")
{
    const double g[] = { 1 }, H[] = { 1 }, delta[] = { 0.5 };
    double value = NAN;
    EXPECT_STATUS(T2M, taylor2_model(1, g, H, delta, 1, &value), OPT_OK, "on e^x at 0", OK_HINT);
    const char *hint = "m2 = f0 + g delta + (1/2) H delta^2 = 1 + 0.5 + 0.125";
    if (value == 1.5)
        hint = "1.5 is the linear model only: add (1/2) delta^T H delta";
    else if (value == 1.75)
        hint = "1.75 has delta^T H delta without the factor 1/2";
    else if (value == 0.625)
        hint = "0.625 subtracts g^T delta: the linear term is + g^T delta";
    cr_assert(value == 1.625,
              "the second-order model of e^x at 0 (f0 = g = H = 1) at delta = 0.5: expected "
              "exactly 1.625, got %s. Hint: %s.", grade_num(value), hint);
}

Test(taylor2_model, zero_step, .timeout = 2.0,
     .description = "delta = 0 gives f0")
{
    const double g[] = { 3, -1 }, H[] = { 2, 1, 1, 5 }, delta[] = { 0, 0 };
    double value = NAN;
    EXPECT_STATUS(T2M, taylor2_model(-4.25, g, H, delta, 2, &value), OPT_OK, "at delta = 0",
                  OK_HINT);
    cr_assert(value == -4.25, "the model at delta = 0 with f0 = -4.25: expected -4.25, got %s. "
              "Hint: m2(0) = f0; do not drop or rescale f0.", grade_num(value));
}

/* 3x^2 + 2xy - y^2 + x - 4y + 5 = 5 + (1, -4)^T x + (1/2) x^T [6 2; 2 -2] x. */
Test(taylor2_model, quadratic_2d, .timeout = 2.0,
     .description = "3x^2 + 2xy - y^2 + x - 4y + 5 from (1, 2) by (0.5, -1.5): exactly f = 12.5")
{
    const double A[] = { 6, 2, 2, -2 }, b[] = { 1, -4 };
    const quadratic q = { 2, A, b, 5 };
    const double x0[] = { 1, 2 }, delta[] = { 0.5, -1.5 };
    expect_exact(&q, x0, delta, "3x^2 + 2xy - y^2 + x - 4y + 5 from (1, 2) by (0.5, -1.5)",
                 "the off-diagonal H[0*2 + 1] and H[1*2 + 0] each contribute delta[0] H delta[1]; "
                 "sum over all i and j, not only i = j, and halve the whole double sum once.");
}

Test(taylor2_model, off_diagonal_3d, .timeout = 2.0,
     .description = "a 3-D quadratic with every Hessian entry non-zero")
{
    const double A[] = { 4, -1, 2, -1, 3, 0.5, 2, 0.5, 5 }, b[] = { 0.5, -2, 1 };
    const quadratic q = { 3, A, b, -1 };
    const double x0[] = { 0.3, -1.2, 2 }, delta[] = { -0.7, 0.4, 1.1 };
    expect_exact(&q, x0, delta, "a 3-D quadratic with off-diagonal Hessian entries",
                 "delta^T H delta = sum_i sum_j delta[i] H[i*n + j] delta[j] (row-major: row i "
                 "starts at H + i*n).");
}

Test(taylor2_model, six_dimensions, .timeout = 2.0,
     .description = "a 6-D quadratic: every index 0 .. n-1 counts")
{
    enum { N = 6 };
    double A[N * N], b[N], x0[N], delta[N];
    for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++)
            A[i * N + j] = 1.0 / (1 + abs(i - j)) + (i == j ? 2 : 0);
        b[i] = 0.25 * i - 1;
        x0[i] = 1.5 - 0.4 * i;
        delta[i] = (i % 2 ? -0.3 : 0.2) * (i + 1);
    }
    const quadratic q = { N, A, b, 2 };
    expect_exact(&q, x0, delta, "a 6-D quadratic",
                 "loop over every i and j from 0 to n-1 inclusive, in both the linear and the "
                 "quadratic term; H is n-by-n, row-major.");
}

Test(taylor2_model, nonsymmetric_storage, .timeout = 2.0,
     .description = "the double sum over all entries, even if H[i][j] != H[j][i]")
{
    /* sum_ij delta_i H_ij delta_j with delta = (1, 2), H = [1 4; 0 3]:
     * 1*1*1 + 1*4*2 + 2*0*1 + 2*3*2 = 21; half of it is 10.5. */
    const double g[] = { 0, 0 }, H[] = { 1, 4, 0, 3 }, delta[] = { 1, 2 };
    double value = NAN;
    EXPECT_STATUS(T2M, taylor2_model(0, g, H, delta, 2, &value), OPT_OK,
                  "with H = [1 4; 0 3], delta = (1, 2)", OK_HINT);
    cr_assert(close_to(value, 10.5, 1e-14),
              "the model with f0 = 0, g = 0, H = [1 4; 0 3] (not symmetric), delta = (1, 2): "
              "expected (1/2) sum_ij delta_i H_ij delta_j = (1/2)(1 + 8 + 0 + 12) = 10.5, got "
              "%s. Hint: the exercise asks for the sum over all i and j; do not use only one "
              "triangle of H and double it.", grade_num(value));
}

Test(taylor2_model, not_finite, .timeout = 2.0,
     .description = "a NaN input or an overflowing sum is OPT_EDIVERGED, value untouched")
{
    const double g[] = { 1, NAN }, H[] = { 1, 0, 0, 1 }, delta[] = { 1, 1 };
    double value = 7;
    EXPECT_STATUS(T2M, taylor2_model(0, g, H, delta, 2, &value), OPT_EDIVERGED, "with g[1] = NaN",
                  "check the result with isfinite() before storing it.");
    cr_assert(value == 7, "value after OPT_EDIVERGED: expected it untouched (7), got %s.",
              grade_num(value));
    const double g2[] = { 0, 0 }, H2[] = { 1e300, 0, 0, 1e300 }, big[] = { 1e10, 1e10 };
    EXPECT_STATUS(T2M, taylor2_model(0, g2, H2, big, 2, &value), OPT_EDIVERGED,
                  "when delta^T H delta overflows (H = 1e300 I, delta = (1e10, 1e10))",
                  "the sum is infinite: check the result with isfinite().");
    EXPECT_STATUS(T2M, taylor2_model(INFINITY, g2, H, delta, 2, &value), OPT_EDIVERGED,
                  "with f0 = infinity", "check the result with isfinite().");
}

Test(taylor2_model, bad_arguments, .timeout = 2.0,
     .description = "NULL pointers or n = 0 is OPT_EINVAL")
{
    const double g[] = { 1 }, H[] = { 1 }, delta[] = { 1 };
    double value = 7;
    const char *hint = "test g, H, delta and value for NULL and n for 0, and return OPT_EINVAL.";
    EXPECT_STATUS(T2M, taylor2_model(0, NULL, H, delta, 1, &value), OPT_EINVAL, "with g = NULL", hint);
    EXPECT_STATUS(T2M, taylor2_model(0, g, NULL, delta, 1, &value), OPT_EINVAL, "with H = NULL", hint);
    EXPECT_STATUS(T2M, taylor2_model(0, g, H, NULL, 1, &value), OPT_EINVAL, "with delta = NULL", hint);
    EXPECT_STATUS(T2M, taylor2_model(0, g, H, delta, 1, NULL), OPT_EINVAL, "with value = NULL", hint);
    EXPECT_STATUS(T2M, taylor2_model(0, g, H, delta, 0, &value), OPT_EINVAL, "with n = 0", hint);
    cr_assert(value == 7, "value after OPT_EINVAL: expected it untouched (7), got %s.",
              grade_num(value));
}

/* ======================================================================== */
/* Exercise 2: steepest_unit_direction                                      */
/* ======================================================================== */

#define SUD "steepest_unit_direction"

/* Calls the student's function on g (n entries) and checks v against
 * want to tol (absolute; v has entries of size at most 1). */
static void expect_direction(const double *g, size_t n, const double *want, double tol,
                             const char *what, const char *hint)
{
    double v[16];
    for (size_t i = 0; i < n; i++)
        v[i] = NAN;
    EXPECT_STATUS(SUD, steepest_unit_direction(g, n, v), OPT_OK, what,
                  "return OPT_OK for any finite, non-zero gradient.");
    for (size_t i = 0; i < n; i++)
        cr_assert(fabs(v[i] - want[i]) <= tol,
                  "%s: v[%zu] expected %s, got %s. Hint: %s", what, i, grade_num(want[i]),
                  grade_num(v[i]), hint);
}

Test(steepest_unit_direction, three_four, .timeout = 2.0,
     .description = "g = (3, 4): v = (-0.6, -0.8)")
{
    const double g[] = { 3, 4 }, want[] = { -0.6, -0.8 };
    double v[2] = { NAN, NAN };
    EXPECT_STATUS(SUD, steepest_unit_direction(g, 2, v), OPT_OK, "for g = (3, 4)",
                  "return OPT_OK for any finite, non-zero gradient.");
    const char *hint = "v = -g / ||g|| with ||g|| = sqrt(3^2 + 4^2) = 5";
    if (fabs(v[0] - 0.6) < 1e-12 && fabs(v[1] - 0.8) < 1e-12)
        hint = "(0.6, 0.8) points uphill, along g: the steepest DESCENT direction is -g / ||g||";
    else if (fabs(v[0] + 3) < 1e-12 && fabs(v[1] + 4) < 1e-12)
        hint = "(-3, -4) is -g itself: divide by ||g|| = 5 to make it a unit vector";
    else if (fabs(v[0] + 3.0 / 7) < 1e-12 && fabs(v[1] + 4.0 / 7) < 1e-12)
        hint = "you divided by |3| + |4| = 7; the Euclidean length is sqrt(3^2 + 4^2) = 5";
    for (int i = 0; i < 2; i++)
        cr_assert(fabs(v[i] - want[i]) <= 1e-14,
                  "steepest unit direction for g = (3, 4): expected (-0.6, -0.8), got (%s, "
                  "%s). Hint: %s.", grade_num(v[0]), grade_num(v[1]), hint);
}

Test(steepest_unit_direction, one_dimension, .timeout = 2.0,
     .description = "g = (-2.5): v = (1)")
{
    const double g[] = { -2.5 }, want[] = { 1 };
    expect_direction(g, 1, want, 1e-15, "for g = (-2.5)",
                     "in one dimension -g / |g| is +1 when g < 0: go downhill, to the right.");
}

Test(steepest_unit_direction, ten_dimensions, .timeout = 2.0,
     .description = "10-D: ||v|| = 1, v^T g = -||g||, better than every +-e_i")
{
    enum { N = 10 };
    double g[N], v[N];
    long double ss = 0;
    for (int i = 0; i < N; i++) {
        g[i] = (i % 3 == 0 ? -1.0 : 1.0) * (0.5 + 0.37 * i * i);
        ss += (long double)g[i] * g[i];
        v[i] = NAN;
    }
    const double gnorm = (double)sqrtl(ss);
    EXPECT_STATUS(SUD, steepest_unit_direction(g, N, v), OPT_OK, "for a 10-D gradient",
                  "return OPT_OK for any finite, non-zero gradient.");
    long double vv = 0, vg = 0;
    for (int i = 0; i < N; i++) {
        vv += (long double)v[i] * v[i];
        vg += (long double)v[i] * g[i];
    }
    cr_assert(fabsl(vv - 1) <= 1e-14L,
              "||v||^2 for a 10-D gradient: expected 1 (a unit vector), got %s. Hint: divide "
              "every entry by the Euclidean norm sqrt(sum g_i^2), over all n entries.",
              grade_num(vv));
    cr_assert(close_to((double)vg, -gnorm, 1e-14),
              "v^T g for a 10-D gradient: expected -||g|| = %s, got %s. Hint: v must be "
              "-g / ||g||, exactly opposite to g.", grade_num(-gnorm), grade_num(vg));
    for (int i = 0; i < N; i++)
        cr_assert((double)vg <= -fabs(g[i]),
                  "the coordinate direction -sign(g_%d) e_%d has slope %s, steeper than your v "
                  "(%s). Hint: no unit vector beats -g/||g||.", i, i, grade_num(-fabs(g[i])),
                  grade_num(vg));
}

Test(steepest_unit_direction, huge_gradient, .timeout = 2.0,
     .description = "g = (3e200, -4e200): v = (-0.6, 0.8), no overflow")
{
    const double g[] = { 3e200, -4e200 }, want[] = { -0.6, 0.8 };
    expect_direction(g, 2, want, 1e-14, "for g = (3e200, -4e200)",
                     "(3e200)^2 overflows to infinity, so sqrt(sum g_i^2) is infinite and v "
                     "comes out 0; divide every g_i by max_i |g_i| before squaring (or use "
                     "opt_norm2).");
}

Test(steepest_unit_direction, tiny_gradient, .timeout = 2.0,
     .description = "g = (3e-200, 4e-200) and (0, 5e-320): no underflow")
{
    const double g[] = { 3e-200, 4e-200 }, want[] = { -0.6, -0.8 };
    const char *hint = "(3e-200)^2 underflows to 0, so sqrt(sum g_i^2) is 0 and you divide by "
                       "zero; divide every g_i by max_i |g_i| before squaring (or use opt_norm2).";
    expect_direction(g, 2, want, 1e-14, "for g = (3e-200, 4e-200)", hint);
    const double g2[] = { 0, 5e-320 }, want2[] = { 0, -1 };
    expect_direction(g2, 2, want2, 1e-14, "for g = (0, 5e-320), a subnormal number", hint);
}

Test(steepest_unit_direction, zero_gradient, .timeout = 2.0,
     .description = "g = 0: no steepest direction, OPT_EINVAL, v untouched")
{
    const double g[] = { 0, 0, 0 };
    double v[3] = { 7, 7, 7 };
    EXPECT_STATUS(SUD, steepest_unit_direction(g, 3, v), OPT_EINVAL, "for g = (0, 0, 0)",
                  "at a stationary point every direction has slope 0 to first order: there is "
                  "no steepest one. Return OPT_EINVAL instead of dividing 0 by 0 (NaN).");
    cr_assert(v[0] == 7 && v[1] == 7 && v[2] == 7,
              "v after OPT_EINVAL: expected it untouched (7, 7, 7), got (%s, %s, %s). Hint: "
              "decide before writing.", grade_num(v[0]), grade_num(v[1]), grade_num(v[2]));
}

Test(steepest_unit_direction, not_finite, .timeout = 2.0,
     .description = "NaN or infinity in g is OPT_EDIVERGED, v untouched")
{
    const double g_nan[] = { 1, NAN }, g_inf[] = { -INFINITY, 2 };
    double v[2] = { 7, 7 };
    const char *hint = "check every g[i] with isfinite() first (max and comparisons skip NaN).";
    EXPECT_STATUS(SUD, steepest_unit_direction(g_nan, 2, v), OPT_EDIVERGED, "for g = (1, NaN)", hint);
    EXPECT_STATUS(SUD, steepest_unit_direction(g_inf, 2, v), OPT_EDIVERGED, "for g = (-inf, 2)", hint);
    cr_assert(v[0] == 7 && v[1] == 7, "v after OPT_EDIVERGED: expected it untouched (7, 7), got "
              "(%s, %s).", grade_num(v[0]), grade_num(v[1]));
}

Test(steepest_unit_direction, bad_arguments, .timeout = 2.0,
     .description = "NULL pointers or n = 0 is OPT_EINVAL")
{
    const double g[] = { 1, 2 };
    double v[2];
    const char *hint = "test g and v for NULL and n for 0, and return OPT_EINVAL.";
    EXPECT_STATUS(SUD, steepest_unit_direction(NULL, 2, v), OPT_EINVAL, "with g = NULL", hint);
    EXPECT_STATUS(SUD, steepest_unit_direction(g, 2, NULL), OPT_EINVAL, "with v = NULL", hint);
    EXPECT_STATUS(SUD, steepest_unit_direction(g, 0, v), OPT_EINVAL, "with n = 0", hint);
}
