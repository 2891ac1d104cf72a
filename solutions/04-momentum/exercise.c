/* exercise.c — Lab 04, Momentum and Nesterov: the reference solutions.
 *
 * Same signatures and contracts as labs/04-momentum/exercise.h.
 */
#include <math.h>
#include <stdlib.h>
#include "exercise.h"

int momentum_step(double *x, double *v, const double *g, size_t n, double alpha, double eta)
{
    if (!x || !v || !g || n == 0)
        return OPT_EINVAL;
    if (!(alpha >= 0 && alpha < 1) || !(eta >= 0) || !isfinite(eta))
        return OPT_EINVAL;
    for (size_t i = 0; i < n; i++) {
        v[i] = alpha * v[i] - eta * g[i];
        x[i] += v[i];
    }
    return OPT_OK;
}

int nesterov_step(const opt_objective *f, double *x, double *v, double rho, double eta)
{
    if (!f || !f->fdf || !x || !v || f->n == 0)
        return OPT_EINVAL;
    if (!(rho >= 0 && rho < 1) || !(eta >= 0) || !isfinite(eta))
        return OPT_EINVAL;
    const size_t n = f->n;
    double *p = malloc(n * sizeof *p), *grad = malloc(n * sizeof *grad);
    if (!p || !grad) {
        free(p);
        free(grad);
        return OPT_ENOMEM;
    }
    /* The look-ahead point: where the momentum alone would take x. */
    for (size_t i = 0; i < n; i++)
        p[i] = x[i] + rho * v[i];
    int status = OPT_OK;
    if (!isfinite(opt_eval(f, p, grad)))
        status = OPT_EDIVERGED;
    for (size_t i = 0; status == OPT_OK && i < n; i++)
        if (!isfinite(grad[i]))
            status = OPT_EDIVERGED;
    for (size_t i = 0; status == OPT_OK && i < n; i++) {
        v[i] = rho * v[i] - eta * grad[i];
        x[i] += v[i];
    }
    free(p);
    free(grad);
    return status;
}

int momentum_ema_params(double rho, double lr, double *beta, double *lr_ema)
{
    if (!beta || !lr_ema)
        return OPT_EINVAL;
    if (!(rho >= 0 && rho < 1) || !(lr > 0) || !isfinite(lr))
        return OPT_EINVAL;
    /* Same rho: the EMA's velocity is (1 - rho) times form (a)'s, so its
     * learning rate must be 1 / (1 - rho) times larger. */
    *beta = rho;
    *lr_ema = lr / (1 - rho);
    return OPT_OK;
}
