/* hostile: ema_update
 * expect: memory
 *
 * The reference solution (reference.c), except that ema_update keeps
 * allocating (and touching) a megabyte at a time, and never frees.
 */
#include <string.h>
#define ema_update reference_ema_update
#include "reference.c"
#undef ema_update

double *volatile hoard;     /* volatile: the allocations cannot be optimized away */

int ema_update(double *v, double x, double beta)
{
    (void)v;
    for (;;) {
        double *block = malloc(1 << 20);
        if (!block)
            return OPT_ENOMEM;
        memset(block, 1, 1 << 20);
        block[0] = (1 - beta) * x;
        hoard = block;
    }
}
