/* problems.c — test functions with analytic gradients and Hessians. */
#include <math.h>
#include <string.h>
#include "problems.h"
#include "status.h"

/* ---- f(x) = x^T A x in two dimensions ------------------------------------- */

void opt_quad2_rotated(opt_quad2 *q, double lambda1, double lambda2, double theta_deg)
{
    /* A = Q diag(l1, l2) Q^T with Q = [c -s; s c]. */
    const double pi = 3.14159265358979323846;
    const double t = theta_deg * (pi / 180.0);
    const double c = cos(t), s = sin(t);
    q->a11 = lambda1 * c * c + lambda2 * s * s;
    q->a12 = (lambda1 - lambda2) * c * s;
    q->a22 = lambda1 * s * s + lambda2 * c * c;
}

double opt_quad2_fdf(const double *x, double *g, void *ctx)
{
    const opt_quad2 *q = ctx;
    const double ax = q->a11 * x[0] + q->a12 * x[1];
    const double ay = q->a12 * x[0] + q->a22 * x[1];
    if (g) {
        g[0] = 2 * ax;
        g[1] = 2 * ay;
    }
    return x[0] * ax + x[1] * ay;
}

int opt_quad2_hess(const double *x, double *H, void *ctx)
{
    (void)x;
    const opt_quad2 *q = ctx;
    H[0] = 2 * q->a11;
    H[1] = H[2] = 2 * q->a12;
    H[3] = 2 * q->a22;
    return OPT_OK;
}

opt_objective opt_quad2_objective(opt_quad2 *q)
{
    return (opt_objective){ 2, opt_quad2_fdf, opt_quad2_hess, q, "quadratic" };
}

/* ---- Rosenbrock, chained ---------------------------------------------------------- */

double opt_rosenbrock_fdf(const double *x, double *g, void *ctx)
{
    const opt_rosenbrock *r = ctx;
    const size_t n = r->n;
    double f = 0;
    if (g)
        memset(g, 0, n * sizeof *g);
    for (size_t i = 0; i + 1 < n; i++) {
        const double u = x[i + 1] - x[i] * x[i];   /* the valley's floor */
        const double v = r->a - x[i];
        f += r->b * u * u + v * v;
        if (g) {
            g[i] += -4 * r->b * x[i] * u - 2 * v;
            g[i + 1] += 2 * r->b * u;
        }
    }
    return f;
}

int opt_rosenbrock_hess(const double *x, double *H, void *ctx)
{
    const opt_rosenbrock *r = ctx;
    const size_t n = r->n;
    memset(H, 0, n * n * sizeof *H);
    for (size_t i = 0; i + 1 < n; i++) {
        const double u = x[i + 1] - x[i] * x[i];
        H[i * n + i] += -4 * r->b * u + 8 * r->b * x[i] * x[i] + 2;
        H[i * n + i + 1] += -4 * r->b * x[i];
        H[(i + 1) * n + i] += -4 * r->b * x[i];
        H[(i + 1) * n + i + 1] += 2 * r->b;
    }
    return OPT_OK;
}

opt_objective opt_rosenbrock_objective(opt_rosenbrock *r)
{
    return (opt_objective){ r->n, opt_rosenbrock_fdf, opt_rosenbrock_hess, r, "rosenbrock" };
}

/* ---- The saddle x^2 - y^2 ----------------------------------------------------------- */

double opt_saddle_fdf(const double *x, double *g, void *ctx)
{
    (void)ctx;
    if (g) {
        g[0] = 2 * x[0];
        g[1] = -2 * x[1];
    }
    return x[0] * x[0] - x[1] * x[1];
}

int opt_saddle_hess(const double *x, double *H, void *ctx)
{
    (void)x;
    (void)ctx;
    H[0] = 2;
    H[1] = H[2] = 0;
    H[3] = -2;
    return OPT_OK;
}

opt_objective opt_saddle_objective(void)
{
    return (opt_objective){ 2, opt_saddle_fdf, opt_saddle_hess, NULL, "saddle" };
}

/* ---- Beale ------------------------------------------------------------------------ */

static const double beale_c[3] = { 1.5, 2.25, 2.625 };

double opt_beale_fdf(const double *x, double *g, void *ctx)
{
    (void)ctx;
    const double a = x[0], b = x[1];
    double f = 0, ga = 0, gb = 0, bk = 1;   /* bk = b^k */
    for (int k = 1; k <= 3; k++) {
        const double dbk = k * bk;           /* d(b^k)/db */
        bk *= b;
        const double r = beale_c[k - 1] - a + a * bk;
        f += r * r;
        ga += 2 * r * (bk - 1);
        gb += 2 * r * a * dbk;
    }
    if (g) {
        g[0] = ga;
        g[1] = gb;
    }
    return f;
}

int opt_beale_hess(const double *x, double *H, void *ctx)
{
    (void)ctx;
    const double a = x[0], b = x[1];
    double haa = 0, hab = 0, hbb = 0, bk = 1;
    for (int k = 1; k <= 3; k++) {
        const double dbk = k * bk;                       /* k b^(k-1) */
        const double d2bk = k == 2 ? 2 : k == 3 ? 6 * b : 0;  /* k(k-1) b^(k-2) */
        bk *= b;
        const double r = beale_c[k - 1] - a + a * bk;
        const double ra = bk - 1, rb = a * dbk;          /* dr/da, dr/db */
        haa += 2 * ra * ra;
        hab += 2 * (rb * ra + r * dbk);
        hbb += 2 * (rb * rb + r * a * d2bk);
    }
    H[0] = haa;
    H[1] = H[2] = hab;
    H[3] = hbb;
    return OPT_OK;
}

/* ---- Himmelblau ------------------------------------------------------------------ */

double opt_himmelblau_fdf(const double *x, double *g, void *ctx)
{
    (void)ctx;
    const double u = x[0] * x[0] + x[1] - 11, v = x[0] + x[1] * x[1] - 7;
    if (g) {
        g[0] = 4 * x[0] * u + 2 * v;
        g[1] = 2 * u + 4 * x[1] * v;
    }
    return u * u + v * v;
}

int opt_himmelblau_hess(const double *x, double *H, void *ctx)
{
    (void)ctx;
    const double u = x[0] * x[0] + x[1] - 11, v = x[0] + x[1] * x[1] - 7;
    H[0] = 4 * u + 8 * x[0] * x[0] + 2;
    H[1] = H[2] = 4 * x[0] + 4 * x[1];
    H[3] = 2 + 4 * v + 8 * x[1] * x[1];
    return OPT_OK;
}

/* ---- The long valley ------------------------------------------------------------ */

double opt_valley_fdf(const double *x, double *g, void *ctx)
{
    (void)ctx;
    if (g) {
        g[0] = 0.2 * x[0];
        g[1] = 4 * x[1];
    }
    return 0.1 * x[0] * x[0] + 2 * x[1] * x[1];
}

int opt_valley_hess(const double *x, double *H, void *ctx)
{
    (void)x;
    (void)ctx;
    H[0] = 0.2;
    H[1] = H[2] = 0;
    H[3] = 4;
    return OPT_OK;
}

/* ---- The cliff ----------------------------------------------------------------------- */

double opt_cliff_fdf(const double *x, double *g, void *ctx)
{
    (void)ctx;
    const double sig = 1 / (1 + exp(-20 * (x[0] - 1)));
    if (g) {
        g[0] = 0.1 * x[0] + 10 * 20 * sig * (1 - sig);
        g[1] = 0.1 * x[1];
    }
    return 0.05 * (x[0] * x[0] + x[1] * x[1]) + 10 * sig;
}

int opt_cliff_hess(const double *x, double *H, void *ctx)
{
    (void)ctx;
    const double sig = 1 / (1 + exp(-20 * (x[0] - 1)));
    /* d/dx [sig (1 - sig)] = 20 sig (1 - sig) (1 - 2 sig) */
    H[0] = 0.1 + 10 * 20 * 20 * sig * (1 - sig) * (1 - 2 * sig);
    H[1] = H[2] = 0;
    H[3] = 0.1;
    return OPT_OK;
}

/* ---- Moré–Garbow–Hillstrom problems in n dimensions ------------------------------ */

double opt_ext_rosenbrock_fdf(const double *x, double *g, void *ctx)
{
    const size_t n = *(const size_t *)ctx;
    double f = 0;
    for (size_t i = 0; i + 1 < n; i += 2) {
        const double t1 = 1 - x[i], t2 = 10 * (x[i + 1] - x[i] * x[i]);
        f += t1 * t1 + t2 * t2;
        if (g) {
            g[i + 1] = 20 * t2;
            g[i] = -2 * (x[i] * g[i + 1] + t1);
        }
    }
    return f;
}

void opt_ext_rosenbrock_start(double *x, size_t n)
{
    for (size_t i = 0; i < n; i++)
        x[i] = i % 2 ? 1.0 : -1.2;
}

double opt_ext_powell_fdf(const double *x, double *g, void *ctx)
{
    const size_t n = *(const size_t *)ctx;
    double f = 0;
    for (size_t i = 0; i + 3 < n; i += 4) {
        const double a = x[i] + 10 * x[i + 1], b = x[i + 2] - x[i + 3];
        const double c = x[i + 1] - 2 * x[i + 2], d = x[i] - x[i + 3];
        const double c2 = c * c, d2 = d * d;
        f += a * a + 5 * b * b + c2 * c2 + 10 * d2 * d2;
        if (g) {
            g[i] = 2 * a + 40 * d2 * d;
            g[i + 1] = 20 * a + 4 * c2 * c;
            g[i + 2] = 10 * b - 8 * c2 * c;
            g[i + 3] = -10 * b - 40 * d2 * d;
        }
    }
    return f;
}

void opt_ext_powell_start(double *x, size_t n)
{
    static const double block[4] = { 3, -1, 0, 1 };
    for (size_t i = 0; i < n; i++)
        x[i] = block[i % 4];
}

double opt_trigonometric_fdf(const double *x, double *g, void *ctx)
{
    /* n - sum_j cos x_j is summed as sum_j (1 - cos x_j), and 1 - cos x as
     * 2 sin^2(x/2): near the start x_j = 1/n the plain form cancels away
     * every digit once n is large (10^6 gives r_i of order 1e-6 computed
     * from sums of order 1e6). */
    const size_t n = *(const size_t *)ctx;
    double sum_vers = 0;
    for (size_t j = 0; j < n; j++) {
        const double h = sin(x[j] / 2);
        sum_vers += 2 * h * h;
    }
    double f = 0, sum_r = 0;
    for (size_t i = 0; i < n; i++) {
        const double h = sin(x[i] / 2);
        const double r = sum_vers + (double)(i + 1) * (2 * h * h) - sin(x[i]);
        f += r * r;
        sum_r += r;
        if (g)
            g[i] = r;   /* kept for the second pass */
    }
    if (g)
        /* d r_i / d x_k = sin x_k + [i = k] ((k + 1) sin x_k - cos x_k) */
        for (size_t k = 0; k < n; k++)
            g[k] = 2 * (sum_r * sin(x[k]) + g[k] * ((double)(k + 1) * sin(x[k]) - cos(x[k])));
    return f;
}

void opt_trigonometric_start(double *x, size_t n)
{
    for (size_t i = 0; i < n; i++)
        x[i] = 1.0 / (double)n;
}

/* ---- The Moré–Garbow–Hillstrom collection as least squares ------------------------- */

/* Each problem is f(x) = sum_i r_i(x)^2. Its residual function returns r_i
 * (i from 0) and, when J is not NULL, adds the gradient of r_i into J (n
 * entries, zeroed by the caller) and, when R is not NULL, its Hessian into R
 * (n-by-n, zeroed by the caller; both triangles). f, g = 2 sum r_i grad r_i
 * and H = 2 sum (grad r_i grad r_i^T + r_i hess r_i) are assembled from
 * them once, in opt_mgh_fdf and opt_mgh_hess. */

#define SYM(R, n, a, b, v) ((R)[(a) * (n) + (b)] = (R)[(b) * (n) + (a)] = (v))

/* 1. Rosenbrock: r1 = 10 (x2 - x1^2), r2 = 1 - x1. */
static double r_rosenbrock(const double *x, size_t i, double *J, double *R)
{
    if (i == 0) {
        if (J)
            J[0] = -20 * x[0], J[1] = 10;
        if (R)
            R[0] = -20;
        return 10 * (x[1] - x[0] * x[0]);
    }
    if (J)
        J[0] = -1;
    return 1 - x[0];
}

/* 2. Freudenstein and Roth: r1 = -13 + x1 + ((5 - x2) x2 - 2) x2,
 *    r2 = -29 + x1 + ((x2 + 1) x2 - 14) x2. */
static double r_freudenstein_roth(const double *x, size_t i, double *J, double *R)
{
    const double y = x[1];
    if (i == 0) {
        if (J)
            J[0] = 1, J[1] = (10 - 3 * y) * y - 2;
        if (R)
            R[3] = 10 - 6 * y;
        return -13 + x[0] + ((5 - y) * y - 2) * y;
    }
    if (J)
        J[0] = 1, J[1] = (3 * y + 2) * y - 14;
    if (R)
        R[3] = 6 * y + 2;
    return -29 + x[0] + ((y + 1) * y - 14) * y;
}

/* 3. Powell badly scaled: r1 = 10^4 x1 x2 - 1, r2 = e^-x1 + e^-x2 - 1.0001. */
static double r_powell_badly_scaled(const double *x, size_t i, double *J, double *R)
{
    if (i == 0) {
        if (J)
            J[0] = 1e4 * x[1], J[1] = 1e4 * x[0];
        if (R)
            SYM(R, 2, 0, 1, 1e4);
        return 1e4 * x[0] * x[1] - 1;
    }
    const double e1 = exp(-x[0]), e2 = exp(-x[1]);
    if (J)
        J[0] = -e1, J[1] = -e2;
    if (R)
        R[0] = e1, R[3] = e2;
    return e1 + e2 - 1.0001;
}

/* 4. Brown badly scaled: r1 = x1 - 10^6, r2 = x2 - 2 10^-6, r3 = x1 x2 - 2. */
static double r_brown_badly_scaled(const double *x, size_t i, double *J, double *R)
{
    if (i < 2) {
        if (J)
            J[i] = 1;
        return i == 0 ? x[0] - 1e6 : x[1] - 2e-6;
    }
    if (J)
        J[0] = x[1], J[1] = x[0];
    if (R)
        SYM(R, 2, 0, 1, 1);
    return x[0] * x[1] - 2;
}

/* 5. Beale: r_i = y_i - x1 (1 - x2^i), y = (1.5, 2.25, 2.625). */
static double r_beale(const double *x, size_t i, double *J, double *R)
{
    static const double y[3] = { 1.5, 2.25, 2.625 };
    const double k = (double)(i + 1);
    const double pk = pow(x[1], k), pk1 = pow(x[1], k - 1);  /* x2^i, x2^(i-1) */
    if (J)
        J[0] = pk - 1, J[1] = k * x[0] * pk1;
    if (R) {
        SYM(R, 2, 0, 1, k * pk1);
        R[3] = k == 1 ? 0 : k * (k - 1) * x[0] * pow(x[1], k - 2);
    }
    return y[i] - x[0] * (1 - pk);
}

/* 6. Jennrich and Sampson (m = 10): r_i = 2 + 2i - (e^(i x1) + e^(i x2)). */
static double r_jennrich_sampson(const double *x, size_t i, double *J, double *R)
{
    const double k = (double)(i + 1), e1 = exp(k * x[0]), e2 = exp(k * x[1]);
    if (J)
        J[0] = -k * e1, J[1] = -k * e2;
    if (R)
        R[0] = -k * k * e1, R[3] = -k * k * e2;
    return 2 + 2 * k - (e1 + e2);
}

/* 7. Helical valley: r1 = 10 (x3 - 10 theta), r2 = 10 (sqrt(x1^2 + x2^2) - 1),
 * r3 = x3, with 2 pi theta = arctan(x2 / x1), plus pi when x1 < 0 (at x1 = 0
 * the limit from x1 > 0). */
static double r_helical_valley(const double *x, size_t i, double *J, double *R)
{
    const double twopi = 6.28318530717958647692;
    const double a = x[0], b = x[1], s = a * a + b * b;
    if (i == 0) {
        double theta = a != 0 ? atan(b / a) / twopi : (b >= 0 ? 0.25 : -0.25);
        if (a < 0)
            theta += 0.5;
        if (J)
            J[0] = 100 * b / (twopi * s), J[1] = -100 * a / (twopi * s), J[2] = 10;
        if (R) {
            const double c = 100 / (twopi * s * s);
            R[0] = -c * 2 * a * b;
            R[4] = c * 2 * a * b;
            SYM(R, 3, 0, 1, -c * (b * b - a * a));
        }
        return 10 * (x[2] - 10 * theta);
    }
    if (i == 1) {
        const double rho = sqrt(s);
        if (J)
            J[0] = 10 * a / rho, J[1] = 10 * b / rho;
        if (R) {
            const double c = 10 / (rho * s);
            R[0] = c * b * b;
            R[4] = c * a * a;
            SYM(R, 3, 0, 1, -c * a * b);
        }
        return 10 * (rho - 1);
    }
    if (J)
        J[2] = 1;
    return x[2];
}

/* 8. Bard (m = 15): r_i = y_i - (x1 + u_i / (v_i x2 + w_i x3)), u_i = i,
 * v_i = 16 - i, w_i = min(u_i, v_i). */
static double r_bard(const double *x, size_t i, double *J, double *R)
{
    static const double y[15] = { 0.14, 0.18, 0.22, 0.25, 0.29, 0.32, 0.35, 0.39,
                                  0.37, 0.58, 0.73, 0.96, 1.34, 2.10, 4.39 };
    const double u = (double)(i + 1), v = 16 - u, w = fmin(u, v);
    const double D = v * x[1] + w * x[2];
    if (J)
        J[0] = -1, J[1] = u * v / (D * D), J[2] = u * w / (D * D);
    if (R) {
        const double c = -2 * u / (D * D * D);
        R[4] = c * v * v;
        R[8] = c * w * w;
        SYM(R, 3, 1, 2, c * v * w);
    }
    return y[i] - (x[0] + u / D);
}

/* 9. Gaussian (m = 15): r_i = x1 exp(-x2 (t_i - x3)^2 / 2) - y_i,
 * t_i = (8 - i) / 2. */
static double r_gaussian(const double *x, size_t i, double *J, double *R)
{
    static const double y[15] = { 0.0009, 0.0044, 0.0175, 0.0540, 0.1295, 0.2420, 0.3521,
                                  0.3989, 0.3521, 0.2420, 0.1295, 0.0540, 0.0175, 0.0044,
                                  0.0009 };
    const double t = (8 - (double)(i + 1)) / 2, s = t - x[2], s2 = s * s;
    const double E = exp(-x[1] * s2 / 2);
    if (J)
        J[0] = E, J[1] = -x[0] * s2 / 2 * E, J[2] = x[0] * x[1] * s * E;
    if (R) {
        SYM(R, 3, 0, 1, -s2 / 2 * E);
        SYM(R, 3, 0, 2, x[1] * s * E);
        R[4] = x[0] * s2 * s2 / 4 * E;
        SYM(R, 3, 1, 2, x[0] * s * E * (1 - x[1] * s2 / 2));
        R[8] = x[0] * x[1] * E * (x[1] * s2 - 1);
    }
    return x[0] * E - y[i];
}

/* 10. Meyer (m = 16): r_i = x1 exp(x2 / (t_i + x3)) - y_i, t_i = 45 + 5 i. */
static double r_meyer(const double *x, size_t i, double *J, double *R)
{
    static const double y[16] = { 34780, 28610, 23650, 19630, 16370, 13720, 11540, 9744,
                                  8261, 7030, 6005, 5147, 4427, 3820, 3307, 2872 };
    const double D = 45 + 5 * (double)(i + 1) + x[2], E = exp(x[1] / D);
    if (J)
        J[0] = E, J[1] = x[0] * E / D, J[2] = -x[0] * x[1] * E / (D * D);
    if (R) {
        SYM(R, 3, 0, 1, E / D);
        SYM(R, 3, 0, 2, -x[1] * E / (D * D));
        R[4] = x[0] * E / (D * D);
        SYM(R, 3, 1, 2, -x[0] * E * (x[1] + D) / (D * D * D));
        R[8] = x[0] * x[1] * E * (x[1] + 2 * D) / (D * D * D * D);
    }
    return x[0] * E - y[i];
}

/* 11. Gulf research and development (m = 99): r_i = exp(-|y_i - x2|^x3 / x1) - t_i,
 * t_i = i / 100, y_i = 25 + (-50 ln t_i)^(2/3). (The paper prints "mi" for
 * the minus in |y_i - x2|.) */
static double r_gulf(const double *x, size_t i, double *J, double *R)
{
    const double t = (double)(i + 1) / 100, y = 25 + pow(-50 * log(t), 2.0 / 3);
    const double a = fabs(y - x[1]), sg = y - x[1] >= 0 ? 1 : -1;
    const double P = pow(a, x[2]), E = exp(-P / x[0]);
    if (J || R) {
        const double la = log(a);
        /* P and its derivatives in x2 and x3 */
        const double P2 = -sg * x[2] * pow(a, x[2] - 1), P3 = P * la;
        /* z = -P / x1 and its derivatives */
        const double z[3] = { P / (x[0] * x[0]), -P2 / x[0], -P3 / x[0] };
        if (J)
            for (int j = 0; j < 3; j++)
                J[j] = E * z[j];
        if (R) {
            const double P22 = x[2] * (x[2] - 1) * pow(a, x[2] - 2);
            const double P23 = -sg * pow(a, x[2] - 1) * (1 + x[2] * la), P33 = P * la * la;
            const double zz[3][3] = {
                { -2 * P / (x[0] * x[0] * x[0]), P2 / (x[0] * x[0]), P3 / (x[0] * x[0]) },
                { P2 / (x[0] * x[0]), -P22 / x[0], -P23 / x[0] },
                { P3 / (x[0] * x[0]), -P23 / x[0], -P33 / x[0] },
            };
            for (int j = 0; j < 3; j++)
                for (int k = 0; k < 3; k++)
                    R[j * 3 + k] = E * (z[j] * z[k] + zz[j][k]);
        }
    }
    return E - t;
}

/* 12. Box three-dimensional (m = 10): r_i = e^(-t_i x1) - e^(-t_i x2)
 * - x3 (e^-t_i - e^(-10 t_i)), t_i = 0.1 i. */
static double r_box3d(const double *x, size_t i, double *J, double *R)
{
    const double t = 0.1 * (double)(i + 1);
    const double e1 = exp(-t * x[0]), e2 = exp(-t * x[1]), c = exp(-t) - exp(-10 * t);
    if (J)
        J[0] = -t * e1, J[1] = t * e2, J[2] = -c;
    if (R)
        R[0] = t * t * e1, R[4] = -t * t * e2;
    return e1 - e2 - x[2] * c;
}

/* 13. Powell singular: r1 = x1 + 10 x2, r2 = sqrt5 (x3 - x4), r3 = (x2 - 2 x3)^2,
 * r4 = sqrt10 (x1 - x4)^2. */
static double r_powell_singular(const double *x, size_t i, double *J, double *R)
{
    const double s5 = sqrt(5.0), s10 = sqrt(10.0);
    switch (i) {
    case 0:
        if (J)
            J[0] = 1, J[1] = 10;
        return x[0] + 10 * x[1];
    case 1:
        if (J)
            J[2] = s5, J[3] = -s5;
        return s5 * (x[2] - x[3]);
    case 2: {
        const double u = x[1] - 2 * x[2];
        if (J)
            J[1] = 2 * u, J[2] = -4 * u;
        if (R)
            R[5] = 2, R[10] = 8, SYM(R, 4, 1, 2, -4);
        return u * u;
    }
    default: {
        const double u = x[0] - x[3];
        if (J)
            J[0] = 2 * s10 * u, J[3] = -2 * s10 * u;
        if (R)
            R[0] = R[15] = 2 * s10, SYM(R, 4, 0, 3, -2 * s10);
        return s10 * u * u;
    }
    }
}

/* 14. Wood: r1 = 10 (x2 - x1^2), r2 = 1 - x1, r3 = sqrt90 (x4 - x3^2), r4 = 1 - x3,
 * r5 = sqrt10 (x2 + x4 - 2), r6 = (x2 - x4) / sqrt10. */
static double r_wood(const double *x, size_t i, double *J, double *R)
{
    const double s90 = sqrt(90.0), s10 = sqrt(10.0);
    switch (i) {
    case 0:
        if (J)
            J[0] = -20 * x[0], J[1] = 10;
        if (R)
            R[0] = -20;
        return 10 * (x[1] - x[0] * x[0]);
    case 1:
        if (J)
            J[0] = -1;
        return 1 - x[0];
    case 2:
        if (J)
            J[2] = -2 * s90 * x[2], J[3] = s90;
        if (R)
            R[10] = -2 * s90;
        return s90 * (x[3] - x[2] * x[2]);
    case 3:
        if (J)
            J[2] = -1;
        return 1 - x[2];
    case 4:
        if (J)
            J[1] = J[3] = s10;
        return s10 * (x[1] + x[3] - 2);
    default:
        if (J)
            J[1] = 1 / s10, J[3] = -1 / s10;
        return (x[1] - x[3]) / s10;
    }
}

/* 15. Kowalik and Osborne (m = 11): r_i = y_i - x1 (u_i^2 + u_i x2) /
 * (u_i^2 + u_i x3 + x4). */
static double r_kowalik_osborne(const double *x, size_t i, double *J, double *R)
{
    static const double y[11] = { 0.1957, 0.1947, 0.1735, 0.1600, 0.0844, 0.0627,
                                  0.0456, 0.0342, 0.0323, 0.0235, 0.0246 };
    static const double uu[11] = { 4, 2, 1, 0.5, 0.25, 0.167, 0.125, 0.1, 0.0833, 0.0714,
                                   0.0625 };
    const double u = uu[i], N = u * u + u * x[1], D = u * u + u * x[2] + x[3];
    const double D2 = D * D, D3 = D2 * D;
    /* r = y - M with M = x1 N / D */
    if (J)
        J[0] = -N / D, J[1] = -x[0] * u / D, J[2] = x[0] * N * u / D2, J[3] = x[0] * N / D2;
    if (R) {
        SYM(R, 4, 0, 1, -u / D);
        SYM(R, 4, 0, 2, N * u / D2);
        SYM(R, 4, 0, 3, N / D2);
        SYM(R, 4, 1, 2, x[0] * u * u / D2);
        SYM(R, 4, 1, 3, x[0] * u / D2);
        R[10] = -2 * x[0] * N * u * u / D3;
        SYM(R, 4, 2, 3, -2 * x[0] * N * u / D3);
        R[15] = -2 * x[0] * N / D3;
    }
    return y[i] - x[0] * N / D;
}

/* 16. Brown and Dennis (m = 20): r_i = (x1 + t_i x2 - e^t_i)^2
 * + (x3 + x4 sin t_i - cos t_i)^2, t_i = i / 5. */
static double r_brown_dennis(const double *x, size_t i, double *J, double *R)
{
    const double t = (double)(i + 1) / 5, s = sin(t);
    const double A = x[0] + t * x[1] - exp(t), B = x[2] + x[3] * s - cos(t);
    if (J)
        J[0] = 2 * A, J[1] = 2 * A * t, J[2] = 2 * B, J[3] = 2 * B * s;
    if (R) {
        R[0] = 2, R[5] = 2 * t * t, SYM(R, 4, 0, 1, 2 * t);
        R[10] = 2, R[15] = 2 * s * s, SYM(R, 4, 2, 3, 2 * s);
    }
    return A * A + B * B;
}

/* 17. Osborne 1 (m = 33): r_i = y_i - (x1 + x2 e^(-t_i x4) + x3 e^(-t_i x5)),
 * t_i = 10 (i - 1). */
static double r_osborne1(const double *x, size_t i, double *J, double *R)
{
    static const double y[33] = {
        0.844, 0.908, 0.932, 0.936, 0.925, 0.908, 0.881, 0.850, 0.818, 0.784, 0.751,
        0.718, 0.685, 0.658, 0.628, 0.603, 0.580, 0.558, 0.538, 0.522, 0.506, 0.490,
        0.478, 0.467, 0.457, 0.448, 0.438, 0.431, 0.424, 0.420, 0.414, 0.411, 0.406 };
    const double t = 10 * (double)i, e4 = exp(-t * x[3]), e5 = exp(-t * x[4]);
    if (J)
        J[0] = -1, J[1] = -e4, J[2] = -e5, J[3] = t * x[1] * e4, J[4] = t * x[2] * e5;
    if (R) {
        SYM(R, 5, 1, 3, t * e4);
        R[18] = -t * t * x[1] * e4;
        SYM(R, 5, 2, 4, t * e5);
        R[24] = -t * t * x[2] * e5;
    }
    return y[i] - (x[0] + x[1] * e4 + x[2] * e5);
}

/* 18. Biggs EXP6 (m = 13): r_i = x3 e^(-t_i x1) - x4 e^(-t_i x2) + x6 e^(-t_i x5) - y_i,
 * t_i = 0.1 i, y_i = e^-t_i - 5 e^(-10 t_i) + 3 e^(-4 t_i). */
static double r_biggs_exp6(const double *x, size_t i, double *J, double *R)
{
    const double t = 0.1 * (double)(i + 1);
    const double y = exp(-t) - 5 * exp(-10 * t) + 3 * exp(-4 * t);
    const double e1 = exp(-t * x[0]), e2 = exp(-t * x[1]), e5 = exp(-t * x[4]);
    if (J) {
        J[0] = -t * x[2] * e1, J[1] = t * x[3] * e2, J[2] = e1, J[3] = -e2;
        J[4] = -t * x[5] * e5, J[5] = e5;
    }
    if (R) {
        R[0] = t * t * x[2] * e1, SYM(R, 6, 0, 2, -t * e1);
        R[7] = -t * t * x[3] * e2, SYM(R, 6, 1, 3, t * e2);
        R[28] = t * t * x[5] * e5, SYM(R, 6, 4, 5, -t * e5);
    }
    return x[2] * e1 - x[3] * e2 + x[5] * e5 - y;
}

#undef SYM

/* f = sum r_i^2 and g = 2 sum r_i grad r_i. */
double opt_mgh_fdf(const double *x, double *g, void *ctx)
{
    const opt_mgh_problem *p = ctx;
    const size_t n = p->n;
    double J[OPT_MGH_NMAX], f = 0;
    if (g)
        memset(g, 0, n * sizeof *g);
    for (size_t i = 0; i < p->m; i++) {
        memset(J, 0, sizeof J);
        const double r = p->residual(x, i, g ? J : NULL, NULL);
        f += r * r;
        if (g)
            for (size_t j = 0; j < n; j++)
                g[j] += 2 * r * J[j];
    }
    return f;
}

/* H = 2 sum (grad r_i grad r_i^T + r_i hess r_i). */
int opt_mgh_hess(const double *x, double *H, void *ctx)
{
    const opt_mgh_problem *p = ctx;
    const size_t n = p->n;
    double J[OPT_MGH_NMAX], R[OPT_MGH_NMAX * OPT_MGH_NMAX];
    memset(H, 0, n * n * sizeof *H);
    for (size_t i = 0; i < p->m; i++) {
        memset(J, 0, sizeof J);
        memset(R, 0, sizeof R);
        const double r = p->residual(x, i, J, R);
        for (size_t j = 0; j < n; j++)
            for (size_t k = 0; k < n; k++)
                H[j * n + k] += 2 * (J[j] * J[k] + r * R[j * n + k]);
    }
    return OPT_OK;
}

/* ---- Hessians of the n-dimensional problems --------------------------------------- */

int opt_ext_rosenbrock_hess(const double *x, double *H, void *ctx)
{
    const size_t n = *(const size_t *)ctx;
    memset(H, 0, n * n * sizeof *H);
    for (size_t i = 0; i + 1 < n; i += 2) {
        /* (1 - a)^2 + 100 (b - a^2)^2 */
        const double a = x[i], b = x[i + 1];
        H[i * n + i] = 2 - 400 * b + 1200 * a * a;
        H[i * n + i + 1] = H[(i + 1) * n + i] = -400 * a;
        H[(i + 1) * n + i + 1] = 200;
    }
    return OPT_OK;
}

int opt_ext_powell_hess(const double *x, double *H, void *ctx)
{
    /* Per block 2 a a^T + 10 b b^T + 12 C^2 c c^T + 120 D^2 d d^T with
     * a = (1, 10, 0, 0), b = (0, 0, 1, -1), c = (0, 1, -2, 0), d = (1, 0, 0, -1),
     * C = c.x and D = d.x. */
    const size_t n = *(const size_t *)ctx;
    memset(H, 0, n * n * sizeof *H);
    static const double a[4] = { 1, 10, 0, 0 }, b[4] = { 0, 0, 1, -1 };
    static const double c[4] = { 0, 1, -2, 0 }, d[4] = { 1, 0, 0, -1 };
    for (size_t i = 0; i + 3 < n; i += 4) {
        const double C = x[i + 1] - 2 * x[i + 2], D = x[i] - x[i + 3];
        for (size_t j = 0; j < 4; j++)
            for (size_t k = 0; k < 4; k++)
                H[(i + j) * n + i + k] = 2 * a[j] * a[k] + 10 * b[j] * b[k]
                                         + 12 * C * C * c[j] * c[k] + 120 * D * D * d[j] * d[k];
    }
    return OPT_OK;
}

int opt_trigonometric_hess(const double *x, double *H, void *ctx)
{
    /* With s_k = sin x_k, c_k = cos x_k, q_k = k s_k - c_k (k from 1):
     * d r_i / d x_k = s_k + [i = k] q_k, d^2 r_i / d x_k^2 = c_k + [i = k] (k c_k + s_k)
     * (no mixed terms), so
     * H_kl = 2 (n s_k s_l + s_k q_l + q_k s_l)
     *        + [k = l] 2 (q_k^2 + c_k sum_i r_i + r_k (k c_k + s_k)). */
    const size_t n = *(const size_t *)ctx;
    double sum_vers = 0, sum_r = 0;
    for (size_t j = 0; j < n; j++) {
        const double h = sin(x[j] / 2);
        sum_vers += 2 * h * h;
    }
    for (size_t i = 0; i < n; i++) {
        const double h = sin(x[i] / 2);
        sum_r += sum_vers + (double)(i + 1) * (2 * h * h) - sin(x[i]);
    }
    for (size_t k = 0; k < n; k++) {
        const double sk = sin(x[k]), ck = cos(x[k]), kk = (double)(k + 1);
        const double qk = kk * sk - ck;
        for (size_t l = k; l < n; l++) {   /* upper triangle, mirrored: H exactly symmetric */
            const double sl = sin(x[l]), ql = (double)(l + 1) * sl - cos(x[l]);
            H[k * n + l] = H[l * n + k] = 2 * ((double)n * sk * sl + sk * ql + qk * sl);
        }
        const double h = sin(x[k] / 2);
        const double rk = sum_vers + kk * (2 * h * h) - sk;
        H[k * n + k] += 2 * (qk * qk + ck * sum_r + rk * (kk * ck + sk));
    }
    return OPT_OK;
}

/* ---- The collection ------------------------------------------------------------------- */

static const double x0_rosenbrock[] = { -1.2, 1 }, x0_freudenstein[] = { 0.5, -2 },
                    x0_powell_bs[] = { 0, 1 }, x0_brown_bs[] = { 1, 1 }, x0_beale[] = { 1, 1 },
                    x0_jennrich[] = { 0.3, 0.4 }, x0_helical[] = { -1, 0, 0 },
                    x0_bard[] = { 1, 1, 1 }, x0_gaussian[] = { 0.4, 1, 0 },
                    x0_meyer[] = { 0.02, 4000, 250 }, x0_gulf[] = { 5, 2.5, 0.15 },
                    x0_box[] = { 0, 10, 20 }, x0_powell_s[] = { 3, -1, 0, 1 },
                    x0_wood[] = { -3, -1, -3, -1 }, x0_kowalik[] = { 0.25, 0.39, 0.415, 0.39 },
                    x0_brown_dennis[] = { 25, 5, -5, -1 },
                    x0_osborne1[] = { 0.5, 1.5, -1, 0.01, 0.02 },
                    x0_biggs[] = { 1, 2, 1, 1, 1, 1 };

/* fstar is the minimum the paper publishes (six digits, or 0); fother
 * another minimum it lists (Freudenstein-Roth, Bard, Kowalik-Osborne: local
 * minima; Biggs EXP6: f = 0 at (1, 10, 1, 5, 4, 3), the data being exact),
 * or NAN. */
static const opt_mgh_problem mgh[] = {
    { 1, "rosenbrock", 2, 2, r_rosenbrock, NULL, NULL, x0_rosenbrock, NULL, 0, NAN },
    { 2, "freudenstein-roth", 2, 2, r_freudenstein_roth, NULL, NULL, x0_freudenstein, NULL,
      0, 48.9842 },
    { 3, "powell-badly-scaled", 2, 2, r_powell_badly_scaled, NULL, NULL, x0_powell_bs, NULL,
      0, NAN },
    { 4, "brown-badly-scaled", 2, 3, r_brown_badly_scaled, NULL, NULL, x0_brown_bs, NULL, 0,
      NAN },
    { 5, "beale", 2, 3, r_beale, NULL, NULL, x0_beale, NULL, 0, NAN },
    { 6, "jennrich-sampson", 2, 10, r_jennrich_sampson, NULL, NULL, x0_jennrich, NULL, 124.362,
      NAN },
    { 7, "helical-valley", 3, 3, r_helical_valley, NULL, NULL, x0_helical, NULL, 0, NAN },
    { 8, "bard", 3, 15, r_bard, NULL, NULL, x0_bard, NULL, 8.21487e-3, 17.4286 },
    { 9, "gaussian", 3, 15, r_gaussian, NULL, NULL, x0_gaussian, NULL, 1.12793e-8, NAN },
    { 10, "meyer", 3, 16, r_meyer, NULL, NULL, x0_meyer, NULL, 87.9458, NAN },
    { 11, "gulf", 3, 99, r_gulf, NULL, NULL, x0_gulf, NULL, 0, NAN },
    { 12, "box-3d", 3, 10, r_box3d, NULL, NULL, x0_box, NULL, 0, NAN },
    { 13, "powell-singular", 4, 4, r_powell_singular, NULL, NULL, x0_powell_s, NULL, 0, NAN },
    { 14, "wood", 4, 6, r_wood, NULL, NULL, x0_wood, NULL, 0, NAN },
    { 15, "kowalik-osborne", 4, 11, r_kowalik_osborne, NULL, NULL, x0_kowalik, NULL, 3.07505e-4,
      1.02734e-3 },
    { 16, "brown-dennis", 4, 20, r_brown_dennis, NULL, NULL, x0_brown_dennis, NULL, 85822.2,
      NAN },
    { 17, "osborne-1", 5, 33, r_osborne1, NULL, NULL, x0_osborne1, NULL, 5.46489e-5, NAN },
    { 18, "biggs-exp6", 6, 13, r_biggs_exp6, NULL, NULL, x0_biggs, NULL, 5.65565e-3, 0 },
    { 21, "ext-rosenbrock", 10, 10, NULL, opt_ext_rosenbrock_fdf, opt_ext_rosenbrock_hess, NULL,
      opt_ext_rosenbrock_start, 0, NAN },
    { 22, "ext-powell", 12, 12, NULL, opt_ext_powell_fdf, opt_ext_powell_hess, NULL,
      opt_ext_powell_start, 0, NAN },
    /* The paper gives only f = 0; the function has many local minima, and
     * from the standard start at n = 10 Newton's method (every variant here,
     * and L-BFGS) ends at a strict local one, f = 2.79506e-5. */
    { 26, "trigonometric", 10, 10, NULL, opt_trigonometric_fdf, opt_trigonometric_hess, NULL,
      opt_trigonometric_start, 0, 2.79506e-5 },
};

const opt_mgh_problem *opt_mgh_list(size_t *count)
{
    *count = sizeof mgh / sizeof *mgh;
    return mgh;
}

const opt_mgh_problem *opt_mgh_lookup(const char *name)
{
    for (size_t i = 0; name && i < sizeof mgh / sizeof *mgh; i++)
        if (strcmp(mgh[i].name, name) == 0)
            return &mgh[i];
    return NULL;
}

opt_objective opt_mgh_objective(const opt_mgh_problem *p)
{
    /* The n-dimensional ones read n through ctx: the struct's own n. */
    if (p->residual)
        return (opt_objective){ p->n, opt_mgh_fdf, opt_mgh_hess, (void *)p, p->name };
    return (opt_objective){ p->n, p->fdf, p->hess, (void *)&p->n, p->name };
}

void opt_mgh_start(const opt_mgh_problem *p, double *x)
{
    if (p->x0)
        memcpy(x, p->x0, p->n * sizeof *x);
    else
        p->start(x, p->n);
}

/* ---- Multiclass hinge loss with L2 ------------------------------------------------ */

double opt_hinge_fdf(const double *x, double *g, void *ctx)
{
    const opt_hinge *h = ctx;
    const size_t D = h->D, K = h->K, N = h->N;
    double loss = 0;
    if (g)
        memset(g, 0, K * D * sizeof *g);
    for (size_t i = 0; i < N; i++) {
        const double *xi = h->X + i * D;
        const size_t yi = (size_t)h->y[i];
        double sy = 0;
        for (size_t d = 0; d < D; d++)
            sy += x[yi * D + d] * xi[d];
        for (size_t k = 0; k < K; k++) {
            if (k == yi)
                continue;
            double sk = 0;
            for (size_t d = 0; d < D; d++)
                sk += x[k * D + d] * xi[d];
            const double margin = sk - sy + h->delta;
            if (margin > 0) {
                loss += margin;
                if (g) {
                    /* d margin / d W_k = x_i, d margin / d W_{y_i} = -x_i */
                    for (size_t d = 0; d < D; d++) {
                        g[k * D + d] += xi[d] / (double)N;
                        g[yi * D + d] -= xi[d] / (double)N;
                    }
                }
            }
        }
    }
    loss /= (double)N;
    double reg = 0;
    for (size_t j = 0; j < K * D; j++) {
        reg += x[j] * x[j];
        if (g)
            g[j] += 2 * h->lambda * x[j];
    }
    return loss + h->lambda * reg;
}

opt_objective opt_hinge_objective(opt_hinge *h)
{
    return (opt_objective){ h->K * h->D, opt_hinge_fdf, NULL, h, "hinge" };
}

/* ---- Registry ------------------------------------------------------------------ */

static opt_quad2 quad_axis = { 4, 0, 1 };           /* 4x^2 + y^2 */
static opt_quad2 quad_rot45 = { 2.5, 1.5, 2.5 };    /* diag(4,1) rotated 45 deg */
static opt_quad2 quad_ill45 = { 6.5, 5.5, 6.5 };    /* diag(12,1) rotated 45 deg */
static opt_rosenbrock rosen2 = { 2, 1, 100 };

static const opt_problem problems[] = {
    { "quadratic", "4 x^2 + y^2 (Lambda = diag(4, 1), unrotated)", 2,
      opt_quad2_fdf, opt_quad2_hess, &quad_axis, { -2.5, 2.5 } },
    { "quadratic-rotated", "x^T Q diag(4, 1) Q^T x, Q rotates by 45 degrees", 2,
      opt_quad2_fdf, opt_quad2_hess, &quad_rot45, { -2.5, 2.0 } },
    { "ill-conditioned", "x^T Q diag(12, 1) Q^T x, Q rotates by 45 degrees", 2,
      opt_quad2_fdf, opt_quad2_hess, &quad_ill45, { -2.5, 2.0 } },
    { "rosenbrock", "(1 - x)^2 + 100 (y - x^2)^2", 2,
      opt_rosenbrock_fdf, opt_rosenbrock_hess, &rosen2, { -1.2, 1.0 } },
    { "saddle", "x^2 - y^2", 2,
      opt_saddle_fdf, opt_saddle_hess, NULL, { 1.0, 0.01 } },
    { "beale", "(1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2", 2,
      opt_beale_fdf, opt_beale_hess, NULL, { 1.0, 1.5 } },
    { "himmelblau", "(x^2 + y - 11)^2 + (x + y^2 - 7)^2", 2,
      opt_himmelblau_fdf, opt_himmelblau_hess, NULL, { -0.5, -0.5 } },
    { "long-valley", "0.1 x^2 + 2 y^2", 2,
      opt_valley_fdf, opt_valley_hess, NULL, { -5.0, -2.0 } },
    { "cliff", "0.05 (x^2 + y^2) + 10 sigmoid(20 (x - 1))", 2,
      opt_cliff_fdf, opt_cliff_hess, NULL, { 3.0, 1.0 } },
};

const opt_problem *opt_problem_lookup(const char *name)
{
    if (!name)
        return NULL;
    for (size_t i = 0; i < sizeof problems / sizeof *problems; i++)
        if (strcmp(problems[i].name, name) == 0)
            return &problems[i];
    return NULL;
}

const opt_problem *opt_problem_list(size_t *count)
{
    *count = sizeof problems / sizeof *problems;
    return problems;
}

opt_objective opt_problem_objective(const opt_problem *p)
{
    return (opt_objective){ p->n, p->fdf, p->hess, p->ctx, p->name };
}
