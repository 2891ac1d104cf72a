/* test_method.c — method records (lib/method.c, method_run.c) and the one
 * "did you mean" (lib/names.c) with the name lookups of schedule.c and
 * linesearch.c.
 *
 * Each error is checked word for word: the messages are what a student
 * reads after a typo in a methods list.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "opt.h"

/* ---- names.h ----------------------------------------------------------------- */

Test(names, nearest_ignores_case_and_counts_swaps)
{
    static const char *const names[] = { "gd", "sgd", "adam", "momentum", "momentum-ema" };
    const size_t n = sizeof names / sizeof *names;
    cr_assert_str_eq(opt_nearest_name("gdd", names, n, sizeof *names), "gd");
    cr_assert_str_eq(opt_nearest_name("Adam", names, n, sizeof *names), "adam");
    cr_assert_str_eq(opt_nearest_name("ADAM", names, n, sizeof *names), "adam");
    cr_assert_str_eq(opt_nearest_name("adma", names, n, sizeof *names), "adam", "a swap is one edit");
    cr_assert_str_eq(opt_nearest_name("momentun", names, n, sizeof *names), "momentum");
    cr_assert_str_eq(opt_nearest_name("momentumema", names, n, sizeof *names), "momentum-ema");
}

Test(names, nearest_only_when_close)
{
    static const char *const names[] = { "m", "step", "epsilon" };
    const size_t n = sizeof names / sizeof *names;
    /* at most 1 edit up to 3 characters, 2 up to 6, 3 beyond; and fewer
     * edits than either name has characters */
    cr_assert_null(opt_nearest_name("mm", names, n, sizeof *names), "'m' is all edits away");
    cr_assert_null(opt_nearest_name("x", names, n, sizeof *names));
    cr_assert_str_eq(opt_nearest_name("stp", names, n, sizeof *names), "step");
    cr_assert_null(opt_nearest_name("sp", names, n, sizeof *names));
    cr_assert_str_eq(opt_nearest_name("epsilno", names, n, sizeof *names), "epsilon");
    cr_assert_str_eq(opt_nearest_name("eps", names, n, sizeof *names) ? "near" : "none", "none");
    cr_assert_null(opt_nearest_name(NULL, names, n, sizeof *names));
    cr_assert_null(opt_nearest_name("step", NULL, 0, sizeof *names));
}

Test(names, nearest_in_an_array_of_structs)
{
    /* the name pointer first, stride apart; NULL names skipped; of two as
     * near, the first */
    static const struct { const char *name; int x; } entries[] = {
        { "cosine", 1 }, { NULL, 2 }, { "cosina", 3 }, { "linear", 4 },
    };
    cr_assert_str_eq(opt_nearest_name("cosin", entries, 4, sizeof *entries), "cosine");
    cr_assert_str_eq(opt_nearest_name("lineer", entries, 4, sizeof *entries), "linear");
}

Test(names, hint_and_join)
{
    char buf[64];
    cr_assert_str_eq(opt_name_hint(buf, sizeof buf, "eta"), " (did you mean 'eta'?)");
    cr_assert_str_eq(opt_name_hint(buf, sizeof buf, NULL), "");
    static const char *const names[] = { "a", "bb", "ccc" };
    cr_assert_str_eq(opt_names_join(buf, sizeof buf, names, 3, sizeof *names), "a, bb, ccc");
    cr_assert_str_eq(opt_names_join(buf, sizeof buf, names, 0, sizeof *names), "");
    char small[6];
    cr_assert_str_eq(opt_names_join(small, sizeof small, names, 3, sizeof *names), "a, bb",
                     "cut where the buffer is full");
}

Test(names, index_is_exact)
{
    static const char *const names[] = { "cholesky", NULL, "eigen" };
    cr_assert_eq(opt_name_index("eigen", names, 3, sizeof *names), 2, "NULL entries skipped");
    cr_assert_eq(opt_name_index("cholesky", names, 3, sizeof *names), 0);
    cr_assert_eq(opt_name_index("Eigen", names, 3, sizeof *names), -1, "case-sensitive");
    cr_assert_eq(opt_name_index(NULL, names, 3, sizeof *names), -1);
}

/* config's unknown problem: the same hint, and "or give a Lua function"
 * only where the key takes one. */
Test(names, unknown_problem)
{
    static const opt_param both[] = {
        { "objective", OPT_T_STRING | OPT_T_FUNCTION, "'rosenbrok'", 0, 0, "" },
    };
    static const opt_param names_only[] = { { "objective", OPT_T_STRING, "'zzz'", 0, 0, "" } };
    opt_objective o;
    opt_config *c = opt_config_new(both, 1);
    cr_assert_eq(opt_config_objective(c, "objective", NULL, 0, &o), OPT_ECONFIG);
    cr_assert(strstr(opt_config_error(c), "key 'objective': unknown problem 'rosenbrok' (did "
                                          "you mean 'rosenbrock'?); known problems: quadratic, "),
              "%s", opt_config_error(c));
    const char *msg = opt_config_error(c), *end = " (or give a Lua function)";
    cr_assert_str_eq(msg + strlen(msg) - strlen(end), end);
    opt_config_free(c);
    c = opt_config_new(names_only, 1);
    cr_assert_eq(opt_config_objective(c, "objective", NULL, 0, &o), OPT_ECONFIG);
    cr_assert_null(strstr(opt_config_error(c), "Lua function"), "%s", opt_config_error(c));
    cr_assert(strstr(opt_config_error(c), "unknown problem 'zzz'; known problems: "));
    opt_config_free(c);
}

/* ---- Name lookups next to their modules --------------------------------------- */

Test(names, linesearch_and_schedule_lookups)
{
    for (int k = 0; k < OPT_LS_COUNT; k++)
        cr_assert_eq(opt_linesearch_lookup(opt_linesearch_name((opt_ls_kind)k)), k);
    cr_assert_eq(opt_linesearch_lookup("more-thuente"), OPT_LS_MORE_THUENTE);
    cr_assert_eq(opt_linesearch_lookup("backtracking"), OPT_LS_BACKTRACKING);
    cr_assert_eq(opt_linesearch_lookup("fixed"), OPT_LS_FIXED);
    cr_assert_eq(opt_linesearch_lookup("Fixed"), OPT_LS_COUNT, "lookups are case-sensitive");
    cr_assert_eq(opt_linesearch_lookup(NULL), OPT_LS_COUNT);
    cr_assert_str_eq(opt_linesearch_name(OPT_LS_COUNT), "unknown");
    cr_assert_str_eq(opt_linesearch_suggest("more-thunte"), "more-thuente");
    cr_assert_str_eq(opt_linesearch_suggest("Fixed"), "fixed");
    cr_assert_null(opt_linesearch_suggest("wolfe"));

    cr_assert_eq(opt_schedule_lookup("Cosine"), OPT_SCHED_COUNT);
    cr_assert_str_eq(opt_schedule_suggest("Cosine"), "cosine");
    cr_assert_str_eq(opt_schedule_suggest("exponentail"), "exponential");
    cr_assert_null(opt_schedule_suggest("warmup"));
}

/* ---- Reading methods ------------------------------------------------------------ */

static const opt_param schema[] = {
    { "methods", OPT_T_TABLE | OPT_T_NIL, "{ {name = 'gd'} }", 0, 0, "methods" },
};

/* The methods of "methods=<src>" for dimension 2 (the test ends on an error). */
static opt_method *read_ok(opt_config **c, const char *src, size_t *count)
{
    char set[1024];
    snprintf(set, sizeof set, "methods=%s", src);
    *c = opt_config_new(schema, 1);
    cr_assert_not_null(*c);
    cr_assert_eq(opt_config_set(*c, set), OPT_OK, "%s", opt_config_error(*c));
    opt_method *m = NULL;
    int st = opt_methods_read(*c, "methods", 2, &m, count);
    cr_assert_eq(st, OPT_OK, "%s: %s", src, opt_config_error(*c));
    return m;
}

/* The message after "--set methods=<src>: key 'methods': " of a failed read. */
static void expect_error(const char *src, const char *msg)
{
    char set[1024], want[2048];
    snprintf(set, sizeof set, "methods=%s", src);
    opt_config *c = opt_config_new(schema, 1);
    cr_assert_eq(opt_config_set(c, set), OPT_OK, "%s", opt_config_error(c));
    opt_method *m = (opt_method *)&c;   /* must be set to NULL */
    size_t count = 7;
    cr_assert_eq(opt_methods_read(c, "methods", 2, &m, &count), OPT_ECONFIG, "%s", src);
    cr_assert_null(m);
    cr_assert_eq(count, 0);
    snprintf(want, sizeof want, "--set %s: key 'methods': %s", set, msg);
    cr_assert_str_eq(opt_config_error(c), want);
    opt_config_free(c);
}

Test(method, stepper_defaults_and_labels)
{
    opt_config *c;
    size_t n;
    opt_method *m = read_ok(&c, "{ {name = 'gd'}, {name = 'sgd', lr = 0.5, momentum = 0.9}, "
                                "{name = 'sgd', label = 'SGD: fast!'} }", &n);
    cr_assert_eq(n, 3);
    cr_assert_eq(m[0].kind, OPT_METHOD_STEPPER);
    cr_assert_eq(m[0].type, opt_gd);
    cr_assert_eq(m[0].lr, 0.1, "opt_run_defaults' rate");
    cr_assert_str_eq(m[0].label, "gd", "a unique name is the label");
    cr_assert_str_eq(m[0].key, "gd");
    cr_assert_not_null(m[0].stepper);
    cr_assert_eq(m[0].stepper->n, 2);
    cr_assert_str_eq(m[1].label, "sgd, lr = 0.5", "a shared name gets the rate");
    cr_assert_str_eq(m[1].key, "sgd_lr_0.5");
    cr_assert_eq(((const opt_sgd_params *)m[1].hp)->momentum, 0.9);
    cr_assert_eq(((const opt_sgd_params *)m[2].hp)->momentum, 0, "the stepper's default");
    cr_assert_str_eq(m[2].label, "SGD: fast!");
    cr_assert_str_eq(m[2].key, "SGD_fast", "one '_' a run, none at the ends");
    cr_assert_eq(m[0].has_schedule, 0);
    cr_assert_eq(m[0].clip_norm, 0);
    opt_methods_free(m, n);
    opt_config_free(c);
}

Test(method, schedules_clipping_and_lookahead)
{
    opt_config *c;
    size_t n;
    opt_method *m = read_ok(&c, "{ {name = 'gd', schedule = 'cosine', clip_norm = 1}, "
                                "{name = 'adam', schedule = {name = 'multistep', milestones = {10, 20},"
                                " gamma = 0.5, warmup = 3}, clip_value = 2}, "
                                "{name = 'lookahead'}, {name = 'lookahead', k = 3, "
                                "inner = {name = 'adam', beta1 = 0.8}, label = 'LA'} }", &n);
    cr_assert_eq(n, 4);
    cr_assert(m[0].has_schedule);
    cr_assert_eq(m[0].schedule.kind, OPT_SCHED_COSINE);
    cr_assert_eq(m[0].schedule.T, 100, "the schedule's defaults");
    cr_assert_eq(m[0].clip_norm, 1);
    cr_assert_eq(m[1].schedule.kind, OPT_SCHED_MULTISTEP);
    cr_assert_eq(m[1].schedule.nmilestones, 2);
    cr_assert_eq(m[1].schedule.milestones[1], 20);
    cr_assert_eq(m[1].schedule.gamma, 0.5);
    cr_assert_eq(m[1].schedule.warmup, 3);
    cr_assert_eq(m[1].clip_value, 2);
    cr_assert_eq(m[2].inner_type, opt_gd, "Lookahead runs gd inside by default");
    cr_assert_str_eq(m[2].label, "lookahead(gd), lr = 0.1");
    cr_assert_eq(m[3].inner_type, opt_adam);
    cr_assert_eq(((const opt_adam_params *)m[3].inner_hp)->beta1, 0.8);
    cr_assert_eq(((const opt_lookahead_params *)m[3].hp)->k, 3);
    cr_assert_not_null(m[3].stepper);
    opt_methods_free(m, n);
    opt_config_free(c);
}

Test(method, solver_defaults_and_settings)
{
    opt_config *c;
    size_t n;
    opt_method *m = read_ok(&c, "{ {name = 'newton'}, {name = 'newton-modified'}, {name = 'lbfgs'}, "
                                "{name = 'lbfgs', m = 3, linesearch = 'fixed', step = 0.5, epsilon = 0, label = 'L'}, "
                                "{name = 'newton-modified', modification = 'eigen', "
                                "linesearch = 'more-thuente', label = 'NM'} }", &n);
    cr_assert_eq(n, 5);
    cr_assert_eq(m[0].kind, OPT_METHOD_NEWTON);
    cr_assert_eq(m[0].newton.kind, OPT_NEWTON_PURE);
    cr_assert_str_eq(m[0].label, "newton");
    cr_assert_null(m[0].stepper);
    cr_assert_eq(m[1].kind, OPT_METHOD_NEWTON_MODIFIED);
    cr_assert_eq(m[1].newton.kind, OPT_NEWTON_CHOLESKY);
    cr_assert_eq(m[1].newton.linesearch, OPT_LS_BACKTRACKING, "newton.h's default");
    cr_assert_eq(m[1].newton.epsilon, 1e-10);
    cr_assert_str_eq(m[1].label, "newton-modified (2)");
    cr_assert_eq(m[2].kind, OPT_METHOD_LBFGS);
    cr_assert_eq(m[2].lbfgs.m, 6);
    cr_assert_eq(m[2].lbfgs.linesearch, OPT_LS_MORE_THUENTE);
    cr_assert_eq(m[2].lbfgs.epsilon, 1e-5);
    cr_assert_str_eq(m[2].label, "lbfgs (2)", "another has the name (and a label of its own)");
    cr_assert_str_eq(m[2].key, "lbfgs_2");
    cr_assert_str_eq(m[3].key, "L");
    cr_assert_eq(m[3].lbfgs.m, 3);
    cr_assert_eq(m[3].lbfgs.linesearch, OPT_LS_FIXED);
    cr_assert_eq(m[3].lbfgs.fixed_step, 0.5);
    cr_assert_eq(m[3].lbfgs.epsilon, 0);
    cr_assert_eq(m[4].newton.kind, OPT_NEWTON_EIGEN);
    cr_assert_eq(m[4].newton.linesearch, OPT_LS_MORE_THUENTE);
    opt_methods_free(m, n);
    opt_config_free(c);
}

Test(method, errors_name_the_record_and_the_field)
{
    expect_error("{}", "is empty; give at least one method such as {name = 'gd', lr = 0.1}");
    expect_error("{ {name = 'gd'}, {lr = 0.1} }",
                 "methods[2] needs a name, a string such as name = 'gd'");
    expect_error("{ {name = 'Adam'} }",
                 "methods[1]: unknown method 'Adam' (did you mean 'adam'?); known methods: gd, "
                 "sgd, momentum, momentum-classic, momentum-ema, adagrad, rmsprop, adam, adamw, "
                 "radam, nadam, novograd, lars, lookahead, newton, newton-modified, lbfgs");
    expect_error("{ {name = 'sgd', momentun = 0.9} }",
                 "methods[1] (sgd): unknown field 'momentun' (did you mean 'momentum'?); sgd "
                 "takes: name, lr, label, schedule, clip_norm, clip_value, momentum, dampening, "
                 "weight_decay, nesterov, maximize");
    expect_error("{ {name = 'sgd', momentum = 2} }",
                 "methods[1] (sgd): momentum = 2 is not a number in [0, 1]");
    expect_error("{ {name = 'sgd', momentum = 'high'} }",
                 "methods[1] (sgd): momentum must be a number");
    expect_error("{ {name = 'gd', lr = 0} }", "methods[1] (gd): lr must be a positive number");
    expect_error("{ {name = 'gd', label = ''} }",
                 "methods[1] (gd): label must be a non-empty string");
    expect_error("{ {name = 'gd', clip_norm = -1} }",
                 "methods[1] (gd): clip_norm must be a number >= 0 (0: no clipping)");
    char refused[512];
    snprintf(refused, sizeof refused, "methods[1] (sgd): these hyper-parameters do not go "
             "together; nesterov: %s", opt_stepper_hparam(opt_sgd, "nesterov")->doc);
    expect_error("{ {name = 'sgd', nesterov = true} }", refused);
    expect_error("{ {name = 'gd', label = 'a b'}, {name = 'gd', label = 'a_b'} }",
                 "methods[1] and methods[2] would both write trace-a_b.tsv; give them "
                 "different labels");
}

Test(method, errors_in_schedules_inner_steppers_and_solvers)
{
    expect_error("{ {name = 'gd', schedule = 'Cosine'} }",
                 "methods[1] (gd): unknown schedule 'Cosine' (did you mean 'cosine'?); known "
                 "schedules: constant, step, multistep, exponential, cosine, linear, invsqrt");
    expect_error("{ {name = 'gd', schedule = {name = 'step', gama = 0.5}} }",
                 "methods[1] (gd): unknown schedule field 'gama' (did you mean 'gamma'?); a "
                 "schedule takes: name, gamma, step_size, milestones, T, eta_min, warmup, "
                 "warmup_start");
    expect_error("{ {name = 'gd', schedule = {name = 'step', step_size = 0.5}} }",
                 "methods[1] (gd): schedule field step_size must be an integer");
    expect_error("{ {name = 'gd', schedule = {name = 'cosine', T = 10, warmup = 10}} }",
                 "methods[1] (gd): schedule 'cosine': warmup must be shorter than T");
    expect_error("{ {name = 'gd', schedule = 3} }",
                 "methods[1] (gd): schedule must be a name such as 'cosine' or a table such as "
                 "{name = 'cosine', T = 500}");
    expect_error("{ {name = 'lookahead', inner = 'adam'} }",
                 "methods[1] (lookahead): inner must be a table such as "
                 "{name = 'sgd', momentum = 0.9}");
    expect_error("{ {name = 'lookahead', inner = {name = 'lbfgs'}} }",
                 "methods[1] (lookahead's inner): unknown stepper 'lbfgs'; known steppers: gd, "
                 "sgd, momentum, momentum-classic, momentum-ema, adagrad, rmsprop, adam, adamw, "
                 "radam, nadam, novograd, lars, lookahead");
    expect_error("{ {name = 'lookahead', inner = {name = 'adma'}} }",
                 "methods[1] (lookahead's inner): unknown stepper 'adma' (did you mean 'adam'?); "
                 "known steppers: gd, sgd, momentum, momentum-classic, momentum-ema, adagrad, "
                 "rmsprop, adam, adamw, radam, nadam, novograd, lars, lookahead");
    expect_error("{ {name = 'lookahead', inner = {lr = 1}} }",
                 "methods[1] (lookahead's inner) needs a name, a string such as name = 'gd'");
    expect_error("{ {name = 'lookahead', inner = {name = 'adam', lr = 0.1}} }",
                 "methods[1] (adam): unknown field 'lr'; an inner adam takes: name, beta1, "
                 "beta2, eps, weight_decay, amsgrad, maximize");
    expect_error("{ {name = 'gd', inner = {name = 'adam'}} }",
                 "methods[1] (gd): unknown field 'inner'; gd takes: name, lr, label, schedule, "
                 "clip_norm, clip_value");
    expect_error("{ {name = 'lbfgs', mm = 3} }",
                 "methods[1] (lbfgs): unknown field 'mm'; lbfgs takes: name, label, epsilon, m, "
                 "linesearch, step");
    expect_error("{ {name = 'newton', linesearch = 'fixed'} }",
                 "methods[1] (newton): unknown field 'linesearch'; newton takes: name, label, "
                 "epsilon");
    expect_error("{ {name = 'lbfgs', linesearch = 'more-thunte'} }",
                 "methods[1] (lbfgs): linesearch must be one of: more-thuente, backtracking, "
                 "fixed (did you mean 'more-thuente'?)");
    expect_error("{ {name = 'newton-modified', linesearch = 'fixed'} }",
                 "methods[1] (newton-modified): linesearch must be one of: more-thuente, "
                 "backtracking");
    expect_error("{ {name = 'newton-modified', modification = 'lu'} }",
                 "methods[1] (newton-modified): modification must be one of: cholesky, eigen");
    expect_error("{ {name = 'lbfgs', m = 0} }",
                 "methods[1] (lbfgs): m must be an integer in [1, 1000]");
    expect_error("{ {name = 'lbfgs', epsilon = -1} }",
                 "methods[1] (lbfgs): epsilon must be a number >= 0");
}

Test(method, not_a_list)
{
    opt_config *c = opt_config_new(schema, 1);
    cr_assert_eq(opt_config_set(c, "methods={3}"), OPT_OK);
    opt_method *m;
    size_t n;
    cr_assert_eq(opt_methods_read(c, "methods", 2, &m, &n), OPT_ECONFIG);
    cr_assert_str_eq(opt_config_error(c), "--set methods={3}: key 'methods': must be a list of "
                                          "tables such as { {name = 'gd', lr = 0.1} }");
    opt_config_free(c);
}

/* ---- Running -------------------------------------------------------------------- */

static long rows_seen;
static int count_rows(const opt_progress *p, void *ctx)
{
    (void)ctx;
    cr_assert_eq(p->k, rows_seen, "rows come in order from step 0");
    rows_seen++;
    return 0;
}

Test(method, a_stepper_runs_as_opt_run_runs_it)
{
    opt_config *c;
    size_t n;
    opt_method *m = read_ok(&c, "{ {name = 'sgd', lr = 0.01, momentum = 0.9, "
                                "schedule = 'cosine', clip_norm = 10} }", &n);
    opt_rosenbrock rb = { 2, 1, 100 };
    opt_objective obj = opt_rosenbrock_objective(&rb);
    double x[2] = { -1.2, 1 }, y[2] = { -1.2, 1 };
    opt_trace *t = opt_trace_alloc(2), *u = opt_trace_alloc(2);
    opt_result r, s;
    rows_seen = 0;
    opt_method_run(&m[0], &obj, x, 50, t, count_rows, NULL, &r);
    cr_assert_eq(rows_seen, 51);

    opt_stepper *st = opt_stepper_alloc(opt_sgd, 2, &(opt_sgd_params){ .momentum = 0.9 });
    opt_schedule sched = opt_schedule_defaults(OPT_SCHED_COSINE);
    opt_run_params p = opt_run_defaults();
    p.lr = 0.01, p.max_steps = 50, p.schedule = opt_schedule_fn, p.schedule_ctx = &sched;
    p.clip_norm = 10;
    opt_run(&obj, st, y, &p, u, &s);
    cr_assert_eq(r.status, s.status);
    cr_assert_eq(r.steps, s.steps);
    cr_assert_eq(r.f, s.f, "the same run, to the bit");
    cr_assert_eq(memcmp(x, y, sizeof x), 0);
    cr_assert_eq(t->rows, u->rows);
    cr_assert_eq(memcmp(t->data, u->data, t->rows * 5 * sizeof *t->data), 0);
    opt_stepper_free(st);
    opt_trace_free(t);
    opt_trace_free(u);
    opt_methods_free(m, n);
    opt_config_free(c);
}

Test(method, solvers_record_the_start_and_every_iterate)
{
    opt_config *c;
    size_t n;
    opt_method *m = read_ok(&c, "{ {name = 'lbfgs'}, {name = 'newton'} }", &n);
    opt_rosenbrock rb = { 2, 1, 100 };
    opt_objective obj = opt_rosenbrock_objective(&rb);
    for (size_t i = 0; i < n; i++) {
        double x[2] = { -1.2, 1 };
        opt_trace *t = opt_trace_alloc(2);
        opt_result r;
        rows_seen = 0;
        int st = opt_method_run(&m[i], &obj, x, 200, t, count_rows, NULL, &r);
        cr_assert_eq(st, r.status);
        cr_assert_eq(t->rows, (size_t)rows_seen);
        cr_assert_eq(t->rows, (size_t)r.steps + 1, "%s: row 0 and one a step", m[i].name);
        cr_assert_eq(opt_trace_row(t, 0)[0], 0);
        cr_assert_eq(opt_trace_x(t, 0)[0], -1.2, "row 0 is the start");
        cr_assert_float_eq(opt_trace_row(t, 0)[1], 24.2, 1e-12);
        if (m[i].kind == OPT_METHOD_LBFGS) {
            cr_assert_eq(r.status, OPT_OK);
            cr_assert_float_eq(r.f, 0, 1e-9);
        }
        opt_trace_free(t);
    }
    /* the step budget is the solver's iteration budget */
    double x[2] = { -1.2, 1 };
    opt_result r;
    opt_method_run(&m[0], &obj, x, 3, NULL, NULL, NULL, &r);
    cr_assert_eq(r.status, OPT_EMAXITER);
    cr_assert_eq(r.steps, 3);
    opt_methods_free(m, n);
    opt_config_free(c);
}

/* The metadata pairs as one "k=v;" string. */
static void meta_text(const opt_method_meta *meta, char *buf, size_t cap)
{
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; meta->pairs[i]; i += 2)
        len += (size_t)snprintf(buf + len, cap - len, "%s=%s;", meta->pairs[i], meta->pairs[i + 1]);
}

Test(method, trace_metadata)
{
    opt_config *c;
    size_t n;
    opt_method *m = read_ok(&c, "{ {name = 'lookahead', lr = 0.5, inner = {name = 'sgd', "
                                "momentum = 0.5}, schedule = 'step', clip_value = 3}, "
                                "{name = 'lbfgs', m = 4}, {name = 'newton-modified'} }", &n);
    opt_method_meta meta;
    char text[1024];
    opt_method_meta_init(&meta, &m[0]);
    opt_method_meta_add(&meta, "steps", "10");
    meta_text(&meta, text, sizeof text);
    cr_assert_str_eq(text, "method=lookahead;label=lookahead(sgd);lr=0.5;k=5;alpha=0.5;"
                           "inner=sgd;inner.momentum=0.5;inner.dampening=0;inner.weight_decay=0;"
                           "inner.nesterov=0;inner.maximize=0;schedule=step;clip_value=3;steps=10;");
    opt_method_meta_init(&meta, &m[1]);
    meta_text(&meta, text, sizeof text);
    cr_assert_str_eq(text, "method=lbfgs;label=lbfgs;epsilon=1.0000000000000001e-05;"
                           "linesearch=more-thuente;m=4;");
    opt_method_meta_init(&meta, &m[2]);
    meta_text(&meta, text, sizeof text);
    cr_assert_str_eq(text, "method=newton-modified;label=newton-modified;"
                           "epsilon=1e-10;linesearch=backtracking;modification=cholesky;");
    opt_methods_free(m, n);
    opt_config_free(c);
}
