/**
# Lab 08 — Learning-rate schedules and warm-up

Every method of the earlier labs — SGD, momentum, RMSProp, Adam — has a
base learning rate, and none of them is happy with one fixed value for a
whole training run. Early on a large rate makes fast progress. Later it
gets in the way: with noisy mini-batch gradients, SGD at a fixed rate does
not converge to the minimum but keeps jittering around it, in a cloud whose
size grows with the rate. So practice changes the rate as training goes
on, by a **schedule**: a rule $\alpha_t$ that gives the rate of every step
(or every epoch) from the initial rate $\alpha_0$. And at the very start,
when large steps can throw a freshly initialized network into a bad region,
many recipes begin with a short **warm-up**, a rate that climbs from near
zero to $\alpha_0$.

This lab:

1. writes down the schedules of the lecture, and the conventions the
   library uses for them;
2. draws them all on one plot, with and without warm-up;
3. shows what they do to SGD's loss curve on a noisy problem, and why the
   loss settles at a level proportional to the rate.

It ends with two exercises. Run it with `make lab08 && build/bin/lab08`;
`build/bin/lab08 --help` lists every parameter, and `--set` changes one, as
in `build/bin/lab08 --set 'warmup=20'`.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_blas.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_randist.h>
#include "opt.h"
#include "exercise.h"

/**
## The parameters

Every number this lab uses is a parameter with a default; the same defaults
are written out in `labs/08-schedules/params.lua`, which you can copy, edit
and pass with `--config`.
*/
static const opt_param params[] = {
    /* The schedules */
    { "lr0", OPT_T_NUMBER, "0.1", 1e-12, 10, "alpha_0: the initial (base) learning rate" },
    { "T", OPT_T_INT, "100", 2, 100000, "epochs of training: the horizon of cosine and linear" },
    { "milestones", OPT_T_LIST, "{30, 60, 90}", 1, 100000,
      "step schedule: the epochs at which the rate is multiplied by gamma" },
    { "gamma", OPT_T_NUMBER, "0.1", 1e-6, 1, "step schedule: the factor at each milestone" },
    { "warmup", OPT_T_INT, "5", 1, 100000, "W: epochs of linear warm-up" },
    /* SGD on a noisy least-squares problem */
    { "examples", OPT_T_INT, "1000", 10, 1000000, "N: training examples" },
    { "features", OPT_T_INT, "10", 1, 1000, "d: features (= parameters)" },
    { "smallest_scale", OPT_T_NUMBER, "0.3", 1e-3, 1,
      "standard deviation of the last feature (the first has 1; evenly spaced between)" },
    { "noise_sd", OPT_T_NUMBER, "0.5", 0, 100, "sigma: noise added to the targets" },
    { "batch", OPT_T_INT, "10", 1, 1000000, "B: mini-batch size" },
    { "repeats", OPT_T_INT, "5", 1, 1000,
      "independent runs (different batches) averaged into each loss curve" },
};

static const opt_lab_info info =
    OPT_LAB_INFO("08-schedules", "Learning-rate schedules and warm-up", params);

/* The running lab: the exercise wrappers below report through it. */
static opt_lab *lab;

/**
## Your functions, or the reference

The lab calls the two functions you write in `exercise.c` (see the end of
this page). While one is still a stub returning `OPT_ENOTIMPL`, the lab says
so once and uses the library's `schedule` module instead, so every number
and figure below exists from the start; once you implement it, they come
from your code.
*/
static double cosine(long t, long T, double lr0)
{
    double lr;
    int status = cosine_lr(t, T, lr0, &lr);
    if (status == OPT_ENOTIMPL) {
        opt_lab_not_implemented(lab, "cosine_lr");
        opt_schedule s = opt_schedule_defaults(OPT_SCHED_COSINE);
        s.T = T;
        lr = opt_schedule_lr(&s, t, lr0);
        status = OPT_OK;
    }
    if (status != OPT_OK)
        opt_lab_die(lab, "cosine_lr returned '%s'", opt_strerror(status));
    return lr;
}

/* A main schedule after the warm-up: the library's, except that a cosine
 * is your cosine_lr. ctx is an opt_schedule whose T is the horizon left
 * after the warm-up. */
static double main_schedule(long t, double lr0, void *ctx)
{
    const opt_schedule *s = ctx;
    return s->kind == OPT_SCHED_COSINE ? cosine(t, s->T, lr0) : opt_schedule_lr(s, t, lr0);
}

static double warmed_up(long t, long W, double lr0, opt_schedule *after)
{
    double lr;
    int status = warmup_compose(t, W, lr0, main_schedule, after, &lr);
    if (status == OPT_ENOTIMPL) {
        opt_lab_not_implemented(lab, "warmup_compose");
        opt_schedule ramp = opt_schedule_defaults(OPT_SCHED_CONSTANT);   /* its warm-up part */
        ramp.warmup = W;
        lr = t < W ? opt_schedule_lr(&ramp, t, lr0) : main_schedule(t - W, lr0, after);
        status = OPT_OK;
    }
    if (status != OPT_OK)
        opt_lab_die(lab, "warmup_compose returned '%s'", opt_strerror(status));
    return lr;
}

/**
## 1. The schedules, and how the library counts

The lecture lists these, with $\alpha_0$ the initial rate, $t$ the epoch
and $T$ the number of epochs:

* **step**: multiply the rate by a factor at a few fixed epochs — for
  ResNets by 0.1 at epochs 30, 60 and 90;
* **cosine**: $\alpha_t = \tfrac12 \alpha_0 \big(1 + \cos(t\pi/T)\big)$,
  half a cosine wave from $\alpha_0$ down to 0;
* **linear**: $\alpha_t = \alpha_0 (1 - t/T)$;
* **inverse square root**: $\alpha_t = \alpha_0 / \sqrt{t}$;
* **linear warm-up**, placed in front of any of them: the rate climbs
  linearly from near 0 to $\alpha_0$ over the first $W$ epochs.

A formula on a slide leaves questions that code must answer: is the first
epoch $t = 0$ or $t = 1$? What happens after $T$? The library
(`lib/schedule.h`) answers them the way PyTorch's schedulers do, and this
lab follows it:

* $t = 0, 1, 2, \dots$ counts the updates (here: epochs) **already made**,
  so the first epoch runs at $\alpha_0$ (PyTorch's `last_epoch` counter);
* **step** is `multistep` with `milestones` (30, 60, 90) and `gamma` (0.1):
  the rate is $\alpha_0 \gamma^m$ with $m$ the number of milestones
  $\le t$, so epochs 0–29 run at $\alpha_0$ and epochs 30–59 at
  $0.1\,\alpha_0$ (the library's `step` kind, a factor every `step_size`
  epochs, gives the same until epoch 120);
* **cosine** and **linear** reach 0 at $t = T$ and stay there; with $T$ =
  `T` (100) epochs, the last one, $t = 99$, still gets a small rate;
* **inverse square root** would divide by zero at $t = 0$; the library uses
  $\alpha_0 / \sqrt{\max(t, 1)}$, so the first two epochs both run at
  $\alpha_0$;
* **warm-up** over $W$ epochs: $\alpha_t = \alpha_0 (t + 1)/W$ for
  $t < W$ — the first epoch already moves, at $\alpha_0 / W$, and epoch
  $W - 1$ reaches $\alpha_0$ — and then the main schedule *starts from its
  own beginning*: $\alpha_t = \text{main}(t - W)$, with the horizon
  shortened to $T - W$ so that training still ends at $T$. Milestones move
  with it: after a 5-epoch warm-up the step schedule drops at 35, 65 and 95.

Exercise 1 is the cosine, `cosine_lr`; exercise 2 is the warm-up wrapped
around any main schedule, `warmup_compose`.

## 2. All of them on one plot

The code evaluates every schedule for $t = 0, \dots, T$ with $\alpha_0$ =
`lr0` (0.1), once as it is and once behind a warm-up of `warmup` (5)
epochs, compares your two functions with the library's own composition, and
adds up each schedule's rates over the $T$ epochs: $\sum_t \alpha_t$ is the
total distance, in units of gradients, that the schedule lets the
parameters travel.
*/
enum { KINDS = 5, MAX_MILESTONES = OPT_SCHED_MAX_MILESTONES };
static const char *const kind_names[KINDS] = { "constant", "step", "cosine", "linear", "invsqrt" };

/* The library's description of schedule k (no warm-up). */
static opt_schedule describe(int k)
{
    static const opt_schedule_kind kinds[KINDS] = {
        OPT_SCHED_CONSTANT, OPT_SCHED_MULTISTEP, OPT_SCHED_COSINE, OPT_SCHED_LINEAR,
        OPT_SCHED_INVSQRT
    };
    opt_schedule s = opt_schedule_defaults(kinds[k]);
    double m[MAX_MILESTONES];
    s.nmilestones = opt_lab_list(lab, "milestones", m, MAX_MILESTONES);
    for (size_t i = 0; i < s.nmilestones; i++)
        s.milestones[i] = lround(m[i]);
    s.gamma = opt_lab_number(lab, "gamma");
    s.T = opt_lab_int(lab, "T");
    return s;
}

/* rates[k][t] and warm[k][t], t = 0 .. T: every schedule with and without
 * warm-up. */
typedef struct schedules { long T, W; double lr0; double *rate[KINDS], *warm[KINDS]; } schedules;

static void evaluate_schedules(schedules *S)
{
    S->T = opt_lab_int(lab, "T");
    S->W = opt_lab_int(lab, "warmup");
    S->lr0 = opt_lab_number(lab, "lr0");
    double cosine_gap = 0, warmup_gap = 0;
    for (int k = 0; k < KINDS; k++) {
        S->rate[k] = opt_lab_alloc(lab, (size_t)(S->T + 1), sizeof(double));
        S->warm[k] = opt_lab_alloc(lab, (size_t)(S->T + 1), sizeof(double));
        opt_schedule plain = describe(k), after = plain, library = plain;
        after.T = S->T - S->W;              /* the horizon left after the warm-up */
        library.warmup = S->W;              /* the library's own composition */
        for (long t = 0; t <= S->T; t++) {
            const double reference = opt_schedule_lr(&plain, t, S->lr0);
            S->rate[k][t] = plain.kind == OPT_SCHED_COSINE ? cosine(t, S->T, S->lr0) : reference;
            S->warm[k][t] = warmed_up(t, S->W, S->lr0, &after);
            cosine_gap = fmax(cosine_gap, fabs(S->rate[k][t] - reference));
            warmup_gap = fmax(warmup_gap,
                              fabs(S->warm[k][t] - opt_schedule_lr(&library, t, S->lr0)));
        }
    }
    opt_lab_quote(lab, "cosine_vs_library", cosine_gap, "%.2g",
                  "cosine_lr against the library: largest difference");
    opt_lab_quote(lab, "warmup_vs_library", warmup_gap, "%.2g",
                  "warmup_compose against the library's warm-up: largest difference");
}

static void all_schedules(schedules *S)
{
    opt_lab_section(lab, "2. The schedules");
    evaluate_schedules(S);
    const long T = S->T;
    static const long at[] = { 0, 1, 4, 5, 25, 29, 30, 50, 60, 75, 90, 99, 100 };
    opt_lab_printf(lab, "  lr0 = %g, T = %ld, warm-up W = %ld\n  %-10s", S->lr0, T, S->W, "t");
    for (size_t i = 0; i < sizeof at / sizeof *at; i++)
        if (at[i] <= T)
            opt_lab_printf(lab, " %8ld", at[i]);
    opt_lab_printf(lab, "   sum over t < T\n");
    for (int w = 0; w < 2; w++)
        for (int k = 0; k < KINDS; k++) {
            const double *r = w ? S->warm[k] : S->rate[k];
            char name[32];
            snprintf(name, sizeof name, "%s%s", w ? "warm_" : "", kind_names[k]);
            opt_lab_printf(lab, "  %-10s", w ? (k == 1 ? "W+step" : k == 2 ? "W+cosine" :
                                                k == 3 ? "W+linear" : k == 4 ? "W+invsqrt" :
                                                "W+constant") : kind_names[k]);
            for (size_t i = 0; i < sizeof at / sizeof *at; i++) {
                if (at[i] > T)
                    continue;
                opt_lab_printf(lab, " %8.4g", r[at[i]]);
                opt_lab_recordf(lab, r[at[i]], "%s_lr_%ld", name, at[i]);
            }
            double total = 0;
            for (long t = 0; t < T; t++)
                total += r[t];
            opt_lab_printf(lab, "   %.4g\n", total);
            opt_lab_recordf(lab, total, "%s_total", name);
        }

    char header[512] = "t";
    for (int w = 0; w < 2; w++)
        for (int k = 0; k < KINDS; k++)
            snprintf(header + strlen(header), sizeof header - strlen(header), "\t%s%s",
                     w ? "warm_" : "", kind_names[k]);
    opt_table *tab = opt_lab_table(lab, "schedules", header);
    for (long t = 0; t <= T; t++) {
        double row[1 + 2 * KINDS] = { (double)t };
        for (int k = 0; k < KINDS; k++)
            row[1 + k] = S->rate[k][t], row[1 + KINDS + k] = S->warm[k][t];
        opt_table_row(tab, row);
    }
    opt_table_close(tab);
    char vars[160];
    snprintf(vars, sizeof vars, "T=%ld; W=%ld; lr0=%.17g; gamma=%.17g", T, S->W, S->lr0,
             opt_lab_number(lab, "gamma"));
    opt_lab_figure(lab, "08-schedules", vars);
}

/**
![Every schedule over 100 epochs from $\alpha_0 = 0.1$ (left), and the same
behind a 5-epoch linear warm-up (right).](08-schedules.svg)

The step schedule holds each rate for a long plateau and then cuts it
tenfold; cosine and linear decay smoothly, cosine staying high longer at
the start and landing more gently at the end, and the two give the same
total: $\sum_{t<T} \tfrac12\alpha_0(1 + \cos(t\pi/T)) = \tfrac12 \alpha_0
(T + 1)$ — the cosines cancel in pairs, $\cos(\pi - \theta) = -\cos\theta$
— and $\sum_{t<T} \alpha_0(1 - t/T) = \tfrac12 \alpha_0 (T + 1)$ as well,
5.05 here. The inverse square root falls fastest at first ($\alpha_0/2$
already at $t = 4$) and slowest later: after 100 epochs it is still at
$\alpha_0/10$, and it never reaches 0, which suits training without a known
end (the original Transformer used it, behind a warm-up). It also has the
smallest total, 1.95; the step schedule's, 3.331, comes almost all from its
first plateau.

With warm-up (right) every schedule starts at $\alpha_0 / W = 0.02$ and
reaches $\alpha_0$ at epoch 4; then the main schedule begins, squeezed into
the 95 epochs left.

*Question.* Set `warmup=50`. Which schedule's shape changes the most, and
which of the lecture's formulas would you have to rewrite to say exactly
what is now being computed?

## 3. What a schedule does to SGD

To see the effect we need a problem where SGD's noise matters, and whose
best loss we know exactly so we can plot how far above it each run is:
**linear least squares with mini-batches**. Make $N$ = `examples` (1000)
examples $a_i \in \mathbb R^d$, $d$ = `features` (10), whose feature $j$ is
normal with standard deviation falling evenly from 1 to `smallest_scale`
(0.3) — so the curvatures of the directions differ by a factor of about
ten, as in a mildly ill-conditioned problem — and
targets $y_i = a_i^\top w^\star + \varepsilon_i$ with a random $w^\star$
and noise of standard deviation $\sigma$ = `noise_sd` (0.5), all from the
run's seeded random streams. The loss and its minimum are

$$L(w) = \frac{1}{2N} \sum_{i=1}^N (a_i^\top w - y_i)^2, \qquad
L^\star = L(\hat w), \quad \hat w = (A^\top A)^{-1} A^\top y$$

(the normal equations, solved by Cholesky). SGD shuffles the examples every
epoch, takes batches of $B$ = `batch` (10), and steps with the gradient of
the batch's loss, $\frac1B \sum_{i \in \text{batch}} (a_i^\top w - y_i)\,
a_i$, at the rate its schedule gives for the epoch. Every schedule sees the
same shuffles, so the differences between the curves are the schedules'.
*/
typedef struct problem {
    size_t N, d;
    double *A, *y;        /* N x d row-major, N */
    double L_star;        /* the least loss */
    double trace_H;       /* tr(A^T A / N), the Hessian's trace */
} problem;

static double loss(const problem *p, const double *w)
{
    double s = 0;
    for (size_t i = 0; i < p->N; i++) {
        const double r = opt_dot(p->A + i * p->d, w, p->d) - p->y[i];
        s += r * r;
    }
    return s / (2.0 * (double)p->N);
}

/* g = (1/B) sum over the batch of (a_i . w - y_i) a_i. */
static void batch_gradient(const problem *p, const size_t *batch, size_t B, const double *w,
                           double *g)
{
    memset(g, 0, p->d * sizeof *g);
    for (size_t b = 0; b < B; b++) {
        const double *a = p->A + batch[b] * p->d;
        const double r = opt_dot(a, w, p->d) - p->y[batch[b]];
        for (size_t j = 0; j < p->d; j++)
            g[j] += r * a[j] / (double)B;
    }
}

static void make_problem(problem *p)
{
    const size_t N = p->N = (size_t)opt_lab_int(lab, "examples");
    const size_t d = p->d = (size_t)opt_lab_int(lab, "features");
    const double smallest = opt_lab_number(lab, "smallest_scale");
    const double sigma = opt_lab_number(lab, "noise_sd");
    p->A = opt_lab_alloc(lab, N * d, sizeof *p->A);
    p->y = opt_lab_alloc(lab, N, sizeof *p->y);
    double *w_star = opt_lab_alloc(lab, d, sizeof *w_star);
    gsl_rng *r = opt_lab_need(lab, opt_rng_alloc(opt_lab_seed(lab), 1));
    gsl_matrix *AtA = opt_lab_need(lab, gsl_matrix_calloc(d, d));
    gsl_vector *Aty = opt_lab_need(lab, gsl_vector_calloc(d));
    gsl_vector *w_hat = opt_lab_need(lab, gsl_vector_alloc(d));
    for (size_t j = 0; j < d; j++)
        w_star[j] = gsl_ran_gaussian(r, 1.0);
    for (size_t i = 0; i < N; i++) {
        for (size_t j = 0; j < d; j++) {
            const double scale = d > 1 ? 1 - (1 - smallest) * (double)j / (double)(d - 1) : 1;
            p->A[i * d + j] = scale * gsl_ran_gaussian(r, 1.0);
        }
        p->y[i] = opt_dot(p->A + i * d, w_star, d) + gsl_ran_gaussian(r, sigma);
    }
    /* The normal equations A^T A w = A^T y. */
    gsl_matrix_view A = gsl_matrix_view_array(p->A, N, d);
    gsl_vector_view y = gsl_vector_view_array(p->y, N);
    gsl_blas_dgemm(CblasTrans, CblasNoTrans, 1.0, &A.matrix, &A.matrix, 0.0, AtA);
    gsl_blas_dgemv(CblasTrans, 1.0, &A.matrix, &y.vector, 0.0, Aty);
    p->trace_H = 0;
    for (size_t j = 0; j < d; j++)
        p->trace_H += gsl_matrix_get(AtA, j, j) / (double)N;
    if (gsl_linalg_cholesky_decomp1(AtA) != 0 || gsl_linalg_cholesky_solve(AtA, Aty, w_hat) != 0)
        opt_lab_die(lab, "the normal equations are singular: use more examples than features");
    p->L_star = loss(p, w_hat->data);
    gsl_matrix_free(AtA);
    gsl_vector_free(Aty);
    gsl_vector_free(w_hat);
    gsl_rng_free(r);
    free(w_star);
}

/* T epochs of mini-batch SGD from w = 0 at the rates rate[0 .. T-1]. An
 * epoch is N / B steps; each batch is B examples drawn independently at
 * random from stream `stream`. excess[0] = L(0) - L*, and excess[e]
 * (e = 1 .. T) is the mean of L(w) - L* over epoch e, measured after every
 * `every`-th step. */
static void train(const problem *p, const double *rate, long T, size_t B, uint64_t stream,
                  double *excess)
{
    const size_t steps = p->N / B, every = steps >= 10 ? steps / 10 : 1;
    double *w = opt_lab_alloc(lab, p->d, sizeof *w), *g = opt_lab_alloc(lab, p->d, sizeof *g);
    size_t *batch = opt_lab_alloc(lab, B, sizeof *batch);
    gsl_rng *r = opt_lab_need(lab, opt_rng_alloc(opt_lab_seed(lab), stream));
    opt_stepper *sgd = opt_lab_need(lab, opt_stepper_alloc(opt_sgd, p->d, NULL));
    excess[0] = loss(p, w) - p->L_star;
    for (long e = 0; e < T; e++) {
        double sum = 0;
        size_t measured = 0;
        for (size_t step = 1; step <= steps; step++) {
            for (size_t b = 0; b < B; b++)
                batch[b] = (size_t)gsl_rng_uniform_int(r, p->N);
            batch_gradient(p, batch, B, w, g);
            opt_stepper_step(sgd, w, g, rate[e]);
            if (step % every == 0) {
                sum += loss(p, w) - p->L_star;
                measured++;
            }
        }
        excess[e + 1] = sum / (double)measured;
    }
    opt_stepper_free(sgd);
    gsl_rng_free(r);
    free(batch);
    free(g);
    free(w);
}

static double mean_of(const double *v, long from, long to)
{
    double s = 0;
    for (long e = from; e <= to; e++)
        s += v[e];
    return s / (double)(to - from + 1);
}

/**
Before running it, a prediction. Near the minimum, SGD at a fixed rate
$\alpha$ does not stop: each batch gradient is the true gradient plus noise,
and the noise keeps kicking $w$ around $\hat w$. For least squares the kicks
have covariance about $\hat\sigma^2 H / B$, with $H = A^\top A / N$ the
Hessian and $\hat\sigma^2 = 2L^\star$ the mean squared residual, and the
balance between kicks and the pull back to $\hat w$ settles at an excess
loss of about

$$\mathbb E[L(w)] - L^\star \approx \frac{\alpha\, \hat\sigma^2\,
\mathrm{tr}(H)}{4B}$$

(for small $\alpha$): **proportional to the rate, inversely proportional
to the batch size**. Cutting the rate tenfold should cut that floor
tenfold; a rate that decays to zero should let the loss decay with it.
*/
static void sgd_with_schedules(const schedules *S)
{
    opt_lab_section(lab, "3. SGD on noisy least squares under each schedule");
    problem p;
    make_problem(&p);
    const long T = S->T;
    const size_t B = (size_t)opt_lab_int(lab, "batch");
    /* The runs: the five schedules, and warm-up + cosine. */
    enum { RUNS = KINDS + 1 };
    const double *rates[RUNS];
    const char *names[RUNS];
    for (int k = 0; k < KINDS; k++)
        rates[k] = S->rate[k], names[k] = kind_names[k];
    rates[KINDS] = S->warm[2], names[KINDS] = "warm_cosine";
    /* Run r of every schedule draws its batches from stream 2 + r: the
     * schedules see the same batches, the repeats different ones. */
    const long repeats = opt_lab_int(lab, "repeats");
    double *excess[RUNS], *one = opt_lab_alloc(lab, (size_t)(T + 1), sizeof *one);
    for (int k = 0; k < RUNS; k++) {
        excess[k] = opt_lab_alloc(lab, (size_t)(T + 1), sizeof(double));
        for (long r = 0; r < repeats; r++) {
            train(&p, rates[k], T, B, 2 + (uint64_t)r, one);
            for (long e = 0; e <= T; e++)
                excess[k][e] += one[e] / (double)repeats;
            opt_lab_progress(lab, "SGD runs", k * repeats + r + 1, RUNS * repeats);
        }
    }
    free(one);

    const double sigma2 = 2 * p.L_star;
    const double floor_theory = S->lr0 * sigma2 * p.trace_H / (4.0 * (double)B);
    opt_lab_printf(lab, "  N = %zu, d = %zu, B = %zu: %zu steps per epoch\n", p.N, p.d, B, p.N / B);
    opt_lab_quote(lab, "L_star", p.L_star, "%.4f", "least loss L* (normal equations)");
    opt_lab_quote(lab, "trace_H", p.trace_H, "%.4f", "tr(H), H = A^T A / N");
    opt_lab_quote(lab, "initial_excess", excess[0][0], "%.4f", "L(0) - L*");
    opt_lab_quote(lab, "floor_theory", floor_theory, "%.3g",
                  "predicted floor at lr0: lr0 sigma^2 tr(H) / (4B)");
    /* The constant rate's floor, once it has settled (the second half). */
    opt_lab_quote(lab, "floor_constant", mean_of(excess[0], T / 2 + 1, T), "%.3g",
                  "measured floor at lr0: mean excess over the second half, constant rate");
    /* The step schedule's floors: the last ten epochs before each drop. */
    double m[MAX_MILESTONES];
    const size_t nm = opt_lab_list(lab, "milestones", m, MAX_MILESTONES);
    char text[128];
    long prev = 0;
    for (size_t i = 0; i <= nm; i++) {
        const long end = i < nm ? lround(m[i]) : T;     /* rows prev+1 .. end ran at this rate */
        if (end - prev < 10 || end > T)
            break;
        snprintf(text, sizeof text,
                 "step schedule, rate lr0 x gamma^%zu: mean excess, epochs %ld-%ld", i, end - 9, end);
        opt_lab_quotef(lab, mean_of(excess[1], end - 9, end), "%.3g", text, "floor_step_%zu", i + 1);
        prev = end;
    }
    opt_lab_printf(lab, "  final excess loss L(w) - L* after %ld epochs:\n", T);
    for (int k = 0; k < RUNS; k++) {
        snprintf(text, sizeof text, "  %s", names[k]);
        opt_lab_quotef(lab, excess[k][T], "%.3g", text, "final_%s", names[k]);
    }

    char header[256] = "epoch";
    for (int k = 0; k < RUNS; k++)
        snprintf(header + strlen(header), sizeof header - strlen(header), "\t%s", names[k]);
    opt_table *tab = opt_lab_table(lab, "sgd", header);
    for (long e = 0; e <= T; e++) {
        double row[1 + RUNS] = { (double)e };
        for (int k = 0; k < RUNS; k++)
            row[1 + k] = excess[k][e];
        opt_table_row(tab, row);
    }
    opt_table_close(tab);
    char vars[256];
    snprintf(vars, sizeof vars, "T=%ld; W=%ld; lr0=%.17g; B=%zu; floor=%.17g", T, S->W, S->lr0,
             B, floor_theory);
    opt_lab_figure(lab, "08-sgd-loss", vars);
    for (int k = 0; k < RUNS; k++)
        free(excess[k]);
    free(p.A);
    free(p.y);
}

/**
![Excess loss $L(w) - L^\star$ of mini-batch SGD after each epoch (log
scale), one curve per schedule; the dashed line is the predicted floor at
the constant rate.](08-sgd-loss.svg)

Every run makes the same fast start: within two or three epochs the loss
falls by almost three orders of magnitude, down to the floor of the rate in
use (the warm-up run a couple of epochs later). From then on each curve
follows, roughly, the floor of its *current* rate,
$\alpha_t \hat\sigma^2 \mathrm{tr}(H)/(4B)$:

* the **constant** rate stays on the predicted floor for good;
* the **step** schedule sits on the same floor until epoch 30, then drops
  within a few epochs to a floor ten times lower. The drop at 60 takes
  longer — at a hundredth of $\alpha_0$ each step moves $w$ so little that
  the loss needs many epochs to come down — and the drop at 90 has too
  little time left to show;
* **cosine** and **linear** slide down with their rates and end one to two
  orders of magnitude below the constant rate; cosine, whose rate falls
  faster near the end, finishes below linear;
* the **inverse square root** is lowest of all for the first thirty epochs
  — its rate is already $\alpha_0/2$ at epoch 4 — but then stalls near the
  floor of $\alpha_0/10$, where its rate stays, and ends highest of the
  decaying schedules.

What a run ends with is set by the rate it ends with; what a small rate
costs is speed, which is why the schedules keep the rate high while the
loss is far above its floor. Which of step, cosine and linear ends lowest
here depends on the seed; the lecture's advice holds either way: some decay
is much better than none.

Warm-up costs a couple of epochs at the start here and changes nothing else: on
a quadratic the curvature is the same everywhere, so a large first step is
no more dangerous than a later one. It pays where the first steps *are*
the dangerous ones — a freshly initialized deep network, or a very large
batch with a correspondingly large rate (Lab 09).

*Question.* Double the batch (`--set batch=20`). What should happen to the
constant rate's floor, by the formula, and does it? Then try
`--set lr0=2` and `--set lr0=3`: which schedules survive, and why can a
warm-up not rescue the others on this problem?

## Exercises

Write the two functions declared in `labs/08-schedules/exercise.h`; their
doc comments there are the full assignment. Put your code in
`labs/08-schedules/exercise.c`, in place of the stubs.

1. `cosine_lr(t, T, lr0, &lr)` — the cosine schedule, 0 after $T$. Part 2
   draws it and part 3 trains with it.
2. `warmup_compose(t, warmup, lr0, base, ctx, &lr)` — a linear warm-up in
   front of any schedule `base`. Part 2 wraps it around all five.

**How they are checked.** `make grade LAB=08` compiles your `exercise.c`
with the tests in `tests/grade/08-schedules.c` and prints a score table (10
points per exercise); each failed test says what it checked, what it
expected, what came back, and a hint. The tests compare your rates with
values worked out by hand, with the symmetry of the cosine, with what a
test schedule is asked for after the warm-up, and with the status codes;
some tests are hidden until after the deadline. Then rerun the lab: the
"not implemented yet" notes disappear, and the numbers and figures should
match the reference run.
*/
/* Parameters whose shape the schema cannot express, checked before any
 * output is written (a bad one exits 2 naming the key). */
static void check_parameters(void)
{
    double m[MAX_MILESTONES + 1];
    const size_t nm = opt_lab_list(lab, "milestones", m, MAX_MILESTONES + 1);
    if (nm > MAX_MILESTONES)
        opt_lab_bad_param(lab, "milestones", "at most %d milestones, got %zu", MAX_MILESTONES, nm);
    for (size_t i = 0; i < nm; i++) {
        if (m[i] != floor(m[i]))
            opt_lab_bad_param(lab, "milestones", "epochs are whole numbers, got %g", m[i]);
        if (i > 0 && !(m[i] > m[i - 1]))
            opt_lab_bad_param(lab, "milestones", "must increase, got %g after %g", m[i], m[i - 1]);
    }
    if (opt_lab_int(lab, "warmup") >= opt_lab_int(lab, "T"))
        opt_lab_bad_param(lab, "warmup", "must be shorter than T (%ld epochs)",
                          opt_lab_int(lab, "T"));
    if (opt_lab_int(lab, "examples") <= opt_lab_int(lab, "features"))
        opt_lab_bad_param(lab, "examples", "need more examples than features (%ld)",
                          opt_lab_int(lab, "features"));
    if (opt_lab_int(lab, "batch") > opt_lab_int(lab, "examples"))
        opt_lab_bad_param(lab, "batch", "larger than the number of examples (%ld)",
                          opt_lab_int(lab, "examples"));
}

int main(int argc, char **argv)
{
    lab = opt_lab_start(&info, argc, argv);
    check_parameters();
    schedules S;
    all_schedules(&S);
    sgd_with_schedules(&S);
    for (int k = 0; k < KINDS; k++) {
        free(S.rate[k]);
        free(S.warm[k]);
    }
    return opt_lab_finish(lab);
}
