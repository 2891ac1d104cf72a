/* nadam.c — NAdam (Dozat, 2016, "Incorporating Nesterov momentum into
 * Adam"), as torch.optim.NAdam (PyTorch 1.13), with the momentum schedule
 * mu_t = beta1 (1 - 0.5 * 0.96^(t psi)), psi = momentum_decay:
 *
 *   g = g + weight_decay x
 *   mu_t, mu_{t+1} from the schedule;  P_t = mu_1 ... mu_t
 *   m = beta1 m + (1 - beta1) g;   v = beta2 v + (1 - beta2) g^2
 *   d = sqrt(v / (1 - beta2^t)) + eps
 *   x = x - lr (1 - mu_t) / (1 - P_t) g / d - lr mu_{t+1} / (1 - P') m / d
 *
 * where P' is the product for the look-ahead step. The paper (and PyTorch
 * from 2.0 on) uses P' = P_t mu_{t+1} = mu_1 ... mu_{t+1}; PyTorch 1.13
 * computes P' = P_t mu_t mu_{t+1}, counting mu_t twice. The default,
 * paper_mu_product = 0, follows 1.13 so that trajectories match it;
 * paper_mu_product = 1 gives the paper's.
 */
#include <math.h>
#include <stddef.h>
#include "optim.h"
#include "status.h"

static const opt_nadam_params defaults = { 0.9, 0.999, 1e-8, 0, 4e-3, 0, 0 };

#define HP(field, kind, lo, hi, doc) \
    { #field, offsetof(opt_nadam_params, field), kind, lo, hi, doc }
static const opt_hparam hparams[] = {
    HP(beta1, OPT_HP_DOUBLE, 0, 0.999999999, "decay of the first moment m"),
    HP(beta2, OPT_HP_DOUBLE, 0, 0.999999999, "decay of the second moment v"),
    HP(eps, OPT_HP_DOUBLE, 0, 1, "added to the denominator"),
    HP(weight_decay, OPT_HP_DOUBLE, 0, 1e6, "L2 penalty added to the gradient"),
    HP(momentum_decay, OPT_HP_DOUBLE, 0, 1e6, "psi in mu_t = beta1 (1 - 0.5 * 0.96^(t psi))"),
    HP(maximize, OPT_HP_BOOL, 0, 1, "ascend instead of descend"),
    HP(paper_mu_product, OPT_HP_BOOL, 0, 1,
       "look-ahead product mu_1..mu_{t+1} (paper, PyTorch >= 2.0); 0: PyTorch 1.13's"),
};
#undef HP

typedef struct {
    double *exp_avg;     /* m */
    double *exp_avg_sq;  /* v */
    double mu_product;   /* P_t = mu_1 ... mu_t, 1 before the first step */
} nadam_state;

static const opt_state_buffer buffers[] = {
    OPT_BUFFER(nadam_state, exp_avg, PER_COORDINATE, NULL, "m, the first moment"),
    OPT_BUFFER(nadam_state, exp_avg_sq, PER_COORDINATE, NULL, "v, the second moment"),
    OPT_BUFFER(nadam_state, mu_product, SCALAR, NULL, "P_t = mu_1 ... mu_t"),
};

static int init(opt_stepper *s)
{
    ((nadam_state *)s->state)->mu_product = 1;
    return OPT_OK;
}

static int step(opt_stepper *s, double *x, const double *g, double lr)
{
    const opt_nadam_params *p = s->hp;
    const size_t n = s->n;
    nadam_state *state = s->state;
    double *restrict m = state->exp_avg, *restrict v = state->exp_avg_sq;
    const double t = (double)s->t;
    const double bc2 = 1 - pow(p->beta2, t);
    const double mu = p->beta1 * (1 - 0.5 * pow(0.96, t * p->momentum_decay));
    const double mu_next = p->beta1 * (1 - 0.5 * pow(0.96, (t + 1) * p->momentum_decay));
    const double mu_product = state->mu_product *= mu;
    const double mu_product_next = p->paper_mu_product ? mu_product * mu_next
                                                       : mu_product * mu * mu_next;
    const double c_grad = -lr * (1 - mu) / (1 - mu_product);
    const double c_mom = -lr * mu_next / (1 - mu_product_next);
    const double sign = p->maximize ? -1 : 1, wd = p->weight_decay;
    const double b1 = p->beta1, b2 = p->beta2, eps = p->eps;
    for (size_t i = 0; i < n; i++) {
        const double gi = sign * g[i] + wd * x[i];
        m[i] = b1 * m[i] + (1 - b1) * gi;
        v[i] = b2 * v[i] + (1 - b2) * gi * gi;
        const double d = sqrt(v[i] / bc2) + eps;
        x[i] += c_grad * (gi / d);
        x[i] += c_mom * (m[i] / d);
    }
    return OPT_OK;
}

const opt_stepper_type opt_nadam_type = {
    .name = "nadam",
    .doc = "NAdam: Adam with a Nesterov look-ahead on the first moment",
    OPT_STEPPER_TABLES(opt_nadam_params, defaults, hparams, nadam_state, buffers),
    .init = init, .step = step,
};
const opt_stepper_type *opt_nadam = &opt_nadam_type;
