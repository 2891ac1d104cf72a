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
