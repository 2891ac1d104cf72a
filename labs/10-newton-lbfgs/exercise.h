/* exercise.h — Lab 10, Newton's method and L-BFGS: the three functions you
 * write.
 *
 * Write them in labs/10-newton-lbfgs/exercise.c (the stubs there return
 * OPT_ENOTIMPL). Until you do, build/bin/lab10 says so once per exercise
 * and uses the library's reference instead; once you do, the lab's
 * Newton step on a quadratic (section 1), its Newton's method (section 2)
 * and its check of the two-loop recursion (section 6) run on your code.
 *
 * Check your work:   make grade LAB=10
 * Rerun the lab:     make lab10 && build/bin/lab10
 *
 * Rules for all three: plain loops over double arrays (malloc what you
 * need and free it); do not call the library's own versions
 * (opt_newton_direction, opt_newton, opt_two_loop_recursion, opt_lbfgs,
 * opt_linesearch) or GSL's linear algebra — the point is to write them.
 * Never print, never exit: return a status from status.h.
 */
#ifndef LAB10_EXERCISE_H
#define LAB10_EXERCISE_H

#include <stddef.h>
#include "linesearch.h"
#include "objective.h"
#include "status.h"

/* Exercise 1 — the Newton step through a Cholesky factorization.
 *
 * Solve H d = -g for the Newton step d, where H is a symmetric n-by-n
 * matrix stored row-major (entry (i, j) is H[i*n + j]; H is symmetric, so
 * reading the lower triangle, j <= i, is enough). Do it the way a solver
 * does, without ever forming the inverse:
 *
 *   1. factor H = L L^T with L lower triangular (Cholesky):
 *        for j = 0 .. n-1:
 *          p = H[j][j] - sum_{k<j} L[j][k]^2        (the pivot)
 *          if p <= 0 (or not finite): H is not positive definite -> stop
 *          L[j][j] = sqrt(p)
 *          for i = j+1 .. n-1:
 *            L[i][j] = (H[i][j] - sum_{k<j} L[i][k] L[j][k]) / L[j][j]
 *   2. forward substitution:  solve L z = -g   (z from the top down);
 *   3. back substitution:     solve L^T d = z  (d from the bottom up).
 *
 * Keep L in your own array (malloc n*n doubles): H is const and must be
 * unchanged on return. The factorization is the O(n^3) part of Newton's
 * method; the two substitutions are O(n^2).
 *
 * A pivot p <= 0 means H has a zero or negative eigenvalue: the quadratic
 * model has no minimum and the Newton step would head for a saddle or a
 * maximum. Report it, do not repair it (no fabs, no clamping): the lab's
 * modified Newton then retries with H + tau I for a growing shift tau.
 *
 * Returns
 *   OPT_OK       d holds the Newton step;
 *   OPT_ENOPROG  H is not positive definite (a pivot is <= 0): d untouched;
 *   OPT_EINVAL   H, g or d is NULL, n is 0, or an entry of H or g is NaN or
 *                infinite (d untouched);
 *   OPT_ENOMEM   your array for L could not be allocated.
 *
 * Checked against (tests/grade/10-newton-lbfgs.c): 2-by-2 and 3-by-3
 * systems solved by hand (the sign of d, the transposed solve), that
 * H (your d) = -g on a 40-dimensional positive definite matrix, a
 * diagonal H, that one step from any point lands on the minimizer of a
 * quadratic, the saddle's Hessian diag(2, -2), an indefinite matrix with a
 * positive diagonal and a singular one (OPT_ENOPROG, d untouched), H and g
 * unchanged, and the statuses above.
 */
int newton_step_cholesky(const double *H, const double *g, size_t n, double *d);

/* Exercise 2 — the L-BFGS two-loop recursion.
 *
 * Given the gradient g and the `count` most recent curvature pairs
 *
 *     s_i = x_{i+1} - x_i,     y_i = g_{i+1} - g_i,     i = 0 .. count-1,
 *
 * stored row by row, OLDEST FIRST (pair i is s[i*n .. i*n + n-1] and
 * y[i*n .. i*n + n-1]; pair count-1 is the newest), compute the L-BFGS
 * direction d = -H_k g, where H_k is the BFGS approximation of the inverse
 * Hessian built from the pairs, starting from H0 = gamma I with
 *
 *     gamma = (s.y) / (y.y)   of the NEWEST pair     (gamma = 1 when count = 0).
 *
 * The recursion, with rho_i = 1 / (y_i . s_i):
 *
 *     q = -g
 *     for i = count-1 down to 0:     (newest to oldest)
 *         alpha_i = rho_i (s_i . q);   q = q - alpha_i y_i
 *     r = gamma q
 *     for i = 0 up to count-1:       (oldest to newest)
 *         beta = rho_i (y_i . r);      r = r + (alpha_i - beta) s_i
 *     d = r
 *
 * It never forms H_k: 4 count n multiplications instead of n^2. Keep the
 * alpha_i in your own array (malloc count doubles). With count = 0 the
 * result is steepest descent, d = -g.
 *
 * The update is only positive definite when every pair has positive
 * curvature, s_i . y_i > 0 (a Wolfe line search guarantees it); a pair
 * with s_i . y_i <= 0 is an error here.
 *
 * Returns
 *   OPT_OK      d holds the direction (d must not alias g);
 *   OPT_EINVAL  g or d is NULL, n is 0, count < 0, s or y is NULL while
 *               count > 0, or some pair has s_i . y_i <= 0 (d untouched);
 *   OPT_ENOMEM  your alpha array could not be allocated.
 *
 * Checked against: count = 0 and one pair worked out by hand, the explicit
 * BFGS matrix formula H <- (I - rho s y^T) H (I - rho y s^T) + rho s s^T
 * applied pair by pair (oldest first) from gamma I, the secant equation
 * (with g = -y of the newest pair, d must be that pair's s), conjugate
 * pairs from a quadratic (y_i = A s_i, for which BFGS rebuilds A^-1
 * exactly), g and the pairs unchanged, and the statuses above.
 */
int two_loop_direction(const double *g, const double *s, const double *y, int count,
                       size_t n, double *d);

/* Exercise 3 — the backtracking (Armijo) line search.
 *
 * Along a descent direction d from x (with fx = f(x) and g its gradient,
 * so the slope along d is g.d < 0), find a step a that gives sufficient
 * decrease,
 *
 *     f(x + a d) <= fx + c1 a (g.d),
 *
 * by trying a = *step, rho *step, rho^2 *step, ... with c1 = p->c1 and
 * rho = p->rho, making at most p->max_evals evaluations of f. Evaluate with
 * opt_eval(f, x_new, NULL) (objective.h): the search needs values only.
 * A trial whose value is NaN or infinite is never accepted (shrink the
 * step and go on). Ignore the other fields of p.
 *
 * On success store the accepted step in *step, the point x + a d in x_new
 * (n = f->n doubles) and its value in *f_new.
 *
 * Returns
 *   OPT_OK       a step was accepted;
 *   OPT_ENOPROG  no trial within p->max_evals evaluations satisfied the
 *                condition: then *step = 0, x_new = x and *f_new = fx
 *                (the search did not move);
 *   OPT_EINVAL   a pointer is NULL, f->n is 0, *step is not a finite
 *                number > 0, c1 or rho is not strictly between 0 and 1,
 *                max_evals < 1, or d is not a descent direction (g.d >= 0,
 *                or NaN): nothing is evaluated and the outputs are untouched.
 *
 * Checked against: steps worked out by hand on f = x^2 and on
 * f = x^2 + 10 y^2 (how many halvings, which step is accepted, and that a
 * step that leaves f unchanged is rejected), that p->c1 and p->rho are
 * the ones used, the exact number of evaluations, that the first trial is
 * *step itself, an uphill or zero direction, a function that is infinite
 * or NaN far away, the budget running out, and the statuses above.
 */
int backtracking_armijo(const opt_objective *f, const double *x, double fx, const double *g,
                        const double *d, const opt_ls_params *p, double *step, double *x_new,
                        double *f_new);

#endif
