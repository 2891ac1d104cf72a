/* exercise.c — Lab 02, Taylor series and the steepest direction: the
 * reference solutions.
 *
 * Same signatures and contracts as labs/02-taylor/exercise.h.
 */
#include <math.h>
#include "vec.h"
#include "exercise.h"

int taylor2_model(double f0, const double *g, const double *H, const double *delta, size_t n,
                  double *value)
{
    if (!g || !H || !delta || !value || n == 0)
        return OPT_EINVAL;
    /* delta^T H delta, one row of H at a time. */
    double curvature = 0;
    for (size_t i = 0; i < n; i++) {
        double row = 0;
        for (size_t j = 0; j < n; j++)
            row += H[i * n + j] * delta[j];
        curvature += delta[i] * row;
    }
    const double m = f0 + opt_dot(g, delta, n) + 0.5 * curvature;
    if (!isfinite(m))
        return OPT_EDIVERGED;
    *value = m;
    return OPT_OK;
}

int steepest_unit_direction(const double *g, size_t n, double *v)
{
    if (!g || !v || n == 0)
        return OPT_EINVAL;
    /* The norm scaled by the largest entry: no overflow, no underflow. */
    double scale = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(g[i]))
            return OPT_EDIVERGED;
        scale = fmax(scale, fabs(g[i]));
    }
    if (scale == 0)
        return OPT_EINVAL;      /* a stationary point: no direction */
    double sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += (g[i] / scale) * (g[i] / scale);
    const double norm = sqrt(sum);      /* ||g|| / scale, in [1, sqrt(n)] */
    for (size_t i = 0; i < n; i++)
        v[i] = -(g[i] / scale) / norm;
    return OPT_OK;
}
