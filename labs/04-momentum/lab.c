/**
# Lab 04 — Momentum and Nesterov

Gradient descent decides every step from the slope at the point where it
stands, and from nothing else. On a bowl that is much steeper in one
direction than in another, that is a poor guide: the steep direction
dominates the gradient, so the iterate bounces from one wall of the valley
to the other while it creeps along the floor, where the minimum is (Lab 03
measured how badly, as a function of the condition number).

**Momentum** gives the iterate a memory. It keeps a *velocity*, a running
combination of the past gradients, and moves along that instead of along
the latest gradient. Components that keep their sign from step to step add
up, so the iterate speeds up along the floor of the valley; components that
flip sign cancel, so the bouncing across it dies down. The picture is a
heavy ball rolling down the landscape: it gathers speed downhill, and a
friction term keeps it from rolling for ever.

This lab takes the idea apart:

1. momentum on $f(x) = 4x_1^2 + x_2^2$ with three amounts of memory;
2. why the velocity is an exponential moving average of the gradients;
3. the three ways the lecture decks write momentum, and why they are one
   method with renamed parameters;
4. Nesterov's variant, which takes the gradient where the ball is about to
   be, and the change of variables that brings it back to the usual form;
5. momentum against Nesterov on a long, narrow valley.

It ends with three exercises. Run it with `make lab04 && build/bin/lab04`;
`build/bin/lab04 --help` lists every parameter, and `--set` changes one, as
in `build/bin/lab04 --set 'alphas={0, 0.5}'`.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "opt.h"
#include "exercise.h"

/**
## The parameters

Every number this lab uses is a parameter with a default; the same defaults
are written out in `labs/04-momentum/params.lua`, which you can copy, edit
and pass with `--config`.
*/
static const opt_param params[] = {
    /* Parts 1-3: the quadratic 4 x1^2 + x2^2 */
    { "eta", OPT_T_NUMBER, "0.2", 0, 10,
      "learning rate on 4 x1^2 + x2^2 (parts 1 to 3)" },
    { "alphas", OPT_T_LIST, "{0, 0.3, 0.9}", 0, 0.999,
      "momentum alpha of each path in part 1 (0: gradient descent)" },
    { "start", OPT_T_LIST, "{-2.5, 2.5}", 0, 0, "start point on 4 x1^2 + x2^2" },
    { "rho", OPT_T_NUMBER, "0.9", 0, 0.999,
      "momentum of parts 2 and 3 (the average and the three formulations)" },
    { "compare_steps", OPT_T_INT, "100", 1, 100000,
      "steps of the numerical comparisons in parts 2 to 4" },
    /* Parts 4-5: the long valley 0.1 x^2 + 2 y^2 */
    { "valley_eta", OPT_T_NUMBER, "0.2", 0, 10, "learning rate on the long valley" },
    { "valley_rho", OPT_T_NUMBER, "0.9", 0, 0.999, "momentum of both methods on the long valley" },
    { "valley_start", OPT_T_LIST, "{-5, -2}", 0, 0, "start point on the long valley" },
    /* Every run */
    { "tol", OPT_T_NUMBER, "1e-8", 1e-300, 1, "a run has converged when f <= tol" },
    { "max_steps", OPT_T_INT, "1000", 1, 1000000, "step budget of every run" },
};

static const opt_lab_info info = OPT_LAB_INFO("04-momentum", "Momentum and Nesterov", params);

/* The running lab: the exercise wrappers below report through it. */
static opt_lab *lab;

/**
## Your functions, or the reference

The lab calls the three functions you write in `exercise.c` (see the end of
this page). While one is still a stub returning `OPT_ENOTIMPL`, the lab says
so once and uses the library instead, so every number and figure below
exists from the start; once you implement it, they come from your code.

The library's stand-in for your momentum step is its stepper
`momentum-classic`, whose state is exactly the velocity $v$; for the
Nesterov step it is the same stepper, fed the gradient at the look-ahead
point (part 4 explains why that is all Nesterov changes).
*/
static void heavy_ball_step(double *x, double *v, const double *g, size_t n, double alpha,
                            double eta)
{
    int status = momentum_step(x, v, g, n, alpha, eta);
    if (status == OPT_ENOTIMPL) {
        opt_lab_not_implemented(lab, "momentum_step");
        opt_momentum_params hp = { alpha };
        opt_stepper *s = opt_lab_need(lab, opt_stepper_alloc(opt_momentum_classic, n, &hp));
        double *velocity = opt_stepper_buffer_writable(s, "velocity");
        memcpy(velocity, v, n * sizeof *v);     /* the stepper's state is v */
        status = opt_stepper_step(s, x, g, eta);
        memcpy(v, velocity, n * sizeof *v);
        opt_stepper_free(s);
    }
    if (status != OPT_OK)
        opt_lab_die(lab, "momentum_step returned '%s'", opt_strerror(status));
}

static void lookahead_step(const opt_objective *f, double *x, double *v, double rho, double eta)
{
    int status = nesterov_step(f, x, v, rho, eta);
    if (status == OPT_ENOTIMPL) {
        opt_lab_not_implemented(lab, "nesterov_step");
        const size_t n = f->n;
        double *p = opt_lab_alloc(lab, n, sizeof *p), *g = opt_lab_alloc(lab, n, sizeof *g);
        opt_momentum_params hp = { rho };
        opt_stepper *s = opt_lab_need(lab, opt_stepper_alloc(opt_momentum_classic, n, &hp));
        for (size_t i = 0; i < n; i++)
            p[i] = x[i] + rho * v[i];
        status = isfinite(opt_eval(f, p, g)) ? OPT_OK : OPT_EDIVERGED;
        double *velocity = opt_stepper_buffer_writable(s, "velocity");
        memcpy(velocity, v, n * sizeof *v);
        if (status == OPT_OK)
            status = opt_stepper_step(s, x, g, eta);
        memcpy(v, velocity, n * sizeof *v);
        opt_stepper_free(s);
        free(p);
        free(g);
    }
    if (status != OPT_OK)
        opt_lab_die(lab, "nesterov_step returned '%s'", opt_strerror(status));
}

static void ema_form_params(double rho, double lr, double *beta, double *lr_ema)
{
    int status = momentum_ema_params(rho, lr, beta, lr_ema);
    if (status == OPT_ENOTIMPL) {
        opt_lab_not_implemented(lab, "momentum_ema_params");
        *beta = rho;                 /* the map in lib/optim.h */
        *lr_ema = lr / (1 - rho);
        status = OPT_OK;
    }
    if (status != OPT_OK)
        opt_lab_die(lab, "momentum_ema_params returned '%s'", opt_strerror(status));
}

/**
## 1. The heavy ball

The lecture writes momentum with a velocity $v$ that starts at zero:

$$v_t = \alpha\, v_{t-1} - \eta\, \nabla L(w_{t-1}), \qquad
w_t = w_{t-1} + v_t, \qquad v_0 = 0,\quad 0 \le \alpha < 1 .$$

The new velocity is a fraction $\alpha$ of the old one plus the usual
gradient step; the point then moves by the whole velocity. With
$\alpha = 0$ the memory is gone and this is gradient descent. The
parameter $\alpha$ is the *momentum*, and $1 - \alpha$ plays the part of
friction: it is the share of its speed the ball loses at every step.

Take the lecture's bowl $f(x) = 4x_1^2 + x_2^2$ (the library's problem
`quadratic`), whose gradient is $(8x_1, 2x_2)$ and whose Hessian is
$\mathrm{diag}(8, 2)$, and the learning rate $\eta$ = `eta` (0.2).
Gradient descent multiplies $x_1$ by $1 - 8\eta = -0.6$ at every step and
$x_2$ by $1 - 2\eta = 0.6$: the sign of $x_1$ flips each time, which is
the zig-zag.

How fast does momentum converge? On a quadratic every eigen-direction of
the Hessian moves on its own. Along one with curvature $h$, since
$v_{t-1} = w_{t-1} - w_{t-2}$, the coordinate follows

$$w_t = (1 + \alpha - \eta h)\, w_{t-1} - \alpha\, w_{t-2},$$

a linear recurrence whose solutions are combinations of $z^t$, with $z$ a
root of $z^2 - (1 + \alpha - \eta h)\, z + \alpha = 0$. The larger root in
modulus, over both directions, is the factor by which the distance to the
minimum shrinks per step (and $f$ by its square). When the roots are
complex their modulus is $\sqrt{\alpha}$: the iterate spirals in.

The code runs each $\alpha$ in `alphas` from `start` with your
`momentum_step` until $f \le$ `tol` ($10^{-8}$), and prints that rate next
to the number of steps it took.
*/

/* A built-in 2-D problem by name, with its start point from the list
 * parameter `start_key`. */
static opt_objective problem(const char *name, const char *start_key, double start[2])
{
    opt_lab_list(lab, start_key, start, 2);     /* two entries: checked in main */
    return opt_problem_objective(opt_problem_lookup(name));
}

/* The two eigenvalues of a problem's (constant) Hessian, smallest first. */
static void curvatures(const opt_objective *f, const double *x, double h[2])
{
    double H[4];
    if (f->hess(x, H, f->ctx) != OPT_OK)
        opt_lab_die(lab, "%s has no Hessian at the start", f->name);
    const double mid = (H[0] + H[3]) / 2, r = hypot((H[0] - H[3]) / 2, H[1]);
    h[0] = mid - r;
    h[1] = mid + r;
}

/* Runs momentum (nesterov = 0) or Nesterov momentum from start and records
 * every iterate in tr. Returns the first step t with f(x_t) <= tol, or -1
 * when the budget runs out or the run diverges. */
static long run_path(const opt_objective *f, const double start[2], int nesterov,
                     double momentum, double eta, opt_trace *tr)
{
    const double tol = opt_lab_number(lab, "tol");
    const long max_steps = opt_lab_int(lab, "max_steps");
    double x[2] = { start[0], start[1] }, v[2] = { 0, 0 }, g[2];
    for (long t = 0;; t++) {
        const double fx = opt_eval(f, x, g);
        if (!isfinite(fx) || !isfinite(opt_norm2(g, 2)))
            return -1;
        opt_lab_need_memory(lab, opt_trace_push(tr, t, fx, opt_norm2(g, 2), x));
        if (fx <= tol)
            return t;
        if (t == max_steps)
            return -1;
        if (nesterov)
            lookahead_step(f, x, v, momentum, eta);
        else
            heavy_ball_step(x, v, g, 2, momentum, eta);
    }
}

/* The modulus of the larger root of z^2 - a z + b = 0. */
static double root_modulus(double a, double b)
{
    const double disc = a * a - 4 * b;
    if (disc < 0)
        return sqrt(b);     /* a complex pair, z zbar = b */
    return (fabs(a) + sqrt(disc)) / 2;
}

/* Per-step contraction of momentum, or of Nesterov momentum (part 4),
 * along a direction of curvature h. */
static double rate(int nesterov, double momentum, double eta, double h)
{
    if (nesterov)
        return root_modulus((1 + momentum) * (1 - eta * h), momentum * (1 - eta * h));
    return root_modulus(1 + momentum - eta * h, momentum);
}

enum { MAX_ALPHAS = 8 };

static void heavy_ball_on_the_bowl(void)
{
    opt_lab_section(lab, "1. The heavy ball on 4 x1^2 + x2^2");
    double start[2], h[2], alphas[MAX_ALPHAS];
    opt_objective f = problem("quadratic", "start", start);
    curvatures(&f, start, h);
    const double eta = opt_lab_number(lab, "eta");
    const size_t count = opt_lab_list(lab, "alphas", alphas, MAX_ALPHAS);

    opt_lab_printf(lab, "  Hessian eigenvalues %g and %g; eta = %g; start (%g, %g)\n",
                   h[0], h[1], eta, start[0], start[1]);
    opt_lab_printf(lab, "  %-7s %-14s %s\n", "alpha", "rate per step", "steps to f <= tol");
    opt_trace *tr[MAX_ALPHAS];
    long steps[MAX_ALPHAS];
    char name[64];
    for (size_t i = 0; i < count; i++) {
        tr[i] = opt_lab_need(lab, opt_trace_alloc(2));
        steps[i] = run_path(&f, start, 0, alphas[i], eta, tr[i]);
        const double r = fmax(rate(0, alphas[i], eta, h[0]), rate(0, alphas[i], eta, h[1]));
        opt_lab_printf(lab, "  %-7g %-14.4f %ld%s\n", alphas[i], r, steps[i],
                       steps[i] < 0 ? " (not converged)" : "");
        opt_lab_recordf(lab, r, "bowl_rate_%zu", i + 1);
        opt_lab_recordf(lab, (double)steps[i], "bowl_steps_%zu", i + 1);
        snprintf(name, sizeof name, "bowl-path-%zu", i + 1);
        opt_lab_trace(lab, name, tr[i], NULL);
    }

    /* The figure: one panel per alpha, on the same contour lines. */
    double box[4];
    opt_trace_bounds(tr, count, 0.08, 1e-9, box);
    const double R = fmax(fmax(-box[0], box[1]), fmax(-box[2], box[3]));
    const double square[4] = { -R, R, -R, R };
    opt_lab_grid(lab, "bowl-grid", "x\ty\tf\tsqrt_f", &f, square, 121, OPT_GRID_SQRT);
    opt_figure_vars *vars = opt_figure_vars_new(lab);
    opt_figure_var(vars, "n=%zu; R=%.17g; array alpha[%zu]; array steps[%zu]", count, R, count,
                   count);
    for (size_t i = 0; i < count; i++)
        opt_figure_var(vars, "alpha[%zu]=%.17g; steps[%zu]=%ld", i + 1, alphas[i], i + 1, steps[i]);
    opt_lab_figure(lab, "04-bowl-paths", opt_figure_vars_text(vars));
    opt_figure_vars_free(vars);
    for (size_t i = 0; i < count; i++)
        opt_trace_free(tr[i]);
}

/**
![Momentum on $4x_1^2 + x_2^2$ from the same start: $\alpha = 0$ (gradient
descent), $\alpha = 0.3$ and $\alpha = 0.9$, with the steps each needs to
reach $f \le 10^{-8}$.](04-bowl-paths.svg)

Gradient descent zig-zags across the steep direction $x_1$, each step
overshooting the floor by 60 % of the previous distance. With
$\alpha = 0.3$ the velocity carries part of the previous step, which
pointed the other way across the valley, so the overshoot is smaller: the
path straightens and the rate improves from $0.6$ to
$\sqrt{0.3} \approx 0.55$ in both directions. With $\alpha = 0.9$ there is
too little friction: the ball overshoots the minimum again and again and
circles it for nearly two hundred steps at the rate $\sqrt{0.9} \approx 0.95$.
Momentum is not free: on a bowl as round as this one (condition number 4)
a lot of it is worse than none. It pays off when the valley is long and
narrow, as in part 5.

*Question.* Keep $\eta = 0.2$ and look for the $\alpha$ with the best
rate (try `--set 'alphas={0.1, 0.14, 0.2}'`). Where the roots are complex
along both directions the rate is $\sqrt{\alpha}$, so smaller is better;
along $h = 2$ they are complex only while $(1 + \alpha - \eta h)^2 =
(\alpha + 0.6)^2$ stays below $4\alpha$. Which $\alpha$ is
best, what is its rate, and how many steps does it need?

## 2. The velocity is an average of past gradients

Unroll the recursion, writing $g_k = \nabla L(w_{k-1})$ for the gradient
used in step $k$:

$$v_1 = -\eta g_1, \quad v_2 = -\eta(\alpha g_1 + g_2), \quad \dots, \quad
v_t = -\eta \sum_{k=1}^{t} \alpha^{t-k} g_k .$$

The step is a weighted sum of *all* past gradients, the weight of a
gradient $j$ steps old being $\alpha^j$: it falls off exponentially, which
is why this is called an exponential moving average (Lab 05 is about such
averages; this one is not normalized, its weights add up to
$(1 - \alpha^t)/(1 - \alpha)$ instead of 1). Two consequences:

* a gradient that keeps pointing the same way, $g_k = g$, drives the
  velocity to $-\eta g / (1 - \alpha)$: with $\alpha = 0.9$ the ball
  eventually moves ten times as far per step as gradient descent would;
* gradients that alternate in sign, as across a valley, largely cancel in
  the sum.

We check the formula numerically: run `compare_steps` (100) steps of your
`momentum_step` with $\alpha$ = `rho` (0.9) on the bowl, keep every
gradient, and compare each velocity $v_t$ with the sum on the right.
*/
static void velocity_is_an_average(void)
{
    opt_lab_section(lab, "2. The velocity is an exponential moving average of the gradients");
    double start[2];
    opt_objective f = problem("quadratic", "start", start);
    const double alpha = opt_lab_number(lab, "rho"), eta = opt_lab_number(lab, "eta");
    const long T = opt_lab_int(lab, "compare_steps");
    double (*g)[2] = opt_lab_alloc(lab, (size_t)T, sizeof *g);
    double x[2] = { start[0], start[1] }, v[2] = { 0, 0 }, worst = 0, largest = 0;
    for (long t = 1; t <= T; t++) {
        opt_eval(&f, x, g[t - 1]);              /* g_t, at w_{t-1} */
        heavy_ball_step(x, v, g[t - 1], 2, alpha, eta);
        for (int i = 0; i < 2; i++) {
            double sum = 0, weight = 1;         /* sum_k alpha^(t-k) g_k, newest first */
            for (long k = t; k >= 1; k--, weight *= alpha)
                sum += weight * g[k - 1][i];
            worst = fmax(worst, fabs(v[i] - (-eta * sum)));
            largest = fmax(largest, fabs(v[i]));
        }
    }
    free(g);
    opt_lab_printf(lab, "  alpha = %g, eta = %g, %ld steps on 4 x1^2 + x2^2\n", alpha, eta, T);
    opt_lab_quote(lab, "velocity_largest", largest, "%.4g", "largest |v_t| entry");
    opt_lab_quote(lab, "velocity_sum_difference", worst, "%.2g",
                  "largest |v_t - (-eta sum_k alpha^(t-k) g_k)|");
    opt_lab_quote(lab, "terminal_speedup", 1 / (1 - alpha), "%.4g",
                  "1 / (1 - alpha): velocity under a constant gradient, in plain steps");
}

/**
The two agree to rounding: the velocity is nothing but that weighted sum,
kept up to date in one vector instead of recomputed from a growing list of
gradients.

## 3. One method, three ways to write it

The decks write momentum in three ways, with different letters. Here
$\rho$ is the momentum and $\eta$ the learning rate throughout (deck by
deck, the momentum is called $\alpha$, $\rho$ or $\beta$, and the learning
rate $\eta$ or $\alpha$ — read each slide's letters carefully):

| form | velocity | point | library stepper |
|---|---|---|---|
| (a) | $v \leftarrow \rho v + \nabla f(x)$ | $x \leftarrow x - \eta v$ | `momentum`; `sgd` with `momentum` $= \rho$ (PyTorch) |
| (b) | $v \leftarrow \rho v - \eta \nabla f(x)$ | $x \leftarrow x + v$ | `momentum-classic` (part 1's form) |
| (c) | $v \leftarrow \beta v + (1 - \beta) \nabla f(x)$ | $x \leftarrow x - \eta' v$ | `momentum-ema` |

All start from $v = 0$. **(a) and (b) are the same method with the same
parameters**: by induction, form (b)'s velocity is always $-\eta$ times form
(a)'s, and $x + (-\eta v) = x - \eta v$. **(c) is (a) with $\beta = \rho$
and $\eta' = \eta / (1 - \rho)$**: its velocity is always $(1 - \rho)$
times (a)'s, so the learning rate must be $1/(1 - \rho)$ times larger to
make the same step. That map is exercise 3, `momentum_ema_params`.

The forms differ in what a parameter *means*. In (a) and (b), raising
$\rho$ from 0.9 to 0.99 also multiplies the long-run step
$\eta / (1 - \rho)$ by ten; in (c), a constant gradient drives $v$ to the
gradient itself whatever $\beta$ is, so the step size and the amount of
averaging can be tuned separately, which is why some courses prefer it.

The code runs the four library steppers of the table for `compare_steps`
steps from the same start on the bowl, with $\rho$ = `rho`, $\eta$ = `eta`
and your $(\beta, \eta')$ for form (c), and measures the largest distance
between their iterates and those of form (a).
*/

/* Runs a library stepper from start for `steps` steps; the caller frees
 * the trace. */
static opt_trace *run_stepper(const opt_objective *f, const double *start,
                              const opt_stepper_type *T, const void *hp, double lr, long steps)
{
    opt_stepper *s = opt_lab_need(lab, opt_stepper_alloc(T, f->n, hp));
    opt_trace *tr = opt_lab_need(lab, opt_trace_alloc(f->n));
    double *x = opt_lab_alloc(lab, f->n, sizeof *x);
    memcpy(x, start, f->n * sizeof *x);
    opt_run_params p = opt_run_defaults();
    p.lr = lr;
    p.max_steps = steps;
    opt_run(f, s, x, &p, tr, NULL);
    opt_stepper_free(s);
    free(x);
    return tr;
}

/* The largest difference between two traces' iterates, over every step
 * and coordinate; infinite when one stopped early (diverged). */
static double max_difference(const opt_trace *a, const opt_trace *b)
{
    if (a->rows != b->rows)
        return INFINITY;
    double worst = 0;
    for (size_t r = 0; r < a->rows; r++)
        for (size_t i = 0; i < a->n; i++)
            worst = fmax(worst, fabs(opt_trace_x(a, r)[i] - opt_trace_x(b, r)[i]));
    return worst;
}

static void three_formulations(void)
{
    opt_lab_section(lab, "3. Three ways to write momentum");
    double start[2];
    opt_objective f = problem("quadratic", "start", start);
    const double rho = opt_lab_number(lab, "rho"), eta = opt_lab_number(lab, "eta");
    const long T = opt_lab_int(lab, "compare_steps");
    double beta, eta_ema;
    ema_form_params(rho, eta, &beta, &eta_ema);

    const opt_momentum_params same = { rho }, ema = { beta };
    const opt_sgd_params torch = { .momentum = rho };
    opt_trace *a = run_stepper(&f, start, opt_momentum, &same, eta, T);
    opt_trace *b = run_stepper(&f, start, opt_momentum_classic, &same, eta, T);
    opt_trace *c = run_stepper(&f, start, opt_momentum_ema, &ema, eta_ema, T);
    opt_trace *s = run_stepper(&f, start, opt_sgd, &torch, eta, T);

    opt_lab_printf(lab, "  rho = %g, eta = %g; your map gives beta = %g, eta' = %g\n",
                   rho, eta, beta, eta_ema);
    const double *x3 = opt_trace_x(a, a->rows > 3 ? 3 : a->rows - 1);
    opt_lab_printf(lab, "  form (a) after 3 steps: x = (%.6f, %.6f)\n", x3[0], x3[1]);
    opt_lab_quote(lab, "ema_beta", beta, "%g", "form (c): beta");
    opt_lab_quote(lab, "ema_lr", eta_ema, "%g", "form (c): eta' = eta / (1 - rho)");
    opt_lab_quote(lab, "classic_vs_a", max_difference(b, a), "%.2g",
                  "(b) momentum-classic, same rho and eta: largest difference from (a)");
    opt_lab_quote(lab, "ema_vs_a", max_difference(c, a), "%.2g",
                  "(c) momentum-ema, beta and eta': largest difference from (a)");
    opt_lab_quote(lab, "sgd_vs_a", max_difference(s, a), "%.2g",
                  "sgd, momentum = rho: largest difference from (a)");

/**
All three differences are of the order of the rounding error of a double
($10^{-16}$ relative): the same iterates, computed in a different order.

PyTorch's `SGD` has one more knob, `dampening`, and it is tempting to read
form (c) into it: its buffer is $b \leftarrow \rho b + (1 - d)\, g$, which
with $d = \beta$ looks exactly like (c). It is not quite (c): PyTorch
sets the buffer to the *undamped* gradient on the first step, $b_1 = g_1$,
where (c) has $v_1 = (1 - \beta)\, g_1$. The first step is therefore
$1/(1 - \beta)$ = ten times larger, a difference of
$\eta' \beta\, |g_1|$ per coordinate, which the rest of the run never
makes up exactly:
*/
    const opt_sgd_params damped = { .momentum = beta, .dampening = beta };
    opt_trace *d = run_stepper(&f, start, opt_sgd, &damped, eta_ema, T);
    double first = 0;
    for (int i = 0; i < 2 && d->rows > 1 && c->rows > 1; i++)
        first = fmax(first, fabs(opt_trace_x(d, 1)[i] - opt_trace_x(c, 1)[i]));
    opt_lab_quote(lab, "dampened_first_step", first, "%.4g",
                  "sgd, momentum = dampening = beta, lr = eta': difference from (c) after step 1");
    opt_lab_quote(lab, "dampened_max", max_difference(d, c), "%.4g",
                  "the same: largest difference over the run");
    opt_trace_free(a);
    opt_trace_free(b);
    opt_trace_free(c);
    opt_trace_free(s);
    opt_trace_free(d);
}

/**
A last caveat: the equivalences hold for a *constant* learning rate. Under
a schedule (Lab 08) form (b) differs from (a), because its velocity stores
the past steps already multiplied by the learning rates of their time,
while (a) multiplies the whole velocity by today's rate.

## 4. Nesterov momentum: look before you leap

At step $t$ the momentum part $\rho v_t$ of the next move is decided
before any gradient is taken. Nesterov's idea is to use that: move with
the momentum first, and take the gradient *where that lands*, the
look-ahead point $x_t + \rho v_t$:

$$v_{t+1} = \rho\, v_t - \eta\, \nabla f(x_t + \rho v_t), \qquad
x_{t+1} = x_t + v_{t+1}.$$

If the momentum is about to carry the ball up the far wall of a valley,
the gradient at the look-ahead point already points back, and the step is
corrected before the overshoot instead of after it. That is exercise 2,
`nesterov_step`; and it is the only change: the library's stand-in above is
form (b)'s step given the look-ahead gradient.

This form is awkward in practice: a training loop computes the gradient at
the parameters it holds, not at a shifted copy. The change of variables
$\tilde x_t = x_t + \rho v_t$ fixes that. Substituting,

$$v_{t+1} = \rho\, v_t - \eta\, \nabla f(\tilde x_t), \qquad
\tilde x_{t+1} = x_{t+1} + \rho v_{t+1}
= \tilde x_t - \rho v_t + (1 + \rho)\, v_{t+1}
= \tilde x_t + v_{t+1} + \rho\,(v_{t+1} - v_t),$$

and now the gradient is taken at the iterate $\tilde x_t$ itself. With
$b = -v / \eta$ this is PyTorch's `SGD(nesterov=True)`, the library's
`sgd` with `nesterov = 1`: $b \leftarrow \rho b + g$,
$\tilde x \leftarrow \tilde x - \eta\,(g + \rho b)$. Since $v_0 = 0$ both
start at the same point, and $\tilde x_t$ and $x_t$ differ by $\rho v_t$,
which vanishes as the run converges.

To check it numerically the code runs your `nesterov_step` on the long
valley of part 5 for `compare_steps` steps, forms $x_t + \rho v_t$ after
every step, and compares it with the iterates of the library's `sgd`.
*/
static void nesterov_change_of_variables(void)
{
    opt_lab_section(lab, "4. Nesterov: the look-ahead form and PyTorch's form");
    double start[2];
    opt_objective f = problem("long-valley", "valley_start", start);
    const double rho = opt_lab_number(lab, "valley_rho"), eta = opt_lab_number(lab, "valley_eta");
    const long T = opt_lab_int(lab, "compare_steps");

    const opt_sgd_params nag = { .momentum = rho, .nesterov = 1 };
    opt_trace *torch = run_stepper(&f, start, opt_sgd, &nag, eta, T);
    double x[2] = { start[0], start[1] }, v[2] = { 0, 0 }, worst = 0, shift = 0;
    for (long t = 0; t <= T && (size_t)t < torch->rows; t++) {
        const double *y = opt_trace_x(torch, (size_t)t);
        for (int i = 0; i < 2; i++) {
            worst = fmax(worst, fabs(x[i] + rho * v[i] - y[i]));     /* x~_t against y_t */
            shift = fmax(shift, fabs(rho * v[i]));
        }
        if (t < T)
            lookahead_step(&f, x, v, rho, eta);
    }
    if (torch->rows != (size_t)T + 1)
        worst = INFINITY;       /* the library's run diverged */
    opt_trace_free(torch);
    opt_lab_printf(lab, "  rho = %g, eta = %g, %ld steps on 0.1 x^2 + 2 y^2\n", rho, eta, T);
    opt_lab_quote(lab, "nesterov_shift", shift, "%.4g",
                  "largest |rho v_t| entry: how far apart x_t and x~_t get");
    opt_lab_quote(lab, "nesterov_forms_difference", worst, "%.2g",
                  "largest |x_t + rho v_t - (PyTorch's x~_t)|");
}

/**
The look-ahead iterates, shifted by $\rho v_t$, are PyTorch's iterates to
rounding, although the two sequences themselves differ by up to the size
of the shift printed above: the same method, seen at two different points
of each step.

## 5. Momentum against Nesterov on a long valley

The library's `long-valley` is $f(x, y) = 0.1x^2 + 2y^2$: Hessian
$\mathrm{diag}(0.2, 4)$, condition number 20, a valley twenty times
steeper across ($y$) than along ($x$). We run gradient descent, momentum
and Nesterov with the same $\eta$ = `valley_eta` (0.2) and
$\rho$ = `valley_rho` (0.9), from `valley_start`.

Nesterov's recurrence along a direction of curvature $h$ follows the same
way as part 1's (substitute $v_t = x_t - x_{t-1}$):
$x_{t+1} = (1 + \rho)(1 - \eta h)\, x_t - \rho (1 - \eta h)\, x_{t-1}$. The
look-ahead multiplies the memory term by $1 - \eta h$: almost nothing
along the flat floor, but across the valley, where $\eta h = 0.8$, it cuts
the memory to a fifth. Momentum's rate across is
$\sqrt{\rho} \approx 0.95$, the same as along, while Nesterov's is
$\sqrt{\rho(1 - \eta h)} = \sqrt{0.18} \approx 0.42$.
*/
static void valley_race(void)
{
    opt_lab_section(lab, "5. Momentum against Nesterov on the long valley");
    double start[2], h[2];
    opt_objective f = problem("long-valley", "valley_start", start);
    curvatures(&f, start, h);
    const double rho = opt_lab_number(lab, "valley_rho"), eta = opt_lab_number(lab, "valley_eta");
    static const char *const names[3] = { "gd", "momentum", "nesterov" };
    opt_trace *tr[3];
    long steps[3];
    opt_lab_printf(lab, "  Hessian eigenvalues %g and %g; eta = %g, rho = %g\n",
                   h[0], h[1], eta, rho);
    opt_lab_printf(lab, "  %-9s %-8s %-8s %s\n", "method", "along", "across", "steps to f <= tol");
    for (int m = 0; m < 3; m++) {
        tr[m] = opt_lab_need(lab, opt_trace_alloc(2));
        const int nesterov = m == 2;
        const double momentum = m == 0 ? 0 : rho;
        steps[m] = run_path(&f, start, nesterov, momentum, eta, tr[m]);
        const double along = rate(nesterov, momentum, eta, h[0]);
        const double across = rate(nesterov, momentum, eta, h[1]);
        opt_lab_printf(lab, "  %-9s %-8.4f %-8.4f %ld%s\n", names[m], along, across, steps[m],
                       steps[m] < 0 ? " (not converged)" : "");
        char name[64];
        opt_lab_recordf(lab, along, "valley_%s_along", names[m]);
        opt_lab_recordf(lab, across, "valley_%s_across", names[m]);
        opt_lab_recordf(lab, (double)steps[m], "valley_%s_steps", names[m]);
        snprintf(name, sizeof name, "valley-%s", names[m]);
        opt_lab_trace(lab, name, tr[m], NULL);
    }
    double box[4];
    opt_trace_bounds(tr, 3, 0.08, 1e-9, box);
    opt_lab_grid(lab, "valley-grid", "x\ty\tf\tsqrt_f", &f, box, 121, OPT_GRID_SQRT);
    char vars[512];
    snprintf(vars, sizeof vars, "xmin=%.17g; xmax=%.17g; ymin=%.17g; ymax=%.17g; "
             "steps_gd=%ld; steps_momentum=%ld; steps_nesterov=%ld; eta=%.17g; rho=%.17g",
             box[0], box[1], box[2], box[3], steps[0], steps[1], steps[2], eta, rho);
    opt_lab_figure(lab, "04-valley-paths", vars);
    opt_lab_figure(lab, "04-valley-loss", vars);
    for (int m = 0; m < 3; m++)
        opt_trace_free(tr[m]);
}

/**
![Gradient descent, momentum and Nesterov momentum on the long valley
$0.1x^2 + 2y^2$, same learning rate and momentum.](04-valley-paths.svg)

![The loss of the three runs against the step, on a log
scale.](04-valley-loss.svg)

Gradient descent does not zig-zag here ($1 - \eta h = 0.2$ across), it
crawls: along the floor it keeps 96 % of the distance at every step.
Momentum fixes the crawl, since along the floor the gradients all point the
same way and the velocity builds up, but it pays with a long swing across
the valley that decays only at the rate $\sqrt{0.9}$. Nesterov keeps the
speed along the floor and damps the swing: the look-ahead gradient on the
far wall brakes the ball before it climbs. It reaches the tolerance in
about half the steps of momentum and a third of those of gradient descent.

*Question.* Raise `valley_eta` to 0.4. Momentum still converges; what
happens to Nesterov, and why? (Work out $(1 + \rho)(1 - \eta h)$ across the
valley: the look-ahead helps only while $\eta h < 1$, while a step does not
overshoot the floor by itself.)

## Exercises

Write the three functions declared in `labs/04-momentum/exercise.h`; their
doc comments there are the full assignment. Put your code in
`labs/04-momentum/exercise.c`, in place of the stubs.

1. `momentum_step(x, v, g, n, alpha, eta)` — one step of part 1's
   momentum, updating the velocity and then the point in place. Parts 1, 2
   and 5 use it for every momentum path.
2. `nesterov_step(f, x, v, rho, eta)` — one step of Nesterov momentum with
   the gradient at the look-ahead point $x + \rho v$. Parts 4 and 5 use it.
3. `momentum_ema_params(rho, lr, &beta, &lr_ema)` — the parameters of form
   (c) that give the same iterates as form (a). Part 3 uses them.

**How they are checked.** `make grade LAB=04` compiles your `exercise.c`
with the tests in `tests/grade/04-momentum.c` and prints a score table
(10 points per exercise); each failed test says what it checked, what it
expected, what came back, and a hint. The tests compare your results with
steps worked out by hand, with the unrolled sum of part 2, with the other
forms of the method computed inside the test (PyTorch's Nesterov under the
change of variables, form (a) against your form (c)), and with the status
codes; some tests are hidden until after the deadline. Then rerun the lab:
the "not implemented yet" notes disappear, and the numbers and figures
should match the reference run.
*/
/* Parameters whose shape the schema cannot express, checked before any
 * output is written (a bad one exits 2 naming the key). */
static void check_parameters(void)
{
    double v[MAX_ALPHAS + 1];
    if (opt_lab_list(lab, "start", v, 3) != 2)
        opt_lab_bad_param(lab, "start", "expected two numbers {x1, x2}");
    if (opt_lab_list(lab, "valley_start", v, 3) != 2)
        opt_lab_bad_param(lab, "valley_start", "expected two numbers {x, y}");
    const size_t count = opt_lab_list(lab, "alphas", v, MAX_ALPHAS + 1);
    if (count < 1 || count > MAX_ALPHAS)
        opt_lab_bad_param(lab, "alphas", "expected 1 to %d momenta, got %zu", MAX_ALPHAS, count);
    if (!(opt_lab_number(lab, "eta") > 0))
        opt_lab_bad_param(lab, "eta", "must be positive");
    if (!(opt_lab_number(lab, "valley_eta") > 0))
        opt_lab_bad_param(lab, "valley_eta", "must be positive");
}

int main(int argc, char **argv)
{
    lab = opt_lab_start(&info, argc, argv);
    check_parameters();
    heavy_ball_on_the_bowl();
    velocity_is_an_average();
    three_formulations();
    nesterov_change_of_variables();
    valley_race();
    return opt_lab_finish(lab);
}
