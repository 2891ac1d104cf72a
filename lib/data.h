/* data.h — data sets as matrices: drawing them, their statistics,
 * standardizing and whitening them.
 *
 * A data set is an n-by-p design matrix X, row-major (example i is the row
 * X[i*p .. i*p + p-1], feature j the column X[j], X[p + j], ...), usually
 * with a target vector y of length n. The labs on data whitening, mini-batch
 * gradients, bias and variance and regularization draw their data sets with
 * these functions, so that every one is reproducible from (seed, stream).
 *
 * Statistics use the population form, dividing by n (not n - 1): the
 * standard deviation of a standardized column is then exactly 1 and its
 * Gram matrix X^T X / n is the correlation matrix, with ones on the
 * diagonal.
 *
 * Preprocessing is fitted on a training set and applied unchanged to any
 * other set (validation, test): opt_column_stats or opt_covariance on the
 * training rows, then opt_standardize_apply or opt_whiten_apply on each
 * set. Computing statistics on the test set would let it leak into the
 * model.
 *
 * Every function returns OPT_OK or an error status (status.h) and never
 * prints; linear algebra goes through GSL (and its CBLAS).
 */
#ifndef OPT_DATA_H
#define OPT_DATA_H

#include <stddef.h>
#include <gsl/gsl_rng.h>

/* A column counts as constant when its standard deviation is at most this
 * times the magnitude of its mean (so also when both are 0): its spread is
 * rounding noise, and dividing by it would blow noise up to unit size. */
#define OPT_CONSTANT_COLUMN_RTOL 1e-12

/* --- Drawing data ------------------------------------------------------------ */

/* n rows drawn independently from the p-variate normal N(mean, cov) into X
 * (n-by-p): x = mean + L z with cov = L L^T (Cholesky) and z standard
 * normal (gsl_ran_gaussian on r), so the draws are reproducible from r's
 * (seed, stream). mean may be NULL (zero mean); cov is p-by-p, symmetric
 * (its lower triangle is read).
 * Returns OPT_OK; OPT_EINVAL when r, cov or X is NULL, n or p is 0, an
 * entry is not finite, or cov is not positive definite (X untouched);
 * OPT_ENOMEM. */
int opt_gaussian_rows(gsl_rng *r, size_t n, size_t p, const double *mean, const double *cov,
                      double *X);

/* Targets of a linear model with Gaussian noise:
 *     y[i] = intercept + X[i] . beta + noise_sd * z_i,   z_i ~ N(0, 1) from r.
 * noise_sd = 0 draws nothing from r.
 * Returns OPT_OK; OPT_EINVAL for a NULL pointer, n or p = 0, or a negative
 * or non-finite noise_sd. */
int opt_linear_targets(gsl_rng *r, const double *X, size_t n, size_t p, const double *beta,
                       double intercept, double noise_sd, double *y);

/* --- Statistics -------------------------------------------------------------- */

/* Per-column mean and standard deviation (population: divided by n) of X,
 * in two passes (the mean, then the squared deviations from it), which
 * stays accurate when a mean is large next to the spread; the one-pass
 * formula E[x^2] - E[x]^2 loses every digit when mean^2 / variance nears
 * 1/epsilon. std may be NULL when only the means are wanted.
 * Returns OPT_OK; OPT_EINVAL when X or mean is NULL, n or p is 0, or an
 * entry is not finite (outputs untouched). */
int opt_column_stats(const double *X, size_t n, size_t p, double *mean, double *std);

/* 1 when a column with this mean and standard deviation is constant
 * (std <= OPT_CONSTANT_COLUMN_RTOL |mean|), else 0. */
int opt_is_constant_column(double mean, double std);

/* The Gram matrix G = X^T X / n (p-by-p, both triangles filled) through
 * BLAS dsyrk. Its eigenvalues, times 2, are the curvatures of the least-
 * squares loss (1/n) ||X b - y||^2. Returns OPT_OK; OPT_EINVAL when a
 * pointer is NULL, n or p is 0, or an entry of X is not finite. */
int opt_gram(const double *X, size_t n, size_t p, double *G);

/* The covariance matrix C = (X - 1 mean^T)^T (X - 1 mean^T) / n (p-by-p,
 * both triangles), with the column means given (from opt_column_stats on
 * the same X). Returns OPT_OK; OPT_EINVAL for the reasons of opt_gram or a
 * non-finite mean; OPT_ENOMEM. */
int opt_covariance(const double *X, size_t n, size_t p, const double *mean, double *C);

/* --- Preprocessing ------------------------------------------------------------ */

/* Standardize in place with given statistics: X[i][j] <- (X[i][j] -
 * mean[j]) / std[j]. Use the training set's statistics for every set.
 * Returns OPT_OK; OPT_EINVAL when a pointer is NULL, p is 0, or some
 * std[j] is not a finite number > 0 or mean[j] is not finite (X
 * untouched). n = 0 is allowed (nothing to do). */
int opt_standardize_apply(double *X, size_t n, size_t p, const double *mean, const double *std);

/* The ZCA whitening matrix W = C^{-1/2} = Q diag(lambda^{-1/2}) Q^T of a
 * covariance C (p-by-p, lower triangle read) into W (p-by-p, symmetric):
 * the rows x W of centred data have covariance I, and of all such
 * transforms ZCA moves the data least (it is symmetric, no rotation).
 * Returns OPT_OK; OPT_EINVAL when a pointer is NULL, p is 0, an entry is
 * not finite, or C is not positive definite to working precision
 * (lambda_min <= 1e-14 lambda_max: some combination of the features is
 * constant, and whitening would divide by zero); OPT_ENOMEM. */
int opt_zca_matrix(const double *C, size_t p, double *W);

/* Whiten in place with a training set's mean and whitening matrix W
 * (p-by-p): each row x <- (x - mean) W. Returns OPT_OK; OPT_EINVAL when a
 * pointer is NULL, p is 0, or mean or W holds a non-finite entry;
 * OPT_ENOMEM. n = 0 is allowed. */
int opt_whiten_apply(double *X, size_t n, size_t p, const double *mean, const double *W);

#endif
