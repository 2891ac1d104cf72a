/* run.c — the driver loop and traces. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "run.h"
#include "status.h"
#include "vec.h"
#include "clip.h"

/* ---- The driver ------------------------------------------------------------------- */

opt_run_params opt_run_defaults(void)
{
    return (opt_run_params){ .lr = 0.1, .max_steps = 1000 };
}

/* Stops the run: fills res and returns its status. */
static int stop(opt_result *res, int status, long step, const char *reason)
{
    res->status = status;
    res->iterations = step;
    res->reason = reason;
    return status;
}

int opt_run(const opt_objective *obj, opt_stepper *s, double *x,
            const opt_run_params *p, opt_trace *trace, opt_result *res)
{
    opt_result local;
    if (!res)
        res = &local;
    *res = (opt_result){ .status = OPT_EINVAL, .reason = "invalid argument", .f = NAN,
                         .gnorm = NAN };
    if (!obj || !s || !x || !p || s->n != obj->n || p->max_steps < 0
        || (trace && trace->n != obj->n))
        return OPT_EINVAL;
    const size_t n = obj->n;
    double *g = malloc(n * sizeof *g);
    if (!g)
        return stop(res, OPT_ENOMEM, 0, "out of memory");

    int status = OPT_EMAXITER;
    const char *reason = "budget";
    double f_prev = NAN, lr = 0;   /* lr: the rate of the step that led to x_k */
    long k;
    for (k = 0;; k++) {
        /* Evaluate and record iterate k. */
        double f = opt_eval(obj, x, g);
        double gnorm = opt_norm2(g, n);
        res->evaluations++;
        if (!isfinite(f) || !isfinite(gnorm) || !opt_all_finite(x, n)) {
            status = OPT_EDIVERGED;
            reason = "diverged";
            break;
        }
        res->f = f;
        res->gnorm = gnorm;
        if (trace && opt_trace_push(trace, k, f, gnorm, x) != OPT_OK) {
            status = OPT_ENOMEM;
            reason = "out of memory";
            break;
        }
        if (p->progress) {
            const opt_progress now = { .k = k, .n = n, .x = x, .f = f, .g = g, .gnorm = gnorm,
                                       .step = lr, .evaluations = res->evaluations };
            int st = p->progress(&now, p->progress_ctx);
            if (st) {
                status = st;
                reason = "stopped by progress";
                break;
            }
        }
        /* Stopping tests, in order of precedence. */
        if (gnorm <= p->gtol) {
            status = OPT_OK;
            reason = "gradient norm";
            break;
        }
        if (k > 0 && p->ftol > 0 && fabs(f - f_prev) <= p->ftol * fmax(1.0, fabs(f))) {
            status = OPT_OK;
            reason = "relative change";
            break;
        }
        if (k == p->max_steps)
            break;
        f_prev = f;
        /* Step k+1. */
        lr = p->schedule ? p->schedule(k + 1, p->lr, p->schedule_ctx) : p->lr;
        if (p->clip_value > 0)
            opt_clip_value(g, n, p->clip_value);
        if (p->clip_norm > 0)
            opt_clip_norm(g, n, p->clip_norm);
        int st = opt_stepper_step(s, x, g, lr);
        if (st) {
            status = st;
            reason = opt_strerror(st);
            k++;
            break;
        }
    }
    free(g);
    return stop(res, status, k, reason);
}
