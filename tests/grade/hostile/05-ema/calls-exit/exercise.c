/* hostile: ema_update
 * expect: exit()
 *
 * The reference solution (reference.c), except that ema_update ends the
 * whole process with exit(0) as soon as it is called.
 */
#define ema_update reference_ema_update
#include "reference.c"
#undef ema_update

int ema_update(double *v, double x, double beta)
{
    (void)v, (void)x, (void)beta;
    exit(0);
}
