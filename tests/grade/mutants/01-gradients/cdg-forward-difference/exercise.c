/* mutant of: central_difference_gradient */
/* A forward difference (f(x + h e_i) - f(x)) / h instead of the central one: error O(h), not O(h^2). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "exercise.h"

int central_difference_gradient(const opt_objective *f, const double *x, double h, double *grad)
{
    if (!f || !f->fdf || !x || !grad || f->n == 0)
        return OPT_EINVAL;
    if (!(h > 0) || !isfinite(h))
        return OPT_EINVAL;
    const size_t n = f->n;
    double *point = malloc(n * sizeof *point);
    if (!point)
        return OPT_ENOMEM;
    memcpy(point, x, n * sizeof *point);
    int status = OPT_OK;
    for (size_t i = 0; i < n; i++) {
        point[i] = x[i] + h;
        const double f_plus = opt_eval(f, point, NULL);
        point[i] = x[i];
        const double f_minus = opt_eval(f, point, NULL);
        point[i] = x[i];
        if (!isfinite(f_plus) || !isfinite(f_minus)) {
            status = OPT_EDIVERGED;
            break;
        }
        grad[i] = (f_plus - f_minus) / h;
    }
    free(point);
    return status;
}

int gradient_check_error(const double *analytic, const double *numeric, size_t n,
                         double *max_rel_error)
{
    if (!analytic || !numeric || !max_rel_error || n == 0)
        return OPT_EINVAL;
    double worst = 0;
    for (size_t i = 0; i < n; i++) {
        const double a = analytic[i], b = numeric[i];
        if (!isfinite(a) || !isfinite(b))
            return OPT_EDIVERGED;
        const double scale = fmax(fabs(a), fabs(b));
        const double r = scale == 0 ? 0 : fabs(a - b) / scale;
        if (r > worst)
            worst = r;
    }
    *max_rel_error = worst;
    return OPT_OK;
}

/* 1 / (1 + exp(-s)) without overflow. */
static double sigmoid(double s)
{
    if (s >= 0)
        return 1 / (1 + exp(-s));
    const double e = exp(s);
    return e / (1 + e);
}

int sigmoid_neuron_backward(const double w[3], const double x[2], double *out,
                            double dw[3], double dx[2])
{
    if (!w || !x || !out || !dw || !dx)
        return OPT_EINVAL;
    for (int k = 0; k < 3; k++)
        if (!isfinite(w[k]))
            return OPT_EINVAL;
    if (!isfinite(x[0]) || !isfinite(x[1]))
        return OPT_EINVAL;
    /* Forward: the weighted sum s, then the sigmoid. */
    const double s = w[0] * x[0] + w[1] * x[1] + w[2];
    const double f = sigmoid(s);
    /* Backward: upstream 1 at the output, times the sigmoid gate's local
     * gradient f (1 - f) (1 - f = sigmoid(-s), exact in both tails). */
    const double ds = f * sigmoid(-s);
    /* The sum gate passes ds to each product and to w2; a product gate's
     * local gradient for one factor is the other factor. */
    dw[0] = ds * x[0];
    dw[1] = ds * x[1];
    dw[2] = ds;
    dx[0] = ds * w[0];
    dx[1] = ds * w[1];
    *out = f;
    return OPT_OK;
}
