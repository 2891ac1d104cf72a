/* diff.c — finite-difference gradients and the gradient check. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "diff.h"
#include "status.h"
#include "vec.h"

/* Evaluates f at x with coordinate i moved by delta, restoring x[i]. The
 * step actually taken is (x[i] + delta) - x[i], which may differ from delta
 * by rounding; *taken receives it so the quotient divides by the true step. */
static double f_moved(const opt_objective *obj, double *x, size_t i, double delta, double *taken)
{
    const double xi = x[i];
    x[i] = xi + delta;
    if (taken)
        *taken = x[i] - xi;
    double f = opt_eval(obj, x, NULL);
    x[i] = xi;
    return f;
}

static int check_args(const opt_objective *obj, const double *x, double h, const double *g)
{
    if (!obj || !obj->fdf || !x || !g || obj->n == 0)
        return OPT_EINVAL;
    if (!(h > 0) || !isfinite(h))
        return OPT_EINVAL;
    return OPT_OK;
}

/* A private copy of x, so the caller's x can stay const. */
static double *copy_point(const double *x, size_t n)
{
    double *w = malloc(n * sizeof *w);
    if (w)
        memcpy(w, x, n * sizeof *w);
    return w;
}

int opt_grad_forward(const opt_objective *obj, const double *x, double h, double *g)
{
    int st = check_args(obj, x, h, g);
    if (st)
        return st;
    double *w = copy_point(x, obj->n);
    if (!w)
        return OPT_ENOMEM;
    const double f0 = opt_eval(obj, w, NULL);
    st = isfinite(f0) ? OPT_OK : OPT_EDIVERGED;
    for (size_t i = 0; i < obj->n && !st; i++) {
        double step;
        double f1 = f_moved(obj, w, i, h, &step);
        if (!isfinite(f1) || step == 0)
            st = OPT_EDIVERGED;
        else
            g[i] = (f1 - f0) / step;
    }
    free(w);
    return st;
}

int opt_grad_central(const opt_objective *obj, const double *x, double h, double *g)
{
    int st = check_args(obj, x, h, g);
    if (st)
        return st;
    double *w = copy_point(x, obj->n);
    if (!w)
        return OPT_ENOMEM;
    for (size_t i = 0; i < obj->n && !st; i++) {
        double up, down;
        double fp = f_moved(obj, w, i, h, &up);
        double fm = f_moved(obj, w, i, -h, &down);
        if (!isfinite(fp) || !isfinite(fm) || up - down == 0)
            st = OPT_EDIVERGED;
        else
            g[i] = (fp - fm) / (up - down);
    }
    free(w);
    return st;
}

double opt_rel_error(double a, double b)
{
    if (a == b)
        return 0;
    return fabs(a - b) / fmax(fabs(a), fabs(b));
}

int opt_grad_check(const opt_objective *obj, const double *x, double h,
                   double *max_err, size_t *worst)
{
    if (!obj || !x || !max_err)
        return OPT_EINVAL;
    if (h <= 0)
        h = OPT_H_CENTRAL;
    size_t n = obj->n;
    double *ga = malloc(2 * n * sizeof *ga);
    if (!ga)
        return OPT_ENOMEM;
    double *gn = ga + n;
    double f = opt_eval(obj, x, ga);
    int st = isfinite(f) && opt_all_finite(ga, n) ? OPT_OK : OPT_EDIVERGED;
    if (!st)
        st = opt_grad_central(obj, x, h, gn);
    if (!st) {
        size_t imax = 0;
        double emax = 0;
        for (size_t i = 0; i < n; i++) {
            double e = opt_rel_error(ga[i], gn[i]);
            if (e > emax) {
                emax = e;
                imax = i;
            }
        }
        *max_err = emax;
        if (worst)
            *worst = imax;
    }
    free(ga);
    return st;
}

/* ---- Second derivatives ------------------------------------------------------------ */

int opt_hessian_fd(const opt_objective *obj, const double *x, double h, double *H)
{
    if (!obj || !x || !H || obj->n == 0)
        return OPT_EINVAL;
    if (h <= 0)
        h = OPT_H_CENTRAL;
    const size_t n = obj->n;
    double *w = copy_point(x, n), *gp = malloc(2 * n * sizeof *gp);
    if (!w || !gp) {
        free(w);
        free(gp);
        return OPT_ENOMEM;
    }
    double *gm = gp + n;
    int st = OPT_OK;
    for (size_t j = 0; j < n && !st; j++) {
        const double xj = w[j], hj = h * fmax(1, fabs(xj));
        w[j] = xj + hj;
        const double up = w[j] - xj;
        double fp = opt_eval(obj, w, gp);
        w[j] = xj - hj;
        const double down = w[j] - xj;
        double fm = opt_eval(obj, w, gm);
        w[j] = xj;
        if (!isfinite(fp) || !isfinite(fm) || !opt_all_finite(gp, n) || !opt_all_finite(gm, n)) {
            st = OPT_EDIVERGED;
            break;
        }
        for (size_t i = 0; i < n; i++)
            H[i * n + j] = (gp[i] - gm[i]) / (up - down);
    }
    if (!st)
        for (size_t i = 0; i < n; i++)
            for (size_t j = i + 1; j < n; j++)
                H[i * n + j] = H[j * n + i] = 0.5 * (H[i * n + j] + H[j * n + i]);
    free(w);
    free(gp);
    return st;
}

int opt_hessian_vector(const opt_objective *obj, const double *x, const double *v, double h,
                       double *Hv)
{
    if (!obj || !x || !v || !Hv || obj->n == 0)
        return OPT_EINVAL;
    if (h <= 0)
        h = OPT_H_CENTRAL;
    const size_t n = obj->n;
    const double vn = opt_norm2(v, n);
    if (vn == 0) {
        memset(Hv, 0, n * sizeof *Hv);
        return OPT_OK;
    }
    const double t = h * fmax(1, opt_norm2(x, n)) / vn;
    double *w = malloc(2 * n * sizeof *w);
    if (!w)
        return OPT_ENOMEM;
    double *gm = w + n;
    for (size_t i = 0; i < n; i++)
        w[i] = x[i] - t * v[i];
    double fm = opt_eval(obj, w, gm);
    for (size_t i = 0; i < n; i++)
        w[i] = x[i] + t * v[i];
    double fp = opt_eval(obj, w, Hv);
    int st = isfinite(fp) && isfinite(fm) ? OPT_OK : OPT_EDIVERGED;
    for (size_t i = 0; i < n; i++)
        Hv[i] = (Hv[i] - gm[i]) / (2 * t);
    if (!opt_all_finite(Hv, n))
        st = OPT_EDIVERGED;
    free(w);
    return st;
}

int opt_hessian(const opt_objective *obj, const double *x, double *H)
{
    if (!obj)
        return OPT_EINVAL;
    if (obj->hess)
        return obj->hess(x, H, obj->ctx);
    return opt_hessian_fd(obj, x, 0, H);
}
