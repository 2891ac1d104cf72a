/* data.c — drawing data sets, their statistics, standardizing and
 * whitening. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_blas.h>
#include <gsl/gsl_eigen.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_vector.h>
#include "data.h"
#include "status.h"
#include "vec.h"

/* Lower-triangular Cholesky factor L (p-by-p, upper triangle zeroed) of the
 * symmetric A (lower triangle read): A = L L^T. OPT_EINVAL when A is not
 * positive definite. */
static int cholesky(const double *A, size_t p, double *L)
{
    memset(L, 0, p * p * sizeof *L);
    for (size_t j = 0; j < p; j++) {
        double d = A[j * p + j];
        for (size_t k = 0; k < j; k++)
            d -= L[j * p + k] * L[j * p + k];
        if (!(d > 0))
            return OPT_EINVAL;
        L[j * p + j] = sqrt(d);
        for (size_t i = j + 1; i < p; i++) {
            double s = A[i * p + j];
            for (size_t k = 0; k < j; k++)
                s -= L[i * p + k] * L[j * p + k];
            L[i * p + j] = s / L[j * p + j];
        }
    }
    return OPT_OK;
}

/* 1 when the lower triangle and diagonal of the p-by-p A are finite. */
static int lower_finite(const double *A, size_t p)
{
    for (size_t i = 0; i < p; i++)
        for (size_t j = 0; j <= i; j++)
            if (!isfinite(A[i * p + j]))
                return 0;
    return 1;
}

int opt_gaussian_rows(gsl_rng *r, size_t n, size_t p, const double *mean, const double *cov,
                      double *X)
{
    if (!r || !cov || !X || n == 0 || p == 0 || !lower_finite(cov, p)
        || (mean && !opt_all_finite(mean, p)))
        return OPT_EINVAL;
    double *L = malloc(p * p * sizeof *L), *z = malloc(p * sizeof *z);
    if (!L || !z) {
        free(L);
        free(z);
        return OPT_ENOMEM;
    }
    int status = cholesky(cov, p, L);
    for (size_t i = 0; status == OPT_OK && i < n; i++) {
        for (size_t j = 0; j < p; j++)
            z[j] = gsl_ran_gaussian(r, 1.0);
        for (size_t j = 0; j < p; j++)      /* x = mean + L z, L lower triangular */
            X[i * p + j] = (mean ? mean[j] : 0) + opt_dot(L + j * p, z, j + 1);
    }
    free(L);
    free(z);
    return status;
}

int opt_linear_targets(gsl_rng *r, const double *X, size_t n, size_t p, const double *beta,
                       double intercept, double noise_sd, double *y)
{
    if (!r || !X || !beta || !y || n == 0 || p == 0 || !(noise_sd >= 0) || !isfinite(noise_sd))
        return OPT_EINVAL;
    for (size_t i = 0; i < n; i++) {
        y[i] = intercept + opt_dot(X + i * p, beta, p);
        if (noise_sd > 0)
            y[i] += gsl_ran_gaussian(r, noise_sd);
    }
    return OPT_OK;
}

int opt_column_stats(const double *X, size_t n, size_t p, double *mean, double *std)
{
    if (!X || !mean || n == 0 || p == 0 || !opt_all_finite(X, n * p))
        return OPT_EINVAL;
    for (size_t j = 0; j < p; j++) {
        double m = 0, ss = 0;
        for (size_t i = 0; i < n; i++)
            m += X[i * p + j];
        m /= (double)n;
        for (size_t i = 0; i < n; i++)       /* second pass: deviations from the mean */
            ss += (X[i * p + j] - m) * (X[i * p + j] - m);
        mean[j] = m;
        if (std)
            std[j] = sqrt(ss / (double)n);
    }
    return OPT_OK;
}

int opt_is_constant_column(double mean, double std)
{
    return std <= OPT_CONSTANT_COLUMN_RTOL * fabs(mean);
}

int opt_gram(const double *X, size_t n, size_t p, double *G)
{
    if (!X || !G || n == 0 || p == 0 || !opt_all_finite(X, n * p))
        return OPT_EINVAL;
    gsl_matrix_const_view A = gsl_matrix_const_view_array(X, n, p);
    gsl_matrix_view C = gsl_matrix_view_array(G, p, p);
    /* G = (1/n) A^T A, lower triangle; then mirror it. */
    gsl_blas_dsyrk(CblasLower, CblasTrans, 1.0 / (double)n, &A.matrix, 0.0, &C.matrix);
    for (size_t i = 0; i < p; i++)
        for (size_t j = 0; j < i; j++)
            G[j * p + i] = G[i * p + j];
    return OPT_OK;
}

int opt_covariance(const double *X, size_t n, size_t p, const double *mean, double *C)
{
    if (!X || !mean || !C || n == 0 || p == 0 || !opt_all_finite(mean, p))
        return OPT_EINVAL;
    double *centred = malloc(n * p * sizeof *centred);
    if (!centred)
        return OPT_ENOMEM;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < p; j++)
            centred[i * p + j] = X[i * p + j] - mean[j];
    const int status = opt_gram(centred, n, p, C);
    free(centred);
    return status;
}

int opt_standardize_apply(double *X, size_t n, size_t p, const double *mean, const double *std)
{
    if (!X || !mean || !std || p == 0)
        return OPT_EINVAL;
    for (size_t j = 0; j < p; j++)
        if (!isfinite(mean[j]) || !(std[j] > 0) || !isfinite(std[j]))
            return OPT_EINVAL;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < p; j++)
            X[i * p + j] = (X[i * p + j] - mean[j]) / std[j];
    return OPT_OK;
}

int opt_zca_matrix(const double *C, size_t p, double *W)
{
    if (!C || !W || p == 0 || !lower_finite(C, p))
        return OPT_EINVAL;
    double *work = malloc(p * p * sizeof *work), *Q = malloc(p * p * sizeof *Q),
           *lambda = malloc(p * sizeof *lambda);
    gsl_eigen_symmv_workspace *ws = gsl_eigen_symmv_alloc(p);
    int status = OPT_OK;
    if (!work || !Q || !lambda || !ws) {
        status = OPT_ENOMEM;
        goto done;
    }
    for (size_t i = 0; i < p; i++)
        for (size_t j = 0; j <= i; j++)
            work[i * p + j] = work[j * p + i] = C[i * p + j];
    gsl_matrix_view A = gsl_matrix_view_array(work, p, p), V = gsl_matrix_view_array(Q, p, p);
    gsl_vector_view l = gsl_vector_view_array(lambda, p);
    if (gsl_eigen_symmv(&A.matrix, &l.vector, &V.matrix, ws)) {
        status = OPT_EINVAL;
        goto done;
    }
    double lo = lambda[0], hi = lambda[0];
    for (size_t k = 1; k < p; k++) {
        lo = fmin(lo, lambda[k]);
        hi = fmax(hi, lambda[k]);
    }
    if (!(hi > 0) || !(lo > 1e-14 * hi)) {
        status = OPT_EINVAL;
        goto done;
    }
    /* W = Q diag(lambda^{-1/2}) Q^T; column k of Q is eigenvector k. */
    for (size_t i = 0; i < p; i++)
        for (size_t j = 0; j <= i; j++) {
            double s = 0;
            for (size_t k = 0; k < p; k++)
                s += Q[i * p + k] * Q[j * p + k] / sqrt(lambda[k]);
            W[i * p + j] = W[j * p + i] = s;
        }
done:
    if (ws)
        gsl_eigen_symmv_free(ws);
    free(work);
    free(Q);
    free(lambda);
    return status;
}

int opt_whiten_apply(double *X, size_t n, size_t p, const double *mean, const double *W)
{
    if (!X || !mean || !W || p == 0 || !opt_all_finite(mean, p) || !opt_all_finite(W, p * p))
        return OPT_EINVAL;
    double *row = malloc(p * sizeof *row);
    if (!row)
        return OPT_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        double *x = X + i * p;
        for (size_t j = 0; j < p; j++)
            row[j] = x[j] - mean[j];
        for (size_t j = 0; j < p; j++) {     /* (x - mean) W: column j of W */
            double s = 0;
            for (size_t k = 0; k < p; k++)
                s += row[k] * W[k * p + j];
            x[j] = s;
        }
    }
    free(row);
    return OPT_OK;
}
