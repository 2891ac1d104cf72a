/* adagrad.c — AdaGrad (Duchi, Hazan & Singer, 2011), as torch.optim.Adagrad
 * (PyTorch 1.13):
 *
 *   g = g + weight_decay x
 *   decayed_lr = lr / (1 + (t - 1) lr_decay)
 *   G = G + g^2                       (G starts at initial_accumulator_value)
 *   x = x - decayed_lr g / (sqrt(G) + eps)
 *
 * G only grows, so the effective step of every coordinate decays to zero.
 */
#include <math.h>
#include <stddef.h>
#include "optim.h"
#include "status.h"

static const opt_adagrad_params defaults = { 0, 0, 0, 1e-10, 0 };

#define HP(field, kind, lo, hi, doc) \
    { #field, offsetof(opt_adagrad_params, field), kind, lo, hi, doc }
static const opt_hparam hparams[] = {
    HP(lr_decay, OPT_HP_DOUBLE, 0, 1e6, "learning rate decay: lr / (1 + (t - 1) lr_decay)"),
    HP(weight_decay, OPT_HP_DOUBLE, 0, 1e6, "L2 penalty added to the gradient"),
    HP(initial_accumulator_value, OPT_HP_DOUBLE, 0, 1e300, "starting value of G"),
    HP(eps, OPT_HP_DOUBLE, 0, 1, "added to the denominator"),
    HP(maximize, OPT_HP_BOOL, 0, 1, "ascend instead of descend"),
};
#undef HP

typedef struct {
    double *sum;    /* G, the running sum of squared gradients */
} adagrad_state;

static const opt_state_buffer buffers[] = {
    OPT_BUFFER(adagrad_state, sum, PER_COORDINATE, NULL, "G, the sum of squared gradients"),
};

static int init(opt_stepper *s)
{
    const opt_adagrad_params *p = s->hp;
    double *G = ((adagrad_state *)s->state)->sum;
    for (size_t i = 0; i < s->n; i++)
        G[i] = p->initial_accumulator_value;
    return OPT_OK;
}

static int step(opt_stepper *s, double *x, const double *g, double lr)
{
    const opt_adagrad_params *p = s->hp;
    double *restrict G = ((adagrad_state *)s->state)->sum;
    const double decayed_lr = lr / (1 + (double)(s->t - 1) * p->lr_decay);
    const double sign = p->maximize ? -1 : 1, wd = p->weight_decay, eps = p->eps;
    for (size_t i = 0; i < s->n; i++) {
        const double gi = sign * g[i] + wd * x[i];
        G[i] += gi * gi;
        x[i] -= decayed_lr * (gi / (sqrt(G[i]) + eps));
    }
    return OPT_OK;
}

const opt_stepper_type opt_adagrad_type = {
    .name = "adagrad",
    .doc = "AdaGrad: G += g^2; x -= lr g / (sqrt(G) + eps)",
    OPT_STEPPER_TABLES(opt_adagrad_params, defaults, hparams, adagrad_state, buffers),
    .init = init, .step = step,
};
const opt_stepper_type *opt_adagrad = &opt_adagrad_type;
