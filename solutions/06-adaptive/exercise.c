/* exercise.c — Lab 06, Adaptive steps: the reference solutions.
 *
 * Same signatures and contracts as labs/06-adaptive/exercise.h.
 */
#include <math.h>
#include "exercise.h"

/* lr and eps: finite numbers >= 0. */
static int good_rate(double lr, double eps)
{
    return isfinite(lr) && lr >= 0 && isfinite(eps) && eps >= 0;
}

/* A decay rate in [0, 1). */
static int good_decay(double beta)
{
    return beta >= 0 && beta < 1;
}

int adagrad_step(double *x, double *G, const double *g, size_t n, double lr, double eps)
{
    if (!x || !G || !g || n == 0 || !good_rate(lr, eps))
        return OPT_EINVAL;
    for (size_t i = 0; i < n; i++) {
        G[i] += g[i] * g[i];
        x[i] -= lr * g[i] / (sqrt(G[i]) + eps);
    }
    return OPT_OK;
}

int rmsprop_step(double *x, double *v, const double *g, size_t n, double lr, double alpha,
                 double eps)
{
    if (!x || !v || !g || n == 0 || !good_rate(lr, eps) || !good_decay(alpha))
        return OPT_EINVAL;
    for (size_t i = 0; i < n; i++) {
        v[i] = alpha * v[i] + (1 - alpha) * g[i] * g[i];
        x[i] -= lr * g[i] / (sqrt(v[i]) + eps);
    }
    return OPT_OK;
}

int adam_step(double *x, double *m, double *v, const double *g, size_t n, long t, double lr,
              double beta1, double beta2, double eps)
{
    if (!x || !m || !v || !g || n == 0 || t < 1 || !good_rate(lr, eps)
        || !good_decay(beta1) || !good_decay(beta2))
        return OPT_EINVAL;
    /* The bias corrections depend on t only: once per step. */
    const double c1 = 1 - pow(beta1, (double)t), c2 = 1 - pow(beta2, (double)t);
    for (size_t i = 0; i < n; i++) {
        m[i] = beta1 * m[i] + (1 - beta1) * g[i];
        v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
        const double m_hat = m[i] / c1, v_hat = v[i] / c2;
        x[i] -= lr * m_hat / (sqrt(v_hat) + eps);
    }
    return OPT_OK;
}
