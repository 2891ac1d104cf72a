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
 * Adding an optimizer means one new file with its type object, its
 * typed state struct and its buffer descriptors, and one pointer added to
 * the registry in optim.c (lib/README.md, "Steppers"). Read a method's
 * memory by name: opt_stepper_buffer(s, "exp_avg").
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

/* One vector (or number) a method keeps between steps, described so that
 * it can be read by name (opt_stepper_buffer) instead of by its place in
 * the state. Names follow PyTorch's optimizer state keys where there is
 * one ("momentum_buffer", "sum", "square_avg", "exp_avg", "exp_avg_sq",
 * "max_exp_avg_sq", ...). */
typedef enum {
    OPT_BUFFER_PER_COORDINATE,  /* n doubles, one per coordinate of x */
    OPT_BUFFER_PER_GROUP,       /* one double per parameter group (room for n) */
    OPT_BUFFER_SCALAR           /* one double, a field of the state struct itself */
} opt_buffer_extent;
typedef struct opt_state_buffer {
    const char *name;
    /* offsetof(the type's state struct, field): the field is a double *
     * that the stepper points at the vector, or the double itself for
     * OPT_BUFFER_SCALAR. */
    size_t offset;
    opt_buffer_extent extent;
    /* NULL: always kept; else the name of a hyper-parameter that must be
     * nonzero for the method to keep this buffer (SGD's momentum_buffer
     * only with momentum, Adam's max_exp_avg_sq only with amsgrad). */
    const char *kept_if;
    const char *doc;
} opt_state_buffer;

/* In a stepper file: the descriptor of the state struct's field `field`,
 * a buffer called by the field's name; extent is PER_COORDINATE,
 * PER_GROUP or SCALAR. */
#define OPT_BUFFER(state, field, extent, kept_if, doc) \
    { #field, offsetof(state, field), OPT_BUFFER_##extent, kept_if, doc }

typedef struct opt_stepper opt_stepper;

/* A method. Write one with designated initializers (see adam.c); fields
 * left out are zero, NULL or "none". */
typedef struct opt_stepper_type {
    const char *name;                 /* "gd", "adam", ... */
    const char *doc;                  /* one line with the update formula */
    size_t hp_size;                   /* sizeof the hyper-parameter struct */
    const void *hp_default;           /* its documented defaults */
    const opt_hparam *hparams;        /* descriptors, hp_count of them */
    size_t hp_count;
    /* sizeof the state struct: exactly what survives between steps. Its
     * vector fields are declared in buffers; the stepper allocates them
     * after the struct and points the fields at them. 0: no state. */
    size_t state_size;
    const opt_state_buffer *buffers;  /* buffer_count of them */
    size_t buffer_count;
    /* Prepare s->state for a fresh start (it is zeroed first and its
     * buffers are in place); NULL when zeros are the right start. */
    int (*init)(opt_stepper *s);
    /* One step: update x in place from the gradient g at x. s->t counts the
     * steps including this one (1 for the first step). */
    int (*step)(opt_stepper *s, double *x, const double *g, double lr);
    /* Release what the state owns besides its own memory; NULL when nothing. */
    void (*destroy)(opt_stepper *s);
} opt_stepper_type;

/* In a type object: the fields every stepper file fills from its own
 * hyper-parameter struct, defaults, descriptor table, state struct and
 * buffer table. */
#define OPT_STEPPER_TABLES(hp_type, defaults, hparam_table, state_type, buffer_table) \
    .hp_size = sizeof(hp_type), .hp_default = &(defaults),                          \
    .hparams = (hparam_table), .hp_count = sizeof(hparam_table) / sizeof *(hparam_table), \
    .state_size = sizeof(state_type),                                               \
    .buffers = (buffer_table), .buffer_count = sizeof(buffer_table) / sizeof *(buffer_table)

struct opt_stepper {
    const opt_stepper_type *type;
    size_t n;
    long t;          /* steps taken */
    void *hp;        /* a copy of the hyper-parameters */
    /* The type's state struct, followed by its buffers. Only the type's own
     * functions read it as a struct; everyone else asks for a buffer by
     * name (opt_stepper_buffer). */
    void *state;
    /* Parameter groups ("layers"), for methods that scale per group
     * (NovoGrad, LARS): group k is x[group_end[k-1] .. group_end[k]-1],
     * with group_end[-1] read as 0. One group of all n by default. */
    size_t ngroups;
    size_t *group_end;
};

/* A stepper for vectors of length n with hyper-parameters hp (copied; NULL
 * means the type's defaults). NULL when out of memory or n == 0. */
opt_stepper *opt_stepper_alloc(const opt_stepper_type *T, size_t n, const void *hp);
/* One step at learning rate lr: x <- update(x, g). OPT_EINVAL when lr is
 * negative or not finite. */
int opt_stepper_step(opt_stepper *s, double *x, const double *g, double lr);
/* Forget all state (momentum buffers, step count) and start afresh. */
int opt_stepper_reset(opt_stepper *s);
void opt_stepper_free(opt_stepper *s);
/* Split x into groups of the given sizes (which must add up to n); the
 * state is reset. OPT_EINVAL when they do not add up. */
int opt_stepper_set_groups(opt_stepper *s, const size_t *sizes, size_t count);
/* The bounds [*begin, *end) of group k. */
void opt_stepper_group(const opt_stepper *s, size_t k, size_t *begin, size_t *end);

/* The buffer the method keeps under `name` (see opt_state_buffer and each
 * method's section below), read-only; its length is
 * opt_stepper_buffer_length(s, name). NULL when this method, with these
 * hyper-parameters, keeps no such buffer (Adam's "max_exp_avg_sq" without
 * amsgrad, any name for gradient descent). */
const double *opt_stepper_buffer(const opt_stepper *s, const char *name);
/* The same buffer, writable: for a type's own step function, or to set the
 * state before a step (lab 04 feeds its velocity in). NULL as above. */
double *opt_stepper_buffer_writable(opt_stepper *s, const char *name);
/* The number of doubles in that buffer: n, the number of groups or 1;
 * 0 when there is no such buffer. */
size_t opt_stepper_buffer_length(const opt_stepper *s, const char *name);

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

/* --- SGD with momentum (sgd.c) ---------------------------------------------- */
/* torch.optim.SGD; defaults as PyTorch: all zero (plain gradient descent). */
typedef struct opt_sgd_params {
    double momentum;      /* rho; default 0 */
    double dampening;     /* default 0 */
    double weight_decay;  /* default 0 */
    int nesterov;         /* default 0; needs momentum > 0 and dampening = 0 */
    int maximize;         /* default 0 */
} opt_sgd_params;
/* Buffers: "momentum_buffer" (b; with momentum > 0 only). */
extern const opt_stepper_type *opt_sgd;

/* --- AdaGrad (adagrad.c) ------------------------------------------------------ */
/* torch.optim.Adagrad; PyTorch's default lr is 1e-2. */
typedef struct opt_adagrad_params {
    double lr_decay;                   /* default 0 */
    double weight_decay;               /* default 0 */
    double initial_accumulator_value;  /* default 0 */
    double eps;                        /* default 1e-10 */
    int maximize;                      /* default 0 */
} opt_adagrad_params;
/* Buffers: "sum" (G). */
extern const opt_stepper_type *opt_adagrad;

/* --- RMSProp (rmsprop.c) -------------------------------------------------------- */
/* torch.optim.RMSprop; PyTorch's default lr is 1e-2. */
typedef struct opt_rmsprop_params {
    double alpha;         /* default 0.99 */
    double eps;           /* default 1e-8 */
    double weight_decay;  /* default 0 */
    double momentum;      /* default 0 */
    int centered;         /* default 0 */
    int maximize;         /* default 0 */
} opt_rmsprop_params;
/* Buffers: "square_avg" (v), "momentum_buffer" (with momentum > 0),
 * "grad_avg" (centered only). */
extern const opt_stepper_type *opt_rmsprop;

/* --- Adam, AMSGrad, AdamW (adam.c) ---------------------------------------------- */
/* torch.optim.Adam and AdamW; PyTorch's default lr is 1e-3 for both. */
typedef struct opt_adam_params {
    double beta1;         /* default 0.9 */
    double beta2;         /* default 0.999 */
    double eps;           /* default 1e-8 */
    double weight_decay;  /* Adam: L2 in the gradient, default 0;
                             AdamW: decoupled, default 1e-2 */
    int amsgrad;          /* default 0 */
    int maximize;         /* default 0 */
} opt_adam_params;
/* Buffers: "exp_avg" (m), "exp_avg_sq" (v), "max_exp_avg_sq" (amsgrad only). */
extern const opt_stepper_type *opt_adam;
extern const opt_stepper_type *opt_adamw;

/* --- The lecture's momentum formulations (momentum.c) ---------------------------- */
/* "momentum" (v = rho v + g; x -= lr v), "momentum-classic" (v = rho v - lr g;
 * x += v) and "momentum-ema" (v = beta v + (1 - beta) g; x -= lr v; its
 * hyper-parameter is called beta). Equal iterates: classic with (rho, lr)
 * = momentum with (rho, lr); ema with (beta, lr) = momentum with
 * (rho = beta, lr (1 - beta)). Default rho = beta = 0.9. */
typedef struct opt_momentum_params { double rho; } opt_momentum_params;
/* Buffers: "velocity" (v), for all three. */
extern const opt_stepper_type *opt_momentum;
extern const opt_stepper_type *opt_momentum_classic;
extern const opt_stepper_type *opt_momentum_ema;

/* --- RAdam (radam.c) --------------------------------------------------------------- */
/* torch.optim.RAdam; PyTorch's default lr is 1e-3. */
typedef struct opt_radam_params {
    double beta1;          /* default 0.9 */
    double beta2;          /* default 0.999 */
    double eps;            /* default 1e-8 */
    double weight_decay;   /* default 0 */
    double rho_threshold;  /* rectify when rho_t > this; default 5 (PyTorch),
                              the paper's Algorithm 2 uses 4 */
    int maximize;          /* default 0 */
} opt_radam_params;
/* Buffers: "exp_avg" (m), "exp_avg_sq" (v). */
extern const opt_stepper_type *opt_radam;
/* rho_t = rho_inf - 2 t beta2^t / (1 - beta2^t), rho_inf = 2 / (1 - beta2) - 1. */
double opt_radam_rho(double beta2, long t);
/* r_t = sqrt((rho_t - 4)(rho_t - 2) rho_inf / ((rho_inf - 4)(rho_inf - 2) rho_t));
 * meaningful for rho_t > 4. */
double opt_radam_rectification(double beta2, long t);

/* --- NAdam (nadam.c) ----------------------------------------------------------------- */
/* torch.optim.NAdam; PyTorch's default lr is 2e-3. */
typedef struct opt_nadam_params {
    double beta1;           /* default 0.9 */
    double beta2;           /* default 0.999 */
    double eps;             /* default 1e-8 */
    double weight_decay;    /* default 0 */
    double momentum_decay;  /* default 4e-3 */
    int maximize;           /* default 0 */
    int paper_mu_product;   /* 1: the paper's look-ahead product mu_1...mu_{t+1}
                               (as PyTorch >= 2.0); default 0: PyTorch 1.13's,
                               which counts mu_t twice (see nadam.c) */
} opt_nadam_params;
/* Buffers: "exp_avg" (m), "exp_avg_sq" (v), "mu_product" (one number). */
extern const opt_stepper_type *opt_nadam;

/* --- NovoGrad (novograd.c), per parameter group ---------------------------------- */
/* Not in PyTorch: the paper's Algorithm 1 and its reference implementation. */
typedef struct opt_novograd_params {
    double beta1;         /* default 0.95 */
    double beta2;         /* default 0.98 */
    double eps;           /* default 1e-8 */
    double weight_decay;  /* decoupled; default 0 */
    int grad_averaging;   /* default 0 */
} opt_novograd_params;
/* Buffers: "exp_avg" (m), "exp_avg_sq" (one v per group). */
extern const opt_stepper_type *opt_novograd;

/* --- LARS (lars.c), per parameter group -------------------------------------------- */
/* Not in PyTorch: the paper's Algorithm 1. */
typedef struct opt_lars_params {
    double momentum;      /* default 0.9 */
    double weight_decay;  /* default 5e-4 */
    double trust;         /* the trust coefficient eta; default 1e-3 */
} opt_lars_params;
/* Buffers: "momentum_buffer" (b). */
extern const opt_stepper_type *opt_lars;
/* trust ||x|| / (||g|| + weight_decay ||x||), or 1 when a norm is zero. */
double opt_lars_local_lr(const double *x, const double *g, size_t n, double trust,
                         double weight_decay);

/* --- Lookahead (lookahead.c) around any stepper ---------------------------------------- */
typedef struct opt_lookahead_params {
    long k;               /* default 5 */
    double alpha;         /* default 0.5 */
    opt_stepper *inner;   /* the fast optimizer; owned (freed) by the lookahead */
} opt_lookahead_params;
/* Buffers: "slow_weights" (phi); the inner stepper's are its own. */
extern const opt_stepper_type *opt_lookahead;
/* A Lookahead stepper around inner, which it owns from then on: freeing
 * the Lookahead frees inner, and on failure (NULL) inner is freed too. */
opt_stepper *opt_lookahead_alloc(opt_stepper *inner, long k, double alpha);

#endif
