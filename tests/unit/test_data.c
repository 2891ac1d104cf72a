/* Data sets: drawing, statistics, the Gram and covariance matrices,
 * standardizing and ZCA whitening, against hand-worked values and
 * identities (a whitened set has covariance I). */
#include <criterion/criterion.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "opt.h"
#include "data.h"

Test(data, column_stats_by_hand)
{
    /* Columns {1, 2, 3, 6} (mean 3, variance (4 + 1 + 0 + 9) / 4 = 3.5)
     * and {-1, -1, -1, -1} (mean -1, std 0). */
    const double X[] = { 1, -1, 2, -1, 3, -1, 6, -1 };
    double mean[2], std[2];
    cr_assert_eq(opt_column_stats(X, 4, 2, mean, std), OPT_OK);
    cr_assert_float_eq(mean[0], 3, 1e-15);
    cr_assert_float_eq(std[0], sqrt(3.5), 1e-15);
    cr_assert_eq(mean[1], -1);
    cr_assert_eq(std[1], 0);
    cr_assert(opt_is_constant_column(mean[1], std[1]));
    cr_assert(!opt_is_constant_column(mean[0], std[0]));
    cr_assert(opt_is_constant_column(0, 0), "a zero column is constant");
    cr_assert_eq(opt_column_stats(X, 4, 2, mean, NULL), OPT_OK, "std may be NULL");
}

Test(data, column_stats_two_pass_with_a_large_mean)
{
    /* mean 1e8, deviations +-1: std exactly 1; E[x^2] - E[x]^2 gives garbage. */
    double X[1000];
    for (int i = 0; i < 1000; i++)
        X[i] = 1e8 + (i % 2 ? 1.0 : -1.0);
    double mean, std;
    cr_assert_eq(opt_column_stats(X, 1000, 1, &mean, &std), OPT_OK);
    cr_assert_float_eq(mean, 1e8, 1e-7);
    cr_assert_float_eq(std, 1, 1e-9, "std %.17g", std);
}

Test(data, column_stats_rejects_bad_input)
{
    double X[] = { 1, NAN }, m[2] = { 7, 7 }, s[2] = { 7, 7 };
    cr_assert_eq(opt_column_stats(X, 1, 2, m, s), OPT_EINVAL);
    cr_assert(m[0] == 7 && s[0] == 7, "outputs untouched");
    cr_assert_eq(opt_column_stats(NULL, 1, 2, m, s), OPT_EINVAL);
    cr_assert_eq(opt_column_stats(X, 0, 2, m, s), OPT_EINVAL);
    cr_assert_eq(opt_column_stats(X, 1, 0, m, s), OPT_EINVAL);
    cr_assert_eq(opt_column_stats(X, 1, 1, NULL, s), OPT_EINVAL);
}

Test(data, gram_by_hand)
{
    /* X = [1 2; 3 4; 5 6]: X^T X = [35 44; 44 56], over n = 3. */
    const double X[] = { 1, 2, 3, 4, 5, 6 };
    double G[4] = { NAN, NAN, NAN, NAN };
    cr_assert_eq(opt_gram(X, 3, 2, G), OPT_OK);
    cr_assert_float_eq(G[0], 35.0 / 3, 1e-14);
    cr_assert_float_eq(G[1], 44.0 / 3, 1e-14);
    cr_assert_float_eq(G[2], 44.0 / 3, 1e-14);
    cr_assert_float_eq(G[3], 56.0 / 3, 1e-14);
    double bad[] = { 1, INFINITY };
    cr_assert_eq(opt_gram(bad, 1, 2, G), OPT_EINVAL);
    cr_assert_eq(opt_gram(X, 0, 2, G), OPT_EINVAL);
    cr_assert_eq(opt_gram(X, 3, 2, NULL), OPT_EINVAL);
}

Test(data, uncentred_gram_is_covariance_plus_mean_outer_product)
{
    gsl_rng *r = opt_rng_alloc(5, 0);
    const size_t n = 300, p = 3;
    double X[900], mean[3], std[3], G[9], C[9];
    const double mu[3] = { 10, -4, 0.5 }, cov[9] = { 1, 0, 0, 0.3, 2, 0, -0.2, 0.1, 0.5 };
    cr_assert_eq(opt_gaussian_rows(r, n, p, mu, cov, X), OPT_OK);
    cr_assert_eq(opt_column_stats(X, n, p, mean, std), OPT_OK);
    cr_assert_eq(opt_gram(X, n, p, G), OPT_OK);
    cr_assert_eq(opt_covariance(X, n, p, mean, C), OPT_OK);
    for (size_t i = 0; i < p; i++) {
        cr_assert_float_eq(C[i * p + i], std[i] * std[i], 1e-12);
        for (size_t j = 0; j < p; j++)
            cr_assert_float_eq(G[i * p + j], C[i * p + j] + mean[i] * mean[j], 1e-11,
                               "G[%zu][%zu]", i, j);
    }
    gsl_rng_free(r);
}

Test(data, gaussian_rows_match_their_law_and_repeat)
{
    const size_t n = 20000, p = 2;
    double *X = malloc(n * p * sizeof *X), *Y = malloc(n * p * sizeof *Y);
    const double mu[2] = { 3, -1 }, cov[4] = { 4, 1.2, 1.2, 1 };    /* correlation 0.6 */
    gsl_rng *r = opt_rng_alloc(11, 3);
    cr_assert_eq(opt_gaussian_rows(r, n, p, mu, cov, X), OPT_OK);
    opt_rng_reset(r, 11, 3);
    cr_assert_eq(opt_gaussian_rows(r, n, p, mu, cov, Y), OPT_OK);
    cr_assert(memcmp(X, Y, n * p * sizeof *X) == 0, "same (seed, stream), same rows");
    double mean[2], C[4];
    opt_column_stats(X, n, p, mean, NULL);
    opt_covariance(X, n, p, mean, C);
    /* Standard errors: 2/sqrt(n) = 0.014 for mean[0]; about 0.04 for C[0]. */
    cr_assert_float_eq(mean[0], 3, 0.06);
    cr_assert_float_eq(mean[1], -1, 0.03);
    cr_assert_float_eq(C[0], 4, 0.2);
    cr_assert_float_eq(C[1], 1.2, 0.08);
    cr_assert_float_eq(C[3], 1, 0.05);
    const double not_pd[4] = { 1, 2, 2, 1 };
    cr_assert_eq(opt_gaussian_rows(r, n, p, mu, not_pd, X), OPT_EINVAL);
    cr_assert_eq(opt_gaussian_rows(r, n, p, NULL, cov, X), OPT_OK, "mean NULL is zero");
    gsl_rng_free(r);
    free(X);
    free(Y);
}

Test(data, linear_targets_without_noise_are_exact)
{
    const double X[] = { 1, 2, -3, 0.5 }, beta[] = { 2, -1 };
    double y[2];
    gsl_rng *r = opt_rng_alloc(1, 1);
    cr_assert_eq(opt_linear_targets(r, X, 2, 2, beta, 10, 0, y), OPT_OK);
    cr_assert_eq(y[0], 10 + 2 - 2);
    cr_assert_eq(y[1], 10 - 6 - 0.5);
    cr_assert_eq(opt_linear_targets(r, X, 2, 2, beta, 0, -1, y), OPT_EINVAL);
    cr_assert_eq(opt_linear_targets(r, X, 2, 2, beta, 0, NAN, y), OPT_EINVAL);
    gsl_rng_free(r);
}

Test(data, standardize_apply_gives_mean_zero_std_one)
{
    double X[] = { 1, 100, 2, 300, 3, 200, 6, 400 }, mean[2], std[2];
    cr_assert_eq(opt_column_stats(X, 4, 2, mean, std), OPT_OK);
    cr_assert_eq(opt_standardize_apply(X, 4, 2, mean, std), OPT_OK);
    double m2[2], s2[2];
    opt_column_stats(X, 4, 2, m2, s2);
    for (int j = 0; j < 2; j++) {
        cr_assert_float_eq(m2[j], 0, 1e-15);
        cr_assert_float_eq(s2[j], 1, 1e-15);
    }
    /* A zero std is refused and X is left alone. */
    double Y[] = { 5, 6 }, zero_std[2] = { 1, 0 };
    cr_assert_eq(opt_standardize_apply(Y, 1, 2, mean, zero_std), OPT_EINVAL);
    cr_assert(Y[0] == 5 && Y[1] == 6);
    cr_assert_eq(opt_standardize_apply(Y, 0, 2, mean, std), OPT_OK, "n = 0: nothing to do");
}

Test(data, zca_whitens_to_the_identity)
{
    gsl_rng *r = opt_rng_alloc(7, 0);
    const size_t n = 500, p = 3;
    double X[1500], mean[3], C[9], W[9], C2[9], m2[3];
    const double mu[3] = { 50, 1, -7 }, cov[9] = { 9, 0, 0, 2.5, 1, 0, 0.3, -0.2, 0.5 };
    cr_assert_eq(opt_gaussian_rows(r, n, p, mu, cov, X), OPT_OK);
    opt_column_stats(X, n, p, mean, NULL);
    cr_assert_eq(opt_covariance(X, n, p, mean, C), OPT_OK);
    cr_assert_eq(opt_zca_matrix(C, p, W), OPT_OK);
    for (size_t i = 0; i < p; i++)
        for (size_t j = 0; j < p; j++)
            cr_assert_eq(W[i * p + j], W[j * p + i], "W is symmetric");
    cr_assert_eq(opt_whiten_apply(X, n, p, mean, W), OPT_OK);
    opt_column_stats(X, n, p, m2, NULL);
    opt_covariance(X, n, p, m2, C2);
    for (size_t i = 0; i < p; i++) {
        cr_assert_float_eq(m2[i], 0, 1e-12);
        for (size_t j = 0; j < p; j++)
            cr_assert_float_eq(C2[i * p + j], i == j, 1e-12, "C2[%zu][%zu] = %g", i, j,
                               C2[i * p + j]);
    }
    gsl_rng_free(r);
}

Test(data, zca_refuses_a_singular_covariance)
{
    /* Two identical features: covariance [1 1; 1 1], eigenvalues 0 and 2. */
    const double C[4] = { 1, 1, 1, 1 };
    double W[4] = { 7, 7, 7, 7 };
    cr_assert_eq(opt_zca_matrix(C, 2, W), OPT_EINVAL);
    const double zero[1] = { 0 };
    cr_assert_eq(opt_zca_matrix(zero, 1, W), OPT_EINVAL);
    const double nan[4] = { 1, 0, NAN, 1 };
    cr_assert_eq(opt_zca_matrix(nan, 2, W), OPT_EINVAL);
    const double one[1] = { 4 };
    cr_assert_eq(opt_zca_matrix(one, 1, W), OPT_OK);
    cr_assert_float_eq(W[0], 0.5, 1e-15);
}
