/* run.h — the driver: a stepper on an objective, with stopping tests and a
 * trace.
 *
 *   opt_run_params p = opt_run_defaults();  p.lr = 0.1;
 *   opt_trace *tr = opt_trace_alloc(n);
 *   opt_run_result r;
 *   int status = opt_run(&obj, stepper, x, &p, tr, &r);
 *
 * At every step the driver evaluates f and g at x, records the row, checks
 * the stopping tests, then asks the stepper for the next x. A non-finite f,
 * gradient or iterate stops the run with OPT_EDIVERGED, and r.steps is the
 * step at which it happened.
 */
#ifndef OPT_RUN_H
#define OPT_RUN_H

#include <stdio.h>
#include "objective.h"
#include "optim.h"

/* A learning rate that depends on the step t = 1, 2, ... (schedules). */
typedef double (*opt_lr_fn)(long t, double lr0, void *ctx);

typedef struct opt_run_params {
    double lr;          /* base learning rate; default 0.1 */
    long max_steps;     /* step budget; default 1000 */
    double gtol;        /* stop when ||g|| <= gtol; default 0 (off) */
    double ftol;        /* stop when |f_k - f_{k-1}| <= ftol * max(1, |f_k|);
                           default 0 (off) */
    opt_lr_fn schedule; /* NULL: constant lr; opt_schedule_fn with an
                           opt_schedule as ctx for the named schedules */
    void *schedule_ctx;
    double clip_norm;   /* clip the gradient to this global norm before each
                           step (the trace keeps the unclipped norm); 0: off */
    double clip_value;  /* clamp each gradient entry to [-v, v]; 0: off */
    /* Called after each recorded row; a non-zero return stops the run with
     * that status. NULL: none. */
    int (*progress)(long step, double f, double gnorm, const double *x, size_t n, void *ctx);
    void *progress_ctx;
} opt_run_params;

opt_run_params opt_run_defaults(void);

typedef struct opt_run_result {
    int status;       /* OPT_OK (a stopping test held), OPT_EMAXITER, OPT_EDIVERGED, ... */
    long steps;       /* steps taken; for OPT_EDIVERGED the step that diverged */
    double f;         /* last finite loss */
    double gnorm;     /* last finite gradient norm */
    const char *reason; /* "gradient norm", "relative change", "budget", "diverged" */
} opt_run_result;

/* --- Traces --------------------------------------------------------------- */
/* One row per iterate from step 0 (the start point): step, f, ||g||, x. */
typedef struct opt_trace {
    size_t n;         /* dimension of x */
    size_t rows;      /* rows recorded */
    size_t cap;
    double *data;     /* rows x (3 + n), row-major */
} opt_trace;

opt_trace *opt_trace_alloc(size_t n);
void opt_trace_free(opt_trace *t);
void opt_trace_clear(opt_trace *t);
int opt_trace_push(opt_trace *t, long step, double f, double gnorm, const double *x);
/* Row i's values: [step, f, gnorm, x1..xn]. */
static inline const double *opt_trace_row(const opt_trace *t, size_t i)
{
    return t->data + i * (3 + t->n);
}
/* Writes the trace as TSV: `# key=value` lines from meta (pairs, NULL-
 * terminated: {"method", "gd", "lr", "0.1", NULL}), then the header
 * `step f gnorm x1 x2 ...` (tab-separated), then one row per iterate with
 * every number as %.17g. OPT_EIO when writing fails. */
int opt_trace_write_tsv(const opt_trace *t, FILE *out, const char *const *meta);

/* Minimize obj from x (updated in place) with stepper s. trace may be NULL.
 * Returns the same status as res->status. */
int opt_run(const opt_objective *obj, opt_stepper *s, double *x,
            const opt_run_params *p, opt_trace *trace, opt_run_result *res);

#endif
