/* models.c — logistic regression as an objective, and its synthetic data. */
#include <math.h>
#include <string.h>
#include <gsl/gsl_randist.h>
#include "models.h"
#include "status.h"
#include "vec.h"

double opt_logistic_loss(const opt_logistic *L, const double *w, double *g, const size_t *idx,
                         size_t m)
{
    const size_t D = L->D;
    double f = 0;
    if (g)
        memset(g, 0, D * sizeof *g);
    for (size_t k = 0; k < m; k++) {
        const size_t i = idx ? idx[k] : k;
        const double *xi = L->X + i * D, s = opt_dot(xi, w, D);
        /* log(1 + e^s) and sigma(s), each in the form that cannot overflow */
        f += (s > 0 ? s + log1p(exp(-s)) : log1p(exp(s))) - L->y[i] * s;
        if (g)
            opt_axpy((s > 0 ? 1 / (1 + exp(-s)) : exp(s) / (1 + exp(s))) - L->y[i], xi, g, D);
    }
    if (g)
        for (size_t j = 0; j < D; j++)
            g[j] = g[j] / (double)m + L->l2 * w[j];
    return f / (double)m + 0.5 * L->l2 * opt_dot(w, w, D);
}

double opt_logistic_fdf(const double *w, double *g, void *ctx)
{
    opt_logistic *L = ctx;
    if (!L->batches) {
        L->seen += (double)L->N;
        return opt_logistic_loss(L, w, g, NULL, L->N);
    }
    for (size_t k = 0; k < L->B; k++)
        L->idx[k] = (size_t)gsl_rng_uniform_int(L->batches, L->N);
    L->seen += (double)L->B;
    return opt_logistic_loss(L, w, g, L->idx, L->B);
}

opt_objective opt_logistic_objective(opt_logistic *L)
{
    return (opt_objective){ L->D, opt_logistic_fdf, NULL, L, "logistic regression" };
}

/* sd_j, log-spaced from scales[0] (j = 0) to scales[1] (j = D - 1). */
static double feature_sd(const double scales[2], size_t j, size_t D)
{
    return scales[0] * pow(scales[1] / scales[0], D > 1 ? (double)j / (double)(D - 1) : 0);
}

int opt_logistic_synthetic(gsl_rng *r, size_t N, size_t D, const double scales[2], double *X,
                           double *y, double *w_true)
{
    if (!r || !scales || !X || !y || !w_true || N == 0 || D == 0)
        return OPT_EINVAL;
    for (size_t j = 0; j < D; j++)
        w_true[j] = gsl_ran_gaussian(r, 1) / feature_sd(scales, j, D);
    for (size_t i = 0; i < N; i++) {
        for (size_t j = 0; j < D; j++)
            X[i * D + j] = gsl_ran_gaussian(r, feature_sd(scales, j, D));
        y[i] = gsl_rng_uniform(r) < 1 / (1 + exp(-opt_dot(X + i * D, w_true, D)));
    }
    return OPT_OK;
}
