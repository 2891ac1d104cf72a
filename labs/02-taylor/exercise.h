/* exercise.h — Lab 02, Taylor series and the steepest direction: the two
 * functions you write.
 *
 * Write them in labs/02-taylor/exercise.c (the stubs there return
 * OPT_ENOTIMPL). Until you do, build/bin/lab02 says so once per exercise
 * and computes the same thing itself; once you do, the lab uses yours.
 *
 * Check your work:   make grade LAB=02
 * Rerun the lab:     make lab02 && build/bin/lab02
 *
 * Rules for both: plain loops over double arrays (you may call opt_dot
 * and opt_norm2 from vec.h only where the comment says so); never print,
 * never exit: return a status from status.h.
 */
#ifndef LAB02_EXERCISE_H
#define LAB02_EXERCISE_H

#include <stddef.h>
#include "status.h"

/* Exercise 1 — the second-order Taylor model.
 *
 * Near a point x, with f0 = f(x), the gradient g = grad f(x) and the
 * Hessian H (the n-by-n matrix of second derivatives at x), a step delta
 * changes f to approximately
 *
 *     m2(delta) = f0 + g^T delta + (1/2) delta^T H delta
 *
 *               = f0 + sum_i g[i] delta[i]
 *                    + (1/2) sum_i sum_j delta[i] H[i*n + j] delta[j].
 *
 * Store m2(delta) in *value. H is row-major: entry (i, j) is H[i*n + j].
 * Do not assume H is diagonal; a Hessian is symmetric, but your sum must
 * not depend on that. You may use opt_dot (vec.h) for g^T delta.
 *
 * Returns
 *   OPT_OK         *value is set;
 *   OPT_EINVAL     g, H, delta or value is NULL, or n is 0 (*value
 *                  untouched);
 *   OPT_EDIVERGED  the result is NaN or infinite (an input was, or the
 *                  sum overflowed); *value untouched.
 *
 * Checked against (tests/grade/02-taylor.c): P2 of e^x, 1 + x + x^2/2;
 * quadratic functions with off-diagonal Hessian entries in 2, 3 and 6
 * dimensions, which the model must reproduce exactly; delta = 0 giving f0;
 * the statuses above.
 */
int taylor2_model(double f0, const double *g, const double *H, const double *delta, size_t n,
                  double *value);

/* Exercise 2 — the steepest descent direction.
 *
 * Among all unit vectors v (||v|| = 1), the directional derivative
 * v^T g = ||g|| cos(theta) is smallest for v pointing opposite to g:
 *
 *     v = -g / ||g||,     ||g|| = sqrt(sum_i g[i]^2).
 *
 * Store that v in v[0..n-1]. Your ||g|| must not overflow or underflow:
 * with entries near 1e200, g[i]^2 is infinite, and with entries near
 * 1e-200 it is 0, yet the direction is perfectly well defined. Divide by
 * the largest |g[i]| first (or use opt_norm2 from vec.h, which does).
 *
 * Returns
 *   OPT_OK         v is set, a unit vector;
 *   OPT_EINVAL     g or v is NULL, n is 0, or g is the zero vector: at a
 *                  stationary point there is no steepest direction, and
 *                  returning one would be a lie (v untouched);
 *   OPT_EDIVERGED  some g[i] is NaN or infinite (v untouched).
 *
 * Checked against: g = (3, 4) giving (-0.6, -0.8); unit length and
 * v^T g = -||g|| in 10 dimensions, beating every coordinate direction;
 * huge and tiny gradients; the statuses above.
 */
int steepest_unit_direction(const double *g, size_t n, double *v);

#endif
