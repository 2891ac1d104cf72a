/* exercise.c — Lab 05, Exponential moving averages: the reference solutions.
 *
 * Same signatures and contracts as labs/05-ema/exercise.h.
 */
#include <math.h>
#include <stdlib.h>
#include "exercise.h"

int ema_update(double *v, double x, double beta)
{
    if (!v || !(beta >= 0 && beta < 1) || !isfinite(x) || !isfinite(*v))
        return OPT_EINVAL;
    *v = beta * *v + (1 - beta) * x;
    return OPT_OK;
}

int ema_bias_corrected(const double *x, size_t k, double beta, double *out)
{
    if (!x || !out || k == 0 || !(beta >= 0 && beta < 1))
        return OPT_EINVAL;
    for (size_t j = 0; j < k; j++)
        if (!isfinite(x[j]))
            return OPT_EINVAL;
    const double log_beta = log(beta);     /* -inf for beta = 0: expm1 gives -1 */
    double v = 0;
    for (size_t j = 1; j <= k; j++) {
        v = beta * v + (1 - beta) * x[j - 1];
        /* 1 - beta^j, accurate when beta^j is close to 1 */
        const double weight = beta == 0 ? 1 : -expm1((double)j * log_beta);
        out[j - 1] = v / weight;
    }
    return OPT_OK;
}
