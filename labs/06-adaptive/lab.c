/**
# Lab 06 — Adaptive steps: AdaGrad, RMSProp, Adam

Gradient descent moves every coordinate with the same learning rate. In a
long, narrow valley that is a bad bargain: the rate must stay below
$2/\lambda_\text{max}$ or the steep direction blows up (lab 03), and at that
rate the shallow direction, whose curvature is $\lambda_\text{min}$, creeps
forward by a factor of about $1 - 2\lambda_\text{min}/\lambda_\text{max}$
per step. Momentum (lab 04) helps along the valley but still shares one
rate among all coordinates.

The methods of this lab give **each coordinate its own step size**, set
from the history of that coordinate's gradient: large past gradients, a
small step; small ones, a large step. After the division every coordinate
moves by a comparable amount.

1. **AdaGrad** divides by the root of the *sum* of all past squared
   gradients;
2. **RMSProp** divides by the root of a *leaky average* of them, and we
   measure what that difference does to the step size over time;
3. **Adam** adds momentum and corrects both averages for starting at zero;
4. SGD, SGD with momentum, AdaGrad, RMSProp and Adam race on an
   ill-conditioned valley (aligned with the axes, then turned by 45°), on
   the saddle $x^2 - y^2$ and on Rosenbrock's banana;
5. Adam near a minimum with noisy gradients hovers instead of settling; a
   decaying learning rate fixes that.

It ends with three exercises: one step of each method. Run it with
`make lab06 && build/bin/lab06`; `build/bin/lab06 --help` lists every
parameter, and `--set` changes one, as in
`build/bin/lab06 --set 'lambdas={1, 100}'` (a valley eight times worse).
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_randist.h>
#include "opt.h"
#include "exercise.h"

/**
## The parameters

Every number this lab uses is a parameter with a default; the same defaults
are written out in `labs/06-adaptive/params.lua`. The five learning rates
of a race are a list in the order SGD, SGD with momentum, AdaGrad,
RMSProp, Adam.
*/
static const opt_param params[] = {
    /* The methods' hyper-parameters */
    { "momentum", OPT_T_NUMBER, "0.9", 0, 0.999, "rho of SGD with momentum" },
    { "alpha", OPT_T_NUMBER, "0.99", 0, 0.999999, "RMSProp's decay rate of the squared gradients" },
    { "betas", OPT_T_LIST, "{0.9, 0.999}", 0, 0.999999999, "Adam's beta1 and beta2" },
    { "eps", OPT_T_NUMBER, "1e-8", 0, 1, "added to the denominator of AdaGrad, RMSProp and Adam" },
    /* 2. The step size over time */
    { "constant_lr", OPT_T_NUMBER, "0.1", 1e-12, 100,
      "learning rate of the constant-gradient experiment" },
    { "constant_steps", OPT_T_INT, "10000", 10, 1000000,
      "steps of the constant-gradient experiment" },
    /* 4. The races */
    { "lambdas", OPT_T_LIST, "{1, 12}", 1e-6, 1e6,
      "the valley f = l1 x1^2 + l2 x2^2 (Hessian diag(2 l1, 2 l2))" },
    { "turn", OPT_T_NUMBER, "-45", -360, 360,
      "degrees the second valley is turned by (-45: the library's 'ill-conditioned')" },
    { "valley_start", OPT_T_LIST, "{-2.5, 0.9}", 0, 0, "start in the aligned valley (turned with it)" },
    { "valley_steps", OPT_T_INT, "60", 1, 1000000, "steps in both valleys" },
    { "valley_lr", OPT_T_LIST, "{0.075, 0.0075, 0.75, 0.1, 0.1}", 0, 100,
      "learning rates in both valleys: SGD, momentum, AdaGrad, RMSProp, Adam" },
    { "saddle_start", OPT_T_LIST, "{1, 0.001}", 0, 0, "start on the saddle x^2 - y^2" },
    { "saddle_steps", OPT_T_INT, "40", 1, 1000000, "steps on the saddle" },
    { "saddle_lr", OPT_T_LIST, "{0.1, 0.1, 0.1, 0.01, 0.1}", 0, 100,
      "learning rates on the saddle: SGD, momentum, AdaGrad, RMSProp, Adam" },
    { "escape_level", OPT_T_NUMBER, "-1", -1e6, -1e-9,
      "a run has escaped the saddle once f falls below this" },
    { "rosenbrock_start", OPT_T_LIST, "{-1.2, 1}", 0, 0, "start on Rosenbrock's function" },
    { "rosenbrock_steps", OPT_T_INT, "3000", 1, 1000000, "steps on Rosenbrock's function" },
    { "rosenbrock_lr", OPT_T_LIST, "{0.001, 0.0001, 0.3, 0.003, 0.02}", 0, 100,
      "learning rates on Rosenbrock: SGD, momentum, AdaGrad, RMSProp, Adam" },
    /* 5. Adam near a minimum */
    { "noise", OPT_T_NUMBER, "1", 0, 1e6,
      "standard deviation of the noise added to each gradient entry" },
    { "noisy_steps", OPT_T_INT, "2000", 10, 1000000, "steps of each noisy run" },
    { "noisy_runs", OPT_T_INT, "20", 1, 10000, "noisy runs averaged, each with its own noise" },
    { "noisy_lr", OPT_T_NUMBER, "0.1", 1e-12, 100, "Adam's learning rate in the noisy runs" },
    { "decay", OPT_T_STRING, "'cosine'", 0, 0,
      "the decaying schedule (lib/schedule.h: cosine, linear, step, exponential, invsqrt)" },
};

static const opt_lab_info info =
    OPT_LAB_INFO("06-adaptive", "Adaptive steps: AdaGrad, RMSProp, Adam", params);

/* The running lab: the exercise wrappers below report through it. */
static opt_lab *lab;

/* The five methods of the races, in the order of the lr lists. */
enum { SGD, MOMENTUM, ADAGRAD, RMSPROP, ADAM, METHODS };
static const char *const method_label[METHODS] = {
    "SGD", "SGD + momentum", "AdaGrad", "RMSProp", "Adam"
};
static const char *const method_key[METHODS] = { "sgd", "momentum", "adagrad", "rmsprop", "adam" };

/**
## Your functions, or the reference

The lab's optimizers are steppers (lib/optim.h): objects with a state that
take one step at a time. For AdaGrad, RMSProp and Adam the lab takes the
library's stepper type and makes *your* function from `exercise.c` its
step; the state stays the library's, and your function is handed its
buffers by name (PyTorch's names: `sum` for $G$, `square_avg` for $v$,
`exp_avg` and `exp_avg_sq` for $m$ and $v$). While one of
your functions is still a stub returning `OPT_ENOTIMPL`, the lab says so
once and uses the library's stepper instead, so every number and figure
below exists from the start. The code that makes this choice comes with
part 2, the first to run a method.
*/
/**
## 1. AdaGrad

AdaGrad keeps, for every coordinate $i$, the running sum of the squares of
its gradients, and divides the step by its root:

$$G_{t,i} = G_{t-1,i} + g_{t,i}^2, \qquad
x_{t,i} = x_{t-1,i} - \frac{\eta}{\sqrt{G_{t,i}} + \varepsilon}\, g_{t,i}.$$

The factor $\eta / (\sqrt{G_{t,i}} + \varepsilon)$ is coordinate $i$'s own
learning rate. A steep coordinate piles up a large $G$ and is slowed down;
a shallow one keeps a small $G$ and is sped up. In the first step
$\sqrt{G_1} = |g_1|$, so every coordinate moves by $\eta$ exactly (less a
hair for $\varepsilon = 10^{-8}$, which only guards against dividing by
zero): the size of the gradient is gone, only its sign is left.

Writing this update is exercise 1, so its code is not shown here.

## 2. RMSProp: a leaky AdaGrad

The sum $G$ only ever grows. Over a long run the denominator keeps rising,
and the effective learning rate $\eta / \sqrt{G}$ keeps falling, whether or
not the run has reached anywhere. RMSProp replaces the sum by an
exponential moving average (lab 05) with decay rate $\alpha$ (0.99):

$$v_{t,i} = \alpha\, v_{t-1,i} + (1 - \alpha)\, g_{t,i}^2, \qquad
x_{t,i} = x_{t-1,i} - \frac{\eta}{\sqrt{v_{t,i}} + \varepsilon}\, g_{t,i}.$$

The average remembers about the last $1/(1 - \alpha) = 100$ squared
gradients and forgets the rest, so its size tracks the *recent* gradient.
It is exercise 2.

How different are the two in practice? Feed both the same gradient,
$g_t = 1$ at every step — a long, even slope — and watch the length of the
step $|x_t - x_{t-1}|$, at `constant_lr` = 0.1 for `constant_steps` =
10 000 steps. For AdaGrad $G_t = t$, so the step is $\eta/\sqrt{t}$; for
RMSProp $v_t = 1 - \alpha^t$ (an average of ones that started at zero), so
the step is $\eta / \sqrt{1 - \alpha^t}$, which starts at $10\,\eta$ and
settles at $\eta$. We add Adam (section 3) with and without its bias
correction; the last one is computed here from its formula, since no
library method takes that shortcut.
*/
static int adagrad_exercise(opt_stepper *s, double *x, const double *g, double lr)
{
    const opt_adagrad_params *p = s->hp;
    double *G = opt_stepper_buffer_writable(s, "sum");
    return adagrad_step(x, G, g, s->n, lr, p->eps);
}

static int rmsprop_exercise(opt_stepper *s, double *x, const double *g, double lr)
{
    const opt_rmsprop_params *p = s->hp;
    double *v = opt_stepper_buffer_writable(s, "square_avg");
    return rmsprop_step(x, v, g, s->n, lr, p->alpha, p->eps);
}

/* s->t numbers the steps from 1. */
static int adam_exercise(opt_stepper *s, double *x, const double *g, double lr)
{
    const opt_adam_params *p = s->hp;
    double *m = opt_stepper_buffer_writable(s, "exp_avg");
    double *v = opt_stepper_buffer_writable(s, "exp_avg_sq");
    return adam_step(x, m, v, g, s->n, s->t, lr, p->beta1, p->beta2, p->eps);
}

typedef int exercise_step_fn(opt_stepper *s, double *x, const double *g, double lr);
static exercise_step_fn *const exercise_step[METHODS] = {
    [ADAGRAD] = adagrad_exercise, [RMSPROP] = rmsprop_exercise, [ADAM] = adam_exercise
};
static const char *const exercise_name[METHODS] = {
    [ADAGRAD] = "adagrad_step", [RMSPROP] = "rmsprop_step", [ADAM] = "adam_step"
};

/* Whether the student's function for method is written: one throwaway
 * step on a single coordinate. */
static int implemented(int method)
{
    double x = 0, g = 1, a = 0, b = 0;
    int status = method == ADAGRAD ? adagrad_step(&x, &a, &g, 1, 0.1, 1e-8)
               : method == RMSPROP ? rmsprop_step(&x, &a, &g, 1, 0.1, 0.99, 1e-8)
               : adam_step(&x, &a, &b, &g, 1, 1, 0.1, 0.9, 0.999, 1e-8);
    return status != OPT_ENOTIMPL;
}

/* The hyper-parameters of each method, from the lab's parameters. */
static opt_sgd_params sgd_hp, momentum_hp;
static opt_adagrad_params adagrad_hp;
static opt_rmsprop_params rmsprop_hp;
static opt_adam_params adam_hp;

static void read_hyperparameters(void)
{
    double betas[2];
    opt_lab_list(lab, "betas", betas, 2);
    const double eps = opt_lab_number(lab, "eps");
    sgd_hp = *(const opt_sgd_params *)opt_sgd->hp_default;
    momentum_hp = sgd_hp;
    momentum_hp.momentum = opt_lab_number(lab, "momentum");
    adagrad_hp = *(const opt_adagrad_params *)opt_adagrad->hp_default;
    adagrad_hp.eps = eps;
    rmsprop_hp = *(const opt_rmsprop_params *)opt_rmsprop->hp_default;
    rmsprop_hp.alpha = opt_lab_number(lab, "alpha");
    rmsprop_hp.eps = eps;
    adam_hp = *(const opt_adam_params *)opt_adam->hp_default;
    adam_hp.beta1 = betas[0];
    adam_hp.beta2 = betas[1];
    adam_hp.eps = eps;
}

/* A fresh stepper for method on n coordinates: yours where written. */
static opt_stepper *new_stepper(int method, size_t n)
{
    static const opt_stepper_type *const *library[METHODS] = {
        &opt_sgd, &opt_sgd, &opt_adagrad, &opt_rmsprop, &opt_adam
    };
    const void *hp[METHODS] = { &sgd_hp, &momentum_hp, &adagrad_hp, &rmsprop_hp, &adam_hp };
    const opt_stepper_type *T = *library[method];
    static opt_stepper_type yours[METHODS];     /* the library's type, your step */
    if (method >= ADAGRAD) {
        if (implemented(method)) {
            yours[method] = *T;
            yours[method].step = exercise_step[method];
            T = &yours[method];
        } else {
            opt_lab_not_implemented(lab, exercise_name[method]);
        }
    }
    return opt_lab_need(lab, opt_stepper_alloc(T, n, hp[method]));
}

/* One step; a status other than OPT_OK from your function stops the lab. */
static void step(opt_stepper *s, int method, double *x, const double *g, double lr)
{
    int status = opt_stepper_step(s, x, g, lr);
    if (status != OPT_OK)
        opt_lab_die(lab, "%s returned '%s' at step %ld",
                    method >= ADAGRAD ? exercise_name[method] : "the SGD stepper",
                    opt_strerror(status), s->t);
}

static double constant_gradient_step(int method, opt_stepper *s, double *x)
{
    const double before = *x, g = 1;
    step(s, method, x, &g, opt_lab_number(lab, "constant_lr"));
    return fabs(*x - before);
}

static void step_size_over_time(void)
{
    opt_lab_section(lab, "2. The step size over time, for a constant gradient");
    const long T = opt_lab_int(lab, "constant_steps");
    const double lr = opt_lab_number(lab, "constant_lr");
    const double b1 = adam_hp.beta1, b2 = adam_hp.beta2;
    const int methods[3] = { ADAGRAD, RMSPROP, ADAM };
    opt_stepper *s[3];
    double x[3] = { 0, 0, 0 };
    for (int k = 0; k < 3; k++)
        s[k] = new_stepper(methods[k], 1);
    /* Adam without bias correction: the two moving averages, as they are. */
    double m = 0, v = 0, peak = 0;
    long peak_t = 0;

    opt_table *t = opt_lab_table(lab, "step-size", "t\tadagrad\trmsprop\tadam\tadam_uncorrected");
    for (long k = 1; k <= T; k++) {
        double len[3];
        for (int j = 0; j < 3; j++)
            len[j] = constant_gradient_step(methods[j], s[j], &x[j]);
        m = b1 * m + (1 - b1) * 1;
        v = b2 * v + (1 - b2) * 1;
        const double uncorrected = lr * m / (sqrt(v) + adam_hp.eps);
        if (uncorrected > peak)
            peak = uncorrected, peak_t = k;
        /* Every step up to 100, then about 50 rows per factor of ten. */
        if (k <= 100 || k % (long)pow(10, floor(log10((double)k)) - 1) == 0 || k == T)
            opt_table_rowv(t, (double)k, len[0], len[1], len[2], uncorrected);
        if (k == 1 || k == 10 || k == 100 || k == 1000 || k == 10000) {
            char text[96];
            for (int j = 0; j < 3; j++) {
                snprintf(text, sizeof text, "%s step at t = %ld", method_label[methods[j]], k);
                opt_lab_quotef(lab, len[j], "%.4g", text, "%s_step_t%ld", method_key[methods[j]], k);
            }
            if (k == 1)
                opt_lab_quote(lab, "adam_uncorrected_step_t1", uncorrected, "%.4g",
                              "Adam without bias correction, step at t = 1");
        }
    }
    opt_table_close(t);
    opt_lab_quote(lab, "adam_uncorrected_peak", peak, "%.4g",
                  "Adam without bias correction, longest step");
    opt_lab_quote(lab, "adam_uncorrected_peak_t", (double)peak_t, "%.0f", "... taken at step");
    for (int k = 0; k < 3; k++)
        opt_stepper_free(s[k]);
    char vars[160];
    snprintf(vars, sizeof vars, "lr=%.17g; T=%ld; alpha=%.17g", lr, T, rmsprop_hp.alpha);
    opt_lab_figure(lab, "06-step-size", vars);
}

/**
![The length of each step for a gradient that is always 1, on log–log
axes: AdaGrad's falls as $\eta/\sqrt{t}$, RMSProp's settles at $\eta$,
Adam's is $\eta$ from the first step, and Adam without bias correction
overshoots before it settles.](06-step-size.svg)

AdaGrad's step is 0.1 at the first step, 0.01 at the hundredth and 0.001 at
the ten-thousandth: a straight line of slope $-1/2$ on the log–log plot,
on its way to zero although the slope it walks down never changed. That is
the lecture's answer to "what happens to the step size over a long time?"
AdaGrad suits problems that need large early steps and small late ones
(convex problems, rare features whose few gradients should count); for a
long non-convex training run it stops too early. RMSProp's step instead
returns to $\eta$ within a few hundred steps (0.126 at $t = 100$, 0.1 from
$t = 1000$ on) and stays there — but its *first* step is $10\,\eta$,
because the average $v_1 = (1 - \alpha)\, g_1^2$ started from zero and is a
hundred times too small. For small $t$, $1 - \alpha^t \approx (1 -
\alpha)\, t$, so early on RMSProp *is* AdaGrad with the rate $\eta /
\sqrt{1 - \alpha} = 10\,\eta$: the two curves are parallel until the
average starts to forget, around $t = 1/(1 - \alpha) = 100$.

*Question.* With a gradient that alternates between $+1$ and $-1$, what
would the two curves look like? And with a gradient that is 1 for a
thousand steps and then 0.01 for ever after?

## 3. Adam: momentum + RMSProp + bias correction

Adam keeps two exponential moving averages per coordinate: $m$ of the
gradients (the momentum of lab 04, in its damped form) and $v$ of their
squares (RMSProp's). Both start at zero, so both are biased towards zero at
first: after $t$ steps of a constant gradient, $m_t = (1 - \beta_1^t)\, g$.
Dividing by $1 - \beta^t$ removes the bias (lab 05):

$$m_t = \beta_1 m_{t-1} + (1 - \beta_1)\, g_t, \qquad
v_t = \beta_2 v_{t-1} + (1 - \beta_2)\, g_t^2,$$
$$\hat m_t = \frac{m_t}{1 - \beta_1^t}, \qquad \hat v_t = \frac{v_t}{1 - \beta_2^t},
\qquad x_t = x_{t-1} - \eta\, \frac{\hat m_t}{\sqrt{\hat v_t} + \varepsilon}.$$

The lecture's starting point is $\beta_1 = 0.9$, $\beta_2 = 0.999$,
$\varepsilon = 10^{-8}$ and $\eta = 10^{-3}$ or $5 \times 10^{-4}$ for a
neural network; in the two-dimensional races below distances are of order
one and we need far fewer steps, so the rates are larger there.

What happens at the first step? $\hat m_1 = g_1$ and $\hat v_1 = g_1^2$, so
the step is $\eta\, g_1 / (|g_1| + \varepsilon)$: each coordinate moves by
$\eta$ in the direction of $-g$, for a gradient of $10^{-3}$ just as for
one of $10^3$. Without the correction, $m_1 = 0.1\, g_1$ and $\sqrt{v_1} =
0.0316\, |g_1|$, and the step would be $0.1/0.0316 = 3.16$ times too long;
the uncorrected curve in the figure above keeps growing after that, to a
peak of $6.6\,\eta$ at step 12, because $m$ (memory 10 steps)
fills up faster than $v$ (memory 1000 steps). The correction is exercise
3. Here is the first step of your `adam_step`, or the library's:
*/
static void adam_first_step(void)
{
    opt_lab_section(lab, "3. Adam's first step");
    const double lr = 0.1, g[2] = { 1e-3, -1e3 };
    double x[2] = { 0, 0 };
    opt_stepper *s = new_stepper(ADAM, 2);
    step(s, ADAM, x, g, lr);
    opt_stepper_free(s);
    opt_lab_printf(lab, "  gradient (%g, %g) at lr = %g: x moves by (%.6g, %.6g)\n",
                   g[0], g[1], lr, x[0], x[1]);
    opt_lab_quote(lab, "adam_first_step_small", fabs(x[0]) / lr, "%.6f",
                  "first step / lr for a gradient of 1e-3");
    opt_lab_quote(lab, "adam_first_step_large", fabs(x[1]) / lr, "%.6f",
                  "first step / lr for a gradient of -1e3");
    opt_lab_quote(lab, "adam_uncorrected_ratio",
                  (1 - adam_hp.beta1) / sqrt(1 - adam_hp.beta2), "%.4f",
                  "first step / lr without bias correction, (1 - beta1) / sqrt(1 - beta2)");
}

/**
## 4. The races

Now the five methods on the same problems from the same start, each run by
the driver `opt_run` (lib/run.h), which records every iterate. For each
problem the lab draws the paths over the contour lines of $f$ and, below,
the loss against the step. The learning rates (one list per problem) are
chosen so that each picture shows something; the reasons come with it.
*/
typedef struct race {
    const char *name;         /* names its tables and its figure */
    opt_objective obj;
    double start[2];
    long steps;
    double lr[METHODS];
    double limit[4];          /* the plot window never exceeds this */
    double star[2];           /* the point marked on the contours */
    int log_loss;             /* draw the loss on a log scale */
    opt_trace *trace[METHODS];
    opt_result result[METHODS];
} race;

static void run_race(race *r)
{
    for (int m = 0; m < METHODS; m++) {
        opt_stepper *s = new_stepper(m, 2);
        double x[2] = { r->start[0], r->start[1] };
        opt_run_params p = opt_run_defaults();
        p.lr = r->lr[m];
        p.max_steps = r->steps;
        r->trace[m] = opt_lab_need(lab, opt_trace_alloc(2));
        opt_run(&r->obj, s, x, &p, r->trace[m], &r->result[m]);
        if (r->result[m].status != OPT_EMAXITER && r->result[m].status != OPT_OK
            && r->result[m].status != OPT_EDIVERGED)
            opt_lab_die(lab, "%s on %s: %s at step %ld", method_label[m], r->name,
                        opt_strerror(r->result[m].status), r->result[m].iterations);
        opt_stepper_free(s);

        char name[64], lr[32];
        snprintf(name, sizeof name, "%s-%s", r->name, method_key[m]);
        snprintf(lr, sizeof lr, "%.17g", r->lr[m]);
        const char *meta[] = { "method", method_label[m], "lr", lr, NULL };
        opt_lab_trace(lab, name, r->trace[m], meta);
    }
}

static int diverged(const race *r, int m) { return r->result[m].status == OPT_EDIVERGED; }

/* Whether iterate row of a race is drawn in full: its loss is at most four
 * times the start's. A run that climbs above that is on its way out (it
 * diverges, or nearly): its path leaves the window and its loss curve the
 * top of the loss panel, and the others keep their scale. */
static int in_view(const race *r, const double *row)
{
    const double f0 = opt_trace_row(r->trace[0], 0)[1];
    return isfinite(row[1]) && row[1] <= f0 + 3 * fabs(f0);
}

/* The window: every iterate in view plus a margin, within r->limit, then
 * widened in one direction to the shape of the figure's top panel (width /
 * height 1.83, see figures/06-race.gp) so that both axes get equal units.
 * The start and the marked point are always inside. */
static void fit_window(const race *r, double v[4])
{
    opt_box_empty(v);
    opt_box_include(v, r->star);
    opt_box_include(v, r->start);
    for (int m = 0; m < METHODS; m++)
        for (size_t k = 0; k < r->trace[m]->rows; k++) {
            const double *row = opt_trace_row(r->trace[m], k);
            if (in_view(r, row))
                opt_box_include(v, opt_trace_x(r->trace[m], k));
        }
    opt_box_pad(v, 0.08, 0.05);
    v[0] = fmax(v[0], r->limit[0]), v[1] = fmin(v[1], r->limit[1]);
    v[2] = fmax(v[2], r->limit[2]), v[3] = fmin(v[3], r->limit[3]);
    opt_box_centred(v, (v[0] + v[1]) / 2, (v[2] + v[3]) / 2, v[1] - v[0], v[3] - v[2], 1.83);
}

/* Final losses (and the window and figure). A method that diverged has no
 * final loss: it says at which step it diverged, and numbers.tsv gets
 * PREFIX_METHOD_diverged (that step) instead of PREFIX_METHOD_loss. */
static void report_race(race *r, const char *title)
{
    int clipped = 0;               /* some iterate is out of view */
    double loss_max = -INFINITY;   /* the largest loss in view */
    char div_steps[128] = "", ends[128] = "";
    for (int m = 0; m < METHODS; m++) {
        char text[128];
        snprintf(text, sizeof text, "%-14s lr = %-7g final loss", method_label[m], r->lr[m]);
        if (diverged(r, m)) {
            clipped = 1;
            opt_lab_recordf(lab, (double)r->result[m].iterations, "%s_%s_diverged", r->name,
                            method_key[m]);
            opt_lab_printf(lab, "  %s: none, diverged at step %ld\n", text, r->result[m].iterations);
        } else {
            opt_lab_quotef(lab, r->result[m].f, "%.4g", text, "%s_%s_loss", r->name, method_key[m]);
        }
        for (size_t k = 0; k < r->trace[m]->rows; k++) {
            const double *row = opt_trace_row(r->trace[m], k);
            if (in_view(r, row))
                loss_max = fmax(loss_max, row[1]);
            else
                clipped = 1;
        }
        const size_t len = strlen(div_steps), elen = strlen(ends);
        snprintf(div_steps + len, sizeof div_steps - len, "%s%ld", m ? " " : "",
                 diverged(r, m) ? r->result[m].iterations : -1L);
        snprintf(ends + elen, sizeof ends - elen, "%s%zu", m ? " " : "",
                 r->trace[m]->rows ? r->trace[m]->rows - 1 : 0);
    }
    if (!opt_lab_plotting(lab))
        return;
    double v[4];
    fit_window(r, v);
    char name[64];   /* the contours: log10(f - fmin + delta) when the loss is on a log scale */
    snprintf(name, sizeof name, "%s-grid", r->name);
    opt_lab_grid(lab, name, "x\ty\tz", &r->obj, v, 161, r->log_loss ? OPT_GRID_LOG : OPT_GRID_F);
    opt_figure_vars *vars = opt_figure_vars_new(lab);
    opt_figure_var_string(vars, "prefix", r->name);
    opt_figure_var_string(vars, "ptitle", title);
    opt_figure_var(vars, "xmin=%.17g; xmax=%.17g; ymin=%.17g; ymax=%.17g; xstar=%.17g; "
                   "ystar=%.17g; logloss=%d; steps=%ld; pint=%ld", v[0], v[1], v[2], v[3],
                   r->star[0], r->star[1], r->log_loss, r->steps, r->steps / 30 + 1);
    opt_figure_var(vars, "diverged='%s'; ends='%s'; clipped=%d; fmax=%.17g", div_steps, ends,
                   clipped, loss_max);
    snprintf(name, sizeof name, "06-%s", r->name);
    opt_lab_figure(lab, name, opt_figure_vars_text(vars));
    opt_figure_vars_free(vars);
}

static void free_race(race *r)
{
    for (int m = 0; m < METHODS; m++)
        opt_trace_free(r->trace[m]);
}

/* The parameters PREFIX_start, PREFIX_steps and PREFIX_lr. */
static void read_race(race *r, const char *prefix)
{
    char key[64];
    snprintf(key, sizeof key, "%s_start", prefix);
    opt_lab_list(lab, key, r->start, 2);
    snprintf(key, sizeof key, "%s_steps", prefix);
    r->steps = opt_lab_int(lab, key);
    snprintf(key, sizeof key, "%s_lr", prefix);
    opt_lab_list(lab, key, r->lr, METHODS);
}

/**
### An ill-conditioned valley, aligned with the axes

The valley is $f(x) = \lambda_1 x_1^2 + \lambda_2 x_2^2$ with `lambdas` =
(1, 12): its Hessian is diag(2, 24), condition number 12, steep along
$x_2$ and shallow along $x_1$ — the lecture's picture. All methods start at
$(-2.5, 0.9)$ and take 60 steps. The learning rates:

* **SGD**, $\eta = 0.075$: close to the best fixed step $2/(2 + 24) \approx
  0.077$ of lab 03, and close to the edge $2/24 \approx 0.083$ where the
  steep direction diverges. Each step flips the sign of $x_2$ (a zig-zag)
  while $x_1$ shrinks by only $1 - 0.075 \cdot 2 = 0.85$.
* **SGD + momentum**, $\rho = 0.9$, $\eta = 0.0075$: a tenth of SGD's rate,
  so that on a constant slope its speed $\eta/(1 - \rho)$ equals SGD's
  step. It rolls far past the minimum and circles back: momentum needs its
  own tuning.
* **AdaGrad** $\eta = 0.75$, **RMSProp** $\eta = 0.1$, **Adam** $\eta =
  0.1$: for these methods $\eta$ is a *distance*, roughly how far each
  coordinate moves per step, whatever the gradient (AdaGrad's steps then
  shrink as $1/\sqrt t$, which is why it starts bigger; RMSProp's first step
  is $10\,\eta = 1$). The start is 2.5 away along $x_1$; these rates cover
  that in a few dozen steps.
*/
static void valley_races(void)
{
    opt_lab_section(lab, "4a. An ill-conditioned valley, aligned and turned");
    double lambdas[2];
    opt_lab_list(lab, "lambdas", lambdas, 2);
    static opt_quad2 aligned, turned;
    opt_quad2_rotated(&aligned, lambdas[0], lambdas[1], 0);
    const double turn = opt_lab_number(lab, "turn");
    opt_quad2_rotated(&turned, lambdas[0], lambdas[1], turn);

    race a = { .name = "valley", .obj = opt_quad2_objective(&aligned),
               .limit = { -1e9, 1e9, -1e9, 1e9 }, .star = { 0, 0 }, .log_loss = 1 };
    read_race(&a, "valley");
    run_race(&a);
    opt_lab_printf(lab, "  aligned: f = %g x1^2 + %g x2^2\n", lambdas[0], lambdas[1]);
    /* The figures' titles restate lambdas and turn: from the run. */
    char title[160], l1[32] = "", l2[32] = "";
    if (lambdas[0] != 1)
        snprintf(l1, sizeof l1, "%g ", lambdas[0]);
    if (lambdas[1] != 1)
        snprintf(l2, sizeof l2, "%g ", lambdas[1]);
    snprintf(title, sizeof title, "the valley f = %sx_1^2 + %sx_2^2, aligned with the axes", l1, l2);
    report_race(&a, title);

/**
### The same valley, turned by 45°

Now turn the valley by `turn` = $-45°$: $f(x) = x^\top Q \Lambda Q^\top x$
with $Q$ the rotation. With the default `lambdas` this is the library's
problem "ill-conditioned", diag(12, 1) turned by 45°. The start is turned
with it, so every method faces *the same problem* in a rotated coordinate
system, with the same learning rates.
*/
    race b = a;
    b.name = "ill-conditioned";
    b.obj = opt_quad2_objective(&turned);
    const double radians = turn * acos(-1) / 180, c = cos(radians), s = sin(radians);
    b.start[0] = c * a.start[0] - s * a.start[1];
    b.start[1] = s * a.start[0] + c * a.start[1];
    run_race(&b);
    opt_lab_printf(lab, "  turned by %g degrees, from (%.4f, %.4f)\n", turn, b.start[0], b.start[1]);
    snprintf(title, sizeof title, "the same valley turned by %g°", turn);
    report_race(&b, title);
    if (diverged(&a, SGD) || diverged(&b, SGD))
        opt_lab_printf(lab, "  SGD diverged: no final losses to compare, turned vs aligned\n");
    else
        opt_lab_quote(lab, "valley_sgd_turn_difference",
                      fabs(b.result[SGD].f - a.result[SGD].f) / a.result[SGD].f, "%.2g",
                      "SGD: relative difference of the final losses, turned vs aligned");
    free_race(&a);
    free_race(&b);
}

/**
![The aligned valley: paths over the contours (top) and the loss against
the step (bottom). SGD zig-zags across the valley, momentum swings past
the minimum, the adaptive methods head straight for it.](06-valley.svg)

In the aligned valley AdaGrad and RMSProp go nearly straight to the
minimum: dividing by the size of each coordinate's gradient undoes the
factor 12 between the curvatures. After 60 steps RMSProp's loss is
$10^{-23}$ and AdaGrad's $7 \times 10^{-12}$, against $2 \times 10^{-8}$
for SGD, which zig-zags across the valley even at its near-optimal rate;
momentum takes big swings and ends at 0.016. Adam arrives as fast as
RMSProp but then circles the minimum and ends at 0.008: its momentum
carries it past, and near the minimum its steps shrink more slowly than
the gradient does (section 5 comes back to this).

![The same valley turned by 45°: SGD and momentum take exactly the same
paths, turned; the adaptive methods do not.](06-ill-conditioned.svg)

Turned, SGD and momentum draw *the same* paths, rotated, and end with the
same losses (the lab prints their relative difference, a rounding error):
gradient descent does not care about the coordinate system. The adaptive
methods do. Their scaling is one number *per coordinate*, a diagonal
preconditioner: it can stretch the axes, but it cannot turn them. In the
turned valley the steep direction is the diagonal, both coordinates see
gradients of the same size, the scaling is nearly the same for both, and
the first steps — $\eta$ in each coordinate, along $-(1, 1)$ — cut straight
*across* the valley, along its steep direction, instead of down it. The
adaptive methods now finish far behind SGD: RMSProp at $2 \times 10^{-6}$,
AdaGrad at $2 \times 10^{-4}$, Adam at 0.011.

*Question.* A network's loss is far from aligned with its weights, yet
Adam works well there. What does this experiment suggest about how much of
its success comes from fixing ill-conditioning?

### The saddle $x^2 - y^2$

From $(1, 0.001)$ the gradient $(2x, -2y)$ points almost straight at the
saddle point: the escape direction $y$ has a gradient of only $-0.002$. A
run has escaped once $f < -1$ (`escape_level`). SGD, momentum, AdaGrad and
Adam all get the rate 0.1; RMSProp gets 0.01, since its first steps are
ten times its rate (with that, its early steps equal AdaGrad's, and the two
paths coincide).
*/
static void saddle_race(void)
{
    opt_lab_section(lab, "4b. The saddle x^2 - y^2");
    race r = { .name = "saddle", .obj = opt_saddle_objective(),
               .limit = { -1.5, 1.5, -0.6, 2.2 }, .star = { 0, 0 }, .log_loss = 0 };
    read_race(&r, "saddle");
    run_race(&r);
    const double level = opt_lab_number(lab, "escape_level");
    for (int m = 0; m < METHODS; m++) {
        long escape = -1;
        for (size_t k = 0; k < r.trace[m]->rows && escape < 0; k++)
            if (opt_trace_row(r.trace[m], k)[1] < level)
                escape = (long)k;
        char text[96];
        snprintf(text, sizeof text, "%-14s first step with f < %g (-1: never)", method_label[m],
                 level);
        opt_lab_quotef(lab, (double)escape, "%.0f", text, "saddle_%s_escape", method_key[m]);
    }
    report_race(&r, "the saddle f = x_1^2 − x_2^2");
    free_race(&r);
}

/**
![Escaping the saddle: paths (top) and $f$ against the step
(bottom).](06-saddle.svg)

Plain SGD multiplies $y$ by $1 + 2\eta = 1.2$ per step, so it needs
$\log(1000)/\log(1.2) \approx 38$ steps to grow $y$ from 0.001 to 1, and
meanwhile it slides down to the saddle point along $x$ and sits there: it
escapes at step 38. The adaptive methods divide the tiny $y$-gradient by
its own tiny size and move $y$ at full speed from the first step: AdaGrad
and RMSProp escape at step 19, Adam, whose momentum adds speed, at step 11.
Momentum makes SGD faster too (step 19): along $y$ its velocity compounds,
growing $y$ by a factor 1.5 per step instead of 1.2. Near saddle points,
where the gradient is small exactly in the directions that matter, the
adaptive methods' indifference to the gradient's size is worth a lot.

*Question.* Start ten thousand times closer to the saddle,
`saddle_start={1, 1e-7}`. Which escape steps change, and by how much?

### Rosenbrock's banana

$f = (1 - x)^2 + 100\,(y - x^2)^2$ from $(-1.2, 1)$, 3000 steps. At the
start the Hessian's largest eigenvalue is about 1500, so SGD cannot go
above $2/1500 \approx 0.0013$: it gets $\eta = 0.001$, momentum
$0.0001$ (equal speed on a slope). The adaptive methods get rates at which
they stay on the valley floor: AdaGrad 0.3 (its steps shrink, so it can
start big), RMSProp 0.003 and Adam 0.02.
*/
static void rosenbrock_race(void)
{
    opt_lab_section(lab, "4c. Rosenbrock's function");
    static opt_rosenbrock rb = { 2, 1, 100 };
    race r = { .name = "rosenbrock", .obj = opt_rosenbrock_objective(&rb),
               .limit = { -2, 2, -1, 3 }, .star = { 1, 1 }, .log_loss = 1 };
    read_race(&r, "rosenbrock");
    run_race(&r);
    for (int m = 0; m < METHODS; m++) {
        const double *last = opt_trace_x(r.trace[m], r.trace[m]->rows - 1);
        char text[96];
        snprintf(text, sizeof text, "%-14s distance to the minimum (1, 1)", method_label[m]);
        if (diverged(&r, m))
            opt_lab_printf(lab, "  %s: none, diverged at step %ld\n", text, r.result[m].iterations);
        else
            opt_lab_quotef(lab, hypot(last[0] - 1, last[1] - 1), "%.3g", text,
                           "rosenbrock_%s_distance", method_key[m]);
    }
    report_race(&r, "Rosenbrock: f = (1 − x_1)^2 + 100 (x_2 − x_1^2)^2");
    free_race(&r);
}

/**
![Rosenbrock's banana: paths (top) and loss (bottom, log
scale).](06-rosenbrock.svg)

All five reach the curved valley floor within a few dozen steps and then
have to follow it; the large dots mark where each is after 3000 steps. The
floor is ill-conditioned *and* curved, its direction changes along the
way, and no fixed per-coordinate scaling fits it everywhere; still the
adaptive methods follow it further than SGD, whose rate is capped by the
steep walls. SGD and momentum (equal speed, the same path) end 0.33 from
the minimum, AdaGrad, slowing down as its sums grow, 0.15, RMSProp 0.054.
Adam, with momentum *and* per-coordinate scaling, is the only one to get
there: 0.0012 from the minimum, at a loss of $3 \times 10^{-7}$.

## 5. Adam near a minimum

The lecture warns that Adam may not converge well near a minimum: there the
gradients are small, and dividing by their size scales them back up. With
exact gradients and $\beta_2 = 0.999$ the effect is mild — $v$ remembers
the large gradients of the past thousand steps — but training uses noisy
mini-batch gradients. Near the minimum the true gradient goes to zero, the
noise does not, $\sqrt{\hat v}$ settles at the noise's size, and $\hat m /
\sqrt{\hat v}$ stays of order one: Adam keeps taking steps of length about
$\eta$ in random directions, and *hovers* in a ball around the minimum
whose size is set by $\eta$.

The cure is to shrink $\eta$ as training goes on, with a schedule
(lib/schedule.h). Here Adam runs on the aligned valley with Gaussian noise
of standard deviation `noise` = 1 added to every gradient entry, for 2000
steps: at the constant rate $\eta = 0.1$, at the constant rate $\eta/10$,
and with $\eta$ decaying from 0.1 to 0 along a cosine (`decay`). One noisy
run is a jagged line, so each curve is the mean loss over `noisy_runs` =
20 runs, each with its own noise stream; the three settings see the same
twenty streams. The "floor" is the mean over the last 10 % of the steps.
*/
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

/* The mean loss over `runs` runs of Adam, each with its own noise stream
 * (the same streams for every schedule), into mean[0 .. T]. */
static void mean_noisy_loss(opt_quad2 *q, const double start[2], double lr,
                            opt_schedule *schedule, long T, long runs, double *mean)
{
    for (long k = 0; k <= T; k++)
        mean[k] = 0;
    for (long run = 0; run < runs; run++) {
        noisy ctx = { q, opt_rng_alloc(opt_lab_seed(lab), 100 + (uint64_t)run),
                      opt_lab_number(lab, "noise") };
        opt_objective obj = { 2, noisy_fdf, NULL, &ctx, "noisy valley" };
        opt_stepper *s = new_stepper(ADAM, 2);
        opt_trace *tr = opt_lab_need(lab, opt_trace_alloc(2));
        opt_lab_need(lab, ctx.rng);
        double x[2] = { start[0], start[1] };
        opt_run_params p = opt_run_defaults();
        p.lr = lr;
        p.max_steps = T;
        p.schedule = schedule ? opt_schedule_fn : NULL;
        p.schedule_ctx = schedule;
        opt_result res;
        opt_run(&obj, s, x, &p, tr, &res);
        if (res.status != OPT_EMAXITER)
            opt_lab_die(lab, "a noisy Adam run stopped at step %ld: %s", res.iterations,
                        opt_strerror(res.status));
        for (long k = 0; k <= T; k++)
            mean[k] += opt_trace_row(tr, (size_t)k)[1] / (double)runs;
        opt_trace_free(tr);
        opt_stepper_free(s);
        gsl_rng_free(ctx.rng);
    }
}

static void adam_near_minimum(void)
{
    opt_lab_section(lab, "5. Adam near a minimum, with noisy gradients");
    double lambdas[2], start[2];
    opt_lab_list(lab, "lambdas", lambdas, 2);
    opt_lab_list(lab, "valley_start", start, 2);
    opt_quad2 q;
    opt_quad2_rotated(&q, lambdas[0], lambdas[1], 0);
    const long T = opt_lab_int(lab, "noisy_steps"), runs = opt_lab_int(lab, "noisy_runs");
    const double lr = opt_lab_number(lab, "noisy_lr");
    opt_schedule decay = opt_schedule_defaults(opt_schedule_lookup(opt_lab_string(lab, "decay")));
    decay.T = T;                                   /* cosine, linear: over the whole run */
    decay.step_size = T / 4;                       /* step: x 0.3 four times */
    decay.gamma = decay.kind == OPT_SCHED_EXPONENTIAL ? pow(0.01, 1.0 / (double)T) : 0.3;

    double *mean[3];
    for (int k = 0; k < 3; k++)
        mean[k] = opt_lab_alloc(lab, (size_t)(T + 1), sizeof *mean[k]);
    mean_noisy_loss(&q, start, lr, NULL, T, runs, mean[0]);
    mean_noisy_loss(&q, start, lr / 10, NULL, T, runs, mean[1]);
    mean_noisy_loss(&q, start, lr, &decay, T, runs, mean[2]);

    opt_table *t = opt_lab_table(lab, "noisy", "step\tconstant\tsmall\tdecay");
    for (long k = 0; k <= T; k++)
        opt_table_rowv(t, (double)k, mean[0][k], mean[1][k], mean[2][k]);
    opt_table_close(t);
    const char *keys[3] = { "noisy_constant_floor", "noisy_small_floor", "noisy_decay_floor" };
    const char *texts[3] = { "constant lr: loss floor (mean of the last 10%)",
                             "constant lr / 10: loss floor", "decaying lr: loss floor" };
    double floors[3];
    for (int j = 0; j < 3; j++) {
        double sum = 0;
        const long from = T - T / 10;
        for (long k = from; k <= T; k++)
            sum += mean[j][k];
        floors[j] = sum / (double)(T - from + 1);
        opt_lab_quote(lab, keys[j], floors[j], "%.3g", texts[j]);
    }
    opt_lab_quote(lab, "noisy_constant_loss_t100", mean[0][T < 100 ? T : 100], "%.3g",
                  "constant lr: mean loss at step 100");
    opt_lab_quote(lab, "noisy_small_loss_t100", mean[1][T < 100 ? T : 100], "%.3g",
                  "constant lr / 10: mean loss at step 100");
    opt_lab_quote(lab, "noisy_floor_ratio", floors[0] / floors[2], "%.3g",
                  "constant floor / decaying floor");
    for (int k = 0; k < 3; k++)
        free(mean[k]);
    char vars[200];
    snprintf(vars, sizeof vars, "lr=%.17g; decay='%s'; T=%ld; runs=%ld; floor_from=%ld", lr,
             opt_schedule_name(decay.kind), T, runs, T - T / 10);
    opt_lab_figure(lab, "06-adam-decay", vars);
}

/**
![Adam on the valley with noisy gradients, the mean loss of 20 runs: at a
constant rate the loss stops falling at a floor; a ten times smaller rate
gets a lower floor but starts slowly; the decaying rate gets both. The
dashed segments are the floors.](06-adam-decay.svg)

At the constant rate $\eta = 0.1$ the loss is 0.015 after 100 steps and
then stops falling: it hovers around a floor of 0.045 for the rest of the
run. The ten times smaller rate is still at 2.8 after 100 steps and only
reaches the minimum's neighbourhood after about 500; its ball is smaller,
with a floor of 0.0038 — and that floor *creeps up* over the run, the
lecture's warning in action: as $v$ forgets the large gradients of the
descent, $\sqrt{\hat v}$ shrinks to the noise's size and the steps grow
back to their hovering length. The cosine decay keeps the fast start and,
as $\eta$ goes to zero, lets the iterate settle: its floor, 0.0012, is 37
times lower than the constant rate's. This is why Adam is almost always
used with a learning-rate schedule (lab 08), or, as the lecture mentions,
switched to SGD with momentum near the end.

*Question.* Raise `noise` to 3. What happens to the constant-rate floor,
and why does the floor of the decaying run depend so much less on it?

## Exercises

Write the three functions declared in `labs/06-adaptive/exercise.h`; their
doc comments there are the full assignment. Put your code in
`labs/06-adaptive/exercise.c`, in place of the stubs.

1. `adagrad_step(x, G, g, n, lr, eps)` — one AdaGrad step: add $g^2$ to
   $G$, move $x$ by $-\eta g/(\sqrt G + \varepsilon)$.
2. `rmsprop_step(x, v, g, n, lr, alpha, eps)` — one RMSProp step: the leaky
   average of $g^2$ instead of the sum.
3. `adam_step(x, m, v, g, n, t, lr, beta1, beta2, eps)` — one Adam step
   with both moving averages and their bias correction at step $t$.

Once written, they run every AdaGrad, RMSProp and Adam step of this lab.

**How they are checked.** `make grade LAB=06` compiles your `exercise.c`
with the tests in `tests/grade/06-adaptive.c` and prints a score table (10
points per exercise); each failed test says what it checked, what it
expected, what came back, and a hint. The tests compare your steps with
ones worked out by hand in the test: the first step of each method (for
Adam, $\eta\,\mathrm{sign}(g)$ whatever the gradient's size), three steps
in a row, a step from a given state at $t = 10$, long runs of equal
gradients (AdaGrad's step must fall to $\eta/10$ after 100, RMSProp's must
return to $\eta$), where $\varepsilon$ goes, and the statuses; some tests
are hidden until after the deadline. Then rerun the lab: the "not
implemented yet" notes disappear, and the numbers should match the
reference run to rounding.
*/
/* Parameters whose shape the schema cannot express, checked before any
 * output is written (a bad one exits 2 naming the key). */
static void check_parameters(void)
{
    double v[METHODS + 1];
    const char *pairs[] = { "betas", "lambdas", "valley_start", "saddle_start", "rosenbrock_start" };
    for (size_t k = 0; k < sizeof pairs / sizeof *pairs; k++)
        if (opt_lab_list(lab, pairs[k], v, 3) != 2)
            opt_lab_bad_param(lab, pairs[k], "expected two numbers");
    const char *rates[] = { "valley_lr", "saddle_lr", "rosenbrock_lr" };
    for (size_t k = 0; k < sizeof rates / sizeof *rates; k++)
        if (opt_lab_list(lab, rates[k], v, METHODS + 1) != METHODS)
            opt_lab_bad_param(lab, rates[k], "expected five learning rates: SGD, SGD + momentum, "
                              "AdaGrad, RMSProp, Adam");
    opt_lab_list(lab, "betas", v, 2);
    if (!(v[0] < 1 && v[1] < 1))
        opt_lab_bad_param(lab, "betas", "beta1 and beta2 must be below 1");
    opt_schedule_kind kind = opt_schedule_lookup(opt_lab_string(lab, "decay"));
    if (kind == OPT_SCHED_COUNT || kind == OPT_SCHED_CONSTANT || kind == OPT_SCHED_MULTISTEP)
        opt_lab_bad_param(lab, "decay", "'%s' is not a decaying schedule; use cosine, linear, "
                          "step, exponential or invsqrt", opt_lab_string(lab, "decay"));
}

int main(int argc, char **argv)
{
    lab = opt_lab_start(&info, argc, argv);
    check_parameters();
    read_hyperparameters();
    step_size_over_time();
    adam_first_step();
    valley_races();
    saddle_race();
    rosenbrock_race();
    adam_near_minimum();
    return opt_lab_finish(lab);
}
