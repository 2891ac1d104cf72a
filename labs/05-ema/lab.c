/**
# Lab 05 — Exponential moving averages and bias correction

Optimizers keep running averages of things that change at every step: the
gradient (momentum, Lab 04), its square (RMSProp and Adam, Lab 06). The
average they use is the **exponential moving average** (EMA), because it is
cheap: it needs one number per quantity, however long the history, while a
plain average of the last $m$ values must store those $m$ values — for a
network with millions of parameters, $m$ copies of the network.

This lab studies the EMA on data we can look at, a year of noisy daily
temperatures, before it disappears inside the optimizers:

1. the data: a smooth seasonal curve plus noise;
2. the average, its weights, and why $\beta$ means "about the last
   $1/(1-\beta)$ values": smoothing against lag;
3. the bias of the first values, which start from zero, and its correction
   $v_k / (1 - \beta^k)$.

It ends with two exercises. Run it with `make lab05 && build/bin/lab05`;
`build/bin/lab05 --help` lists every parameter, and `--set` changes one, as
in `build/bin/lab05 --set 'noise_sd=0'`.
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
are written out in `labs/05-ema/params.lua`, which you can copy, edit and
pass with `--config`.
*/
static const opt_param params[] = {
    /* 1. The data */
    { "days", OPT_T_INT, "365", 10, 100000, "length of the series, in days" },
    { "mean_temperature", OPT_T_NUMBER, "12", -100, 100, "m: the year's mean, degrees C" },
    { "amplitude", OPT_T_NUMBER, "10", 0, 100, "A: half the summer-winter swing, degrees C" },
    { "coldest_day", OPT_T_NUMBER, "15", 0, 365, "d: the day the seasonal curve is lowest" },
    { "noise_sd", OPT_T_NUMBER, "3", 0, 100, "sigma: standard deviation of the daily noise" },
    /* 2. The average */
    { "betas", OPT_T_LIST, "{0.5, 0.9, 0.98}", 0, 0.9999, "the weights of the past compared" },
    { "settle_day", OPT_T_INT, "101", 1, 100000,
      "errors against the seasonal curve are measured from this day on" },
    /* 3. Bias correction */
    { "correction_beta", OPT_T_NUMBER, "0.9", 0.001, 0.9999,
      "beta of the lecture's correction factors" },
    { "correction_at", OPT_T_LIST, "{2, 100}", 1, 1e9,
      "steps k at which the factor 1 / (1 - beta^k) is printed" },
    { "start_beta", OPT_T_NUMBER, "0.98", 0.001, 0.9999,
      "beta of the corrected-against-uncorrected figure" },
    { "start_days", OPT_T_INT, "100", 2, 100000, "days shown in that figure" },
};

static const opt_lab_info info =
    OPT_LAB_INFO("05-ema", "Exponential moving averages and bias correction", params);

/* The running lab: the exercise wrappers below report through it. */
static opt_lab *lab;

/**
## Your functions, or the reference

The lab calls the two functions you write in `exercise.c` (see the end of
this page). While one is still a stub returning `OPT_ENOTIMPL`, the lab says
so once and uses the library's `ema` module instead (`lib/ema.h`), so every
number and figure below exists from the start; once you implement it, they
come from your code.
*/
static double average_in(double v, double x, double beta)
{
    int status = ema_update(&v, x, beta);
    if (status == OPT_ENOTIMPL) {
        opt_lab_not_implemented(lab, "ema_update");
        opt_ema e = opt_ema_init(beta);
        e.value = v;
        v = opt_ema_update(&e, x);
        status = OPT_OK;
    }
    if (status != OPT_OK)
        opt_lab_die(lab, "ema_update returned '%s'", opt_strerror(status));
    return v;
}

static void corrected_average(const double *x, size_t k, double beta, double *out)
{
    int status = ema_bias_corrected(x, k, beta, out);
    if (status == OPT_ENOTIMPL) {
        opt_lab_not_implemented(lab, "ema_bias_corrected");
        opt_ema e = opt_ema_init(beta);
        for (size_t j = 0; j < k; j++) {
            opt_ema_update(&e, x[j]);
            out[j] = opt_ema_corrected(&e);
        }
        status = OPT_OK;
    }
    if (status != OPT_OK)
        opt_lab_die(lab, "ema_bias_corrected returned '%s'", opt_strerror(status));
}

/**
## 1. A noisy year

The lecture's example is a time series of daily temperatures
$x_1, x_2, \dots, x_{365}$. We make one up, so that we also know the truth
behind the noise. Day $k$ ($k = 1, \dots, 365$) gets

$$x_k = m - A \cos\!\Big(\frac{2\pi (k - d)}{365}\Big) + \varepsilon_k,
\qquad \varepsilon_k \sim \mathcal N(0, \sigma^2) \text{ independent},$$

a seasonal curve with mean $m$ = `mean_temperature` (12 °C) that is
lowest on day $d$ = `coldest_day` (15, mid-January) at $m - A$ = 2 °C and
highest half a year later at $m + A$ = 22 °C ($A$ = `amplitude`), plus
weather: noise of standard deviation $\sigma$ = `noise_sd` (3 °C), drawn
from the run's seeded random stream (`--seed` gives another year with the
same climate).
*/
typedef struct year {
    size_t days;
    double *x;        /* the measured temperatures, x[k-1] = x_k */
    double *truth;    /* the seasonal curve without noise */
    double *noise;    /* x - truth */
} year;

static void make_year(year *y)
{
    const size_t n = y->days = (size_t)opt_lab_int(lab, "days");
    const double m = opt_lab_number(lab, "mean_temperature"), A = opt_lab_number(lab, "amplitude");
    const double d = opt_lab_number(lab, "coldest_day"), sigma = opt_lab_number(lab, "noise_sd");
    const double pi = 3.14159265358979323846;
    y->x = opt_lab_alloc(lab, n, sizeof *y->x);
    y->truth = opt_lab_alloc(lab, n, sizeof *y->truth);
    y->noise = opt_lab_alloc(lab, n, sizeof *y->noise);
    gsl_rng *r = opt_lab_need(lab, opt_rng_alloc(opt_lab_seed(lab), 1));
    for (size_t k = 1; k <= n; k++) {
        y->truth[k - 1] = m - A * cos(2 * pi * ((double)k - d) / 365);
        y->noise[k - 1] = gsl_ran_gaussian(r, sigma);
        y->x[k - 1] = y->truth[k - 1] + y->noise[k - 1];
    }
    gsl_rng_free(r);
}

/**
## 2. The average and its weights

The exponential moving average starts at zero and mixes in each new value
with the weight $1 - \beta$:

$$v_0 = 0, \qquad v_k = \beta\, v_{k-1} + (1 - \beta)\, x_k .$$

That is exercise 1, `ema_update`. Unrolled, as for momentum in Lab 04,

$$v_k = (1 - \beta) \big(x_k + \beta x_{k-1} + \beta^2 x_{k-2} + \dots
+ \beta^{k-1} x_1\big):$$

the value from $j$ days ago has the weight $(1 - \beta)\beta^j$, which
shrinks geometrically. Three numbers describe such weights:

* **the window.** Since $\beta^{1/(1-\beta)} \approx 1/e$ (for $\beta$
  near 1, $\ln \beta \approx -(1 - \beta)$), a value's weight falls to about
  a third of the newest one's after $1/(1 - \beta)$ days, and the last
  $1/(1 - \beta)$ values together carry about $1 - 1/e \approx 63\,\%$ of the
  total: the rule of thumb that $\beta$ averages "the last $1/(1-\beta)$
  values" — 2, 10 and 50 for $\beta$ = 0.5, 0.9 and 0.98;
* **the lag.** The mean age of the weights,
  $\sum_j j (1 - \beta)\beta^j = \beta / (1 - \beta)$ days, is how far
  behind the data the average runs: 1, 9 and 49 days. On a rising curve the
  average reads low by about the slope times the lag;
* **the noise left.** Averaging independent noise of standard deviation
  $\sigma$ leaves $\sigma \sqrt{\sum_j (1-\beta)^2 \beta^{2j}}
  = \sigma \sqrt{(1 - \beta) / (1 + \beta)}$ in the long run.

Smoothing more (larger $\beta$) removes more noise and adds more lag. The
code averages the year with each $\beta$ in `betas` through your
`ema_update`, and measures, from day `settle_day` (101) on, the error of
each average against the seasonal curve: in total, and split into its two
parts — the average is linear, so averaging $x$ = truth + noise gives the
average of the truth (whose error is the lag) plus the average of the noise.
*/
enum { MAX_BETAS = 6 };

static double rms_from(const double *a, const double *b, size_t from, size_t n)
{
    double s = 0;
    for (size_t k = from; k < n; k++)
        s += (a[k] - (b ? b[k] : 0)) * (a[k] - (b ? b[k] : 0));
    return sqrt(s / (double)(n - from));
}

static void the_three_averages(const year *y)
{
    opt_lab_section(lab, "2. Three averages of the year");
    double betas[MAX_BETAS];
    const size_t nb = opt_lab_list(lab, "betas", betas, MAX_BETAS), n = y->days;
    const size_t from = (size_t)opt_lab_int(lab, "settle_day") - 1;
    const double sigma = opt_lab_number(lab, "noise_sd");
    double *avg[MAX_BETAS], *of_truth = opt_lab_alloc(lab, n, sizeof *of_truth),
           *of_noise = opt_lab_alloc(lab, n, sizeof *of_noise);

    opt_lab_printf(lab, "  errors against the seasonal curve over days %zu to %zu\n", from + 1, n);
    opt_lab_printf(lab, "  %-6s %-7s %-13s %-9s %-19s %-10s %s\n", "beta", "window",
                   "last-window", "lag", "noise left", "lag error", "total error");
    opt_lab_printf(lab, "  %-6s %-7s %-13s %-9s %-19s %-10s %s\n", "", "1/(1-b)", "weight",
                   "(days)", "theory  measured", "", "");
    for (size_t i = 0; i < nb; i++) {
        const double b = betas[i];
        avg[i] = opt_lab_alloc(lab, n, sizeof *avg[i]);
        double v = 0, vt = 0, vn = 0;
        for (size_t k = 0; k < n; k++) {
            avg[i][k] = v = average_in(v, y->x[k], b);
            of_truth[k] = vt = average_in(vt, y->truth[k], b);
            of_noise[k] = vn = average_in(vn, y->noise[k], b);
        }
        const double window = 1 / (1 - b);
        const double share = 1 - pow(b, round(window));     /* of the last window values */
        const double lag = b / (1 - b), noise_theory = sigma * sqrt((1 - b) / (1 + b));
        const double noise = rms_from(of_noise, NULL, from, n);
        const double lag_error = rms_from(of_truth, y->truth, from, n);
        const double total = rms_from(avg[i], y->truth, from, n);
        opt_lab_printf(lab, "  %-6g %-7.4g %-13.3f %-9.4g %-7.3f %-11.3f %-10.3f %.3f\n", b,
                       window, share, lag, noise_theory, noise, lag_error, total);
        const struct { const char *name; double value; } row[] = {
            { "window", window }, { "window_weight", share }, { "lag", lag },
            { "noise_theory", noise_theory }, { "noise_left", noise },
            { "lag_error", lag_error }, { "total_error", total },
        };
        for (size_t c = 0; c < sizeof row / sizeof *row; c++)
            opt_lab_recordf(lab, row[c].value, "%s_%zu", row[c].name, i + 1);
    }

    /* The year and its averages, for the figure. */
    char header[256] = "day\ttruth\tx";
    for (size_t i = 0; i < nb; i++)
        snprintf(header + strlen(header), sizeof header - strlen(header), "\tema_%zu", i + 1);
    opt_table *t = opt_lab_table(lab, "year", header);
    double row[3 + MAX_BETAS];
    for (size_t k = 0; k < n; k++) {
        row[0] = (double)k + 1, row[1] = y->truth[k], row[2] = y->x[k];
        for (size_t i = 0; i < nb; i++)
            row[3 + i] = avg[i][k];
        opt_table_row(t, row);
    }
    opt_table_close(t);
    opt_figure_vars *vars = opt_figure_vars_new(lab);
    opt_figure_var(vars, "n=%zu; days=%zu; array beta[%zu]", nb, n, nb);
    for (size_t i = 0; i < nb; i++)
        opt_figure_var(vars, "beta[%zu]=%.17g", i + 1, betas[i]);
    opt_lab_figure(lab, "05-ema-year", opt_figure_vars_text(vars));
    opt_figure_vars_free(vars);
    for (size_t i = 0; i < nb; i++)
        free(avg[i]);
    free(of_truth);
    free(of_noise);
}

/**
![A year of daily temperatures (dots) with the seasonal curve behind them
(dashed) and their exponential moving averages for $\beta$ = 0.5, 0.9 and
0.98.](05-ema-year.svg)

With $\beta = 0.5$ the average follows the data closely and keeps much of
the weather: $\sqrt{1/3} \approx 58\,\%$ of the noise. With $\beta = 0.98$
it is smooth, but it runs weeks behind the seasons: its maximum comes about
six weeks after the real one and falls some 2 °C short of it. $\beta = 0.9$
is the compromise here, with the smallest total error; which $\beta$ is
best depends on how fast the signal moves compared with the noise. In an
optimizer the "signal" is the gradient, which moves as the parameters move;
the usual $\beta = 0.9$ for momentum averages about the last ten steps.

Note also how every average *starts*: at zero, far below the first winter
days, and the more so the larger $\beta$. The curve for 0.98 needs weeks
to climb to the data. That is the subject of part 3.

*Question.* Set `noise_sd=0` and `--set 'betas={0.9}'`. The lag error is
now the whole error. Compare it with the slope of the seasonal curve
($2\pi A/365$ °C per day at most) times the lag of 9 days.

## 3. The start: bias correction

The weights of $v_k$ add up to $(1 - \beta)(1 + \beta + \dots + \beta^{k-1})
= 1 - \beta^k$, not to 1: the missing weight $\beta^k$ sits on the
starting value $v_0 = 0$. With $\beta = 0.9$, $v_1 = 0.1\,x_1$ has total
weight 0.1 and $v_2 = 0.09\,x_1 + 0.1\,x_2$ has 0.19; a proper average's
weights add up to 1. Early on the average is therefore pulled towards 0 —
*biased* — and for a series with a steady mean $\mu$ its expectation is
$(1 - \beta^k)\,\mu$ instead of $\mu$.

The cure is to divide by the sum of the weights:

$$\hat v_k = \frac{v_k}{1 - \beta^k}.$$

The correction factor $1 / (1 - \beta^k)$ is large at first and tends to 1:
*/
static void correction_factors(void)
{
    opt_lab_section(lab, "3. Bias correction");
    const double beta = opt_lab_number(lab, "correction_beta");
    double at[8];
    const size_t count = opt_lab_list(lab, "correction_at", at, 8);
    opt_lab_printf(lab, "  beta = %g\n", beta);
    opt_lab_quote(lab, "weight_sum_1", 1 - beta, "%g", "weights of v_1 add up to 1 - beta");
    opt_lab_quote(lab, "weight_sum_2", 1 - beta * beta, "%g", "weights of v_2: 1 - beta^2");
    char text[96];
    for (size_t i = 0; i < count; i++) {
        const long k = lround(at[i]);
        snprintf(text, sizeof text, "correction factor 1 / (1 - beta^k) at k = %ld", k);
        opt_lab_quotef(lab, opt_bias_correction(beta, k), k < 10 ? "%.2f" : "%.6f", text,
                       "correction_factor_%ld", k);
    }

/**
At $\beta = 0.9$ the factor is $1/0.19 = 5.26$ at $k = 2$ and $1.000027$ at
$k = 100$: the correction matters for the first few dozen values and then
fades. How long "a few dozen" is depends on $\beta$: the code counts the
steps until the factor drops below 1.01 (a 1 % correction) for $\beta$ =
0.9, 0.98 and Adam's usual $\beta_2 = 0.999$ (Lab 06).
*/
    static const double adam_like[3] = { 0.9, 0.98, 0.999 };
    for (int i = 0; i < 3; i++) {
        long k = 1;
        while (opt_bias_correction(adam_like[i], k) >= 1.01)
            k++;
        snprintf(text, sizeof text, "beta = %g: steps until the factor is below 1.01",
                 adam_like[i]);
        opt_lab_quotef(lab, (double)k, "%.0f", text, "steps_to_one_percent_%d", i + 1);
    }
}

/**
For $\beta = 0.98$ that is most of our year, and for $\beta_2 = 0.999$ it
is thousands of steps: without the correction, an optimizer that divides by
such an average would take huge steps at the start (the average of squared
gradients is far too small there).

The corrected average is exercise 2, `ema_bias_corrected`. The figure
compares it with the uncorrected one over the first `start_days` (100)
days of the year, for $\beta$ = `start_beta` (0.98), the average that
suffers most.
*/
static void corrected_start(const year *y)
{
    const double beta = opt_lab_number(lab, "start_beta");
    size_t n = (size_t)opt_lab_int(lab, "start_days");
    if (n > y->days)
        n = y->days;
    double *hat = opt_lab_alloc(lab, n, sizeof *hat), *plain = opt_lab_alloc(lab, n, sizeof *plain);
    corrected_average(y->x, n, beta, hat);
    double v = 0;
    for (size_t k = 0; k < n; k++)
        plain[k] = v = average_in(v, y->x[k], beta);

    opt_table *t = opt_lab_table(lab, "start", "day\ttruth\tx\tuncorrected\tcorrected");
    for (size_t k = 0; k < n; k++)
        opt_table_rowv(t, (double)k + 1, y->truth[k], y->x[k], plain[k], hat[k]);
    opt_table_close(t);

    opt_lab_printf(lab, "\n  the first %zu days with beta = %g\n", n, beta);
    opt_lab_quote(lab, "first_temperature", y->x[0], "%.4f", "x_1");
    opt_lab_quote(lab, "first_uncorrected", plain[0], "%.4f", "v_1 = (1 - beta) x_1");
    opt_lab_quote(lab, "first_corrected", hat[0], "%.4f", "corrected v_1 (= x_1)");
    opt_lab_quote(lab, "weight_sum_day_10", 1 - pow(beta, 10), "%.3f",
                  "weights of v_10 add up to 1 - beta^10");
    opt_lab_quote(lab, "start_error_uncorrected", rms_from(plain, y->truth, 0, n), "%.3f",
                  "RMS error against the seasonal curve, uncorrected");
    opt_lab_quote(lab, "start_error_corrected", rms_from(hat, y->truth, 0, n), "%.3f",
                  "RMS error against the seasonal curve, corrected");
    char vars[128];
    snprintf(vars, sizeof vars, "beta=%.17g; days=%zu", beta, n);
    opt_lab_figure(lab, "05-bias-correction", vars);
    free(hat);
    free(plain);
}

/**
![The first days of the year with $\beta = 0.98$: the uncorrected average
starts at zero and creeps up, the corrected one starts at the first
temperature.](05-bias-correction.svg)

The corrected average starts exactly at the first temperature
($\hat v_1 = (1 - \beta) x_1 / (1 - \beta) = x_1$), is noisy for the
first days — it really averages only the few values seen so far — and
settles as more arrive, while the uncorrected one starts at $0.02\,x_1$ and
after ten days still holds only $1 - 0.98^{10} \approx 18\,\%$ of the
weight it should. Once $\beta^k$ is negligible the two coincide — for
$\beta = 0.98$ not within these 100 days, since $0.98^{100} \approx 0.13$.

The corrected average is not free of lag: it still trails the warming
spring by weeks. The correction fixes the *start*, not the window.

When is the correction needed? When the early values are used. A network's
batch normalization keeps an EMA of activation statistics but uses only its
final value, long after the bias has faded, so it skips the correction;
Adam divides every early step by its averages, so it applies it (Lab 06).

*Question.* Set `start_beta=0.5`. How many days does the uncorrected
average need to come within 1 % of the weight it should have? Compare with
the rule "the last $1/(1-\beta)$ values".

## Exercises

Write the two functions declared in `labs/05-ema/exercise.h`; their doc
comments there are the full assignment. Put your code in
`labs/05-ema/exercise.c`, in place of the stubs.

1. `ema_update(&v, x, beta)` — one step $v \leftarrow \beta v + (1 -
   \beta) x$. Parts 2 and 3 compute every average with it.
2. `ema_bias_corrected(x, k, beta, out)` — the corrected averages
   $v_j / (1 - \beta^j)$ of a whole series. Part 3 draws them.

**How they are checked.** `make grade LAB=05` compiles your `exercise.c`
with the tests in `tests/grade/05-ema.c` and prints a score table (10
points per exercise); each failed test says what it checked, what it
expected, what came back, and a hint. The tests compare your results with
the lecture's values ($v_1 = 0.1\,x_1$, $v_2 = 0.09\,x_1 + 0.1\,x_2$, the
factors 5.26 and 1.000027), with series whose averages are known in closed
form, and with the status codes; some tests are hidden until after the
deadline. Then rerun the lab: the "not implemented yet" notes disappear,
and the numbers and figures should match the reference run.
*/
/* Parameters whose shape the schema cannot express, checked before any
 * output is written (a bad one exits 2 naming the key). */
static void check_parameters(void)
{
    double v[9];
    const size_t nb = opt_lab_list(lab, "betas", v, 9);
    if (nb < 1 || nb > MAX_BETAS)
        opt_lab_bad_param(lab, "betas", "expected 1 to %d values, got %zu", MAX_BETAS, nb);
    if (opt_lab_int(lab, "settle_day") >= opt_lab_int(lab, "days"))
        opt_lab_bad_param(lab, "settle_day", "must come before the last day (%ld)",
                          opt_lab_int(lab, "days"));
    const size_t nc = opt_lab_list(lab, "correction_at", v, 9);
    if (nc < 1 || nc > 8)
        opt_lab_bad_param(lab, "correction_at", "expected 1 to 8 steps, got %zu", nc);
    for (size_t i = 0; i < nc; i++)
        if (v[i] != floor(v[i]))
            opt_lab_bad_param(lab, "correction_at", "steps are whole numbers, got %g", v[i]);
}

int main(int argc, char **argv)
{
    lab = opt_lab_start(&info, argc, argv);
    check_parameters();
    year y;
    make_year(&y);
    opt_lab_section(lab, "1. A noisy year");
    opt_lab_printf(lab, "  %zu days; x_1 = %.2f, x_2 = %.2f, ..., x_%zu = %.2f\n", y.days,
                   y.x[0], y.x[1], y.days, y.x[y.days - 1]);
    the_three_averages(&y);
    correction_factors();
    corrected_start(&y);
    free(y.x);
    free(y.truth);
    free(y.noise);
    return opt_lab_finish(lab);
}
