/* 10-newton-lbfgs.c — autograder tests for Lab 10
 * (labs/10-newton-lbfgs/exercise.h).
 *
 * One suite per exercise, named after the function. Every failure message
 * says what was checked, what was expected, what came back, and a hint.
 * A stub that returns OPT_ENOTIMPL fails every test with "not implemented".
 * Points and visibility: tests/grade/10-newton-lbfgs.points.
 *
 * Expected values are worked out here independently: linear systems built
 * from a known solution (H = L L^T with L chosen by hand), the explicit
 * BFGS matrix update applied pair by pair, the secant equation, BFGS's
 * quadratic termination on conjugate pairs, and line searches traced by
 * hand on x^2 and x^2 + 10 y^2.
 */
#define GRADE_LAB "10-newton-lbfgs"
#include "grade.h"

static double dot(const double *a, const double *b, size_t n)
{
    double s = 0;
    for (size_t i = 0; i < n; i++)
        s += a[i] * b[i];
    return s;
}

/* A small deterministic generator for test data: uniform in [-1, 1). */
static double uniform(unsigned *state)
{
    *state = *state * 1103515245u + 12345u;
    return (double)((*state >> 8) & 0xFFFFFF) / 8388608.0 - 1.0;
}

/* ======================================================================== */
/* Exercise 1: newton_step_cholesky                                         */
/* ======================================================================== */

#define NSC "newton_step_cholesky"

/* Calls the student's function on copies; checks OPT_OK and compares d. */
static void expect_step(const double *H, const double *g, size_t n, const double *want,
                        double tol, const char *what, const char *hint)
{
    double *d = malloc(n * sizeof *d);
    for (size_t i = 0; i < n; i++)
        d[i] = NAN;
    EXPECT_STATUS(NSC, newton_step_cholesky(H, g, n, d), OPT_OK, what,
                  "a positive definite H must give OPT_OK.");
    for (size_t i = 0; i < n; i++)
        cr_assert(close_to(d[i], want[i], tol),
                  "%s: d[%zu] expected %s, got %s. Hint: %s", what, i, grade_num(want[i]),
                  grade_num(d[i]), hint);
    free(d);
}

Test(newton_step_cholesky, two_by_two, .timeout = 2.0,
     .description = "H = [[4, 2], [2, 3]], g = (2, -1): d = -H^-1 g = (-1, 1)")
{
    const double H[] = { 4, 2, 2, 3 }, g[] = { 2, -1 }, want[] = { -1, 1 };
    double d[2] = { NAN, NAN };
    EXPECT_STATUS(NSC, newton_step_cholesky(H, g, 2, d), OPT_OK, "on [[4, 2], [2, 3]]",
                  "a positive definite H must give OPT_OK.");
    const char *hint = "H^-1 = [[3, -2], [-2, 4]] / 8, so H^-1 g = (1, -1) and d = -H^-1 g.";
    if (close_to(d[0], 1, 1e-12) && close_to(d[1], -1, 1e-12))
        hint = "you returned +H^-1 g: the Newton step solves H d = -g (solve L z = -g).";
    for (int i = 0; i < 2; i++)
        cr_assert(close_to(d[i], want[i], 1e-12),
                  "d[%d] for H = [[4, 2], [2, 3]], g = (2, -1): expected %s, got %s. Hint: %s",
                  i, grade_num(want[i]), grade_num(d[i]), hint);
}

Test(newton_step_cholesky, three_by_three_by_hand, .timeout = 2.0,
     .description = "H = L L^T with L = [[2,0,0],[1,3,0],[-1,2,1]]: the step is exact")
{
    /* L L^T = [[4, 2, -2], [2, 10, 5], [-2, 5, 6]]; with d* = (1, -2, 0.5),
     * g = -H d* = (1, 15.5, 9). */
    const double H[] = { 4, 2, -2, 2, 10, 5, -2, 5, 6 }, g[] = { 1, 15.5, 9 };
    const double want[] = { 1, -2, 0.5 };
    expect_step(H, g, 3, want, 1e-12, "H = [[4,2,-2],[2,10,5],[-2,5,6]], g = (1, 15.5, 9)",
                "the factor is L = [[2,0,0],[1,3,0],[-1,2,1]]; solve L z = -g top down, then "
                "L^T d = z bottom up (L^T[i][k] = L[k][i]: in the back substitution use the "
                "column of L below the diagonal, not its row).");
}

Test(newton_step_cholesky, diagonal, .timeout = 2.0,
     .description = "a diagonal H: d_i = -g_i / H_ii")
{
    double H[16] = { 0 };
    const double diag[] = { 2, 4, 8, 0.5 }, g[] = { 2, 4, 8, 1 }, want[] = { -1, -1, -1, -2 };
    for (int i = 0; i < 4; i++)
        H[i * 4 + i] = diag[i];
    expect_step(H, g, 4, want, 1e-14, "H = diag(2, 4, 8, 0.5), g = (2, 4, 8, 1)",
                "L = diag(sqrt(H_ii)); the two solves divide by sqrt(H_ii) twice.");
}

Test(newton_step_cholesky, quadratic_one_step, .timeout = 2.0,
     .description = "one Newton step from any point lands on the minimizer of a quadratic")
{
    /* f = x^T A x / 2 - b^T x with A = [[5, 1, 0], [1, 4, 1], [0, 1, 3]], b = A x*. */
    const double A[] = { 5, 1, 0, 1, 4, 1, 0, 1, 3 }, xs[] = { 0.5, -1, 2 };
    const double starts[3][3] = { { 0, 0, 0 }, { 10, -7, 3 }, { -0.25, 1e3, -50 } };
    double b[3];
    for (int i = 0; i < 3; i++)
        b[i] = dot(A + 3 * i, xs, 3);
    for (int s = 0; s < 3; s++) {
        double g[3], d[3] = { NAN, NAN, NAN };
        for (int i = 0; i < 3; i++)
            g[i] = dot(A + 3 * i, starts[s], 3) - b[i];
        EXPECT_STATUS(NSC, newton_step_cholesky(A, g, 3, d), OPT_OK, "on a quadratic's Hessian",
                      "a positive definite H must give OPT_OK.");
        for (int i = 0; i < 3; i++)
            cr_assert(close_to(starts[s][i] + d[i], xs[i], 1e-10),
                      "x0 + d from x0 = (%s, %s, %s) on f = x^T A x / 2 - b^T x: coordinate %d "
                      "expected %s (the minimizer), got %s. Hint: on a quadratic the Newton "
                      "step is exact; check the sign (H d = -g) and both substitutions.",
                      grade_num(starts[s][0]), grade_num(starts[s][1]), grade_num(starts[s][2]), i,
                      grade_num(xs[i]), grade_num(starts[s][i] + d[i]));
    }
}

Test(newton_step_cholesky, residual_forty, .timeout = 2.0,
     .description = "H d = -g to 1e-10 on a 40-dimensional positive definite H")
{
    enum { N = 40 };
    double *B = malloc(N * N * sizeof *B), *H = malloc(N * N * sizeof *H), g[N], d[N];
    unsigned state = 7;
    for (int i = 0; i < N * N; i++)
        B[i] = uniform(&state);
    for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++)
            H[i * N + j] = dot(B + i * N, B + j * N, N) / N + (i == j ? 0.1 : 0);
        g[i] = uniform(&state);
        d[i] = NAN;
    }
    EXPECT_STATUS(NSC, newton_step_cholesky(H, g, N, d), OPT_OK, "on a 40 x 40 matrix B B^T/40 + 0.1 I",
                  "a positive definite H must give OPT_OK.");
    double worst = 0;
    for (int i = 0; i < N; i++)
        worst = fmax(worst, fabs(dot(H + i * N, d, N) + g[i]));
    cr_assert(worst <= 1e-10,
              "largest |(H d + g)_i| for n = 40: expected at most 1e-10, got %s. Hint: loop over "
              "every row and column (0 .. n-1); the inner sums run over k < j.", grade_num(worst));
    free(B);
    free(H);
}

Test(newton_step_cholesky, not_positive_definite, .timeout = 2.0,
     .description = "the saddle's diag(2, -2) and [[1, 2], [2, 1]] give OPT_ENOPROG, d untouched")
{
    const double saddle[] = { 2, 0, 0, -2 }, indefinite[] = { 1, 2, 2, 1 }, g[] = { 1, 1 };
    const double *cases[] = { saddle, indefinite };
    const char *names[] = { "H = diag(2, -2) (the saddle x^2 - y^2)",
                            "H = [[1, 2], [2, 1]] (eigenvalues 3 and -1)" };
    for (int c = 0; c < 2; c++) {
        double d[2] = { 42, 42 };
        EXPECT_STATUS(NSC, newton_step_cholesky(cases[c], g, 2, d), OPT_ENOPROG, names[c],
                      "a pivot H_jj - sum L_jk^2 <= 0 means H is not positive definite: return "
                      "OPT_ENOPROG. Do not take fabs() of the pivot: that turns an indefinite H "
                      "into a step towards the saddle.");
        cr_assert(d[0] == 42 && d[1] == 42,
                  "d after OPT_ENOPROG on %s: expected it untouched (42, 42), got (%s, %s). "
                  "Hint: factor completely before writing d.", names[c], grade_num(d[0]),
                  grade_num(d[1]));
    }
}

Test(newton_step_cholesky, singular, .timeout = 2.0,
     .description = "a singular H ([[1, 1], [1, 1]], or 0) gives OPT_ENOPROG")
{
    const double ones[] = { 1, 1, 1, 1 }, zero[] = { 0, 0, 0, 0 }, g[] = { 1, 2 };
    double d[2] = { 42, 42 };
    EXPECT_STATUS(NSC, newton_step_cholesky(ones, g, 2, d), OPT_ENOPROG, "on [[1, 1], [1, 1]]",
                  "the second pivot is 1 - 1^2 = 0: a zero pivot is not positive either "
                  "(test p > 0, not p >= 0).");
    EXPECT_STATUS(NSC, newton_step_cholesky(zero, g, 2, d), OPT_ENOPROG, "on the zero matrix",
                  "the first pivot is 0: return OPT_ENOPROG.");
    cr_assert(d[0] == 42 && d[1] == 42, "d after OPT_ENOPROG: expected it untouched, got (%s, %s).",
              grade_num(d[0]), grade_num(d[1]));
}

Test(newton_step_cholesky, inputs_unchanged, .timeout = 2.0,
     .description = "H and g are the same, bit for bit, after the call")
{
    double H[] = { 4, 2, -2, 2, 10, 5, -2, 5, 6 }, g[] = { 1, 15.5, 9 }, d[3];
    double H0[9], g0[3];
    memcpy(H0, H, sizeof H);
    memcpy(g0, g, sizeof g);
    EXPECT_STATUS(NSC, newton_step_cholesky(H, g, 3, d), OPT_OK, "on a 3 x 3 matrix",
                  "a positive definite H must give OPT_OK.");
    cr_assert(memcmp(H, H0, sizeof H) == 0,
              "H after the call: expected it unchanged. Hint: H is const; keep L in your own "
              "malloc'd array.");
    cr_assert(memcmp(g, g0, sizeof g) == 0, "g after the call: expected it unchanged.");
}

Test(newton_step_cholesky, bad_arguments, .timeout = 2.0,
     .description = "NULL pointers, n = 0, NaN or infinite entries are OPT_EINVAL")
{
    const double H[] = { 4, 2, 2, 3 }, g[] = { 2, -1 };
    const double H_nan[] = { 4, NAN, NAN, 3 }, g_inf[] = { INFINITY, 1 };
    double d[2];
    const char *hint = "check the pointers, n, and every entry of g and of H's lower triangle "
                       "with isfinite() before anything else.";
    EXPECT_STATUS(NSC, newton_step_cholesky(NULL, g, 2, d), OPT_EINVAL, "with H = NULL", hint);
    EXPECT_STATUS(NSC, newton_step_cholesky(H, NULL, 2, d), OPT_EINVAL, "with g = NULL", hint);
    EXPECT_STATUS(NSC, newton_step_cholesky(H, g, 2, NULL), OPT_EINVAL, "with d = NULL", hint);
    EXPECT_STATUS(NSC, newton_step_cholesky(H, g, 0, d), OPT_EINVAL, "with n = 0", hint);
    EXPECT_STATUS(NSC, newton_step_cholesky(H_nan, g, 2, d), OPT_EINVAL, "with H[1][0] = NaN", hint);
    EXPECT_STATUS(NSC, newton_step_cholesky(H, g_inf, 2, d), OPT_EINVAL, "with g[0] = infinity", hint);
}

/* ======================================================================== */
/* Exercise 2: two_loop_direction                                           */
/* ======================================================================== */

#define TLD "two_loop_direction"

/* d = -H g with H the explicit BFGS matrix: H0 = gamma I (gamma from the
 * newest pair), then H <- (I - rho s y^T) H (I - rho y s^T) + rho s s^T for
 * each pair, oldest first, as three plain matrix products. */
static void bfgs_direction(const double *g, const double *s, const double *y, int count, size_t n,
                           double *d)
{
    double *H = calloc(n * n, sizeof *H), *V = malloc(n * n * sizeof *V),
           *T = malloc(n * n * sizeof *T);
    double gamma = 1;
    if (count > 0) {
        const double *sn = s + (size_t)(count - 1) * n, *yn = y + (size_t)(count - 1) * n;
        gamma = dot(sn, yn, n) / dot(yn, yn, n);
    }
    for (size_t i = 0; i < n; i++)
        H[i * n + i] = gamma;
    for (int k = 0; k < count; k++) {
        const double *sk = s + (size_t)k * n, *yk = y + (size_t)k * n, rho = 1 / dot(sk, yk, n);
        for (size_t i = 0; i < n; i++)          /* V = I - rho y s^T */
            for (size_t j = 0; j < n; j++)
                V[i * n + j] = (i == j) - rho * yk[i] * sk[j];
        for (size_t i = 0; i < n; i++)          /* T = V^T H */
            for (size_t j = 0; j < n; j++) {
                double v = 0;
                for (size_t l = 0; l < n; l++)
                    v += V[l * n + i] * H[l * n + j];
                T[i * n + j] = v;
            }
        for (size_t i = 0; i < n; i++)          /* H = T V + rho s s^T */
            for (size_t j = 0; j < n; j++) {
                double v = rho * sk[i] * sk[j];
                for (size_t l = 0; l < n; l++)
                    v += T[i * n + l] * V[l * n + j];
                H[i * n + j] = v;
            }
    }
    for (size_t i = 0; i < n; i++)
        d[i] = -dot(H + i * n, g, n);
    free(H);
    free(V);
    free(T);
}

/* count pairs in n dimensions with y = A s + noise, s.y > 0 (checked). */
static void make_pairs(unsigned seed, int count, size_t n, double *s, double *y)
{
    unsigned state = seed;
    for (int k = 0; k < count; k++) {
        double *sk = s + (size_t)k * n, *yk = y + (size_t)k * n;
        do {
            for (size_t i = 0; i < n; i++)
                sk[i] = uniform(&state);
            for (size_t i = 0; i < n; i++)      /* A = diag(1 .. n) plus a coupling */
                yk[i] = (double)(i + 1) * sk[i] + 0.3 * sk[(i + 1) % n] + 0.1 * uniform(&state);
        } while (dot(sk, yk, n) <= 0.1);
    }
}

Test(two_loop_direction, no_pairs, .timeout = 2.0,
     .description = "count = 0: steepest descent, d = -g")
{
    const double g[] = { 1.5, -2, 0.25 };
    double d[3] = { NAN, NAN, NAN };
    EXPECT_STATUS(TLD, two_loop_direction(g, NULL, NULL, 0, 3, d), OPT_OK,
                  "with count = 0 (s and y NULL)", "no pairs is valid: H0 = I and d = -g.");
    for (int i = 0; i < 3; i++)
        cr_assert(d[i] == -g[i], "d[%d] with no pairs: expected %s, got %s. Hint: start from "
                  "q = -g; with no pairs gamma = 1 and both loops are empty.", i, grade_num(-g[i]),
                  grade_num(d[i]));
}

Test(two_loop_direction, one_pair_by_hand, .timeout = 2.0,
     .description = "s = (1, 0), y = (2, 1), g = (1, 1): d = (-0.4, -0.2)")
{
    /* rho = 1/2, gamma = 2/5; alpha = -1/2, q = (0, -1/2), r = (0, -1/5),
     * beta = -1/10, d = r + (alpha - beta) s = (-2/5, -1/5). */
    const double s[] = { 1, 0 }, y[] = { 2, 1 }, g[] = { 1, 1 };
    double d[2] = { NAN, NAN };
    EXPECT_STATUS(TLD, two_loop_direction(g, s, y, 1, 2, d), OPT_OK, "with one pair",
                  "a pair with s.y = 2 > 0 is valid.");
    const char *hint = "rho = 1/(y.s) = 0.5, gamma = s.y / y.y = 0.4; alpha = rho s.q = -0.5, "
                       "q = (0, -0.5), r = gamma q = (0, -0.2), beta = rho y.r = -0.1, "
                       "d = r + (alpha - beta) s.";
    if (close_to(d[0], -0.25, 1e-12) && close_to(d[1], -0.5, 1e-12))
        hint = "(-0.25, -0.5) is what H0 = I gives: scale q by gamma = s.y / y.y of the newest "
               "pair between the two loops.";
    cr_assert(close_to(d[0], -0.4, 1e-14) && close_to(d[1], -0.2, 1e-14),
              "direction for s = (1, 0), y = (2, 1), g = (1, 1): expected (-0.4, -0.2), got "
              "(%s, %s). Hint: %s", grade_num(d[0]), grade_num(d[1]), hint);
}

Test(two_loop_direction, against_bfgs_matrix, .timeout = 2.0,
     .description = "1 to 5 pairs in 6 dimensions: the explicit BFGS matrix's direction")
{
    enum { N = 6, M = 5 };
    double s[M * N], y[M * N], g[N], d[N], want[N];
    make_pairs(11, M, N, s, y);
    unsigned state = 3;
    for (int count = 1; count <= M; count++) {
        for (int i = 0; i < N; i++) {
            g[i] = uniform(&state);
            d[i] = NAN;
        }
        /* the newest `count` pairs, oldest first */
        const double *sc = s + (M - count) * N, *yc = y + (M - count) * N;
        EXPECT_STATUS(TLD, two_loop_direction(g, sc, yc, count, N, d), OPT_OK,
                      "on pairs with s.y > 0", "valid pairs must give OPT_OK.");
        bfgs_direction(g, sc, yc, count, N, want);
        for (int i = 0; i < N; i++)
            cr_assert(fabs(d[i] - want[i]) <= 1e-10 * (1 + fabs(want[i])),
                      "with %d pair(s) in 6 dimensions, d[%d]: the BFGS matrix H = (I - rho s y^T) "
                      "H (I - rho y s^T) + rho s s^T (pairs oldest first, from gamma I) gives %s, "
                      "you gave %s. Hint: the first loop runs newest to oldest (i = count-1 down "
                      "to 0), the second oldest to newest; gamma comes from the newest pair "
                      "(index count-1).", count, i, grade_num(want[i]), grade_num(d[i]));
    }
}

Test(two_loop_direction, secant_equation, .timeout = 2.0,
     .description = "with g = -y of the newest pair the direction is that pair's s")
{
    enum { N = 5, M = 4 };
    double s[M * N], y[M * N], g[N], d[N];
    make_pairs(29, M, N, s, y);
    const double *sn = s + (M - 1) * N, *yn = y + (M - 1) * N;
    for (int i = 0; i < N; i++)
        g[i] = -yn[i];
    EXPECT_STATUS(TLD, two_loop_direction(g, s, y, M, N, d), OPT_OK, "on four valid pairs",
                  "valid pairs must give OPT_OK.");
    for (int i = 0; i < N; i++)
        cr_assert(fabs(d[i] - sn[i]) <= 1e-10,
                  "secant equation H y = s for the newest pair: with g = -y_newest the direction "
                  "-H g must be s_newest; coordinate %d expected %s, got %s. Hint: the "
                  "newest pair is the LAST row (index count-1); the first loop starts there.",
                  i, grade_num(sn[i]), grade_num(d[i]));
}

Test(two_loop_direction, conjugate_pairs_give_inverse, .timeout = 2.0,
     .description = "pairs s_i = e_i, y_i = A e_i for A = diag(1, 2, 4, 8): H = A^-1")
{
    /* Conjugate pairs from a quadratic: BFGS then reproduces A^-1 exactly,
     * whatever H0 was, so d = -A^-1 g. */
    enum { N = 4 };
    const double a[N] = { 1, 2, 4, 8 }, g[N] = { 1, -2, 4, 8 };
    double s[N * N] = { 0 }, y[N * N] = { 0 }, d[N];
    for (int k = 0; k < N; k++) {
        s[k * N + k] = 1;
        y[k * N + k] = a[k];
    }
    EXPECT_STATUS(TLD, two_loop_direction(g, s, y, N, N, d), OPT_OK, "on four conjugate pairs",
                  "valid pairs must give OPT_OK.");
    for (int i = 0; i < N; i++)
        cr_assert(close_to(d[i], -g[i] / a[i], 1e-12),
                  "with the pairs (e_i, a_i e_i), a = (1, 2, 4, 8), and g = (1, -2, 4, 8): d[%d] "
                  "expected -g_i / a_i = %s, got %s. Hint: every pair must be used, in both "
                  "loops, with its own rho_i = 1 / (y_i . s_i).", i, grade_num(-g[i] / a[i]),
                  grade_num(d[i]));
}

Test(two_loop_direction, inputs_unchanged, .timeout = 2.0,
     .description = "g, s and y are the same, bit for bit, after the call")
{
    enum { N = 4, M = 3 };
    double s[M * N], y[M * N], g[N] = { 0.5, -1, 2, 0.25 }, d[N];
    make_pairs(5, M, N, s, y);
    double s0[M * N], y0[M * N], g0[N];
    memcpy(s0, s, sizeof s);
    memcpy(y0, y, sizeof y);
    memcpy(g0, g, sizeof g);
    EXPECT_STATUS(TLD, two_loop_direction(g, s, y, M, N, d), OPT_OK, "on three valid pairs",
                  "valid pairs must give OPT_OK.");
    cr_assert(memcmp(s, s0, sizeof s) == 0 && memcmp(y, y0, sizeof y) == 0 &&
              memcmp(g, g0, sizeof g) == 0,
              "g, s or y changed during the call: expected them untouched. Hint: work in d (q and "
              "r can both live there) and your own alpha array.");
}

Test(two_loop_direction, bad_curvature, .timeout = 2.0,
     .description = "a pair with s.y <= 0 is OPT_EINVAL, d untouched")
{
    const double s[] = { 1, 0, 0, 1 }, y_neg[] = { 2, 1, -1, -0.5 }, y_zero[] = { 2, 1, 1, 0 };
    const double g[] = { 1, 1 };
    double d[2] = { 42, 42 };
    EXPECT_STATUS(TLD, two_loop_direction(g, s, y_neg, 2, 2, d), OPT_EINVAL,
                  "with a second pair whose s.y = -0.5",
                  "check s_i . y_i > 0 for every pair before computing anything.");
    EXPECT_STATUS(TLD, two_loop_direction(g, s, y_zero, 2, 2, d), OPT_EINVAL,
                  "with a second pair whose s.y = 0", "s.y = 0 is not positive either.");
    cr_assert(d[0] == 42 && d[1] == 42, "d after OPT_EINVAL: expected it untouched, got (%s, %s).",
              grade_num(d[0]), grade_num(d[1]));
}

Test(two_loop_direction, bad_arguments, .timeout = 2.0,
     .description = "NULL g or d, n = 0, count < 0, or NULL pairs with count > 0: OPT_EINVAL")
{
    const double s[] = { 1, 0 }, y[] = { 2, 1 }, g[] = { 1, 1 };
    double d[2];
    const char *hint = "check g, d, n, count, and s and y when count > 0, before anything else.";
    EXPECT_STATUS(TLD, two_loop_direction(NULL, s, y, 1, 2, d), OPT_EINVAL, "with g = NULL", hint);
    EXPECT_STATUS(TLD, two_loop_direction(g, s, y, 1, 2, NULL), OPT_EINVAL, "with d = NULL", hint);
    EXPECT_STATUS(TLD, two_loop_direction(g, s, y, 1, 0, d), OPT_EINVAL, "with n = 0", hint);
    EXPECT_STATUS(TLD, two_loop_direction(g, s, y, -1, 2, d), OPT_EINVAL, "with count = -1", hint);
    EXPECT_STATUS(TLD, two_loop_direction(g, NULL, y, 1, 2, d), OPT_EINVAL,
                  "with s = NULL and count = 1", hint);
    EXPECT_STATUS(TLD, two_loop_direction(g, s, NULL, 1, 2, d), OPT_EINVAL,
                  "with y = NULL and count = 1", hint);
}

/* ======================================================================== */
/* Exercise 3: backtracking_armijo                                          */
/* ======================================================================== */

#define BTA "backtracking_armijo"

/* Objectives that count their evaluations and gradient requests. */
typedef struct counter { long calls, gradients; } counter;

static double f_square(const double *x, double *g, void *ctx)
{
    counter *c = ctx;
    c->calls++;
    if (g) {
        c->gradients++;
        g[0] = 2 * x[0];
    }
    return x[0] * x[0];
}

static double f_bowl(const double *x, double *g, void *ctx)    /* x^2 + 10 y^2 */
{
    counter *c = ctx;
    c->calls++;
    if (g) {
        c->gradients++;
        g[0] = 2 * x[0];
        g[1] = 20 * x[1];
    }
    return x[0] * x[0] + 10 * x[1] * x[1];
}

static double f_wall(const double *x, double *g, void *ctx)    /* (x-1)^2, inf beyond 2 */
{
    counter *c = ctx;
    c->calls++;
    if (g)
        g[0] = 2 * (x[0] - 1);
    return x[0] > 2 ? INFINITY : (x[0] - 1) * (x[0] - 1);
}

static double f_nan_wall(const double *x, double *g, void *ctx) /* (x-1)^2, NaN beyond 2 */
{
    counter *c = ctx;
    c->calls++;
    if (g)
        g[0] = 2 * (x[0] - 1);
    return x[0] > 2 ? NAN : (x[0] - 1) * (x[0] - 1);
}

static opt_ls_params params(double c1, double rho, int max_evals)
{
    opt_ls_params p = opt_ls_defaults();
    p.c1 = c1;
    p.rho = rho;
    p.max_evals = max_evals;
    return p;
}

/* The bowl x^2 + 10 y^2 from (1, 1) along -g = (-2, -20): f0 = 11, slope
 * -404; trials 1, 1/2, 1/4, 1/8 fail (f = 3611, 810, 160.25, 23.0625) and
 * 1/16 passes: f(0.875, -0.25) = 1.390625 <= 11 - 1e-4 (1/16) 404. */
Test(backtracking_armijo, bowl_by_hand, .timeout = 2.0,
     .description = "x^2 + 10 y^2 from (1, 1) along -g: four halvings, step 1/16")
{
    counter c = { 0, 0 };
    opt_objective f = { 2, f_bowl, NULL, &c, "bowl" };
    const double x[] = { 1, 1 }, g[] = { 2, 20 }, d[] = { -2, -20 };
    const opt_ls_params p = params(1e-4, 0.5, 40);
    double step = 1, x_new[2] = { NAN, NAN }, f_new = NAN;
    EXPECT_STATUS(BTA, backtracking_armijo(&f, x, 11, g, d, &p, &step, x_new, &f_new), OPT_OK,
                  "on x^2 + 10 y^2 from (1, 1)", "a descent direction on a smooth bowl must succeed.");
    cr_assert(step == 0.0625,
              "accepted step on x^2 + 10 y^2 from (1, 1) along (-2, -20), starting at 1 and "
              "halving: expected 1/16 = 0.0625, got %s. Hint: f at steps 1, 1/2, 1/4, 1/8 is 3611, "
              "810, 160.25, 23.06, all above 11 + c1 a (g.d); at 1/16 it is 1.39.",
              grade_num(step));
    cr_assert(x_new[0] == 0.875 && x_new[1] == -0.25,
              "x_new: expected x + (1/16) d = (0.875, -0.25), got (%s, %s).", grade_num(x_new[0]),
              grade_num(x_new[1]));
    cr_assert(f_new == 1.390625, "f_new: expected f(0.875, -0.25) = 1.390625, got %s.",
              grade_num(f_new));
}

Test(backtracking_armijo, square_by_hand, .timeout = 2.0,
     .description = "x^2 from 1 along -2: step 1 (f stays 1) is rejected, 1/2 accepted")
{
    counter c = { 0, 0 };
    opt_objective f = { 1, f_square, NULL, &c, "x^2" };
    const double x[] = { 1 }, g[] = { 2 }, d[] = { -2 };
    const opt_ls_params p = params(1e-4, 0.5, 40);
    double step = 1, x_new[1] = { NAN }, f_new = NAN;
    EXPECT_STATUS(BTA, backtracking_armijo(&f, x, 1, g, d, &p, &step, x_new, &f_new), OPT_OK,
                  "on x^2 from x = 1 along d = -2", "a descent direction must succeed here.");
    const char *hint = "at a = 1, f(1 - 2) = 1 is not below fx + c1 a (g.d) = 1 - 4e-4: reject, "
                       "halve, and accept a = 1/2 (f = 0).";
    if (step == 1)
        hint = "you accepted a = 1 although f did not decrease: the condition is "
               "f(x + a d) <= fx + c1 a (g.d), and g.d = -4 is negative, so the right side is "
               "BELOW fx.";
    cr_assert(step == 0.5 && x_new[0] == 0 && f_new == 0,
              "x^2 from x = 1 along d = -2: expected step 0.5, x_new 0, f_new 0; got step %s, "
              "x_new %s, f_new %s. Hint: %s", grade_num(step), grade_num(x_new[0]),
              grade_num(f_new), hint);
}

Test(backtracking_armijo, c1_and_rho_used, .timeout = 2.0,
     .description = "the search uses p->c1 and p->rho (not 1e-4 and 1/2 written in)")
{
    counter c = { 0, 0 };
    opt_objective f = { 1, f_square, NULL, &c, "x^2" };
    const double x[] = { 1 }, g[] = { 2 }, d[] = { -2 };
    double step = 1, x_new[1], f_new;
    /* rho = 0.1: a = 1 fails, a = 0.1 gives f = 0.64 <= 1 - 4e-5. */
    opt_ls_params p = params(1e-4, 0.1, 40);
    EXPECT_STATUS(BTA, backtracking_armijo(&f, x, 1, g, d, &p, &step, x_new, &f_new), OPT_OK,
                  "with rho = 0.1", "a descent direction must succeed here.");
    cr_assert(close_to(step, 0.1, 1e-15),
              "x^2 from 1 along -2 with rho = 0.1: expected step 0.1, got %s. Hint: shrink by "
              "p->rho.", grade_num(step));
    /* c1 = 0.6: a = 1/2 gives f = 0 > 1 - 0.6 * 0.5 * 4 = -0.2 (rejected),
     * a = 1/4 gives 0.25 <= 1 - 0.6 * 0.25 * 4 = 0.4 (accepted). */
    p = params(0.6, 0.5, 40);
    step = 1;
    EXPECT_STATUS(BTA, backtracking_armijo(&f, x, 1, g, d, &p, &step, x_new, &f_new), OPT_OK,
                  "with c1 = 0.6", "a descent direction must succeed here.");
    cr_assert(close_to(step, 0.25, 1e-15),
              "x^2 from 1 along -2 with c1 = 0.6: expected step 0.25, got %s. Hint: the "
              "condition is f(x + a d) <= fx + p->c1 a (g.d).", grade_num(step));
}

Test(backtracking_armijo, evaluation_count, .timeout = 2.0,
     .description = "one evaluation per trial, values only, the first trial is *step itself")
{
    counter c = { 0, 0 };
    opt_objective f = { 2, f_bowl, NULL, &c, "bowl" };
    const double x[] = { 1, 1 }, g[] = { 2, 20 }, d[] = { -2, -20 };
    const opt_ls_params p = params(1e-4, 0.5, 40);
    double step = 1, x_new[2], f_new;
    EXPECT_STATUS(BTA, backtracking_armijo(&f, x, 11, g, d, &p, &step, x_new, &f_new), OPT_OK,
                  "on x^2 + 10 y^2", "a descent direction must succeed here.");
    cr_assert(c.calls == 5,
              "evaluations for trials 1, 1/2, 1/4, 1/8, 1/16: expected 5, got %ld. Hint: one "
              "opt_eval per trial step, and none for f(x) (fx is given).", c.calls);
    cr_assert(c.gradients == 0,
              "evaluations that asked for a gradient: expected 0, got %ld. Hint: call "
              "opt_eval(f, x_new, NULL).", c.gradients);
    c.calls = 0;
    step = 0.05;    /* f(0.9, 0) = 0.81: accepted at once */
    EXPECT_STATUS(BTA, backtracking_armijo(&f, x, 11, g, d, &p, &step, x_new, &f_new), OPT_OK,
                  "starting at step 0.05", "a descent direction must succeed here.");
    cr_assert(c.calls == 1 && close_to(step, 0.05, 1e-15),
              "starting at *step = 0.05 (already acceptable): expected 1 evaluation and step "
              "0.05, got %ld evaluations and step %s. Hint: the first trial is *step, not 1.",
              c.calls, grade_num(step));
}

Test(backtracking_armijo, not_a_descent_direction, .timeout = 2.0,
     .description = "g.d >= 0 (uphill or zero d) is OPT_EINVAL, nothing evaluated")
{
    counter c = { 0, 0 };
    opt_objective f = { 1, f_square, NULL, &c, "x^2" };
    const double x[] = { 1 }, g[] = { 2 }, up[] = { 1 }, zero[] = { 0 };
    const opt_ls_params p = params(1e-4, 0.5, 40);
    double step = 1, x_new[1] = { 42 }, f_new = 42;
    EXPECT_STATUS(BTA, backtracking_armijo(&f, x, 1, g, up, &p, &step, x_new, &f_new), OPT_EINVAL,
                  "with an uphill d (g.d = 2)", "compute g.d first; if it is not negative, "
                  "return OPT_EINVAL without evaluating f.");
    EXPECT_STATUS(BTA, backtracking_armijo(&f, x, 1, g, zero, &p, &step, x_new, &f_new), OPT_EINVAL,
                  "with d = 0 (g.d = 0)", "g.d = 0 is not a descent direction either.");
    cr_assert(c.calls == 0 && step == 1 && x_new[0] == 42 && f_new == 42,
              "after OPT_EINVAL: expected no evaluation and the outputs untouched, got %ld "
              "evaluations, step %s, x_new %s, f_new %s.", c.calls, grade_num(step),
              grade_num(x_new[0]), grade_num(f_new));
}

Test(backtracking_armijo, non_finite_values, .timeout = 2.0,
     .description = "infinite or NaN trial values are rejected: the step shrinks past them")
{
    /* (x - 1)^2 from 0 along d = 10 (g.d = -20): x = 10, 5, 2.5 are beyond
     * the wall (inf or NaN), x = 1.25 gives 0.0625 <= 1 - 1e-4 0.125 20. */
    opt_fdf_fn fns[] = { f_wall, f_nan_wall };
    const char *names[] = { "infinite", "NaN" };
    for (int k = 0; k < 2; k++) {
        counter c = { 0, 0 };
        opt_objective f = { 1, fns[k], NULL, &c, "wall" };
        const double x[] = { 0 }, g[] = { -2 }, d[] = { 10 };
        const opt_ls_params p = params(1e-4, 0.5, 40);
        double step = 1, x_new[1], f_new = NAN;
        EXPECT_STATUS(BTA, backtracking_armijo(&f, x, 1, g, d, &p, &step, x_new, &f_new), OPT_OK,
                      "with a wall of non-finite values", "shrink past the wall and accept.");
        cr_assert(step == 0.125 && f_new == 0.0625,
                  "(x - 1)^2, %s beyond x = 2, from 0 along d = 10: expected step 0.125 (x = "
                  "1.25, f = 0.0625), got step %s, f_new %s. Hint: a NaN compares false with "
                  "everything, so 'if (!(f_new > bound)) accept' accepts it; test isfinite(f_new) "
                  "&& f_new <= bound.", names[k], grade_num(step), grade_num(f_new));
    }
}

Test(backtracking_armijo, budget_exhausted, .timeout = 2.0,
     .description = "max_evals = 2 on the bowl: OPT_ENOPROG after exactly 2 evaluations, no move")
{
    counter c = { 0, 0 };
    opt_objective f = { 2, f_bowl, NULL, &c, "bowl" };
    const double x[] = { 1, 1 }, g[] = { 2, 20 }, d[] = { -2, -20 };
    const opt_ls_params p = params(1e-4, 0.5, 2);
    double step = 1, x_new[2] = { NAN, NAN }, f_new = NAN;
    EXPECT_STATUS(BTA, backtracking_armijo(&f, x, 11, g, d, &p, &step, x_new, &f_new), OPT_ENOPROG,
                  "with max_evals = 2 where 5 trials are needed",
                  "after p->max_evals failed trials return OPT_ENOPROG.");
    cr_assert(c.calls == 2,
              "evaluations with max_evals = 2: expected exactly 2, got %ld. Hint: count the "
              "evaluations and stop when the count reaches max_evals (not max_evals + 1).", c.calls);
    cr_assert(step == 0 && x_new[0] == 1 && x_new[1] == 1 && f_new == 11,
              "after OPT_ENOPROG: expected step 0, x_new = x = (1, 1), f_new = fx = 11; got step "
              "%s, x_new (%s, %s), f_new %s. Hint: the search did not move.",
              grade_num(step), grade_num(x_new[0]), grade_num(x_new[1]), grade_num(f_new));
}

Test(backtracking_armijo, bad_arguments, .timeout = 2.0,
     .description = "NULL pointers, a bad step, c1, rho or max_evals: OPT_EINVAL")
{
    counter c = { 0, 0 };
    opt_objective f = { 1, f_square, NULL, &c, "x^2" }, empty = { 0, f_square, NULL, &c, "n = 0" };
    const double x[] = { 1 }, g[] = { 2 }, d[] = { -2 };
    const opt_ls_params good = params(1e-4, 0.5, 40);
    double step, x_new[1], f_new;
    const char *hint = "check every pointer, f->n, *step (finite, > 0), 0 < c1 < 1, 0 < rho < 1 "
                       "and max_evals >= 1 before evaluating anything.";
#define CALL(F, X, G, D, P, S, XN, FN, what)                                              \
    do {                                                                                 \
        step = 1;                                                                        \
        EXPECT_STATUS(BTA, backtracking_armijo(F, X, 1, G, D, P, S, XN, FN), OPT_EINVAL, \
                      what, hint);                                                       \
    } while (0)
    CALL(NULL, x, g, d, &good, &step, x_new, &f_new, "with f = NULL");
    CALL(&empty, x, g, d, &good, &step, x_new, &f_new, "with f->n = 0");
    CALL(&f, NULL, g, d, &good, &step, x_new, &f_new, "with x = NULL");
    CALL(&f, x, NULL, d, &good, &step, x_new, &f_new, "with g = NULL");
    CALL(&f, x, g, NULL, &good, &step, x_new, &f_new, "with d = NULL");
    CALL(&f, x, g, d, NULL, &step, x_new, &f_new, "with p = NULL");
    CALL(&f, x, g, d, &good, NULL, x_new, &f_new, "with step = NULL");
    CALL(&f, x, g, d, &good, &step, NULL, &f_new, "with x_new = NULL");
    CALL(&f, x, g, d, &good, &step, x_new, NULL, "with f_new = NULL");
    const opt_ls_params bad[] = { params(0, 0.5, 40), params(1, 0.5, 40), params(1e-4, 0, 40),
                                  params(1e-4, 1, 40), params(1e-4, 0.5, 0), params(NAN, 0.5, 40) };
    const char *bad_names[] = { "with c1 = 0", "with c1 = 1", "with rho = 0", "with rho = 1",
                                "with max_evals = 0", "with c1 = NaN" };
    for (int k = 0; k < 6; k++)
        CALL(&f, x, g, d, &bad[k], &step, x_new, &f_new, bad_names[k]);
    const double steps[] = { 0, -1, NAN, INFINITY };
    const char *step_names[] = { "with *step = 0", "with *step = -1", "with *step = NaN",
                                 "with *step = infinity" };
    for (int k = 0; k < 4; k++) {
        step = steps[k];
        EXPECT_STATUS(BTA, backtracking_armijo(&f, x, 1, g, d, &good, &step, x_new, &f_new),
                      OPT_EINVAL, step_names[k], hint);
    }
#undef CALL
    cr_assert(c.calls == 0, "evaluations during bad calls: expected 0, got %ld.", c.calls);
}
