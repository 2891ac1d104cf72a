/* The one solver interface (solver.h): opt_run, opt_newton and opt_lbfgs
 * call their progress callback at k = 0, 1, 2, ... and report results that
 * agree with the trace opt_trace_record fills; and every reason a header
 * promises is one its code can return, and the other way round. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "opt.h"
#include "nan_region.h"

enum { SOLVER_RUN, SOLVER_NEWTON, SOLVER_NEWTON_PURE, SOLVER_LBFGS, SOLVERS };
static const char *const solver_name[SOLVERS] = { "opt_run (gd)", "opt_newton", "opt_newton (pure)",
                                                  "opt_lbfgs" };

/* What the callback saw. */
typedef struct seen {
    opt_trace *trace;
    long calls, next_k, last_evaluations, stop_at;
    int in_order;
    double last_f, last_gnorm, step0;
} seen;

static int watch(const opt_progress *p, void *ctx)
{
    seen *s = ctx;
    if (s->calls == 0)
        s->step0 = p->step;
    s->in_order &= p->k == s->next_k && p->n == 2 && fabs(opt_norm2(p->g, 2) - p->gnorm) == 0
                   && p->evaluations >= s->last_evaluations;
    s->calls++;
    s->next_k = p->k + 1;
    s->last_evaluations = p->evaluations;
    s->last_f = p->f;
    s->last_gnorm = p->gnorm;
    int st = opt_trace_record(p, s->trace);
    if (st)
        return st;
    return p->k == s->stop_at ? OPT_ENOTIMPL : 0;
}

static int solve(int which, double *x, long budget, seen *s, opt_result *r)
{
    opt_rosenbrock rp = { 2, 1, 100 };
    opt_objective obj = opt_rosenbrock_objective(&rp);
    double f;
    if (which == SOLVER_RUN) {
        opt_stepper *gd = opt_stepper_alloc(opt_gd, 2, NULL);
        opt_run_params p = opt_run_defaults();
        p.lr = 1e-3, p.max_steps = budget, p.progress = watch, p.progress_ctx = s;
        int st = opt_run(&obj, gd, x, &p, NULL, r);
        opt_stepper_free(gd);
        return st;
    }
    if (which == SOLVER_LBFGS) {
        opt_lbfgs_params p = opt_lbfgs_defaults();
        p.max_iterations = budget;
        return opt_lbfgs(&obj, x, &f, &p, watch, s, r);
    }
    opt_newton_params p = opt_newton_defaults();
    p.max_iterations = budget;
    if (which == SOLVER_NEWTON_PURE)
        p.kind = OPT_NEWTON_PURE;
    return opt_newton(&obj, x, &f, &p, watch, s, r);
}

static seen watcher(long stop_at)
{
    seen s = { .trace = opt_trace_alloc(2), .in_order = 1, .stop_at = stop_at, .step0 = NAN };
    cr_assert_not_null(s.trace);
    return s;
}

Test(solver, every_solver_calls_progress_from_k_0_and_its_result_agrees_with_the_trace)
{
    const long budgets[SOLVERS] = { 50, 100, 100, 1000 };
    for (int which = 0; which < SOLVERS; which++) {
        const char *name = solver_name[which];
        double x[2] = { -1.2, 1 };
        seen s = watcher(-1);
        opt_result r;
        int st = solve(which, x, budgets[which], &s, &r);
        cr_assert_eq(st, r.status, "%s", name);
        cr_assert(st == OPT_OK || st == OPT_EMAXITER, "%s: %s", name, r.reason);
        cr_assert(s.in_order, "%s: k = 0, 1, 2, ... with n, g, ||g|| and evaluations", name);
        cr_assert_eq(s.step0, 0, "%s: no step led to k = 0", name);
        cr_assert_eq(s.calls, r.iterations + 1, "%s: one call per iterate, k = 0 included", name);
        cr_assert_eq(r.steps, r.iterations, "%s: steps is iterations", name);
        cr_assert_eq(s.trace->rows, (size_t)r.iterations + 1, "%s", name);
        const size_t last = s.trace->rows - 1;
        cr_assert_eq(opt_trace_row(s.trace, 0)[OPT_TRACE_STEP], 0, "%s", name);
        cr_assert_eq(opt_trace_x(s.trace, 0)[0], -1.2, "%s: row 0 is the start", name);
        cr_assert_eq(opt_trace_x(s.trace, 0), opt_trace_row(s.trace, 0) + OPT_TRACE_X, "%s", name);
        cr_assert_eq(opt_trace_row(s.trace, last)[OPT_TRACE_STEP], (double)r.iterations, "%s", name);
        cr_assert_eq(opt_trace_row(s.trace, last)[OPT_TRACE_F], r.f, "%s: f", name);
        cr_assert_eq(opt_trace_row(s.trace, last)[OPT_TRACE_GNORM], r.gnorm, "%s: ||g||", name);
        cr_assert_eq(s.last_f, r.f, "%s", name);
        cr_assert_eq(memcmp(opt_trace_x(s.trace, last), x, sizeof x), 0, "%s: x is the last row", name);
        cr_assert_geq(r.evaluations, r.iterations + 1, "%s", name);
        if (which == SOLVER_RUN || which == SOLVER_NEWTON_PURE)
            cr_assert_eq(r.evaluations, r.iterations + 1, "%s: one evaluation per iterate", name);
        if (which != SOLVER_RUN)   /* opt_run evaluates an iterate before its tests */
            cr_assert_eq(s.last_evaluations, r.evaluations, "%s", name);
        opt_trace_free(s.trace);
    }
}

Test(solver, a_progress_callback_stops_every_solver_at_the_same_k)
{
    for (int which = 0; which < SOLVERS; which++) {
        const char *name = solver_name[which];
        for (long stop_at = 0; stop_at <= 3; stop_at++) {
            double x[2] = { -1.2, 1 };
            seen s = watcher(stop_at);
            opt_result r;
            cr_assert_eq(solve(which, x, 100, &s, &r), OPT_ENOTIMPL, "%s", name);
            cr_assert_str_eq(r.reason, "stopped by progress", "%s", name);
            cr_assert_eq(r.iterations, stop_at, "%s stopped at k = %ld", name, stop_at);
            cr_assert_eq(s.calls, stop_at + 1, "%s", name);
            cr_assert_eq(s.trace->rows, (size_t)stop_at + 1, "%s", name);
            cr_assert_eq(r.f, s.last_f, "%s", name);
            opt_trace_free(s.trace);
        }
    }
}

/* ---- Promised reasons ---------------------------------------------------- */

/* The text of a file of the project, found from this test's own path. */
static char *slurp(const char *rel)
{
    const char *self = __FILE__, *at = strstr(self, "tests/unit/");
    char path[1024];
    snprintf(path, sizeof path, "%.*s%s", (int)(at ? at - self : 0), self, rel);
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    rewind(f);
    char *text = malloc((size_t)size + 1);
    cr_assert_eq(fread(text, 1, (size_t)size, f), (size_t)size);
    text[size] = '\0';
    fclose(f);
    return text;
}

static int quoted_in(const char *text, const char *s)
{
    char q[128];
    snprintf(q, sizeof q, "\"%s\"", s);
    return strstr(text, q) != NULL;
}

/* The reasons a solver's code gives: every string literal in a statement
 * that sets a reason (`reason = ...;`, `.reason = ...`, or the stop helper
 * `stop(res, ...)`, `finish(res, ...)`, `result(res, ...)`), adjacent
 * literals joined and OPT_LS_NONFINITE spelled out. */
static size_t code_reasons(const char *code, char out[][96], size_t cap)
{
    static const char *const starts[] = { "reason = ", "stop(res, ", "finish(res, ",
                                          "result(res, " };
    size_t count = 0;
    for (size_t k = 0; k < sizeof starts / sizeof *starts; k++)
        for (const char *p = strstr(code, starts[k]); p; p = strstr(p + 1, starts[k])) {
            const char *end = strchr(p, ';');
            char cur[96] = "";
            int open = 0;   /* inside a run of adjacent literals */
            for (const char *c = p; c < end; c++) {
                if (*c == '"') {
                    const char *close = strchr(c + 1, '"');
                    strncat(cur, c + 1, (size_t)(close - c - 1));
                    c = close;
                    open = 1;
                } else if (!strncmp(c, "OPT_LS_NONFINITE", 16)) {
                    strcat(cur, OPT_LS_NONFINITE);
                    c += 15;
                    open = 1;
                } else if (open && *c != ' ' && *c != '\n') {
                    if (count < cap)
                        strcpy(out[count++], cur);
                    cur[0] = '\0';
                    open = 0;
                }
            }
            if (open && count < cap)
                strcpy(out[count++], cur);
        }
    return count;
}

typedef struct promise {
    const char *header, *code;
    const char *reasons[16];   /* NULL-terminated */
} promise;

Test(solver, every_reason_a_header_promises_is_one_its_code_returns_and_back)
{
    static const promise promises[] = {
        { "lib/run.h", "lib/run.c",
          { "gradient norm", "relative change", "budget", "diverged", "stopped by progress",
            "invalid argument", "out of memory", NULL } },
        { "lib/newton.h", "lib/newton.c",
          { "gradient norm", "Newton decrement", "budget", "singular Hessian", "line search failed",
            "no decrease in f", "non-finite Hessian", "diverged", "stopped by progress",
            "invalid argument", "out of memory", NULL } },
        { "lib/lbfgs.h", "lib/lbfgs.c",
          { "gradient norm", "relative decrease", "budget", "line search " OPT_LS_NONFINITE,
            "diverged", "already minimized", "stopped by progress", "invalid argument",
            "out of memory", NULL } },
    };
    for (size_t i = 0; i < sizeof promises / sizeof *promises; i++) {
        const promise *pr = &promises[i];
        char *header = slurp(pr->header), *code = slurp(pr->code);
        /* lbfgs.h writes its non-finite reason with the macro, as the code does. */
        char found[64][96];
        const size_t count = code_reasons(code, found, 64);
        cr_assert_gt(count, 3, "%s: reasons found", pr->code);
        for (const char *const *r = pr->reasons; *r; r++) {
            int in_code = 0;
            for (size_t j = 0; j < count; j++)
                in_code |= strcmp(found[j], *r) == 0;
            cr_assert(in_code, "%s promises '%s', which %s never gives", pr->header, *r, pr->code);
            const int nonfinite = strcmp(*r, "line search " OPT_LS_NONFINITE) == 0;
            cr_assert(nonfinite ? strstr(header, "\"line search \" OPT_LS_NONFINITE") != NULL
                                : quoted_in(header, *r),
                      "%s does not list '%s'", pr->header, *r);
        }
        for (size_t j = 0; j < count; j++) {
            int promised = 0;
            for (const char *const *r = pr->reasons; *r; r++)
                promised |= strcmp(found[j], *r) == 0;
            cr_assert(promised, "%s gives '%s', which %s does not promise", pr->code, found[j],
                      pr->header);
        }
        free(header);
        free(code);
    }
    /* L-BFGS also passes on a line search's why: linesearch.h lists them all. */
    char *lsh = slurp("lib/linesearch.h"), *lsc = slurp("lib/linesearch.c");
    for (const char *p = strstr(lsc, "why = "); p; p = strstr(p + 1, "why = ")) {
        const char *end = strchr(p, ';');
        for (const char *c = strchr(p, '"'); c && c < end; c = strchr(c + 1, '"')) {
            const char *close = strchr(c + 1, '"');
            char why[96];
            snprintf(why, sizeof why, "%.*s", (int)(close - c - 1), c + 1);
            cr_assert(quoted_in(lsh, why) || strcmp(why, "invalid argument") == 0,
                      "linesearch.c gives why '%s', which linesearch.h does not list", why);
            c = close;
        }
    }
    free(lsh);
    free(lsc);
}

/* nan_region (nan_region.h): every solver walks into the NaN. */
static int hess_nan_region(const double *x, double *H, void *ctx)
{
    (void)ctx;
    H[0] = x[0] > 2 ? NAN : 1;   /* a made-up curvature along x, so Newton moves */
    H[1] = H[2] = 0;
    H[3] = 2;
    return OPT_OK;
}

Test(solver, a_diverged_run_reports_the_iteration_that_diverged_and_the_last_finite_row)
{
    opt_objective o = { 2, nan_region, hess_nan_region, NULL, "nan beyond 2" };
    for (int which = 0; which < 3; which++) {
        double x[2] = { 0, 1 };
        seen s = watcher(-1);
        opt_result r;
        int st;
        if (which == 0) {
            opt_stepper *gd = opt_stepper_alloc(opt_gd, 2, NULL);
            opt_run_params p = opt_run_defaults();
            p.lr = 0.7, p.progress = watch, p.progress_ctx = &s;
            st = opt_run(&o, gd, x, &p, NULL, &r);
            opt_stepper_free(gd);
        } else if (which == 1) {
            opt_newton_params p = opt_newton_defaults();
            p.kind = OPT_NEWTON_PURE;
            st = opt_newton(&o, x, NULL, &p, watch, &s, &r);
        } else {
            st = opt_lbfgs(&o, x, NULL, NULL, watch, &s, &r);
        }
        cr_assert_eq(st, OPT_EDIVERGED, "solver %d: %s", which, r.reason);
        cr_assert(s.in_order, "solver %d", which);
        cr_assert_geq(r.iterations, 1, "solver %d", which);
        cr_assert_eq(s.trace->rows, (size_t)r.iterations, "solver %d: rows 0 .. iterations - 1",
                     which);
        cr_assert_eq(opt_trace_row(s.trace, s.trace->rows - 1)[OPT_TRACE_F], r.f,
                     "solver %d: f is the last finite row's", which);
        cr_assert(isfinite(r.f) && isfinite(r.gnorm), "solver %d", which);
        opt_trace_free(s.trace);
    }
}
