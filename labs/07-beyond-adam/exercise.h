/* exercise.h — Lab 07, Beyond Adam: the three functions you write.
 *
 * Write them in labs/07-beyond-adam/exercise.c (the stubs there return
 * OPT_ENOTIMPL). Until you do, build/bin/lab07 says so once per exercise
 * and uses the library's reference instead; once you do, the lab uses
 * yours: RAdam's table and figure, every Lookahead synchronization and
 * every LARS step come from your code.
 *
 * Check your work:   make grade LAB=07
 * Rerun the lab:     make lab07 && build/bin/lab07
 *
 * Rules for all three: plain C over double arrays; do not call the
 * library's versions (opt_radam_rho, opt_radam_rectification,
 * opt_lars_local_lr, opt_stepper_*). Never print, never exit: return a
 * status from status.h, and leave every output untouched on OPT_EINVAL.
 */
#ifndef LAB07_EXERCISE_H
#define LAB07_EXERCISE_H

#include <stddef.h>
#include "status.h"

/* Exercise 1 — RAdam's variance rectification at step t.
 *
 * With rho_inf = 2 / (1 - beta2) - 1 (the longest simple moving average
 * the exponential one can stand for), the length of the average at step t
 * is
 *
 *     rho_t = rho_inf - 2 t beta2^t / (1 - beta2^t).
 *
 * Store it in *rho_t. When the variance of the adaptive rate is tractable,
 * rho_t > rho_threshold (4 in the paper, 5 in PyTorch), store the
 * rectification term
 *
 *     r_t = sqrt( (rho_t - 4)(rho_t - 2) rho_inf
 *                 / ((rho_inf - 4)(rho_inf - 2) rho_t) )
 *
 * in *r_t; otherwise store 0 in *r_t, which tells the caller to take a
 * plain momentum step instead of an adaptive one.
 *
 * Returns
 *   OPT_OK      *rho_t and *r_t are set;
 *   OPT_EINVAL  rho_t or r_t is NULL, t < 1, beta2 is not in (0, 1), or
 *               rho_threshold is below 4 or not finite (r_t would be the
 *               root of a negative number); outputs untouched.
 *
 * Checked against (tests/grade/07-beyond-adam.c): rho_1 = 1 for any beta2;
 * rho_t and r_t for beta2 = 0.999 at t = 6, 100, 1000 and 10000 worked out
 * in the test; the first rectified step (6 with threshold 5, 5 with 4);
 * r_t < 1 and rising towards 1; other beta2; the statuses above.
 */
int radam_rectification(double beta2, long t, double rho_threshold, double *rho_t, double *r_t);

/* Exercise 2 — Lookahead's outer update (the "1 step back").
 *
 * After k steps of the inner optimizer moved the fast weights theta away
 * from the slow weights phi, move the slow weights part of the way towards
 * them and start the fast weights again from there, for i = 0 .. n - 1:
 *
 *     phi[i]   = phi[i] + alpha (theta[i] - phi[i])
 *     theta[i] = phi[i]                          (the NEW phi)
 *
 * alpha = 1 keeps the fast weights (plain inner optimizer), alpha = 0
 * throws the k steps away.
 *
 * Returns
 *   OPT_OK      phi and theta are updated;
 *   OPT_EINVAL  phi or theta is NULL, n is 0, or alpha is not in [0, 1]
 *               (NaN included); both untouched.
 *
 * Checked against: an update worked out by hand; alpha = 0, 1/2 and 1;
 * theta equal to the new phi afterwards, bit for bit; every coordinate
 * including the last; the statuses above.
 */
int lookahead_outer_update(double *phi, double *theta, size_t n, double alpha);

/* Exercise 3 — LARS's local learning rate of one layer.
 *
 * For one layer's weights w and gradient g (n entries each), the local
 * learning rate is
 *
 *     local = trust ||w|| / (||g|| + weight_decay ||w||)
 *
 * with ||.|| the Euclidean norm over the whole layer (not per entry).
 * When ||w|| = 0 or ||g|| = 0 the ratio says nothing useful; store 1 then,
 * as the common implementations do. Compute the norms so that they neither
 * overflow nor underflow for entries as large as 1e200 or as small as
 * 1e-200 (scale by the largest |entry| before squaring).
 *
 * Returns
 *   OPT_OK      *local_lr is set;
 *   OPT_EINVAL  w, g or local_lr is NULL, n is 0, trust or weight_decay is
 *               negative or not finite, or an entry of w or g is NaN or
 *               infinite (*local_lr untouched).
 *
 * Checked against: norms worked out by hand (3-4-5 triangles); the
 * weight-decay term; the zero-norm cases; the AlexNet-BN table's conv1.w
 * (||w|| = 0.098, ||g|| = 0.017); entries of 1e200 and 1e-200; the
 * statuses above.
 */
int lars_local_lr(const double *w, const double *g, size_t n, double trust, double weight_decay,
                  double *local_lr);

#endif
