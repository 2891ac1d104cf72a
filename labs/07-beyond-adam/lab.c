/**
# Lab 07 — Beyond Adam: RAdam, Lookahead, NovoGrad, LARS

Adam (lab 06) is the default optimizer of deep learning, and much work
since has patched what it does badly. This lab takes four of the patches
from the lecture:

1. **RAdam** — in its first steps Adam divides by a second moment estimated
   from a handful of gradients; RAdam measures how unreliable that estimate
   is and scales the adaptive step down (or skips it) until it is not;
2. **Lookahead** — any optimizer's iterates wander; Lookahead lets them run
   $k$ steps ahead and then pulls a slow copy of the weights part of the
   way after them;
3. **NovoGrad** — Adam keeps a second moment per weight; NovoGrad keeps one
   per *layer*, which halves the memory and normalizes each layer's step;
4. **LARS** — in a deep network the ratio $\lVert w \rVert / \lVert \nabla
   L(w) \rVert$ differs by orders of magnitude between layers, so one
   learning rate moves some layers fast and others hardly at all; LARS
   gives each layer a rate proportional to that ratio.

It ends with three exercises: RAdam's rectification term, Lookahead's
outer update and LARS's local learning rate. Run it with
`make lab07 && build/bin/lab07`; `build/bin/lab07 --help` lists every
parameter, and `--set` changes one, as in `build/bin/lab07 --set
'beta2=0.99'`.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_blas.h>
#include <gsl/gsl_randist.h>
#include "opt.h"
#include "exercise.h"

/**
## The parameters

Every number this lab uses is a parameter with a default; the same defaults
are written out in `labs/07-beyond-adam/params.lua`.
*/
static const opt_param params[] = {
    /* 1. RAdam */
    { "beta2", OPT_T_NUMBER, "0.999", 0.5, 0.99999, "Adam's and RAdam's beta2" },
    { "thresholds", OPT_T_LIST, "{5, 4}", 4, 1e6,
      "rho_t must exceed this to rectify: PyTorch's 5, the paper's 4" },
    { "radam_steps", OPT_T_INT, "10000", 10, 10000000, "steps in RAdam's table and figure" },
    /* 2. Lookahead */
    { "lookahead_k", OPT_T_INT, "5", 1, 1000, "fast steps between synchronizations" },
    { "lookahead_alpha", OPT_T_NUMBER, "0.5", 0, 1, "the slow weights' step towards the fast ones" },
    { "lambdas", OPT_T_LIST, "{1, 12}", 1e-6, 1e6, "the valley f = l1 x1^2 + l2 x2^2" },
    { "start", OPT_T_LIST, "{-2.5, 0.9}", 0, 0, "the start in the valley" },
    { "inner_lr", OPT_T_NUMBER, "0.02", 0, 10, "learning rate of the inner SGD with momentum" },
    { "inner_momentum", OPT_T_NUMBER, "0.9", 0, 0.999, "its momentum rho" },
    { "lookahead_steps", OPT_T_INT, "100", 1, 1000000, "steps in the valley" },
    { "noise", OPT_T_NUMBER, "1", 0, 1e6, "standard deviation of the gradient noise (Adam runs)" },
    { "noisy_lr", OPT_T_NUMBER, "0.1", 1e-12, 100, "Adam's learning rate with noisy gradients" },
    { "noisy_steps", OPT_T_INT, "2000", 10, 1000000, "steps of each noisy run" },
    { "noisy_runs", OPT_T_INT, "20", 1, 10000, "noisy runs averaged" },
    /* 3, 4. NovoGrad and LARS on a three-layer linear network */
    { "layer_sizes", OPT_T_LIST, "{8, 16, 16, 4}", 1, 256,
      "widths of the input, the two hidden layers and the output" },
    { "layer_scales", OPT_T_LIST, "{4, 1, 0.25}", 1e-6, 1e6,
      "initial scale of each weight matrix (entries N(0, s^2 / fan-in))" },
    { "examples", OPT_T_INT, "64", 1, 100000, "training examples" },
    { "layer_steps", OPT_T_INT, "500", 1, 100000, "steps of each run on the network" },
    { "layer_lr", OPT_T_LIST, "{0.03, 0.003, 0.3}", 0, 1e6,
      "learning rates of SGD, NovoGrad and LARS in the per-layer comparison" },
    { "trust", OPT_T_NUMBER, "0.001", 0, 1e6, "LARS's trust coefficient eta" },
    { "lars_momentum", OPT_T_NUMBER, "0.9", 0, 0.999, "LARS's momentum" },
    { "novograd_betas", OPT_T_LIST, "{0.95, 0.98}", 0, 0.999999, "NovoGrad's beta1 and beta2" },
    { "weight_decay", OPT_T_NUMBER, "0", 0, 1, "decoupled weight decay of NovoGrad and LARS" },
    { "sweep_range", OPT_T_LIST, "{1e-5, 100}", 1e-12, 1e12, "learning rates swept, lowest and highest" },
    { "sweep_per_decade", OPT_T_INT, "4", 1, 100, "learning rates per factor of ten" },
    { "target", OPT_T_NUMBER, "1e-3", 0, 1e6, "a run has trained when its final loss is below this" },
};

static const opt_lab_info info =
    OPT_LAB_INFO("07-beyond-adam", "Beyond Adam: RAdam, Lookahead, NovoGrad, LARS", params);

static opt_lab *lab;

/**
## Your functions, or the reference

The lab calls the three functions you write in `exercise.c`. Where one is
still a stub it says so once and uses the library instead: `opt_radam_rho`
and `opt_radam_rectification` for RAdam, the library's Lookahead stepper,
and its LARS stepper. Each call goes through a small wrapper that makes
this choice, written next to the part that first uses it; the first one
is here.
*/
static void rectification(double beta2, long t, double threshold, double *rho, double *r)
{
    int status = radam_rectification(beta2, t, threshold, rho, r);
    if (status == OPT_ENOTIMPL) {
        opt_lab_not_implemented(lab, "radam_rectification");
        *rho = opt_radam_rho(beta2, t);
        *r = *rho > threshold ? opt_radam_rectification(beta2, t) : 0;
    } else if (status != OPT_OK) {
        opt_lab_die(lab, "radam_rectification returned '%s' at t = %ld", opt_strerror(status), t);
    }
}

/**
## 1. RAdam: rectifying the adaptive learning rate

Adam's step divides by $\sqrt{\hat v_t}$, an estimate of the gradient's
second moment. At step 1 it is the square of *one* gradient, at step 2 an
average of two: a noisy estimate, and dividing by a noisy number gives a
step whose size varies wildly. The lecture's evidence is the histogram of
gradients in the first iterations of training without warm-up, which the
first few updates distort badly; warming the learning rate up from zero
(lab 08) hides the problem while $\hat v$ collects samples. RAdam (Liu et
al.) works out *how much* to hide it.

An exponential moving average with decay $\beta_2$ behaves like a simple
moving average of some length. In the long run that length is

$$\rho_\infty = \frac{2}{1 - \beta_2} - 1,$$

1999 for $\beta_2 = 0.999$; after $t$ steps it is only

$$\rho_t = \rho_\infty - \frac{2 t \beta_2^t}{1 - \beta_2^t},$$

which is 1 at $t = 1$ and grows by about one per step at first. The
variance of the adaptive rate is infinite while $\rho_t \le 4$; once it is
finite ("tractable"), RAdam multiplies the adaptive step by

$$r_t = \sqrt{\frac{(\rho_t - 4)(\rho_t - 2)\,\rho_\infty}
               {(\rho_\infty - 4)(\rho_\infty - 2)\,\rho_t}},$$

the factor that brings the variance down to its long-run value, and steps
$x_t = x_{t-1} - \eta\, r_t\, \hat m_t / \sqrt{\hat v_t}$. Before that it
takes a plain momentum step, $x_t = x_{t-1} - \eta\, \hat m_t$: no division
at all. The paper's Algorithm 2 rectifies when $\rho_t > 4$; PyTorch (and
the library's `rho_threshold`) waits for $\rho_t > 5$.

Computing $\rho_t$ and $r_t$ is exercise 1. The table below comes from
your `radam_rectification`, for both thresholds (`thresholds`).
*/
static void radam(void)
{
    opt_lab_section(lab, "1. RAdam: the length of the average and the rectification");
    const double beta2 = opt_lab_number(lab, "beta2");
    double thr[2];
    opt_lab_list(lab, "thresholds", thr, 2);
    const long T = opt_lab_int(lab, "radam_steps");
    long first[2] = { 0, 0 }, half = 0, most = 0;
    double r_first[2] = { 0, 0 };
    opt_lab_printf(lab, "      t        rho_t      r_t (threshold %g)   r_t (threshold %g)\n",
                   thr[0], thr[1]);
    opt_table *tab = opt_lab_table(lab, "radam", "t\trho\tr\tr_paper");
    for (long t = 1; t <= T; t++) {
        double rho, r[2];
        for (int k = 0; k < 2; k++) {
            rectification(beta2, t, thr[k], &rho, &r[k]);
            if (!first[k] && r[k] > 0)
                first[k] = t, r_first[k] = r[k];
        }
        if (!half && r[0] >= 0.5)
            half = t;
        if (!most && r[0] >= 0.9)
            most = t;
        if (t <= 100 || t % (long)pow(10, floor(log10((double)t)) - 1) == 0 || t == T)
            opt_table_rowv(tab, (double)t, rho, r[0], r[1]);
        if (t <= 8 || t == 10 || t == 100 || t == 1000 || t == 10000) {
            opt_lab_printf(lab, "  %5ld  %11.6f  %12.6f  %18.6f\n", t, rho, r[0], r[1]);
            opt_lab_recordf(lab, rho, "radam_rho_t%ld", t);
            opt_lab_recordf(lab, r[0], "radam_r_t%ld", t);
        }
    }
    opt_table_close(tab);
    opt_lab_quote(lab, "radam_rho_inf", 2 / (1 - beta2) - 1, "%.6g", "rho_inf = 2 / (1 - beta2) - 1");
    opt_lab_quote(lab, "radam_first_rectified", (double)first[0], "%.0f",
                  "first rectified step, threshold 5 (PyTorch)");
    opt_lab_quote(lab, "radam_first_rectified_paper", (double)first[1], "%.0f",
                  "first rectified step, threshold 4 (the paper)");
    opt_lab_quote(lab, "radam_r_first", r_first[0], "%.4f", "r_t at PyTorch's first rectified step");
    opt_lab_quote(lab, "radam_r_first_paper", r_first[1], "%.4f", "r_t at the paper's first one");
    opt_lab_quote(lab, "radam_r_half", (double)half, "%.0f", "first step with r_t >= 0.5");
    opt_lab_quote(lab, "radam_r_most", (double)most, "%.0f", "first step with r_t >= 0.9");
    char vars[160];
    snprintf(vars, sizeof vars, "T=%ld; beta2=%.17g; t_first=%ld; t_paper=%ld; thr=%g; thr_paper=%g",
             T, beta2, first[0], first[1], thr[0], thr[1]);
    opt_lab_figure(lab, "07-radam", vars);
}

/**
![RAdam for $\beta_2 = 0.999$: the length of the average $\rho_t$ (right
axis) and the rectification $r_t$ (left axis) over the first 10 000
steps. Before the threshold, no adaptive step at all.](07-radam.svg)

For $\beta_2 = 0.999$, $\rho_\infty = 1999$ and $\rho_t$ climbs 1, 2.0,
3.0, 4.0, 5.0, 6.0, ...: the paper's rule first rectifies at step 5, where
$\rho_5 = 4.996$, PyTorch's at step 6 ($\rho_6 = 5.994$). The first
rectified step is tiny: $r_6 = 0.026$, so the adaptive step starts at 2.6 %
of Adam's. It reaches half of Adam's at step 556 and 90 % at step 2737:
RAdam has a warm-up of a few thousand steps built in, set by $\beta_2$
alone, with no schedule to tune. That is the sense in which the decks call
it a "dynamic variance reducer".

*Question.* Set `beta2=0.99`. How long is the built-in warm-up now, and
how does it compare with $2/(1 - \beta_2)$?

## 2. Lookahead: $k$ steps forward, one step back

Lookahead (Zhang, Lucas, Hinton and Ba) keeps two copies of the weights:
*fast* weights $\theta$, which any optimizer — the inner one — updates as
usual, and *slow* weights $\phi$. Every $k$ steps (`lookahead_k` = 5) the
slow weights take one step towards the fast ones and the fast ones restart
from there:

$$\phi \leftarrow \phi + \alpha\,(\theta - \phi), \qquad \theta \leftarrow \phi,$$

with $\alpha$ = `lookahead_alpha` = 0.5. The fast weights explore; the slow
weights keep the average of where the exploration went, which damps
oscillations across a valley while keeping the progress along it. That
outer update is exercise 2; the lab wraps it and any inner stepper into a
stepper of its own (above), so the driver runs it like any other method.

We try it where the inner optimizer misbehaves: SGD with heavy momentum
($\rho = 0.9$, $\eta = 0.02$) on the valley $x_1^2 + 12\,x_2^2$ of lab 06,
which swings far past the minimum and back.
*/
/* Lookahead as a stepper: the library's, whose state is the slow weights
 * phi; the inner stepper (in the hyper-parameters) takes the fast steps,
 * and your lookahead_outer_update the step back. */
static int lookahead_exercise(opt_stepper *s, double *x, const double *g, double lr)
{
    const opt_lookahead_params *p = s->hp;
    double *phi = opt_stepper_buffer_writable(s, "slow_weights");
    if (s->t == 1)
        memcpy(phi, x, s->n * sizeof *x);                  /* the slow weights start at x */
    int status = opt_stepper_step(p->inner, x, g, lr);     /* one fast step */
    if (status == OPT_OK && s->t % p->k == 0)              /* k forward, then 1 back */
        status = lookahead_outer_update(phi, x, s->n, p->alpha);
    return status;
}

/* A Lookahead around inner (which it owns): yours where written. */
static opt_stepper *new_lookahead(opt_stepper *inner, long k, double alpha)
{
    double a = 0, b = 1;
    opt_stepper *s;
    if (lookahead_outer_update(&a, &b, 1, 0.5) != OPT_ENOTIMPL) {
        static opt_stepper_type yours;      /* the library's type, your step */
        yours = *opt_lookahead;
        yours.step = lookahead_exercise;
        opt_lookahead_params p = { k, alpha, inner };
        s = opt_stepper_alloc(&yours, inner->n, &p);
    } else {
        opt_lab_not_implemented(lab, "lookahead_outer_update");
        s = opt_lookahead_alloc(inner, k, alpha);
    }
    return opt_lab_need(lab, s);
}

typedef struct noisy { opt_quad2 *q; gsl_rng *rng; double sigma; } noisy;

/* The valley's loss, exact; its gradient plus N(0, sigma^2) per entry. */
static double noisy_fdf(const double *x, double *g, void *ctx)
{
    noisy *c = ctx;
    const double f = opt_quad2_fdf(x, g, c->q);
    if (g)
        for (int i = 0; i < 2; i++)
            g[i] += gsl_ran_gaussian_ziggurat(c->rng, c->sigma);
    return f;
}

/* Adam (or Lookahead around Adam) on the noisy valley: the mean over runs
 * of the mean loss over the last 10 % of the steps. */
static double noisy_floor(opt_quad2 *q, const double start[2], int with_lookahead)
{
    const long T = opt_lab_int(lab, "noisy_steps"), runs = opt_lab_int(lab, "noisy_runs");
    double floor_sum = 0;
    for (long run = 0; run < runs; run++) {
        noisy ctx = { q, opt_rng_alloc(opt_lab_seed(lab), 100 + (uint64_t)run),
                      opt_lab_number(lab, "noise") };
        opt_objective obj = { 2, noisy_fdf, NULL, &ctx, "noisy valley" };
        opt_lab_need(lab, ctx.rng);
        opt_stepper *s = opt_lab_need(lab, opt_stepper_alloc(opt_adam, 2, NULL));
        if (with_lookahead)
            s = new_lookahead(s, opt_lab_int(lab, "lookahead_k"), opt_lab_number(lab, "lookahead_alpha"));
        opt_trace *tr = opt_lab_need(lab, opt_trace_alloc(2));
        double x[2] = { start[0], start[1] };
        opt_run_params p = opt_run_defaults();
        p.lr = opt_lab_number(lab, "noisy_lr");
        p.max_steps = T;
        opt_result res;
        if (opt_run(&obj, s, x, &p, tr, &res) != OPT_EMAXITER)
            opt_lab_die(lab, "a noisy run stopped at step %ld: %s", res.iterations, res.reason);
        double sum = 0;
        const size_t from = tr->rows - tr->rows / 10;
        for (size_t r = from; r < tr->rows; r++)
            sum += opt_trace_row(tr, r)[1];
        floor_sum += sum / (double)(tr->rows - from);
        opt_trace_free(tr);
        opt_stepper_free(s);
        gsl_rng_free(ctx.rng);
    }
    return floor_sum / (double)runs;
}

static void lookahead(void)
{
    opt_lab_section(lab, "2. Lookahead around SGD with momentum, and around Adam");
    double lambdas[2], start[2];
    opt_lab_list(lab, "lambdas", lambdas, 2);
    opt_lab_list(lab, "start", start, 2);
    opt_quad2 q;
    opt_quad2_rotated(&q, lambdas[0], lambdas[1], 0);
    opt_objective obj = opt_quad2_objective(&q);
    const long k = opt_lab_int(lab, "lookahead_k");
    const double alpha = opt_lab_number(lab, "lookahead_alpha");
    opt_sgd_params hp = *(const opt_sgd_params *)opt_sgd->hp_default;
    hp.momentum = opt_lab_number(lab, "inner_momentum");
    const char *names[2] = { "lookahead-inner", "lookahead" };
    const char *keys[2] = { "inner_loss", "lookahead_loss" };
    const char *texts[2] = { "SGD + momentum alone: final loss", "Lookahead around it: final loss" };
    for (int with = 0; with < 2; with++) {
        opt_stepper *s = opt_lab_need(lab, opt_stepper_alloc(opt_sgd, 2, &hp));
        if (s && with)
            s = new_lookahead(s, k, alpha);
        opt_trace *tr = opt_lab_need(lab, opt_trace_alloc(2));
        double x[2] = { start[0], start[1] };
        opt_run_params p = opt_run_defaults();
        p.lr = opt_lab_number(lab, "inner_lr");
        p.max_steps = opt_lab_int(lab, "lookahead_steps");
        opt_result res;
        opt_run(&obj, s, x, &p, tr, &res);
        if (res.status == OPT_EDIVERGED)
            opt_lab_printf(lab, "  (%s diverged at step %ld)\n", names[with], res.iterations);
        opt_lab_quote(lab, keys[with], res.f, "%.3g", texts[with]);
        double swing = 0;             /* the farthest point past the minimum, x1 > 0 */
        for (size_t r = 0; r < tr->rows; r++)
            swing = fmax(swing, opt_trace_x(tr, r)[0]);
        opt_lab_quotef(lab, swing, "%.3f", "  farthest x1 past the minimum", "%s_swing",
                       with ? "lookahead" : "inner");
        opt_lab_trace(lab, names[with], tr, NULL);
        opt_trace_free(tr);
        opt_stepper_free(s);
    }
    const double plain = noisy_floor(&q, start, 0), ahead = noisy_floor(&q, start, 1);
    opt_lab_quote(lab, "noisy_adam_floor", plain, "%.3g", "noisy gradients: Adam's loss floor");
    opt_lab_quote(lab, "noisy_lookahead_floor", ahead, "%.3g", "Lookahead around Adam: its floor");
    opt_lab_quote(lab, "noisy_floor_ratio", plain / ahead, "%.3g", "ratio of the floors");

    /* The contours of the valley, for the figure. */
    enum { GRID = 121 };
    opt_table *t = opt_lab_table(lab, "lookahead-grid", "x\ty\tz");
    for (int i = 0; i < GRID; i++) {
        for (int j = 0; j < GRID; j++) {
            const double x[2] = { -3.4 + 6.35 * i / (GRID - 1), -1.3 + 2.6 * j / (GRID - 1) };
            opt_table_rowv(t, x[0], x[1], log10(opt_eval(&obj, x, NULL) + 1e-3));
        }
        fputc('\n', opt_table_file(t));
    }
    opt_table_close(t);
    char vars[96];
    snprintf(vars, sizeof vars, "k=%ld; alpha=%g; steps=%ld", k, alpha,
             opt_lab_int(lab, "lookahead_steps"));
    opt_lab_figure(lab, "07-lookahead", vars);
}

/**
![SGD with momentum on the valley, alone and inside Lookahead ($k = 5$,
$\alpha = 0.5$): paths (top; the slow weights are the ringed points, one
every $k$ steps) and the loss (bottom).](07-lookahead.svg)

Alone, SGD with momentum overshoots the minimum to $x_1 = 1.09$ and
spirals in slowly; after 100 steps its loss is $3 \times 10^{-4}$. Inside
Lookahead the same inner steps are pulled back halfway every five steps:
the overshoot shrinks to 0.59 and the loss after 100 steps is about
$10^{-6}$. Each synchronization halves the distance the fast weights ran
off, which removes most of the momentum's swing, while along the valley
the slow weights still advance by half of five fast steps.

Lookahead also smooths *noise*. Around Adam on the valley with noisy
gradients (`noise` = 1, $\eta = 0.1$, the setting where lab 06 found Adam
hovering), averaged over 20 runs of 2000 steps, the loss floor falls from
0.045 to 0.022: the slow weights average the fast weights' random walk,
and the ball they hover in is half as large in loss. That is cheap — one
extra copy of the weights — and works around any optimizer; the decks
quote it as complementary to RAdam.

*Question.* Set `lookahead_alpha=1` and then `lookahead_alpha=0`. What
does Lookahead reduce to in each case?

## 3. A network whose layers have different scales

For NovoGrad and LARS we need layers. The smallest example with the
property that matters is a **deep linear network**: three weight matrices,
$\hat y = W_3 W_2 W_1 x$, fitted by least squares,

$$L = \frac{1}{2N} \sum_{i=1}^N \lVert W_3 W_2 W_1 x_i - y_i \rVert^2,$$

to $N$ = 64 examples $x_i \in \mathbb{R}^8$ with targets $y_i = T x_i$
from a random $T$. Its gradients are backpropagation through three
matrix products: with $H_1 = W_1 X$, $H_2 = W_2 H_1$ and the residual $R =
(W_3 H_2 - Y)/N$, $\nabla_{W_3} = R H_2^\top$, $\nabla_{W_2} = W_3^\top R
H_1^\top$, $\nabla_{W_1} = W_2^\top W_3^\top R X^\top$.

The layers start at different scales, `layer_scales` = (4, 1, 0.25): the
product is of order one, as it should be, but the first matrix is large
and the last small. (Multiplying one layer by $c$ and the next by $1/c$
leaves the network's function unchanged, so nothing in the loss prefers
balanced layers.) The gradient of a layer is proportional to the *other*
layers' scales, so $\lVert W_l \rVert / \lVert \nabla_{W_l} L \rVert$
scales like $s_1/(s_2 s_3) = 16$ for the first layer and $s_3/(s_1 s_2) =
1/16$ for the last: a factor of $16^2 = 256$ from the scales alone, and
the layers' widths add to it. Measured, it is 661.
*/
enum { LAYERS = 3 };

typedef struct network {
    size_t d[LAYERS + 1], N, size[LAYERS], n;   /* widths, examples, sizes of W1..W3 */
    double *X, *Y;                              /* d0 x N inputs, d3 x N targets */
    double *H1, *H2, *R, *D2, *D1;              /* forward and backward buffers */
} network;

static gsl_matrix_view matrix(double *p, size_t rows, size_t cols)
{
    return gsl_matrix_view_array(p, rows, cols);
}

static double network_fdf(const double *w, double *g, void *ctx)
{
    network *a = ctx;
    const size_t *d = a->d, N = a->N;
    double *W = (double *)w;          /* read only: gsl_matrix views are not const */
    gsl_matrix_view W1 = matrix(W, d[1], d[0]), W2 = matrix(W + a->size[0], d[2], d[1]),
                    W3 = matrix(W + a->size[0] + a->size[1], d[3], d[2]);
    gsl_matrix_view X = matrix(a->X, d[0], N), H1 = matrix(a->H1, d[1], N),
                    H2 = matrix(a->H2, d[2], N), R = matrix(a->R, d[3], N);
    gsl_blas_dgemm(CblasNoTrans, CblasNoTrans, 1, &W1.matrix, &X.matrix, 0, &H1.matrix);
    gsl_blas_dgemm(CblasNoTrans, CblasNoTrans, 1, &W2.matrix, &H1.matrix, 0, &H2.matrix);
    memcpy(a->R, a->Y, d[3] * N * sizeof *a->R);
    gsl_blas_dgemm(CblasNoTrans, CblasNoTrans, 1, &W3.matrix, &H2.matrix, -1, &R.matrix);
    double f = 0;
    for (size_t i = 0; i < d[3] * N; i++)
        f += a->R[i] * a->R[i];
    if (g) {
        for (size_t i = 0; i < d[3] * N; i++)
            a->R[i] /= (double)N;
        gsl_matrix_view G1 = matrix(g, d[1], d[0]), G2 = matrix(g + a->size[0], d[2], d[1]),
                        G3 = matrix(g + a->size[0] + a->size[1], d[3], d[2]);
        gsl_matrix_view D2 = matrix(a->D2, d[2], N), D1 = matrix(a->D1, d[1], N);
        gsl_blas_dgemm(CblasNoTrans, CblasTrans, 1, &R.matrix, &H2.matrix, 0, &G3.matrix);
        gsl_blas_dgemm(CblasTrans, CblasNoTrans, 1, &W3.matrix, &R.matrix, 0, &D2.matrix);
        gsl_blas_dgemm(CblasNoTrans, CblasTrans, 1, &D2.matrix, &H1.matrix, 0, &G2.matrix);
        gsl_blas_dgemm(CblasTrans, CblasNoTrans, 1, &W2.matrix, &D2.matrix, 0, &D1.matrix);
        gsl_blas_dgemm(CblasNoTrans, CblasTrans, 1, &D1.matrix, &X.matrix, 0, &G1.matrix);
    }
    return f / (2.0 * (double)N);
}

/* Random data, a random teacher T and the starting weights w0. */
static double *make_network(network *a)
{
    double d[LAYERS + 1], s[LAYERS];
    opt_lab_list(lab, "layer_sizes", d, LAYERS + 1);
    opt_lab_list(lab, "layer_scales", s, LAYERS);
    a->N = (size_t)opt_lab_int(lab, "examples");
    a->n = 0;
    for (int l = 0; l <= LAYERS; l++)
        a->d[l] = (size_t)d[l];
    for (int l = 0; l < LAYERS; l++)
        a->n += a->size[l] = a->d[l + 1] * a->d[l];
    const size_t N = a->N, widest = a->d[1] > a->d[2] ? a->d[1] : a->d[2];
    a->X = opt_lab_alloc(lab, a->d[0] * N, sizeof(double));
    a->Y = opt_lab_alloc(lab, a->d[3] * N, sizeof(double));
    a->H1 = opt_lab_alloc(lab, widest * N * 4, sizeof(double));
    a->H2 = a->H1 + widest * N, a->D2 = a->H2 + widest * N, a->D1 = a->D2 + widest * N;
    a->R = opt_lab_alloc(lab, a->d[3] * N, sizeof(double));
    double *teacher = opt_lab_alloc(lab, a->d[3] * a->d[0], sizeof(double));
    double *w0 = opt_lab_alloc(lab, a->n, sizeof *w0);
    gsl_rng *r = opt_lab_need(lab, opt_rng_alloc(opt_lab_seed(lab), 7));
    for (size_t i = 0; i < a->d[0] * N; i++)
        a->X[i] = gsl_ran_gaussian_ziggurat(r, 1);
    for (size_t i = 0; i < a->d[3] * a->d[0]; i++)
        teacher[i] = gsl_ran_gaussian_ziggurat(r, 1 / sqrt((double)a->d[0]));
    for (size_t o = 0; o < a->d[3]; o++)
        for (size_t j = 0; j < a->d[0]; j++)
            for (size_t k = 0; k < N; k++)
                a->Y[o * N + k] += teacher[o * a->d[0] + j] * a->X[j * N + k];
    for (int l = 0, off = 0; l < LAYERS; off += (int)a->size[l], l++)
        for (size_t i = 0; i < a->size[l]; i++)
            w0[(size_t)off + i] = gsl_ran_gaussian_ziggurat(r, s[l] / sqrt((double)a->d[l]));
    gsl_rng_free(r);
    free(teacher);
    return w0;
}

static void free_network(network *a)
{
    free(a->X), free(a->Y), free(a->H1), free(a->R);
}

/**
At the start, layer by layer (the gradient is checked against central
differences first, as in lab 01):
*/
static const char *const layer_name[LAYERS] = { "W1", "W2", "W3" };

static void layer_table(network *a, const double *w0)
{
    opt_lab_section(lab, "3. A three-layer linear network: the layers at the start");
    opt_objective obj = { a->n, network_fdf, NULL, a, "deep linear network" };
    double *g = opt_lab_alloc(lab, a->n, sizeof *g), *num = opt_lab_alloc(lab, a->n, sizeof *num);
    double worst = 0;
    opt_grad_central(&obj, w0, 1e-5, num);
    const double f0 = opt_eval(&obj, w0, g);
    for (size_t i = 0; i < a->n; i++)
        worst = fmax(worst, opt_rel_error(g[i], num[i]));
    opt_lab_quote(lab, "layers_gradient_check", worst, "%.2g",
                  "gradient check: largest relative error");
    opt_lab_quote(lab, "layers_initial_loss", f0, "%.4g", "loss at the start");
    opt_lab_printf(lab, "  layer  entries   ||w||      ||grad||    ||w||/||grad||   LARS local lr\n");
    opt_table *t = opt_lab_table(lab, "layers", "layer\twnorm\tgnorm\tratio\tlocal_lr");
    double lo = INFINITY, hi = 0;
    for (int l = 0, off = 0; l < LAYERS; off += (int)a->size[l], l++) {
        const double *wl = w0 + off, *gl = g + off;
        const double wn = opt_norm2(wl, a->size[l]), gn = opt_norm2(gl, a->size[l]);
        double local;
        int status = lars_local_lr(wl, gl, a->size[l], opt_lab_number(lab, "trust"),
                                   opt_lab_number(lab, "weight_decay"), &local);
        if (status == OPT_ENOTIMPL) {
            opt_lab_not_implemented(lab, "lars_local_lr");
            local = opt_lars_local_lr(wl, gl, a->size[l], opt_lab_number(lab, "trust"),
                                      opt_lab_number(lab, "weight_decay"));
        } else if (status != OPT_OK) {
            opt_lab_die(lab, "lars_local_lr returned '%s'", opt_strerror(status));
        }
        opt_lab_printf(lab, "  %-5s  %7zu  %9.4f  %10.4f  %15.4g  %14.4g\n", layer_name[l],
                       a->size[l], wn, gn, wn / gn, local);
        opt_table_rowv(t, (double)(l + 1), wn, gn, wn / gn, local);
        opt_lab_recordf(lab, wn / gn, "ratio_%s", layer_name[l]);
        opt_lab_recordf(lab, local, "local_lr_%s", layer_name[l]);
        lo = fmin(lo, wn / gn), hi = fmax(hi, wn / gn);
    }
    opt_table_close(t);
    opt_lab_quote(lab, "ratio_spread", hi / lo, "%.0f", "largest / smallest ||w||/||grad||");
    free(g);
    free(num);
}

/**
The lecture's table for AlexNet with batch normalization (You, Gitman and
Ginsburg, Table 2: the norms at the first iteration) tells the same story
on a real network: the ratio runs from 5.76 for conv1's weights to 1345
for fc6's, a factor of 234, and the bias and the weights of one layer
often differ by a factor of ten. Both are drawn below. (One entry of the
table does not add up: conv5.w's gradient norm is printed as 0.0002, which
would make its ratio 800 rather than the 69 listed; we keep the table as
printed and draw its ratio row.)
*/
/* The deck's table as printed (conv5.w's gradient norm included). */
static const struct { const char *layer; double w, g, ratio; } alexnet[] = {
    { "conv1.b", 1.86, 0.22, 8.48 }, { "conv1.w", 0.098, 0.017, 5.76 },
    { "conv2.b", 5.546, 0.165, 33.6 }, { "conv2.w", 0.16, 0.002, 83.5 },
    { "conv3.b", 9.40, 0.135, 69.9 }, { "conv3.w", 0.196, 0.0015, 127 },
    { "conv4.b", 8.15, 0.109, 74.6 }, { "conv4.w", 0.196, 0.0013, 148 },
    { "conv5.b", 6.65, 0.09, 73.6 }, { "conv5.w", 0.16, 0.0002, 69 },
    { "fc6.b", 30.7, 0.26, 117 }, { "fc6.w", 6.4, 0.005, 1345 },
    { "fc7.b", 20.5, 0.30, 68 }, { "fc7.w", 6.4, 0.013, 489 },
    { "fc8.b", 20.2, 0.22, 93 }, { "fc8.w", 0.316, 0.016, 19 },
};

static void alexnet_table(void)
{
    const size_t count = sizeof alexnet / sizeof *alexnet;
    double lo = INFINITY, hi = 0;
    opt_table *t = opt_lab_table(lab, "alexnet", "index\tlayer\twnorm\tgnorm\tratio");
    for (size_t i = 0; i < count; i++) {
        fprintf(opt_table_file(t), "%zu\t%s\t%g\t%g\t%g\n", i, alexnet[i].layer, alexnet[i].w,
                alexnet[i].g, alexnet[i].ratio);
        lo = fmin(lo, alexnet[i].ratio), hi = fmax(hi, alexnet[i].ratio);
    }
    opt_table_close(t);
    opt_lab_quote(lab, "alexnet_ratio_min", lo, "%.3g", "AlexNet-BN: smallest ||w||/||grad||");
    opt_lab_quote(lab, "alexnet_ratio_max", hi, "%.4g", "AlexNet-BN: largest");
    opt_lab_quote(lab, "alexnet_ratio_spread", hi / lo, "%.0f", "AlexNet-BN: largest / smallest");
    opt_lab_figure(lab, "07-ratios", NULL);
}

/**
![$\lVert w \rVert / \lVert \nabla L(w) \rVert$ per layer: AlexNet-BN at
its first iteration (left, the lecture's table) and our three-layer
network at its start (right), on a log scale.](07-ratios.svg)

## 4. NovoGrad and LARS: one rate per layer

With one learning rate $\eta$, plain SGD changes layer $l$ by a fraction
$\eta \lVert \nabla_{W_l} L \rVert / \lVert W_l \rVert$ of its size per
step: the reciprocal of the ratio above. The rate must be small enough for
the layer with the *smallest* ratio, here $W_3$, and the others then learn
hundreds of times more slowly, relative to their size.

**NovoGrad** (Ginsburg et al.) keeps Adam's idea but one second moment per
layer: $v_l = \beta_2 v_l + (1 - \beta_2) \lVert g_l \rVert^2$ (the first
$v_l$ is $\lVert g_l \rVert^2$), and a momentum of the *normalized*
gradient with the weight decay added after the normalization (decoupled,
as in AdamW):

$$m_l \leftarrow \beta_1 m_l + \Big(\frac{g_l}{\sqrt{v_l} + \varepsilon} + d\, w_l\Big),
\qquad w_l \leftarrow w_l - \eta\, m_l.$$

Its state is one vector $m$ plus one number per layer — half of Adam's
two vectors. Its first step moves every layer by exactly $\eta$ in norm:
equal *absolute* steps.

**LARS** (You, Gitman and Ginsburg) gives each layer a local rate
$\lambda_l = \text{trust}\cdot \lVert w_l \rVert / (\lVert g_l \rVert + d
\lVert w_l \rVert)$ (exercise 3), and runs momentum on the scaled
gradient: $b_l \leftarrow \mu b_l + \eta \lambda_l (g_l + d\,w_l)$, $w_l
\leftarrow w_l - b_l$. Without momentum and decay each step changes every
layer by the same *fraction* $\eta \cdot \text{trust}$ of its norm —
the lecture's $\lVert \Delta w^l \rVert / \lVert w^l \rVert = $ const.

Both are steppers with parameter groups: the lab splits the 448 weights
into the three layers with `opt_stepper_set_groups`. We run SGD, NovoGrad
and LARS at the rates `layer_lr` (0.03, 0.003 and 0.3), each decayed to
zero along a cosine over the 500 steps — normalized steps do not shrink by
themselves near a minimum (lab 06) — and record, at every step, how much
each layer changed relative to its size.
*/
enum { M_SGD, M_ADAM, M_NOVOGRAD, M_LARS, LAYER_METHODS };
static const char *const layer_method[LAYER_METHODS] = { "sgd", "adam", "novograd", "lars" };

/* LARS as a stepper, per parameter group (layer): the library's, whose
 * state is the momentum buffer b, and your lars_local_lr gives each layer
 * its rate. */
static int lars_exercise(opt_stepper *s, double *w, const double *g, double lr)
{
    const opt_lars_params *p = s->hp;
    double *b = opt_stepper_buffer_writable(s, "momentum_buffer");
    for (size_t l = 0; l < s->ngroups; l++) {
        size_t lo, hi;
        opt_stepper_group(s, l, &lo, &hi);
        double local;
        int status = lars_local_lr(w + lo, g + lo, hi - lo, p->trust, p->weight_decay, &local);
        if (status != OPT_OK)
            return status;
        for (size_t i = lo; i < hi; i++) {
            b[i] = p->momentum * b[i] + lr * local * (g[i] + p->weight_decay * w[i]);
            w[i] -= b[i];
        }
    }
    return OPT_OK;
}

static opt_stepper *new_lars(size_t n, const opt_lars_params *hp)
{
    double w = 1, g = 1, local;
    static opt_stepper_type yours;          /* the library's type, your step */
    const opt_stepper_type *T = opt_lars;
    if (lars_local_lr(&w, &g, 1, 1, 0, &local) == OPT_ENOTIMPL) {
        opt_lab_not_implemented(lab, "lars_local_lr");
    } else {
        yours = *opt_lars;
        yours.step = lars_exercise;
        T = &yours;
    }
    return opt_lab_need(lab, opt_stepper_alloc(T, n, hp));
}

static opt_stepper *layer_stepper(int method, const network *a)
{
    double betas[2];
    opt_lab_list(lab, "novograd_betas", betas, 2);
    opt_novograd_params nv = *(const opt_novograd_params *)opt_novograd->hp_default;
    nv.beta1 = betas[0], nv.beta2 = betas[1], nv.weight_decay = opt_lab_number(lab, "weight_decay");
    const opt_lars_params lp = { opt_lab_number(lab, "lars_momentum"),
                                 opt_lab_number(lab, "weight_decay"), opt_lab_number(lab, "trust") };
    opt_stepper *s = method == M_LARS ? new_lars(a->n, &lp)
                   : opt_stepper_alloc(method == M_SGD ? opt_sgd : method == M_ADAM ? opt_adam
                                       : opt_novograd, a->n, method == M_NOVOGRAD ? &nv : NULL);
    if (!s || opt_stepper_set_groups(s, a->size, LAYERS) != OPT_OK)
        opt_lab_die(lab, "out of memory");
    return s;
}

/* One run from w0 at rate lr, decayed to 0 along a cosine over the run
 * (lab 06: normalized steps need a decaying rate to settle); the trace when
 * wanted. Returns the final loss, NaN when the run diverged. */
static double layer_run(int method, network *a, const double *w0, double lr, long steps,
                        opt_trace *trace)
{
    opt_objective obj = { a->n, network_fdf, NULL, a, "deep linear network" };
    opt_stepper *s = layer_stepper(method, a);
    double *w = opt_lab_alloc(lab, a->n, sizeof *w);
    memcpy(w, w0, a->n * sizeof *w);
    opt_run_params p = opt_run_defaults();
    p.lr = lr;
    p.max_steps = steps;
    opt_schedule cosine = opt_schedule_defaults(OPT_SCHED_COSINE);
    cosine.T = steps;
    p.schedule = opt_schedule_fn;
    p.schedule_ctx = &cosine;
    opt_result res;
    int status = opt_run(&obj, s, w, &p, trace, &res);
    if (status != OPT_EMAXITER && status != OPT_EDIVERGED && status != OPT_OK)
        opt_lab_die(lab, "%s on the network: %s", layer_method[method], opt_strerror(status));
    opt_stepper_free(s);
    free(w);
    return status == OPT_EDIVERGED ? NAN : res.f;
}

/* How much layer l changed in step r, relative to its size before; NaN
 * past the end of a diverged run. */
static double relative_change(const network *a, const opt_trace *tr, size_t r, int l)
{
    if (r >= tr->rows)
        return NAN;
    size_t off = 0;
    for (int k = 0; k < l; k++)
        off += a->size[k];
    const double *now = opt_trace_x(tr, r) + off, *before = opt_trace_x(tr, r - 1) + off;
    double change = 0;
    for (size_t i = 0; i < a->size[l]; i++)
        change += (now[i] - before[i]) * (now[i] - before[i]);
    return sqrt(change) / opt_norm2(before, a->size[l]);
}

static void layer_steps(network *a, const double *w0)
{
    opt_lab_section(lab, "4. NovoGrad and LARS: the relative change of each layer per step");
    double lr[3];
    opt_lab_list(lab, "layer_lr", lr, 3);
    const int methods[3] = { M_SGD, M_NOVOGRAD, M_LARS };
    const long T = opt_lab_int(lab, "layer_steps");
    opt_trace *tr[3];
    for (int k = 0; k < 3; k++) {
        tr[k] = opt_lab_need(lab, opt_trace_alloc(a->n));
        const double f = layer_run(methods[k], a, w0, lr[k], T, tr[k]);
        char text[96];
        snprintf(text, sizeof text, "%-8s lr = %-6g final loss", layer_method[methods[k]], lr[k]);
        opt_lab_quotef(lab, f, "%.3g", text, "layers_%s_loss", layer_method[methods[k]]);
    }
    /* ||w_l(t) - w_l(t-1)|| / ||w_l(t-1)|| for every method and layer. */
    opt_table *t = opt_lab_table(lab, "layer-steps", "step\tsgd1\tsgd2\tsgd3\tnovograd1\tnovograd2\t"
                                 "novograd3\tlars1\tlars2\tlars3");
    for (size_t r = 1; r <= (size_t)T; r++) {
        double row[1 + 3 * LAYERS] = { (double)r };
        for (int k = 0; k < 3; k++)
            for (int l = 0; l < LAYERS; l++)
                row[1 + 3 * k + l] = relative_change(a, tr[k], r, l);
        opt_table_row(t, row);
    }
    opt_table_close(t);
    opt_lab_printf(lab, "  relative change of each layer in the first step:\n"
                   "              W1          W2          W3\n");
    for (int k = 0; k < 3; k++) {
        opt_lab_printf(lab, "  %-8s", layer_method[methods[k]]);
        for (int l = 0; l < LAYERS; l++) {
            opt_lab_recordf(lab, relative_change(a, tr[k], 1, l), "first_step_%s_%s",
                            layer_method[methods[k]], layer_name[l]);
            opt_lab_printf(lab, "  %10.3g", relative_change(a, tr[k], 1, l));
        }
        opt_lab_printf(lab, "\n");
        opt_trace_free(tr[k]);
    }
    char vars[128];
    snprintf(vars, sizeof vars, "T=%ld; lr_sgd=%g; lr_novograd=%g; lr_lars=%g", T, lr[0], lr[1], lr[2]);
    opt_lab_figure(lab, "07-layer-steps", vars);
}

/**
![The change of each layer per step, relative to its size, for SGD,
NovoGrad and LARS on the three-layer network (log scale).](07-layer-steps.svg)

The printed first steps tell it in three rows. SGD changes $W_3$ by 89 %
of its size in one step and $W_1$ by 0.13 %: the spread of the ratios, 661,
unchanged. NovoGrad's first step has norm $\eta$ in every layer, so
relative to the layers' sizes it still favours the small $W_3$, by the
ratio of their norms, 31. LARS changes all three by the same $\eta \cdot
\text{trust} = 3 \times 10^{-4}$; over the following steps its momentum
builds that up tenfold, and the three curves stay on top of each other —
within 2 % of each other for the first hundred steps and never more than
a factor of 2.5 apart later, when the run hovers near the minimum — where
SGD's never come closer than a factor of 50.

Does it matter for the loss? A learning rate must be chosen for each
method, and the claim for NovoGrad and LARS is that the choice becomes
easy. So we sweep it: every rate from `sweep_range` ($10^{-5}$ to 100,
four per factor of ten), 500 steps each with the cosine decay, for SGD,
Adam, NovoGrad and LARS, and count a run as trained when its final loss is
below `target` = $10^{-3}$. A method's *window* is the unbroken range of
trained rates around its best one.
*/
static void lr_sweep(network *a, const double *w0)
{
    opt_lab_section(lab, "4b. Final loss against the learning rate");
    double range[2];
    opt_lab_list(lab, "sweep_range", range, 2);
    const long per = opt_lab_int(lab, "sweep_per_decade"), T = opt_lab_int(lab, "layer_steps");
    const double target = opt_lab_number(lab, "target");
    const long count = (long)floor((double)per * log10(range[1] / range[0]) + 1e-9) + 1;
    double *f = opt_lab_alloc(lab, (size_t)(count * LAYER_METHODS), sizeof *f);   /* f[k * 4 + m] */
    opt_table *t = opt_lab_table(lab, "lr-sweep", "lr\tsgd\tadam\tnovograd\tlars");
    for (long k = 0; k < count; k++) {
        double *fk = f + k * LAYER_METHODS;
        for (int m = 0; m < LAYER_METHODS; m++)
            fk[m] = layer_run(m, a, w0, range[0] * pow(10, (double)k / (double)per), T, NULL);
        opt_table_rowv(t, range[0] * pow(10, (double)k / (double)per), fk[0], fk[1], fk[2], fk[3]);
        opt_lab_progress(lab, "learning-rate sweep", k + 1, count);
    }
    opt_table_close(t);
    /* The window: the unbroken run of trained rates around the best one. */
    double window[LAYER_METHODS][2];
    for (int m = 0; m < LAYER_METHODS; m++) {
        long best = 0;
        for (long k = 1; k < count; k++)
            if (f[k * LAYER_METHODS + m] < f[best * LAYER_METHODS + m] || isnan(f[best * LAYER_METHODS + m]))
                best = k;
        long lo = best, hi = best;
        while (lo > 0 && f[(lo - 1) * LAYER_METHODS + m] < target)
            lo--;
        while (hi + 1 < count && f[(hi + 1) * LAYER_METHODS + m] < target)
            hi++;
        const int trains = f[best * LAYER_METHODS + m] < target;
        const double lr_lo = range[0] * pow(10, (double)lo / (double)per),
                     lr_hi = range[0] * pow(10, (double)hi / (double)per);
        opt_lab_printf(lab, "  %-8s best lr %-9.3g loss %-9.3g trains (loss < %g) for lr in [%.3g, %.3g]\n",
                       layer_method[m], range[0] * pow(10, (double)best / (double)per),
                       f[best * LAYER_METHODS + m], target, lr_lo, lr_hi);
        char text[96];
        snprintf(text, sizeof text, "%-8s: the window's largest / smallest rate", layer_method[m]);
        opt_lab_quotef(lab, trains ? lr_hi / lr_lo : 0, "%.3g", text, "sweep_%s_width",
                       layer_method[m]);
        opt_lab_recordf(lab, lr_lo, "sweep_%s_lo", layer_method[m]);
        opt_lab_recordf(lab, lr_hi, "sweep_%s_hi", layer_method[m]);
        window[m][0] = lr_lo, window[m][1] = lr_hi;
    }
    free(f);
    opt_figure_vars *vars = opt_figure_vars_new(lab);
    opt_figure_var(vars, "target=%.17g; T=%ld; lrmax=%.17g", target, T,
                   range[0] * pow(10, (double)(count - 1) / (double)per));
    for (int m = 0; m < LAYER_METHODS; m++)
        opt_figure_var(vars, "lo%d=%.17g; hi%d=%.17g", m + 1, window[m][0], m + 1, window[m][1]);
    opt_lab_figure(lab, "07-lr-sweep", opt_figure_vars_text(vars));
    opt_figure_vars_free(vars);
}

/**
![Final loss after 500 steps against the learning rate, for SGD, Adam,
NovoGrad and LARS on the three-layer network; missing points
diverged.](07-lr-sweep.svg)

Tuned, every method fits this small problem, SGD included. The difference
is in how much tuning it takes. SGD trains only between 0.0056 and 0.056,
a window of 10, and diverges at 0.1: a step that moves $W_3$ by 89 % of
its size at $\eta = 0.03$ moves it by three times its size at 0.1. Adam
and NovoGrad, which divide the gradient by its own size (per weight, per
layer), train over a window of 562 (0.001 to 0.56 and 0.0006 to 0.32).
LARS trains at every rate from 0.18 up to the end of the sweep, 100, and
never diverges: its steps are fractions of the weights, so a larger rate
makes every layer move faster relative to its size, but never past
itself. Steps measured relative to the weights are what make one rate fit
layers of any scale — and at a batch size in the tens of thousands, where
the rate must be pushed as high as it will go (lab 09), that is what let
You, Gitman and Ginsburg train ResNet-50 with batches of 32K.

*Question.* Set `layer_scales={1, 1, 1}`. How do the ratios and the
windows change? Which method gains the most?

## Exercises

Write the three functions declared in `labs/07-beyond-adam/exercise.h`;
their doc comments there are the full assignment. Put your code in
`labs/07-beyond-adam/exercise.c`, in place of the stubs.

1. `radam_rectification(beta2, t, rho_threshold, &rho_t, &r_t)` — $\rho_t$
   and $r_t$, or 0 while the variance is intractable (section 1).
2. `lookahead_outer_update(phi, theta, n, alpha)` — the step back, and the
   fast weights' restart (every Lookahead run of section 2).
3. `lars_local_lr(w, g, n, trust, weight_decay, &local_lr)` — one layer's
   local rate, with overflow-safe norms (the layer table, every LARS step).

**How they are checked.** `make grade LAB=07` compiles your `exercise.c`
with the tests in `tests/grade/07-beyond-adam.c` and prints a score table
(10 points per exercise); each failed test says what it checked, what it
expected, what came back, and a hint. The tests compare with values worked
out by hand in the test ($\rho_1 = 1$, the first rectified steps 5 and 6,
$r_t$ at chosen steps, Lookahead updates for $\alpha$ = 0, 1/2 and 1,
3-4-5 norms, AlexNet's conv1.w), extreme inputs and the statuses; some
are hidden until after the deadline. Then rerun the lab: the notes
disappear, and the numbers should match the reference run to rounding.
*/
/* Parameters whose shape the schema cannot express, checked before any
 * output is written (a bad one exits 2 naming the key). */
static void check_parameters(void)
{
    double v[6];
    const struct { const char *key; size_t n; } lists[] = {
        { "thresholds", 2 }, { "lambdas", 2 }, { "start", 2 }, { "layer_sizes", 4 },
        { "layer_scales", 3 }, { "layer_lr", 3 }, { "novograd_betas", 2 }, { "sweep_range", 2 },
    };
    for (size_t k = 0; k < sizeof lists / sizeof *lists; k++)
        if (opt_lab_list(lab, lists[k].key, v, 6) != lists[k].n)
            opt_lab_bad_param(lab, lists[k].key, "expected %zu numbers", lists[k].n);
    opt_lab_list(lab, "layer_sizes", v, 4);
    for (int k = 0; k < 4; k++)
        if (v[k] != floor(v[k]))
            opt_lab_bad_param(lab, "layer_sizes", "widths must be whole numbers");
    opt_lab_list(lab, "sweep_range", v, 2);
    if (!(v[0] < v[1]))
        opt_lab_bad_param(lab, "sweep_range", "expected {lowest, highest} with lowest < highest");
}

int main(int argc, char **argv)
{
    lab = opt_lab_start(&info, argc, argv);
    check_parameters();
    radam();
    lookahead();
    network net;
    double *w0 = make_network(&net);
    layer_table(&net, w0);
    alexnet_table();
    layer_steps(&net, w0);
    lr_sweep(&net, w0);
    free(w0);
    free_network(&net);
    return opt_lab_finish(lab);
}
