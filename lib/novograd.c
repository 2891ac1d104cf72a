/* novograd.c — NovoGrad (Ginsburg et al., 2019, "Stochastic gradient
 * methods with layer-wise adaptive moments for training of deep networks"),
 * following the paper's Algorithm 1 and the authors' reference
 * implementation (NVIDIA OpenSeq2Seq, NovoGrad optimizer):
 *
 * the second moment is one number per parameter group l (a layer), the
 * squared norm of that group's gradient:
 *
 *   t = 1:  v_l = ||g_l||^2
 *   t > 1:  v_l = beta2 v_l + (1 - beta2) ||g_l||^2
 *   m = beta1 m + c (g / (sqrt(v_l) + eps) + weight_decay x)
 *           (c = 1 - beta1 with grad_averaging, else 1; m starts at 0,
 *            so the first m is c times the normalized gradient)
 *   x = x - lr m
 *
 * Weight decay is decoupled from the adaptive scaling: it is added after
 * the gradient has been normalized. Defaults are the paper's: beta1 = 0.95,
 * beta2 = 0.98, eps = 1e-8, weight_decay = 0.
 */
#include <math.h>
#include <stddef.h>
#include "optim.h"
#include "status.h"
#include "vec.h"

static const opt_novograd_params defaults = { 0.95, 0.98, 1e-8, 0, 0 };

#define HP(field, kind, lo, hi, doc) \
    { #field, offsetof(opt_novograd_params, field), kind, lo, hi, doc }
static const opt_hparam hparams[] = {
    HP(beta1, OPT_HP_DOUBLE, 0, 0.999999999, "decay of the first moment m"),
    HP(beta2, OPT_HP_DOUBLE, 0, 0.999999999, "decay of the per-group second moment"),
    HP(eps, OPT_HP_DOUBLE, 0, 1, "added to the denominator"),
    HP(weight_decay, OPT_HP_DOUBLE, 0, 1e6, "decoupled weight decay"),
    HP(grad_averaging, OPT_HP_BOOL, 0, 1, "scale the new term by 1 - beta1"),
};
#undef HP

typedef struct {
    double *exp_avg;     /* m, per coordinate */
    double *exp_avg_sq;  /* v_l, one per group */
} novograd_state;

static const opt_state_buffer buffers[] = {
    OPT_BUFFER(novograd_state, exp_avg, PER_COORDINATE, NULL, "m, the first moment"),
    OPT_BUFFER(novograd_state, exp_avg_sq, PER_GROUP, NULL, "v_l, group l's second moment"),
};

static int step(opt_stepper *s, double *x, const double *g, double lr)
{
    const opt_novograd_params *p = s->hp;
    const novograd_state *state = s->state;
    double *m = state->exp_avg, *v = state->exp_avg_sq;
    const double new_weight = p->grad_averaging ? 1 - p->beta1 : 1;
    for (size_t l = 0; l < s->ngroups; l++) {
        size_t begin, end;
        opt_stepper_group(s, l, &begin, &end);
        const double grad_norm = opt_norm2(g + begin, end - begin);
        v[l] = s->t == 1 ? grad_norm * grad_norm
                         : p->beta2 * v[l] + (1 - p->beta2) * grad_norm * grad_norm;
        const double denom = sqrt(v[l]) + p->eps;
        for (size_t i = begin; i < end; i++) {
            m[i] = p->beta1 * m[i] + new_weight * (g[i] / denom + p->weight_decay * x[i]);
            x[i] -= lr * m[i];
        }
    }
    return OPT_OK;
}

const opt_stepper_type opt_novograd_type = {
    .name = "novograd",
    .doc = "NovoGrad: per-layer second moment of ||g||^2; m = beta1 m + g / sqrt(v) + wd x",
    OPT_STEPPER_TABLES(opt_novograd_params, defaults, hparams, novograd_state, buffers),
    .step = step,
};
const opt_stepper_type *opt_novograd = &opt_novograd_type;
