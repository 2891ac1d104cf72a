/* method.h — methods from a Lua list: a stepper with its learning rate,
 * hyper-parameters, schedule and clipping, or a second-order solver with
 * its settings, checked and ready to run on any objective.
 *
 * A lab that compares methods declares one parameter that holds a list of
 * records (config.h),
 *
 *     { "methods", OPT_T_TABLE, "{ {name = 'gd', lr = 0.1} }", 0, 0, "the methods to run" },
 *
 * reads it once, before it writes anything, and runs each method:
 *
 *     opt_method *m;  size_t count;
 *     int st = opt_methods_read(cfg, "methods", obj.n, &m, &count);
 *     if (st != OPT_OK) ...            // opt_config_error(cfg) says what and where
 *     for (size_t i = 0; i < count; i++)
 *         opt_method_run(&m[i], &obj, x, steps, trace, NULL, NULL, &result);
 *     opt_methods_free(m, count);
 *
 * A record (every key but name may be left out):
 *
 *   name         a stepper of optim.h ("gd", "sgd", "adam", ..., "lookahead")
 *                or a solver: "newton" (pure Newton: step 1, no line search),
 *                "newton-modified" (newton.h's modified Newton) or "lbfgs"
 *   label        a non-empty string for legends (cut to 95 bytes). Default: the
 *                name ("lookahead(gd)" for Lookahead), or, when two records share
 *                the name, the name and the rate ("gd, lr = 0.1"); a solver whose
 *                name is shared: "lbfgs (2)", so two of them need labels
 *
 *   A stepper also takes:
 *   lr           the learning rate, > 0; default 0.1 (opt_run_defaults)
 *   <hp>         any hyper-parameter of the stepper by its optim.h name
 *                (momentum = 0.9, beta2 = 0.99, nesterov = true): a number in
 *                its range, an integer where one is needed, a boolean or 0/1
 *                for a switch; the rest keep the stepper's defaults
 *   schedule     a learning-rate schedule (schedule.h): a name, schedule =
 *                'cosine', or a table of its fields, {name = 'step', step_size =
 *                100, gamma = 0.5}, taking gamma, step_size, milestones (a list of
 *                steps), T, eta_min, warmup, warmup_start; the rest keep
 *                opt_schedule_defaults. Default: none (a constant rate)
 *   clip_norm    clip the gradient to this global norm, >= 0; default 0 (off)
 *   clip_value   clamp each gradient entry to [-v, v], >= 0; default 0 (off)
 *   inner        Lookahead only: the fast stepper, a record {name = 'adam',
 *                <hp> = ...} (a name and hyper-parameters, nothing else);
 *                default {name = 'gd'}
 *
 *   A solver also takes (its iteration budget is the run's steps):
 *   epsilon      the gradient test ||g|| <= epsilon max(1, ||x||), >= 0; default
 *                1e-10 (newton, newton-modified), 1e-5 (lbfgs)
 *   modification newton-modified: 'cholesky' (default) or 'eigen'
 *   linesearch   newton-modified: 'more-thuente' or 'backtracking' (default);
 *                lbfgs: 'more-thuente' (default), 'backtracking' or 'fixed'
 *   m            lbfgs: the pairs kept, an integer in [1, 1000]; default 6
 *   step         lbfgs with linesearch = 'fixed': the step, > 0; default 1
 *
 * Each record gets a key: its label made file-safe (every run of
 * characters outside [A-Za-z0-9.-] one '_', none at the ends; the name
 * when nothing is left). Labs name a method's outputs after it
 * (trace-<key>.tsv, "<key>.f" in numbers.tsv), so two records whose keys
 * are equal are refused.
 *
 * Errors: every record is checked, field by field, before anything runs;
 * the first problem is an OPT_ECONFIG whose one-line message
 * (opt_config_error) names the place, the key and the record, says what was
 * expected and, for a name that matched nothing, suggests the nearest and
 * lists the known ones (names.h):
 *
 *     --set methods=...: key 'methods': methods[2]: unknown method 'adma'
 *         (did you mean 'adam'?); known methods: gd, sgd, ...
 *     --set methods=...: key 'methods': methods[1] (sgd): momentum = 2 is not
 *         a number in [0, 1]
 *     --set methods=...: key 'methods': methods[1] (sgd): these
 *         hyper-parameters do not go together; nesterov: ...   (refused by the
 *         stepper itself, with the docs of the fields that were set)
 *
 * (each one line). Out of memory is OPT_ENOMEM, with no message.
 */
#ifndef OPT_METHOD_H
#define OPT_METHOD_H

#include <stddef.h>
#include "config.h"
#include "lbfgs.h"
#include "newton.h"
#include "objective.h"
#include "optim.h"
#include "run.h"
#include "schedule.h"

typedef enum {
    OPT_METHOD_STEPPER,          /* a stepper of optim.h, run by opt_run */
    OPT_METHOD_NEWTON,           /* opt_newton, OPT_NEWTON_PURE */
    OPT_METHOD_NEWTON_MODIFIED,  /* opt_newton, OPT_NEWTON_CHOLESKY or _EIGEN */
    OPT_METHOD_LBFGS             /* opt_lbfgs */
} opt_method_kind;

#define OPT_METHOD_LABEL_MAX 96   /* bytes of a label or key, with the NUL */

typedef struct opt_method {
    opt_method_kind kind;
    const char *name;             /* "gd", "lbfgs", ... */
    char label[OPT_METHOD_LABEL_MAX];   /* as given (cut to fit), or the default */
    char key[OPT_METHOD_LABEL_MAX];     /* the label made file-safe, unique */
    /* OPT_METHOD_STEPPER */
    const opt_stepper_type *type;
    void *hp;                     /* type's hyper-parameters (owned) */
    const opt_stepper_type *inner_type;   /* Lookahead's inner stepper, else NULL */
    void *inner_hp;               /* its hyper-parameters (owned) */
    double lr;
    int has_schedule;
    opt_schedule schedule;        /* when has_schedule */
    double clip_norm, clip_value; /* 0: off */
    opt_stepper *stepper;         /* made for the dimension read with (owned) */
    /* The solvers: their parameters (max_iterations is set by the run) */
    opt_newton_params newton;     /* OPT_METHOD_NEWTON, OPT_METHOD_NEWTON_MODIFIED */
    opt_lbfgs_params lbfgs;       /* OPT_METHOD_LBFGS */
} opt_method;

/* Read the list of method records at key (a parameter of c) for objectives
 * of dimension n: *methods receives count checked methods, each stepper
 * made for vectors of length n (free with opt_methods_free). An empty list
 * is an error. OPT_OK, OPT_ECONFIG (c's error says why; nothing is
 * returned) or OPT_ENOMEM. */
int opt_methods_read(opt_config *c, const char *key, size_t n, opt_method **methods,
                     size_t *count);
void opt_methods_free(opt_method *methods, size_t count);

/* Run m on obj from x (updated in place) for at most steps steps or
 * iterations, recording every iterate in trace (rows step, f, ||g||, x from
 * step 0, as opt_run writes them; trace may be NULL) and calling progress
 * (NULL: none) with ctx at each, k = 0 (the start), 1, 2, ... after its row
 * is recorded (solver.h); a non-zero return stops the run with that status.
 * res receives the outcome, solver.h's opt_result, for every kind (a start
 * point whose f or g is not finite is the caller's to refuse). A
 * stepper method runs its own stepper, which keeps its state: reset it
 * (opt_stepper_reset) to run the method again. Returns res->status, or
 * OPT_ENOMEM. */
int opt_method_run(opt_method *m, const opt_objective *obj, double *x, long steps,
                   opt_trace *trace, opt_progress_fn progress, void *ctx,
                   opt_result *res);

/* The outcome of a run in words, as the playground prints it after the
 * label: "f = 1.2346e-03  ||g|| = 4.567e-02  1000 steps (step budget used)"
 * (or the reason it stopped), "diverged at step 12 (last finite f = 3.5)"
 * followed by ": <reason>" when that is not plain "diverged", or "diverged
 * at step 12 (no finite f before it)". Returns buf. */
const char *opt_method_outcome(const opt_result *res, char *buf, size_t cap);

/* A method's settings as `# key=value` lines for a trace (opt_trace_write_tsv):
 * method, label, then a stepper's lr and every hyper-parameter (a solver's
 * epsilon, linesearch and m or modification), Lookahead's inner and its
 * hyper-parameters as inner.<name>, schedule, clip_norm and clip_value when
 * set; numbers as %.17g. */
#define OPT_METHOD_META_MAX 64    /* pairs, with room for a few of the caller's */
typedef struct opt_method_meta {
    const char *pairs[2 * OPT_METHOD_META_MAX + 1];   /* key, value, ..., NULL */
    size_t count;                                     /* pairs so far */
    char text[2 * OPT_METHOD_META_MAX][48];           /* the formatted ones */
    size_t ntext;
} opt_method_meta;

void opt_method_meta_init(opt_method_meta *meta, const opt_method *m);
/* Append key = value (not copied: both must outlive meta); ignored when full. */
void opt_method_meta_add(opt_method_meta *meta, const char *key, const char *value);

#endif
