/* method_run.c — running a method read by method.c, and its settings as
 * a trace's metadata. A stepper runs under opt_run; a solver under its own
 * call, with a progress callback that records each iterate the way
 * opt_run records a stepper's, so that every trace has the same rows. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "method.h"
#include "status.h"
#include "vec.h"

/* ---- Running ------------------------------------------------------------------ */

/* A solver's progress: the row into the trace, then the caller's progress,
 * in the order opt_run keeps. */
typedef struct recorder {
    opt_trace *trace;
    opt_progress_fn progress;
    void *ctx;
} recorder;

static int record_row(const opt_progress *p, void *ctx)
{
    const recorder *rec = ctx;
    int st = rec->trace ? opt_trace_record(p, rec->trace) : 0;
    if (st == 0 && rec->progress)
        st = rec->progress(p, rec->ctx);
    return st;
}

static int run_lbfgs(opt_method *m, const opt_objective *obj, double *x, long steps,
                     recorder *rec, opt_result *res)
{
    opt_lbfgs_params p = m->lbfgs;
    p.max_iterations = steps;
    return opt_lbfgs(obj, x, NULL, &p, record_row, rec, res);
}

static int run_newton(opt_method *m, const opt_objective *obj, double *x, long steps,
                      recorder *rec, opt_result *res)
{
    opt_newton_params p = m->newton;
    p.max_iterations = steps;
    return opt_newton(obj, x, NULL, &p, record_row, rec, res);
}

int opt_method_run(opt_method *m, const opt_objective *obj, double *x, long steps,
                   opt_trace *trace, opt_progress_fn progress, void *ctx,
                   opt_result *res)
{
    recorder rec = { trace, progress, ctx };
    if (m->kind == OPT_METHOD_LBFGS)
        return run_lbfgs(m, obj, x, steps, &rec, res);
    if (m->kind != OPT_METHOD_STEPPER)
        return run_newton(m, obj, x, steps, &rec, res);
    opt_run_params p = opt_run_defaults();
    p.lr = m->lr;
    p.max_steps = steps;
    if (m->has_schedule) {
        p.schedule = opt_schedule_fn;
        p.schedule_ctx = &m->schedule;
    }
    p.clip_norm = m->clip_norm;
    p.clip_value = m->clip_value;
    p.progress = progress;
    p.progress_ctx = ctx;
    return opt_run(obj, m->stepper, x, &p, trace, res);
}

const char *opt_method_outcome(const opt_result *res, char *buf, size_t cap)
{
    if (res->status == OPT_EDIVERGED && isfinite(res->f)) {
        int plain = strcmp(res->reason, "diverged") == 0;
        snprintf(buf, cap, "diverged at step %ld (last finite f = %.4g)%s%s", res->steps, res->f,
                 plain ? "" : ": ", plain ? "" : res->reason);
    } else if (res->status == OPT_EDIVERGED)
        snprintf(buf, cap, "diverged at step %ld (no finite f before it)", res->steps);
    else
        snprintf(buf, cap, "f = %-11.4e  ||g|| = %-10.3e  %ld steps (%s)", res->f, res->gnorm,
                 res->steps, res->status == OPT_EMAXITER ? "step budget used" : res->reason);
    return buf;
}

/* ---- Trace metadata ------------------------------------------------------------ */

void opt_method_meta_add(opt_method_meta *meta, const char *key, const char *value)
{
    if (meta->count >= OPT_METHOD_META_MAX)
        return;
    meta->pairs[2 * meta->count] = key;
    meta->pairs[2 * meta->count + 1] = value;
    meta->pairs[2 * ++meta->count] = NULL;
}

/* A formatted key or value kept in meta; "" when meta is full. */
static const char *meta_text(opt_method_meta *meta, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static const char *meta_text(opt_method_meta *meta, const char *fmt, ...)
{
    if (meta->ntext >= sizeof meta->text / sizeof *meta->text)
        return "";
    char *s = meta->text[meta->ntext++];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s, sizeof meta->text[0], fmt, ap);
    va_end(ap);
    return s;
}

static void meta_hparams(opt_method_meta *meta, const opt_stepper_type *T, const void *hp,
                         const char *prefix)
{
    for (size_t h = 0; h < T->hp_count; h++) {
        const opt_hparam *d = &T->hparams[h];
        const char *key = *prefix ? meta_text(meta, "%s%s", prefix, d->name) : d->name;
        opt_method_meta_add(meta, key, meta_text(meta, "%.17g", opt_stepper_hp_get(T, hp, d)));
    }
}

static void meta_solver(opt_method_meta *meta, const opt_method *m)
{
    const int is_lbfgs = m->kind == OPT_METHOD_LBFGS;
    opt_method_meta_add(meta, "epsilon", meta_text(meta, "%.17g", is_lbfgs ? m->lbfgs.epsilon
                                                                           : m->newton.epsilon));
    opt_method_meta_add(meta, "linesearch", opt_linesearch_name(is_lbfgs ? m->lbfgs.linesearch
                                                                         : m->newton.linesearch));
    if (is_lbfgs)
        opt_method_meta_add(meta, "m", meta_text(meta, "%d", m->lbfgs.m));
    else if (m->kind == OPT_METHOD_NEWTON_MODIFIED)
        opt_method_meta_add(meta, "modification",
                            m->newton.kind == OPT_NEWTON_EIGEN ? "eigen" : "cholesky");
}

void opt_method_meta_init(opt_method_meta *meta, const opt_method *m)
{
    meta->count = meta->ntext = 0;
    meta->pairs[0] = NULL;
    opt_method_meta_add(meta, "method", m->name);
    opt_method_meta_add(meta, "label", m->label);
    if (m->kind != OPT_METHOD_STEPPER) {
        meta_solver(meta, m);
        return;
    }
    opt_method_meta_add(meta, "lr", meta_text(meta, "%.17g", m->lr));
    meta_hparams(meta, m->type, m->hp, "");
    if (m->inner_type) {
        opt_method_meta_add(meta, "inner", m->inner_type->name);
        meta_hparams(meta, m->inner_type, m->inner_hp, "inner.");
    }
    if (m->has_schedule)
        opt_method_meta_add(meta, "schedule", opt_schedule_name(m->schedule.kind));
    if (m->clip_norm > 0)
        opt_method_meta_add(meta, "clip_norm", meta_text(meta, "%.17g", m->clip_norm));
    if (m->clip_value > 0)
        opt_method_meta_add(meta, "clip_value", meta_text(meta, "%.17g", m->clip_value));
}
