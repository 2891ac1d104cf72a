/* momentum.c — the heavy-ball momentum method in the three ways the
 * lecture decks write it. With v starting at 0 and a constant learning
 * rate they produce the same iterates under the parameter maps below
 * (tests/unit/test_steppers.c checks it):
 *
 *   "momentum"          v = rho v + g;              x = x - lr v
 *                       (= torch.optim.SGD with momentum = rho)
 *   "momentum-classic"  v = rho v - lr g;           x = x + v
 *                       (Sutskever et al., 2013; the same iterates as
 *                        "momentum" with the same rho and lr)
 *   "momentum-ema"      v = beta v + (1 - beta) g;  x = x - lr v
 *                       (the same as "momentum" with rho = beta and
 *                        lr_momentum = lr (1 - beta))
 *
 * With a changing learning rate "momentum-classic" differs: its velocity
 * carries the old rates.
 */
#include <stddef.h>
#include "optim.h"
#include "status.h"

static const opt_momentum_params rho_defaults = { 0.9 };

static const opt_hparam rho_hparams[] = {
    { "rho", offsetof(opt_momentum_params, rho), OPT_HP_DOUBLE, 0, 1,
      "momentum: weight of the previous velocity" },
};
static const opt_hparam beta_hparams[] = {
    { "beta", offsetof(opt_momentum_params, rho), OPT_HP_DOUBLE, 0, 1,
      "EMA weight of the previous velocity" },
};

/* The three formulations keep the same memory: the velocity v. */
typedef struct {
    double *velocity;
} momentum_state;

static const opt_state_buffer buffers[] = {
    OPT_BUFFER(momentum_state, velocity, PER_COORDINATE, NULL, "v, the velocity"),
};

static int step_sum(opt_stepper *s, double *x, const double *g, double lr)
{
    const double rho = ((const opt_momentum_params *)s->hp)->rho;
    double *v = ((momentum_state *)s->state)->velocity;
    for (size_t i = 0; i < s->n; i++) {
        v[i] = rho * v[i] + g[i];
        x[i] -= lr * v[i];
    }
    return OPT_OK;
}

static int step_classic(opt_stepper *s, double *x, const double *g, double lr)
{
    const double rho = ((const opt_momentum_params *)s->hp)->rho;
    double *v = ((momentum_state *)s->state)->velocity;
    for (size_t i = 0; i < s->n; i++) {
        v[i] = rho * v[i] - lr * g[i];
        x[i] += v[i];
    }
    return OPT_OK;
}

static int step_ema(opt_stepper *s, double *x, const double *g, double lr)
{
    const double beta = ((const opt_momentum_params *)s->hp)->rho;
    double *v = ((momentum_state *)s->state)->velocity;
    for (size_t i = 0; i < s->n; i++) {
        v[i] = beta * v[i] + (1 - beta) * g[i];
        x[i] -= lr * v[i];
    }
    return OPT_OK;
}

const opt_stepper_type opt_momentum_type = {
    .name = "momentum",
    .doc = "momentum: v = rho v + g; x -= lr v",
    OPT_STEPPER_TABLES(opt_momentum_params, rho_defaults, rho_hparams, momentum_state, buffers),
    .step = step_sum,
};
const opt_stepper_type opt_momentum_classic_type = {
    .name = "momentum-classic",
    .doc = "momentum: v = rho v - lr g; x += v",
    OPT_STEPPER_TABLES(opt_momentum_params, rho_defaults, rho_hparams, momentum_state, buffers),
    .step = step_classic,
};
const opt_stepper_type opt_momentum_ema_type = {
    .name = "momentum-ema",
    .doc = "momentum: v = beta v + (1 - beta) g; x -= lr v",
    OPT_STEPPER_TABLES(opt_momentum_params, rho_defaults, beta_hparams, momentum_state, buffers),
    .step = step_ema,
};
const opt_stepper_type *opt_momentum = &opt_momentum_type;
const opt_stepper_type *opt_momentum_classic = &opt_momentum_classic_type;
const opt_stepper_type *opt_momentum_ema = &opt_momentum_ema_type;
