/* First-order steppers: the first three steps against numbers worked out
 * by hand from each method's formula, for the gradient sequence 1, 2, 3
 * (fed directly, so the arithmetic stays readable) from x0 = 1. */
#include <criterion/criterion.h>
#include <math.h>
#include "opt.h"

static const double G[3] = { 1, 2, 3 };

/* Runs three steps of T (hyper-parameters hp, NULL = defaults) at learning
 * rate lr and checks x after each against want[]. */
static void three_steps(const opt_stepper_type *T, const void *hp, double lr,
                        const double *grads, const double want[3], double tol)
{
    opt_stepper *s = opt_stepper_alloc(T, 1, hp);
    cr_assert_not_null(s, "%s: alloc", T->name);
    double x = 1;
    for (int k = 0; k < 3; k++) {
        cr_assert_eq(opt_stepper_step(s, &x, &grads[k], lr), OPT_OK);
        cr_assert_float_eq(x, want[k], tol, "%s step %d: expected %.17g, got %.17g",
                           T->name, k + 1, want[k], x);
    }
    opt_stepper_free(s);
}

Test(sgd, plain_equals_gd)
{
    three_steps(opt_sgd, NULL, 0.1, G, (double[]){ 0.9, 0.7, 0.4 }, 1e-15);
}

Test(sgd, momentum_first_buffer_is_the_gradient)
{
    /* b1 = 1, b2 = 0.9 + 2 = 2.9, b3 = 2.61 + 3 = 5.61 */
    opt_sgd_params p = { .momentum = 0.9 };
    three_steps(opt_sgd, &p, 0.1, G, (double[]){ 0.9, 0.61, 0.049 }, 1e-15);
}

Test(sgd, dampening_skips_the_first_step)
{
    /* b1 = 1 (no dampening on the first step), b2 = 0.9 + 0.5 * 2 = 1.9,
     * b3 = 1.71 + 1.5 = 3.21 */
    opt_sgd_params p = { .momentum = 0.9, .dampening = 0.5 };
    three_steps(opt_sgd, &p, 0.1, G, (double[]){ 0.9, 0.71, 0.389 }, 1e-15);
}

Test(sgd, nesterov)
{
    /* d = g + 0.9 b: 1.9, 2 + 0.9 * 2.9 = 4.61, 3 + 0.9 * 5.61 = 8.049 */
    opt_sgd_params p = { .momentum = 0.9, .nesterov = 1 };
    three_steps(opt_sgd, &p, 0.1, G, (double[]){ 0.81, 0.349, -0.4559 }, 1e-15);
    opt_sgd_params bad = { .momentum = 0, .nesterov = 1 };
    cr_assert_null(opt_stepper_alloc(opt_sgd, 1, &bad), "nesterov without momentum");
}

Test(sgd, weight_decay)
{
    /* d = g + 0.1 x: 1.1, 2 + 0.089 = 2.089, 3 + 0.06811 = 3.06811 */
    opt_sgd_params p = { .weight_decay = 0.1 };
    three_steps(opt_sgd, &p, 0.1, G, (double[]){ 0.89, 0.6811, 0.374289 }, 1e-15);
}

Test(sgd, hyperparameters_by_name)
{
    opt_sgd_params p = *(const opt_sgd_params *)opt_sgd->hp_default;
    cr_assert_eq(opt_stepper_hp_set(opt_sgd, &p, "momentum", 0.5), OPT_OK);
    cr_assert_eq(p.momentum, 0.5);
    cr_assert_eq(opt_stepper_hp_set(opt_sgd, &p, "nesterov", 1), OPT_OK);
    cr_assert_eq(p.nesterov, 1);
    cr_assert_eq(opt_stepper_hp_set(opt_sgd, &p, "nesterov", 0.5), OPT_EINVAL);
    cr_assert_eq(opt_stepper_hp_set(opt_sgd, &p, "momentum", 1.5), OPT_EINVAL);
    cr_assert_eq(opt_stepper_hp_set(opt_sgd, &p, "momentun", 0.5), OPT_EINVAL);
    cr_assert_eq(opt_stepper_hp_get(opt_sgd, &p, opt_stepper_hparam(opt_sgd, "momentum")), 0.5);
}

Test(adagrad, accumulates_squares)
{
    /* G = 1, 5, 14: steps 0.1 * (1/1, 2/sqrt 5, 3/sqrt 14) */
    double x1 = 1 - 0.1, x2 = x1 - 0.1 * 2 / sqrt(5), x3 = x2 - 0.1 * 3 / sqrt(14);
    three_steps(opt_adagrad, NULL, 0.1, G, (double[]){ x1, x2, x3 }, 1e-9);
    /* lr_decay 0.5: clr = 0.1, 0.1 / 1.5, 0.1 / 2 */
    opt_adagrad_params p = { .lr_decay = 0.5, .eps = 1e-10 };
    x1 = 1 - 0.1;
    x2 = x1 - 0.1 / 1.5 * 2 / sqrt(5);
    x3 = x2 - 0.05 * 3 / sqrt(14);
    three_steps(opt_adagrad, &p, 0.1, G, (double[]){ x1, x2, x3 }, 1e-9);
    /* initial accumulator 1: G = 2, 6, 15 */
    opt_adagrad_params q = { .initial_accumulator_value = 1, .eps = 1e-10 };
    x1 = 1 - 0.1 / sqrt(2);
    x2 = x1 - 0.2 / sqrt(6);
    x3 = x2 - 0.3 / sqrt(15);
    three_steps(opt_adagrad, &q, 0.1, G, (double[]){ x1, x2, x3 }, 1e-9);
}

Test(rmsprop, plain_centered_momentum)
{
    /* v = 0.01, 0.0099 + 0.04 = 0.0499, 0.049401 + 0.09 = 0.139401 */
    double v[] = { 0.01, 0.0499, 0.139401 }, want[3], x = 1;
    for (int k = 0; k < 3; k++)
        want[k] = x = x - 0.01 * G[k] / (sqrt(v[k]) + 1e-8);
    three_steps(opt_rmsprop, NULL, 0.01, G, want, 1e-14);

    /* centered: a = 0.01, 0.0099 + 0.02 = 0.0299, 0.029601 + 0.03 = 0.059601 */
    double a[] = { 0.01, 0.0299, 0.059601 };
    x = 1;
    for (int k = 0; k < 3; k++)
        want[k] = x = x - 0.01 * G[k] / (sqrt(v[k] - a[k] * a[k]) + 1e-8);
    opt_rmsprop_params c = { .alpha = 0.99, .eps = 1e-8, .centered = 1 };
    three_steps(opt_rmsprop, &c, 0.01, G, want, 1e-13);

    /* momentum 0.5: b = g/d accumulated */
    double b = 0;
    x = 1;
    for (int k = 0; k < 3; k++) {
        b = 0.5 * b + G[k] / (sqrt(v[k]) + 1e-8);
        want[k] = x = x - 0.01 * b;
    }
    opt_rmsprop_params m = { .alpha = 0.99, .eps = 1e-8, .momentum = 0.5 };
    three_steps(opt_rmsprop, &m, 0.01, G, want, 1e-13);
}

/* Adam as the paper writes it (Kingma & Ba, Algorithm 1): bias-corrected
 * moments m^ = m / (1 - b1^t), v^ = v / (1 - b2^t), step lr m^ / (sqrt(v^) + eps). */
static void adam_paper(const double *g, int steps, double lr, double b1, double b2,
                       double eps, int amsgrad, double *want)
{
    double m = 0, v = 0, vmax = 0, x = 1;
    for (int t = 1; t <= steps; t++) {
        m = b1 * m + (1 - b1) * g[t - 1];
        v = b2 * v + (1 - b2) * g[t - 1] * g[t - 1];
        vmax = fmax(vmax, v);
        double mhat = m / (1 - pow(b1, t));
        double vhat = (amsgrad ? vmax : v) / (1 - pow(b2, t));
        want[t - 1] = x = x - lr * mhat / (sqrt(vhat) + eps);
    }
}

Test(adam, first_step_is_lr_times_sign)
{
    /* m^ = g and v^ = g^2 at t = 1, so the first step is lr g/(|g| + eps). */
    opt_stepper *s = opt_stepper_alloc(opt_adam, 1, NULL);
    double x = 1, g = -250;
    opt_stepper_step(s, &x, &g, 0.1);
    /* 1 + 0.1 * 250 / (250 + 1e-8) = 1.1 - 4e-12 */
    cr_assert_float_eq(x, 1.1 - 4e-12, 1e-15);
    opt_stepper_free(s);
}

Test(adam, three_steps_by_hand_and_paper)
{
    /* t = 2 by hand: m = 0.29, v = 0.004999, m^ = 0.29/0.19, v^ = 0.004999/0.001999 */
    double x1 = 1 - 0.1 / (1 + 1e-8);
    double x2 = x1 - 0.1 * (0.29 / 0.19) / (sqrt(0.004999 / 0.001999) + 1e-8);
    double want[3];
    adam_paper(G, 3, 0.1, 0.9, 0.999, 1e-8, 0, want);
    cr_assert_float_eq(want[0], x1, 1e-15);
    cr_assert_float_eq(want[1], x2, 1e-14);
    three_steps(opt_adam, NULL, 0.1, G, want, 1e-14);
}

Test(adam, amsgrad_keeps_the_largest_second_moment)
{
    /* beta2 = 0.5 so that v falls: v = 4.5, 2.75, 1.875 while vmax stays 4.5 */
    const double g[] = { 3, 1, 1 };
    double want[3], plain[3];
    adam_paper(g, 3, 0.1, 0.9, 0.5, 1e-8, 1, want);
    adam_paper(g, 3, 0.1, 0.9, 0.5, 1e-8, 0, plain);
    cr_assert_gt(fabs(want[1] - plain[1]), 1e-3);
    opt_adam_params p = { 0.9, 0.5, 1e-8, 0, 1, 0 };
    three_steps(opt_adam, &p, 0.1, g, want, 1e-14);
}

Test(adam, l2_versus_decoupled_weight_decay)
{
    /* Adam with weight_decay 0.1: the gradient becomes g + 0.1 x before the
     * moments; at t = 1 the step is still lr sign(g + 0.1 x) = 0.1. */
    opt_adam_params l2 = { 0.9, 0.999, 1e-8, 0.1, 0, 0 };
    opt_stepper *s = opt_stepper_alloc(opt_adam, 1, &l2);
    double x = 1, g = 1;
    opt_stepper_step(s, &x, &g, 0.1);
    cr_assert_float_eq(x, 0.9, 1e-8);
    opt_stepper_free(s);
    /* AdamW: x <- x (1 - lr wd) first, then the Adam step: 1 * 0.99 - 0.1. */
    s = opt_stepper_alloc(opt_adamw, 1, NULL);
    cr_assert_eq(((opt_adam_params *)s->hp)->weight_decay, 1e-2);
    x = 1;
    opt_stepper_step(s, &x, &g, 0.1);
    cr_assert_float_eq(x, 1 * (1 - 0.1 * 0.01) - 0.1 / (1 + 1e-8), 1e-15);
    opt_stepper_free(s);
}

Test(steppers, every_registered_type_is_consistent)
{
    const opt_stepper_type *const *all = opt_stepper_types();
    int count = 0;
    for (; all[count]; count++) {
        const opt_stepper_type *T = all[count];
        cr_assert_eq(opt_stepper_lookup(T->name), T);
        for (size_t h = 0; h < T->hp_count; h++) {
            const opt_hparam *d = &T->hparams[h];
            cr_assert_eq(opt_stepper_hparam(T, d->name), d);
            double def = opt_stepper_hp_get(T, T->hp_default, d);
            cr_assert(def >= d->min && def <= d->max, "%s.%s default %g outside [%g, %g]",
                      T->name, d->name, def, d->min, d->max);
        }
        /* One step of every method on a 3-vector moves it downhill. */
        opt_stepper *s = T == opt_lookahead
            ? opt_lookahead_alloc(opt_stepper_alloc(opt_sgd, 3, NULL), 5, 0.5)
            : opt_stepper_alloc(T, 3, NULL);
        cr_assert_not_null(s, "%s", T->name);
        double x[] = { 1, -1, 2 }, g[] = { 1, -1, 2 };
        cr_assert_eq(opt_stepper_step(s, x, g, 1e-3), OPT_OK);
        cr_assert(x[0] < 1 && x[1] > -1 && x[2] < 2, "%s", T->name);
        opt_stepper_free(s);
    }
    cr_assert_geq(count, 14);
}

Test(momentum, three_formulations_give_the_same_iterates)
{
    /* On 4x^2 + y^2 from (1, 1): "momentum" (rho, lr), "momentum-classic"
     * (rho, lr) and "momentum-ema" (beta = rho, lr / (1 - rho)) and SGD
     * (momentum = rho, lr) agree to rounding for 50 steps. */
    const opt_problem *p = opt_problem_lookup("quadratic");
    opt_objective o = opt_problem_objective(p);
    const double rho = 0.6, lr = 0.02;
    opt_momentum_params mp = { rho };
    opt_sgd_params sp = { .momentum = rho };
    opt_stepper *s[4] = {
        opt_stepper_alloc(opt_momentum, 2, &mp), opt_stepper_alloc(opt_momentum_classic, 2, &mp),
        opt_stepper_alloc(opt_momentum_ema, 2, &mp), opt_stepper_alloc(opt_sgd, 2, &sp),
    };
    const double rates[4] = { lr, lr, lr / (1 - rho), lr };
    double x[4][2], g[2];
    for (int j = 0; j < 4; j++)
        x[j][0] = x[j][1] = 1;
    for (int k = 0; k < 50; k++)
        for (int j = 0; j < 4; j++) {
            opt_eval(&o, x[j], g);
            opt_stepper_step(s[j], x[j], g, rates[j]);
        }
    for (int j = 1; j < 4; j++)
        for (int i = 0; i < 2; i++)
            cr_assert_float_eq(x[j][i], x[0][i], 1e-14 * fmax(1, fabs(x[0][i])),
                               "formulation %d coordinate %d: %.17g vs %.17g", j, i, x[j][i], x[0][i]);
    cr_assert_lt(fabs(x[0][0]), 0.1);  /* and it did move */
    for (int j = 0; j < 4; j++)
        opt_stepper_free(s[j]);
}

Test(radam, rho_t_and_rectification)
{
    /* beta2 = 0.999: rho_inf = 1999, rho_1 = 1999 - 2 * 0.999 / 0.001 = 1 */
    cr_assert_float_eq(opt_radam_rho(0.999, 1), 1, 1e-9);
    /* rho_2 = 1999 - 4 * 0.998001 / 0.001999 */
    cr_assert_float_eq(opt_radam_rho(0.999, 2), 1999 - 4 * 0.998001 / 0.001999, 1e-9);
    /* rho_t grows by about one a step at first: the threshold 5 is first
     * passed at t = 6 */
    cr_assert_lt(opt_radam_rho(0.999, 5), 5);
    cr_assert_gt(opt_radam_rho(0.999, 6), 5);
    /* r_t -> 1 as rho_t -> rho_inf */
    cr_assert_float_eq(opt_radam_rectification(0.999, 1000000), 1, 1e-9);
    double r6 = opt_radam_rho(0.999, 6), inf = 1999;
    cr_assert_float_eq(opt_radam_rectification(0.999, 6),
                       sqrt((r6 - 4) * (r6 - 2) * inf / ((inf - 4) * (inf - 2) * r6)), 1e-15);
}

Test(radam, first_steps_are_bias_corrected_momentum)
{
    /* m^ = 1, 0.29 / 0.19, 0.561 / 0.271 and no adaptive scaling yet */
    double x1 = 1 - 0.1, x2 = x1 - 0.1 * 0.29 / 0.19, x3 = x2 - 0.1 * 0.561 / 0.271;
    three_steps(opt_radam, NULL, 0.1, G, (double[]){ x1, x2, x3 }, 1e-14);
    /* threshold 0: rectified (and adaptive) from the first step when rho_t > 0 */
    opt_radam_params p = { 0.9, 0.999, 1e-8, 0, 0, 0 };
    opt_stepper *s = opt_stepper_alloc(opt_radam, 1, &p);
    double x = 1, g = 2;
    opt_stepper_step(s, &x, &g, 0.1);
    /* t = 1: m^ = 2, sqrt(1 - beta2) / sqrt(v) = 1 / 2, so the step is
     * 0.1 * r_1, with rho_1 = 1: r_1 = sqrt(3 * 1 * 1999 / (1995 * 1997 * 1)) */
    double r1 = sqrt((1 - 4) * (1 - 2) * 1999.0 / (1995.0 * 1997.0 * 1));
    cr_assert_float_eq(x, 1 - 0.1 * 2 * (sqrt(0.001) / (sqrt(0.004) + 1e-8)) * r1, 1e-15);
    opt_stepper_free(s);
}

/* NAdam by hand: mu_t = 0.9 (1 - 0.5 * 0.96^(0.004 t)); the look-ahead
 * product is mu_1..mu_{t+1} (paper) or mu_1..mu_t * mu_t * mu_{t+1}
 * (PyTorch 1.13). */
static void nadam_by_hand(int paper, double *want)
{
    double mu[5], x = 1, m = 0, v = 0, prod = 1;
    for (int t = 1; t <= 4; t++)
        mu[t] = 0.9 * (1 - 0.5 * pow(0.96, 0.004 * t));
    for (int t = 1; t <= 3; t++) {
        double g = G[t - 1];
        m = 0.9 * m + 0.1 * g;
        v = 0.999 * v + 0.001 * g * g;
        prod *= mu[t];
        double next = paper ? prod * mu[t + 1] : prod * mu[t] * mu[t + 1];
        double d = sqrt(v / (1 - pow(0.999, t))) + 1e-8;
        x -= 0.1 * (1 - mu[t]) / (1 - prod) * g / d;
        x -= 0.1 * mu[t + 1] / (1 - next) * m / d;
        want[t - 1] = x;
    }
}

Test(nadam, three_steps_by_hand_pytorch_113_and_paper)
{
    double want[3], paper[3];
    nadam_by_hand(0, want);
    three_steps(opt_nadam, NULL, 0.1, G, want, 1e-14);
    nadam_by_hand(1, paper);
    cr_assert_gt(fabs(paper[0] - want[0]), 1e-4, "the two look-ahead products differ at once");
    opt_nadam_params p = *(const opt_nadam_params *)opt_nadam->hp_default;
    p.paper_mu_product = 1;
    three_steps(opt_nadam, &p, 0.1, G, paper, 1e-14);
}

Test(novograd, per_group_second_moment)
{
    /* Two groups {x0, x1} and {x2}; gradients (3, 4 | 2), then (0, 1 | 1). */
    opt_stepper *s = opt_stepper_alloc(opt_novograd, 3, NULL);
    size_t sizes[] = { 2, 1 };
    cr_assert_eq(opt_stepper_set_groups(s, sizes, 2), OPT_OK);
    double x[] = { 1, 1, 1 };
    double g1[] = { 3, 4, 2 }, g2[] = { 0, 1, 1 };
    opt_stepper_step(s, x, g1, 0.1);
    /* t = 1: v = ||g||^2 = 25 and 4; m = g / (sqrt v + eps) */
    double d1 = 5 + 1e-8, d2 = 2 + 1e-8;
    double m[] = { 3 / d1, 4 / d1, 2 / d2 };
    cr_assert_float_eq(x[0], 1 - 0.1 * m[0], 1e-15);
    cr_assert_float_eq(x[1], 1 - 0.1 * m[1], 1e-15);
    cr_assert_float_eq(x[2], 1 - 0.1 * m[2], 1e-15);
    double x0[] = { x[0], x[1], x[2] };
    opt_stepper_step(s, x, g2, 0.1);
    /* t = 2: v = 0.98 * 25 + 0.02 * 1 = 24.52 and 0.98 * 4 + 0.02 = 3.94 */
    double e1 = sqrt(24.52) + 1e-8, e2 = sqrt(3.94) + 1e-8;
    cr_assert_float_eq(x[0], x0[0] - 0.1 * (0.95 * m[0] + 0 / e1), 1e-15);
    cr_assert_float_eq(x[1], x0[1] - 0.1 * (0.95 * m[1] + 1 / e1), 1e-15);
    cr_assert_float_eq(x[2], x0[2] - 0.1 * (0.95 * m[2] + 1 / e2), 1e-15);
    opt_stepper_free(s);
}

Test(lars, local_learning_rate_per_layer)
{
    /* ||x|| = 5, ||g|| = 10 (first layer): lambda = 0.001 * 5 / (10 + 5e-4 * 5) */
    double x[] = { 3, 4, 1 }, g[] = { 6, 8, 0 };
    double lam = 0.001 * 5 / (10 + 5e-4 * 5);
    cr_assert_float_eq(opt_lars_local_lr(x, g, 2, 1e-3, 5e-4), lam, 1e-18);
    /* a zero gradient gives lambda = 1 */
    cr_assert_eq(opt_lars_local_lr(x + 2, g + 2, 1, 1e-3, 5e-4), 1);
    opt_stepper *s = opt_stepper_alloc(opt_lars, 3, NULL);
    size_t sizes[] = { 2, 1 };
    opt_stepper_set_groups(s, sizes, 2);
    opt_stepper_step(s, x, g, 0.1);
    cr_assert_float_eq(x[0], 3 - 0.1 * lam * (6 + 5e-4 * 3), 1e-15);
    cr_assert_float_eq(x[1], 4 - 0.1 * lam * (8 + 5e-4 * 4), 1e-15);
    /* second layer: lambda = 1, only the weight decay acts */
    cr_assert_float_eq(x[2], 1 - 0.1 * (0 + 5e-4 * 1), 1e-15);
    opt_stepper_free(s);
}

Test(lookahead, slow_weights_every_k_steps)
{
    /* Inner GD with lr 0.1 on the gradient sequence 1, 2, 3, 4 (fed
     * directly), k = 2, alpha = 0.5: fast 1 -> 0.9 -> 0.7, sync to
     * phi = 1 + 0.5 (0.7 - 1) = 0.85; fast 0.85 -> 0.55 -> 0.15, sync to
     * 0.85 + 0.5 (0.15 - 0.85) = 0.5. */
    opt_stepper *s = opt_lookahead_alloc(opt_stepper_alloc(opt_gd, 1, NULL), 2, 0.5);
    double x = 1, g[] = { 1, 2, 3, 4 }, want[] = { 0.9, 0.85, 0.55, 0.5 };
    for (int k = 0; k < 4; k++) {
        opt_stepper_step(s, &x, &g[k], 0.1);
        cr_assert_float_eq(x, want[k], 1e-15, "step %d: %.17g", k + 1, x);
    }
    opt_stepper_free(s);
    cr_assert_null(opt_lookahead_alloc(opt_stepper_alloc(opt_gd, 1, NULL), 0, 0.5));
}
