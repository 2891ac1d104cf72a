/* exercise.h — Lab 08, Learning-rate schedules and warm-up: the two
 * functions you write.
 *
 * Write them in labs/08-schedules/exercise.c (the stubs there return
 * OPT_ENOTIMPL). Until you do, build/bin/lab08 says so once per exercise
 * and uses the library's reference (lib/schedule.h) instead; once you do,
 * the lab uses yours, and its printed numbers and figures come from your
 * code.
 *
 * Check your work:   make grade LAB=08
 * Rerun the lab:     make lab08 && build/bin/lab08
 *
 * Conventions (the library's, lib/schedule.h): t = 0, 1, 2, ... counts the
 * updates (or epochs) already made, so the first update uses t = 0. Do not
 * call the library's schedules (opt_schedule_lr, opt_schedule_fn). Never
 * print, never exit: return a status from status.h.
 */
#ifndef LAB08_EXERCISE_H
#define LAB08_EXERCISE_H

#include "status.h"

/* Exercise 1 — the cosine schedule.
 *
 * Store in *lr the rate of update t + 1 for a cosine decay over T steps
 * from lr0 to 0:
 *
 *     *lr = lr0 (1 + cos(pi t / T)) / 2      for 0 <= t <= T,
 *     *lr = 0                                for t > T (it stays at the floor).
 *
 * So *lr = lr0 at t = 0, lr0 / 2 at t = T / 2 and 0 at t = T. Careful: t
 * and T are integers, and t / T in C is an integer division.
 *
 * Returns
 *   OPT_OK      *lr is set;
 *   OPT_EINVAL  lr is NULL, t < 0, T < 1, or lr0 is negative or not a
 *               finite number (*lr untouched).
 *
 * Checked against (tests/grade/08-schedules.c): values at t = 0, T/4, T/2,
 * 3T/4 and T worked out by hand; the symmetry lr(t) + lr(T - t) = lr0;
 * t beyond T; lr0 = 0; the statuses above.
 */
int cosine_lr(long t, long T, double lr0, double *lr);

/* A main schedule for warmup_compose: the rate of step t (t >= 0, counted
 * from the main schedule's own start) for the base rate lr0; ctx is passed
 * through unchanged. */
typedef double (*base_schedule_fn)(long t, double lr0, void *ctx);

/* Exercise 2 — linear warm-up composed with any schedule.
 *
 * For the first `warmup` steps the rate climbs linearly to lr0; after
 * them the main schedule `base` runs from its own beginning:
 *
 *     *lr = lr0 (t + 1) / warmup             for 0 <= t < warmup,
 *     *lr = base(t - warmup, lr0, ctx)       for t >= warmup.
 *
 * So the first update already moves (lr0 / warmup, not 0), the rate
 * reaches lr0 at t = warmup - 1, and the main schedule then starts at its
 * t = 0. With warmup = 0 there is no warm-up: *lr = base(t, lr0, ctx).
 * Call base only for t >= warmup (it may not be defined before), at most
 * once per call.
 *
 * Returns
 *   OPT_OK      *lr is set;
 *   OPT_EINVAL  lr or base is NULL, t < 0, warmup < 0, or lr0 is negative
 *               or not finite (*lr untouched, base not called).
 *
 * Checked against: the ramp (t + 1) / warmup worked out by hand, including
 * its first and last steps; the hand-over to base at t = warmup, with
 * base's own t starting at 0 (a test base records what it is asked);
 * warmup = 0; a warm-up around the constant and the cosine schedules; the
 * statuses above.
 */
int warmup_compose(long t, long warmup, double lr0, base_schedule_fn base, void *ctx,
                   double *lr);

#endif
