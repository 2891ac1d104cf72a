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

typedef struct {
    double *square_avg;       /* v */
    double *momentum_buffer;  /* b; NULL without momentum */
    double *grad_avg;         /* a; NULL unless centered */
} rmsprop_state;

static const opt_state_buffer buffers[] = {
    OPT_BUFFER(rmsprop_state, square_avg, PER_COORDINATE, NULL, "v, mean of squared gradients"),
    OPT_BUFFER(rmsprop_state, momentum_buffer, PER_COORDINATE, "momentum",
               "b, momentum of the scaled steps"),
    OPT_BUFFER(rmsprop_state, grad_avg, PER_COORDINATE, "centered", "a, mean of gradients"),
};

/* One branch-free loop per combination of momentum and centering, so each
 * vectorizes. */
static int step(opt_stepper *s, double *x, const double *g, double lr)
{
    const opt_rmsprop_params *p = s->hp;
    const size_t n = s->n;
    const rmsprop_state *state = s->state;
    double *restrict v = state->square_avg;
    double *restrict b = state->momentum_buffer;
    double *restrict a = state->grad_avg;
    const double sign = p->maximize ? -1 : 1, wd = p->weight_decay;
    const double alpha = p->alpha, eps = p->eps, momentum = p->momentum;
    if (!a && !b) {
        for (size_t i = 0; i < n; i++) {
            const double gi = sign * g[i] + wd * x[i];
            v[i] = alpha * v[i] + (1 - alpha) * gi * gi;
            x[i] -= lr * (gi / (sqrt(v[i]) + eps));
        }
    } else if (!a) {
        for (size_t i = 0; i < n; i++) {
            const double gi = sign * g[i] + wd * x[i];
            v[i] = alpha * v[i] + (1 - alpha) * gi * gi;
            b[i] = momentum * b[i] + gi / (sqrt(v[i]) + eps);
            x[i] -= lr * b[i];
        }
    } else {
        /* centered, with or without momentum */
        for (size_t i = 0; i < n; i++) {
            const double gi = sign * g[i] + wd * x[i];
            v[i] = alpha * v[i] + (1 - alpha) * gi * gi;
            a[i] = alpha * a[i] + (1 - alpha) * gi;
            const double d = sqrt(v[i] - a[i] * a[i]) + eps;
            if (b) {
                b[i] = momentum * b[i] + gi / d;
                x[i] -= lr * b[i];
            } else {
                x[i] -= lr * (gi / d);
            }
        }
    }
    return OPT_OK;
}

const opt_stepper_type opt_rmsprop_type = {
    .name = "rmsprop",
    .doc = "RMSProp: v = alpha v + (1 - alpha) g^2; x -= lr g / (sqrt(v) + eps)",
    OPT_STEPPER_TABLES(opt_rmsprop_params, defaults, hparams, rmsprop_state, buffers),
    .step = step,
};
const opt_stepper_type *opt_rmsprop = &opt_rmsprop_type;
