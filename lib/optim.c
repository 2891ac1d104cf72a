/* optim.c — the stepper interface, the registry and gradient descent. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "optim.h"
#include "status.h"

/* ---- Gradient descent ---------------------------------------------------------- */

static const opt_gd_params gd_defaults = { 0 };

static size_t gd_state_size(size_t n, const void *hp)
{
    (void)n;
    (void)hp;
    return 0;
}

static int gd_init(void *state, size_t n, const void *hp)
{
    (void)state;
    (void)n;
    (void)hp;
    return OPT_OK;
}

static int gd_step(void *state, size_t n, const void *hp, double *x,
                   const double *g, double lr, long t)
{
    (void)state;
    (void)hp;
    (void)t;
    for (size_t i = 0; i < n; i++)
        x[i] -= lr * g[i];
    return OPT_OK;
}

static const opt_stepper_type gd_type = {
    "gd", "gradient descent: x <- x - lr g",
    sizeof(opt_gd_params), &gd_defaults, NULL, 0,
    gd_state_size, gd_init, gd_step
};
const opt_stepper_type *opt_gd = &gd_type;

/* ---- Registry: add a new type's pointer here ------------------------------------ */

static const opt_stepper_type *const registry[] = {
    &gd_type,
    NULL
};

const opt_stepper_type *const *opt_stepper_types(void)
{
    return registry;
}

const opt_stepper_type *opt_stepper_lookup(const char *name)
{
    if (!name)
        return NULL;
    for (size_t i = 0; registry[i]; i++)
        if (strcmp(registry[i]->name, name) == 0)
            return registry[i];
    return NULL;
}

/* ---- The stepper object --------------------------------------------------------- */

opt_stepper *opt_stepper_alloc(const opt_stepper_type *T, size_t n, const void *hp)
{
    if (!T || n == 0)
        return NULL;
    if (!hp)
        hp = T->hp_default;
    opt_stepper *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->type = T;
    s->n = n;
    s->hp = malloc(T->hp_size ? T->hp_size : 1);
    size_t bytes = T->state_size(n, hp);
    s->state = calloc(1, bytes ? bytes : 1);
    if (!s->hp || !s->state) {
        opt_stepper_free(s);
        return NULL;
    }
    memcpy(s->hp, hp, T->hp_size);
    if (opt_stepper_reset(s) != OPT_OK) {
        opt_stepper_free(s);
        return NULL;
    }
    return s;
}

int opt_stepper_reset(opt_stepper *s)
{
    memset(s->state, 0, s->type->state_size(s->n, s->hp));
    s->t = 0;
    return s->type->init(s->state, s->n, s->hp);
}

int opt_stepper_step(opt_stepper *s, double *x, const double *g, double lr)
{
    if (!s || !x || !g || !(lr >= 0) || !isfinite(lr))
        return OPT_EINVAL;
    s->t++;
    return s->type->step(s->state, s->n, s->hp, x, g, lr, s->t);
}

void opt_stepper_free(opt_stepper *s)
{
    if (!s)
        return;
    free(s->hp);
    free(s->state);
    free(s);
}

/* ---- Hyper-parameters by name ----------------------------------------------------- */

const opt_hparam *opt_stepper_hparam(const opt_stepper_type *T, const char *key)
{
    for (size_t i = 0; i < T->hp_count; i++)
        if (strcmp(T->hparams[i].name, key) == 0)
            return &T->hparams[i];
    return NULL;
}

int opt_stepper_hp_set(const opt_stepper_type *T, void *hp, const char *key, double value)
{
    const opt_hparam *d = opt_stepper_hparam(T, key);
    if (!d || !(value >= d->min && value <= d->max))
        return OPT_EINVAL;
    char *field = (char *)hp + d->offset;
    switch (d->kind) {
    case OPT_HP_DOUBLE:
        *(double *)field = value;
        break;
    case OPT_HP_INT:
        if (value != floor(value))
            return OPT_EINVAL;
        *(long *)field = (long)value;
        break;
    case OPT_HP_BOOL:
        if (value != 0 && value != 1)
            return OPT_EINVAL;
        *(int *)field = (int)value;
        break;
    }
    return OPT_OK;
}

double opt_stepper_hp_get(const opt_stepper_type *T, const void *hp, const opt_hparam *d)
{
    (void)T;
    const char *field = (const char *)hp + d->offset;
    switch (d->kind) {
    case OPT_HP_DOUBLE:
        return *(const double *)field;
    case OPT_HP_INT:
        return (double)*(const long *)field;
    case OPT_HP_BOOL:
        return *(const int *)field;
    }
    return NAN;
}
