/* solver.h — what every solver reports: one result, one progress callback,
 * and traces.
 *
 * The three ways libopt minimizes, opt_run (a stepper of optim.h, run.h),
 * opt_newton (newton.h) and opt_lbfgs (lbfgs.h), report in the same shapes:
 *
 *   opt_result      how the run ended: status, reason, iterations,
 *                   evaluations, f and ||g|| at the last iterate
 *   opt_progress_fn called once per iterate with an opt_progress
 *   opt_trace       one row per iterate; opt_trace_record is a progress
 *                   callback that fills one
 *
 * The iterate index k. k = 0 is the start point; k = 1 is the point after
 * the first step (iteration), k = 2 after the second, and so on. Every
 * solver calls its progress callback for k = 0, 1, 2, ... in order, once per
 * iterate it accepts, after f and g are evaluated there and before the
 * stopping tests look at it; a trace's row k is iterate k. A solver that
 * stops at iterate K has called the callback K + 1 times and reports
 * iterations = K. A run that diverges in iteration K (OPT_EDIVERGED) reports
 * iterations = K and has called it K times: the non-finite iterate is not
 * reported, and the trace ends with the last finite one.
 *
 *   opt_trace *tr = opt_trace_alloc(n);
 *   opt_result r;
 *   opt_lbfgs(&obj, x, &f, &p, opt_trace_record, tr, &r);
 *   // tr->rows == r.iterations + 1; opt_trace_x(tr, k) is x_k
 */
#ifndef OPT_SOLVER_H
#define OPT_SOLVER_H

#include <stddef.h>
#include <stdio.h>

/* How a run ended. Every field is set by every solver, whatever the status
 * (f and gnorm are NaN when not even the start point was evaluated). */
typedef struct opt_result {
    int status;          /* OPT_OK (a stopping test held), OPT_EMAXITER (the budget ran
                            out), OPT_EDIVERGED, OPT_ENOPROG, OPT_EINVAL, OPT_ENOMEM,
                            or the non-zero value a progress callback returned */
    const char *reason;  /* a short constant phrase: which test held, or what went
                            wrong; each solver's header lists its own */
    union {
        long iterations; /* iterations completed: the index k of the last iterate.
                            With OPT_EDIVERGED, the iteration in which f, g or x
                            became non-finite (0: the start point) */
        long steps;      /* the same number: a stepper's iterations are its steps */
    };
    long evaluations;    /* evaluations of f and g together (Hessians not counted) */
    double f;            /* f at the last finite iterate */
    double gnorm;        /* ||g|| there */
} opt_result;

/* What a progress callback sees at iterate k. The pointers are the
 * solver's: valid during the call only. */
typedef struct opt_progress {
    long k;              /* the iterate: 0 the start point, 1, 2, ... */
    size_t n;            /* dimension of x */
    const double *x;     /* x_k */
    double f;            /* f(x_k) */
    const double *g;     /* the gradient at x_k, as evaluated (before any clipping) */
    double gnorm;        /* ||g|| */
    double step;         /* the step that led from x_{k-1} to x_k: the line search's
                            a (Newton, L-BFGS; 1 for pure Newton) or the learning
                            rate (a stepper); 0 at k = 0 */
    long evaluations;    /* evaluations of f and g so far, this iterate's included */
} opt_progress;

/* A progress callback: a non-zero return stops the run with that value as
 * its status (reason "stopped by progress"). */
typedef int (*opt_progress_fn)(const opt_progress *p, void *ctx);

/* --- Traces --------------------------------------------------------------- */
/* One row per iterate from k = 0 (the start point): step, f, ||g||, x. */
typedef struct opt_trace {
    size_t n;         /* dimension of x */
    size_t rows;      /* rows recorded */
    size_t cap;
    double *data;     /* rows x (OPT_TRACE_X + n), row-major */
} opt_trace;

/* The columns of a row: step (k), f, gnorm, then x_1 .. x_n from OPT_TRACE_X. */
enum { OPT_TRACE_STEP, OPT_TRACE_F, OPT_TRACE_GNORM, OPT_TRACE_X };

opt_trace *opt_trace_alloc(size_t n);
void opt_trace_free(opt_trace *t);
void opt_trace_clear(opt_trace *t);
/* Append a row. OPT_ENOMEM when it cannot grow. */
int opt_trace_push(opt_trace *t, long step, double f, double gnorm, const double *x);
/* Row i's values: [step, f, gnorm, x1..xn]. */
static inline const double *opt_trace_row(const opt_trace *t, size_t i)
{
    return t->data + i * (OPT_TRACE_X + t->n);
}
/* Row i's x: n values. */
static inline const double *opt_trace_x(const opt_trace *t, size_t i)
{
    return opt_trace_row(t, i) + OPT_TRACE_X;
}
/* The adapter from progress to traces: a progress callback whose ctx is an
 * opt_trace (of p->n) and which appends the row (p->k, p->f, p->gnorm,
 * p->x). Returns opt_trace_push's status, so a full memory stops the run
 * with OPT_ENOMEM:
 *     opt_newton(&obj, x, &f, &p, opt_trace_record, trace, &r); */
int opt_trace_record(const opt_progress *p, void *trace);

/* For solvers: calls progress with iterate k (x, f and g of n values, the
 * step that reached it, the evaluations so far; gnorm is computed here), and
 * returns what progress returns. */
int opt_progress_report(opt_progress_fn progress, void *ctx, long k, const double *x, double f,
                        const double *g, double step, long evaluations, size_t n);
/* Writes the trace as TSV: `# key=value` lines from meta (pairs, NULL-
 * terminated: {"method", "gd", "lr", "0.1", NULL}), then the header
 * `step f gnorm x1 x2 ...` (tab-separated), then one row per iterate with
 * every number as %.17g. OPT_EIO when writing fails. */
int opt_trace_write_tsv(const opt_trace *t, FILE *out, const char *const *meta);

#endif
