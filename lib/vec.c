/* vec.c — dense-vector kernels as plain loops the compiler vectorizes. */
#include <math.h>
#include "vec.h"

double opt_dot(const double *a, const double *b, size_t n)
{
    double s = 0;
    for (size_t i = 0; i < n; i++)
        s += a[i] * b[i];
    return s;
}

double opt_norm2(const double *a, size_t n)
{
    /* Scale by the largest entry so squaring neither overflows nor
     * underflows; one extra pass is cheap next to what calls it. */
    double scale = opt_norm_inf(a, n);
    if (scale == 0 || !isfinite(scale))
        return scale;
    double s = 0;
    for (size_t i = 0; i < n; i++) {
        double r = a[i] / scale;
        s += r * r;
    }
    return scale * sqrt(s);
}

double opt_norm_inf(const double *a, size_t n)
{
    double m = 0;
    for (size_t i = 0; i < n; i++) {
        double v = fabs(a[i]);
        if (v > m || isnan(v))
            m = v;
        if (isnan(m))
            return m;
    }
    return m;
}

void opt_axpy(double alpha, const double *x, double *y, size_t n)
{
    for (size_t i = 0; i < n; i++)
        y[i] += alpha * x[i];
}

int opt_all_finite(const double *a, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isfinite(a[i]))
            return 0;
    return 1;
}
