/* 03-conditioning.c — autograder tests for Lab 03
 * (labs/03-conditioning/exercise.h).
 *
 * One suite per exercise, named after the function. Every failure message
 * says what was checked, what was expected, what came back, and a hint.
 * A stub that returns OPT_ENOTIMPL fails every test with "not implemented".
 * Points and visibility: tests/grade/03-conditioning.points.
 *
 * Expected values are worked out here independently: steps by hand and by
 * the closed form of gradient descent on a diagonal quadratic; matrices
 * built with known eigenvalues (rotations, reflections, the tridiagonal
 * Toeplitz matrix); changes of quadratic functions evaluated directly.
 */
#define GRADE_LAB "03-conditioning"
#include "grade.h"

/* ======================================================================== */
/* Exercise 1: gradient_descent_step                                        */
/* ======================================================================== */

#define GDS "gradient_descent_step"

Test(gradient_descent_step, by_hand, .timeout = 2.0,
     .description = "x = (1, -2), g = (0.5, 4), eta = 0.1: x becomes (0.95, -2.4)")
{
    double x[] = { 1, -2 };
    const double g[] = { 0.5, 4 };
    EXPECT_STATUS(GDS, gradient_descent_step(x, g, 2, 0.1), OPT_OK, "on x = (1, -2)", OK_HINT);
    const char *hint = "x[i] = x[i] - eta * g[i]";
    if (close_to(x[0], 1.05, 1e-14) && close_to(x[1], -1.6, 1e-14))
        hint = "(1.05, -1.6) is x + eta g, uphill: subtract the gradient";
    else if (close_to(x[0], 0.5, 1e-14) && close_to(x[1], -6, 1e-14))
        hint = "(0.5, -6) is x - g: multiply the gradient by eta";
    cr_assert(close_to(x[0], 0.95, 1e-14) && close_to(x[1], -2.4, 1e-14),
              "one step from x = (1, -2) with g = (0.5, 4), eta = 0.1: expected (0.95, -2.4), "
              "got (%s, %s). Hint: %s.", grade_num(x[0]), grade_num(x[1]), hint);
}

Test(gradient_descent_step, one_dimension, .timeout = 2.0,
     .description = "x = 3, g = -2, eta = 0.25: x becomes 3.5")
{
    double x[] = { 3 };
    const double g[] = { -2 };
    EXPECT_STATUS(GDS, gradient_descent_step(x, g, 1, 0.25), OPT_OK, "on x = 3", OK_HINT);
    cr_assert(x[0] == 3.5, "one step from x = 3 with g = -2, eta = 0.25: expected 3.5 (a "
              "negative slope moves x to the right), got %s.", grade_num(x[0]));
}

Test(gradient_descent_step, seven_dimensions, .timeout = 2.0,
     .description = "every one of 7 coordinates moves, the last included; g is not changed")
{
    double x[7], g[7], g_copy[7];
    for (int i = 0; i < 7; i++) {
        x[i] = i - 3.0;
        g[i] = 0.5 * i * i - 1;
    }
    memcpy(g_copy, g, sizeof g);
    EXPECT_STATUS(GDS, gradient_descent_step(x, g, 7, 0.3), OPT_OK, "in 7 dimensions", OK_HINT);
    for (int i = 0; i < 7; i++) {
        const double want = (i - 3.0) - 0.3 * (0.5 * i * i - 1);
        cr_assert(close_to(x[i], want, 1e-14),
                  "x[%d] after one step in 7 dimensions: expected %s, got %s. Hint: loop "
                  "over i = 0 .. n-1 inclusive.", i, grade_num(want), grade_num(x[i]));
    }
    cr_assert(memcmp(g, g_copy, sizeof g) == 0, "g changed during the step: it is const input.");
}

Test(gradient_descent_step, zero_eta, .timeout = 2.0,
     .description = "eta = 0 leaves x exactly where it is")
{
    double x[] = { 0.1, -7.25, 3e10 }, copy[3];
    const double g[] = { 5, 5, 5 };
    memcpy(copy, x, sizeof x);
    EXPECT_STATUS(GDS, gradient_descent_step(x, g, 3, 0), OPT_OK, "with eta = 0",
                  "eta = 0 is allowed: return OPT_OK (and do not move).");
    cr_assert(memcmp(x, copy, sizeof x) == 0, "x after a step with eta = 0: expected it unchanged, "
              "got (%s, %s, %s).", grade_num(x[0]), grade_num(x[1]), grade_num(x[2]));
}

/* Ten steps on f = 4 x^2 + y^2 (gradient (8x, 2y)): x_k = (1 - 8 eta)^k x0
 * and y_k = (1 - 2 eta)^k y0. */
Test(gradient_descent_step, ten_steps_closed_form, .timeout = 2.0,
     .description = "ten steps on 4x^2 + y^2 match (1 - 8 eta)^k x0 and (1 - 2 eta)^k y0")
{
    const double eta = 0.05, x0 = -1.5, y0 = 2;
    double x[] = { x0, y0 };
    for (int k = 1; k <= 10; k++) {
        const double g[] = { 8 * x[0], 2 * x[1] };
        EXPECT_STATUS(GDS, gradient_descent_step(x, g, 2, eta), OPT_OK, "on 4x^2 + y^2", OK_HINT);
        const double wx = pow(1 - 8 * eta, k) * x0, wy = pow(1 - 2 * eta, k) * y0;
        cr_assert(close_to(x[0], wx, 1e-13) && close_to(x[1], wy, 1e-13),
                  "after %d steps of gradient descent on 4x^2 + y^2 from (%s, %s) with eta = %s: "
                  "expected (%s, %s), got (%s, %s). Hint: each step multiplies x by "
                  "1 - 8 eta and y by 1 - 2 eta.", k, grade_num(x0), grade_num(y0), grade_num(eta),
                  grade_num(wx), grade_num(wy), grade_num(x[0]), grade_num(x[1]));
    }
}

Test(gradient_descent_step, bad_eta, .timeout = 2.0,
     .description = "negative, NaN or infinite eta is OPT_EINVAL, x untouched")
{
    const double etas[] = { -0.1, NAN, INFINITY };
    const char *names[] = { "eta = -0.1", "eta = NaN", "eta = infinity" };
    const double g[] = { 1, 1 };
    for (int k = 0; k < 3; k++) {
        double x[] = { 2, 3 };
        EXPECT_STATUS(GDS, gradient_descent_step(x, g, 2, etas[k]), OPT_EINVAL, names[k],
                      "check that eta is a finite number >= 0 first (isfinite(eta) && eta >= 0; "
                      "NaN >= 0 is false).");
        cr_assert(x[0] == 2 && x[1] == 3, "x after %s: expected it untouched (2, 3), got (%s, %s).",
                  names[k], grade_num(x[0]), grade_num(x[1]));
    }
}

Test(gradient_descent_step, bad_arguments, .timeout = 2.0,
     .description = "NULL pointers or n = 0 is OPT_EINVAL")
{
    double x[] = { 1 };
    const double g[] = { 1 };
    const char *hint = "test x and g for NULL and n for 0, and return OPT_EINVAL.";
    EXPECT_STATUS(GDS, gradient_descent_step(NULL, g, 1, 0.1), OPT_EINVAL, "with x = NULL", hint);
    EXPECT_STATUS(GDS, gradient_descent_step(x, NULL, 1, 0.1), OPT_EINVAL, "with g = NULL", hint);
    EXPECT_STATUS(GDS, gradient_descent_step(x, g, 0, 0.1), OPT_EINVAL, "with n = 0", hint);
}

/* ======================================================================== */
/* Exercise 2: hessian_condition_number                                     */
/* ======================================================================== */

#define HCN "hessian_condition_number"

/* Calls the student's function; checks OPT_OK and kappa against want. */
static void expect_kappa(const double *H, size_t n, double want, double tol, const char *what,
                         const char *hint)
{
    double kappa = NAN;
    EXPECT_STATUS(HCN, hessian_condition_number(H, n, &kappa), OPT_OK, what,
                  "a symmetric positive-definite matrix has a condition number: return OPT_OK.");
    cr_assert(close_to(kappa, want, tol), "condition number of %s: expected %s, got %s. "
              "Hint: %s", what, grade_num(want), grade_num(kappa), hint);
}

/* Q diag(lambda) Q^T with Q = I - 2 u u^T / u^T u, a reflection. */
static void reflected(const double *lambda, const double *u, size_t n, double *A)
{
    double uu = 0;
    for (size_t i = 0; i < n; i++)
        uu += u[i] * u[i];
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++) {
            long double s = 0;
            for (size_t k = 0; k < n; k++) {
                const double qik = (i == k) - 2 * u[i] * u[k] / uu;
                const double qjk = (j == k) - 2 * u[j] * u[k] / uu;
                s += (long double)qik * lambda[k] * qjk;
            }
            A[i * n + j] = (double)s;
        }
}

Test(hessian_condition_number, diagonal, .timeout = 2.0,
     .description = "diag(8, 2), the Hessian of 4x^2 + y^2: kappa = 4")
{
    const double H[] = { 8, 0, 0, 2 };
    double kappa = NAN;
    EXPECT_STATUS(HCN, hessian_condition_number(H, 2, &kappa), OPT_OK, "of diag(8, 2)",
                  "return OPT_OK for a positive-definite matrix.");
    cr_assert(close_to(kappa, 4, 1e-13),
              "condition number of diag(8, 2): expected 8 / 2 = 4, got %s. Hint: %s",
              grade_num(kappa),
              close_to(kappa, 0.25, 1e-9) ? "0.25 is lambda_min / lambda_max; kappa = lambda_max "
              "/ lambda_min >= 1." : "the eigenvalues of a diagonal matrix are its diagonal entries.");
}

Test(hessian_condition_number, rotated_lecture_hessians, .timeout = 2.0,
     .description = "[5 3; 3 5] (kappa 4) and [13 11; 11 13] (kappa 12): equal diagonals")
{
    const char *hint = "the diagonal entries of a rotated matrix are not its eigenvalues (here "
                       "they are equal, and their ratio is 1): compute the eigenvalues with "
                       "gsl_eigen_symm.";
    const double H4[] = { 5, 3, 3, 5 }, H12[] = { 13, 11, 11, 13 };
    expect_kappa(H4, 2, 4, 1e-12, "[5 3; 3 5] = 2 Q diag(4, 1) Q^T (eigenvalues 8 and 2)", hint);
    expect_kappa(H12, 2, 12, 1e-12, "[13 11; 11 13] = 2 Q diag(12, 1) Q^T (eigenvalues 24 and 2)",
                 hint);
}

Test(hessian_condition_number, three_by_three, .timeout = 2.0,
     .description = "a reflected diag(1, 5, 250): kappa = 250")
{
    const double lambda[] = { 5, 250, 1 }, u[] = { 1, -2, 2 };
    double H[9];
    reflected(lambda, u, 3, H);
    expect_kappa(H, 3, 250, 1e-10, "Q diag(5, 250, 1) Q^T in 3 dimensions",
                 "use every eigenvalue: kappa = max / min over all n of them (GSL returns them "
                 "unordered).");
}

Test(hessian_condition_number, tridiagonal_six, .timeout = 2.0,
     .description = "the 6x6 matrix tridiag(-1, 2, -1): kappa = cot^2(pi/14)")
{
    enum { N = 6 };
    double H[N * N] = { 0 };
    for (int i = 0; i < N; i++) {
        H[i * N + i] = 2;
        if (i + 1 < N)
            H[i * N + i + 1] = H[(i + 1) * N + i] = -1;
    }
    /* Eigenvalues 2 - 2 cos(k pi / 7), k = 1..6. */
    const double pi = acos(-1.0);
    const double want = (2 - 2 * cos(6 * pi / 7)) / (2 - 2 * cos(pi / 7));
    expect_kappa(H, N, want, 1e-11, "tridiag(-1, 2, -1), 6 by 6 (the second-difference matrix)",
                 "its eigenvalues are 2 - 2 cos(k pi / 7); read H row-major, H[i*n + j], and use "
                 "all n eigenvalues.");
}

Test(hessian_condition_number, scale_invariant, .timeout = 2.0,
     .description = "kappa(c H) = kappa(H) for c = 1e-6 and 1e6; kappa(7 I) = 1")
{
    const double lambda[] = { 3, 30, 0.3 }, u[] = { 2, 1, 1 };
    double H[9];
    reflected(lambda, u, 3, H);
    for (int i = 0; i < 9; i++)
        H[i] *= 1e-6;
    expect_kappa(H, 3, 100, 1e-10, "1e-6 Q diag(3, 30, 0.3) Q^T",
                 "a ratio of eigenvalues does not depend on the scale: no absolute thresholds.");
    for (int i = 0; i < 9; i++)
        H[i] *= 1e12;
    expect_kappa(H, 3, 100, 1e-10, "1e6 Q diag(3, 30, 0.3) Q^T",
                 "a ratio of eigenvalues does not depend on the scale: no absolute thresholds.");
    const double I7[] = { 7, 0, 0, 0, 7, 0, 0, 0, 7 };
    expect_kappa(I7, 3, 1, 1e-14, "7 I (3 by 3)", "all eigenvalues equal 7: kappa = 1.");
}

Test(hessian_condition_number, input_unchanged, .timeout = 2.0,
     .description = "H is the same, bit for bit, after the call")
{
    const double lambda[] = { 2, 9 }, u[] = { 1, 3 };
    double H[4], copy[4], kappa;
    reflected(lambda, u, 2, H);
    memcpy(copy, H, sizeof H);
    EXPECT_STATUS(HCN, hessian_condition_number(H, 2, &kappa), OPT_OK, "on a 2-by-2 matrix",
                  "return OPT_OK for a positive-definite matrix.");
    cr_assert(memcmp(H, copy, sizeof H) == 0, "H changed during the call. Hint: gsl_eigen_symm "
              "destroys its matrix; give it a copy (gsl_matrix_alloc, then gsl_matrix_set).");
}

Test(hessian_condition_number, not_positive_definite, .timeout = 2.0,
     .description = "a saddle, a negative-definite and a singular matrix are OPT_EINVAL")
{
    const double saddle[] = { 2, 0, 0, -2 }, negative[] = { -3, 1, 1, -3 }, singular[] = { 3, 0, 0, 0 };
    double kappa = 42;
    const char *hint = "after computing the eigenvalues, refuse when the smallest is <= 0: no "
                       "minimum has such a Hessian. Do not take absolute values.";
    EXPECT_STATUS(HCN, hessian_condition_number(saddle, 2, &kappa), OPT_EINVAL,
                  "for the saddle diag(2, -2)", hint);
    EXPECT_STATUS(HCN, hessian_condition_number(negative, 2, &kappa), OPT_EINVAL,
                  "for [-3 1; 1 -3] (eigenvalues -2 and -4)", hint);
    EXPECT_STATUS(HCN, hessian_condition_number(singular, 2, &kappa), OPT_EINVAL,
                  "for diag(3, 0)", hint);
    cr_assert(kappa == 42, "kappa after OPT_EINVAL: expected it untouched (42), got %s.",
              grade_num(kappa));
}

Test(hessian_condition_number, bad_arguments, .timeout = 2.0,
     .description = "NULL pointers, n = 0 or a NaN entry is OPT_EINVAL")
{
    const double H[] = { 1, 0, 0, 1 }, H_nan[] = { 1, NAN, NAN, 1 };
    double kappa = 42;
    const char *hint = "test H and kappa for NULL, n for 0 and every entry with isfinite() before "
                       "calling GSL, and return OPT_EINVAL.";
    EXPECT_STATUS(HCN, hessian_condition_number(NULL, 2, &kappa), OPT_EINVAL, "with H = NULL", hint);
    EXPECT_STATUS(HCN, hessian_condition_number(H, 2, NULL), OPT_EINVAL, "with kappa = NULL", hint);
    EXPECT_STATUS(HCN, hessian_condition_number(H, 0, &kappa), OPT_EINVAL, "with n = 0", hint);
    EXPECT_STATUS(HCN, hessian_condition_number(H_nan, 2, &kappa), OPT_EINVAL,
                  "with a NaN off the diagonal", hint);
    cr_assert(kappa == 42, "kappa after OPT_EINVAL: expected it untouched (42), got %s.",
              grade_num(kappa));
}

/* ======================================================================== */
/* Exercise 3: predicted_loss_change                                        */
/* ======================================================================== */

#define PLC "predicted_loss_change"

/* f(x) = (1/2) x^T A x + b^T x in n dimensions. */
static double quad(const double *A, const double *b, const double *x, size_t n)
{
    long double s = 0;
    for (size_t i = 0; i < n; i++) {
        s += (long double)b[i] * x[i];
        for (size_t j = 0; j < n; j++)
            s += 0.5L * x[i] * A[i * n + j] * x[j];
    }
    return (double)s;
}

/* The change of f for the step -eps g from x0 must equal the prediction,
 * since f is quadratic (Hessian A, gradient A x0 + b). */
static void expect_exact_change(const double *A, const double *b, const double *x0, size_t n,
                                double eps, const char *what)
{
    double g[8], x1[8];
    for (size_t i = 0; i < n; i++) {
        long double s = b[i];
        for (size_t j = 0; j < n; j++)
            s += (long double)A[i * n + j] * x0[j];
        g[i] = (double)s;
    }
    for (size_t i = 0; i < n; i++)
        x1[i] = x0[i] - eps * g[i];
    const double want = quad(A, b, x1, n) - quad(A, b, x0, n);
    double change = NAN;
    EXPECT_STATUS(PLC, predicted_loss_change(g, A, n, eps, &change), OPT_OK, what, OK_HINT);
    cr_assert(close_to(change, want, 1e-10),
              "%s, eps = %s: f is quadratic, so the prediction must equal f(x - eps g) - f(x) = "
              "%s; got %s. Hint: (1/2) eps^2 g^T H g - eps g^T g, with g^T H g = sum_i "
              "sum_j g[i] H[i*n + j] g[j] over all i and j.", what, grade_num(eps), grade_num(want),
              grade_num(change));
}

Test(predicted_loss_change, one_dimension, .timeout = 2.0,
     .description = "f = 3x^2 at x = 1 (g = 6, H = 6), eps = 0.1: change -2.52")
{
    const double g[] = { 6 }, H[] = { 6 };
    double change = NAN;
    EXPECT_STATUS(PLC, predicted_loss_change(g, H, 1, 0.1, &change), OPT_OK, "for 3x^2 at 1",
                  OK_HINT);
    const char *hint = "(1/2)(0.1)^2 * 6 * 36 - 0.1 * 36 = 1.08 - 3.6";
    if (close_to(change, -1.44, 1e-12))
        hint = "-1.44 = 2.16 - 3.6 drops the 1/2 in front of eps^2 g^T H g";
    else if (close_to(change, 4.68, 1e-12))
        hint = "4.68 adds eps g^T g: a step against the gradient LOWERS f to first order";
    cr_assert(close_to(change, -2.52, 1e-13),
              "predicted change for f = 3x^2 at x = 1 (g = 6, H = 6), eps = 0.1: expected "
              "f(0.4) - f(1) = 0.48 - 3 = -2.52, got %s. Hint: %s.", grade_num(change), hint);
}

Test(predicted_loss_change, step_increases_loss, .timeout = 2.0,
     .description = "the lecture's ill-conditioned case: eps = 0.1 raises f by 12.915")
{
    const double g[] = { 18.5, 17.5 }, H[] = { 13, 11, 11, 13 };
    double change = NAN;
    EXPECT_STATUS(PLC, predicted_loss_change(g, H, 2, 0.1, &change), OPT_OK,
                  "on the kappa = 12 quadratic at (1, 0.5)", OK_HINT);
    cr_assert(close_to(change, 12.915, 1e-12),
              "predicted change with g = (18.5, 17.5), H = [13 11; 11 13], eps = 0.1: expected "
              "(1/2)(0.01)(15553) - 0.1 (648.5) = 77.765 - 64.85 = +12.915, got %s. Hint: "
              "g^T H g = 15553 uses the off-diagonal entries too.", grade_num(change));
    EXPECT_STATUS(PLC, predicted_loss_change(g, H, 2, 0.05, &change), OPT_OK,
                  "on the kappa = 12 quadratic at (1, 0.5)", OK_HINT);
    cr_assert(close_to(change, -12.98375, 1e-12),
              "predicted change for the same g and H with eps = 0.05: expected 19.44125 - 32.425 "
              "= -12.98375, got %s.", grade_num(change));
}

Test(predicted_loss_change, quadratic_2d_exact, .timeout = 2.0,
     .description = "equals f(x - eps g) - f(x) for a 2-D quadratic")
{
    const double A[] = { 4, -1.5, -1.5, 2 }, b[] = { 1, -3 }, x0[] = { 0.7, 1.9 };
    expect_exact_change(A, b, x0, 2, 0.3, "a 2-D quadratic with off-diagonal curvature");
    expect_exact_change(A, b, x0, 2, 0.02, "a 2-D quadratic with off-diagonal curvature");
}

Test(predicted_loss_change, five_dimensions_exact, .timeout = 2.0,
     .description = "equals f(x - eps g) - f(x) for a 5-D quadratic")
{
    enum { N = 5 };
    double A[N * N], b[N], x0[N];
    for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++)
            A[i * N + j] = (i == j ? 3.0 + i : 0.4 / (1 + abs(i - j)));
        b[i] = 0.5 - 0.3 * i;
        x0[i] = 1.0 - 0.45 * i;
    }
    expect_exact_change(A, b, x0, N, 0.17, "a 5-D quadratic");
}

Test(predicted_loss_change, zero_eps, .timeout = 2.0,
     .description = "eps = 0 changes nothing")
{
    const double g[] = { 1, -2 }, H[] = { 3, 1, 1, 3 };
    double change = NAN;
    EXPECT_STATUS(PLC, predicted_loss_change(g, H, 2, 0, &change), OPT_OK, "with eps = 0",
                  "eps = 0 is allowed: return OPT_OK.");
    cr_assert(change == 0, "predicted change for eps = 0: expected 0, got %s.", grade_num(change));
}

Test(predicted_loss_change, not_finite, .timeout = 2.0,
     .description = "a NaN input or an overflowing result is OPT_EDIVERGED, change untouched")
{
    const double g[] = { 1, NAN }, H[] = { 1, 0, 0, 1 };
    double change = 7;
    EXPECT_STATUS(PLC, predicted_loss_change(g, H, 2, 0.1, &change), OPT_EDIVERGED,
                  "with g[1] = NaN", "check the result with isfinite() before storing it.");
    const double big[] = { 1e200, 1e200 };
    EXPECT_STATUS(PLC, predicted_loss_change(big, H, 2, 0.1, &change), OPT_EDIVERGED,
                  "with g = (1e200, 1e200) (g^T g overflows)",
                  "check the result with isfinite() before storing it.");
    cr_assert(change == 7, "change after OPT_EDIVERGED: expected it untouched (7), got %s.",
              grade_num(change));
}

Test(predicted_loss_change, bad_arguments, .timeout = 2.0,
     .description = "NULL pointers or n = 0 is OPT_EINVAL")
{
    const double g[] = { 1 }, H[] = { 1 };
    double change = 7;
    const char *hint = "test g, H and change for NULL and n for 0, and return OPT_EINVAL.";
    EXPECT_STATUS(PLC, predicted_loss_change(NULL, H, 1, 0.1, &change), OPT_EINVAL, "with g = NULL", hint);
    EXPECT_STATUS(PLC, predicted_loss_change(g, NULL, 1, 0.1, &change), OPT_EINVAL, "with H = NULL", hint);
    EXPECT_STATUS(PLC, predicted_loss_change(g, H, 1, 0.1, NULL), OPT_EINVAL, "with change = NULL", hint);
    EXPECT_STATUS(PLC, predicted_loss_change(g, H, 0, 0.1, &change), OPT_EINVAL, "with n = 0", hint);
    cr_assert(change == 7, "change after OPT_EINVAL: expected it untouched (7), got %s.",
              grade_num(change));
}
