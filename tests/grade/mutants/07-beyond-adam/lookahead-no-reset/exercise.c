/* mutant of: lookahead_outer_update */
/* Moves the slow weights but forgets to restart the fast weights from them. */
#include <math.h>
#include "exercise.h"

int radam_rectification(double beta2, long t, double rho_threshold, double *rho_t, double *r_t)
{
    if (!rho_t || !r_t || t < 1 || !(beta2 > 0 && beta2 < 1) || !isfinite(rho_threshold)
        || rho_threshold < 4)
        return OPT_EINVAL;
    const double rho_inf = 2 / (1 - beta2) - 1;
    const double bt = pow(beta2, (double)t);
    const double rho = rho_inf - 2 * (double)t * bt / (1 - bt);
    *rho_t = rho;
    *r_t = rho > rho_threshold
               ? sqrt((rho - 4) * (rho - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho))
               : 0;
    return OPT_OK;
}

int lookahead_outer_update(double *phi, double *theta, size_t n, double alpha)
{
    if (!phi || !theta || n == 0 || !(alpha >= 0 && alpha <= 1))
        return OPT_EINVAL;
    for (size_t i = 0; i < n; i++) {
        phi[i] += alpha * (theta[i] - phi[i]);
    }
    return OPT_OK;
}

/* The Euclidean norm of x, scaled by its largest |entry| so that squaring
 * neither overflows nor underflows. */
static double norm2(const double *x, size_t n)
{
    double scale = 0;
    for (size_t i = 0; i < n; i++)
        scale = fmax(scale, fabs(x[i]));
    if (scale == 0)
        return 0;
    double sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += (x[i] / scale) * (x[i] / scale);
    return scale * sqrt(sum);
}

int lars_local_lr(const double *w, const double *g, size_t n, double trust, double weight_decay,
                  double *local_lr)
{
    if (!w || !g || !local_lr || n == 0 || !isfinite(trust) || trust < 0
        || !isfinite(weight_decay) || weight_decay < 0)
        return OPT_EINVAL;
    for (size_t i = 0; i < n; i++)
        if (!isfinite(w[i]) || !isfinite(g[i]))
            return OPT_EINVAL;
    const double wn = norm2(w, n), gn = norm2(g, n);
    *local_lr = wn == 0 || gn == 0 ? 1 : trust * wn / (gn + weight_decay * wn);
    return OPT_OK;
}
