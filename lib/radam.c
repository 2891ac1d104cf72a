/* radam.c — RAdam (Liu et al., 2020, "On the variance of the adaptive
 * learning rate and beyond"), as torch.optim.RAdam (PyTorch 1.13):
 *
 *   g = g + weight_decay x
 *   m = beta1 m + (1 - beta1) g;   v = beta2 v + (1 - beta2) g^2
 *   m^ = m / (1 - beta1^t)
 *   rho_inf = 2 / (1 - beta2) - 1
 *   rho_t = rho_inf - 2 t beta2^t / (1 - beta2^t)
 *   if rho_t > threshold:
 *       r_t = sqrt((rho_t - 4)(rho_t - 2) rho_inf / ((rho_inf - 4)(rho_inf - 2) rho_t))
 *       x = x - lr m^ r_t sqrt(1 - beta2^t) / (sqrt(v) + eps)
 *   else:
 *       x = x - lr m^                         (momentum SGD, no adaptive step)
 *
 * rho_threshold is 5 in PyTorch (the default here) and 4 in the paper's
 * Algorithm 2; the paper's reference code uses 5 as well.
 */
#include <math.h>
#include <stddef.h>
#include "optim.h"
#include "status.h"

static const opt_radam_params defaults = { 0.9, 0.999, 1e-8, 0, 5, 0 };

#define HP(field, kind, lo, hi, doc) \
    { #field, offsetof(opt_radam_params, field), kind, lo, hi, doc }
static const opt_hparam hparams[] = {
    HP(beta1, OPT_HP_DOUBLE, 0, 0.999999999, "decay of the first moment m"),
    HP(beta2, OPT_HP_DOUBLE, 0, 0.999999999, "decay of the second moment v"),
    HP(eps, OPT_HP_DOUBLE, 0, 1, "added to the denominator"),
    HP(weight_decay, OPT_HP_DOUBLE, 0, 1e6, "L2 penalty added to the gradient"),
    HP(rho_threshold, OPT_HP_DOUBLE, 0, 1e9, "rectify once rho_t exceeds this (PyTorch 5, paper 4)"),
    HP(maximize, OPT_HP_BOOL, 0, 1, "ascend instead of descend"),
};
#undef HP

double opt_radam_rho(double beta2, long t)
{
    const double rho_inf = 2 / (1 - beta2) - 1;
    const double b2t = pow(beta2, (double)t);
    return rho_inf - 2 * (double)t * b2t / (1 - b2t);
}

double opt_radam_rectification(double beta2, long t)
{
    const double rho_inf = 2 / (1 - beta2) - 1;
    const double rho_t = opt_radam_rho(beta2, t);
    return sqrt((rho_t - 4) * (rho_t - 2) * rho_inf
                / ((rho_inf - 4) * (rho_inf - 2) * rho_t));
}

typedef struct {
    double *exp_avg;     /* m */
    double *exp_avg_sq;  /* v */
} radam_state;

static const opt_state_buffer buffers[] = {
    OPT_BUFFER(radam_state, exp_avg, PER_COORDINATE, NULL, "m, the first moment"),
    OPT_BUFFER(radam_state, exp_avg_sq, PER_COORDINATE, NULL, "v, the second moment"),
};

static int step(opt_stepper *s, double *x, const double *g, double lr)
{
    const opt_radam_params *p = s->hp;
    const size_t n = s->n;
    const radam_state *state = s->state;
    double *restrict m = state->exp_avg, *restrict v = state->exp_avg_sq;
    const double b1 = p->beta1, b2 = p->beta2, eps = p->eps;
    const double bc1 = 1 - pow(b1, (double)s->t);
    const double bc2_sqrt = sqrt(1 - pow(b2, (double)s->t));
    const double sign = p->maximize ? -1 : 1, wd = p->weight_decay;
    if (opt_radam_rho(b2, s->t) > p->rho_threshold) {
        const double rect = opt_radam_rectification(b2, s->t);
        for (size_t i = 0; i < n; i++) {
            const double gi = sign * g[i] + wd * x[i];
            m[i] = b1 * m[i] + (1 - b1) * gi;
            v[i] = b2 * v[i] + (1 - b2) * gi * gi;
            x[i] -= m[i] / bc1 * lr * (bc2_sqrt / (sqrt(v[i]) + eps)) * rect;
        }
    } else {
        for (size_t i = 0; i < n; i++) {
            const double gi = sign * g[i] + wd * x[i];
            m[i] = b1 * m[i] + (1 - b1) * gi;
            v[i] = b2 * v[i] + (1 - b2) * gi * gi;
            x[i] -= m[i] / bc1 * lr;
        }
    }
    return OPT_OK;
}

const opt_stepper_type opt_radam_type = {
    .name = "radam",
    .doc = "RAdam: Adam whose adaptive step is rectified by r_t once rho_t > 5",
    OPT_STEPPER_TABLES(opt_radam_params, defaults, hparams, radam_state, buffers),
    .step = step,
};
const opt_stepper_type *opt_radam = &opt_radam_type;
