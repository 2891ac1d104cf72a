/* mutant of: backtracking_armijo */
/* Armijo with the wrong sign: accepts f(x + a d) <= fx - c1 a (g.d), a bound ABOVE fx. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "exercise.h"

static int all_finite(const double *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isfinite(v[i]))
            return 0;
    return 1;
}

static double dot(const double *a, const double *b, size_t n)
{
    double s = 0;
    for (size_t i = 0; i < n; i++)
        s += a[i] * b[i];
    return s;
}

int newton_step_cholesky(const double *H, const double *g, size_t n, double *d)
{
    if (!H || !g || !d || n == 0)
        return OPT_EINVAL;
    if (!all_finite(g, n))
        return OPT_EINVAL;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j <= i; j++)
            if (!isfinite(H[i * n + j]))
                return OPT_EINVAL;
    double *L = calloc(n * n, sizeof *L), *z = malloc(n * sizeof *z);
    if (!L || !z) {
        free(L);
        free(z);
        return OPT_ENOMEM;
    }
    /* H = L L^T, column by column. */
    for (size_t j = 0; j < n; j++) {
        double p = H[j * n + j];
        for (size_t k = 0; k < j; k++)
            p -= L[j * n + k] * L[j * n + k];
        if (!(p > 0) || !isfinite(p)) {
            free(L);
            free(z);
            return OPT_ENOPROG;
        }
        const double ljj = sqrt(p);
        L[j * n + j] = ljj;
        for (size_t i = j + 1; i < n; i++) {
            double v = H[i * n + j];
            for (size_t k = 0; k < j; k++)
                v -= L[i * n + k] * L[j * n + k];
            L[i * n + j] = v / ljj;
        }
    }
    /* L z = -g, top down. */
    for (size_t i = 0; i < n; i++) {
        double v = -g[i];
        for (size_t k = 0; k < i; k++)
            v -= L[i * n + k] * z[k];
        z[i] = v / L[i * n + i];
    }
    /* L^T d = z, bottom up. */
    for (size_t i = n; i-- > 0;) {
        double v = z[i];
        for (size_t k = i + 1; k < n; k++)
            v -= L[k * n + i] * d[k];
        d[i] = v / L[i * n + i];
    }
    free(L);
    free(z);
    return OPT_OK;
}

int two_loop_direction(const double *g, const double *s, const double *y, int count,
                       size_t n, double *d)
{
    if (!g || !d || n == 0 || count < 0 || (count > 0 && (!s || !y)))
        return OPT_EINVAL;
    for (int i = 0; i < count; i++)
        if (!(dot(s + (size_t)i * n, y + (size_t)i * n, n) > 0))
            return OPT_EINVAL;
    double *alpha = malloc((size_t)(count > 0 ? count : 1) * sizeof *alpha);
    if (!alpha)
        return OPT_ENOMEM;
    for (size_t j = 0; j < n; j++)
        d[j] = -g[j];
    /* Newest to oldest. */
    for (int i = count - 1; i >= 0; i--) {
        const double *si = s + (size_t)i * n, *yi = y + (size_t)i * n;
        alpha[i] = dot(si, d, n) / dot(yi, si, n);
        for (size_t j = 0; j < n; j++)
            d[j] -= alpha[i] * yi[j];
    }
    /* H0 = gamma I from the newest pair. */
    double gamma = 1;
    if (count > 0) {
        const double *sn = s + (size_t)(count - 1) * n, *yn = y + (size_t)(count - 1) * n;
        gamma = dot(sn, yn, n) / dot(yn, yn, n);
    }
    for (size_t j = 0; j < n; j++)
        d[j] *= gamma;
    /* Oldest to newest. */
    for (int i = 0; i < count; i++) {
        const double *si = s + (size_t)i * n, *yi = y + (size_t)i * n;
        const double beta = dot(yi, d, n) / dot(yi, si, n);
        for (size_t j = 0; j < n; j++)
            d[j] += (alpha[i] - beta) * si[j];
    }
    free(alpha);
    return OPT_OK;
}

int backtracking_armijo(const opt_objective *f, const double *x, double fx, const double *g,
                        const double *d, const opt_ls_params *p, double *step, double *x_new,
                        double *f_new)
{
    if (!f || !f->fdf || !x || !g || !d || !p || !step || !x_new || !f_new || f->n == 0)
        return OPT_EINVAL;
    if (!isfinite(*step) || !(*step > 0) || !(p->c1 > 0 && p->c1 < 1)
        || !(p->rho > 0 && p->rho < 1) || p->max_evals < 1)
        return OPT_EINVAL;
    const size_t n = f->n;
    const double slope = dot(g, d, n);
    if (!(slope < 0))
        return OPT_EINVAL;
    double a = *step;
    for (int evals = 0; evals < p->max_evals; evals++) {
        for (size_t i = 0; i < n; i++)
            x_new[i] = x[i] + a * d[i];
        const double fa = opt_eval(f, x_new, NULL);
        if (isfinite(fa) && fa <= fx - p->c1 * a * slope) {
            *step = a;
            *f_new = fa;
            return OPT_OK;
        }
        a *= p->rho;
    }
    memcpy(x_new, x, n * sizeof *x);
    *f_new = fx;
    *step = 0;
    return OPT_ENOPROG;
}
