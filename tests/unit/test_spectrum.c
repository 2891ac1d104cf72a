/* Symmetric eigenvalues and the condition number, against matrices whose
 * spectra are known by construction. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_randist.h>
#include "opt.h"
#include "spectrum.h"

/* Q diag(lambda) Q^T with Q = I - 2 u u^T / (u^T u), a Householder
 * reflection (orthogonal and symmetric), into A (n-by-n). */
static void reflected_diagonal(const double *lambda, const double *u, size_t n, double *A)
{
    double uu = 0;
    for (size_t i = 0; i < n; i++)
        uu += u[i] * u[i];
    double *Q = malloc(n * n * sizeof *Q);
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++)
            Q[i * n + j] = (i == j) - 2 * u[i] * u[j] / uu;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++) {
            double s = 0;
            for (size_t k = 0; k < n; k++)
                s += Q[i * n + k] * lambda[k] * Q[j * n + k];
            A[i * n + j] = s;
        }
    free(Q);
}

Test(spectrum, diagonal_sorted_ascending)
{
    const double A[9] = { 3, 0, 0, 0, -1, 0, 0, 0, 2 };
    double eig[3];
    cr_assert_eq(opt_sym_eigenvalues(A, 3, eig), OPT_OK);
    cr_assert(eig[0] == -1 && eig[1] == 2 && eig[2] == 3, "got %g %g %g", eig[0], eig[1], eig[2]);
}

Test(spectrum, one_by_one)
{
    const double A[1] = { -7.5 };
    double eig[1];
    cr_assert_eq(opt_sym_eigenvalues(A, 1, eig), OPT_OK);
    cr_assert_eq(eig[0], -7.5);
}

/* The lecture's quadratics x^T Q Lambda Q^T x: Hessian 2 Q Lambda Q^T. */
Test(spectrum, lecture_quadratics)
{
    const double lambdas[3][2] = { { 4, 1 }, { 4, 1 }, { 12, 1 } };
    const double theta[3] = { 0, 45, 45 }, want_kappa[3] = { 4, 4, 12 };
    for (int c = 0; c < 3; c++) {
        opt_quad2 q;
        opt_quad2_rotated(&q, lambdas[c][0], lambdas[c][1], theta[c]);
        double H[4], eig[2], kappa = 0, x[2] = { 0, 0 };
        opt_quad2_hess(x, H, &q);
        cr_assert_eq(opt_sym_eigenvalues(H, 2, eig), OPT_OK);
        cr_assert_float_eq(eig[0], 2 * lambdas[c][1], 1e-13, "case %d: lambda_min %.17g", c, eig[0]);
        cr_assert_float_eq(eig[1], 2 * lambdas[c][0], 1e-13, "case %d: lambda_max %.17g", c, eig[1]);
        cr_assert_eq(opt_condition_number(H, 2, &kappa), OPT_OK);
        cr_assert_float_eq(kappa, want_kappa[c], 1e-13, "case %d: kappa %.17g", c, kappa);
    }
}

Test(spectrum, known_spectrum_after_reflection)
{
    const double lambda[4] = { 0.5, 10, -3, 2 }, u[4] = { 1, -2, 3, 1 };
    double A[16], eig[4];
    reflected_diagonal(lambda, u, 4, A);
    cr_assert_eq(opt_sym_eigenvalues(A, 4, eig), OPT_OK);
    const double want[4] = { -3, 0.5, 2, 10 };
    for (int i = 0; i < 4; i++)
        cr_assert_float_eq(eig[i], want[i], 1e-13, "eig[%d] = %.17g", i, eig[i]);
}

Test(spectrum, reads_only_the_lower_triangle_and_keeps_A)
{
    double A[9] = { 2, 99, -99, 1, 2, 1e300, 0, 1, 2 };   /* upper triangle is junk */
    double copy[9], eig[3];
    memcpy(copy, A, sizeof A);
    A[2] = NAN;     /* even a NaN up there is not read */
    copy[2] = NAN;
    cr_assert_eq(opt_sym_eigenvalues(A, 3, eig), OPT_OK);
    /* tridiagonal (2, 1): eigenvalues 2 - sqrt 2, 2, 2 + sqrt 2 */
    cr_assert_float_eq(eig[0], 2 - sqrt(2), 1e-14);
    cr_assert_float_eq(eig[1], 2, 1e-14);
    cr_assert_float_eq(eig[2], 2 + sqrt(2), 1e-14);
    for (int i = 0; i < 9; i++)
        cr_assert(A[i] == copy[i] || (isnan(A[i]) && isnan(copy[i])), "A[%d] changed", i);
}

/* Invariants for a random symmetric matrix: the eigenvalues sum to the
 * trace and their squares to the squared Frobenius norm. */
Test(spectrum, trace_and_frobenius)
{
    enum { N = 7 };
    gsl_rng *r = opt_rng_alloc(11, 0);
    double A[N * N], eig[N];
    for (int i = 0; i < N; i++)
        for (int j = 0; j <= i; j++)
            A[i * N + j] = A[j * N + i] = gsl_ran_gaussian(r, 1);
    gsl_rng_free(r);
    cr_assert_eq(opt_sym_eigenvalues(A, N, eig), OPT_OK);
    double trace = 0, frob = 0, sum = 0, sumsq = 0;
    for (int i = 0; i < N; i++) {
        trace += A[i * N + i];
        sum += eig[i];
        sumsq += eig[i] * eig[i];
        for (int j = 0; j < N; j++)
            frob += A[i * N + j] * A[i * N + j];
        if (i)
            cr_assert_leq(eig[i - 1], eig[i], "not ascending at %d", i);
    }
    cr_assert_float_eq(sum, trace, 1e-12);
    cr_assert_float_eq(sumsq, frob, 1e-11);
}

Test(spectrum, condition_number_scale_invariant)
{
    const double lambda[3] = { 1, 5, 250 }, u[3] = { 2, 1, -1 };
    double A[9], kappa;
    reflected_diagonal(lambda, u, 3, A);
    cr_assert_eq(opt_condition_number(A, 3, &kappa), OPT_OK);
    cr_assert_float_eq(kappa, 250, 1e-11);
    for (int i = 0; i < 9; i++)
        A[i] *= 1e-6;
    cr_assert_eq(opt_condition_number(A, 3, &kappa), OPT_OK);
    cr_assert_float_eq(kappa, 250, 1e-11);
    const double I[4] = { 3, 0, 0, 3 };
    cr_assert_eq(opt_condition_number(I, 2, &kappa), OPT_OK);
    cr_assert_eq(kappa, 1);
}

Test(spectrum, not_positive_definite)
{
    const double saddle[4] = { 2, 0, 0, -2 }, singular[4] = { 1, 0, 0, 0 };
    double kappa = 42;
    cr_assert_eq(opt_condition_number(saddle, 2, &kappa), OPT_EINVAL);
    cr_assert_eq(opt_condition_number(singular, 2, &kappa), OPT_EINVAL);
    cr_assert_eq(kappa, 42, "kappa changed on error");
}

Test(spectrum, bad_arguments)
{
    const double A[4] = { 1, 0, 0, 1 }, bad[4] = { 1, 0, INFINITY, 1 };
    double eig[2], kappa;
    cr_assert_eq(opt_sym_eigenvalues(NULL, 2, eig), OPT_EINVAL);
    cr_assert_eq(opt_sym_eigenvalues(A, 2, NULL), OPT_EINVAL);
    cr_assert_eq(opt_sym_eigenvalues(A, 0, eig), OPT_EINVAL);
    cr_assert_eq(opt_sym_eigenvalues(bad, 2, eig), OPT_EINVAL);
    cr_assert_eq(opt_condition_number(A, 2, NULL), OPT_EINVAL);
    cr_assert_eq(opt_condition_number(NULL, 2, &kappa), OPT_EINVAL);
    cr_assert_eq(opt_condition_number(A, 0, &kappa), OPT_EINVAL);
}
