/**
# Lab 03 — Conditioning, gradient descent, coordinate descent

Lab 02 showed that near a point every smooth function looks like a
quadratic. So the way gradient descent behaves on a quadratic is the way it
behaves everywhere, once it is close enough to a minimum. This lab studies
the simplest quadratics there are, in two dimensions,

$$f(x) = x^\top A x, \qquad A = Q \Lambda Q^\top, \qquad
  \Lambda = \begin{pmatrix} \lambda_1 & 0 \\ 0 & \lambda_2 \end{pmatrix}, \qquad
  Q = \begin{pmatrix} \cos\theta & -\sin\theta \\ \sin\theta & \cos\theta \end{pmatrix},$$

a bowl whose elliptic contours have axes along the columns of the rotation
$Q$ and lengths set by $\lambda_1$ and $\lambda_2$. (The lecture's slides
write $Q$ with the signs of $\sin\theta$ swapped, a rotation the other
way; the mirror image changes nothing below.) The lecture's three
cases are $\Lambda = \mathrm{diag}(4, 1)$ unrotated, the same rotated by
45°, and $\Lambda = \mathrm{diag}(12, 1)$ rotated by 45°. With them we
answer four questions:

1. what gradient descent and coordinate descent do on each, and why one
   of them cares about the rotation and the other does not;
2. which learning rates converge, which one is best, and how the number
   of steps grows with the **condition number**;
3. how a step that looks small can still *increase* the loss;
4. when to stop.

**One factor of 2, once and for all.** The gradient of $x^\top A x$ is
$2Ax$ and its Hessian is $H = 2A$, so the Hessian's eigenvalues are
$2\lambda_1$ and $2\lambda_2$: 8 and 2 for $\Lambda = \mathrm{diag}(4, 1)$,
24 and 2 for $\mathrm{diag}(12, 1)$. Every formula below is written with
the eigenvalues of $H$ — the second derivatives, which is what a step
feels. Ratios such as the condition number come out the same either way;
learning rates do not.

The lab ends with three exercises. Run it with
`make lab03 && build/bin/lab03`; `build/bin/lab03 --help` lists the
parameters.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "opt.h"
#include "spectrum.h"
#include "exercise.h"

/**
## The parameters

Every number below is a parameter with a default, written out again in
`labs/03-conditioning/params.lua`; copy it, edit it and pass it with
`--config`. Each quadratic is a record `{lambda1 = ..., lambda2 = ...,
theta = ...}` (degrees, counter-clockwise).
*/
static const opt_param params[] = {
    { "quadratics", OPT_T_TABLE,
      "{ {lambda1 = 4, lambda2 = 1, theta = 0}, {lambda1 = 4, lambda2 = 1, theta = 45}, {lambda1 = 12, lambda2 = 1, theta = 45} }",
      0, 0, "the quadratics x^T Q diag(lambda1, lambda2) Q^T x (1 to 4 of them; theta in degrees)" },
    { "start", OPT_T_LIST, "{-0.6, 3}", -1e3, 1e3,
      "start point in the quadratic's own axes: the run starts at Q start" },
    { "eta", OPT_T_NUMBER, "0.075", 0, 100, "learning rate of the gradient-descent paths" },
    { "tol", OPT_T_NUMBER, "1e-6", 1e-15, 0.5,
      "converged when ||g|| <= tol ||g0||: iterations are counted to this" },
    { "max_steps", OPT_T_INT, "100000", 1, 10000000, "step budget of every run" },
    { "kappas", OPT_T_LIST, "{1, 2, 4, 8, 12, 16, 32, 64, 128, 256, 512, 1024}", 1, 1e6,
      "condition numbers of the sweep (lambda1 = kappa, lambda2 = 1, theta = 45)" },
    { "threshold_factors", OPT_T_LIST, "{0.99, 1.01}", 0.01, 10,
      "learning rates tried just below and above 2 / lambda_max(H)" },
    { "probe_point", OPT_T_LIST, "{1, 0.5}", -1e3, 1e3,
      "where the predicted change of f is examined (on the last quadratic)" },
    { "probe_eps", OPT_T_NUMBER, "0.1", 0, 100, "the 'small' step whose effect is quoted" },
    { "stop_gtol", OPT_T_NUMBER, "1e-6", 0, 1e6, "stopping run 1: gradient norm below this" },
    { "stop_ftol", OPT_T_NUMBER, "1e-12", 0, 1, "stopping run 2: relative change of f below this" },
    { "stop_budget", OPT_T_INT, "25", 1, 10000000, "stopping run 3: this many steps" },
    { "slow_eta", OPT_T_NUMBER, "0.001", 0, 100, "stopping run 4: a tiny learning rate ..." },
    { "slow_ftol", OPT_T_NUMBER, "1e-6", 0, 1, "... with this relative-change test" },
};

static const opt_lab_info info = {
    "03-conditioning", "Conditioning, gradient descent, coordinate descent", params,
    sizeof params / sizeof *params
};

static opt_lab *lab;

/**
## Your functions, or the reference

The lab calls the three functions you write in `exercise.c`. While one is
a stub returning `OPT_ENOTIMPL`, the lab says so once and uses its own
reference (the library's vector kernels and `lib/spectrum`), so every
number and figure exists from the start.

Your `gradient_descent_step` becomes an optimizer: a stepper type whose
step calls it. The library's driver `opt_run` (lib/run.h) does the rest —
evaluating $f$ and $\nabla f$, recording the path, applying the stopping
tests and noticing divergence — exactly as for the library's own
steppers.
*/
static int your_gd_step(opt_stepper *s, double *x, const double *g, double lr)
{
    int status = gradient_descent_step(x, g, s->n, lr);
    if (status == OPT_ENOTIMPL) {
        opt_lab_not_implemented(lab, "gradient_descent_step");
        opt_axpy(-lr, g, x, s->n);
        status = OPT_OK;
    }
    return status;
}

static const opt_gd_params no_params = { 0 };
static const opt_stepper_type your_gd = {
    .name = "gd (yours)",
    .doc = "gradient descent through gradient_descent_step",
    .hp_size = sizeof no_params,
    .hp_default = &no_params,
    .step = your_gd_step,
};

static double condition_number(const double *H, size_t n)
{
    double kappa = NAN;
    int status = hessian_condition_number(H, n, &kappa);
    if (status == OPT_ENOTIMPL) {
        opt_lab_not_implemented(lab, "hessian_condition_number");
        status = opt_condition_number(H, n, &kappa);
    }
    if (status != OPT_OK)
        opt_lab_die(lab, "hessian_condition_number returned '%s'", opt_strerror(status));
    return kappa;
}

static double predicted_change(const double *g, const double *H, size_t n, double eps)
{
    double change = NAN;
    int status = predicted_loss_change(g, H, n, eps, &change);
    if (status == OPT_ENOTIMPL) {
        opt_lab_not_implemented(lab, "predicted_loss_change");
        double gHg = 0;
        for (size_t i = 0; i < n; i++)
            gHg += g[i] * opt_dot(H + i * n, g, n);
        change = 0.5 * eps * eps * gHg - eps * opt_dot(g, g, n);
        status = OPT_OK;
    }
    if (status != OPT_OK)
        opt_lab_die(lab, "predicted_loss_change returned '%s'", opt_strerror(status));
    return change;
}

/**
## Coordinate descent

The lecture's other method moves along one coordinate axis at a time:
find the best $x_1$ with $x_2$ held fixed, then the best $x_2$ with $x_1$
held fixed, and repeat. On a quadratic the best value along coordinate $i$
is one Newton step in that coordinate alone,

$$x_i \leftarrow x_i - \frac{g_i}{H_{ii}},$$

an *exact* line minimization along $e_i$ (the slope $g_i$ falls linearly
to zero over the distance $g_i / H_{ii}$). We write it as a stepper too,
whose $k$-th step updates coordinate $k \bmod n$; its "learning rate" scales
that step, and 1 means exact minimization. It keeps the diagonal of $H$ as
its hyper-parameter. (The driver computes the whole gradient at every
step; a real implementation would compute $g_i$ alone, which is what makes
coordinate descent cheap when $n$ is large.)
*/
typedef struct coordinate_params { double curvature[2]; } coordinate_params;
static const coordinate_params unit_curvature = { { 1, 1 } };

static int coordinate_step(opt_stepper *s, double *x, const double *g, double lr)
{
    const coordinate_params *p = s->hp;
    const size_t i = (size_t)(s->t - 1) % s->n;     /* s->t counts this step */
    x[i] -= lr * g[i] / p->curvature[i];
    return OPT_OK;
}

static const opt_stepper_type coordinate_descent = {
    .name = "coordinate descent",
    .doc = "x_i <- x_i - lr g_i / H_ii, i = step mod n",
    .hp_size = sizeof unit_curvature,
    .hp_default = &unit_curvature,
    .step = coordinate_step,
};

/* ---- The quadratics ---------------------------------------------------------------- */

typedef struct quadratic {
    double lambda1, lambda2, theta;
    opt_quad2 q;
    opt_objective f;
    double H[4], eig[2], kappa;
    double start[2];        /* Q times the `start` parameter */
    long gd_steps, cd_steps;    /* part 1's runs, for the figures */
} quadratic;

static quadratic *quads;
static size_t nquads;

/* A quadratic, its Hessian and eigenvalues, and its start point. */
static void make_quadratic(quadratic *p, double lambda1, double lambda2, double theta)
{
    double u[2], origin[2] = { 0, 0 };
    const double t = theta * acos(-1.0) / 180;
    p->lambda1 = lambda1, p->lambda2 = lambda2, p->theta = theta;
    opt_quad2_rotated(&p->q, lambda1, lambda2, theta);
    p->f = opt_quad2_objective(&p->q);
    opt_quad2_hess(origin, p->H, &p->q);
    opt_sym_eigenvalues(p->H, 2, p->eig);     /* finite: the lambdas are checked */
    p->kappa = condition_number(p->H, 2);
    opt_lab_list(lab, "start", u, 2);
    p->start[0] = cos(t) * u[0] - sin(t) * u[1];
    p->start[1] = sin(t) * u[0] + cos(t) * u[1];
}

/* Runs stepper type T at learning rate lr from p's start until
 * ||g|| <= tol ||g0|| (or the budget); fills trace when not NULL. */
static opt_result run(const quadratic *p, const opt_stepper_type *T, const void *hp,
                          double lr, opt_trace *trace)
{
    double x[2] = { p->start[0], p->start[1] }, g0[2];
    opt_eval(&p->f, x, g0);
    opt_stepper *s = opt_lab_need(lab, opt_stepper_alloc(T, 2, hp));
    opt_run_params rp = opt_run_defaults();
    rp.lr = lr;
    rp.max_steps = opt_lab_int(lab, "max_steps");
    rp.gtol = opt_lab_number(lab, "tol") * opt_norm2(g0, 2);
    opt_result r;
    opt_run(&p->f, s, x, &rp, trace, &r);
    opt_stepper_free(s);
    return r;
}

static opt_result run_cd(const quadratic *p, opt_trace *trace)
{
    const coordinate_params cp = { { p->H[0], p->H[3] } };
    return run(p, &coordinate_descent, &cp, 1.0, trace);
}

/* The quadratics' coefficients, titles and step counts as gnuplot arrays,
 * and the plot window, for the path figures. */
static void figure_arrays(char *buf, size_t size)
{
    double u[2];
    opt_lab_list(lab, "start", u, 2);
    size_t len = (size_t)snprintf(buf, size, "n=%zu; lim=%.17g; eta=%.17g; array a11[%zu]; "
                                  "array a12[%zu]; array a22[%zu]; array ttl[%zu]; "
                                  "array gdn[%zu]; array cdn[%zu]; ", nquads,
                                  1.12 * opt_norm2(u, 2), opt_lab_number(lab, "eta"),
                                  nquads, nquads, nquads, nquads, nquads, nquads);
    for (size_t k = 0; k < nquads && len < size; k++)
        len += (size_t)snprintf(buf + len, size - len,
                                "a11[%zu]=%.17g; a12[%zu]=%.17g; a22[%zu]=%.17g; "
                                "ttl[%zu]='Λ = diag(%g, %g), θ = %g°'; gdn[%zu]=%ld; cdn[%zu]=%ld; ",
                                k + 1, quads[k].q.a11, k + 1, quads[k].q.a12, k + 1,
                                quads[k].q.a22, k + 1, quads[k].lambda1, quads[k].lambda2,
                                quads[k].theta, k + 1, quads[k].gd_steps, k + 1, quads[k].cd_steps);
}

/**
## 1. Gradient descent and coordinate descent on the three bowls

Each run starts at $Q\,(-0.6, 3)$: the same place *relative to the
bowl's axes* (`start` is given in those axes), so that rotating a problem
rotates the whole picture. Gradient descent uses one learning rate for all
three, $\eta$ = `eta` = 0.075, safely below every threshold we derive in
part 2; both methods run until $\|g\| \le 10^{-6}\,\|g_0\|$ (`tol`).
*/
static void paths(void)
{
    opt_lab_section(lab, "1. Gradient descent and coordinate descent on the three bowls");
    const double eta = opt_lab_number(lab, "eta");
    opt_trace **gd = opt_lab_alloc(lab, nquads, sizeof *gd);
    char name[64], lr[32];
    snprintf(lr, sizeof lr, "%.17g", eta);
    for (size_t k = 0; k < nquads; k++) {
        const quadratic *p = &quads[k];
        opt_trace *cd = opt_lab_need(lab, opt_trace_alloc(2));
        gd[k] = opt_lab_need(lab, opt_trace_alloc(2));
        const opt_result rg = run(&quads[k], &your_gd, NULL, eta, gd[k]);
        const opt_result rc = run_cd(&quads[k], cd);
        quads[k].gd_steps = rg.iterations;
        quads[k].cd_steps = rc.iterations;
        opt_lab_printf(lab, "  %zu. Lambda = diag(%g, %g), theta = %g: H = [%g %g; %g %g], "
                       "eigenvalues %g and %g, kappa = %g\n", k + 1, p->lambda1, p->lambda2,
                       p->theta, p->H[0], p->H[1], p->H[2], p->H[3], p->eig[0], p->eig[1],
                       p->kappa);
        opt_lab_printf(lab, "     gradient descent: %ld steps (%s); coordinate descent: %ld "
                       "coordinate updates (%s)\n", rg.iterations, rg.reason, rc.iterations,
                       rc.reason);
        opt_lab_recordf(lab, p->kappa, "kappa_%zu", k + 1);
        opt_lab_recordf(lab, rg.status == OPT_OK ? (double)rg.iterations : NAN,
                        "gd_steps_%zu", k + 1);
        opt_lab_recordf(lab, rc.status == OPT_OK ? (double)rc.iterations : NAN,
                        "cd_updates_%zu", k + 1);
        /* Coordinate descent's rate per update after the first: the
         * geometric mean of ||g_{m+1}|| / ||g_m||, against sqrt(a12^2 / (a11 a22)). */
        if (cd->rows > 3) {
            const size_t last = cd->rows - 1;
            const double rate = pow(opt_trace_row(cd, last)[2] / opt_trace_row(cd, 1)[2],
                                    1.0 / (double)(last - 1));
            const double theory = fabs(p->q.a12) / sqrt(p->q.a11 * p->q.a22);
            opt_lab_printf(lab, "     coordinate descent shrinks ||g|| by %.4f per update "
                           "(theory |a12| / sqrt(a11 a22) = %.4f)\n", rate, theory);
            opt_lab_recordf(lab, rate, "cd_rate_%zu", k + 1);
        }
        const char *meta[] = { "method", "gradient descent", "lr", lr, NULL };
        snprintf(name, sizeof name, "gd-path-%zu", k + 1);
        opt_lab_trace(lab, name, gd[k], meta);
        const char *cmeta[] = { "method", "coordinate descent (exact line minimization)", NULL };
        snprintf(name, sizeof name, "cd-path-%zu", k + 1);
        opt_lab_trace(lab, name, cd, cmeta);
        opt_trace_free(cd);
    }

/**
Gradient descent is **rotation-invariant**: rotating the problem by $Q$
maps $x \mapsto Qx$ and $\nabla f \mapsto Q \nabla f$, so the step $-\eta
\nabla f$ rotates along with everything else, and the rotated run visits
the rotated points with the same values of $f$. We check it on the first
pair of quadratics that differ only by their angle, step by step.
*/
    for (size_t a = 0; a < nquads; a++)
        for (size_t b = a + 1; b < nquads; b++) {
            if (quads[a].lambda1 != quads[b].lambda1 || quads[a].lambda2 != quads[b].lambda2
                || quads[a].theta == quads[b].theta)
                continue;
            double worst = 0;
            const size_t rows = gd[a]->rows < gd[b]->rows ? gd[a]->rows : gd[b]->rows;
            for (size_t r = 0; r < rows; r++)
                worst = fmax(worst, fabs(opt_trace_row(gd[a], r)[1] - opt_trace_row(gd[b], r)[1]));
            worst /= opt_trace_row(gd[a], 0)[1];
            opt_lab_printf(lab, "  quadratics %zu and %zu differ by a rotation:\n", a + 1, b + 1);
            opt_lab_quote(lab, "gd_rotation_difference", worst, "%.2g",
                          "largest |f difference| along the two gradient-descent runs, relative to f0");
            a = b = nquads;     /* the first pair only */
        }
    char vars[1024];
    figure_arrays(vars, sizeof vars);
    opt_lab_figure(lab, "03-gd-paths", vars);
    opt_lab_figure(lab, "03-cd-paths", vars);
    for (size_t k = 0; k < nquads; k++)
        opt_trace_free(gd[k]);
    free(gd);
}

/**
![Gradient descent with $\eta = 0.075$ on the three quadratics, from the
same point relative to each bowl.](03-gd-paths.svg)

The first two panels are the same picture turned by 45°: 84 steps each,
and the values of $f$ agree step by step to rounding ($10^{-16}$). In
the third bowl, 12 times steeper across than along, the same $\eta$
overshoots the steep direction at every step (its factor $1 - 24\eta =
-0.8$ is negative), and the path zig-zags across the valley while it
creeps along it.

![Coordinate descent with exact line minimization on the same three
quadratics.](03-cd-paths.svg)

Coordinate descent is *not* rotation-invariant. When the bowl's axes are
the coordinate axes ($\theta = 0$), minimizing over $x_1$ and then over
$x_2$ solves the problem exactly: 2 updates. Rotate the bowl and every
move along an axis cuts across the ellipse; the path becomes a staircase,
28 updates for $\kappa = 4$ and 79 for $\kappa = 12$. On a 2-D quadratic
each sweep (two updates) after the first update shrinks the gradient by
$a_{12}^2 / (a_{11} a_{22})$, which at 45° is $((\kappa - 1)/(\kappa +
1))^2$: per update, $(\kappa - 1)/(\kappa + 1)$ = 0.6 and 0.846 here, and
that is what the runs measure. How fast coordinate descent goes depends
on how the bowl sits in the coordinates; gradient descent does not care.

*Question.* Run `--set "quadratics={ {lambda1=4, lambda2=1, theta=10},
{lambda1=4, lambda2=1, theta=45}, {lambda1=4, lambda2=1, theta=80} }"`.
How many updates does coordinate descent need at each angle, and how many
steps does gradient descent need? Why do 10° and 80° shrink the gradient
at the same rate, and which angle is the worst?

## 2. The learning rate and the condition number

On $f(x) = x^\top A x$ a gradient step is linear: $x_{k+1} = x_k - \eta H
x_k = (I - \eta H)\,x_k$. In the eigenvector basis of $H$ the coordinates
separate, and the component along eigenvalue $\lambda_i$ of $H$ is
multiplied by $1 - \eta\lambda_i$ at every step. So:

* the run **converges** exactly when $|1 - \eta\lambda_i| < 1$ for every
  $i$, that is $0 < \eta < 2/\lambda_{\max}$; above that, the steepest
  component grows by $|1 - \eta\lambda_{\max}| > 1$ per step and the run
  **diverges**;
* the error shrinks at the rate of the slowest component, $\rho(\eta) =
  \max_i |1 - \eta\lambda_i|$, which is smallest when the two extreme
  factors balance, $1 - \eta\lambda_{\min} = \eta\lambda_{\max} - 1$:

$$\eta^* = \frac{2}{\lambda_{\min} + \lambda_{\max}}, \qquad
  \rho^* = \frac{\lambda_{\max} - \lambda_{\min}}{\lambda_{\max} + \lambda_{\min}}
         = \frac{\kappa - 1}{\kappa + 1}, \qquad
  \kappa = \frac{\lambda_{\max}}{\lambda_{\min}} .$$

The **condition number** $\kappa$ is all that matters for the best rate.
Reducing the error by a factor `tol` takes $\ln(1/\mathrm{tol}) /
\ln(1/\rho^*)$ steps, about $\frac{\kappa}{2} \ln(1/\mathrm{tol})$ for
large $\kappa$: **linear in $\kappa$**. With $H$'s eigenvalues, for our
quadratics: the thresholds are $2/8 = 0.25$ and $2/24 = 0.0833$, the best
steps $2/(2 + 8) = 0.2$ and $2/(2 + 24) = 0.0769$, the best rates $3/5 =
0.6$ and $11/13 = 0.846$.
*/
static void step_sizes(void)
{
    opt_lab_section(lab, "2. Learning rates and the condition number");
    for (size_t k = 0; k < nquads; k++) {
        const quadratic *p = &quads[k];
        const double lo = p->eig[0], hi = p->eig[1];
        const double best = 2 / (lo + hi), rate = (p->kappa - 1) / (p->kappa + 1);
        const opt_result r = run(p, &your_gd, NULL, best, NULL);
        opt_lab_printf(lab, "  %zu. kappa = %g: eta < 2/lambda_max = %.4f; best eta = %.4f, rate "
                       "%.4f per step: %ld steps to tol\n", k + 1, p->kappa, 2 / hi, best, rate,
                       r.iterations);
        opt_lab_recordf(lab, 2 / hi, "eta_max_%zu", k + 1);
        opt_lab_recordf(lab, best, "eta_best_%zu", k + 1);
        opt_lab_recordf(lab, rate, "rate_best_%zu", k + 1);
        opt_lab_recordf(lab, r.status == OPT_OK ? (double)r.iterations : NAN,
                        "gd_best_steps_%zu", k + 1);
    }

/**
At the shared $\eta = 0.075$ of part 1 the three runs took about the same
number of steps (84, 84 and 80), because with one rate for all, the flat direction (the
same $\lambda_{\min} = 2$ everywhere) sets the pace. What a larger
$\kappa$ takes away is the freedom to raise $\eta$: at its best step the
$\kappa = 4$ bowl needs 28 steps, the $\kappa = 12$ bowl 83.

**Just below and just above the threshold.** On the last quadratic we run
$\eta = 0.99 \cdot 2/\lambda_{\max}$ and $\eta = 1.01 \cdot
2/\lambda_{\max}$ (`threshold_factors`). Below, the steep component flips
sign every step but shrinks by 0.98; above, it grows by $|1 - 2.02| =
1.02$ per step, so $f$ grows by $1.02^2 = 1.0404$, until the numbers
overflow and the driver stops the run with `OPT_EDIVERGED` and the step.
*/
    const quadratic *p = &quads[nquads - 1];
    double factors[2];
    opt_lab_list(lab, "threshold_factors", factors, 2);
    const char *names[2] = { "below", "above" };
    opt_table *t = opt_lab_table(lab, "step-size", "step\tbest\tbelow\tabove\tsmall");
    const double etas[4] = { 2 / (p->eig[0] + p->eig[1]), factors[0] * 2 / p->eig[1],
                             factors[1] * 2 / p->eig[1], 0.25 * 2 / p->eig[1] };
    opt_trace *tr[4];
    opt_result res[4];
    for (int j = 0; j < 4; j++) {
        tr[j] = opt_lab_need(lab, opt_trace_alloc(2));
        res[j] = run(p, &your_gd, NULL, etas[j], tr[j]);
    }
    for (size_t r = 0; r <= 200; r++) {
        double row[5] = { (double)r, NAN, NAN, NAN, NAN };
        for (int j = 0; j < 4; j++)
            if (r < tr[j]->rows)
                row[1 + j] = opt_trace_row(tr[j], r)[1];
        opt_table_row(t, row);
    }
    opt_table_close(t);
    for (int j = 0; j < 2; j++) {
        const opt_result *r = &res[1 + j];
        opt_lab_printf(lab, "  eta = %g x 2/lambda_max = %.6f: %s after %ld steps (%s)\n",
                       factors[j], etas[1 + j], r->status == OPT_EDIVERGED ? "diverged" :
                       r->status == OPT_OK ? "converged" : "stopped", r->iterations, r->reason);
        opt_lab_recordf(lab, r->status == OPT_EDIVERGED, "%s_status_diverged", names[j]);
        opt_lab_recordf(lab, (double)r->iterations, "%s_steps", names[j]);
    }
    /* The growth per step of f above the threshold, late in the run. */
    const opt_trace *up = tr[2];
    const size_t k0 = up->rows > 1001 ? 1000 : up->rows / 2;
    opt_lab_quote(lab, "above_growth", opt_trace_row(up, k0 + 1)[1] / opt_trace_row(up, k0)[1],
                  "%.4f", "f_{k+1} / f_k above the threshold");
    char vars[256];
    snprintf(vars, sizeof vars, "eta_best=%.17g; eta_below=%.17g; eta_above=%.17g; "
             "eta_small=%.17g; best_steps=%ld", etas[0], etas[1], etas[2], etas[3],
             res[0].iterations);
    opt_lab_figure(lab, "03-step-size", vars);
    for (int j = 0; j < 4; j++)
        opt_trace_free(tr[j]);
}

/**
![$f$ against the step on the $\kappa = 12$ quadratic for four learning
rates: a quarter of the threshold, the best step, and just below and just
above the threshold $2/\lambda_{\max}$.](03-step-size.svg)

The best step wins by far; a quarter of the threshold, a "careful"
choice, is held back by the flat direction; just below the threshold the
steep component dies so slowly (0.98 per step) that it takes 680 steps;
and 1% above the threshold the loss climbs without end — after 17 885 steps
it overflows, and the run reports that it diverged at that step.

### Iterations against $\kappa$

Now the sweep: for each $\kappa$ in `kappas` the quadratic
$\Lambda = \mathrm{diag}(\kappa, 1)$ rotated by 45°, whose $\kappa$ we
compute back from its Hessian with your `hessian_condition_number`. We
count the iterations to $\|g\| \le 10^{-6}\|g_0\|$ of gradient descent at
the best step $\eta^*$, at the "safe" step $\eta = 1/\lambda_{\max}$, and
of coordinate descent, and predict each count. At $\eta^*$ both
components shrink by exactly $\rho^*$ per step, so the count is $\lceil
\ln 10^6 / \ln((\kappa + 1)/(\kappa - 1)) \rceil$. At
$1/\lambda_{\max}$ the steep component vanishes in one step and the flat
one shrinks by $1 - 1/\kappa$ per step. Coordinate descent's first update
removes most of the initial gradient too, and every later update shrinks
what is left by exactly $(\kappa - 1)/(\kappa + 1)$.
*/
static void kappa_sweep(void)
{
    double kappas[64];
    const size_t m = opt_lab_list(lab, "kappas", kappas, 64);
    const double tol = opt_lab_number(lab, "tol");
    opt_table *t = opt_lab_table(lab, "kappa-sweep", "kappa\tgd_best\tgd_best_predicted\t"
                                 "gd_safe\tgd_safe_predicted\tcd\tcd_predicted");
    double last_ratio = NAN;
    for (size_t j = 0; j < m && j < 64; j++) {
        quadratic p;
        make_quadratic(&p, kappas[j], 1, 45);
        const double lo = p.eig[0], hi = p.eig[1];
        const opt_result best = run(&p, &your_gd, NULL, 2 / (lo + hi), NULL);
        const opt_result safe = run(&p, &your_gd, NULL, 1 / hi, NULL);
        const opt_result cd = run_cd(&p, NULL);
        /* The predictions, from ||g0|| and the start u in the bowl's axes. */
        double g0[2], u[2];
        opt_eval(&p.f, p.start, g0);
        opt_lab_list(lab, "start", u, 2);
        const double target = tol * opt_norm2(g0, 2);
        const double rho = (p.kappa - 1) / (p.kappa + 1);
        const double pred_best = rho > 0 ? ceil(log(tol) / log(rho) - 1e-9) : 1;
        const double flat = fabs(2 * p.lambda2 * u[1]);    /* |flat component of g0| */
        const double pred_safe = p.kappa > 1 ? fmax(1, ceil(log(target / flat) / log(1 - 1 / p.kappa) - 1e-9)) : 1;
        const double c = p.q.a12 * p.q.a12 / (p.q.a11 * p.q.a22);
        const double g1 = 2 * fabs(p.start[1]) * p.q.a22 * (1 - c);   /* after update 1 */
        const double pred_cd = g1 <= target ? 1 : rho == 0 ? 2
                             : 1 + ceil(log(target / g1) / log(rho) - 1e-9);
        opt_table_rowv(t, p.kappa, best.status == OPT_OK ? (double)best.iterations : NAN, pred_best,
                       safe.status == OPT_OK ? (double)safe.iterations : NAN, pred_safe,
                       cd.status == OPT_OK ? (double)cd.iterations : NAN, pred_cd);
        last_ratio = (double)best.iterations / p.kappa;
        opt_lab_progress(lab, "kappa sweep", (long)j + 1, (long)m);
    }
    opt_table_close(t);
    opt_lab_quote(lab, "steps_per_kappa", last_ratio, "%.2f",
                  "gradient descent at the best step, steps / kappa at the largest kappa");
    opt_lab_quote(lab, "half_log_tol", 0.5 * log(1 / tol), "%.2f", "(1/2) ln(1/tol), the limit");
    char vars[64];
    snprintf(vars, sizeof vars, "tol=%.17g", tol);
    opt_lab_figure(lab, "03-iterations-vs-kappa", vars);
}

/**
![Iterations to reduce $\|g\|$ by $10^6$ against the condition number,
for gradient descent at the best and at the safe step and for coordinate
descent (45° rotations), with the predicted counts.](03-iterations-vs-kappa.svg)

Every measured count lands exactly on its prediction, and all three grow
in proportion to $\kappa$: at $\kappa = 1024$ gradient descent at its
best step needs 7074 steps, 6.91 per unit of $\kappa$, the limit
$\frac{1}{2}\ln 10^6 = 6.91$. The safe step needs 8694: its rate $1 -
1/\kappa$ is only half as fast, yet it needs far fewer than twice as many
steps, because its first step wipes out the steep part of the gradient,
most of $\|g_0\|$ here. Coordinate descent needs 4413: it gets the same
head start, and then shrinks the gradient at the best rate
gradient descent can have, without knowing any eigenvalue. Rotated, it
is as slow as gradient descent in $\kappa$; unrotated it needs 2 updates
whatever $\kappa$ is.

## 3. When a small step increases the loss

For a general $f$, the second-order model of lab 02 predicts what a
gradient step $x \to x - \epsilon g$ does to the loss:

$$f(x - \epsilon g) - f(x) \approx \tfrac{1}{2}\epsilon^2\, g^\top H g
  - \epsilon\, g^\top g$$

(your third exercise; for a quadratic it is exact). The slope's gain is
linear in $\epsilon$, the curvature's cost quadratic, and the cost wins as
soon as $\epsilon > 2\, g^\top g / g^\top H g$. The ratio $g^\top H g /
g^\top g$ lies between $\lambda_{\min}$ and $\lambda_{\max}$, and when the
gradient points mostly along steep directions it is close to
$\lambda_{\max}$: then even a step that is small for the flat directions
makes things worse. This is how ill-conditioning shows up in training —
a loss that will not go down although the gradient is large — and why the
learning rate must shrink to match the strongest curvature.

We examine the last quadratic at `probe_point` $= (1, 0.5)$ with
`probe_eps` $= 0.1$, a fifth of the step $1/\lambda_{\min} = 0.5$ that
would be right for the flat direction.
*/
static void ill_conditioning(void)
{
    opt_lab_section(lab, "3. When a small step increases the loss");
    const quadratic *p = &quads[nquads - 1];
    double x[2], g[2];
    opt_lab_list(lab, "probe_point", x, 2);
    const double f0 = opt_eval(&p->f, x, g);
    const double eps = opt_lab_number(lab, "probe_eps");
    const double gg = opt_dot(g, g, 2);
    const double gHg = g[0] * (p->H[0] * g[0] + p->H[1] * g[1]) + g[1] * (p->H[2] * g[0] + p->H[3] * g[1]);
    const double eps_zero = 2 * gg / gHg;   /* where the predicted change crosses 0 */
    opt_lab_printf(lab, "  at x = (%g, %g): f = %g, g = (%g, %g)\n", x[0], x[1], f0, g[0], g[1]);
    opt_lab_quote(lab, "probe_f", f0, "%.4f", "f(x)");
    opt_lab_quote(lab, "probe_gg", gg, "%.2f", "g^T g");
    opt_lab_quote(lab, "probe_gHg", gHg, "%.1f", "g^T H g");
    opt_lab_quote(lab, "probe_rayleigh", gHg / gg, "%.3f", "g^T H g / g^T g (between lambda_min and lambda_max)");
    opt_lab_quote(lab, "eps_increase", eps_zero, "%.5f", "steps longer than this increase f");
    opt_lab_quote(lab, "eps_best", gg / gHg, "%.5f", "the best step along -g, g^T g / g^T H g");

    opt_table *t = opt_lab_table(lab, "ill-conditioning", "eps\tgain\tcost\tpredicted\tactual");
    for (int i = 0; i <= 100; i++) {
        const double e = 2.5 * eps_zero * i / 100;
        const double xe[2] = { x[0] - e * g[0], x[1] - e * g[1] };
        opt_table_rowv(t, e, -e * gg, 0.5 * e * e * gHg, predicted_change(g, p->H, 2, e),
                       opt_eval(&p->f, xe, NULL) - f0);
    }
    opt_table_close(t);
    const double xe[2] = { x[0] - eps * g[0], x[1] - eps * g[1] };
    opt_lab_printf(lab, "  a step of eps = %g:\n", eps);
    opt_lab_quote(lab, "probe_cost", 0.5 * eps * eps * gHg, "%.3f", "  (1/2) eps^2 g^T H g");
    opt_lab_quote(lab, "probe_gain", -eps * gg, "%.3f", "  -eps g^T g");
    opt_lab_quote(lab, "probe_predicted", predicted_change(g, p->H, 2, eps), "%.3f",
                  "  predicted change (predicted_loss_change)");
    opt_lab_quote(lab, "probe_actual", opt_eval(&p->f, xe, NULL) - f0, "%.3f",
                  "  actual change f(x - eps g) - f(x)");
    opt_lab_quote(lab, "probe_half_predicted", predicted_change(g, p->H, 2, eps / 2), "%.3f",
                  "  predicted change for eps / 2");
    char vars[128];
    snprintf(vars, sizeof vars, "eps_zero=%.17g; eps_best=%.17g; probe_eps=%.17g", eps_zero,
             gg / gHg, eps);
    opt_lab_figure(lab, "03-ill-conditioning", vars);
}

/**
![The predicted change of $f$ for a step $-\epsilon g$ on the $\kappa =
12$ quadratic at $(1, 0.5)$: the gain $-\epsilon g^\top g$, the cost
$\frac{1}{2}\epsilon^2 g^\top H g$, their sum, and the actual change of
$f$.](03-ill-conditioning.svg)

Here $f = 13.625$, $g = (18.5, 17.5)$, $g^\top g = 648.5$ and $g^\top H g
= 15553$: the gradient's Rayleigh quotient is 23.98, almost $\lambda_{\max}
= 24$. Any step longer than $\epsilon = 0.0834$ increases $f$, and
$\epsilon = 0.1$ costs 77.765 while gaining only 64.850: the loss goes
*up* by 12.915, nearly doubling. The predicted and actual changes agree
to rounding, since $f$ is quadratic. Half that step, $\epsilon = 0.05$,
still lowers $f$ (by 12.98), and the best step along $-g$ is $g^\top g /
g^\top H g = 0.0417$.

*Question.* Move `probe_point` to $(1, -1)$, along the flat eigenvector.
What are the Rayleigh quotient and the largest step that lowers $f$ now?

## 4. When to stop

A run needs a rule for when to stop, and the driver has three (see
`opt_run_params` in lib/run.h), tested in this order at every step:

* **gradient norm** — $\|g\| \le$ `gtol`: at a minimum $g = 0$, so a small
  gradient means we are close (in a well-conditioned problem);
* **relative change** — $|f_k - f_{k-1}| \le$ `ftol`$\,\max(1, |f_k|)$:
  the loss has stopped moving;
* **budget** — $k$ = `max_steps`: a limit on the cost, whatever happened.

We run gradient descent ($\eta = 0.075$) on the last quadratic four times
with different tests switched on, and print which one stopped each run.
*/
static void stopping(void)
{
    opt_lab_section(lab, "4. Stopping criteria");
    const quadratic *p = &quads[nquads - 1];
    const struct { const char *key; double eta, gtol, ftol; long budget; } runs[4] = {
        { "stop_gradient", opt_lab_number(lab, "eta"), opt_lab_number(lab, "stop_gtol"), 0, 1000000 },
        { "stop_change", opt_lab_number(lab, "eta"), 0, opt_lab_number(lab, "stop_ftol"), 1000000 },
        { "stop_budget", opt_lab_number(lab, "eta"), 0, 0, opt_lab_int(lab, "stop_budget") },
        { "stop_slow", opt_lab_number(lab, "slow_eta"), 0, opt_lab_number(lab, "slow_ftol"), 1000000 },
    };
    opt_lab_printf(lab, "  %-14s %8s %9s %9s %10s  %-16s %8s %11s %11s\n", "run", "eta", "gtol",
                   "ftol", "max_steps", "stopped by", "steps", "f", "||g||");
    for (int j = 0; j < 4; j++) {
        double x[2] = { p->start[0], p->start[1] };
        opt_stepper *s = opt_stepper_alloc(&your_gd, 2, NULL);
        opt_run_params rp = opt_run_defaults();
        rp.lr = runs[j].eta, rp.gtol = runs[j].gtol, rp.ftol = runs[j].ftol;
        rp.max_steps = runs[j].budget;
        opt_result r;
        opt_run(&p->f, s, x, &rp, NULL, &r);
        opt_stepper_free(s);
        opt_lab_printf(lab, "  %-14s %8g %9g %9g %10ld  %-16s %8ld %11.3g %11.3g\n", runs[j].key,
                       runs[j].eta, runs[j].gtol, runs[j].ftol, runs[j].budget, r.reason,
                       r.iterations, r.f, r.gnorm);
        const double reason = strcmp(r.reason, "gradient norm") == 0 ? 1
                            : strcmp(r.reason, "relative change") == 0 ? 2
                            : strcmp(r.reason, "budget") == 0 ? 3 : 0;
        opt_lab_recordf(lab, reason, "%s_reason", runs[j].key);
        opt_lab_recordf(lab, (double)r.iterations, "%s_steps", runs[j].key);
        opt_lab_recordf(lab, r.f, "%s_f", runs[j].key);
        opt_lab_recordf(lab, r.gnorm, "%s_gnorm", runs[j].key);
    }
}

/**
The first three runs stop for the reason they were given: the gradient
test after 97 steps, the relative-change test after 89, the budget after
25 (the tests are recorded in `numbers.tsv` as `stop_*_reason`: 1 gradient
norm, 2 relative change, 3 budget). The fourth shows the trap in the
relative-change test: with a tiny learning rate ($\eta = 0.001$) the loss
changes little at every step *because the steps are small*, not because
the minimum is near, and the test stops the run after 2621 steps at $f = 2.5
\times 10^{-4}$ with a gradient norm of 0.032 — more than four orders of
magnitude short of the first run. In practice one combines the tests: a budget always,
and a gradient or change test scaled to the problem.

*Question.* How many more steps would the fourth run need to bring its
gradient norm down to the first run's? Work it out from the factor by
which the flat component shrinks per step, $1 - \eta\lambda_{\min}$ with
$\lambda_{\min} = 2$.

## Exercises

Write the three functions declared in `labs/03-conditioning/exercise.h`;
their doc comments there are the full assignment. Put your code in
`labs/03-conditioning/exercise.c`, in place of the stubs.

1. `gradient_descent_step(x, g, n, eta)` — one step $x \leftarrow x -
   \eta g$. Every gradient-descent run of this lab goes through it.
2. `hessian_condition_number(H, n, &kappa)` — $\lambda_{\max} /
   \lambda_{\min}$ from the eigenvalues (GSL's `gsl_eigen_symm`), and a
   refusal when $H$ is not positive definite. Part 1 prints it for each
   quadratic and the sweep of part 2 uses it.
3. `predicted_loss_change(g, H, n, eps, &change)` — $\frac{1}{2}\epsilon^2
   g^\top H g - \epsilon g^\top g$. Part 3 compares it with the actual
   change.

**How they are checked.** `make grade LAB=03` compiles your `exercise.c`
with the tests in `tests/grade/03-conditioning.c` and prints a score
table (10 points per exercise); each failed test says what it checked,
what it expected, what came back, and a hint. The tests use steps worked
out by hand, the closed form of gradient descent on $4x^2 + y^2$,
matrices whose eigenvalues are known by construction (rotated and
reflected diagonal matrices, which fool a ratio of diagonal entries), the
exact change of quadratic functions, and the status codes; some tests are
hidden until after the deadline.
*/
/* The quadratics, and parameters whose shape the schema cannot express,
 * checked before any output is written (a bad one exits 2 naming the key). */
static void read_quadratics(void)
{
    const opt_record *recs;
    if (opt_config_records(opt_lab_config(lab), "quadratics", &recs, &nquads) != OPT_OK
        || nquads < 1 || nquads > 4)
        opt_lab_bad_param(lab, "quadratics", "expected 1 to 4 records such as "
                          "{lambda1 = 4, lambda2 = 1, theta = 45}");
    quads = opt_lab_alloc(lab, nquads, sizeof *quads);
    double spec[3 * 4];     /* lambda1, lambda2, theta of each (at most 4) */
    for (size_t k = 0; k < nquads; k++) {
        const char *names[3] = { "lambda1", "lambda2", "theta" };
        for (int f = 0; f < 3; f++) {
            const opt_field *fl = opt_record_get(&recs[k], names[f]);
            if (!fl || (fl->type != OPT_T_NUMBER && fl->type != OPT_T_INT)
                || (f < 2 && !(fl->num > 0 && fl->num < 1e6)) || (f == 2 && fabs(fl->num) > 360))
                opt_lab_bad_param(lab, "quadratics", "quadratics[%zu] needs %s, %s", k + 1,
                                  names[f], f < 2 ? "a number in (0, 1e6)" : "degrees in [-360, 360]");
            spec[3 * k + (size_t)f] = fl->num;
        }
        if (recs[k].count != 3)
            opt_lab_bad_param(lab, "quadratics", "quadratics[%zu] takes exactly lambda1, "
                              "lambda2 and theta", k + 1);
    }
    double v[3];
    if (opt_lab_list(lab, "start", v, 3) != 2 || (v[0] == 0 && v[1] == 0))
        opt_lab_bad_param(lab, "start", "expected two numbers {u1, u2}, not both 0");
    if (opt_lab_list(lab, "probe_point", v, 3) != 2)
        opt_lab_bad_param(lab, "probe_point", "expected two numbers {x, y}");
    if (opt_lab_list(lab, "threshold_factors", v, 3) != 2 || !(v[0] < 1 && v[1] > 1))
        opt_lab_bad_param(lab, "threshold_factors", "expected {below, above} with below < 1 < above");
    if (opt_lab_list(lab, "kappas", NULL, 0) > 64)
        opt_lab_bad_param(lab, "kappas", "at most 64 values");
    for (size_t k = 0; k < nquads; k++)
        make_quadratic(&quads[k], spec[3 * k], spec[3 * k + 1], spec[3 * k + 2]);
}

int main(int argc, char **argv)
{
    lab = opt_lab_start(&info, argc, argv);
    read_quadratics();
    paths();
    step_sizes();
    kappa_sweep();
    ill_conditioning();
    stopping();
    free(quads);
    return opt_lab_finish(lab);
}
