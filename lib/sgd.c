/* sgd.c — stochastic gradient descent with momentum, dampening, Nesterov
 * and weight decay, exactly as torch.optim.SGD (PyTorch 1.13):
 *
 *   d = g + weight_decay * x
 *   b = d                                  on the first step
 *   b = momentum * b + (1 - dampening) d   afterwards
 *   d = d + momentum * b   (nesterov)   or   d = b
 *   x = x - lr * d
 *
 * With momentum = 0 this is plain gradient descent.
 */
#include <stddef.h>
#include "optim.h"
#include "status.h"

static const opt_sgd_params defaults = { 0, 0, 0, 0, 0 };

static const opt_hparam hparams[] = {
    { "momentum", offsetof(opt_sgd_params, momentum), OPT_HP_DOUBLE, 0, 1,
      "momentum factor rho (0: none)" },
    { "dampening", offsetof(opt_sgd_params, dampening), OPT_HP_DOUBLE, 0, 1,
      "dampening of the new gradient in the buffer" },
    { "weight_decay", offsetof(opt_sgd_params, weight_decay), OPT_HP_DOUBLE, 0, 1e6,
      "L2 penalty added to the gradient" },
    { "nesterov", offsetof(opt_sgd_params, nesterov), OPT_HP_BOOL, 0, 1,
      "Nesterov momentum (needs momentum > 0, dampening = 0)" },
    { "maximize", offsetof(opt_sgd_params, maximize), OPT_HP_BOOL, 0, 1,
      "ascend instead of descend" },
};

typedef struct {
    double *momentum_buffer;  /* b; NULL without momentum */
} sgd_state;

static const opt_state_buffer buffers[] = {
    OPT_BUFFER(sgd_state, momentum_buffer, PER_COORDINATE, "momentum", "b, the momentum buffer"),
};

static int init(opt_stepper *s)
{
    const opt_sgd_params *p = s->hp;
    if (p->nesterov && (p->momentum <= 0 || p->dampening != 0))
        return OPT_EINVAL;
    return OPT_OK;
}

/* Branch-free loops so the compiler can vectorize them: every case is one
 * formula with loop-invariant coefficients, and the coefficients 0 and 1
 * reproduce the cases exactly (0 b + 1 d is d to the last bit). */
static int step(opt_stepper *s, double *x, const double *g, double lr)
{
    const opt_sgd_params *p = s->hp;
    const size_t n = s->n;
    const double sign = p->maximize ? -1 : 1, wd = p->weight_decay;
    if (p->momentum == 0) {
        for (size_t i = 0; i < n; i++)
            x[i] -= lr * (sign * g[i] + wd * x[i]);
        return OPT_OK;
    }
    const sgd_state *state = s->state;
    double *restrict buf = state->momentum_buffer;
    const int first = s->t == 1;
    const double keep = first ? 0 : p->momentum;        /* weight of the old buffer */
    const double take = first ? 1 : 1 - p->dampening;   /* weight of the new gradient */
    const double use_d = p->nesterov ? 1 : 0;
    const double use_b = p->nesterov ? p->momentum : 1;
    for (size_t i = 0; i < n; i++) {
        const double d = sign * g[i] + wd * x[i];
        buf[i] = keep * buf[i] + take * d;
        x[i] -= lr * (use_d * d + use_b * buf[i]);
    }
    return OPT_OK;
}

const opt_stepper_type opt_sgd_type = {
    .name = "sgd",
    .doc = "SGD (PyTorch): b = rho b + (1 - dampening) g; x -= lr (g + rho b | b)",
    OPT_STEPPER_TABLES(opt_sgd_params, defaults, hparams, sgd_state, buffers),
    .init = init, .step = step,
};
const opt_stepper_type *opt_sgd = &opt_sgd_type;
