/** # Lab 00 — The playground
 *
 * Every later lab asks a question about an optimizer and answers it with a
 * run, a number and a picture. This lab is the instrument they all share,
 * handed to you directly: pick an objective, a start point and one or more
 * methods, and it runs each method, writes what happened step by step and
 * draws it. Use it to try things the lectures only claim: that a step size
 * twice too large makes gradient descent diverge, that momentum rolls
 * through a narrow valley, that the saddle $x^2 - y^2$ lets a run escape
 * only along $y$.
 *
 * Everything is a parameter. The defaults run gradient descent with three
 * step sizes on Rosenbrock's banana valley,
 * $f(x, y) = (1 - x)^2 + 100\,(y - x^2)^2$, from its conventional start
 * $(-1.2, 1)$. Change them on the command line,
 *
 *     build/bin/lab00 --set "objective='saddle'" --set "steps=50"
 *     build/bin/lab00 --set "methods={ {name='gd', lr=0.1}, {name='adam', lr=0.1} }"
 *
 * or copy `labs/00-playground/params.lua`, edit it and pass
 * `--config my.lua`. An objective can be any Lua function of $n$ numbers;
 * give its gradient too, or the playground takes central differences:
 *
 *     objective = function(x, y) return x^2 + 10 * y^2 end
 *     gradient  = function(x, y) return 2 * x, 20 * y end
 *     start     = {3, 1}
 *
 * `build/bin/lab00 --help` lists every parameter.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "opt.h"

static const opt_param params[] = {
    { "objective", OPT_T_STRING | OPT_T_FUNCTION, "'rosenbrock'", 0, 0,
      "a built-in problem (rosenbrock, saddle, quadratic, ...) or a Lua function of n numbers" },
    { "gradient", OPT_T_FUNCTION | OPT_T_NIL, "nil", 0, 0,
      "for a Lua objective: its gradient, returning n numbers; nil: central differences" },
    { "start", OPT_T_LIST | OPT_T_NIL, "nil", 0, 0,
      "start point {x1, ..., xn}; nil: the built-in problem's own (a Lua objective needs one)" },
    { "steps", OPT_T_INT, "1000", 1, 1e7, "steps per method" },
    { "methods", OPT_T_TABLE,
      "{ {name = 'gd', lr = 0.001, label = 'GD, lr = 0.001'}, "
      "{name = 'gd', lr = 0.002, label = 'GD, lr = 0.002'}, "
      "{name = 'gd', lr = 0.003, label = 'GD, lr = 0.003'} }", 0, 0,
      "list of {name = ..., lr = ..., label = ..., <hyper-parameter> = ...}" },
    { "view", OPT_T_LIST | OPT_T_NIL, "nil", 0, 0,
      "2-D plot window {xmin, xmax, ymin, ymax}; nil: fit every path" },
};
static const opt_lab_info info = OPT_LAB_INFO("00-playground", "The playground", params);

/** ## Methods
 *
 * Each entry of `methods` names a stepper (`gd`, `sgd`, `adam`, ... — an
 * unknown name lists them all), its learning rate `lr`, an optional
 * `label` for the legend and the file name, and any of the stepper's
 * hyper-parameters by their PyTorch names (`momentum = 0.9`,
 * `beta2 = 0.99`). A method may also take a learning-rate `schedule`, by
 * name (`schedule = 'cosine'`) or as a table of its parameters
 * (`schedule = {name = 'step', step_size = 100, gamma = 0.5}`; see
 * lib/schedule.h), and gradient clipping (`clip_norm = 1` rescales a
 * gradient longer than 1, `clip_value = 1` clamps each entry). Lookahead
 * wraps another stepper, given as `inner = {name = 'adam', beta1 = 0.9}`
 * (plain gradient descent when left out).
 *
 * Three second-order methods run beside the steppers, each as one call to
 * its solver: `newton` (pure Newton, $x \leftarrow x - H^{-1} g$, step 1,
 * which walks into saddles), `newton-modified` (the Hessian made positive
 * definite, `modification = 'cholesky'` or `'eigen'`, with a line search)
 * and `lbfgs` (memory `m`, default 6, and a strong-Wolfe search). Both
 * take `epsilon`, the gradient test $\|g\| \le \epsilon \max(1, \|x\|)$, and
 * `linesearch = 'more-thuente'`, `'backtracking'` or (L-BFGS only)
 * `'fixed'` with a fixed `step`; `steps` is their iteration budget.
 *
 * The library reads such a list for any lab (lib/method.h, which lists
 * every field with its default): it checks every field before anything
 * runs, so a typo stops the playground with a message, not with a silent
 * default, and each method's outputs are named after its label made
 * file-safe: `trace-<label>.tsv`.
 */
static opt_method *read_methods(opt_lab *lab, size_t n, size_t *count)
{
    opt_method *m;
    if (opt_lab_need_memory(lab, opt_methods_read(opt_lab_config(lab), "methods", n, &m,
                                                  count)) != OPT_OK)
        opt_lab_config_failed(lab);
    return m;
}

/** ## The objective
 *
 * A string names a built-in problem from `lib/problems.c`, which comes with
 * an analytic gradient and a conventional start point. A Lua function is
 * wrapped into the same `opt_objective`; its dimension is its number of
 * parameters (for a vararg function, the length of `start`).
 */
typedef struct playground {
    opt_lab *lab;
    opt_objective obj;
    int is_lua;
    const char *objective_name;
    const char *objective_doc;   /* the formula of a built-in problem, or NULL */
    double *start;
    int has_view;
    double view[4];              /* the plot window, when has_view */
} playground;

/* The key to blame for a missing start point: 'start' when it was set to
 * nil on purpose, else 'objective', whose choice made a start necessary. */
static const char *start_culprit(opt_config *cfg)
{
    return strcmp(opt_config_where(cfg, "start"), "default") == 0 ? "objective" : "start";
}

static void setup_objective(playground *pg)
{
    opt_lab *lab = pg->lab;
    opt_config *cfg = opt_lab_config(lab);
    int has_start = opt_config_type(cfg, "start") != OPT_T_NIL;
    int has_gradient = opt_config_type(cfg, "gradient") != OPT_T_NIL;
    size_t nstart = has_start ? opt_lab_list(lab, "start", NULL, 0) : 0;
    if (opt_config_objective(cfg, "objective", has_gradient ? "gradient" : NULL,
                             has_start ? nstart : 2, &pg->obj) != OPT_OK)
        opt_lab_config_failed(lab);

    const opt_problem *p = NULL;
    if (opt_config_type(cfg, "objective") == OPT_T_STRING) {
        p = opt_problem_lookup(opt_lab_string(lab, "objective"));
        if (has_gradient)
            opt_lab_bad_param(lab, "gradient", "only a Lua objective takes a gradient; '%s' "
                              "has its own", p->name);
        pg->objective_name = p->name;
        pg->objective_doc = p->doc;
        if (!has_start && p->n != 2)
            opt_lab_bad_param(lab, start_culprit(cfg), "'%s' has %zu dimensions; give a start "
                              "point: start = {x1, ..., x%zu}", p->name, p->n, p->n);
    } else {
        if (!has_start)
            opt_lab_bad_param(lab, start_culprit(cfg), "a Lua objective needs a start point: "
                              "start = {x1, %sx%zu}",
                              pg->obj.n > 2 ? "..., " : "", pg->obj.n);
        pg->is_lua = 1;
        pg->objective_name = "Lua function";
    }
    if (has_start && nstart != pg->obj.n)
        opt_lab_bad_param(lab, "start", "has %zu entries but the objective takes %zu numbers",
                          nstart, pg->obj.n);
    pg->start = opt_lab_alloc(lab, pg->obj.n, sizeof *pg->start);
    if (has_start)
        opt_lab_list(lab, "start", pg->start, pg->obj.n);
    else
        memcpy(pg->start, p->start, 2 * sizeof *pg->start);
}

static void read_view(playground *pg)
{
    opt_lab *lab = pg->lab;
    if (opt_config_type(opt_lab_config(lab), "view") == OPT_T_NIL)
        return;
    double *v = pg->view;
    if (pg->obj.n != 2)
        opt_lab_bad_param(lab, "view", "only a 2-D objective is drawn, and this one has %zu "
                          "dimensions", pg->obj.n);
    if (opt_lab_list(lab, "view", v, 4) != 4 || !(v[0] < v[1]) || !(v[2] < v[3]))
        opt_lab_bad_param(lab, "view", "must be {xmin, xmax, ymin, ymax} with xmin < xmax "
                          "and ymin < ymax");
    pg->has_view = 1;
}

/* A Lua objective that failed leaves its message in the config; stop with it. */
static void check_lua_error(playground *pg, const char *when)
{
    const char *msg = opt_config_error(opt_lab_config(pg->lab));
    if (pg->is_lua && msg && *msg)
        opt_lab_die(pg->lab, "the objective failed %s: %s", when, msg);
}

/* A NaN printed as "nan" whatever its sign bit ("-nan" otherwise). */
static double plain_nan(double v)
{
    return isnan(v) ? fabs(v) : v;
}

/* "(v1, ..., v8, ...)": at most 8 numbers as %g, NaN as "nan". */
static const char *point_text(char *buf, size_t cap, const double *v, size_t n)
{
    size_t len = (size_t)snprintf(buf, cap, "(");
    for (size_t i = 0; i < n && i < 8 && len < cap; i++)
        len += (size_t)snprintf(buf + len, cap - len, "%s%g", i ? ", " : "", plain_nan(v[i]));
    if (len < cap)
        snprintf(buf + len, cap - len, "%s)", n > 8 ? ", ..." : "");
    return buf;
}

/* f at the start point, where f and its gradient must be finite numbers: a
 * start where they are not is bad input (exit 2, before anything is
 * written), not a run that "diverged at step 0". */
static double check_start(playground *pg)
{
    const size_t n = pg->obj.n;
    double *g = opt_lab_alloc(pg->lab, n, sizeof *g);
    double f = opt_eval(&pg->obj, pg->start, g);
    char at[256], val[256];
    int g_finite = opt_all_finite(g, n);
    point_text(val, sizeof val, g, n);
    free(g);   /* before any of the exits below */
    check_lua_error(pg, "at the start point");
    const char *culprit = start_culprit(opt_lab_config(pg->lab));
    if (!isfinite(f))
        opt_lab_bad_param(pg->lab, culprit, "f is not finite at the start point %s: f = %g",
                          point_text(at, sizeof at, pg->start, n), plain_nan(f));
    if (!g_finite)
        opt_lab_bad_param(pg->lab, culprit, "the gradient is not finite at the start point %s: "
                          "%s", point_text(at, sizeof at, pg->start, n), val);
    return f;
}

/** ## Running a method
 *
 * The driver `opt_run` (lib/run.c) evaluates $f$ and $\nabla f$ at the
 * current point, records a row of the trace — step, $f$, $\|\nabla f\|$
 * and the coordinates — and asks the stepper for the next point. It stops
 * when the step budget is spent or when a loss, gradient or iterate stops
 * being a finite number: the run *diverged*, and the trace ends at the last
 * finite row. The second-order solvers record the same rows, through
 * `opt_method_run` (lib/method_run.c), so every trace reads alike.
 */
typedef struct progress { opt_lab *lab; const char *label; long total; } progress;

static int show_progress(const opt_progress *at, void *ctx)
{
    const progress *p = ctx;
    opt_lab_progress(p->lab, p->label, at->k, p->total);
    return 0;
}

/* A method and what its run left behind. */
typedef struct run {
    opt_method *method;
    opt_trace *trace;
    opt_result result;
} run;

/* numbers.tsv: <key>.f, .gnorm, .steps and .diverged for the tests. */
static void record_result(opt_lab *lab, const run *r)
{
    const opt_result *res = &r->result;
    const char *key = r->method->key;
    opt_lab_recordf(lab, res->f, "%s.f", key);
    opt_lab_recordf(lab, res->gnorm, "%s.gnorm", key);
    opt_lab_recordf(lab, (double)res->iterations, "%s.steps", key);
    opt_lab_recordf(lab, res->status == OPT_EDIVERGED, "%s.diverged", key);
}

/* OUT/trace-<key>.tsv, whose metadata says how to reproduce it. */
static void write_trace(playground *pg, const run *r, long max_steps)
{
    opt_method_meta meta;
    char steps[32], file[128];
    snprintf(steps, sizeof steps, "%ld", max_steps);
    snprintf(file, sizeof file, "trace-%s", r->method->key);
    opt_method_meta_init(&meta, r->method);
    opt_method_meta_add(&meta, "objective", pg->objective_name);
    opt_method_meta_add(&meta, "steps", steps);
    opt_method_meta_add(&meta, "stopped", r->result.reason);
    opt_lab_trace(pg->lab, file, r->trace, meta.pairs);
}

static void run_method(playground *pg, run *r, int label_width)
{
    opt_lab *lab = pg->lab;
    const char *label = r->method->label;
    size_t n = pg->obj.n;
    long steps = opt_lab_int(lab, "steps");
    r->trace = opt_lab_need(lab, opt_trace_alloc(n));
    double *x = opt_lab_alloc(lab, n, sizeof *x);
    memcpy(x, pg->start, n * sizeof *x);

    progress bar = { lab, label, steps };
    opt_lab_need_memory(lab, opt_method_run(r->method, &pg->obj, x, steps, r->trace,
                                            show_progress, &bar, &r->result));
    opt_lab_progress(lab, label, steps, steps);
    check_lua_error(pg, "during the run");

    char outcome[256];
    opt_lab_printf(lab, "  %-*s  %s\n", label_width, label,
                   opt_method_outcome(&r->result, outcome, sizeof outcome));
    record_result(lab, r);
    write_trace(pg, r, steps);
    free(x);
}

/** ## The pictures
 *
 * For a two-dimensional objective the playground draws the contour lines
 * of $f$ with every method's path on top (`00-paths`), and for any
 * objective the loss against the step (`00-loss`). The contour levels are
 * spaced logarithmically when $f \ge 0$ on the window, because the
 * interesting part of a valley lies orders of magnitude below its walls.
 *
 * The window fits every path that did not diverge, plus a margin; a
 * diverging path is seen leaving it. Set `view = {xmin, xmax, ymin, ymax}`
 * to choose it yourself.
 *
 * ![The defaults: gradient descent with learning rates 0.001, 0.002 and
 * 0.003 on Rosenbrock's valley from $(-1.2, 1)$, over log-spaced contours
 * of $f$; the largest rate zigzags across the valley.](figure:00-paths)
 *
 * ![The loss $f$ of the same three runs against the step, on a log
 * scale.](figure:00-loss)
 */
static void fit_view(const playground *pg, const run *runs, size_t count, double v[4])
{
    opt_box_empty(v);
    opt_box_include(v, pg->start);
    for (size_t i = 0; i < count; i++)
        if (runs[i].result.status != OPT_EDIVERGED)
            opt_box_include_trace(v, runs[i].trace);
    /* A margin of 15%, at least a unit square, and the plot's shape (1.6:1). */
    double cx = (v[0] + v[1]) / 2, cy = (v[2] + v[3]) / 2;
    double w = fmax(1.3 * (v[1] - v[0]), 1e-9 * (1 + fabs(cx)));
    double h = fmax(1.3 * (v[3] - v[2]), 1e-9 * (1 + fabs(cy)));
    if (w < 1 && h < 1 && w + h < 0.1)
        w = h = 1;
    opt_box_centred(v, cx, cy, w, h, 1.6);
}

/* Gnuplot assignments naming each method's trace, legend and point spacing. */
static opt_figure_vars *figure_vars(opt_lab *lab, const run *runs, size_t count)
{
    opt_figure_vars *v = opt_figure_vars_new(lab);
    opt_figure_var(v, "n=%zu; array file[%zu]; array label[%zu]; array pint[%zu]", count, count,
                   count, count);
    for (size_t i = 0; i < count; i++) {
        char legend[160], name[32];
        const opt_result *res = &runs[i].result;
        if (res->status == OPT_EDIVERGED)
            snprintf(legend, sizeof legend, "%s (diverged at step %ld)", runs[i].method->label,
                     res->iterations);
        else
            snprintf(legend, sizeof legend, "%s", runs[i].method->label);
        snprintf(name, sizeof name, "label[%zu]", i + 1);
        opt_figure_var(v, "file[%zu]='trace-%s.tsv'", i + 1, runs[i].method->key);
        opt_figure_var_string(v, name, legend);
        opt_figure_var(v, "pint[%zu]=%zu", i + 1, runs[i].trace->rows / 40 + 1);  /* ~40 markers */
    }
    return v;
}

static void draw(playground *pg, const run *runs, size_t count)
{
    opt_lab *lab = pg->lab;
    if (!opt_lab_plotting(lab))     /* the grid is only the figure's data */
        return;
    opt_figure_vars *vars = figure_vars(lab, runs, count);
    int positive = 1;
    for (size_t i = 0; i < count; i++)
        for (size_t r = 0; r < runs[i].trace->rows; r++)
            positive &= opt_trace_row(runs[i].trace, r)[1] > 0;

    size_t shared = opt_figure_vars_length(vars);
    if (pg->obj.n == 2) {
        double v[4];
        if (pg->has_view)
            memcpy(v, pg->view, sizeof v);
        else
            fit_view(pg, runs, count, v);
        /* f on a 201 x 201 lattice; the contours follow log10(f - fmin + delta)
         * when f >= 0 on the window. */
        opt_grid *grid = opt_lab_grid_eval(lab, &pg->obj, v, 201);
        check_lua_error(pg, "on the plot's grid");
        int zlog = opt_lab_grid_write(lab, grid, "grid", "x\ty\tf\tz", OPT_GRID_LOG_IF_POSITIVE);
        opt_figure_var(vars, "xmin=%.17g; xmax=%.17g; ymin=%.17g; ymax=%.17g; zlog=%d", v[0],
                       v[1], v[2], v[3], zlog);
        opt_figure_var_string(vars, "objname", pg->is_lua ? "f" : pg->objective_name);
        opt_lab_figure(lab, "00-paths", opt_figure_vars_text(vars));
    }
    opt_figure_vars_truncate(vars, shared);
    opt_figure_var(vars, "logy=%d", positive);
    opt_lab_figure(lab, "00-loss", opt_figure_vars_text(vars));
    opt_figure_vars_free(vars);
}

/** ## The program
 *
 * Read and check everything first (a wrong method name stops the lab
 * before it writes a file), then run each method in turn, write its trace
 * to `OUT/trace-<label>.tsv` and draw the figures.
 */
int main(int argc, char **argv)
{
    opt_lab *lab = opt_lab_start(&info, argc, argv);
    playground pg = { .lab = lab };
    setup_objective(&pg);
    size_t count;
    opt_method *methods = read_methods(lab, pg.obj.n, &count);
    read_view(&pg);

    double f0 = check_start(&pg);
    opt_lab_section(lab, "Setup");
    opt_lab_printf(lab, "  objective: %s%s%s, n = %zu\n", pg.objective_name,
                   pg.objective_doc ? ": " : "", pg.objective_doc ? pg.objective_doc : "", pg.obj.n);
    opt_lab_printf(lab, "  start:     (");
    for (size_t i = 0; i < pg.obj.n; i++)
        opt_lab_printf(lab, "%s%g", i ? ", " : "", pg.start[i]);
    opt_lab_printf(lab, ")\n");
    opt_lab_quote(lab, "f0", f0, "%.6g", "f at the start");
    opt_lab_record(lab, "n", (double)pg.obj.n);

    opt_lab_section(lab, "Runs");
    run *runs = opt_lab_alloc(lab, count, sizeof *runs);
    int width = 0;
    for (size_t i = 0; i < count; i++) {
        runs[i].method = &methods[i];
        width = width > (int)strlen(methods[i].label) ? width : (int)strlen(methods[i].label);
    }
    for (size_t i = 0; i < count; i++)
        run_method(&pg, &runs[i], width);

    draw(&pg, runs, count);

    for (size_t i = 0; i < count; i++)
        opt_trace_free(runs[i].trace);
    free(runs);
    opt_methods_free(methods, count);
    free(pg.start);
    return opt_lab_finish(lab);
}
