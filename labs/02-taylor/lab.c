/**
# Lab 02 — Taylor series and the steepest direction

Gradient descent moves a point a little way along $-\nabla f$ and repeats.
Two questions hide in that sentence. Why should a *little* move be
predictable at all, when $f$ may be any complicated function? And why
$-\nabla f$, out of all the directions one could go?

Both answers come from one idea: near a point, a smooth function looks like
a polynomial, its **Taylor polynomial**. Keep the first-order terms and you
get a plane, whose steepest way down is $-\nabla f$; keep the second-order
terms too and you get a paraboloid whose shape is the **Hessian**, the
matrix of second derivatives, which says how the slope itself changes.
This lab builds both models and measures how good they are:

1. $e^x$ and its polynomials $P_1$, $P_2$, $P_3$;
2. the linear and quadratic models of a function of two variables, and
   how their errors shrink with the step;
3. the directional derivative, and why $-\nabla f$ is the steepest direction;
4. the saddle $x^2 - y^2$, where the gradient is zero and the Hessian
   alone tells what happens.

It ends with two exercises. Run it with `make lab02 && build/bin/lab02`;
`build/bin/lab02 --help` lists the parameters, and `--set` changes one, as
in `build/bin/lab02 --set probe=1`.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_fit.h>
#include "opt.h"
#include "spectrum.h"
#include "exercise.h"

/**
## The parameters

Every number below is a parameter with a default, written out again in
`labs/02-taylor/params.lua`; copy that file, edit it and pass it with
`--config`.
*/
static const opt_param params[] = {
    /* Part 1: e^x and its Taylor polynomials */
    { "exp_range", OPT_T_LIST, "{-2, 2}", -20, 20, "x interval over which e^x and P1..P3 are drawn" },
    { "exp_points", OPT_T_INT, "201", 2, 100000, "points drawn in exp_range" },
    { "probe", OPT_T_NUMBER, "0.5", -20, 20, "x at which the errors of P1, P2, P3 are quoted" },
    /* Parts 2 and 3: a function of two variables */
    { "objective", OPT_T_STRING, "'rosenbrock'", 0, 0,
      "a built-in 2-D problem with a Hessian (rosenbrock, beale, himmelblau, ...)" },
    { "point", OPT_T_LIST, "{-0.5, 0.5}", -1e6, 1e6, "the point x0 the models are built at" },
    { "direction", OPT_T_LIST, "{1, 1}", -1e6, 1e6,
      "the steps are t d with d this vector normalized to length 1" },
    { "step_range", OPT_T_LIST, "{1e-4, 1}", 1e-12, 1e6, "smallest and largest step t" },
    { "steps_per_decade", OPT_T_INT, "8", 1, 100, "steps t tried per factor of 10" },
    { "fit_range", OPT_T_LIST, "{1e-4, 1e-2}", 1e-12, 1e6,
      "steps over which the slopes of the errors are fitted" },
    { "slice", OPT_T_NUMBER, "0.5", 1e-6, 1e6, "the slice figure shows t in [-slice, slice]" },
    { "model_step", OPT_T_NUMBER, "0.1", -1e6, 1e6, "the step t at which the models' values are quoted" },
    { "angle_step", OPT_T_NUMBER, "1", 0.01, 90, "degrees between the unit directions tried" },
    { "h_slope", OPT_T_NUMBER, "1e-5", 1e-12, 1, "step of the central difference along a direction" },
    /* Part 4: the saddle */
    { "saddle_range", OPT_T_NUMBER, "2", 0.01, 1e3, "the saddle is drawn on [-r, r]^2" },
};

static const opt_lab_info info =
    OPT_LAB_INFO("02-taylor", "Taylor series and the steepest direction", params);

static opt_lab *lab;

/**
## Your functions, or the reference

The lab calls the two functions you write in `exercise.c`. While one is a
stub returning `OPT_ENOTIMPL`, the lab says so once and computes the same
thing itself, so every number and figure exists from the start. Each call
goes through a small wrapper that makes this choice; the second one comes
with the part that uses it.
*/
static double quadratic_model(double f0, const double *g, const double *H, const double *delta,
                              size_t n)
{
    double value = NAN;
    int status = taylor2_model(f0, g, H, delta, n, &value);
    if (status == OPT_ENOTIMPL) {
        opt_lab_not_implemented(lab, "taylor2_model");
        double curvature = 0;
        for (size_t i = 0; i < n; i++)
            curvature += delta[i] * opt_dot(H + i * n, delta, n);
        value = f0 + opt_dot(g, delta, n) + 0.5 * curvature;
        status = OPT_OK;
    }
    if (status != OPT_OK)
        opt_lab_die(lab, "taylor2_model returned '%s'", opt_strerror(status));
    return value;
}

/**
## 1. A function as a polynomial: $e^x$ near 0

If $f$ can be differentiated as often as we like, then near a point $x_0$

$$f(x) = f(x_0) + f'(x_0)(x - x_0) + \tfrac{1}{2} f''(x_0)(x - x_0)^2
       + \tfrac{1}{3!} f'''(x_0)(x - x_0)^3 + \cdots
       = \sum_{k \ge 0} \frac{f^{(k)}(x_0)}{k!}(x - x_0)^k .$$

Cut the sum after the term of degree $k$ and you have the Taylor
polynomial $P_k$. What is left over is dominated by the first term dropped:
with $\epsilon = |x - x_0| \ll 1$, $\epsilon^2$ is much smaller than
$\epsilon$, $\epsilon^3$ smaller still, so $P_1$ is off by $O(\epsilon^2)$,
$P_2$ by $O(\epsilon^3)$, and so on. The nearer we stay to $x_0$, the fewer
terms we need.

The exponential is the friendliest example: every derivative of $e^x$ is
$e^x$, which is 1 at $x_0 = 0$, so

$$P_1(x) = 1 + x, \qquad P_2(x) = 1 + x + \frac{x^2}{2}, \qquad
  P_3(x) = 1 + x + \frac{x^2}{2} + \frac{x^3}{6}.$$

The code sums $x^j / j!$ for $j \le k$ over `exp_range` ($[-2, 2]$), and
quotes the error of each polynomial at $x$ = `probe` (0.5).
*/
/* A two-entry list parameter {lo, hi} with lo < hi. */
static void interval(const char *key, double *lo, double *hi)
{
    double v[2];
    if (opt_lab_list(lab, key, v, 2) != 2 || !(v[0] < v[1]))
        opt_lab_bad_param(lab, key, "expected {lo, hi} with lo < hi");
    *lo = v[0];
    *hi = v[1];
}

static double exp_taylor(double x, int k)
{
    double term = 1, sum = 1;     /* the j = 0 term */
    for (int j = 1; j <= k; j++) {
        term *= x / j;            /* x^j / j! */
        sum += term;
    }
    return sum;
}

static void exp_polynomials(void)
{
    opt_lab_section(lab, "1. e^x and its Taylor polynomials at 0");
    double a, b;
    interval("exp_range", &a, &b);
    const long points = opt_lab_int(lab, "exp_points");
    opt_table *t = opt_lab_table(lab, "exp-taylor", "x\texp\tP1\tP2\tP3");
    for (long i = 0; i < points; i++) {
        const double x = a + (b - a) * (double)i / (double)(points - 1);
        opt_table_rowv(t, x, exp(x), exp_taylor(x, 1), exp_taylor(x, 2), exp_taylor(x, 3));
    }
    opt_table_close(t);

    const double x = opt_lab_number(lab, "probe");
    opt_lab_printf(lab, "  at x = %g: e^x = %.6f\n", x, exp(x));
    opt_lab_quote(lab, "exp_probe", exp(x), "%.6f", "e^x at the probe");
    char text[96];
    for (int k = 1; k <= 3; k++) {
        snprintf(text, sizeof text, "e^x - P%d(x)", k);
        opt_lab_quotef(lab, exp(x) - exp_taylor(x, k), "%.6f", text, "p%d_error", k);
        snprintf(text, sizeof text, "  the first term P%d leaves out, x^%d/%d!", k, k + 1, k + 1);
        opt_lab_quotef(lab, exp_taylor(x, k + 1) - exp_taylor(x, k), "%.6f", text, "p%d_next_term",
                       k);
    }
    char vars[64];
    snprintf(vars, sizeof vars, "xmin=%.17g; xmax=%.17g", a, b);
    opt_lab_figure(lab, "02-exp-taylor", vars);
}

/**
![$e^x$ and its Taylor polynomials $P_1$, $P_2$, $P_3$ at 0.](02-exp-taylor.svg)

Near 0 all three hug the curve; further out each one peels away, $P_1$
first and $P_3$ last. At $x = 0.5$, $e^{0.5} = 1.648721$: the line $P_1$
misses by 0.1487, $P_2$ by 0.0237 and $P_3$ by 0.0029, and each error is a
little more than the first term left out ($x^2/2 = 0.125$, $x^3/6 =
0.0208$, $x^4/24 = 0.0026$), the rest being the smaller terms after it.
For $x < 0$ the signs of the terms alternate, and the polynomials
overshoot on alternate sides.

*Question.* Set `probe=0.05`. By what factor does each error shrink
compared with `probe=0.5`? Which power of ten did you expect for $P_1$,
$P_2$, $P_3$?

## 2. Two variables: the linear and the quadratic model

For $f : \mathbb{R}^n \to \mathbb{R}$ and a small step $\Delta$ the same
expansion reads

$$f(x + \Delta) = \underbrace{f(x)}_{\text{constant}}
  + \underbrace{\nabla f(x)^\top \Delta}_{\text{linear}}
  + \underbrace{\tfrac{1}{2}\,\Delta^\top H(x)\, \Delta}_{\text{quadratic}}
  + \cdots,
  \qquad H_{ij} = \frac{\partial^2 f}{\partial x_i\, \partial x_j}.$$

The gradient $g = \nabla f(x)$ is the vector of first derivatives; the
**Hessian** $H$ is the symmetric $n \times n$ matrix of second
derivatives. Keeping the first two terms gives the *linear model*
$m_1(\Delta) = f + g^\top \Delta$; keeping three gives the *quadratic
model* $m_2(\Delta) = m_1(\Delta) + \frac{1}{2}\Delta^\top H \Delta$ (your
first exercise). Along a line $\Delta = t\,d$ with $\|d\| = 1$, the
dropped terms are of order $t^2$ and $t^3$, so on a log–log plot the
errors $|f(x + t d) - m_1|$ and $|f(x + t d) - m_2|$ should fall along
lines of slope 2 and 3.

We test it on Rosenbrock's function
$f(x, y) = (1 - x)^2 + 100\,(y - x^2)^2$ at $x_0$ = `point` $= (-0.5, 0.5)$,
along $d$ = `direction` $= (1, 1)/\sqrt 2$, with the library's analytic
gradient and Hessian. By hand: $f(x_0) = 1.5^2 + 100 \cdot 0.25^2 = 8.5$,

$$g = \begin{pmatrix} -2(1 - x) - 400\,x\,(y - x^2) \\ 200\,(y - x^2) \end{pmatrix}
    = \begin{pmatrix} 47 \\ 50 \end{pmatrix}, \qquad
  H = \begin{pmatrix} 2 - 400\,(y - 3x^2) & -400\,x \\ -400\,x & 200 \end{pmatrix}
    = \begin{pmatrix} 102 & 200 \\ 200 & 200 \end{pmatrix}.$$
*/
/* Least-squares slope and intercept of log10(y) against log10(x) over the
 * rows with x in [lo, hi] and y > 0. */
static void fit_loglog(const double *x, const double *y, size_t rows, double lo, double hi,
                       double *slope, double *intercept)
{
    double *lx = opt_lab_alloc(lab, rows, sizeof *lx), *ly = opt_lab_alloc(lab, rows, sizeof *ly);
    size_t m = 0;
    for (size_t i = 0; i < rows; i++)
        if (x[i] >= lo * (1 - 1e-9) && x[i] <= hi * (1 + 1e-9) && y[i] > 0) {
            lx[m] = log10(x[i]);
            ly[m++] = log10(y[i]);
        }
    double c00, c01, c11, ss;
    *slope = *intercept = NAN;
    if (m >= 2)
        gsl_fit_linear(lx, 1, ly, 1, m, intercept, slope, &c00, &c01, &c11, &ss);
    free(lx);
    free(ly);
}

typedef struct model_point {
    opt_objective f;
    double x0[2], f0, g[2], H[4], d[2];
} model_point;

/* The objective, x0, f, g and H there, and the unit direction d. */
static void build_point(model_point *m)
{
    const opt_problem *p = opt_problem_lookup(opt_lab_string(lab, "objective"));
    m->f = opt_problem_objective(p);        /* checked in check_parameters */
    opt_lab_list(lab, "point", m->x0, 2);
    opt_lab_list(lab, "direction", m->d, 2);
    const double len = opt_norm2(m->d, 2);
    m->d[0] /= len;
    m->d[1] /= len;
    m->f0 = opt_eval(&m->f, m->x0, m->g);
    if (!isfinite(m->f0) || m->f.hess(m->x0, m->H, m->f.ctx) != OPT_OK)
        opt_lab_die(lab, "%s cannot be evaluated at the point", p->name);
}

/* f(x0 + t d), and the two models there. */
static void models_at(const model_point *m, double t, double *fx, double *m1, double *m2)
{
    const double delta[2] = { t * m->d[0], t * m->d[1] };
    const double x[2] = { m->x0[0] + delta[0], m->x0[1] + delta[1] };
    *fx = opt_eval(&m->f, x, NULL);
    *m1 = m->f0 + opt_dot(m->g, delta, 2);
    *m2 = quadratic_model(m->f0, m->g, m->H, delta, 2);
}

static void taylor_models(const model_point *m)
{
    opt_lab_section(lab, "2. The linear and quadratic models of a function of two variables");
    double eig[2];
    opt_sym_eigenvalues(m->H, 2, eig);      /* finite: checked in build_point */
    opt_lab_printf(lab, "  %s at x0 = (%g, %g), d = (%.4f, %.4f)\n", opt_lab_string(lab, "objective"),
                   m->x0[0], m->x0[1], m->d[0], m->d[1]);
    opt_lab_quote(lab, "f0", m->f0, "%g", "f(x0)");
    opt_lab_quote(lab, "g1", m->g[0], "%g", "g1 = df/dx");
    opt_lab_quote(lab, "g2", m->g[1], "%g", "g2 = df/dy");
    opt_lab_quote(lab, "h11", m->H[0], "%g", "H11");
    opt_lab_quote(lab, "h12", m->H[1], "%g", "H12 = H21");
    opt_lab_quote(lab, "h22", m->H[3], "%g", "H22");
    opt_lab_quote(lab, "hessian_eig_min", eig[0], "%.1f", "smallest eigenvalue of H");
    opt_lab_quote(lab, "hessian_eig_max", eig[1], "%.1f", "largest eigenvalue of H");

    /* The errors on a log-spaced grid of steps t. */
    double lo, hi, fit_lo, fit_hi;
    interval("step_range", &lo, &hi);
    interval("fit_range", &fit_lo, &fit_hi);
    const double per_decade = (double)opt_lab_int(lab, "steps_per_decade");
    const size_t rows = (size_t)floor(per_decade * log10(hi / lo) + 1e-9) + 1;
    double *t = opt_lab_alloc(lab, rows, sizeof *t), *e1 = opt_lab_alloc(lab, rows, sizeof *e1),
           *e2 = opt_lab_alloc(lab, rows, sizeof *e2);
    opt_table *tab = opt_lab_table(lab, "taylor-error", "t\tf\tlinear\tquadratic\terror_linear\terror_quadratic");
    for (size_t i = 0; i < rows; i++) {
        double fx, m1, m2;
        t[i] = lo * pow(10, (double)i / per_decade);
        models_at(m, t[i], &fx, &m1, &m2);
        e1[i] = fabs(fx - m1);
        e2[i] = fabs(fx - m2);
        opt_table_rowv(tab, t[i], fx, m1, m2, e1[i], e2[i]);
    }
    opt_table_close(tab);
    double s1, c1, s2, c2;
    fit_loglog(t, e1, rows, fit_lo, fit_hi, &s1, &c1);
    fit_loglog(t, e2, rows, fit_lo, fit_hi, &s2, &c2);
    opt_lab_quote(lab, "slope_linear", s1, "%.3f", "fitted slope of the linear model's error (theory 2)");
    opt_lab_quote(lab, "slope_quadratic", s2, "%.3f", "fitted slope of the quadratic model's error (theory 3)");

    /* The models at one step, and along a slice through x0. */
    double fx, m1, m2;
    const double ts = opt_lab_number(lab, "model_step");
    models_at(m, ts, &fx, &m1, &m2);
    opt_lab_printf(lab, "  at t = %g:\n", ts);
    opt_lab_quote(lab, "f_at_step", fx, "%.6f", "  f(x0 + t d)");
    opt_lab_quote(lab, "linear_at_step", m1, "%.6f", "  linear model m1");
    opt_lab_quote(lab, "quadratic_at_step", m2, "%.6f", "  quadratic model m2");
    const double r = opt_lab_number(lab, "slice");
    tab = opt_lab_table(lab, "model-slice", "t\tf\tlinear\tquadratic");
    for (int i = 0; i <= 200; i++) {
        const double ti = -r + 2 * r * i / 200.0;
        models_at(m, ti, &fx, &m1, &m2);
        opt_table_rowv(tab, ti, fx, m1, m2);
    }
    opt_table_close(tab);

    /* A fit fails (NaN) when a model is exact, as on a quadratic f: gnuplot
     * spells that NaN, and then draws no reference line. */
    char vars[256], n1[32] = "NaN", n2[32] = "NaN";
    if (!isnan(c1))
        snprintf(n1, sizeof n1, "%.17g", c1);
    if (!isnan(c2))
        snprintf(n2, sizeof n2, "%.17g", c2);
    snprintf(vars, sizeof vars, "c_linear=%s; c_quadratic=%s; fit_lo=%.17g; fit_hi=%.17g", n1, n2,
             fit_lo, fit_hi);
    opt_lab_figure(lab, "02-taylor-error", vars);
    snprintf(vars, sizeof vars, "x0='(%g, %g)'; d='(%.3g, %.3g)'; r=%.17g", m->x0[0], m->x0[1],
             m->d[0], m->d[1], r);
    opt_lab_figure(lab, "02-model-slice", vars);
    free(t);
    free(e1);
    free(e2);
}

/**
![$f$ along the line $x_0 + t\,d$, with the linear and the quadratic
model built at $t = 0$.](02-model-slice.svg)

The line is tangent to $f$ at $t = 0$ and nothing more. The parabola also
bends the right way at first, and stays close for a while: at $t = 0.1$,
$f = 16.975$, the quadratic model says 17.114 and the linear one 15.359.
The Hessian here is not positive definite — its eigenvalues are about 357
and $-55$ — so the quadratic model is itself a saddle, curving down along
one direction. A model describes $f$ near $x_0$; it need not have a
minimum.

![Error of the linear and quadratic models against the step $t$
(log–log), with lines of slope 2 and 3.](02-taylor-error.svg)

The measured errors fall on the two slopes: the fitted slopes over
$10^{-4} \le t \le 10^{-2}$ are 2.00 and 3.00. Each step ten times
shorter makes the linear model 100 times and the quadratic model 1000
times more accurate. For long steps the picture breaks down: near $t = 1$
the neglected terms are as big as the kept ones, and neither model says
much.

*Question.* Try `--set "objective='quadratic'"` (the function $4x^2 +
y^2$). What happens to the quadratic model's error, and why is its fitted
slope no longer 3?

## 3. The steepest direction

Which direction should a small step take? Write the step as $\eta v$ with
a direction $v$ and a small $\eta > 0$. The linear model says

$$f(x + \eta v) \approx f(x) + \eta\, v^\top g ,$$

so the rate of change along $v$, per unit length moved, is the
**directional derivative** $v^\top g / \|v\|$. With $\theta$ the angle
between $v$ and $g$,

$$\frac{v^\top g}{\|v\|} = \|g\| \cos\theta ,$$

and only $\theta$ matters. It is smallest, $-\|g\|$, at $\theta =
180^\circ$: $v$ pointing opposite to $g$. The **steepest descent**
direction is $v = -g$ (as a unit vector, $-g / \|g\|$), and the fastest
rate of decrease is the gradient's length. (That "steepest" is measured in
the Euclidean length $\|v\|$; measure the step in another norm and the
steepest direction changes.)

We check it on Rosenbrock at $x_0$: for unit vectors $v = (\cos\varphi,
\sin\varphi)$, $\varphi$ every `angle_step` (1) degree, we compute $v^\top
g$, and also the actual slope of $f$ along $v$ by a central difference
with step `h_slope`, $(f(x_0 + h v) - f(x_0 - h v)) / 2h$.
*/
/* The student's steepest unit direction; its status is returned, since at
 * a stationary point refusing is the right answer. */
static int steepest_direction(const double *g, size_t n, double *v)
{
    int status = steepest_unit_direction(g, n, v);
    if (status == OPT_ENOTIMPL) {
        opt_lab_not_implemented(lab, "steepest_unit_direction");
        const double norm = opt_norm2(g, n);
        if (!(norm > 0))
            return OPT_EINVAL;
        for (size_t i = 0; i < n; i++)
            v[i] = -g[i] / norm;
        status = OPT_OK;
    }
    return status;
}

static void steepest_descent(const model_point *m)
{
    opt_lab_section(lab, "3. The directional derivative and the steepest direction");
    const double gnorm = opt_norm2(m->g, 2), h = opt_lab_number(lab, "h_slope");
    const double pi = acos(-1.0), step = opt_lab_number(lab, "angle_step");
    const long count = (long)floor(360 / step + 1e-9);
    opt_table *t = opt_lab_table(lab, "directional", "angle\tdot\tslope");
    double best = INFINITY, best_angle = NAN;
    for (long k = 0; k <= count; k++) {
        const double phi = (double)k * step, v[2] = { cos(phi * pi / 180), sin(phi * pi / 180) };
        const double plus[2] = { m->x0[0] + h * v[0], m->x0[1] + h * v[1] };
        const double minus[2] = { m->x0[0] - h * v[0], m->x0[1] - h * v[1] };
        const double dot = opt_dot(v, m->g, 2);
        const double slope = (opt_eval(&m->f, plus, NULL) - opt_eval(&m->f, minus, NULL)) / (2 * h);
        opt_table_rowv(t, phi, dot, slope);
        if (dot < best) {
            best = dot;
            best_angle = phi;
        }
    }
    opt_table_close(t);

    double angle_g = atan2(m->g[1], m->g[0]) * 180 / pi;
    if (angle_g < 0)
        angle_g += 360;
    opt_lab_quote(lab, "gradient_norm", gnorm, "%.4f", "||g||");
    opt_lab_quote(lab, "gradient_angle", angle_g, "%.2f", "angle of g (degrees)");
    opt_lab_quote(lab, "steepest_angle", best_angle, "%g",
                  "angle of the direction with the most negative v^T g (degrees)");
    opt_lab_quote(lab, "min_directional", best, "%.4f", "that directional derivative");

    /* Your steepest_unit_direction, and the actual slope of f along it. */
    double v[2];
    int status = steepest_direction(m->g, 2, v);
    if (status == OPT_EINVAL && gnorm == 0) {
        opt_lab_printf(lab, "  g = 0 at this point: there is no steepest direction\n");
        return;
    }
    if (status != OPT_OK)
        opt_lab_die(lab, "steepest_unit_direction returned '%s' for g = (%g, %g)",
                    opt_strerror(status), m->g[0], m->g[1]);
    const double plus[2] = { m->x0[0] + h * v[0], m->x0[1] + h * v[1] };
    const double minus[2] = { m->x0[0] - h * v[0], m->x0[1] - h * v[1] };
    opt_lab_printf(lab, "  steepest_unit_direction gives v = (%.6f, %.6f)\n", v[0], v[1]);
    opt_lab_quote(lab, "steepest_v1", v[0], "%.6f", "v1");
    opt_lab_quote(lab, "steepest_v2", v[1], "%.6f", "v2");
    opt_lab_quote(lab, "steepest_length", opt_norm2(v, 2), "%.6f", "||v||");
    opt_lab_quote(lab, "steepest_dot", opt_dot(v, m->g, 2), "%.4f", "v^T g");
    opt_lab_quote(lab, "steepest_slope",
                  (opt_eval(&m->f, plus, NULL) - opt_eval(&m->f, minus, NULL)) / (2 * h), "%.4f",
                  "slope of f along v, central difference");

    char vars[128];
    snprintf(vars, sizeof vars, "gnorm=%.17g; angle_g=%.17g", gnorm, angle_g);
    opt_lab_figure(lab, "02-directional", vars);
}

/**
![The directional derivative $v^\top g$ of Rosenbrock's function at $x_0$
for unit vectors $v$ at angle $\varphi$, with the slope of $f$ measured
along each $v$.](02-directional.svg)

The curve is a cosine of amplitude $\|g\| = \sqrt{47^2 + 50^2} = 68.62$,
highest at the gradient's own angle, 46.77°, and lowest half a turn
later: on the one-degree grid the minimum is at 227°, with value
$-68.62$. The measured slopes sit on the curve — for a short enough step
the linear model is the truth. Your `steepest_unit_direction` returns
$v = -g/\|g\| = (-0.684910, -0.728628)$, of length 1, along which $f$
falls at the rate $v^\top g = -\|g\| = -68.62$ per unit moved; no other
direction does better. Directions at right angles to $g$ (the zeros of the
curve, at 136.77° and 316.77°) follow the contour line: to first order
they leave $f$ unchanged.

*Question.* The steepest direction changes if "unit step" is measured
differently. Among the $v$ with $\max_i |v_i| = 1$, which one makes $v^\top
g$ smallest, and how small? (Hint: choose each $v_i$ on its own.)

## 4. Where the gradient vanishes: the saddle $x^2 - y^2$

Gradient descent stops moving where $g = 0$: a **stationary point**. A
minimum is one, but not the only kind. Take

$$f(x, y) = x^2 - y^2, \qquad \nabla f = (2x, -2y), \qquad
  H = \begin{pmatrix} 2 & 0 \\ 0 & -2 \end{pmatrix}.$$

At the origin the gradient is zero, so the linear model is flat and
there *is* no steepest direction — your function must refuse to produce
one. The quadratic model tells what is going on: the Hessian's eigenvalues
are $+2$ and $-2$, so $f$ curves up along $x$ (a minimum along that line)
and down along $y$ (a maximum along that one). It is a **saddle point**.
Since $f$ is itself quadratic, the model is exact: $m_2(t, 0) = t^2$ and
$m_2(0, t) = -t^2$.
*/
static void saddle(void)
{
    opt_lab_section(lab, "4. The saddle x^2 - y^2");
    opt_objective f = opt_saddle_objective();
    const double origin[2] = { 0, 0 };
    double g[2], H[4], eig[2], v[2] = { NAN, NAN };
    const double f0 = opt_eval(&f, origin, g);
    f.hess(origin, H, f.ctx);
    opt_sym_eigenvalues(H, 2, eig);
    opt_lab_quote(lab, "saddle_gradient_norm", opt_norm2(g, 2), "%g", "||g|| at the origin");
    opt_lab_quote(lab, "saddle_eig_min", eig[0], "%g", "smallest Hessian eigenvalue");
    opt_lab_quote(lab, "saddle_eig_max", eig[1], "%g", "largest Hessian eigenvalue");

    const int status = steepest_direction(g, 2, v);
    opt_lab_printf(lab, "  steepest_unit_direction at g = 0 returns '%s'%s\n", opt_strerror(status),
                   status == OPT_EINVAL ? " (right: there is no steepest direction)"
                                        : " (it should refuse: OPT_EINVAL)");
    opt_lab_record(lab, "saddle_direction_refused", status == OPT_EINVAL);

    const double along_x[2] = { 1, 0 }, along_y[2] = { 0, 1 };
    opt_lab_quote(lab, "saddle_model_x", quadratic_model(f0, g, H, along_x, 2), "%g",
                  "quadratic model at (1, 0)");
    opt_lab_quote(lab, "saddle_model_y", quadratic_model(f0, g, H, along_y, 2), "%g",
                  "quadratic model at (0, 1)");

    /* The surface on a grid, rows separated by blank lines for gnuplot. */
    const double r = opt_lab_number(lab, "saddle_range");
    opt_table *t = opt_lab_table(lab, "saddle-grid", "x\ty\tf");
    const int cells = 80;
    for (int i = 0; i <= cells; i++) {
        for (int j = 0; j <= cells; j++) {
            const double p[2] = { -r + 2 * r * i / cells, -r + 2 * r * j / cells };
            opt_table_rowv(t, p[0], p[1], opt_eval(&f, p, NULL));
        }
        fputc('\n', opt_table_file(t));
    }
    opt_table_close(t);
    char vars[64];
    snprintf(vars, sizeof vars, "r=%.17g", r);
    opt_lab_figure(lab, "02-saddle", vars);
}

/**
![The saddle $f = x^2 - y^2$. Left, the surface: along $x$ it curves
up, along $y$ down. Right, its contour lines and the descent directions
$-\nabla f$, which point towards the origin along $x$ and away from it
along $y$.](02-saddle.svg)

The contours are hyperbolas crossing at the origin; along the $x$ axis the
surface is a valley, along the $y$ axis a ridge. A point started exactly
on the $x$ axis slides by gradient descent into the origin and stays
there, since the gradient has no $y$ component to push it off; a point a
hair away from the axis eventually leaves along $y$, but slowly, because
near the origin the gradient is tiny. In many dimensions stationary
points with eigenvalues of both signs vastly outnumber minima, which is
why saddles matter for training neural networks (lab 14).

*Question.* Change one sign: what are the stationary point and the
eigenvalues of $x^2 + y^2$, and of $-x^2 - y^2$? Which of the three would
gradient descent find, started near the origin?

## Exercises

Write the two functions declared in `labs/02-taylor/exercise.h`; their
doc comments there are the full assignment. Put your code in
`labs/02-taylor/exercise.c`, in place of the stubs.

1. `taylor2_model(f0, g, H, delta, n, &value)` — the quadratic model
   $f_0 + g^\top\Delta + \frac{1}{2}\Delta^\top H \Delta$ in $n$
   dimensions. Part 2 uses it for every value of $m_2$, and part 4 on the
   saddle.
2. `steepest_unit_direction(g, n, v)` — the unit vector $-g/\|g\|$, and a
   refusal (`OPT_EINVAL`) where $g = 0$. Part 3 prints it and measures the
   slope of $f$ along it; part 4 checks that it refuses at the saddle.

**How they are checked.** `make grade LAB=02` compiles your `exercise.c`
with the tests in `tests/grade/02-taylor.c` and prints a score table (10
points per exercise); each failed test says what it checked, what it
expected, what came back, and a hint. The tests use models whose values
are known exactly ($e^x$'s $P_2$, quadratic functions, which the model
reproduces), the length and angle of your direction, gradients with huge
and tiny entries, and the status codes; some tests are hidden until after
the deadline. Then rerun the lab: the "not implemented yet" notes
disappear, and the numbers and figures should match the reference run.
*/
/* Parameters whose shape the schema cannot express, checked before any
 * output is written (a bad one exits 2 naming the key). */
static void check_parameters(void)
{
    double lo, hi, v[3];
    interval("exp_range", &lo, &hi);
    interval("step_range", &lo, &hi);
    interval("fit_range", &lo, &hi);
    const opt_problem *p = opt_problem_lookup(opt_lab_string(lab, "objective"));
    if (!p || p->n != 2 || !p->hess)
        opt_lab_bad_param(lab, "objective", "'%s' is not a built-in 2-D problem with a Hessian "
                          "(try rosenbrock, beale, himmelblau, saddle, quadratic)",
                          opt_lab_string(lab, "objective"));
    if (opt_lab_list(lab, "point", v, 3) != 2)
        opt_lab_bad_param(lab, "point", "expected two numbers {x, y}");
    if (opt_lab_list(lab, "direction", v, 3) != 2 || !(opt_norm2(v, 2) > 0))
        opt_lab_bad_param(lab, "direction", "expected two numbers {dx, dy}, not both 0");
}

int main(int argc, char **argv)
{
    lab = opt_lab_start(&info, argc, argv);
    check_parameters();
    exp_polynomials();
    model_point m;
    build_point(&m);
    taylor_models(&m);
    steepest_descent(&m);
    saddle();
    return opt_lab_finish(lab);
}
