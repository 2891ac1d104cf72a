/* hostile: ema_update
 * expect: Time limit of
 *
 * The reference solution (reference.c), except that ema_update never returns.
 */
#define ema_update reference_ema_update
#include "reference.c"
#undef ema_update

int ema_update(double *v, double x, double beta)
{
    volatile double average = 0;
    (void)v;
    for (;;)
        average = beta * average + (1 - beta) * x;
    return OPT_OK;
}
