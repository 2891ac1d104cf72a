/* spectrum.h — eigenvalues of a symmetric matrix, and the condition number.
 *
 * The Hessian H of a twice-differentiable f is symmetric, so it has n real
 * eigenvalues and orthogonal eigenvectors: along eigenvector q_i, f curves
 * like (1/2) lambda_i t^2. Their signs classify a stationary point (all
 * positive: a minimum; mixed: a saddle) and, at a minimum, their spread is
 * the condition number
 *
 *     kappa = lambda_max / lambda_min,
 *
 * which sets how slowly gradient descent converges (about kappa steps per
 * factor e, lab 03).
 *
 * Matrices are row-major n-by-n arrays of doubles, as an opt_hess_fn fills
 * them. Like GSL's gsl_eigen_symm, which does the work, these functions read
 * only the lower triangle and the diagonal (A[i*n + j] with i >= j) and take
 * the upper triangle to mirror it; A itself is never modified.
 *
 * Allocation failures inside GSL go through GSL's error handler (by default
 * it aborts); every other failure is a status.
 */
#ifndef OPT_SPECTRUM_H
#define OPT_SPECTRUM_H

#include <stddef.h>

/* The n eigenvalues of the symmetric matrix A, in ascending order, into
 * eig[0..n-1] (eig[0] is the smallest).
 * Returns OPT_OK; OPT_EINVAL when A or eig is NULL, n is 0 or an entry that
 * is read is NaN or infinite (eig untouched); OPT_ENOMEM. */
int opt_sym_eigenvalues(const double *A, size_t n, double *eig);

/* The condition number lambda_max / lambda_min of the symmetric matrix H
 * into *kappa (>= 1; +inf when the ratio overflows).
 * Returns OPT_OK; OPT_EINVAL for the reasons above, or when H is not
 * positive definite (lambda_min <= 0: there is no minimum with this
 * Hessian, and the ratio says nothing about convergence), *kappa
 * untouched; OPT_ENOMEM. A singular matrix may come out as a huge kappa
 * rather than OPT_EINVAL: rounding decides the sign of a zero eigenvalue. */
int opt_condition_number(const double *H, size_t n, double *kappa);

#endif
