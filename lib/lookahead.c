/* lookahead.c — Lookahead (Zhang, Lucas, Hinton & Ba, 2019, "Lookahead
 * optimizer: k steps forward, 1 step back"), Algorithm 1, around any inner
 * stepper:
 *
 *   the slow weights phi start at x;
 *   every step is the inner optimizer's step on the fast weights x;
 *   after every k-th step:  phi = phi + alpha (x - phi);  x = phi
 *
 * The inner optimizer keeps its state across the synchronizations, as in
 * the authors' reference implementation. Defaults k = 5, alpha = 0.5.
 */
#include <math.h>
#include <stddef.h>
#include <string.h>
#include "optim.h"
#include "status.h"

static const opt_lookahead_params defaults = { 5, 0.5, NULL };

static const opt_hparam hparams[] = {
    { "k", offsetof(opt_lookahead_params, k), OPT_HP_INT, 1, 1e9,
      "fast steps between synchronizations" },
    { "alpha", offsetof(opt_lookahead_params, alpha), OPT_HP_DOUBLE, 0, 1,
      "slow-weight step: phi += alpha (x - phi)" },
};

/* The inner stepper keeps its own state (it lives in the hyper-parameters). */
typedef struct {
    double *slow_weights;  /* phi */
} lookahead_state;

static const opt_state_buffer buffers[] = {
    OPT_BUFFER(lookahead_state, slow_weights, PER_COORDINATE, NULL, "phi, the slow weights"),
};

static int init(opt_stepper *s)
{
    const opt_lookahead_params *p = s->hp;
    if (!p->inner || p->inner->n != s->n)
        return OPT_EINVAL;
    return opt_stepper_reset(p->inner);
}

static int step(opt_stepper *s, double *x, const double *g, double lr)
{
    const opt_lookahead_params *p = s->hp;
    double *phi = ((lookahead_state *)s->state)->slow_weights;
    if (s->t == 1)
        memcpy(phi, x, s->n * sizeof *x);
    int status = opt_stepper_step(p->inner, x, g, lr);
    if (status)
        return status;
    if (s->t % p->k == 0)
        for (size_t i = 0; i < s->n; i++)
            x[i] = phi[i] += p->alpha * (x[i] - phi[i]);
    return OPT_OK;
}

static void destroy(opt_stepper *s)
{
    opt_lookahead_params *p = s->hp;
    opt_stepper_free(p->inner);
    p->inner = NULL;
}

const opt_stepper_type opt_lookahead_type = {
    .name = "lookahead",
    .doc = "Lookahead: k inner steps, then phi += alpha (x - phi), x = phi",
    OPT_STEPPER_TABLES(opt_lookahead_params, defaults, hparams, lookahead_state, buffers),
    .init = init, .step = step, .destroy = destroy,
};
const opt_stepper_type *opt_lookahead = &opt_lookahead_type;

opt_stepper *opt_lookahead_alloc(opt_stepper *inner, long k, double alpha)
{
    if (!inner || k < 1 || !(alpha >= 0 && alpha <= 1)) {
        opt_stepper_free(inner);
        return NULL;
    }
    opt_lookahead_params p = { k, alpha, inner };
    return opt_stepper_alloc(opt_lookahead, inner->n, &p);
}
