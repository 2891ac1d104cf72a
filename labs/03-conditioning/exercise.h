/* exercise.h — Lab 03, Conditioning, gradient descent, coordinate descent:
 * the three functions you write.
 *
 * Write them in labs/03-conditioning/exercise.c (the stubs there return
 * OPT_ENOTIMPL). Until you do, build/bin/lab03 says so once per exercise
 * and uses its own reference instead; once you do, every gradient-descent
 * run, condition number and predicted change in the lab comes from your
 * code.
 *
 * Check your work:   make grade LAB=03
 * Rerun the lab:     make lab03 && build/bin/lab03
 *
 * Rules: plain loops over double arrays (and GSL for the eigenvalues in
 * exercise 2); do not call the library's own versions (opt_stepper_step,
 * opt_axpy, opt_sym_eigenvalues, opt_condition_number). Never print,
 * never exit: return a status from status.h.
 */
#ifndef LAB03_EXERCISE_H
#define LAB03_EXERCISE_H

#include <stddef.h>
#include "status.h"

/* Exercise 1 — one step of gradient descent.
 *
 * Move x against the gradient g by the learning rate eta, in place:
 *
 *     x[i] <- x[i] - eta * g[i],     i = 0 .. n-1.
 *
 * eta = 0 is allowed (x stays where it is). The lab wraps this function
 * as an optimizer and runs every gradient descent of the lab with it.
 *
 * Returns
 *   OPT_OK      x is updated;
 *   OPT_EINVAL  x or g is NULL, n is 0, or eta is negative, NaN or
 *               infinite (x untouched).
 *
 * Checked against (tests/grade/03-conditioning.c): steps worked out by
 * hand in 1, 2 and 7 dimensions; eta = 0; g left unchanged; ten steps on
 * 4 x^2 + y^2 against the closed form x_k = (1 - 8 eta)^k x_0 (first
 * coordinate) and (1 - 2 eta)^k y_0; the statuses above.
 */
int gradient_descent_step(double *x, const double *g, size_t n, double eta);

/* Exercise 2 — the condition number from the Hessian's eigenvalues.
 *
 * H is a symmetric n-by-n matrix, row-major (entry (i, j) is H[i*n + j]).
 * Compute its eigenvalues and store
 *
 *     *kappa = lambda_max / lambda_min
 *
 * in *kappa. Use GSL: copy H into a gsl_matrix (gsl_eigen_symm overwrites
 * its input, and H is const), allocate a workspace with
 * gsl_eigen_symm_alloc(n), call gsl_eigen_symm(m, eval, w), then find the
 * smallest and largest entries of eval (GSL leaves them unordered) and
 * free what you allocated. (#include <gsl/gsl_eigen.h>.) The ratio of
 * the largest to the smallest DIAGONAL entry is not it: rotate a
 * diagonal matrix and its diagonal changes while its eigenvalues do not.
 *
 * Returns
 *   OPT_OK      *kappa is set (>= 1);
 *   OPT_EINVAL  H or kappa is NULL, n is 0, an entry of H is NaN or
 *               infinite, or H is not positive definite (lambda_min <= 0:
 *               no minimum has this Hessian, and the ratio means nothing);
 *               *kappa untouched in every case;
 *   OPT_ENOMEM  an allocation failed.
 *
 * Checked against: diag(8, 2) (kappa 4); the lecture's rotated Hessians
 * 2 Q diag(4, 1) Q^T and 2 Q diag(12, 1) Q^T (kappa 4 and 12, although
 * their diagonals are equal); 3-by-3 and 6-by-6 matrices with known eigenvalues; the
 * scale invariance kappa(c H) = kappa(H); the identity (kappa 1); the
 * saddle diag(2, -2) and a singular matrix (OPT_EINVAL); the statuses.
 */
int hessian_condition_number(const double *H, size_t n, double *kappa);

/* Exercise 3 — the predicted change of f for a gradient step.
 *
 * The second-order model of lab 02 predicts what a step does to f. A
 * step x -> x - eps g from a point with gradient g and Hessian H changes
 * f by approximately (exactly, when f is quadratic)
 *
 *     change = (1/2) eps^2 g^T H g - eps g^T g.
 *
 * Store it in *change. The first term is the curvature's cost, the second
 * the slope's gain; when the first wins, the step increases f. H is
 * row-major n-by-n.
 *
 * Returns
 *   OPT_OK         *change is set;
 *   OPT_EINVAL     g, H or change is NULL, or n is 0 (*change untouched);
 *   OPT_EDIVERGED  the result is NaN or infinite (*change untouched).
 *
 * Checked against: f(x - eps g) - f(x) for quadratic functions (exact):
 * 3 x^2, and 2- and 5-dimensional ones with off-diagonal Hessian entries;
 * a step that increases f and one that decreases it; eps = 0 (no change);
 * the statuses above.
 */
int predicted_loss_change(const double *g, const double *H, size_t n, double eps,
                          double *change);

#endif
