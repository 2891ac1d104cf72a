/* hostile: ema_update
 * expect: printed more than
 *
 * The reference solution (reference.c), except that ema_update prints
 * without end.
 */
#include <stdio.h>
#define ema_update reference_ema_update
#include "reference.c"
#undef ema_update

int ema_update(double *v, double x, double beta)
{
    (void)v;
    for (long t = 0;; t++)
        printf("step %ld: x = %.17g, beta = %.17g\n", t, x, beta);
}
