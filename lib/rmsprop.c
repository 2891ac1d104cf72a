/* rmsprop.c — RMSProp (Hinton's lecture 6e, 2012), plain, centered (Graves,
 * 2013) and with momentum, as torch.optim.RMSprop (PyTorch 1.13):
 *
 *   g = g + weight_decay x
 *   v = alpha v + (1 - alpha) g^2
 *   centered:  a = alpha a + (1 - alpha) g;  d = sqrt(v - a^2) + eps
 *   otherwise: d = sqrt(v) + eps
 *   momentum > 0:  b = momentum b + g / d;  x = x - lr b
 *   otherwise:     x = x - lr g / d
 *
 * Unlike AdaGrad's sum, the leaky average v forgets old gradients, so the
 * step does not decay to zero.
 */
#include <math.h>
#include <stddef.h>
#include "optim.h"
#include "status.h"

static const opt_rmsprop_params defaults = { 0.99, 1e-8, 0, 0, 0, 0 };

#define HP(field, kind, lo, hi, doc) \
    { #field, offsetof(opt_rmsprop_params, field), kind, lo, hi, doc }
static const opt_hparam hparams[] = {
    HP(alpha, OPT_HP_DOUBLE, 0, 1, "decay of the average of squared gradients"),
    HP(eps, OPT_HP_DOUBLE, 0, 1, "added to the denominator"),
    HP(weight_decay, OPT_HP_DOUBLE, 0, 1e6, "L2 penalty added to the gradient"),
    HP(momentum, OPT_HP_DOUBLE, 0, 1, "momentum on the scaled step (0: none)"),
    HP(centered, OPT_HP_BOOL, 0, 1, "divide by the estimated variance instead of the second moment"),
    HP(maximize, OPT_HP_BOOL, 0, 1, "ascend instead of descend"),
};
#undef HP

/* v, then the momentum buffer b and the gradient average a when used. */
static size_t state_size(size_t n, const void *hp)
{
    const opt_rmsprop_params *p = hp;
    return (1 + (p->momentum > 0) + (p->centered != 0)) * n * sizeof(double);
}

static int step(opt_stepper *s, double *x, const double *g, double lr)
{
    const opt_rmsprop_params *p = s->hp;
    const size_t n = s->n;
    double *v = s->state, *next = v + n;
    double *b = p->momentum > 0 ? next : NULL;
    double *a = p->centered ? (b ? next + n : next) : NULL;
    const double sign = p->maximize ? -1 : 1;
    for (size_t i = 0; i < n; i++) {
        double gi = sign * g[i];
        if (p->weight_decay != 0)
            gi += p->weight_decay * x[i];
        v[i] = p->alpha * v[i] + (1 - p->alpha) * gi * gi;
        double d;
        if (a) {
            a[i] = p->alpha * a[i] + (1 - p->alpha) * gi;
            d = sqrt(v[i] - a[i] * a[i]) + p->eps;
        } else {
            d = sqrt(v[i]) + p->eps;
        }
        if (b) {
            b[i] = p->momentum * b[i] + gi / d;
            x[i] -= lr * b[i];
        } else {
            x[i] -= lr * (gi / d);
        }
    }
    return OPT_OK;
}

const opt_stepper_type opt_rmsprop_type = {
    "rmsprop", "RMSProp: v = alpha v + (1 - alpha) g^2; x -= lr g / (sqrt(v) + eps)",
    sizeof(opt_rmsprop_params), &defaults, hparams, sizeof hparams / sizeof *hparams,
    state_size, NULL, step, NULL
};
const opt_stepper_type *opt_rmsprop = &opt_rmsprop_type;
