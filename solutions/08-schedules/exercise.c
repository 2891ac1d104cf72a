/* exercise.c — Lab 08, Learning-rate schedules and warm-up: the reference
 * solutions.
 *
 * Same signatures and contracts as labs/08-schedules/exercise.h.
 */
#include <math.h>
#include <stdlib.h>
#include "exercise.h"

int cosine_lr(long t, long T, double lr0, double *lr)
{
    if (!lr || t < 0 || T < 1 || !(lr0 >= 0) || !isfinite(lr0))
        return OPT_EINVAL;
    const double pi = 3.14159265358979323846;
    /* (double) first: t / T on longs would be an integer division. */
    *lr = t > T ? 0 : lr0 * (1 + cos(pi * (double)t / (double)T)) / 2;
    return OPT_OK;
}

int warmup_compose(long t, long warmup, double lr0, base_schedule_fn base, void *ctx,
                   double *lr)
{
    if (!lr || !base || t < 0 || warmup < 0 || !(lr0 >= 0) || !isfinite(lr0))
        return OPT_EINVAL;
    if (t < warmup)
        *lr = lr0 * (double)(t + 1) / (double)warmup;
    else
        *lr = base(t - warmup, lr0, ctx);
    return OPT_OK;
}
