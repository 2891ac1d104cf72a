/* exercise.h — Lab 04, Momentum and Nesterov: the three functions you write.
 *
 * Write them in labs/04-momentum/exercise.c (the stubs there return
 * OPT_ENOTIMPL). Until you do, build/bin/lab04 says so once per exercise
 * and uses the library's reference instead; once you do, the lab uses
 * yours, and its printed numbers and figures come from your code.
 *
 * Check your work:   make grade LAB=04
 * Rerun the lab:     make lab04 && build/bin/lab04
 *
 * Rules for all three: plain loops over double arrays; do not call the
 * library's steppers (opt_stepper_*) — the point is to write the update
 * yourself. Never print, never exit: return a status from status.h.
 */
#ifndef LAB04_EXERCISE_H
#define LAB04_EXERCISE_H

#include <stddef.h>
#include "objective.h"
#include "status.h"

/* Exercise 1 — one step of momentum (the heavy ball).
 *
 * With the gradient g = grad L(x) at the current point x, update the
 * velocity v and then the point, in place, for i = 0 .. n - 1:
 *
 *     v[i] = alpha v[i] - eta g[i]
 *     x[i] = x[i] + v[i]              (with the NEW v[i])
 *
 * alpha is the momentum (0: plain gradient descent), eta the learning
 * rate. The caller starts with v = 0 and passes the same v to every step:
 * it is the method's memory.
 *
 * Returns
 *   OPT_OK      x and v are updated;
 *   OPT_EINVAL  x, v or g is NULL, n is 0, alpha is not in [0, 1), or eta
 *               is negative or not a finite number (x and v untouched).
 *
 * Checked against (tests/grade/04-momentum.c): a first step from v = 0
 * worked out by hand; three steps on a quadratic computed in the test; the
 * unrolled sum v_t = -eta sum_k alpha^(t-k) g_k after a sequence of
 * gradients; alpha = 0 being gradient descent; the statuses above.
 */
int momentum_step(double *x, double *v, const double *g, size_t n, double alpha, double eta);

/* Exercise 2 — one step of Nesterov momentum, in the look-ahead form.
 *
 * With n = f->n, take the gradient at the look-ahead point x + rho v (the
 * point the momentum alone would carry x to), not at x:
 *
 *     p    = x + rho v                      (a point of your own: malloc it)
 *     v[i] = rho v[i] - eta grad f(p)[i]
 *     x[i] = x[i] + v[i]
 *
 * Evaluate the gradient with opt_eval(f, p, grad) (objective.h), exactly
 * once per step; x and v must not move until the gradient is known.
 *
 * Returns
 *   OPT_OK         x and v are updated;
 *   OPT_EINVAL     f, f->fdf, x or v is NULL, f->n is 0, rho is not in
 *                  [0, 1), or eta is negative or not finite (x, v untouched);
 *   OPT_EDIVERGED  f or its gradient at p is NaN or infinite (x and v
 *                  untouched);
 *   OPT_ENOMEM     your buffers could not be allocated.
 *
 * Checked against: the point where the gradient is asked for (x + rho v,
 * once per step); a step worked out by hand; rho = 0 being gradient
 * descent; 50 steps against the form with the gradient at the current
 * iterate (PyTorch's nesterov = True) under the change of variables
 * x~ = x + rho v, computed in the test; the statuses above.
 */
int nesterov_step(const opt_objective *f, double *x, double *v, double rho, double eta);

/* Exercise 3 — the parameter map between two ways of writing momentum.
 *
 * Form (a), the decks' "v = rho v + g; x = x - lr v" (torch.optim.SGD),
 * and form (c), the exponential moving average
 * "v = beta v + (1 - beta) g; x = x - lr_ema v", both starting from v = 0,
 * give the same iterates for the right (beta, lr_ema). Given form (a)'s
 * rho and lr, store form (c)'s beta and lr_ema in *beta and *lr_ema. (Work
 * it out: after one step of each, how do the two velocities compare?)
 *
 * Returns
 *   OPT_OK      *beta and *lr_ema are set;
 *   OPT_EINVAL  beta or lr_ema is NULL, rho is not in [0, 1), or lr is
 *               not a finite number > 0 (outputs untouched).
 *
 * Checked against: the values for a few (rho, lr) worked out by hand;
 * rho = 0; 100 steps of both forms on a quadratic, computed in the test
 * with your (beta, lr_ema), which must agree to rounding; the statuses.
 */
int momentum_ema_params(double rho, double lr, double *beta, double *lr_ema);

#endif
