/* lars.c — LARS, layer-wise adaptive rate scaling (You, Gitman & Ginsburg,
 * 2017, "Large batch training of convolutional networks"), Algorithm 1:
 *
 * for each parameter group l (a layer), a local learning rate
 *
 *   lambda_l = trust ||x_l|| / (||g_l|| + weight_decay ||x_l||)
 *
 * (1 when ||x_l|| or ||g_l|| is zero, as in the common implementations),
 * then momentum on the scaled, decayed gradient:
 *
 *   b = momentum b + lr lambda_l (g + weight_decay x)
 *   x = x - b
 *
 * Defaults: trust (the paper's eta) 0.001, momentum 0.9, weight_decay 5e-4,
 * the paper's AlexNet-BN settings.
 */
#include <math.h>
#include <stddef.h>
#include "optim.h"
#include "status.h"
#include "vec.h"

static const opt_lars_params defaults = { 0.9, 5e-4, 1e-3 };

#define HP(field, kind, lo, hi, doc) \
    { #field, offsetof(opt_lars_params, field), kind, lo, hi, doc }
static const opt_hparam hparams[] = {
    HP(momentum, OPT_HP_DOUBLE, 0, 1, "momentum factor"),
    HP(weight_decay, OPT_HP_DOUBLE, 0, 1e6, "weight decay beta"),
    HP(trust, OPT_HP_DOUBLE, 0, 1e6, "trust coefficient eta of the local learning rate"),
};
#undef HP

double opt_lars_local_lr(const double *x, const double *g, size_t n, double trust,
                         double weight_decay)
{
    const double xn = opt_norm2(x, n), gn = opt_norm2(g, n);
    if (xn == 0 || gn == 0)
        return 1;
    return trust * xn / (gn + weight_decay * xn);
}

static size_t state_size(size_t n, const void *hp)
{
    (void)hp;
    return n * sizeof(double);
}

static int step(opt_stepper *s, double *x, const double *g, double lr)
{
    const opt_lars_params *p = s->hp;
    double *b = s->state;
    for (size_t l = 0; l < s->ngroups; l++) {
        size_t lo, hi;
        opt_stepper_group(s, l, &lo, &hi);
        const double local = opt_lars_local_lr(x + lo, g + lo, hi - lo, p->trust,
                                               p->weight_decay);
        for (size_t i = lo; i < hi; i++) {
            b[i] = p->momentum * b[i] + lr * local * (g[i] + p->weight_decay * x[i]);
            x[i] -= b[i];
        }
    }
    return OPT_OK;
}

const opt_stepper_type opt_lars_type = {
    "lars", "LARS: per-layer lr scaled by trust ||x|| / (||g|| + wd ||x||), with momentum",
    sizeof(opt_lars_params), &defaults, hparams, sizeof hparams / sizeof *hparams,
    state_size, NULL, step, NULL
};
const opt_stepper_type *opt_lars = &opt_lars_type;
