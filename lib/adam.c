/* adam.c — Adam (Kingma & Ba, 2015), AMSGrad (Reddi et al., 2018) and
 * AdamW (Loshchilov & Hutter, 2019), as torch.optim.Adam and AdamW
 * (PyTorch 1.13), in this order of operations:
 *
 *   AdamW:  x = x (1 - lr weight_decay)          (decoupled decay)
 *   Adam:   g = g + weight_decay x               (L2 in the gradient)
 *   m = beta1 m + (1 - beta1) g
 *   v = beta2 v + (1 - beta2) g^2
 *   vmax = max(vmax, v), used for v below         (amsgrad)
 *   x = x - (lr / (1 - beta1^t)) m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
 *
 * Note where eps goes: added after the bias correction of sqrt(v), as
 * PyTorch does, not inside the square root.
 */
#include <math.h>
#include <stddef.h>
#include "optim.h"
#include "status.h"

static const opt_adam_params adam_defaults = { 0.9, 0.999, 1e-8, 0, 0, 0 };
static const opt_adam_params adamw_defaults = { 0.9, 0.999, 1e-8, 1e-2, 0, 0 };

#define HP(field, kind, lo, hi, doc) \
    { #field, offsetof(opt_adam_params, field), kind, lo, hi, doc }
static const opt_hparam hparams[] = {
    HP(beta1, OPT_HP_DOUBLE, 0, 0.999999999, "decay of the first moment m"),
    HP(beta2, OPT_HP_DOUBLE, 0, 0.999999999, "decay of the second moment v"),
    HP(eps, OPT_HP_DOUBLE, 0, 1, "added to the denominator"),
    HP(weight_decay, OPT_HP_DOUBLE, 0, 1e6, "L2 (Adam) or decoupled (AdamW) weight decay"),
    HP(amsgrad, OPT_HP_BOOL, 0, 1, "use the running maximum of v (AMSGrad)"),
    HP(maximize, OPT_HP_BOOL, 0, 1, "ascend instead of descend"),
};
#undef HP

typedef struct {
    double *exp_avg;         /* m */
    double *exp_avg_sq;      /* v */
    double *max_exp_avg_sq;  /* vmax, the running maximum of v; NULL unless amsgrad */
} adam_state;

static const opt_state_buffer buffers[] = {
    OPT_BUFFER(adam_state, exp_avg, PER_COORDINATE, NULL, "m, the first moment"),
    OPT_BUFFER(adam_state, exp_avg_sq, PER_COORDINATE, NULL, "v, the second moment"),
    OPT_BUFFER(adam_state, max_exp_avg_sq, PER_COORDINATE, "amsgrad",
               "vmax, the running maximum of v"),
};

/* One loop per case, with no branch inside, so that the compiler can
 * vectorize it: weight decay enters as the factor `shrink` on x (1 for
 * Adam, exact) and the term l2 x in the gradient (0 for AdamW). */
static int adam_family_step(opt_stepper *s, double *x, const double *g, double lr,
                            int decoupled)
{
    const opt_adam_params *p = s->hp;
    const size_t n = s->n;
    const adam_state *state = s->state;
    double *restrict m = state->exp_avg, *restrict v = state->exp_avg_sq;
    const double b1 = p->beta1, b2 = p->beta2, eps = p->eps;
    const double bc1 = 1 - pow(b1, (double)s->t);
    const double bc2_sqrt = sqrt(1 - pow(b2, (double)s->t));
    const double step_size = lr / bc1;
    const double sign = p->maximize ? -1 : 1;
    const double shrink = decoupled ? 1 - lr * p->weight_decay : 1;
    const double l2 = decoupled ? 0 : p->weight_decay;
    if (p->amsgrad) {
        double *restrict vmax = state->max_exp_avg_sq;
        for (size_t i = 0; i < n; i++) {
            x[i] *= shrink;
            const double gi = sign * g[i] + l2 * x[i];
            m[i] = b1 * m[i] + (1 - b1) * gi;
            v[i] = b2 * v[i] + (1 - b2) * gi * gi;
            vmax[i] = vmax[i] > v[i] ? vmax[i] : v[i];
            x[i] -= step_size * (m[i] / (sqrt(vmax[i]) / bc2_sqrt + eps));
        }
    } else {
        for (size_t i = 0; i < n; i++) {
            x[i] *= shrink;
            const double gi = sign * g[i] + l2 * x[i];
            m[i] = b1 * m[i] + (1 - b1) * gi;
            v[i] = b2 * v[i] + (1 - b2) * gi * gi;
            x[i] -= step_size * (m[i] / (sqrt(v[i]) / bc2_sqrt + eps));
        }
    }
    return OPT_OK;
}

static int adam_step(opt_stepper *s, double *x, const double *g, double lr)
{
    return adam_family_step(s, x, g, lr, 0);
}

static int adamw_step(opt_stepper *s, double *x, const double *g, double lr)
{
    return adam_family_step(s, x, g, lr, 1);
}

const opt_stepper_type opt_adam_type = {
    .name = "adam",
    .doc = "Adam: m, v moving averages with bias correction; x -= lr m^ / (sqrt(v^) + eps)",
    OPT_STEPPER_TABLES(opt_adam_params, adam_defaults, hparams, adam_state, buffers),
    .step = adam_step,
};
const opt_stepper_type opt_adamw_type = {
    .name = "adamw",
    .doc = "AdamW: Adam with decoupled weight decay x *= 1 - lr wd",
    OPT_STEPPER_TABLES(opt_adam_params, adamw_defaults, hparams, adam_state, buffers),
    .step = adamw_step,
};
const opt_stepper_type *opt_adam = &opt_adam_type;
const opt_stepper_type *opt_adamw = &opt_adamw_type;
