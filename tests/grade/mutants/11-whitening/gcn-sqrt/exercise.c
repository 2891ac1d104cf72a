/* mutant of: gram_condition_number */
/* Returns sqrt(lambda_max / lambda_min), the condition number of X, not of X^T X / n. */
/* exercise.c — Lab 11, Data whitening: the reference solutions.
 *
 * Same signatures and contracts as labs/11-whitening/exercise.h.
 */
#include <math.h>
#include <stdlib.h>
#include <gsl/gsl_blas.h>
#include <gsl/gsl_matrix.h>
#include "exercise.h"
#include "spectrum.h"

/* 1 when every entry of the n-by-p matrix A is finite. */
static int all_finite(const double *A, size_t n, size_t p)
{
    for (size_t k = 0; k < n * p; k++)
        if (!isfinite(A[k]))
            return 0;
    return 1;
}

/* A <- (A - mean) / std, row by row. */
static void scale_rows(double *A, size_t n, size_t p, const double *mean, const double *std)
{
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < p; j++)
            A[i * p + j] = (A[i * p + j] - mean[j]) / std[j];
}

int standardize_features(double *train, size_t n_train, double *test, size_t n_test, size_t p,
                         double *mean, double *std)
{
    if (!train || !mean || !std || n_train == 0 || p == 0 || (n_test > 0 && !test))
        return OPT_EINVAL;
    if (!all_finite(train, n_train, p) || (n_test > 0 && !all_finite(test, n_test, p)))
        return OPT_EINVAL;
    int constant = 0;
    for (size_t j = 0; j < p; j++) {
        double m = 0, ss = 0;
        for (size_t i = 0; i < n_train; i++)
            m += train[i * p + j];
        m /= (double)n_train;
        for (size_t i = 0; i < n_train; i++)      /* second pass: deviations */
            ss += (train[i * p + j] - m) * (train[i * p + j] - m);
        mean[j] = m;
        std[j] = sqrt(ss / (double)n_train);
        if (std[j] <= 1e-12 * fabs(m))
            constant = 1;
    }
    if (constant)
        return OPT_EINVAL;          /* the statistics say which column */
    scale_rows(train, n_train, p, mean, std);
    if (n_test > 0)
        scale_rows(test, n_test, p, mean, std);     /* the training statistics */
    return OPT_OK;
}

int gram_condition_number(const double *X, size_t n, size_t p, double *kappa)
{
    if (!X || !kappa || n == 0 || p == 0 || !all_finite(X, n, p))
        return OPT_EINVAL;
    double *G = malloc(p * p * sizeof *G), *eig = malloc(p * sizeof *eig);
    if (!G || !eig) {
        free(G);
        free(eig);
        return OPT_ENOMEM;
    }
    /* G = X^T X / n: the lower triangle through BLAS, which is all that
     * opt_sym_eigenvalues reads. */
    gsl_matrix_const_view A = gsl_matrix_const_view_array(X, n, p);
    gsl_matrix_view C = gsl_matrix_view_array(G, p, p);
    gsl_blas_dsyrk(CblasLower, CblasTrans, 1.0 / (double)n, &A.matrix, 0.0, &C.matrix);
    int status = opt_sym_eigenvalues(G, p, eig);    /* ascending */
    if (status == OPT_OK) {
        const double lo = eig[0], hi = eig[p - 1];
        if (!(hi > 0) || !(lo > 1e-14 * hi))
            status = OPT_EINVAL;    /* singular to working precision */
        else
            *kappa = sqrt(hi / lo);
    }
    free(G);
    free(eig);
    return status;
}
