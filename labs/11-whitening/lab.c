/**
# Lab 11 — Data whitening

Before training almost any model, practitioners **standardize** the
data: for every feature, subtract its mean and divide by its standard
deviation, both computed on the training set, so that each feature has
mean 0 and variance 1. The lecture calls this *whitening*; strictly,
full whitening goes one step further and also removes the correlations
between features, and we will do that too, as a third case. The habit is
old and universal, and its modern descendants live inside deep networks
as BatchNorm, LayerNorm and GroupNorm. Why does it help?

Not because it changes what the model can fit — with an intercept, a
linear model on standardized features can express exactly the same
predictions as one on the raw features, since the transform is affine
and invertible — but because it changes the *shape of the loss*. Lab 03 showed that gradient
descent on a quadratic needs about $\frac{\kappa}{2}\ln(1/\mathrm{tol})$
steps, where $\kappa$ is the condition number of the Hessian. For linear
regression the Hessian is built from the data alone, and raw features —
with large means and unequal scales — make it badly conditioned.
Standardizing repairs it before the first step is taken.

This lab takes linear regression on a two-feature data set and

1. writes down its loss, gradient and Hessian, and why the Hessian is the
   *uncentred* covariance of the features;
2. measures the condition number before and after standardizing, and
   separates the two things standardizing does (centring and scaling);
3. runs gradient descent with the best fixed step on each version and
   compares the iterations with the rate $(\kappa - 1)/(\kappa + 1)$;
4. whitens fully (ZCA), which makes $\kappa = 1$;
5. checks on a test set, transformed with the training set's statistics,
   that the fits are equally good.

It ends with two exercises. Run it with `make lab11 && build/bin/lab11`;
`build/bin/lab11 --help` lists the parameters.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "opt.h"
#include "data.h"
#include "spectrum.h"
#include "exercise.h"

/**
## The parameters

Every number below is a parameter with a default, written out again in
`labs/11-whitening/params.lua`; copy it, edit it and pass it with
`--config`, or change one value with `--set`.
*/
static const opt_param params[] = {
    /* The data */
    { "train_size", OPT_T_INT, "200", 3, 1000000, "n, the number of training examples" },
    { "test_size", OPT_T_INT, "100", 1, 1000000, "the number of test examples" },
    { "feature_means", OPT_T_LIST, "{10, 20}", -1e6, 1e6, "the two features' means" },
    { "feature_stds", OPT_T_LIST, "{1, 4}", 1e-6, 1e6, "the two features' standard deviations" },
    { "correlation", OPT_T_NUMBER, "0.5", -0.99, 0.99, "the correlation of the two features" },
    { "coefficients", OPT_T_LIST, "{2, 1}", -1e6, 1e6,
      "the true coefficients: y = b1 x1 + b2 x2 + noise (no intercept)" },
    { "noise", OPT_T_NUMBER, "0.5", 0, 1e6, "standard deviation of the noise in y" },
    /* Gradient descent */
    { "start", OPT_T_LIST, "{0, 0}", -1e6, 1e6,
      "every run starts here, in its own coordinates (the feature weights)" },
    { "tol", OPT_T_NUMBER, "1e-6", 1e-14, 0.5,
      "converged when ||g|| <= tol ||g0||: iterations are counted to this" },
    { "max_steps", OPT_T_INT, "100000", 1, 10000000, "step budget of every run" },
};

static const opt_lab_info info = OPT_LAB_INFO("11-whitening", "Data whitening", params);

static opt_lab *lab;

enum { P = 2 };     /* two features: every loss surface can be drawn */

/**
## Your functions, or the reference

The lab calls the two functions you write in `exercise.c`:
`standardize_features` computes the training set's statistics and
applies them to the training and the test set, and `gram_condition_number`
measures $\kappa(X^\top X/n)$. While one is still a stub returning
`OPT_ENOTIMPL`, the lab says so once and uses the library's reference
(`lib/data.h`, `lib/spectrum.h`), so every number and figure exists from
the start.
*/
static int standardize(double *train, size_t n, double *test, size_t n_test, size_t p, double *mean,
                       double *std)
{
    int status = standardize_features(train, n, test, n_test, p, mean, std);
    if (status == OPT_ENOTIMPL) {
        opt_lab_not_implemented(lab, "standardize_features");
        status = opt_column_stats(train, n, p, mean, std);
        for (size_t j = 0; status == OPT_OK && j < p; j++)
            if (opt_is_constant_column(mean[j], std[j]))
                status = OPT_EINVAL;
        if (status == OPT_OK)
            status = opt_standardize_apply(train, n, p, mean, std);
        if (status == OPT_OK && n_test > 0)
            status = opt_standardize_apply(test, n_test, p, mean, std);
    }
    return status;
}

static double gram_kappa(const double *X, size_t n, size_t p)
{
    double kappa = NAN;
    int status = gram_condition_number(X, n, p, &kappa);
    if (status == OPT_ENOTIMPL) {
        opt_lab_not_implemented(lab, "gram_condition_number");
        double *G = opt_lab_alloc(lab, p * p, sizeof *G);
        status = opt_gram(X, n, p, G);
        if (status == OPT_OK)
            status = opt_condition_number(G, p, &kappa);
        if (status == OPT_OK && !(kappa < 1e14))
            status = OPT_EINVAL;        /* singular to working precision */
        free(G);
    }
    if (status != OPT_OK)
        opt_lab_die(lab, "gram_condition_number returned '%s': X^T X / n is singular to "
                    "working precision (collinear features, or scales too far apart)",
                    opt_strerror(status));
    return kappa;
}

/**
## 1. The data

Two features drawn from a normal distribution with means `feature_means`
$= (10, 20)$, standard deviations `feature_stds` $= (1, 4)$ and
`correlation` $\rho = 0.5$: features that sit far from zero, on scales
four times apart, and that are related, as real measurements tend to be.
The target is a noisy linear function of them with *no intercept*,

$$y = \beta_1 x_1 + \beta_2 x_2 + \varepsilon, \qquad
  \beta = (2, 1), \qquad \varepsilon \sim N(0, 0.5^2),$$

so that the model without an intercept is the right one for the raw
data. We draw `train_size` = 200 training examples and `test_size` = 100
test examples from the run's seeded random streams (stream 1 and stream
2 of `--seed`, default 42): the same seed always gives the same data.
*/
typedef struct dataset {
    size_t n, n_test;       /* training and test examples */
    double *X, *y;          /* n-by-P and n */
    double *Xt, *yt;        /* n_test-by-P and n_test */
} dataset;

static double ybar;     /* the training mean of y */

static void draw(size_t n, uint64_t stream, double *X, double *y)
{
    double mean[P], sd[P], beta[P];
    opt_lab_list(lab, "feature_means", mean, P);
    opt_lab_list(lab, "feature_stds", sd, P);
    opt_lab_list(lab, "coefficients", beta, P);
    const double rho = opt_lab_number(lab, "correlation");
    const double cov[P * P] = { sd[0] * sd[0], rho * sd[0] * sd[1],
                                rho * sd[0] * sd[1], sd[1] * sd[1] };
    gsl_rng *r = opt_lab_need(lab, opt_rng_alloc(opt_lab_seed(lab), stream));
    if (opt_gaussian_rows(r, n, P, mean, cov, X) != OPT_OK
        || opt_linear_targets(r, X, n, P, beta, 0, opt_lab_number(lab, "noise"), y) != OPT_OK)
        opt_lab_die(lab, "could not draw the data");
    gsl_rng_free(r);
}

static void write_data(const char *name, const double *X, const double *y, size_t n)
{
    opt_table *t = opt_lab_table(lab, name, "x1\tx2\ty");
    for (size_t i = 0; i < n; i++)
        opt_table_rowv(t, X[i * P], X[i * P + 1], y[i]);
    opt_table_close(t);
}

static void make_data(dataset *d)
{
    opt_lab_section(lab, "1. The data");
    d->n = (size_t)opt_lab_int(lab, "train_size");
    d->n_test = (size_t)opt_lab_int(lab, "test_size");
    d->X = opt_lab_alloc(lab, d->n * P, sizeof *d->X);
    d->y = opt_lab_alloc(lab, d->n, sizeof *d->y);
    d->Xt = opt_lab_alloc(lab, d->n_test * P, sizeof *d->Xt);
    d->yt = opt_lab_alloc(lab, d->n_test, sizeof *d->yt);
    draw(d->n, 1, d->X, d->y);
    draw(d->n_test, 2, d->Xt, d->yt);
    opt_column_stats(d->y, d->n, 1, &ybar, NULL);
    write_data("train", d->X, d->y, d->n);
    write_data("test", d->Xt, d->yt, d->n_test);
    opt_lab_printf(lab, "  %zu training and %zu test examples, written to train.tsv and "
                   "test.tsv\n", d->n, d->n_test);
}

/**
## 2. Loss, gradient, Hessian

Collect the training examples as the rows of the $n \times p$ matrix
$X$ (here $p = 2$) and the targets in $y$. The least-squares loss of
the coefficients $\beta$ is

$$L(\beta) = \frac{1}{n}\,\lVert X\beta - y \rVert^2
  = \frac{1}{n}\left(\beta^\top X^\top X \beta - 2\, y^\top X \beta + y^\top y\right)$$

(the $\frac{1}{n}$ multiplies all three terms), with gradient and Hessian

$$\nabla L(\beta) = \frac{2}{n} X^\top (X\beta - y), \qquad
  H = \frac{2}{n} X^\top X = 2G, \qquad G = \frac{1}{n} X^\top X .$$

**About the factor 2.** The lecture writes the Hessian as
$\frac{1}{n}X^\top X$; differentiating $\frac{1}{n}\lVert X\beta - y\rVert^2$
twice gives $\frac{2}{n}X^\top X$. The factor changes no ratio — the
condition number and the rate are the same for $G$ and $H = 2G$ — but it
does change learning rates, so this lab keeps it: eigenvalues called
$\lambda$ are those of $H$, the true second derivatives, and the best
step is $2/(\lambda_{\min} + \lambda_{\max})$ with them, as in lab 03.
The matrix your `gram_condition_number` measures is $G$.

$H$ does not depend on $\beta$ or on $y$: the loss is an exact quadratic,
its shape fixed by the features alone. Its entries are
$G_{jk} = \frac{1}{n}\sum_i x_{ij}x_{ik}$, averages of products of
features *not* centred on their means: $G$ is the **uncentred
covariance** of the features. Writing $m$ for the vector of feature
means and $\Sigma$ for the (centred) covariance matrix,

$$G = \Sigma + m\,m^\top .$$

A large mean adds the rank-one term $m m^\top$, whose one non-zero
eigenvalue $\lVert m\rVert^2$ is large: the loss becomes very steep
along the direction of $m$ and stays shallow across it. That is the
whole story of this lab in one formula. (The lecture's "real"
covariance, $\frac{1}{n}(X - \mathbf{1}m^\top)^\top(X - \mathbf{1}m^\top)$,
is $\Sigma$.)

In code the loss and its gradient are one pass over the examples.
*/
typedef struct least_squares {
    const double *X, *y;
    size_t n;
} least_squares;

static double least_squares_fdf(const double *beta, double *g, void *ctx)
{
    const least_squares *ls = ctx;
    double loss = 0;
    if (g)
        memset(g, 0, P * sizeof *g);
    for (size_t i = 0; i < ls->n; i++) {
        const double *x = ls->X + i * P;
        const double residual = opt_dot(x, beta, P) - ls->y[i];
        loss += residual * residual;
        if (g)      /* (2/n) X^T (X beta - y), one row at a time */
            opt_axpy(2 * residual / (double)ls->n, x, g, P);
    }
    return loss / (double)ls->n;
}

/**
## 3. Five versions of the same data

We fit the same data five times, each time after a different transform
of the features, always fitted on the training set and applied unchanged
to the test set:

| case | features | target |
|---|---|---|
| raw | $x$ | $y$ |
| scaled only | $x_j / s_j$ | $y$ |
| centred only | $x_j - m_j$ | $y - \bar y$ |
| standardized | $(x_j - m_j)/s_j$ | $y - \bar y$ |
| whitened (ZCA) | $(x - m)\,\Sigma^{-1/2}$ | $y - \bar y$ |

where $m_j$ and $s_j$ are the training mean and standard deviation of
feature $j$ (your `standardize_features` computes them) and $\bar y$ the
training mean of $y$.

**The intercept, handled explicitly.** Centring moves the origin of the
features to their mean, and a model through the new origin needs an
intercept $b$: $\hat y = b + z^\top w$ for the transformed features $z$.
Because every centred column sums to zero over the training set
($\mathbf{1}^\top Z = 0$), the cross term vanishes and the loss splits
exactly into two independent parts,

$$\frac{1}{n}\lVert b\mathbf{1} + Zw - y\rVert^2
  = (b - \bar y)^2 + \frac{1}{n}\lVert Zw - (y - \bar y\mathbf{1})\rVert^2 .$$

So $b = \bar y$ is optimal whatever $w$ is, and we set it at once and
run gradient descent on the two weights $w$ against the centred target.
Nothing is lost: the Hessian in $(b, w)$ is block-diagonal, and after
standardizing the intercept's curvature, 2, lies between the other
block's eigenvalues, so including $b$ in the descent would not change
$\kappa$ (we check that below). The two uncentred cases need no
intercept, since the true line passes through the origin. Every case
therefore has two parameters, and its loss surface can be drawn.

Each case is a `fit_case`: its features and target, the Gram matrix
$G$, the Hessian's eigenvalues, its condition number (from your
`gram_condition_number`) and the exact minimizer $\beta^*$ from the
normal equations $G\beta^* = X^\top y/n$.
*/
typedef struct fit_case {
    const char *key, *title;
    int centred;                /* target y - ybar, intercept ybar */
    double *X, *Xt, *y;         /* training features, test features, target */
    least_squares ls;
    opt_objective f;
    double G[P * P], eig[P];    /* G = X^T X / n; eigenvalues of H = 2G, ascending */
    double kappa, eta, rate, predicted;
    double opt[P];              /* the minimizer beta* */
    opt_trace *trace;
    opt_result run;
    double measured_rate, test_mse;
} fit_case;

enum { RAW, SCALED, CENTRED, STANDARDIZED, WHITENED, NCASES };
static fit_case cases[NCASES] = {
    { .key = "raw", .title = "raw features" },
    { .key = "scaled", .title = "scaled only" },
    { .key = "centred", .title = "centred only", .centred = 1 },
    { .key = "standardized", .title = "standardized", .centred = 1 },
    { .key = "whitened", .title = "whitened (ZCA)", .centred = 1 },
};

/* The Hessian's eigenvalues, kappa, the best step and its rate, and the
 * minimizer, for a case whose X and y are set. */
static void analyse(fit_case *c, size_t n)
{
    c->ls = (least_squares){ c->X, c->y, n };
    c->f = (opt_objective){ P, least_squares_fdf, NULL, &c->ls, c->key };
    double H[P * P], rhs[P] = { 0, 0 };
    opt_gram(c->X, n, P, c->G);
    for (size_t k = 0; k < P * P; k++)
        H[k] = 2 * c->G[k];
    opt_sym_eigenvalues(H, P, c->eig);
    c->kappa = gram_kappa(c->X, n, P);
    c->eta = 2 / (c->eig[0] + c->eig[P - 1]);
    c->rate = (c->kappa - 1) / (c->kappa + 1);
    const double tol = opt_lab_number(lab, "tol");
    c->predicted = c->rate > 0 ? fmax(1, ceil(log(tol) / log(c->rate) - 1e-9)) : 1;
    /* The normal equations G beta* = X^T y / n, 2-by-2, by Cramer's rule. */
    for (size_t i = 0; i < n; i++)
        opt_axpy(c->y[i] / (double)n, c->X + i * P, rhs, P);
    const double det = c->G[0] * c->G[3] - c->G[1] * c->G[2];
    c->opt[0] = (rhs[0] * c->G[3] - c->G[1] * rhs[1]) / det;
    c->opt[1] = (c->G[0] * rhs[1] - c->G[2] * rhs[0]) / det;
}

/* Copies of the training and test features (and the target) for a case. */
static void copy_data(fit_case *c, const dataset *d)
{
    c->X = opt_lab_alloc(lab, d->n * P, sizeof *c->X);
    c->Xt = opt_lab_alloc(lab, d->n_test * P, sizeof *c->Xt);
    c->y = opt_lab_alloc(lab, d->n, sizeof *c->y);
    memcpy(c->X, d->X, d->n * P * sizeof *c->X);
    memcpy(c->Xt, d->Xt, d->n_test * P * sizeof *c->Xt);
    for (size_t i = 0; i < d->n; i++)
        c->y[i] = d->y[i] - (c->centred ? ybar : 0);
}

/* kappa of the features with a column of ones prepended: the lecture's
 * design matrix with an intercept. */
static double kappa_with_intercept(const double *X, size_t n)
{
    double *X1 = opt_lab_alloc(lab, n * (P + 1), sizeof *X1);
    for (size_t i = 0; i < n; i++) {
        X1[i * (P + 1)] = 1;
        memcpy(X1 + i * (P + 1) + 1, X + i * P, P * sizeof *X1);
    }
    const double kappa = gram_kappa(X1, n, P + 1);
    free(X1);
    return kappa;
}

/**
### The raw features

First the data as drawn. We print $G$, the mean vector's contribution
$\lVert m\rVert^2$, the Hessian's eigenvalues and $\kappa$.
*/
static void raw_features(const dataset *d)
{
    opt_lab_section(lab, "3. The raw features");
    double mean[P];
    opt_column_stats(d->X, d->n, P, mean, NULL);
    fit_case *c = &cases[RAW];
    copy_data(c, d);
    analyse(c, d->n);
    opt_lab_printf(lab, "  G = X^T X / n = [%.2f %.2f; %.2f %.2f]\n", c->G[0], c->G[1], c->G[2],
                   c->G[3]);
    opt_lab_quote(lab, "mean_norm_sq", opt_dot(mean, mean, P), "%.1f",
                  "||m||^2, the eigenvalue of the mean's rank-one term m m^T");
    opt_lab_quote(lab, "lambda_max_raw", c->eig[1], "%.2f", "largest eigenvalue of H = 2G");
    opt_lab_quote(lab, "lambda_min_raw", c->eig[0], "%.4f", "smallest eigenvalue of H");
    opt_lab_quote(lab, "kappa_raw", c->kappa, "%.1f", "kappa of the raw features");
    opt_lab_quote(lab, "kappa_raw_intercept", kappa_with_intercept(d->X, d->n), "%.0f",
                  "kappa with the lecture's column of ones added");
}

/**
The largest eigenvalue of $H$ is 999.7, of which $2\lVert m\rVert^2 =
971$ comes from the means alone: the mean direction dominates, as $G =
\Sigma + mm^\top$ predicts. The smallest is 4.92, and $\kappa = 203$.
With the lecture's design matrix, which carries a column of ones for an
intercept ($X \in \mathbb{R}^{n\times(p+1)}$), it is far worse,
$\kappa \approx 51\,000$: a column of ones and two features whose
values hardly move from their means are nearly proportional, so some
combination of the three coefficients barely changes the loss. (The
determinant of that $3 \times 3$ matrix $G$ equals $\det\Sigma$, about
12, while its largest eigenvalue is about 500, close to its trace: the
other two must share a product near 0.024.)

## 4. Standardizing

Your `standardize_features` computes the mean $m_j$ and standard
deviation $s_j$ of every feature over the **training set only**, and
replaces both the training and the test features by $(x_j - m_j)/s_j$.
The test set stands for data we have not seen: computing anything from
it — even a mean — would let it leak into the model, and a score on it
would no longer measure how the model does on new data.

After standardizing, $G$ is the matrix of averages of products of
standardized features: ones on the diagonal and the sample correlation
$r$ off it. Its eigenvalues are $1 \pm r$, so in two dimensions

$$\kappa_{\text{standardized}} = \frac{1 + |r|}{1 - |r|},$$

which depends on the correlation only; the means and the scales are gone.

First, what a constant column does: the lecture's design matrix with its
column of ones, given to `standardize_features` as it is.
*/
static void constant_column(const dataset *d)
{
    double *X1 = opt_lab_alloc(lab, d->n * (P + 1), sizeof *X1), mean[P + 1], std[P + 1];
    for (size_t i = 0; i < d->n; i++) {
        X1[i * (P + 1)] = 1;
        memcpy(X1 + i * (P + 1) + 1, d->X + i * P, P * sizeof *X1);
    }
    const int status = standardize(X1, d->n, NULL, 0, P + 1, mean, std);
    opt_lab_printf(lab, "  [1, x1, x2]: standardize_features returns '%s'; column stds "
                   "%g, %.4f, %.4f\n", opt_strerror(status), std[0], std[1], std[2]);
    opt_lab_record(lab, "ones_column_status", status);
    opt_lab_record(lab, "ones_column_std", std[0]);
    free(X1);
}

/**
It refuses (`OPT_EINVAL`, the data left as it was), and the standard
deviation of 0 in the first column says why: a constant cannot be
scaled to variance 1. The intercept column stays out of the
standardization; we handle the intercept as described in part 3.

Now the five cases. Standardizing comes from your function; the scaled
and the centred cases reuse its statistics with the library's
`opt_standardize_apply` (with all means 0, or all deviations 1), and the
whitened case uses `opt_covariance`, `opt_zca_matrix` and
`opt_whiten_apply` (part 5).
*/
static void standardized_features(const dataset *d, double *train_mean, double *train_std)
{
    opt_lab_section(lab, "4. Standardizing, and its two halves");
    const double zero[P] = { 0, 0 }, one[P] = { 1, 1 };
    fit_case *s = &cases[STANDARDIZED];
    copy_data(s, d);
    const int status = standardize(s->X, d->n, s->Xt, d->n_test, P, train_mean, train_std);
    if (status != OPT_OK)
        opt_lab_die(lab, "standardize_features returned '%s'", opt_strerror(status));
    fit_case *sc = &cases[SCALED], *ce = &cases[CENTRED];
    copy_data(sc, d);
    copy_data(ce, d);
    opt_standardize_apply(sc->X, d->n, P, zero, train_std);
    opt_standardize_apply(sc->Xt, d->n_test, P, zero, train_std);
    opt_standardize_apply(ce->X, d->n, P, train_mean, one);
    opt_standardize_apply(ce->Xt, d->n_test, P, train_mean, one);
    for (int k = SCALED; k <= STANDARDIZED; k++)
        analyse(&cases[k], d->n);

    opt_lab_printf(lab, "  training means (%.4f, %.4f), standard deviations (%.4f, %.4f)\n",
                   train_mean[0], train_mean[1], train_std[0], train_std[1]);
    const double r = s->G[1];       /* standardized: G is the correlation matrix */
    opt_lab_quote(lab, "train_correlation", r, "%.4f", "sample correlation r of the features");
    opt_lab_quote(lab, "kappa_scaled", sc->kappa, "%.1f", "kappa, scaled only");
    opt_lab_quote(lab, "kappa_centred", ce->kappa, "%.2f", "kappa, centred only");
    opt_lab_quote(lab, "kappa_standardized", s->kappa, "%.4f", "kappa, standardized");
    opt_lab_quote(lab, "kappa_correlation_formula", (1 + fabs(r)) / (1 - fabs(r)), "%.4f",
                  "(1 + |r|) / (1 - |r|)");
    opt_lab_quote(lab, "kappa_standardized_intercept", kappa_with_intercept(s->X, d->n), "%.4f",
                  "kappa of [1, z1, z2]: the intercept changes nothing");
    for (int k = 0; k < P; k++) {
        opt_lab_recordf(lab, train_mean[k], "train_mean_%d", k + 1);
        opt_lab_recordf(lab, train_std[k], "train_std_%d", k + 1);
    }
    opt_table *t = opt_lab_table(lab, "standardized", "set\tz1\tz2");    /* 0 train, 1 test */
    for (size_t i = 0; i < d->n; i++)
        opt_table_rowv(t, 0.0, s->X[i * P], s->X[i * P + 1]);
    for (size_t i = 0; i < d->n_test; i++)
        opt_table_rowv(t, 1.0, s->Xt[i * P], s->Xt[i * P + 1]);
    opt_table_close(t);
    opt_lab_figure(lab, "11-data", NULL);
}

/**
Standardizing brings $\kappa$ from 203 down to 2.82, which is exactly
$(1 + |r|)/(1 - |r|)$ for the sample correlation $r = 0.476$ (the
population value is 0.5); with the intercept column added to the
standardized features, $\kappa$ does not move, as promised in part 3.

The two halves of standardizing do very different amounts of work.
**Scaling alone** leaves $\kappa$ at 203: the means, about $(10, 5)$ in
units of the standard deviations, still dominate $G$. **Centring alone**
removes $mm^\top$ and leaves the covariance $\Sigma$, whose $\kappa$
of 21 comes from the unequal scales (variances 1 and 16) together with
the correlation. Only both together leave nothing but the correlation.

![The training and test examples, raw (with the origin) and standardized
with the training mean and standard deviation.](11-data.svg)

The figure shows the data before and after. Raw, the cloud sits far
from the origin and is four times taller than it is wide; standardized,
it is centred on the origin, equally spread along both axes and tilted
only by the correlation. The test examples, transformed with the
training statistics, fall into the same cloud.

## 5. Whitening: $\kappa = 1$

Standardizing leaves the correlation. Full (ZCA) whitening removes it
too: with the training covariance $\Sigma = Q\Lambda Q^\top$, map each
example to $(x - m)\,\Sigma^{-1/2}$, where $\Sigma^{-1/2} = Q\Lambda^{-1/2}
Q^\top$ (the library's `opt_zca_matrix`). The whitened training
features have covariance $I$, so $G = I$, $H = 2I$, $\kappa = 1$,
$\eta^* = 1/2$ and $\rho^* = 0$: gradient descent needs one step. Of
all transforms to identity covariance, ZCA keeps the whitened data
closest to the original (it is symmetric: it stretches along the
eigenvectors and does not rotate), which is why whitened images still
look like images. PCA whitening, $(x - m)\,Q\Lambda^{-1/2}$, is ZCA
followed by a rotation, and does exactly as well for gradient descent:
any rotation of white data is still white. Whitening costs a $p \times
p$ eigendecomposition and a $p \times p$ matrix per example, which for
millions of features is out of reach — one reason why normalization
layers in deep networks standardize each feature separately and leave
the correlations alone.
*/
static void whitened_features(const dataset *d, const double *train_mean)
{
    opt_lab_section(lab, "5. Whitening (ZCA)");
    fit_case *c = &cases[WHITENED];
    double C[P * P], W[P * P];
    copy_data(c, d);
    if (opt_covariance(d->X, d->n, P, train_mean, C) != OPT_OK
        || opt_zca_matrix(C, P, W) != OPT_OK)
        opt_lab_die(lab, "the training covariance is singular: are the features collinear?");
    opt_whiten_apply(c->X, d->n, P, train_mean, W);
    opt_whiten_apply(c->Xt, d->n_test, P, train_mean, W);
    analyse(c, d->n);
    opt_lab_printf(lab, "  ZCA matrix Sigma^(-1/2) = [%.4f %.4f; %.4f %.4f]\n", W[0], W[1],
                   W[2], W[3]);
    opt_lab_quote(lab, "kappa_whitened", c->kappa, "%.12f", "kappa, whitened");
}

/**
## 6. Gradient descent before and after

On each case we run plain gradient descent (the library's `opt_gd`
driven by `opt_run`) from `start` $= (0, 0)$, with the best fixed step
for that case's Hessian,

$$\eta^* = \frac{2}{\lambda_{\min} + \lambda_{\max}}, \qquad
  \text{rate } \rho^* = \frac{\kappa - 1}{\kappa + 1},$$

until $\lVert\nabla L\rVert \le 10^{-6}\,\lVert\nabla L(\beta_0)\rVert$
(`tol`). Lab 03 derived the rate: each step multiplies the error's
component along eigenvector $i$ of $H$ by $1 - \eta\lambda_i$, and at
$\eta^*$ the two extreme factors are $\pm\rho^*$. With only two
eigenvalues, *both* components shrink by exactly $\rho^*$ per step, so
the gradient norm falls by exactly $\rho^*$ per step and the loss gap
$L - L^*$ by $\rho^{*2}$, and the count is predicted exactly:
$\lceil \ln(\mathrm{tol}) / \ln \rho^* \rceil$. (In more dimensions
$\rho^*$ is only the worst case.) We also measure the rate,
$(\lVert g_K\rVert / \lVert g_0\rVert)^{1/K}$ after $K$ steps.
*/
static void descend(fit_case *c)
{
    double beta[P], g0[P];
    opt_lab_list(lab, "start", beta, P);
    opt_eval(&c->f, beta, g0);
    opt_stepper *s = opt_lab_need(lab, opt_stepper_alloc(opt_gd, P, NULL));
    c->trace = opt_lab_need(lab, opt_trace_alloc(P));
    opt_run_params rp = opt_run_defaults();
    rp.lr = c->eta;
    rp.gtol = opt_lab_number(lab, "tol") * opt_norm2(g0, P);
    rp.max_steps = opt_lab_int(lab, "max_steps");
    opt_run(&c->f, s, beta, &rp, c->trace, &c->run);
    opt_stepper_free(s);
    const size_t last = c->trace->rows - 1;
    c->measured_rate = last > 0 ? pow(opt_trace_row(c->trace, last)[2]
                                      / opt_trace_row(c->trace, 0)[2], 1.0 / (double)last)
                                : NAN;
}

/* The loss gap L(beta) - L* = (beta - beta*)^T G (beta - beta*), without
 * the cancellation of subtracting two nearly equal losses. */
static double loss_gap(const fit_case *c, const double *beta)
{
    const double e[P] = { beta[0] - c->opt[0], beta[1] - c->opt[1] };
    return e[0] * (c->G[0] * e[0] + c->G[1] * e[1]) + e[1] * (c->G[2] * e[0] + c->G[3] * e[1]);
}

static void gradient_descent(void)
{
    opt_lab_section(lab, "6. Gradient descent with the best fixed step");
    opt_lab_printf(lab, "  %-16s %10s %10s %11s %11s %10s %10s\n", "case", "kappa", "eta",
                   "rate", "measured", "predicted", "steps");
    char key[64], lr[32];
    size_t rows = 0;
    for (int k = 0; k < NCASES; k++) {
        fit_case *c = &cases[k];
        descend(c);
        if (c->run.status != OPT_OK)
            opt_lab_printf(lab, "  (%s stopped by '%s' after %ld steps: raise max_steps)\n",
                           c->title, c->run.reason, c->run.iterations);
        opt_lab_printf(lab, "  %-16s %10.4g %10.4g %11.6f %11.6f %10.0f %10ld\n", c->title,
                       c->kappa, c->eta, c->rate, c->measured_rate, c->predicted, c->run.iterations);
        const struct { const char *name; double value; } rec[] = {
            { "kappa", c->kappa }, { "eta", c->eta }, { "rate", c->rate },
            { "measured_rate", c->measured_rate }, { "predicted_steps", c->predicted },
            { "steps", c->run.status == OPT_OK ? (double)c->run.iterations : NAN },
            { "lambda_min", c->eig[0] }, { "lambda_max", c->eig[P - 1] },
        };
        for (size_t j = 0; j < sizeof rec / sizeof *rec; j++)
            opt_lab_recordf(lab, rec[j].value, "%s_%s", rec[j].name, c->key);
        snprintf(lr, sizeof lr, "%.17g", c->eta);
        const char *meta[] = { "case", c->title, "lr", lr, NULL };
        snprintf(key, sizeof key, "path-%s", c->key);
        opt_lab_trace(lab, key, c->trace, meta);
        if (c->trace->rows > rows)
            rows = c->trace->rows;
    }
    opt_lab_quote(lab, "speedup",
                  cases[RAW].run.iterations / (double)cases[STANDARDIZED].run.iterations, "%.0f",
                  "steps raw / steps standardized");

    /* Relative loss gaps, one column per case, NaN after a run ended. */
    opt_table *t = opt_lab_table(lab, "loss-gap", "step\traw\tscaled\tcentred\tstandardized\twhitened");
    for (size_t r = 0; r < rows; r++) {
        double row[1 + NCASES] = { (double)r };
        for (int k = 0; k < NCASES; k++) {
            const opt_trace *tr = cases[k].trace;
            row[1 + k] = r < tr->rows ? loss_gap(&cases[k], opt_trace_x(tr, r))
                                        / loss_gap(&cases[k], opt_trace_x(tr, 0))
                                      : NAN;
        }
        opt_table_row(t, row);
    }
    opt_table_close(t);

    opt_figure_vars *vars = opt_figure_vars_new(lab);
    opt_figure_var(vars, "tol=%.17g; ncases=%d", opt_lab_number(lab, "tol"), NCASES);
    static const char *const arrays[] = { "rate", "steps", "g11", "g12", "g22", "b1", "b2" };
    for (size_t a = 0; a < sizeof arrays / sizeof *arrays; a++)
        opt_figure_var(vars, "array %s[%d]", arrays[a], NCASES);
    for (int k = 0; k < NCASES; k++) {
        const fit_case *c = &cases[k];
        opt_figure_var(vars, "rate[%d]=%.17g; steps[%d]=%ld", k + 1, c->rate, k + 1,
                       c->run.iterations);
        opt_figure_var(vars, "g11[%d]=%.17g; g12[%d]=%.17g; g22[%d]=%.17g", k + 1, c->G[0], k + 1,
                       c->G[1], k + 1, c->G[3]);
        opt_figure_var(vars, "b1[%d]=%.17g; b2[%d]=%.17g", k + 1, c->opt[0], k + 1, c->opt[1]);
    }
    opt_lab_figure(lab, "11-loss", opt_figure_vars_text(vars));
    opt_lab_figure(lab, "11-contours", opt_figure_vars_text(vars));
    opt_figure_vars_free(vars);
}

/**
The measured rates agree with $(\kappa - 1)/(\kappa + 1)$ to ten
digits or more, and every count lands on its prediction. The raw
features need 1405 steps at $\rho^* = 0.9902$, the standardized ones 19
at $\rho^* = 0.476$: **74 times fewer**, for a transform that costs one
pass over the data. Scaling alone saves almost nothing (1401 steps);
centring alone gets most of the way (146). Two things about the
standardized case hold whatever the data: its eigenvalues are $2(1 \pm
r)$, so $\eta^* = 1/2$, and its rate $(\kappa - 1)/(\kappa + 1)$ is
$|r|$, the correlation itself.

![Relative loss gap $(L(\beta_k) - L^*)/(L(\beta_0) - L^*)$ against the
step for the five cases, with the predicted $\rho^{*2k}$ (dashed).](11-loss.svg)

On a logarithmic axis each run is a straight line of slope $2\ln\rho^*$
— linear convergence — and the dashed predictions lie on top of them.
In two dimensions the stopping test $\lVert g\rVert \le 10^{-6}\lVert
g_0\rVert$ is the same as a loss gap of $10^{-12}$ (dashed grey), since
both shrink by powers of the same $\rho^*$.

![Contours of the loss and the gradient-descent path, for the raw,
standardized and whitened features, each in its own coordinates (equal
scales on both axes).](11-contours.svg)

The contours show why. The raw loss is a long, thin valley whose steep
direction is the direction of the mean $m$, about $(1, 2)$: the best
step is limited by the steep walls, so every step jumps across the
valley (its factor there is $1 - \eta^*\lambda_{\max} = -\rho^*$,
just above $-1$) while it creeps along the floor at the same slow rate.
The iterates alternate between two straight lines through the minimum,
the even ones on one, the odd ones on the other, and close in on it by
1% per step. The standardized loss is an ellipse tilted by the
correlation, and the path reaches the centre in a few bounces.
Whitened, the contours are circles, and one step lands on the minimum:
at $\eta^* = 1/2$ and $H = 2I$ the gradient step is the Newton step.

*Question.* Run with `--set correlation=0.9`. What happens to $\kappa$
and to the step count after standardizing, and why can standardizing
not help with it? What does whitening do? And with `--set
'feature_means={0, 0}'`, how much is left for standardizing to do?

## 7. The test set

The fits are judged on the 100 test examples, which were transformed
with the *training* statistics. After standardizing, their columns have
means and standard deviations near 0 and 1, but not exactly — nor
should they: they are new data, and the training set's statistics are
estimates. We then compare the test mean squared errors of the five fits
(each from the last iterate of its gradient descent, with the intercept
$\bar y$ where the case has one).
*/
static void test_set(const dataset *d)
{
    opt_lab_section(lab, "7. The test set");
    double mean[P], std[P];
    opt_column_stats(cases[STANDARDIZED].Xt, d->n_test, P, mean, std);
    opt_lab_quote(lab, "test_mean_1", mean[0], "%.4f", "standardized test feature 1, mean");
    opt_lab_quote(lab, "test_mean_2", mean[1], "%.4f", "standardized test feature 2, mean");
    opt_lab_quote(lab, "test_std_1", std[0], "%.4f", "standardized test feature 1, std");
    opt_lab_quote(lab, "test_std_2", std[1], "%.4f", "standardized test feature 2, std");
    char text[96];
    for (int k = 0; k < NCASES; k++) {
        fit_case *c = &cases[k];
        const double *beta = opt_trace_x(c->trace, c->trace->rows - 1);
        double sum = 0;
        for (size_t i = 0; i < d->n_test; i++) {
            const double e = (c->centred ? ybar : 0) + opt_dot(c->Xt + i * P, beta, P) - d->yt[i];
            sum += e * e;
        }
        c->test_mse = sum / (double)d->n_test;
        snprintf(text, sizeof text, "test mean squared error, %s", c->title);
        opt_lab_quotef(lab, c->test_mse, "%.4f", text, "test_mse_%s", c->key);
    }
}

/**
The standardized test features have means 0.24 and 0.20 and standard
deviations 0.996 and 0.988. All five test errors are 0.233 — 0.2333
for the two uncentred fits, 0.2327 for the three centred ones, whose
extra intercept makes the small difference — near the noise variance
$0.5^2 = 0.25$ that no model can beat on average. The five fits make
essentially the same predictions: standardizing changed how fast
gradient descent gets there, not where it goes.

*Question.* Standardize the test set with its own statistics instead
(the classic leak). With 100 test examples from the same distribution,
how much would the test error change here? When would it change a lot —
think of a test set of one example, or one collected later from a
shifted distribution?

## Exercises

Write the two functions declared in `labs/11-whitening/exercise.h`;
their doc comments there are the full assignment. Put your code in
`labs/11-whitening/exercise.c`, in place of the stubs.

1. `standardize_features(train, n_train, test, n_test, p, mean, std)` —
   column means and standard deviations (divided by $n$, in two passes)
   from the training set, applied to the training and the test set in
   place; `OPT_EINVAL` with the statistics filled and the data untouched
   for a constant column. Part 4 (and, through its statistics, the
   scaled and centred cases) uses it.
2. `gram_condition_number(X, n, p, &kappa)` — $\kappa$ of $X^\top X/n$
   from its eigenvalues, without centring; `OPT_EINVAL` when it is
   singular to working precision. Every $\kappa$ the lab prints comes
   from it.

**How they are checked.** `make grade LAB=11` compiles your
`exercise.c` with the tests in `tests/grade/11-whitening.c` and prints a
score table (10 points per exercise); each failed test says what it
checked, what it expected, what came back, and a hint. The tests use
statistics and condition numbers worked out by hand, data with a mean of
$10^8$ (where the one-pass variance fails), constant columns, singular
and badly conditioned designs, and the statuses; some tests are hidden
until after the deadline. Then rerun the lab: the "not implemented yet"
notes disappear, and the numbers and figures should match the reference
run.
*/
/* Parameters whose shape the schema cannot express, checked before any
 * output is written (a bad one exits 2 naming the key). */
static void check_parameters(void)
{
    double v[3];
    const char *pairs[] = { "feature_means", "feature_stds", "coefficients", "start" };
    for (size_t k = 0; k < sizeof pairs / sizeof *pairs; k++)
        if (opt_lab_list(lab, pairs[k], v, 3) != P)
            opt_lab_bad_param(lab, pairs[k], "expected two numbers, one per feature");
}

int main(int argc, char **argv)
{
    lab = opt_lab_start(&info, argc, argv);
    check_parameters();
    dataset d;
    make_data(&d);
    raw_features(&d);
    double mean[P], std[P];
    constant_column(&d);
    standardized_features(&d, mean, std);
    whitened_features(&d, mean);
    gradient_descent();
    test_set(&d);
    for (int k = 0; k < NCASES; k++) {
        free(cases[k].X);
        free(cases[k].Xt);
        free(cases[k].y);
        opt_trace_free(cases[k].trace);
    }
    free(d.X);
    free(d.y);
    free(d.Xt);
    free(d.yt);
    return opt_lab_finish(lab);
}
