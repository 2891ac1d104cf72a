/* run.h — the driver: a stepper on an objective, with stopping tests and a
 * trace. Its result, progress callback and traces are solver.h's, shared
 * with opt_newton and opt_lbfgs.
 *
 *   opt_run_params p = opt_run_defaults();  p.lr = 0.1;
 *   opt_trace *tr = opt_trace_alloc(n);
 *   opt_result r;
 *   int status = opt_run(&obj, stepper, x, &p, tr, &r);
 *
 * At every step the driver evaluates f and g at x, records the row, checks
 * the stopping tests, then asks the stepper for the next x. A non-finite f,
 * gradient or iterate stops the run with OPT_EDIVERGED, and r.iterations
 * (also named r.steps) is the step at which it happened.
 */
#ifndef OPT_RUN_H
#define OPT_RUN_H

#include <stdio.h>
#include "objective.h"
#include "optim.h"
#include "solver.h"

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
    /* Called at every iterate k = 0 (the start), 1, 2, ... after its row is
     * recorded (solver.h); a non-zero return stops the run with that status.
     * p->step is the learning rate of the step that led to x_k. NULL: none. */
    opt_progress_fn progress;
    void *progress_ctx;
} opt_run_params;

opt_run_params opt_run_defaults(void);

/* The result is solver.h's opt_result; this is its older name, kept for
 * the labs that use it. */
typedef opt_result opt_run_result;

/* Minimize obj from x (updated in place) with stepper s; trace (NULL: none)
 * receives a row per iterate, k = 0 (the start) first. res (NULL: not
 * wanted) receives the outcome (solver.h), its reason one of:
 *   "gradient norm"        OPT_OK, ||g|| <= gtol
 *   "relative change"      OPT_OK, the ftol test
 *   "budget"               OPT_EMAXITER, k = max_steps
 *   "diverged"             OPT_EDIVERGED: f, g or x_k not finite; iterations = k
 *                          (x holds that iterate; f and gnorm are the last finite)
 *   "stopped by progress"  the progress callback's non-zero status
 *   opt_strerror(status)   a stepper's step failed with that status
 *   "invalid argument"     OPT_EINVAL (NULL obj, s, x or p; dimensions that differ;
 *                          max_steps < 0)
 *   "out of memory"        OPT_ENOMEM
 * Evaluations: one per iterate, the diverged one included. Returns
 * res->status. */
int opt_run(const opt_objective *obj, opt_stepper *s, double *x,
            const opt_run_params *p, opt_trace *trace, opt_result *res);

#endif
