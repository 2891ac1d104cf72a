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
