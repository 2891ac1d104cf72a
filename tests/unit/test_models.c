/* Models (models.h): logistic regression by hand, its gradient checked,
 * mini-batches and the examples they count; the median (stats.h). */
#include <criterion/criterion.h>
#include <math.h>
#include "models.h"
#include "opt.h"
#include "stats.h"

Test(logistic, loss_by_hand_and_gradient_check)
{
    /* Two examples in D = 2: s = x.w = 1 (label 1) and -1 (label 0). */
    const double X[] = { 1, 0, 0, -1 }, y[] = { 1, 0 };
    opt_logistic L = { .N = 2, .D = 2, .B = 2, .X = X, .y = y, .l2 = 0.5 };
    opt_objective o = opt_logistic_objective(&L);
    double w[] = { 1, 1 }, g[2];
    /* Each example: log(1 + e^{-1}); penalty 0.25 * 2. */
    const double f = opt_eval(&o, w, g);   /* once: the assertion reads it twice */
    cr_assert_float_eq(f, log1p(exp(-1)) + 0.5, 1e-15);
    /* g = (1/2) [(sigma(1) - 1) (1, 0) + sigma(-1) (0, -1)] + 0.5 w */
    const double sig = 1 / (1 + exp(-1.0));
    cr_assert_float_eq(g[0], 0.5 * (sig - 1) + 0.5, 1e-15);
    cr_assert_float_eq(g[1], -0.5 * (1 - sig) + 0.5, 1e-15);
    cr_assert_eq(L.seen, 2, "one full batch: %g", L.seen);
    double err;
    double w2[] = { 0.3, -2 };
    cr_assert_eq(opt_grad_check(&o, w2, 0, &err, NULL), OPT_OK);
    cr_assert_lt(err, 1e-8);
    /* No overflow for huge scores. */
    double big[] = { 1e3, -1e3 };
    cr_assert(isfinite(opt_eval(&o, big, g)));
    cr_assert(isfinite(g[0]) && isfinite(g[1]));
}

Test(logistic, synthetic_data_and_mini_batches)
{
    enum { N = 200, D = 3, B = 5 };
    double X[N * D], y[N], wt[D];
    const double scales[2] = { 0.3, 3 };
    gsl_rng *r = opt_rng_alloc(1, 10);
    cr_assert_eq(opt_logistic_synthetic(r, N, D, scales, X, y, wt), OPT_OK);
    cr_assert_eq(opt_logistic_synthetic(r, 0, D, scales, X, y, wt), OPT_EINVAL);
    double ones = 0;
    for (int i = 0; i < N; i++) {
        cr_assert(y[i] == 0 || y[i] == 1);
        ones += y[i];
    }
    cr_assert(ones > 0 && ones < N, "both labels occur");
    size_t idx[B];
    opt_logistic L = { .N = N, .D = D, .B = B, .X = X, .y = y, .l2 = 1e-3, .batches = r,
                       .idx = idx };
    opt_objective o = opt_logistic_objective(&L);
    double w[D] = { 0 }, g[D];
    /* At w = 0 every example costs log 2, whichever the batch. */
    const double f = opt_eval(&o, w, g);
    cr_assert_float_eq(f, log(2), 1e-15);
    cr_assert_eq(L.seen, B, "%g", L.seen);
    for (int k = 0; k < B; k++)
        cr_assert_lt(idx[k], (size_t)N);
    gsl_rng_free(r);
}

Test(stats, median_of_odd_even_and_empty_samples)
{
    double odd[] = { 3, 1, 2 }, even[] = { 4, 1, 3, 2 };
    cr_assert_eq(opt_median(odd, 3), 2);
    cr_assert_eq(opt_median(even, 4), 2.5);
    cr_assert_eq(even[0], 1, "sorted in place");
    cr_assert(isnan(opt_median(odd, 0)));
}
