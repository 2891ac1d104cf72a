/* optim.c — the stepper interface, the registry and gradient descent. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "optim.h"
#include "status.h"

/* ---- Gradient descent ---------------------------------------------------------- */

static const opt_gd_params gd_defaults = { 0 };

static int gd_step(opt_stepper *s, double *x, const double *g, double lr)
{
    for (size_t i = 0; i < s->n; i++)
        x[i] -= lr * g[i];
    return OPT_OK;
}

/* Gradient descent keeps no state. */
static const opt_stepper_type gd_type = {
    .name = "gd",
    .doc = "gradient descent: x <- x - lr g",
    .hp_size = sizeof(opt_gd_params),
    .hp_default = &gd_defaults,
    .step = gd_step,
};
const opt_stepper_type *opt_gd = &gd_type;

/* ---- Registry: add a new type's pointer here ------------------------------------ */

/* Each type object is defined in its own file; opt_<name> points at it. */
extern const opt_stepper_type opt_sgd_type, opt_momentum_type, opt_momentum_classic_type,
    opt_momentum_ema_type, opt_adagrad_type, opt_rmsprop_type, opt_adam_type,
    opt_adamw_type, opt_radam_type, opt_nadam_type, opt_novograd_type, opt_lars_type,
    opt_lookahead_type;

static const opt_stepper_type *const registry[] = {
    &gd_type, &opt_sgd_type, &opt_momentum_type, &opt_momentum_classic_type,
    &opt_momentum_ema_type, &opt_adagrad_type, &opt_rmsprop_type, &opt_adam_type,
    &opt_adamw_type, &opt_radam_type, &opt_nadam_type, &opt_novograd_type,
    &opt_lars_type, &opt_lookahead_type,
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

/* Whether s keeps buffer d: always, or when its kept_if hyper-parameter is
 * nonzero. */
static int buffer_kept(const opt_stepper_type *T, const void *hp, const opt_state_buffer *d)
{
    if (!d->kept_if)
        return 1;
    const opt_hparam *h = opt_stepper_hparam(T, d->kept_if);
    return h && opt_stepper_hp_get(T, hp, h) != 0;
}

/* The state struct, rounded up so that the buffers after it start on a
 * cache line (as the vectors of a fresh calloc would), then the buffers:
 * a per-group buffer has room for n groups, the most there can be. */
enum { BUFFER_ALIGNMENT = 64 };

static size_t header_bytes(const opt_stepper_type *T)
{
    return (T->state_size + BUFFER_ALIGNMENT - 1) / BUFFER_ALIGNMENT * BUFFER_ALIGNMENT;
}

static size_t state_bytes(const opt_stepper_type *T, size_t n, const void *hp)
{
    size_t vectors = 0;
    for (size_t k = 0; k < T->buffer_count; k++)
        if (T->buffers[k].extent != OPT_BUFFER_SCALAR && buffer_kept(T, hp, &T->buffers[k]))
            vectors++;
    return header_bytes(T) + vectors * n * sizeof(double);
}

/* Point the state struct's buffer fields at their vectors, in the order
 * the type declares them; a buffer not kept stays NULL. */
static void place_buffers(opt_stepper *s)
{
    const opt_stepper_type *T = s->type;
    double *next = (double *)((char *)s->state + header_bytes(T));
    for (size_t k = 0; k < T->buffer_count; k++) {
        const opt_state_buffer *d = &T->buffers[k];
        if (d->extent == OPT_BUFFER_SCALAR || !buffer_kept(T, s->hp, d))
            continue;
        double **field = (double **)((char *)s->state + d->offset);
        *field = next;
        next += s->n;
    }
}

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
    /* aligned_alloc wants a whole number of alignments */
    size_t bytes = state_bytes(T, n, hp) / BUFFER_ALIGNMENT * BUFFER_ALIGNMENT + BUFFER_ALIGNMENT;
    s->state = aligned_alloc(BUFFER_ALIGNMENT, bytes);
    s->group_end = malloc(sizeof *s->group_end);
    if (!s->hp || !s->state || !s->group_end) {
        opt_stepper_free(s);
        return NULL;
    }
    memcpy(s->hp, hp, T->hp_size);
    s->ngroups = 1;
    s->group_end[0] = n;
    if (opt_stepper_reset(s) != OPT_OK) {
        opt_stepper_free(s);
        return NULL;
    }
    return s;
}

int opt_stepper_reset(opt_stepper *s)
{
    memset(s->state, 0, state_bytes(s->type, s->n, s->hp));
    place_buffers(s);
    s->t = 0;
    return s->type->init ? s->type->init(s) : OPT_OK;
}

int opt_stepper_step(opt_stepper *s, double *x, const double *g, double lr)
{
    if (!s || !x || !g || !(lr >= 0) || !isfinite(lr))
        return OPT_EINVAL;
    s->t++;
    return s->type->step(s, x, g, lr);
}

void opt_stepper_free(opt_stepper *s)
{
    if (!s)
        return;
    if (s->type && s->type->destroy && s->state)
        s->type->destroy(s);
    free(s->hp);
    free(s->state);
    free(s->group_end);
    free(s);
}

int opt_stepper_set_groups(opt_stepper *s, const size_t *sizes, size_t count)
{
    if (!s || !sizes || count == 0)
        return OPT_EINVAL;
    size_t total = 0;
    for (size_t k = 0; k < count; k++) {
        if (sizes[k] == 0)
            return OPT_EINVAL;
        total += sizes[k];
    }
    if (total != s->n)
        return OPT_EINVAL;
    size_t *ends = realloc(s->group_end, count * sizeof *ends);
    if (!ends)
        return OPT_ENOMEM;
    s->group_end = ends;
    s->ngroups = count;
    for (size_t k = 0, end = 0; k < count; k++)
        ends[k] = end += sizes[k];
    return opt_stepper_reset(s);
}

void opt_stepper_group(const opt_stepper *s, size_t k, size_t *begin, size_t *end)
{
    *begin = k ? s->group_end[k - 1] : 0;
    *end = s->group_end[k];
}

/* ---- Buffers by name ----------------------------------------------------------------- */

static const opt_state_buffer *buffer_named(const opt_stepper *s, const char *name)
{
    if (!s || !name)
        return NULL;
    for (size_t k = 0; k < s->type->buffer_count; k++)
        if (strcmp(s->type->buffers[k].name, name) == 0)
            return &s->type->buffers[k];
    return NULL;
}

double *opt_stepper_buffer_writable(opt_stepper *s, const char *name)
{
    const opt_state_buffer *d = buffer_named(s, name);
    if (!d || !buffer_kept(s->type, s->hp, d))
        return NULL;
    char *field = (char *)s->state + d->offset;
    return d->extent == OPT_BUFFER_SCALAR ? (double *)field : *(double **)field;
}

const double *opt_stepper_buffer(const opt_stepper *s, const char *name)
{
    return opt_stepper_buffer_writable((opt_stepper *)s, name);
}

size_t opt_stepper_buffer_length(const opt_stepper *s, const char *name)
{
    const opt_state_buffer *d = buffer_named(s, name);
    if (!d || !buffer_kept(s->type, s->hp, d))
        return 0;
    return d->extent == OPT_BUFFER_PER_COORDINATE ? s->n
         : d->extent == OPT_BUFFER_PER_GROUP ? s->ngroups : 1;
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
