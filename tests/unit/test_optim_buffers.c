/* The steppers' state by name (opt_stepper_buffer): which buffers each
 * method keeps, their lengths, and their values after a step worked out by
 * hand from the method's formula. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdint.h>
#include <string.h>
#include "opt.h"

/* One step of s on x = (1, -1, 2) with the gradient g = x. */
static void one_step(opt_stepper *s)
{
    double x[] = { 1, -1, 2 }, g[] = { 1, -1, 2 };
    cr_assert_eq(opt_stepper_step(s, x, g, 0.1), OPT_OK, "%s", s->type->name);
}

Test(buffers, every_declared_buffer_is_there_or_null_as_declared)
{
    for (const opt_stepper_type *const *T = opt_stepper_types(); *T; T++) {
        opt_stepper *s = *T == opt_lookahead
            ? opt_lookahead_alloc(opt_stepper_alloc(opt_sgd, 3, NULL), 5, 0.5)
            : opt_stepper_alloc(*T, 3, NULL);
        cr_assert_not_null(s, "%s", (*T)->name);
        for (size_t k = 0; k < (*T)->buffer_count; k++) {
            const opt_state_buffer *d = &(*T)->buffers[k];
            for (size_t j = 0; j < k; j++)
                cr_assert_str_neq((*T)->buffers[j].name, d->name, "%s: two buffers called %s",
                                  (*T)->name, d->name);
            cr_assert(d->kept_if == NULL || opt_stepper_hparam(*T, d->kept_if),
                      "%s.%s: kept_if names no hyper-parameter", (*T)->name, d->name);
            const double *b = opt_stepper_buffer(s, d->name);
            size_t len = opt_stepper_buffer_length(s, d->name);
            cr_assert_eq(b == NULL, len == 0, "%s.%s", (*T)->name, d->name);
            if (!d->kept_if)
                cr_assert_not_null(b, "%s.%s is always kept", (*T)->name, d->name);
            cr_assert_eq(len, !b ? 0 : d->extent == OPT_BUFFER_PER_COORDINATE ? 3 : 1,
                         "%s.%s: length %zu", (*T)->name, d->name, len);
        }
        cr_assert_null(opt_stepper_buffer(s, "no such buffer"), "%s", (*T)->name);
        cr_assert_eq(opt_stepper_buffer_length(s, "no such buffer"), 0);
        one_step(s);    /* the buffers are written where the accessor says */
        opt_stepper_free(s);
    }
}

Test(buffers, gradient_descent_keeps_none)
{
    opt_stepper *s = opt_stepper_alloc(opt_gd, 2, NULL);
    cr_assert_null(opt_stepper_buffer(s, "momentum_buffer"));
    cr_assert_null(opt_stepper_buffer(NULL, "momentum_buffer"));
    cr_assert_null(opt_stepper_buffer(s, NULL));
    opt_stepper_free(s);
}

Test(buffers, sgd_momentum_buffer_only_with_momentum)
{
    opt_stepper *plain = opt_stepper_alloc(opt_sgd, 3, NULL);
    cr_assert_null(opt_stepper_buffer(plain, "momentum_buffer"));
    opt_stepper_free(plain);

    opt_sgd_params p = { .momentum = 0.9 };
    opt_stepper *s = opt_stepper_alloc(opt_sgd, 3, &p);
    one_step(s);
    /* the first buffer is the gradient */
    const double *b = opt_stepper_buffer(s, "momentum_buffer");
    cr_assert_not_null(b);
    cr_assert(b[0] == 1 && b[1] == -1 && b[2] == 2);
    opt_stepper_free(s);
}

Test(buffers, adam_moments_and_amsgrad_maximum)
{
    opt_stepper *s = opt_stepper_alloc(opt_adam, 3, NULL);
    cr_assert_null(opt_stepper_buffer(s, "max_exp_avg_sq"), "no maximum without amsgrad");
    one_step(s);
    const double *m = opt_stepper_buffer(s, "exp_avg"), *v = opt_stepper_buffer(s, "exp_avg_sq");
    const double g[] = { 1, -1, 2 };
    for (int i = 0; i < 3; i++) {
        cr_assert_float_eq(m[i], (1 - 0.9) * g[i], 1e-17);
        cr_assert_float_eq(v[i], (1 - 0.999) * g[i] * g[i], 1e-17);
    }
    opt_stepper_free(s);

    opt_adam_params p = *(const opt_adam_params *)opt_adam->hp_default;
    p.amsgrad = 1;
    s = opt_stepper_alloc(opt_adam, 3, &p);
    one_step(s);
    const double *vmax = opt_stepper_buffer(s, "max_exp_avg_sq");
    cr_assert_not_null(vmax);
    cr_assert_eq(memcmp(vmax, opt_stepper_buffer(s, "exp_avg_sq"), 3 * sizeof *vmax), 0);
    opt_stepper_free(s);
}

Test(buffers, rmsprop_keeps_what_its_options_need)
{
    opt_rmsprop_params p = *(const opt_rmsprop_params *)opt_rmsprop->hp_default;
    p.centered = 1;
    opt_stepper *s = opt_stepper_alloc(opt_rmsprop, 3, &p);
    cr_assert_null(opt_stepper_buffer(s, "momentum_buffer"));
    one_step(s);
    /* a = (1 - alpha) g, v = (1 - alpha) g^2 */
    const double *a = opt_stepper_buffer(s, "grad_avg");
    cr_assert_not_null(a);
    cr_assert_float_eq(a[2], (1 - 0.99) * 2, 1e-17);
    cr_assert_float_eq(opt_stepper_buffer(s, "square_avg")[2], (1 - 0.99) * 4, 1e-17);
    opt_stepper_free(s);
}

Test(buffers, adagrad_sum_starts_at_the_initial_value_after_reset)
{
    opt_adagrad_params p = *(const opt_adagrad_params *)opt_adagrad->hp_default;
    p.initial_accumulator_value = 0.5;
    opt_stepper *s = opt_stepper_alloc(opt_adagrad, 3, &p);
    one_step(s);
    cr_assert_float_eq(opt_stepper_buffer(s, "sum")[2], 0.5 + 4, 1e-15);
    cr_assert_eq(opt_stepper_reset(s), OPT_OK);
    cr_assert_eq(opt_stepper_buffer(s, "sum")[2], 0.5);
    opt_stepper_free(s);
}

Test(buffers, nadam_mu_product_is_a_scalar)
{
    opt_stepper *s = opt_stepper_alloc(opt_nadam, 3, NULL);
    cr_assert_eq(opt_stepper_buffer_length(s, "mu_product"), 1);
    cr_assert_eq(*opt_stepper_buffer(s, "mu_product"), 1);
    one_step(s);
    const double mu1 = 0.9 * (1 - 0.5 * pow(0.96, 4e-3));
    cr_assert_float_eq(*opt_stepper_buffer(s, "mu_product"), mu1, 1e-16);
    opt_stepper_free(s);
}

Test(buffers, novograd_second_moment_per_group)
{
    opt_stepper *s = opt_stepper_alloc(opt_novograd, 3, NULL);
    size_t sizes[] = { 2, 1 };
    cr_assert_eq(opt_stepper_set_groups(s, sizes, 2), OPT_OK);
    cr_assert_eq(opt_stepper_buffer_length(s, "exp_avg_sq"), 2);
    cr_assert_eq(opt_stepper_buffer_length(s, "exp_avg"), 3);
    one_step(s);
    const double *v = opt_stepper_buffer(s, "exp_avg_sq");
    cr_assert_float_eq(v[0], 2, 1e-15);   /* ||(1, -1)||^2 */
    cr_assert_float_eq(v[1], 4, 1e-15);   /* ||(2)||^2 */
    opt_stepper_free(s);
}

Test(buffers, lookahead_slow_weights_start_at_x)
{
    opt_stepper *s = opt_lookahead_alloc(opt_stepper_alloc(opt_gd, 3, NULL), 5, 0.5);
    one_step(s);
    const double *phi = opt_stepper_buffer(s, "slow_weights");
    cr_assert(phi[0] == 1 && phi[1] == -1 && phi[2] == 2);
    opt_stepper_free(s);
}

Test(buffers, a_velocity_written_in_is_the_one_stepped)
{
    /* momentum-classic from v = (1, 1, 1): v = 0.5 v - 0.1 g, x += v */
    opt_momentum_params p = { 0.5 };
    opt_stepper *s = opt_stepper_alloc(opt_momentum_classic, 3, &p);
    double *v = opt_stepper_buffer_writable(s, "velocity");
    for (int i = 0; i < 3; i++)
        v[i] = 1;
    double x[] = { 1, -1, 2 }, g[] = { 1, -1, 2 };
    cr_assert_eq(opt_stepper_step(s, x, g, 0.1), OPT_OK);
    cr_assert_float_eq(opt_stepper_buffer(s, "velocity")[1], 0.5 + 0.1, 1e-15);
    cr_assert_float_eq(x[1], -1 + 0.6, 1e-15);
    opt_stepper_free(s);
}

Test(buffers, buffers_start_on_a_cache_line)
{
    opt_stepper *s = opt_stepper_alloc(opt_adam, 5, NULL);
    cr_assert_eq((uintptr_t)opt_stepper_buffer(s, "exp_avg") % 64, 0);
    opt_stepper_free(s);
}
