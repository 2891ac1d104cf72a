/* exercise.h — Lab 06, Adaptive steps: the three functions you write.
 *
 * Write them in labs/06-adaptive/exercise.c (the stubs there return
 * OPT_ENOTIMPL). Until you do, build/bin/lab06 says so once per exercise
 * and uses the library's reference instead; once you do, the lab runs
 * every AdaGrad, RMSProp and Adam step through your code, and its printed
 * numbers and figures come from it.
 *
 * Check your work:   make grade LAB=06
 * Rerun the lab:     make lab06 && build/bin/lab06
 *
 * Rules for all three: plain loops over double arrays, element by element
 * (every operation below is per coordinate); do not call the library's
 * steppers (opt_stepper_*). Never print, never exit: return a status from
 * status.h. On OPT_EINVAL leave every array untouched: check all the
 * arguments before you write anything.
 */
#ifndef LAB06_EXERCISE_H
#define LAB06_EXERCISE_H

#include <stddef.h>
#include "status.h"

/* Exercise 1 — one step of AdaGrad.
 *
 * G holds, per coordinate, the sum of the squares of every gradient seen
 * so far (the caller starts it at 0 and passes the same G to every step).
 * With the gradient g at the current point x, for i = 0 .. n - 1:
 *
 *     G[i] = G[i] + g[i]^2
 *     x[i] = x[i] - lr g[i] / (sqrt(G[i]) + eps)      (with the NEW G[i])
 *
 * eps goes outside the square root, as in the lecture's code and in
 * PyTorch: it only keeps 0 / 0 away when a coordinate has never had a
 * gradient.
 *
 * Returns
 *   OPT_OK      x and G are updated;
 *   OPT_EINVAL  x, G or g is NULL, n is 0, lr is negative or not a finite
 *               number, or eps is negative or not finite (x, G untouched).
 *
 * Checked against (tests/grade/06-adaptive.c): a first step from G = 0
 * (each coordinate moves by lr, whatever the size of its gradient); three
 * steps worked out by hand; the 100th of 100 equal gradients, which moves
 * by lr / 10 (the sum only grows); where eps goes (a gradient of 1e-9 with
 * eps = 1e-8); coordinates that do not interfere; the statuses above.
 */
int adagrad_step(double *x, double *G, const double *g, size_t n, double lr, double eps);

/* Exercise 2 — one step of RMSProp.
 *
 * v is a leaky average of the squared gradients, per coordinate (the
 * caller starts it at 0). With decay rate alpha (0.99 by default):
 *
 *     v[i] = alpha v[i] + (1 - alpha) g[i]^2
 *     x[i] = x[i] - lr g[i] / (sqrt(v[i]) + eps)      (with the NEW v[i])
 *
 * No bias correction: the first step from v = 0 divides by
 * sqrt(1 - alpha) |g|, so it is 10 times lr for alpha = 0.99. That is
 * RMSProp as Hinton taught it and as PyTorch implements it.
 *
 * Returns
 *   OPT_OK      x and v are updated;
 *   OPT_EINVAL  x, v or g is NULL, n is 0, lr or eps is negative or not
 *               finite, or alpha is not in [0, 1) (x, v untouched).
 *
 * Checked against: the first step (10 lr at alpha = 0.99, for any
 * gradient); three steps worked out by hand with alpha = 0.9; 2000 equal
 * gradients, after which the step is back to lr (the average forgets,
 * unlike AdaGrad's sum); which of alpha and 1 - alpha weighs the new
 * square; the statuses above.
 */
int rmsprop_step(double *x, double *v, const double *g, size_t n, double lr, double alpha,
                 double eps);

/* Exercise 3 — one step of Adam, with bias correction.
 *
 * m and v are the exponential moving averages of the gradients and of
 * their squares (the caller starts both at 0); t is the number of this
 * step, 1 for the first. For i = 0 .. n - 1:
 *
 *     m[i] = beta1 m[i] + (1 - beta1) g[i]
 *     v[i] = beta2 v[i] + (1 - beta2) g[i]^2
 *     m_hat = m[i] / (1 - beta1^t)                    (bias correction)
 *     v_hat = v[i] / (1 - beta2^t)
 *     x[i] = x[i] - lr m_hat / (sqrt(v_hat) + eps)
 *
 * Store the uncorrected m and v back into the arrays: the correction
 * belongs to this step only (the next step corrects with beta^(t+1)).
 * With the correction the first step is lr g / (|g| + eps): almost exactly
 * lr in the direction of -g, whatever |g| is. Without it, the first step
 * would be (1 - beta1) / sqrt(1 - beta2) = 3.16 times longer.
 *
 * Returns
 *   OPT_OK      x, m and v are updated;
 *   OPT_EINVAL  x, m, v or g is NULL, n is 0, t < 1, lr or eps is
 *               negative or not finite, or beta1 or beta2 is not in
 *               [0, 1) (x, m, v untouched).
 *
 * Checked against: the first step, lr sign(g), for gradients from 1e-3 to
 * 1e4; three steps worked out by hand; one step from a given state at
 * t = 10 (the correction uses this t, not t - 1 or t + 1); m and v stored
 * without the correction; the statuses above.
 */
int adam_step(double *x, double *m, double *v, const double *g, size_t n, long t, double lr,
              double beta1, double beta2, double eps);

#endif
