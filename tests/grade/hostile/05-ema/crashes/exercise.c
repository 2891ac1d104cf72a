/* hostile: ema_update
 * expect: crashed with SIGSEGV | Sanitizer stopped your code
 *
 * The reference solution (tests/grade/hostile/run puts it beside this file
 * as reference.c), except that ema_update writes through a NULL pointer.
 */
#define ema_update reference_ema_update
#include "reference.c"
#undef ema_update

int ema_update(double *v, double x, double beta)
{
    volatile double *volatile nowhere = NULL;   /* the compiler cannot see it is NULL */
    (void)v;
    *nowhere = (1 - beta) * x;
    return OPT_OK;
}
