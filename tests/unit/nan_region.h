/* nan_region.h — a test objective shared by the unit tests of the solvers.
 *
 * f = -x + y^2 for x <= 2 and NaN beyond (f and g alike): descent heads for
 * x = 2, and a long step lands in the NaN region. */
#ifndef OPTLAB_TESTS_NAN_REGION_H
#define OPTLAB_TESTS_NAN_REGION_H
#include <math.h>

static double nan_region(const double *x, double *g, void *ctx)
{
    (void)ctx;
    if (x[0] > 2) {
        if (g)
            g[0] = g[1] = NAN;
        return NAN;
    }
    if (g) {
        g[0] = -1;
        g[1] = 2 * x[1];
    }
    return -x[0] + x[1] * x[1];
}
#endif
