/* exercise.h — Lab 11, Data whitening: the two functions you write.
 *
 * Write them in labs/11-whitening/exercise.c (the stubs there return
 * OPT_ENOTIMPL). Until you do, build/bin/lab11 says so once per exercise
 * and uses the library's reference (lib/data.h, lib/spectrum.h) instead;
 * once you do, every standardized data set and every condition number in
 * the lab comes from your code.
 *
 * Check your work:   make grade LAB=11
 * Rerun the lab:     make lab11 && build/bin/lab11
 *
 * Matrices are row-major: an n-by-p data matrix X holds example i in
 * X[i*p + 0 .. i*p + p-1], so feature j is X[j], X[p + j], X[2p + j], ...
 *
 * Rules: plain loops over double arrays, or GSL (gsl_matrix_view_array,
 * gsl_blas_dsyrk / gsl_blas_dgemm, gsl_eigen_symm); for the eigenvalues
 * you may also use opt_sym_eigenvalues (spectrum.h). Do not call the
 * library's versions of what you are writing (opt_column_stats,
 * opt_standardize_apply, opt_gram, opt_covariance, opt_condition_number).
 * Never print, never exit: return a status from status.h.
 */
#ifndef LAB11_EXERCISE_H
#define LAB11_EXERCISE_H

#include <stddef.h>
#include "status.h"

/* Exercise 1 — standardize the features, with the training set's
 * statistics.
 *
 * For every feature (column) j = 0 .. p-1 of the training matrix train
 * (n_train rows), compute its mean and its standard deviation
 *
 *     mean[j] = (1/n) sum_i train[i][j]
 *     std[j]  = sqrt( (1/n) sum_i (train[i][j] - mean[j])^2 )
 *
 * dividing by n (not n - 1), so that a standardized column has variance
 * exactly 1. Compute the deviations from the mean in a second pass: the
 * one-pass formula E[x^2] - E[x]^2 cancels catastrophically when a mean is
 * large next to the spread, which is the very case this lab is about.
 * Store them in mean[] and std[], then replace, in place,
 *
 *     train[i][j] <- (train[i][j] - mean[j]) / std[j]     for every row of train,
 *     test[i][j]  <- (test[i][j]  - mean[j]) / std[j]     for every row of test,
 *
 * with the TRAINING set's mean and std for both: the test set stands for
 * data the model has not seen, so nothing may be computed from it. (Its
 * columns come out with mean near 0 and standard deviation near 1, not
 * exactly.) test may be NULL when n_test is 0.
 *
 * A constant column cannot be scaled to variance 1: its std is 0, or
 * rounding noise (a column of 0.1s has std about 1e-17, not 0). Call
 * column j constant when
 *
 *     std[j] <= 1e-12 * |mean[j]|
 *
 * (this includes std = mean = 0). A column of ones for an intercept is
 * constant: leave it out of X, and add it after standardizing.
 *
 * Returns
 *   OPT_OK      mean, std, train and test are all set;
 *   OPT_EINVAL  a constant column: mean[] and std[] are filled (so the
 *               caller can see which column, by its std), but train and
 *               test are left untouched;
 *   OPT_EINVAL  also when train, mean or std is NULL, test is NULL while
 *               n_test > 0, n_train or p is 0, or an entry of train or
 *               test is NaN or infinite — then nothing at all is written.
 *
 * Checked against (tests/grade/11-whitening.c): statistics worked out by
 * hand; the standardized training columns (mean 0, std 1); the test rows
 * transformed with the training statistics (not their own); a column with
 * mean 1e8 and std 1 (two passes); a column of 0.1s and a column of zeros;
 * which outputs are left untouched on each error; n_test = 0.
 */
int standardize_features(double *train, size_t n_train, double *test, size_t n_test, size_t p,
                         double *mean, double *std);

/* Exercise 2 — the condition number of X^T X / n.
 *
 * For the n-by-p data matrix X, form the p-by-p matrix
 *
 *     G = X^T X / n,      G[j][k] = (1/n) sum_i X[i][j] X[i][k],
 *
 * (the uncentred covariance of the features; the least-squares loss
 * (1/n) ||X b - y||^2 has Hessian 2G), and store its condition number
 *
 *     *kappa = lambda_max(G) / lambda_min(G)
 *
 * computed from G's eigenvalues. G is symmetric, so they are real and
 * non-negative. Note that gsl_eigen_symm returns them in no particular
 * order. Do not centre the columns: the means are part of G, and that is
 * the point of the lab.
 *
 * If lambda_min <= 1e-14 * lambda_max (including lambda_max = 0), G is
 * singular to working precision — some combination of the columns is
 * zero: a duplicated feature, a column of zeros, or fewer rows than
 * columns — and the minimizer of the least-squares loss is not unique.
 *
 * Returns
 *   OPT_OK      *kappa >= 1 is set;
 *   OPT_EINVAL  G is singular as above (*kappa untouched);
 *   OPT_EINVAL  also when X or kappa is NULL, n or p is 0, or an entry of
 *               X is NaN or infinite (*kappa untouched);
 *   OPT_ENOMEM  an allocation failed.
 *
 * Checked against: small matrices with known G and eigenvalues (a 2-by-2
 * G worked out by hand, an orthogonal design with kappa = 1, a diagonal
 * case with three eigenvalues), the lab's kind of data (features with
 * large means, where centring would change kappa completely), a kappa of
 * 1e8 that must come out right, singular designs, and the statuses above.
 */
int gram_condition_number(const double *X, size_t n, size_t p, double *kappa);

#endif
