/* vec.c — dense-vector kernels as plain loops the compiler vectorizes. */
#include <math.h>
#include "vec.h"

/* Sums run over LANES interleaved partial sums, added up in a fixed order
 * at the end: the compiler can keep them in vector registers (a plain
 * running sum is one long chain of dependent additions), and the result
 * is the same on every machine. */
enum { LANES = 8 };

static double sum_lanes(const double *s)
{
    return ((s[0] + s[1]) + (s[2] + s[3])) + ((s[4] + s[5]) + (s[6] + s[7]));
}

double opt_dot(const double *a, const double *b, size_t n)
{
    double s[LANES] = { 0 };
    size_t i = 0;
    for (; i + LANES <= n; i += LANES)
        for (int j = 0; j < LANES; j++)
            s[j] += a[i + j] * b[i + j];
    for (int j = 0; i < n; i++, j++)
        s[j] += a[i] * b[i];
    return sum_lanes(s);
}

double opt_norm2(const double *a, size_t n)
{
    /* Fast path: the plain sum of squares, good whenever nothing overflowed
     * and the sum is far above the underflow threshold (then any square
     * that underflowed was too small to matter). */
    double ss = opt_dot(a, a, n);
    if (isfinite(ss) && ss >= 0x1p-900)
        return sqrt(ss);
    if (ss == 0 && opt_norm_inf(a, n) == 0)
        return 0;
    /* Otherwise scale by the largest entry so squaring neither overflows
     * nor underflows. */
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
