/**
# Lab 01 — Gradients: numerical, analytic, checked

Training a model means making a loss $L(W)$ small by changing the parameters
$W$, and a deep network has millions of them. What can we do with such a
function? The bluntest idea is to *guess*: draw $W$ at random many times and
keep the best draw. It asks nothing of $L$ but its value, and it is hopeless
in many dimensions, because almost every random direction is a bad one.

The better idea is to *follow the slope*. In one dimension the slope is the
derivative,

$$\frac{df}{dx} = \lim_{h \to 0} \frac{f(x + h) - f(x)}{h},$$

and in $n$ dimensions it is the **gradient** $\nabla f$, the vector of the
$n$ partial derivatives. The rate of change of $f$ along a unit direction $u$
is the dot product $u^\top \nabla f$; it is most negative for
$u = -\nabla f / \lVert \nabla f \rVert$, so the negative gradient is the
direction of steepest descent.

There are two ways to get a gradient:

* **numerically**, from the definition with a small $h$: easy to write, but
  approximate, and slow — one or two evaluations of $f$ per coordinate;
* **analytically**, with calculus: exact and fast (about the cost of one
  evaluation, whatever $n$ is), but easy to get wrong.

Practice combines them: compute the analytic gradient, and test it against
the numerical one. That test is the **gradient check**. This lab takes the
pieces in turn:

1. how accurate a finite difference is, and which step $h$ to use;
2. the gradient check, on the multiclass hinge (SVM) loss;
3. backpropagation by hand: the chain rule, one gate at a time;
4. random search against following the slope, on the same loss.

It ends with three exercises. Run it with `make lab01 && build/bin/lab01`;
`build/bin/lab01 --help` lists every parameter, and `--set` changes one, as
in `build/bin/lab01 --set 'points=10'`.
*/
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_fit.h>
#include <gsl/gsl_randist.h>
#include "opt.h"
#include "neuron.h"
#include "exercise.h"

/**
## The parameters

Every number this lab uses is a parameter with a default; the same defaults
are written out in `labs/01-gradients/params.lua`, which you can copy, edit
and pass with `--config`.
*/
static const opt_param params[] = {
    /* Part 1: finite differences */
    { "f", OPT_T_FUNCTION, "function(x) return math.sin(x) end", 0, 0,
      "the smooth function whose derivative part 1 estimates" },
    { "df", OPT_T_FUNCTION, "function(x) return math.cos(x) end", 0, 0,
      "its exact derivative, to measure the error against" },
    { "x_range", OPT_T_LIST, "{-3, 3}", 0, 0,
      "the error is averaged over points evenly spread in this interval" },
    { "points", OPT_T_INT, "100", 1, 100000, "how many points the error is averaged over" },
    { "h_min", OPT_T_NUMBER, "1e-15", 1e-300, 1, "the smallest step h tried" },
    { "h_max", OPT_T_NUMBER, "1", 1e-300, 100, "the largest step h tried" },
    { "h_per_decade", OPT_T_INT, "8", 1, 100, "steps tried per factor of 10" },
    { "fit_range", OPT_T_LIST, "{1e-4, 1e-1}", 1e-300, 100,
      "steps where truncation dominates: the slopes 1 and 2 are fitted there" },
    { "roundoff_range", OPT_T_LIST, "{1e-13, 1e-10}", 1e-300, 100,
      "steps where round-off dominates: the slope -1 is fitted there" },
    /* Parts 2 and 4: the hinge loss and its data */
    { "examples", OPT_T_INT, "200", 1, 100000, "N, the number of training examples" },
    { "features", OPT_T_INT, "9", 1, 1000,
      "features per example (a constant 1 is appended for the bias)" },
    { "classes", OPT_T_INT, "4", 2, 100, "K, the number of classes" },
    { "delta", OPT_T_NUMBER, "1", 0, 100, "the hinge's margin" },
    { "lambda", OPT_T_NUMBER, "0.01", 0, 100,
      "strength of the L2 penalty lambda * sum W^2" },
    { "w_scale", OPT_T_NUMBER, "1", 0, 100,
      "standard deviation of W at the gradient-check point" },
    { "h_check", OPT_T_NUMBER, "1e-5", 1e-300, 1,
      "step of the central differences in the gradient check" },
    /* Part 3: backpropagation by hand */
    { "xyz", OPT_T_LIST, "{-2, 5, -4}", 0, 0, "x, y, z for f = (x + y) z" },
    { "neuron_w", OPT_T_LIST, "{2, -3, -3}", 0, 0, "w0, w1, w2 of the sigmoid neuron" },
    { "neuron_x", OPT_T_LIST, "{-1, -2}", 0, 0, "x0, x1 of the sigmoid neuron" },
    /* Part 4: random search against gradient descent */
    { "evaluations", OPT_T_INT, "1000", 1, 10000000,
      "budget of loss evaluations for each method" },
    { "search_scale", OPT_T_NUMBER, "0.3", 0, 100,
      "standard deviation of the random draws of W" },
    { "lr", OPT_T_NUMBER, "0.2", 0, 100, "learning rate of gradient descent" },
    { "gradient_cost", OPT_T_NUMBER, "2", 1, 1e6,
      "cost of one loss-and-analytic-gradient evaluation, in loss evaluations" },
};

static const opt_lab_info info =
    OPT_LAB_INFO("01-gradients", "Gradients: numerical, analytic, checked", params);

/* The running lab: the exercise wrappers below report through it. */
static opt_lab *lab;

/**
## Your functions, or the reference

The lab calls the three functions you write in `exercise.c` (see the end of
this page). While one is still a stub returning `OPT_ENOTIMPL`, the lab says
so once and uses the library's reference, so every number and figure below
exists from the start; once you implement it, they come from your code.
Each call goes through a small wrapper that makes this choice, written next
to the part that first uses it; the first one is here.
*/
static int central_gradient(const opt_objective *f, const double *x, double h, double *grad)
{
    int status = central_difference_gradient(f, x, h, grad);
    if (status == OPT_ENOTIMPL) {
        opt_lab_not_implemented(lab, "central_difference_gradient");
        status = opt_grad_central(f, x, h, grad);
    }
    return status;
}

/**
## 1. Finite differences: which step $h$?

Taylor's theorem says how far a difference quotient is from the derivative.
Expanding $f$ around $x$,

$$f(x \pm h) = f(x) \pm h f'(x) + \tfrac{h^2}{2} f''(x) \pm \tfrac{h^3}{6} f'''(x) + O(h^4).$$

The **forward difference** keeps the $h^2$ term, divided by $h$:

$$\frac{f(x + h) - f(x)}{h} = f'(x) + \tfrac{h}{2} f''(x) + O(h^2),$$

so its *truncation error* falls like $h$: slope 1 on a log–log plot. The
**central difference** subtracts the two expansions; the even terms cancel,

$$\frac{f(x + h) - f(x - h)}{2h} = f'(x) + \tfrac{h^2}{6} f'''(x) + O(h^4),$$

and its truncation error falls like $h^2$: slope 2, for one more evaluation
per coordinate.

That would argue for $h$ as small as possible, but the computer does not
hold $f(x)$ exactly. A double has about 16 significant digits: every value
carries a relative *round-off* error of order the machine epsilon
$\varepsilon = 2^{-52} \approx 2.2 \times 10^{-16}$. The difference
$f(x + h) - f(x)$ of two nearly equal numbers keeps the absolute error
$\approx \varepsilon |f(x)|$, and dividing by $h$ magnifies it into
$\approx \varepsilon |f| / h$, which *grows* as $h$ shrinks: slope $-1$. The
total error of the forward difference is therefore about

$$E_\text{fwd}(h) \approx \frac{h}{2}|f''| + \frac{\varepsilon |f|}{h},
\qquad \text{smallest near } h \sim \sqrt{\varepsilon} \approx 1.5 \times 10^{-8},$$

and that of the central difference about

$$E_\text{cen}(h) \approx \frac{h^2}{6}|f'''| + \frac{\varepsilon |f|}{h},
\qquad \text{smallest near } h \sim \varepsilon^{1/3} \approx 6 \times 10^{-6}$$

(setting each derivative in $h$ to zero, and taking $f$ and its derivatives
of order one). At its best step the forward difference is good to about
$\sqrt{\varepsilon}$, eight digits; the central one to about
$\varepsilon^{2/3}$, ten or eleven.

Let us measure it. The default function is $f(x) = \sin x$, whose
derivative $\cos x$ we know exactly (change `f` and `df` to try another).
At a single point the round-off part is erratic — the errors of two
evaluations sometimes cancel by luck — so we take the root-mean-square error
over `points` points spread evenly over `x_range` ($[-3, 3]$), for steps $h$
from `h_min` to `h_max`, `h_per_decade` steps per factor of ten.

The forward curve uses the library's `opt_grad_forward`; the central curve
uses your `central_difference_gradient`.
*/
/* A two-entry list parameter (an interval) with lo < hi. */
static void interval(const char *key, double *lo, double *hi)
{
    double v[2];
    if (opt_lab_list(lab, key, v, 2) != 2 || !(v[0] < v[1]))
        opt_lab_bad_param(lab, key, "expected {lo, hi} with lo < hi");
    *lo = v[0];
    *hi = v[1];
}

/* The points of part 1: m points evenly spread over [a, b]; 0 when they
 * are not all finite numbers (b - a overflows). */
static int part1_points(double a, double b, size_t m, double *xs)
{
    for (size_t j = 0; j < m; j++) {
        xs[j] = a + ((double)j + 0.5) * (b - a) / (double)m;
        if (!isfinite(xs[j]))
            return 0;
    }
    return 1;
}

typedef int (*gradient_fn)(const opt_objective *f, const double *x, double h, double *grad);

/* The root-mean-square error of a difference scheme with step h over the
 * points xs, against the exact derivatives dfs; NaN when the scheme fails
 * at some point (the step lost to rounding, say). */
static double rms_error(gradient_fn scheme, const opt_objective *f, const double *xs,
                        const double *dfs, size_t m, double h)
{
    double sum = 0;
    for (size_t j = 0; j < m; j++) {
        double estimate;
        if (scheme(f, &xs[j], h, &estimate) != OPT_OK)
            return NAN;
        sum += (estimate - dfs[j]) * (estimate - dfs[j]);
    }
    return sqrt(sum / (double)m);
}

/* Least-squares slope and intercept of log10(error) against log10(h) over
 * the rows whose h lies in [lo, hi]. */
static void fit_loglog(const double *h, const double *err, size_t rows,
                       double lo, double hi, double *slope, double *intercept)
{
    double *lx = opt_lab_alloc(lab, rows, sizeof *lx), *ly = opt_lab_alloc(lab, rows, sizeof *ly);
    size_t m = 0;
    for (size_t i = 0; i < rows; i++)
        if (h[i] >= lo * (1 - 1e-9) && h[i] <= hi * (1 + 1e-9) && err[i] > 0) {
            lx[m] = log10(h[i]);
            ly[m] = log10(err[i]);
            m++;
        }
    double cov00, cov01, cov11, sumsq;
    *slope = *intercept = NAN;
    if (m >= 2)
        gsl_fit_linear(lx, 1, ly, 1, m, intercept, slope, &cov00, &cov01, &cov11, &sumsq);
    free(lx);
    free(ly);
}

/* The step with the smallest error. */
static size_t argmin(const double *err, size_t rows)
{
    size_t best = 0;
    for (size_t i = 1; i < rows; i++)
        if (err[i] < err[best] || isnan(err[best]))
            best = i;
    return best;
}

static void finite_differences(void)
{
    opt_lab_section(lab, "1. Finite differences: error against the step h");
    opt_objective f;
    opt_config_objective(opt_lab_config(lab), "f", "df", 1, &f);  /* checked in main */

    /* The points, and the exact derivative at each. */
    double a, b;
    interval("x_range", &a, &b);
    const size_t m = (size_t)opt_lab_int(lab, "points");
    double *xs = opt_lab_alloc(lab, m, sizeof *xs), *dfs = opt_lab_alloc(lab, m, sizeof *dfs);
    part1_points(a, b, m, xs);    /* finite: checked in main */
    for (size_t j = 0; j < m; j++) {
        const double fx = opt_eval(&f, &xs[j], &dfs[j]);   /* checked in main, once more */
        if (!isfinite(fx) || !isfinite(dfs[j]))
            opt_lab_die(lab, "f(%g) = %g, df(%g) = %g: not both finite numbers%s%s",
                        xs[j], isnan(fx) ? fabs(fx) : fx, xs[j],
                        isnan(dfs[j]) ? fabs(dfs[j]) : dfs[j],
                        *opt_config_error(opt_lab_config(lab)) ? ": " : "",
                        opt_config_error(opt_lab_config(lab)));
    }

    /* The steps h = 10^(-k / h_per_decade), from h_max down to h_min. */
    const double h_min = opt_lab_number(lab, "h_min"), h_max = opt_lab_number(lab, "h_max");
    const double per_decade = (double)opt_lab_int(lab, "h_per_decade");
    const size_t rows = (size_t)floor(per_decade * log10(h_max / h_min) + 1e-9) + 1;
    double *h = opt_lab_alloc(lab, rows, sizeof *h), *fwd = opt_lab_alloc(lab, rows, sizeof *fwd),
           *cen = opt_lab_alloc(lab, rows, sizeof *cen);

    opt_table *t = opt_lab_table(lab, "error-vs-h", "h\tforward\tcentral");
    int finite_fwd = 0, finite_cen = 0;
    for (size_t i = 0; i < rows; i++) {
        h[i] = h_max * pow(10, -(double)i / per_decade);
        fwd[i] = rms_error(opt_grad_forward, &f, xs, dfs, m, h[i]);
        cen[i] = rms_error(central_gradient, &f, xs, dfs, m, h[i]);
        finite_fwd |= isfinite(fwd[i]);
        finite_cen |= isfinite(cen[i]);
        opt_table_rowv(t, h[i], fwd[i], cen[i]);
        opt_lab_progress(lab, "error vs h", (long)i + 1, (long)rows);
    }
    opt_table_close(t);

/**
The two curves are V-shaped: truncation on the right, round-off on the left.
We read off the best step of each scheme, and fit straight lines to
$\log_{10} E$ against $\log_{10} h$ on each side — over `fit_range`
($10^{-4} \le h \le 10^{-1}$), where truncation dominates by orders of
magnitude, and over `roundoff_range` ($10^{-13} \le h \le 10^{-10}$), where
round-off does.
*/
    if (!finite_fwd || !finite_cen)
        opt_lab_die(lab, "no step h in [%g, %g] gave a finite RMS error for the %s scheme: f is "
                    "not a finite number at x + h or x - h for some point x of x_range",
                    h_min, h_max, !finite_fwd ? "forward" : "central");
    const size_t bf = argmin(fwd, rows), bc = argmin(cen, rows);
    double lo, hi, slope_f, slope_c, c_f, c_c, rslope_f, rslope_c, rc_f, rc_c;
    interval("fit_range", &lo, &hi);
    fit_loglog(h, fwd, rows, lo, hi, &slope_f, &c_f);
    fit_loglog(h, cen, rows, lo, hi, &slope_c, &c_c);
    double rlo, rhi;
    interval("roundoff_range", &rlo, &rhi);
    fit_loglog(h, fwd, rows, rlo, rhi, &rslope_f, &rc_f);
    fit_loglog(h, cen, rows, rlo, rhi, &rslope_c, &rc_c);

    opt_lab_printf(lab, "  f and df: %s; RMS error over %zu points in [%g, %g]; "
                   "%zu steps h in [%g, %g]\n", opt_config_where(opt_lab_config(lab), "f"),
                   m, a, b, rows, h_min, h_max);
    opt_lab_quote(lab, "sqrt_eps", sqrt(DBL_EPSILON), "%.2g",
                  "sqrt(eps), the forward scheme's ideal h");
    opt_lab_quote(lab, "cbrt_eps", cbrt(DBL_EPSILON), "%.2g",
                  "eps^(1/3), the central scheme's ideal h");
    opt_lab_quote(lab, "best_h_forward", h[bf], "%.2g", "measured best h, forward");
    opt_lab_quote(lab, "best_h_central", h[bc], "%.2g", "measured best h, central");
    opt_lab_quote(lab, "min_error_forward", fwd[bf], "%.2g", "smallest RMS error, forward");
    opt_lab_quote(lab, "min_error_central", cen[bc], "%.2g", "smallest RMS error, central");
    opt_lab_quote(lab, "slope_forward", slope_f, "%.3f",
                  "fitted truncation slope, forward (theory 1)");
    opt_lab_quote(lab, "slope_central", slope_c, "%.3f",
                  "fitted truncation slope, central (theory 2)");
    opt_lab_quote(lab, "roundoff_slope_forward", rslope_f, "%.2f",
                  "fitted round-off slope, forward (theory -1)");
    opt_lab_quote(lab, "roundoff_slope_central", rslope_c, "%.2f",
                  "fitted round-off slope, central (theory -1)");

    /* The figure draws reference lines with the fitted intercepts. */
    char vars[512];
    snprintf(vars, sizeof vars,
             "best_h_forward=%.17g; best_h_central=%.17g; "
             "min_forward=%.17g; min_central=%.17g; "
             "c_forward=%.17g; c_central=%.17g; c_roundoff=%.17g; "
             "fit_lo=%.17g; fit_hi=%.17g; round_lo=%.17g; round_hi=%.17g",
             h[bf], h[bc], fwd[bf], cen[bc], c_f, c_c, rc_f, lo, hi, rlo, rhi);
    opt_lab_figure(lab, "01-error-vs-h", vars);
    free(h);
    free(fwd);
    free(cen);
    free(xs);
    free(dfs);
}

/**
![Root-mean-square error of the forward and central differences of
$\sin$ against the step $h$, with the reference slopes 1, 2 and −1 and the
measured best steps.](01-error-vs-h.svg)

The measured best steps sit close to $\sqrt{\varepsilon}$ and
$\varepsilon^{1/3}$, and the fitted slopes are 1 and 2 on the right and
$-1$ on the left, as the two-term error model predicts. At the far left,
$f(x + h)$ and $f(x)$ differ only in their last few bits, and the quotient
is mostly noise. The practical rule follows: use central differences with $h$ around
$10^{-5}$ to $10^{-6}$ (scaled by $|x|$ when $x$ is large), and never
expect more than ten correct digits from them.

*Question.* The central difference of $f(x) = x^2$ has no truncation error
at all. What does its curve look like? Try
`--set 'f=function(x) return x^2 end' --set 'df=function(x) return 2*x end'`.

## 2. The gradient check

Now an analytic gradient to check: the **multiclass hinge loss** of a linear
classifier, the loss of a multiclass SVM. Each example $x_i \in
\mathbb{R}^D$ (with a constant 1 appended, so the bias is a column of $W$)
gets the scores $s = W x_i$, one per class; the loss charges every wrong
class $j$ whose score comes within the margin $\delta$ of the right class
$y_i$, and an L2 penalty keeps the weights small:

$$L(W) = \frac{1}{N} \sum_{i=1}^N \sum_{j \ne y_i} \max(0,\ s_j - s_{y_i} + \delta)
       + \lambda \sum_{k,d} W_{kd}^2 .$$

Differentiating term by term: each active margin ($s_j - s_{y_i} + \delta >
0$) adds $x_i / N$ to the row $W_j$ of the gradient and subtracts it from
the row $W_{y_i}$; the penalty adds $2 \lambda W$. The library's
`opt_hinge_fdf` computes exactly this.

To compare an analytic gradient $a$ with a numerical one $n$, the absolute
difference says little — $10^{-6}$ is excellent for a gradient of size
$10^3$ and terrible for one of size $10^{-6}$. Compare relative to their
size instead, coordinate by coordinate, and keep the worst:

$$r = \max_i \frac{|a_i - n_i|}{\max(|a_i|, |n_i|)} .$$

How to read it, with central differences in double precision:

| $r$ | verdict |
|---|---|
| $\lesssim 10^{-7}$ | the gradient is right |
| $\approx 10^{-4}$ | suspicious, unless the function has kinks |
| $\gtrsim 10^{-2}$ | the gradient is wrong |

The data: $N$ = `examples` points in `features` dimensions from `classes`
Gaussian clouds (class means drawn from $N(0, 1)$ in every coordinate, unit
noise around them), drawn from the lab's seeded random stream, so
`--seed` gives another data set and the same seed always the same one. The
check point $W$ has independent normal entries with standard deviation
`w_scale` (1).
*/
typedef struct hinge_data {
    opt_hinge loss;     /* N, D, K, X, y, delta, lambda */
    double *X;
    int *y;
} hinge_data;

/* Gaussian clouds, one per class, with a constant 1 appended to every
 * example for the bias. Stream 1 of the run's seed. */
static void make_clouds(hinge_data *d)
{
    const size_t N = (size_t)opt_lab_int(lab, "examples");
    const size_t F = (size_t)opt_lab_int(lab, "features");
    const size_t K = (size_t)opt_lab_int(lab, "classes");
    const size_t D = F + 1;
    gsl_rng *r = opt_lab_need(lab, opt_rng_alloc(opt_lab_seed(lab), 1));
    double *mean = opt_lab_alloc(lab, K * F, sizeof *mean);
    d->X = opt_lab_alloc(lab, N * D, sizeof *d->X);
    d->y = opt_lab_alloc(lab, N, sizeof *d->y);
    for (size_t k = 0; k < K * F; k++)
        mean[k] = gsl_ran_gaussian(r, 1.0);
    for (size_t i = 0; i < N; i++) {
        d->y[i] = (int)gsl_rng_uniform_int(r, K);
        for (size_t j = 0; j < F; j++)
            d->X[i * D + j] = mean[(size_t)d->y[i] * F + j] + gsl_ran_gaussian(r, 1.0);
        d->X[i * D + F] = 1.0;
    }
    d->loss = (opt_hinge){ N, D, K, d->X, d->y, opt_lab_number(lab, "delta"),
                           opt_lab_number(lab, "lambda") };
    free(mean);
    gsl_rng_free(r);
}

/* W with independent N(0, scale^2) entries from stream `stream`. */
static void random_weights(double *W, size_t n, double scale, uint64_t stream)
{
    gsl_rng *r = opt_lab_need(lab, opt_rng_alloc(opt_lab_seed(lab), stream));
    for (size_t j = 0; j < n; j++)
        W[j] = gsl_ran_gaussian(r, scale);
    gsl_rng_free(r);
}

/**
Three checks follow, each with the same numerical gradient from your
`central_difference_gradient` at step `h_check` ($10^{-5}$):

* the correct analytic gradient;
* a gradient with a classic bug: the derivative of $\lambda W^2$ written as
  $\lambda W$, the factor 2 forgotten;
* the correct gradient again, at a point moved onto a **kink**.

The hinge $\max(0, m)$ has no derivative at $m = 0$: its slope jumps from 0
to 1 there. If a margin lies within $h$ of zero, $f(x + h)$ and $f(x - h)$
fall on different sides of the kink and the central difference returns the
*average* of the two one-sided slopes, while the analytic gradient picks one
of them. The two then disagree by half the jump — here $|x_{id}| / (2N)$ —
although neither is wrong. To show it we move the bias weight of one wrong
class so that the first example's margin is exactly zero. With many
examples some margin is always near a kink somewhere, which is one reason to
check on a handful of examples, and to look at which coordinate fails
before concluding anything.
*/
/* Your gradient_check_error, or the reference. */
static double check_error(const double *analytic, const double *numeric, size_t n)
{
    double worst = 0;
    int status = gradient_check_error(analytic, numeric, n, &worst);
    if (status == OPT_ENOTIMPL) {
        opt_lab_not_implemented(lab, "gradient_check_error");
        worst = 0;
        for (size_t i = 0; i < n; i++)
            worst = fmax(worst, opt_rel_error(analytic[i], numeric[i]));
        status = OPT_OK;
    }
    if (status != OPT_OK)
        opt_lab_die(lab, "gradient_check_error returned '%s'", opt_strerror(status));
    return worst;
}

static void gradient_check(hinge_data *d)
{
    opt_lab_section(lab, "2. The gradient check on the multiclass hinge loss");
    opt_objective loss = opt_hinge_objective(&d->loss);
    const size_t n = loss.n, D = d->loss.D;
    const double lambda = d->loss.lambda, h = opt_lab_number(lab, "h_check");
    double *W = opt_lab_alloc(lab, n, sizeof *W);
    double *analytic = opt_lab_alloc(lab, n, sizeof *analytic);
    double *numeric = opt_lab_alloc(lab, n, sizeof *numeric), *bug = opt_lab_alloc(lab, n, sizeof *bug);
    double *kink_a = opt_lab_alloc(lab, n, sizeof *kink_a);
    double *kink_n = opt_lab_alloc(lab, n, sizeof *kink_n);
    random_weights(W, n, opt_lab_number(lab, "w_scale"), 2);

    /* The correct gradient, and the same one with the factor 2 dropped. */
    const double L = opt_eval(&loss, W, analytic);
    int status = central_gradient(&loss, W, h, numeric);
    if (status != OPT_OK)
        opt_lab_die(lab, "central_difference_gradient returned '%s'", opt_strerror(status));
    for (size_t j = 0; j < n; j++)
        bug[j] = analytic[j] - lambda * W[j];

    /* The kink: shift the bias weight of the first wrong class of example 0
     * by minus its margin, so the margin becomes zero. */
    const double *x0 = d->X;
    const size_t y0 = (size_t)d->y[0], j0 = y0 == 0 ? 1 : 0;
    const double delta = d->loss.delta;
    const double margin = opt_dot(W + j0 * D, x0, D) - opt_dot(W + y0 * D, x0, D) + delta;
    W[j0 * D + D - 1] -= margin;
    const double margin_after =
        opt_dot(W + j0 * D, x0, D) - opt_dot(W + y0 * D, x0, D) + delta;
    opt_eval(&loss, W, kink_a);
    status = central_gradient(&loss, W, h, kink_n);
    if (status != OPT_OK)
        opt_lab_die(lab, "central_difference_gradient returned '%s'", opt_strerror(status));

    opt_table *t = opt_lab_table(lab, "gradient-check", "coordinate\tcorrect\tbug\tkink");
    for (size_t j = 0; j < n; j++)
        opt_table_rowv(t, (double)j, opt_rel_error(analytic[j], numeric[j]),
                       opt_rel_error(bug[j], numeric[j]),
                       opt_rel_error(kink_a[j], kink_n[j]));
    opt_table_close(t);

    opt_lab_printf(lab, "  N = %zu examples, D = %zu (with the bias), K = %zu classes: "
                   "n = %zu parameters\n", d->loss.N, D, d->loss.K, n);
    opt_lab_quote(lab, "hinge_params", (double)n, "%.0f", "parameters checked");
    opt_lab_quote(lab, "hinge_loss_at_check", L, "%.4f", "loss at the check point");
    opt_lab_quote(lab, "gradcheck_max_rel_error", check_error(analytic, numeric, n), "%.2g",
                  "max relative error, correct gradient");
    opt_lab_quote(lab, "gradcheck_bug_max_rel_error", check_error(bug, numeric, n), "%.2g",
                  "max relative error, L2 factor 2 dropped");
    opt_lab_printf(lab, "  kink: margin of example 0, class %zu moved from %.4g to %.2g\n",
                   j0, margin, margin_after);
    opt_lab_quote(lab, "gradcheck_kink_max_rel_error", check_error(kink_a, kink_n, n),
                  "%.2g", "max relative error, correct gradient at a kink");
    const size_t bias = j0 * D + D - 1;
    opt_lab_quote(lab, "kink_half_jump", 1 / (2.0 * (double)d->loss.N), "%.2g",
                  "half the jump of the bias weight's slope, 1/(2N)");
    opt_lab_quote(lab, "kink_bias_difference", fabs(kink_a[bias] - kink_n[bias]), "%.2g",
                  "|analytic - numeric| at that bias weight");
    opt_lab_figure(lab, "01-gradient-check", NULL);
    free(W);
    free(analytic);
    free(numeric);
    free(bug);
    free(kink_a);
    free(kink_n);
}

/**
![Relative error of every coordinate of the hinge-loss gradient: the
correct gradient, the one with the L2 factor 2 dropped, and the correct one
at a kink.](01-gradient-check.svg)

The correct gradient agrees to seven digits or better in every coordinate.
The bug shows in every coordinate, since dropping the factor 2 changes each
entry by $\lambda W_{kd}$: none comes near $10^{-7}$, and the worst are far
above $10^{-2}$. At the kink only the coordinates of the two rows that the
kinked margin touches (the wrong class's and the right class's) move, to
between about $10^{-5}$ and $10^{-1}$ — readings that look like a bug and
are not one. In absolute terms the two gradients differ by half the
jump: at the moved bias weight, where $x_{id} = 1$, by $1/(2N) = 0.0025$.

*Question.* Draw the check point near $W = 0$ (`--set w_scale=1e-4`). The
bug is still there; what happens to its relative error, and why? (Compare
the size of $\lambda W$ with the data term of the gradient.) What does that
say about where to run a gradient check?

## 3. Backpropagation by hand

An analytic gradient of a big function is built from the gradients of small
ones. Write the function as a **computational graph**: every node is a
simple operation (a *gate*) whose derivatives we know. The forward pass
computes every node's value from the inputs to the output. The backward pass
computes, from the output back to the inputs, the derivative of the output
with respect to every node, by the chain rule:

$$\underbrace{\frac{\partial f}{\partial \text{input}}}_{\text{downstream}}
= \underbrace{\frac{\partial f}{\partial \text{output}}}_{\text{upstream}}
\cdot \underbrace{\frac{\partial\, \text{output}}{\partial\, \text{input}}}_{\text{local}} .$$

Each gate only needs its own local gradient and the one number arriving from
above; it never needs to know the rest of the graph. (When a node feeds
several gates, the gradients arriving from them add up.)

### A first graph: $f(x, y, z) = (x + y)\,z$

Two gates: the sum $q = x + y$ with local gradients
$\partial q / \partial x = \partial q / \partial y = 1$, and the product
$f = q z$ with $\partial f / \partial q = z$ and $\partial f / \partial z =
q$. At the lecture's point $x = -2$, $y = 5$, $z = -4$:
*/
static void backprop_sum_times(void)
{
    opt_lab_section(lab, "3. Backpropagation by hand");
    double v[3];
    opt_lab_list(lab, "xyz", v, 3);
    const double x = v[0], y = v[1], z = v[2];

    /* Forward, from the inputs to the output. */
    const double q = x + y;
    const double f = q * z;

    /* Backward, from the output: df/df = 1, then upstream * local. */
    const double df_df = 1;
    const double df_dq = df_df * z;     /* f = q z: local gradient for q is z */
    const double df_dz = df_df * q;     /*          and for z it is q */
    const double df_dx = df_dq * 1;     /* q = x + y: local gradient 1 for each */
    const double df_dy = df_dq * 1;

    opt_lab_printf(lab, "  f(x, y, z) = (x + y) z at x = %g, y = %g, z = %g\n", x, y, z);
    opt_lab_printf(lab, "  forward:   q = x + y = %g;  f = q z = %g\n", q, f);
    opt_lab_printf(lab, "  backward:  df/df = 1\n");
    opt_lab_printf(lab, "             df/dq = df/df * z = %g * %g = %g\n", df_df, z, df_dq);
    opt_lab_printf(lab, "             df/dz = df/df * q = %g * %g = %g\n", df_df, q, df_dz);
    opt_lab_printf(lab, "             df/dx = df/dq * 1 = %g * 1 = %g\n", df_dq, df_dx);
    opt_lab_printf(lab, "             df/dy = df/dq * 1 = %g * 1 = %g\n", df_dq, df_dy);
    /* Printed above; recorded for numbers.tsv. */
    opt_lab_record(lab, "sum_times_q", q);
    opt_lab_record(lab, "sum_times_f", f);
    opt_lab_record(lab, "sum_times_df_dq", df_dq);
    opt_lab_record(lab, "sum_times_df_dz", df_dz);
    opt_lab_record(lab, "sum_times_df_dx", df_dx);
    opt_lab_record(lab, "sum_times_df_dy", df_dy);
}

/**
So $q = 3$ and $f = -12$; then $\partial f / \partial z = q = 3$,
$\partial f / \partial q = z = -4$, and the sum gate hands $-4$ unchanged to
both of its inputs: $\partial f / \partial x = \partial f / \partial y =
-4$. A sum gate *distributes* the upstream gradient; a product gate
*swaps*: each factor receives the upstream gradient times the other factor.

### The sigmoid neuron

$$f(w, x) = \frac{1}{1 + e^{-(w_0 x_0 + w_1 x_1 + w_2)}}$$

is a weighted sum squashed by the sigmoid $\sigma(s) = 1 / (1 + e^{-s})$. As
a graph of elementary gates:

$$a = w_0 x_0,\quad b = w_1 x_1,\quad c = a + b,\quad s = c + w_2,\quad
t = -s,\quad e = \exp(t),\quad d = 1 + e,\quad f = 1/d,$$

with the local gradients

| gate | local gradient |
|---|---|
| $u \mapsto e^u$ | $e^u$ |
| $u \mapsto 1/u$ | $-1/u^2$ |
| $u \mapsto \alpha u$ (here $\alpha = -1$) | $\alpha$ |
| $u \mapsto c + u$ | $1$ |

and the sum and product gates as before. The lab prints the forward value of
every node and every step of the backward pass — the gradient arriving at a
gate, the gate's local gradient and their product — at the lecture's point
$w = (2, -3, -3)$, $x = (-1, -2)$. The numbers come from the library's
`opt_sigmoid_neuron`; writing that calculation yourself is exercise 3, so
the code is not shown here. Check each line by hand against the table above.
*/
/* Your sigmoid_neuron_backward, or the reference. */
static void neuron_backward(const double w[3], const double x[2], double *out,
                            double dw[3], double dx[2])
{
    int status = sigmoid_neuron_backward(w, x, out, dw, dx);
    if (status == OPT_ENOTIMPL) {
        opt_lab_not_implemented(lab, "sigmoid_neuron_backward");
        status = opt_sigmoid_neuron(w, x, out, dw, dx, NULL);
    }
    if (status != OPT_OK)
        opt_lab_die(lab, "sigmoid_neuron_backward returned '%s'", opt_strerror(status));
}

static void backprop_sigmoid_neuron(void)
{
    double w[3], x[2];
    opt_lab_list(lab, "neuron_w", w, 3);
    opt_lab_list(lab, "neuron_x", x, 2);
    opt_neuron_graph g;
    double ref_out, ref_dw[3], ref_dx[2];
    opt_sigmoid_neuron(w, x, &ref_out, ref_dw, ref_dx, &g);   /* lists of finite numbers */

    opt_lab_printf(lab, "\n  sigmoid neuron at w = (%g, %g, %g), x = (%g, %g)\n",
                   w[0], w[1], w[2], x[0], x[1]);
    opt_lab_printf(lab, "  forward:\n");
    for (int i = 0; i < OPT_NEURON_NODES; i++) {
        opt_lab_printf(lab, "    %s = %-7s = %9.5f\n", g.node[i], g.formula[i], g.value[i]);
        opt_lab_recordf(lab, g.value[i], "neuron_value_%s", g.node[i]);
    }
    opt_lab_printf(lab, "  backward (df/df = 1):\n"
                   "    gate   input    upstream  x    local  =  df/d(input)\n");
    for (int k = 0; k < OPT_NEURON_EDGES; k++) {
        const opt_neuron_edge *e = &g.edge[k];
        opt_lab_printf(lab, "    %-5s  %-5s  %9.5f  x %8.5f  = %9.5f\n", e->gate, e->input,
                       e->upstream, e->local, e->grad);
        opt_lab_recordf(lab, e->grad, "neuron_grad_%s", e->input);
    }

    /* Your sigmoid_neuron_backward, on the same point. */
    double out, dw[3], dx[2];
    neuron_backward(w, x, &out, dw, dx);
    double diff = fabs(out - ref_out);
    for (int k = 0; k < 3; k++)
        diff = fmax(diff, fabs(dw[k] - ref_dw[k]));
    for (int k = 0; k < 2; k++)
        diff = fmax(diff, fabs(dx[k] - ref_dx[k]));
    opt_lab_printf(lab, "  sigmoid_neuron_backward gives f = %.4f, "
                   "dw = (%.4f, %.4f, %.4f), dx = (%.4f, %.4f)\n", out, dw[0], dw[1], dw[2], dx[0], dx[1]);
    opt_lab_record(lab, "neuron_out", out);
    opt_lab_record(lab, "neuron_dw0", dw[0]);
    opt_lab_record(lab, "neuron_dw1", dw[1]);
    opt_lab_record(lab, "neuron_dw2", dw[2]);
    opt_lab_record(lab, "neuron_dx0", dx[0]);
    opt_lab_record(lab, "neuron_dx1", dx[1]);
    opt_lab_quote(lab, "neuron_sigmoid_local", out * (1 - out), "%.4f",
                  "sigmoid's local gradient f (1 - f)");
    opt_lab_quote(lab, "neuron_max_difference", diff, "%.2g",
                  "largest difference from the graph above");
    if (diff > 1e-12)
        opt_lab_printf(lab, "  (your function and the graph disagree: "
                       "compare them line by line)\n");
}

/**
Forward, the weighted sum is $s = -2 + 6 - 3 = 1$, and $f = 1 / (1 + e^{-1})
\approx 0.73$. Backward, the gradient enters the reciprocal gate as 1 and
leaves it as $-1/1.37^2 \approx -0.53$; the "$+1$" gate passes it on; the
exponential gate multiplies by $e^{-1} \approx 0.37$, giving $-0.20$; the
"$\times(-1)$" gate flips it to $0.20$. That is $\partial f / \partial s$,
and the sum gates distribute it: $\partial f / \partial w_2 = 0.20$. The
product gates swap: $\partial f / \partial w_0 = x_0 \cdot 0.20 = -0.20$,
$\partial f / \partial x_0 = w_0 \cdot 0.20 = 0.39$, $\partial f /
\partial w_1 = x_1 \cdot 0.20 = -0.39$, $\partial f / \partial x_1 = w_1
\cdot 0.20 = -0.59$.

The four gates from $s$ to $f$ are one function, the sigmoid, and its
derivative has a famous short form: $\sigma'(s) = \sigma(s)\,(1 -
\sigma(s))$, here $0.73 \times 0.27 \approx 0.20$ — the same number in one
step. How finely to cut a graph into gates is a choice: any piece whose
local gradient is easy to write down can be one gate.

*Question.* Set `neuron_w={2, -3, 1000}` and `neuron_w={2, -3, -1000}`.
Which steps of the gate-by-gate backward pass overflow, and why does the
short form not?

## 4. Random search against following the slope

Back to the hinge loss, to minimize it. **Random search** draws $W$ with
independent normal entries of standard deviation `search_scale` (0.3),
evaluates the loss, and keeps the best draw so far. **Gradient descent**
starts from the first of those draws and repeats
$W \leftarrow W - \eta \nabla L(W)$ with $\eta$ = `lr` (0.2).

To compare them fairly we count cost in *loss evaluations*, one pass over
the data each:

* one random draw costs 1;
* one step of gradient descent with the analytic gradient costs
  `gradient_cost` = 2: the backward pass through a linear model touches the
  same numbers as the forward pass (every $W_{kd} x_{id}$ once), so it costs
  about as much again — the rule of thumb that backpropagation costs a small
  constant times the forward pass, whatever the number of parameters;
* one step with the *numerical* gradient from your
  `central_difference_gradient` costs $2n$ evaluations for the gradient plus
  1 for the loss itself: with $n = 40$ parameters, 81.

Each method gets the same budget of `evaluations` (1000).
*/

/* Gradient descent does not care where its gradient comes from: this
 * objective returns the loss of `exact` and a central-difference gradient. */
typedef struct numeric_gradient { const opt_objective *exact; double h; } numeric_gradient;

static double numeric_fdf(const double *x, double *g, void *ctx)
{
    const numeric_gradient *c = ctx;
    if (g && central_gradient(c->exact, x, c->h, g) != OPT_OK)
        return NAN;
    return opt_eval(c->exact, x, NULL);
}

/* Runs gradient descent on obj from W0 for as many steps as the budget
 * pays at `cost` evaluations a step, and writes the loss after each step
 * against the evaluations spent into table `name`. Returns the last loss;
 * *evals_to_beat receives the evaluations spent when the loss first fell
 * below `target` (0 if it never did). */
static double descend(const opt_objective *obj, const double *W0, double cost, long budget,
                      const char *name, double target, long *evals_to_beat)
{
    const size_t n = obj->n;
    double *W = opt_lab_alloc(lab, n, sizeof *W);
    opt_trace *trace = opt_lab_need(lab, opt_trace_alloc(n));
    opt_stepper *gd = opt_lab_need(lab, opt_stepper_alloc(opt_gd, n, NULL));
    memcpy(W, W0, n * sizeof *W);
    const long evaluations = (long)floor((double)budget / cost);
    opt_run_params p = opt_run_defaults();
    p.lr = opt_lab_number(lab, "lr");
    p.max_steps = evaluations - 1;      /* step 0 is the start point */
    opt_result res = { .status = OPT_OK, .f = NAN, .gnorm = NAN, .reason = "" };
    if (evaluations >= 1)               /* else the budget pays for nothing */
        opt_run(obj, gd, W, &p, trace, &res);
    if (res.status == OPT_EDIVERGED)
        opt_lab_printf(lab, "  (%s diverged at step %ld: lower lr)\n", name, res.iterations);

    opt_table *t = opt_lab_table(lab, name, "evaluations\tloss");
    *evals_to_beat = 0;
    for (size_t r = 0; r < trace->rows; r++) {
        const double evals = ((double)r + 1) * cost, loss = opt_trace_row(trace, r)[1];
        opt_table_rowv(t, evals, loss);
        if (!*evals_to_beat && loss < target)
            *evals_to_beat = (long)ceil(evals);
    }
    opt_table_close(t);
    const double last = trace->rows ? opt_trace_row(trace, trace->rows - 1)[1] : NAN;
    opt_stepper_free(gd);
    opt_trace_free(trace);
    free(W);
    return last;
}

static void random_search_vs_slope(hinge_data *d)
{
    opt_lab_section(lab, "4. Random search against following the slope");
    opt_objective loss = opt_hinge_objective(&d->loss);
    const size_t n = loss.n;
    const long budget = opt_lab_int(lab, "evaluations");
    const double scale = opt_lab_number(lab, "search_scale");
    double *W = opt_lab_alloc(lab, n, sizeof *W), *start = opt_lab_alloc(lab, n, sizeof *start),
           *zero = opt_lab_alloc(lab, n, sizeof *zero);
    gsl_rng *r = opt_lab_need(lab, opt_rng_alloc(opt_lab_seed(lab), 3));

    /* Random search: the best of `budget` draws. */
    opt_table *t = opt_lab_table(lab, "random-search", "evaluations\tloss\tbest");
    double best = INFINITY;
    for (long k = 1; k <= budget; k++) {
        for (size_t j = 0; j < n; j++)
            W[j] = gsl_ran_gaussian(r, scale);
        if (k == 1)
            memcpy(start, W, n * sizeof *W);
        const double L = opt_eval(&loss, W, NULL);
        best = fmin(best, L);
        opt_table_rowv(t, (double)k, L, best);
    }
    opt_table_close(t);
    gsl_rng_free(r);

    /* Gradient descent from the first draw, with each kind of gradient. */
    long beat_analytic, beat_numeric;
    const double gd_analytic = descend(&loss, start, opt_lab_number(lab, "gradient_cost"),
                                       budget, "gd-analytic", best, &beat_analytic);
    numeric_gradient ng = { &loss, opt_lab_number(lab, "h_check") };
    opt_objective numeric = { n, numeric_fdf, NULL, &ng, "hinge, numerical gradient" };
    const double gd_numeric = descend(&numeric, start, 2.0 * (double)n + 1, budget,
                                      "gd-numeric", best, &beat_numeric);

    opt_lab_quote(lab, "loss_at_zero", opt_eval(&loss, zero, NULL), "%.4f",
                  "loss at W = 0, (K - 1) delta");
    opt_lab_quote(lab, "loss_at_start", opt_eval(&loss, start, NULL), "%.4f",
                  "loss at the first random draw, where descent starts");
    opt_lab_quote(lab, "search_best_loss", best, "%.4f", "random search, best loss");
    opt_lab_quote(lab, "gd_final_loss", gd_analytic, "%.4f",
                  "gradient descent, analytic gradient");
    opt_lab_quote(lab, "gd_numeric_final_loss", gd_numeric, "%.4f",
                  "gradient descent, numerical gradient");
    opt_lab_quote(lab, "numeric_step_cost", 2.0 * (double)n + 1, "%.0f",
                  "evaluations per numerical-gradient step");
    opt_lab_quote(lab, "gd_evals_to_beat_search", (double)beat_analytic, "%.0f",
                  "evaluations gradient descent needs to beat random search's best");
    opt_lab_quote(lab, "gd_numeric_evals_to_beat_search", (double)beat_numeric, "%.0f",
                  "the same with the numerical gradient");
    char vars[256];
    snprintf(vars, sizeof vars,
             "loss_zero=%.17g; budget=%ld; gradient_cost=%.17g; numeric_cost=%zu",
             opt_eval(&loss, zero, NULL), budget, opt_lab_number(lab, "gradient_cost"),
             2 * n + 1);
    opt_lab_figure(lab, "01-random-vs-slope", vars);
    free(W);
    free(start);
    free(zero);
}

/**
![Loss against the number of loss evaluations: best-of-N random search,
gradient descent with the analytic gradient, and gradient descent with the
numerical gradient.](01-random-vs-slope.svg)

Random search improves roughly logarithmically — each new record needs many
more draws than the last — and after 1000 draws it is still far above where
gradient descent is after two or three steps. The slope is worth having;
the numerical gradient gets the same steps but pays $2n + 1$ evaluations for
each, so it reaches the same losses about 40 times later, and for a network
with a million parameters it would be a million times later. That is why
gradients are computed analytically, by backpropagation, and checked
numerically, once.

*Question.* Double the number of features (`--set features=19`, so $n = 80$).
What happens to random search? To the cost of a numerical-gradient step?
To gradient descent with the analytic gradient?

## Exercises

Write the three functions declared in `labs/01-gradients/exercise.h`; their
doc comments there are the full assignment. Put your code in
`labs/01-gradients/exercise.c`, in place of the stubs.

1. `central_difference_gradient(f, x, h, grad)` — the gradient of an
   objective by central differences: $2n$ evaluations, $x$ left unchanged,
   `OPT_EINVAL` for a bad $h$. This lab's part 1 (the central curve) and
   parts 2 and 4 (every numerical gradient) use it.
2. `gradient_check_error(analytic, numeric, n, &max_rel_error)` — the
   largest relative error $|a_i - n_i| / \max(|a_i|, |n_i|)$, 0 where both
   are 0, and `OPT_EDIVERGED` for NaN or infinite entries. Part 2 quotes its
   results.
3. `sigmoid_neuron_backward(w, x, &out, dw, dx)` — the forward value and
   the gradients of the sigmoid neuron, finite for every finite input.
   Part 3 prints its results next to the graph's.

**How they are checked.** `make grade LAB=01` compiles your `exercise.c`
with the tests in `tests/grade/01-gradients.c` and prints a score table
(10 points per exercise); each failed test says what it checked, what it
expected, what came back, and a hint. The tests compare your results with
exact values (gradients of polynomials, the central difference of $x^3$ at
a large step, relative errors worked out by hand, the lecture's sigmoid
values), with central differences of your own `out`, and with the status
codes; some tests are hidden until after the deadline. Then rerun the lab:
the "not implemented yet" notes disappear, and the numbers and figures
should match the reference run.
*/
/* f and df must be finite numbers at every point of part 1, each checked
 * on its own so that the message names the one that failed, and why (a
 * Lua error, or the value it returned). */
static void check_f_and_df(void)
{
    opt_config *c = opt_lab_config(lab);
    double a, b;
    interval("x_range", &a, &b);
    const size_t m = (size_t)opt_lab_int(lab, "points");
    double *xs = opt_lab_alloc(lab, m, sizeof *xs);
    if (!part1_points(a, b, m, xs))
        opt_lab_bad_param(lab, "x_range", "{%g, %g} is too wide: hi - lo = %g, not a finite "
                          "number", a, b, b - a);
    const char *keys[] = { "f", "df" };
    for (size_t j = 0; j < m; j++)
        for (int k = 0; k < 2; k++) {
            double v;
            if (opt_config_call(c, keys[k], &xs[j], 1, &v, 1) != OPT_OK)
                opt_lab_config_failed(lab);
            if (!isfinite(v))
                opt_lab_bad_param(lab, keys[k], "%s(%g) = %g is not a finite number (it "
                                  "must be finite at every point of x_range = {%g, %g})",
                                  keys[k], xs[j], isnan(v) ? fabs(v) : v, a, b);
        }
    free(xs);
}

/* Parameters whose shape the schema cannot express, checked before any
 * output is written (a bad one exits 2 naming the key). */
static void check_parameters(void)
{
    double lo, hi, v[3];
    interval("x_range", &lo, &hi);
    interval("fit_range", &lo, &hi);
    interval("roundoff_range", &lo, &hi);
    if (!(opt_lab_number(lab, "h_min") < opt_lab_number(lab, "h_max")))
        opt_lab_bad_param(lab, "h_min", "must be smaller than h_max (%g)",
                          opt_lab_number(lab, "h_max"));
    if (opt_lab_list(lab, "xyz", v, 3) != 3)
        opt_lab_bad_param(lab, "xyz", "expected three numbers {x, y, z}");
    if (opt_lab_list(lab, "neuron_w", v, 3) != 3)
        opt_lab_bad_param(lab, "neuron_w", "expected three numbers {w0, w1, w2}");
    if (opt_lab_list(lab, "neuron_x", v, 3) != 2)
        opt_lab_bad_param(lab, "neuron_x", "expected two numbers {x0, x1}");
    opt_objective f;
    if (opt_config_objective(opt_lab_config(lab), "f", "df", 1, &f) != OPT_OK)
        opt_lab_bad_param(lab, "f", "%s", opt_config_error(opt_lab_config(lab)));
    if (f.n != 1)
        opt_lab_bad_param(lab, "f", "expected a function of one number, got one of %zu",
                          f.n);
    check_f_and_df();
    if (opt_lab_number(lab, "gradient_cost") > (double)opt_lab_int(lab, "evaluations"))
        opt_lab_bad_param(lab, "evaluations",
                          "must pay for one gradient step (gradient_cost = %g)",
                          opt_lab_number(lab, "gradient_cost"));
}

int main(int argc, char **argv)
{
    lab = opt_lab_start(&info, argc, argv);
    check_parameters();
    finite_differences();
    hinge_data data;
    make_clouds(&data);
    gradient_check(&data);
    backprop_sum_times();
    backprop_sigmoid_neuron();
    random_search_vs_slope(&data);
    free(data.X);
    free(data.y);
    return opt_lab_finish(lab);
}
