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
    const double x_norm = opt_norm2(x, n), g_norm = opt_norm2(g, n);
    if (x_norm == 0 || g_norm == 0)
        return 1;
    return trust * x_norm / (g_norm + weight_decay * x_norm);
}

typedef struct {
    double *momentum_buffer;  /* b */
} lars_state;

static const opt_state_buffer buffers[] = {
    OPT_BUFFER(lars_state, momentum_buffer, PER_COORDINATE, NULL,
               "b, momentum of the scaled steps"),
};

static int step(opt_stepper *s, double *x, const double *g, double lr)
{
    const opt_lars_params *p = s->hp;
    double *b = ((lars_state *)s->state)->momentum_buffer;
    for (size_t l = 0; l < s->ngroups; l++) {
        size_t begin, end;
        opt_stepper_group(s, l, &begin, &end);
        const double local_lr = opt_lars_local_lr(x + begin, g + begin, end - begin, p->trust,
                                                  p->weight_decay);
        for (size_t i = begin; i < end; i++) {
            b[i] = p->momentum * b[i] + lr * local_lr * (g[i] + p->weight_decay * x[i]);
            x[i] -= b[i];
        }
    }
    return OPT_OK;
}

const opt_stepper_type opt_lars_type = {
    .name = "lars",
    .doc = "LARS: per-layer lr scaled by trust ||x|| / (||g|| + wd ||x||), with momentum",
    OPT_STEPPER_TABLES(opt_lars_params, defaults, hparams, lars_state, buffers),
    .step = step,
};
const opt_stepper_type *opt_lars = &opt_lars_type;
