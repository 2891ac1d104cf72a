/* exercise.h — Lab 05, Exponential moving averages: the two functions you
 * write.
 *
 * Write them in labs/05-ema/exercise.c (the stubs there return
 * OPT_ENOTIMPL). Until you do, build/bin/lab05 says so once per exercise
 * and uses the library's reference instead; once you do, the lab uses
 * yours, and its printed numbers and figures come from your code.
 *
 * Check your work:   make grade LAB=05
 * Rerun the lab:     make lab05 && build/bin/lab05
 *
 * Rules for both: plain loops and arithmetic; do not call the library's
 * own versions (opt_ema_update, opt_ema_corrected, opt_bias_correction).
 * Never print, never exit: return a status from status.h.
 */
#ifndef LAB05_EXERCISE_H
#define LAB05_EXERCISE_H

#include <stddef.h>
#include "status.h"

/* Exercise 1 — one update of an exponential moving average.
 *
 * Add the new value x to the average *v, in place:
 *
 *     *v = beta * (*v) + (1 - beta) * x
 *
 * beta is the weight of the past: 0 forgets everything (v becomes x),
 * values near 1 average over about 1 / (1 - beta) recent values. The
 * caller starts with *v = 0 and passes the same v with every new value.
 *
 * Returns
 *   OPT_OK      *v is updated;
 *   OPT_EINVAL  v is NULL, beta is not in [0, 1), or x or *v is NaN or
 *               infinite (*v untouched).
 *
 * Checked against (tests/grade/05-ema.c): the lecture's first values
 * (v1 = 0.1 x1, v2 = 0.09 x1 + 0.1 x2 for beta = 0.9); beta = 0; a
 * constant series, whose average climbs as c (1 - beta^k); the statuses
 * above.
 */
int ema_update(double *v, double x, double beta);

/* Exercise 2 — the bias-corrected moving average of a whole series.
 *
 * For the series x[0 .. k-1] (x[0] is x_1, the first value), run the
 * average v_0 = 0, v_j = beta v_{j-1} + (1 - beta) x_j for j = 1 .. k, and
 * store the corrected values
 *
 *     out[j - 1] = v_j / (1 - beta^j)          for j = 1 .. k.
 *
 * Mind the index: out[0] is the first value, corrected with beta^1, and it
 * equals x[0] exactly (to rounding). Write the loop yourself (do not call
 * your ema_update: each exercise is graded on its own). For beta close to
 * 1 and large j, 1 - beta^j loses digits when computed as 1 - pow(beta, j);
 * -expm1(j * log(beta)) keeps them (optional: the tests allow 1e-10).
 *
 * Returns
 *   OPT_OK      out is filled;
 *   OPT_EINVAL  x or out is NULL, k is 0, beta is not in [0, 1), or an
 *               entry of x is NaN or infinite (out untouched).
 *
 * Checked against: the first corrected value equal to x_1; a constant
 * series, whose corrected average is that constant from the first value
 * on; the lecture's correction factors (5.26 at k = 2 and 1.000027 at
 * k = 100, beta = 0.9); a long series at beta = 0.999 against a
 * long-double computation; beta = 0; the statuses above.
 */
int ema_bias_corrected(const double *x, size_t k, double beta, double *out);

#endif
