/* Status codes, vector kernels and random streams. */
#include <criterion/criterion.h>
#include <float.h>
#include <math.h>
#include <string.h>
#include <gsl/gsl_randist.h>
#include "opt.h"

Test(status, every_code_has_a_phrase)
{
    for (int s = 0; s < OPT_NSTATUS; s++) {
        cr_assert_str_neq(opt_strerror(s), "unknown status", "status %d", s);
        cr_assert_gt(strlen(opt_strerror(s)), 3);
    }
    cr_assert_str_eq(opt_strerror(-1), "unknown status");
    cr_assert_str_eq(opt_strerror(OPT_NSTATUS), "unknown status");
    cr_assert_str_eq(opt_strerror(OPT_ENOTIMPL), "not implemented");
}

Test(vec, dot_axpy_norms)
{
    double a[] = { 1, -2, 3 }, b[] = { 4, 5, -6 };
    cr_assert_eq(opt_dot(a, b, 3), 4 - 10 - 18);
    opt_axpy(2, a, b, 3);
    cr_assert(b[0] == 6 && b[1] == 1 && b[2] == 0);
    double c[] = { 3, 4 };
    cr_assert_eq(opt_norm2(c, 2), 5);
    cr_assert_eq(opt_norm_inf(a, 3), 3);
    cr_assert_eq(opt_norm2(a, 0), 0);
}

Test(vec, norm2_neither_overflows_nor_underflows)
{
    double big[] = { 3e300, 4e300 }, tiny[] = { 3e-300, 4e-300 };
    cr_assert_float_eq(opt_norm2(big, 2), 5e300, 1e286);
    cr_assert_float_eq(opt_norm2(tiny, 2), 5e-300, 1e-314);
}

Test(vec, non_finite_entries_are_seen)
{
    double v[] = { 1, NAN, 2 }, w[] = { 1, INFINITY };
    cr_assert_eq(opt_all_finite(v, 3), 0);
    cr_assert_eq(opt_all_finite(w, 2), 0);
    cr_assert_eq(opt_all_finite(v, 1), 1);
    cr_assert(isnan(opt_norm2(v, 3)));
    cr_assert(isinf(opt_norm2(w, 2)));
}

/* The published first outputs of xoshiro256** from the state {1, 2, 3, 4}
 * (computed here from the reference algorithm's definition by hand:
 * result = rotl(s1 * 5, 7) * 9 with s1 = 2 gives 11520). */
Test(rng, xoshiro_reference_first_output)
{
    gsl_rng *r = opt_rng_alloc(0, 0);
    uint64_t *s = r->state;
    s[0] = 1; s[1] = 2; s[2] = 3; s[3] = 4;
    cr_assert_eq(opt_rng_u64(r), 11520u);
    /* After one step: s = {1 ^ (2^3^1)... } — the second output is
     * rotl(s1 * 5, 7) * 9 with s1 = 2 ^ (3 ^ 1) = 0, i.e. 0. */
    cr_assert_eq(opt_rng_u64(r), 0u);
    gsl_rng_free(r);
}

Test(rng, same_seed_and_stream_same_numbers)
{
    gsl_rng *a = opt_rng_alloc(42, 7), *b = opt_rng_alloc(42, 7);
    for (int i = 0; i < 1000; i++)
        cr_assert_eq(opt_rng_u64(a), opt_rng_u64(b));
    opt_rng_reset(a, 42, 7);
    opt_rng_reset(b, 42, 7);
    cr_assert_eq(gsl_rng_uniform(a), gsl_rng_uniform(b));
    gsl_rng_free(a);
    gsl_rng_free(b);
}

Test(rng, streams_differ)
{
    /* Neighbouring stream ids and seeds must give unrelated sequences. */
    gsl_rng *r[4] = { opt_rng_alloc(1, 0), opt_rng_alloc(1, 1),
                      opt_rng_alloc(2, 0), opt_rng_alloc(0, 1) };
    uint64_t first[4];
    for (int i = 0; i < 4; i++)
        first[i] = opt_rng_u64(r[i]);
    for (int i = 0; i < 4; i++)
        for (int j = i + 1; j < 4; j++)
            cr_assert_neq(first[i], first[j], "streams %d and %d coincide", i, j);
    for (int i = 0; i < 4; i++)
        gsl_rng_free(r[i]);
}

Test(rng, uniform_and_gaussian_moments)
{
    /* 10^6 draws: the mean of U(0,1) within 5 standard errors of 1/2, and
     * the GSL ziggurat normal on our stream has mean 0, variance 1. */
    gsl_rng *r = opt_rng_alloc(123, 0);
    const int N = 1000000;
    double su = 0, sn = 0, sn2 = 0, umin = 1, umax = 0;
    for (int i = 0; i < N; i++) {
        double u = gsl_rng_uniform(r);
        su += u;
        umin = fmin(umin, u);
        umax = fmax(umax, u);
        double z = gsl_ran_gaussian_ziggurat(r, 1.0);
        sn += z;
        sn2 += z * z;
    }
    cr_assert(umin >= 0 && umax < 1);
    cr_assert_lt(fabs(su / N - 0.5), 5 * sqrt(1.0 / 12 / N));
    cr_assert_lt(fabs(sn / N), 5 / sqrt(N));
    cr_assert_lt(fabs(sn2 / N - 1), 5 * sqrt(2.0 / N));
    gsl_rng_free(r);
}
