/* ema.c — exponential moving averages with bias correction. */
#include <math.h>
#include "ema.h"

opt_ema opt_ema_init(double beta)
{
    return (opt_ema){ beta, 0, 0 };
}

double opt_ema_update(opt_ema *e, double x)
{
    e->k++;
    e->value = e->beta * e->value + (1 - e->beta) * x;
    return e->value;
}

double opt_bias_correction(double beta, long k)
{
    /* 1 - beta^k by expm1 so that it stays accurate when beta^k is near 1. */
    return -1 / expm1((double)k * log(beta));
}

double opt_ema_corrected(const opt_ema *e)
{
    if (e->k == 0)
        return 0;
    if (e->beta == 0)
        return e->value;
    return e->value * opt_bias_correction(e->beta, e->k);
}
