/* solver.c — traces, and the adapter that fills one from a progress
 * callback. */
#include <stdlib.h>
#include <string.h>
#include "solver.h"
#include "status.h"
#include "vec.h"

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
    const size_t width = OPT_TRACE_X + t->n;
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
    memcpy(row + OPT_TRACE_X, x, t->n * sizeof *x);
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
        for (size_t j = 1; j < OPT_TRACE_X + t->n; j++)
            fprintf(out, "\t%.17g", row[j]);
        fputc('\n', out);
    }
    return ferror(out) ? OPT_EIO : OPT_OK;
}

int opt_trace_record(const opt_progress *p, void *trace)
{
    return opt_trace_push(trace, p->k, p->f, p->gnorm, p->x);
}

int opt_progress_report(opt_progress_fn progress, void *ctx, long k, const double *x, double f,
                        const double *g, double step, long evaluations, size_t n)
{
    const opt_progress now = { .k = k, .n = n, .x = x, .f = f, .g = g,
                               .gnorm = opt_norm2(g, n), .step = step,
                               .evaluations = evaluations };
    return progress(&now, ctx);
}
