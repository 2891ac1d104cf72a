/* run.c — the driver loop and traces. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "run.h"
#include "status.h"
#include "vec.h"
#include "clip.h"

/* ---- Traces ------------------------------------------------------------------- */

opt_trace *opt_trace_alloc(size_t n)
{
    opt_trace *t = calloc(1, sizeof *t);
    if (t)
        t->n = n;
    return t;
}

void opt_trace_free(opt_trace *t)
{
    if (t)
        free(t->data);
    free(t);
}

void opt_trace_clear(opt_trace *t)
{
    t->rows = 0;
}

int opt_trace_push(opt_trace *t, long step, double f, double gnorm, const double *x)
{
    const size_t width = 3 + t->n;
    if (t->rows == t->cap) {
        size_t cap = t->cap ? 2 * t->cap : 64;
        double *d = realloc(t->data, cap * width * sizeof *d);
        if (!d)
            return OPT_ENOMEM;
        t->data = d;
        t->cap = cap;
    }
    double *row = t->data + t->rows * width;
    row[0] = (double)step;
    row[1] = f;
    row[2] = gnorm;
    memcpy(row + 3, x, t->n * sizeof *x);
    t->rows++;
    return OPT_OK;
}

int opt_trace_write_tsv(const opt_trace *t, FILE *out, const char *const *meta)
{
    for (size_t i = 0; meta && meta[i] && meta[i + 1]; i += 2)
        fprintf(out, "# %s=%s\n", meta[i], meta[i + 1]);
    fputs("step\tf\tgnorm", out);
    for (size_t j = 0; j < t->n; j++)
        fprintf(out, "\tx%zu", j + 1);
    fputc('\n', out);
    for (size_t r = 0; r < t->rows; r++) {
        const double *row = opt_trace_row(t, r);
        fprintf(out, "%ld", (long)row[0]);
        for (size_t j = 1; j < 3 + t->n; j++)
            fprintf(out, "\t%.17g", row[j]);
        fputc('\n', out);
    }
    return ferror(out) ? OPT_EIO : OPT_OK;
}

/* ---- The driver ------------------------------------------------------------------- */

opt_run_params opt_run_defaults(void)
{
    return (opt_run_params){ .lr = 0.1, .max_steps = 1000 };
}

/* Stops the run: fills res and returns its status. */
static int stop(opt_run_result *res, int status, long step, const char *reason)
{
    res->status = status;
    res->steps = step;
    res->reason = reason;
    return status;
}

int opt_run(const opt_objective *obj, opt_stepper *s, double *x,
            const opt_run_params *p, opt_trace *trace, opt_run_result *res)
{
    opt_run_result local;
    if (!res)
        res = &local;
    *res = (opt_run_result){ OPT_EINVAL, 0, NAN, NAN, "invalid argument" };
    if (!obj || !s || !x || !p || s->n != obj->n || p->max_steps < 0
        || (trace && trace->n != obj->n))
        return OPT_EINVAL;
    const size_t n = obj->n;
    double *g = malloc(n * sizeof *g);
    if (!g)
        return stop(res, OPT_ENOMEM, 0, "out of memory");

    int status = OPT_EMAXITER;
    const char *reason = "budget";
    double f_prev = NAN;
    long k;
    for (k = 0;; k++) {
        /* Evaluate and record iterate k. */
        double f = opt_eval(obj, x, g);
        double gnorm = opt_norm2(g, n);
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
            int st = p->progress(k, f, gnorm, x, n, p->progress_ctx);
            if (st) {
                status = st;
                reason = "stopped by callback";
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
        double lr = p->schedule ? p->schedule(k + 1, p->lr, p->schedule_ctx) : p->lr;
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
