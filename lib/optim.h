/* optim.h — first-order steppers behind one type-object interface.
 *
 * As in GSL's multimin, an algorithm is a constant type object; its public
 * name is one pointer (opt_gd). A stepper owns the algorithm's memory (its
 * state struct: exactly what survives between steps) and a copy of its
 * hyper-parameters. The driver (run.h) calls opt_stepper_step() once per
 * iteration and never needs to know which algorithm it holds.
 *
 *   opt_stepper *s = opt_stepper_alloc(opt_gd, n, NULL);   // NULL: defaults
 *   opt_stepper_step(s, x, g, lr);                         // x <- x - lr g
 *   opt_stepper_free(s);
 *
 * Adding an optimizer means one new file with its type object and one
 * pointer added to the registry in optim.c.
 */
#ifndef OPT_OPTIM_H
#define OPT_OPTIM_H

#include <stddef.h>

/* One hyper-parameter, described for Lua configs and --help: its name, where
 * it lives in the type's hyper-parameter struct, its kind and range. */
/* The C type of the field: double, long and int (0 or 1) respectively. */
typedef enum { OPT_HP_DOUBLE, OPT_HP_INT, OPT_HP_BOOL } opt_hp_kind;
typedef struct opt_hparam {
    const char *name;
    size_t offset;        /* offsetof(the type's hp struct, field) */
    opt_hp_kind kind;
    double min, max;      /* inclusive range */
    const char *doc;
} opt_hparam;

typedef struct opt_stepper_type {
    const char *name;                 /* "gd", "adam", ... */
    const char *doc;                  /* one line with the update formula */
    size_t hp_size;                   /* sizeof the hyper-parameter struct */
    const void *hp_default;           /* its documented defaults */
    const opt_hparam *hparams;        /* descriptors, hp_count of them */
    size_t hp_count;
    size_t (*state_size)(size_t n, const void *hp);
    /* Set the state for a fresh start (the state memory is zeroed first). */
    int (*init)(void *state, size_t n, const void *hp);
    /* One step: update x in place from the gradient g at x. `t` counts the
     * steps taken so far, starting at 1 for the first step. */
    int (*step)(void *state, size_t n, const void *hp, double *x,
                const double *g, double lr, long t);
} opt_stepper_type;

typedef struct opt_stepper {
    const opt_stepper_type *type;
    size_t n;
    long t;          /* steps taken */
    void *hp;        /* a copy of the hyper-parameters */
    void *state;     /* type->state_size(n, hp) bytes */
} opt_stepper;

/* A stepper for vectors of length n with hyper-parameters hp (copied; NULL
 * means the type's defaults). NULL when out of memory or n == 0. */
opt_stepper *opt_stepper_alloc(const opt_stepper_type *T, size_t n, const void *hp);
/* One step at learning rate lr: x <- update(x, g). OPT_EINVAL when lr is
 * negative or not finite. */
int opt_stepper_step(opt_stepper *s, double *x, const double *g, double lr);
/* Forget all state (momentum buffers, step count) and start afresh. */
int opt_stepper_reset(opt_stepper *s);
void opt_stepper_free(opt_stepper *s);

/* The type called name, or NULL. */
const opt_stepper_type *opt_stepper_lookup(const char *name);
/* NULL-terminated array of every registered type. */
const opt_stepper_type *const *opt_stepper_types(void);

/* Set the hyper-parameter `key` of a type's hp struct to value. OPT_EINVAL
 * when the type has no such key (see opt_stepper_hparam) or the value is
 * outside its range or not an integer where one is required. */
int opt_stepper_hp_set(const opt_stepper_type *T, void *hp, const char *key, double value);
/* The descriptor of `key`, or NULL. */
const opt_hparam *opt_stepper_hparam(const opt_stepper_type *T, const char *key);
/* Read a hyper-parameter as a double. */
double opt_stepper_hp_get(const opt_stepper_type *T, const void *hp, const opt_hparam *d);

/* --- Gradient descent --------------------------------------------------- */
/* x <- x - lr * g. No hyper-parameters besides the learning rate. */
typedef struct opt_gd_params { int unused_; } opt_gd_params;
extern const opt_stepper_type *opt_gd;

#endif
