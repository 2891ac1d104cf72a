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
static const opt_lab_info info = {
    "00-playground", "The playground", params, sizeof params / sizeof *params
};

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
 * (plain gradient descent when left out). The
 * playground checks every field before it runs anything, so a typo stops
 * it with a message, not with a silent default.
 *
 * Three second-order methods run beside the steppers, each as one call to
 * its solver: `newton` (pure Newton, $x \leftarrow x - H^{-1} g$, step 1,
 * which walks into saddles), `newton-modified` (the Hessian made positive
 * definite, `modification = 'cholesky'` or `'eigen'`, with a line search)
 * and `lbfgs` (memory `m`, default 6, and a strong-Wolfe search). Both
 * take `epsilon`, the gradient test $\|g\| \le \epsilon \max(1, \|x\|)$, and
 * `linesearch = 'more-thuente'`, `'backtracking'` or (L-BFGS only)
 * `'fixed'` with a fixed `step`; `steps` is their iteration budget.
 */
enum solver { STEPPER, NEWTON, NEWTON_MODIFIED, LBFGS, NSOLVERS };
static const char *const solver_names[NSOLVERS] = { "", "newton", "newton-modified", "lbfgs" };

typedef struct method {
    enum solver solver;
    opt_newton_params newton;    /* NEWTON, NEWTON_MODIFIED */
    opt_lbfgs_params lbfgs;      /* LBFGS */
    const opt_stepper_type *type;
    void *hp;                 /* the type's hyper-parameter struct */
    const opt_stepper_type *inner_type;   /* Lookahead's inner stepper */
    void *inner_hp;
    double lr;
    int has_schedule;
    opt_schedule schedule;    /* when has_schedule */
    double clip_norm, clip_value;   /* 0: off */
    char label[96];           /* legend text, as given */
    char file[112];           /* "trace-GD_lr_0.001": the label made file-safe */
    opt_stepper *stepper;
    opt_trace *trace;
    opt_run_result result;
} method;

/* The candidate nearest to name by edit distance, when it is close. */
static const char *nearest(const char *name, const char *const *cand, size_t count)
{
    const char *best = NULL;
    size_t best_d = (size_t)-1, la = strlen(name);
    for (size_t c = 0; c < count; c++) {
        size_t lb = strlen(cand[c]), row[64];
        if (la >= 63 || lb >= 63)
            continue;
        for (size_t j = 0; j <= lb; j++)
            row[j] = j;
        for (size_t i = 1; i <= la; i++) {
            size_t diag = row[0];
            row[0] = i;
            for (size_t j = 1; j <= lb; j++) {
                size_t up = row[j];
                size_t sub = diag + (name[i - 1] != cand[c][j - 1]);
                size_t del = up + 1, ins = row[j - 1] + 1;
                row[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
                diag = up;
            }
        }
        if (row[lb] < best_d) {
            best_d = row[lb];
            best = cand[c];
        }
    }
    return best && best_d <= 2 && best_d < la ? best : NULL;
}

/* "a, b, c" into buf. */
static const char *join(char *buf, size_t size, const char *const *names, size_t count)
{
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < count && len < size; i++)
        len += (size_t)snprintf(buf + len, size - len, "%s%s", i ? ", " : "", names[i]);
    return buf;
}

static void did_you_mean(char *buf, size_t size, const char *guess)
{
    if (guess)
        snprintf(buf, size, " (did you mean '%s'?)", guess);
    else
        buf[0] = '\0';
}

static void bad_method_name(opt_lab *lab, size_t i, const char *name)
{
    const opt_stepper_type *const *types = opt_stepper_types();
    const char *names[64];
    size_t count = 0;
    for (; types[count] && count < 60; count++)
        names[count] = types[count]->name;
    for (int k = 1; k < NSOLVERS; k++)
        names[count++] = solver_names[k];
    char known[512], hint[96];
    did_you_mean(hint, sizeof hint, nearest(name, names, count));
    opt_lab_bad_param(lab, "methods", "methods[%zu]: unknown method '%s'%s; known methods: %s",
                      i + 1, name, hint, join(known, sizeof known, names, count));
}

/* The fields a method takes besides its hyper-parameters; an inner
 * stepper (Lookahead's) takes only its name. */
static const char *const method_fields[] = { "name", "lr", "label", "schedule", "clip_norm",
                                             "clip_value", "inner" };

static void bad_field(opt_lab *lab, size_t i, const opt_stepper_type *T, const char *key, int inner)
{
    const char *names[64];
    size_t count = 0;
    size_t nfixed = inner ? 1 : T == opt_lookahead ? 7 : 6;
    for (; count < nfixed; count++)
        names[count] = method_fields[count];
    for (size_t k = 0; k < T->hp_count && count < 64; k++)
        names[count++] = T->hparams[k].name;
    char known[512], hint[96];
    did_you_mean(hint, sizeof hint, nearest(key, names, count));
    opt_lab_bad_param(lab, "methods", "methods[%zu] (%s): unknown field '%s'%s; %s%s takes: %s",
                      i + 1, T->name, key, hint, inner ? "an inner " : "", T->name,
                      join(known, sizeof known, names, count));
}

/* Replace every character but [A-Za-z0-9._-] by one '_'. */
static void file_safe(char *out, size_t size, const char *label)
{
    size_t o = 0;
    for (const char *c = label; *c && o + 1 < size; c++) {
        int ok = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z')
                 || (*c >= '0' && *c <= '9') || *c == '.' || *c == '-';
        if (ok)
            out[o++] = *c;
        else if (o > 0 && out[o - 1] != '_')
            out[o++] = '_';
    }
    while (o > 0 && out[o - 1] == '_')
        o--;
    out[o] = '\0';
}

static void bad_schedule_name(opt_lab *lab, size_t i, const char *method_name, const char *name)
{
    const char *names[OPT_SCHED_COUNT];
    for (int k = 0; k < OPT_SCHED_COUNT; k++)
        names[k] = opt_schedule_name((opt_schedule_kind)k);
    char known[256], hint[96];
    did_you_mean(hint, sizeof hint, nearest(name, names, OPT_SCHED_COUNT));
    opt_lab_bad_param(lab, "methods", "methods[%zu] (%s): unknown schedule '%s'%s; known schedules: %s",
                      i + 1, method_name, name, hint, join(known, sizeof known, names, OPT_SCHED_COUNT));
}

/* schedule = 'cosine' or {name = 'cosine', T = 500, warmup = 20, ...}. */
static void read_schedule(opt_lab *lab, size_t i, const char *mname, const opt_field *f,
                          opt_schedule *out)
{
    const opt_record *r = f->type == OPT_T_TABLE ? f->sub : NULL;
    const opt_field *name = f->type == OPT_T_STRING ? f : r ? opt_record_get(r, "name") : NULL;
    if (!name || name->type != OPT_T_STRING)
        opt_lab_bad_param(lab, "methods", "methods[%zu] (%s): schedule must be a name such as "
                          "'cosine' or a table such as {name = 'cosine', T = 500}", i + 1, mname);
    opt_schedule_kind kind = opt_schedule_lookup(name->str);
    if (kind == OPT_SCHED_COUNT)
        bad_schedule_name(lab, i, mname, name->str);
    *out = opt_schedule_defaults(kind);
    for (size_t k = 0; r && k < r->count; k++) {
        const opt_field *e = &r->fields[k];
        const char *key = e->key;
        int integral = e->type == OPT_T_INT;
        if (strcmp(key, "name") == 0)
            continue;
        if (strcmp(key, "milestones") == 0 && e->type == OPT_T_TABLE) {
            out->nmilestones = 0;
            for (size_t j = 0; j < e->sub->count && j < OPT_SCHED_MAX_MILESTONES; j++) {
                const opt_field *ms = &e->sub->fields[j];
                if (ms->type != OPT_T_INT)
                    opt_lab_bad_param(lab, "methods", "methods[%zu] (%s): schedule milestones must "
                                      "be step numbers", i + 1, mname);
                out->milestones[out->nmilestones++] = (long)ms->num;
            }
            continue;
        }
        long *as_long = strcmp(key, "step_size") == 0 ? &out->step_size
                      : strcmp(key, "T") == 0 ? &out->T
                      : strcmp(key, "warmup") == 0 ? &out->warmup : NULL;
        double *as_double = strcmp(key, "gamma") == 0 ? &out->gamma
                          : strcmp(key, "eta_min") == 0 ? &out->eta_min
                          : strcmp(key, "warmup_start") == 0 ? &out->warmup_start : NULL;
        if (as_long && integral)
            *as_long = (long)e->num;
        else if (as_double && (integral || e->type == OPT_T_NUMBER))
            *as_double = e->num;
        else if (as_long || as_double)
            opt_lab_bad_param(lab, "methods", "methods[%zu] (%s): schedule field %s must be %s",
                              i + 1, mname, key, as_long ? "an integer" : "a number");
        else
            opt_lab_bad_param(lab, "methods", "methods[%zu] (%s): unknown schedule field '%s'; a "
                              "schedule takes: name, gamma, step_size, milestones, T, eta_min, "
                              "warmup, warmup_start", i + 1, mname, key);
    }
    const char *why;
    if (opt_schedule_check(out, &why) != OPT_OK)
        opt_lab_bad_param(lab, "methods", "methods[%zu] (%s): schedule '%s': %s", i + 1, mname,
                          name->str, why);
}

/* The stepper type named by r's field `name`, and a copy of its default
 * hyper-parameters in *hp. */
static const opt_stepper_type *read_type(opt_lab *lab, const opt_record *r, size_t i, void **hp,
                                         const char *what)
{
    const opt_field *name = opt_record_get(r, "name");
    if (!name || name->type != OPT_T_STRING)
        opt_lab_bad_param(lab, "methods", "methods[%zu]%s needs a name, a string such as "
                          "name = 'gd'", i + 1, what);
    const opt_stepper_type *T = opt_stepper_lookup(name->str);
    if (!T)
        bad_method_name(lab, i, name->str);
    *hp = malloc(T->hp_size ? T->hp_size : 1);
    if (!*hp)
        opt_lab_die(lab, "out of memory");
    memcpy(*hp, T->hp_default, T->hp_size);
    return T;
}

/* Field f, which is not one of method_fields, as a hyper-parameter of T. */
static void set_hparam(opt_lab *lab, size_t i, const opt_stepper_type *T, void *hp,
                       const opt_field *f, int inner)
{
    const opt_hparam *d = opt_stepper_hparam(T, f->key);
    if (!d)
        bad_field(lab, i, T, f->key, inner);
    if (f->type != OPT_T_NUMBER && f->type != OPT_T_INT && f->type != OPT_T_BOOL)
        opt_lab_bad_param(lab, "methods", "methods[%zu] (%s): %s must be a number%s",
                          i + 1, T->name, f->key, d->kind == OPT_HP_BOOL ? " or a boolean" : "");
    if (opt_stepper_hp_set(T, hp, f->key, f->num) != OPT_OK)
        opt_lab_bad_param(lab, "methods", "methods[%zu] (%s): %s = %g is not %s in [%g, %g]",
                          i + 1, T->name, f->key, f->num,
                          d->kind == OPT_HP_DOUBLE ? "a number" :
                          d->kind == OPT_HP_INT ? "an integer" : "0, 1 or a boolean",
                          d->min, d->max);
}

/* Lookahead's inner = {name = 'adam', beta1 = 0.9, ...}. */
static void read_inner(opt_lab *lab, size_t i, method *m, const opt_field *f)
{
    if (f->type != OPT_T_TABLE)
        opt_lab_bad_param(lab, "methods", "methods[%zu] (lookahead): inner must be a table such "
                          "as {name = 'sgd', momentum = 0.9}", i + 1);
    m->inner_type = read_type(lab, f->sub, i, &m->inner_hp, " (lookahead's inner)");
    for (size_t k = 0; k < f->sub->count; k++)
        if (strcmp(f->sub->fields[k].key, "name") != 0)
            set_hparam(lab, i, m->inner_type, m->inner_hp, &f->sub->fields[k], 1);
}

static enum solver solver_of(const opt_record *r)
{
    const opt_field *name = opt_record_get(r, "name");
    for (int k = 1; name && name->type == OPT_T_STRING && k < NSOLVERS; k++)
        if (strcmp(name->str, solver_names[k]) == 0)
            return (enum solver)k;
    return STEPPER;
}

/* The fields of the second-order methods. */
static const char *const solver_fields[NSOLVERS][8] = {
    [NEWTON] = { "name", "label", "epsilon" },
    [NEWTON_MODIFIED] = { "name", "label", "epsilon", "modification", "linesearch" },
    [LBFGS] = { "name", "label", "epsilon", "m", "linesearch", "step" },
};

static void bad_solver_field(opt_lab *lab, size_t i, enum solver k, const char *key)
{
    const char *const *names = solver_fields[k];
    size_t count = 0;
    while (count < 8 && names[count])
        count++;
    char known[256], hint[96];
    did_you_mean(hint, sizeof hint, nearest(key, names, count));
    opt_lab_bad_param(lab, "methods", "methods[%zu] (%s): unknown field '%s'%s; %s takes: %s",
                      i + 1, solver_names[k], key, hint, solver_names[k],
                      join(known, sizeof known, names, count));
}

/* A string field that must be one of the given words. */
static int choose(opt_lab *lab, size_t i, const char *who, const opt_field *f,
                  const char *const *words, int count)
{
    for (int w = 0; f->type == OPT_T_STRING && w < count; w++)
        if (strcmp(f->str, words[w]) == 0)
            return w;
    char known[128];
    opt_lab_bad_param(lab, "methods", "methods[%zu] (%s): %s must be one of: %s", i + 1, who,
                      f->key, join(known, sizeof known, words, (size_t)count));
}

static void read_solver(opt_lab *lab, const opt_record *r, size_t i, method *m, enum solver k,
                        int name_unique)
{
    static const char *const modifications[] = { "cholesky", "eigen" };
    static const char *const searches[] = { "more-thuente", "backtracking", "fixed" };
    const char *who = solver_names[k];
    m->solver = k;
    m->newton = opt_newton_defaults();
    m->newton.kind = k == NEWTON ? OPT_NEWTON_PURE : OPT_NEWTON_CHOLESKY;
    m->lbfgs = opt_lbfgs_defaults();
    m->label[0] = '\0';
    for (size_t f = 0; f < r->count; f++) {
        const opt_field *fd = &r->fields[f];
        int known = 0;
        for (size_t j = 0; j < 8 && solver_fields[k][j]; j++)
            known |= strcmp(fd->key, solver_fields[k][j]) == 0;
        if (!known)
            bad_solver_field(lab, i, k, fd->key);
        int numeric = fd->type == OPT_T_NUMBER || fd->type == OPT_T_INT;
        if (strcmp(fd->key, "label") == 0) {
            if (fd->type != OPT_T_STRING || !*fd->str)
                opt_lab_bad_param(lab, "methods", "methods[%zu] (%s): label must be a non-empty string",
                                  i + 1, who);
            snprintf(m->label, sizeof m->label, "%s", fd->str);
        } else if (strcmp(fd->key, "epsilon") == 0) {
            if (!numeric || !(fd->num >= 0) || !isfinite(fd->num))
                opt_lab_bad_param(lab, "methods", "methods[%zu] (%s): epsilon must be a number >= 0",
                                  i + 1, who);
            m->newton.epsilon = m->lbfgs.epsilon = fd->num;
        } else if (strcmp(fd->key, "m") == 0) {
            if (fd->type != OPT_T_INT || fd->num < 1 || fd->num > 1000)
                opt_lab_bad_param(lab, "methods", "methods[%zu] (lbfgs): m must be an integer in "
                                  "[1, 1000]", i + 1);
            m->lbfgs.m = (int)fd->num;
        } else if (strcmp(fd->key, "step") == 0) {
            if (!numeric || !(fd->num > 0) || !isfinite(fd->num))
                opt_lab_bad_param(lab, "methods", "methods[%zu] (lbfgs): step must be a positive "
                                  "number", i + 1);
            m->lbfgs.fixed_step = fd->num;
        } else if (strcmp(fd->key, "modification") == 0) {
            m->newton.kind = choose(lab, i, who, fd, modifications, 2) ? OPT_NEWTON_EIGEN
                                                                      : OPT_NEWTON_CHOLESKY;
        } else if (strcmp(fd->key, "linesearch") == 0) {
            int w = choose(lab, i, who, fd, searches, k == LBFGS ? 3 : 2);
            opt_ls_kind kind = w == 0 ? OPT_LS_MORE_THUENTE : w == 1 ? OPT_LS_BACKTRACKING
                                                                       : OPT_LS_FIXED;
            m->newton.linesearch = m->lbfgs.linesearch = kind;
        }
    }
    m->newton.max_iterations = m->lbfgs.max_iterations = opt_lab_int(lab, "steps");
    if (!m->label[0])
        snprintf(m->label, sizeof m->label, "%s%s", who, name_unique ? "" : " (2)");
    char safe[96];
    file_safe(safe, sizeof safe, m->label);
    snprintf(m->file, sizeof m->file, "trace-%s", safe[0] ? safe : who);
}

static void read_method(opt_lab *lab, const opt_record *r, size_t i, method *m, int name_unique)
{
    enum solver solver = solver_of(r);
    if (solver != STEPPER) {
        read_solver(lab, r, i, m, solver, name_unique);
        return;
    }
    const opt_stepper_type *T = m->type = read_type(lab, r, i, &m->hp, "");
    m->lr = opt_run_defaults().lr;
    m->label[0] = '\0';
    if (T == opt_lookahead) {   /* plain gradient descent inside unless told otherwise */
        m->inner_type = opt_gd;
        m->inner_hp = malloc(opt_gd->hp_size ? opt_gd->hp_size : 1);
        if (!m->inner_hp)
            opt_lab_die(lab, "out of memory");
        memcpy(m->inner_hp, opt_gd->hp_default, opt_gd->hp_size);
    }

    for (size_t k = 0; k < r->count; k++) {
        const opt_field *f = &r->fields[k];
        int numeric = f->type == OPT_T_NUMBER || f->type == OPT_T_INT;
        if (strcmp(f->key, "name") == 0)
            continue;
        if (strcmp(f->key, "label") == 0) {
            if (f->type != OPT_T_STRING || !*f->str)
                opt_lab_bad_param(lab, "methods", "methods[%zu] (%s): label must be a non-empty string",
                                  i + 1, T->name);
            snprintf(m->label, sizeof m->label, "%s", f->str);
        } else if (strcmp(f->key, "lr") == 0) {
            if (!numeric || !(f->num > 0) || !isfinite(f->num))
                opt_lab_bad_param(lab, "methods", "methods[%zu] (%s): lr must be a positive number",
                                  i + 1, T->name);
            m->lr = f->num;
        } else if (strcmp(f->key, "schedule") == 0) {
            read_schedule(lab, i, T->name, f, &m->schedule);
            m->has_schedule = 1;
        } else if (strcmp(f->key, "clip_norm") == 0 || strcmp(f->key, "clip_value") == 0) {
            if (!numeric || !(f->num >= 0) || !isfinite(f->num))
                opt_lab_bad_param(lab, "methods", "methods[%zu] (%s): %s must be a number >= 0 "
                                  "(0: no clipping)", i + 1, T->name, f->key);
            *(strcmp(f->key, "clip_norm") == 0 ? &m->clip_norm : &m->clip_value) = f->num;
        } else if (strcmp(f->key, "inner") == 0 && T == opt_lookahead) {
            free(m->inner_hp);
            read_inner(lab, i, m, f);
        } else {
            set_hparam(lab, i, T, m->hp, f, 0);
        }
    }
    if (!m->label[0]) {
        char base[64];
        if (m->inner_type)
            snprintf(base, sizeof base, "%s(%s)", T->name, m->inner_type->name);
        else
            snprintf(base, sizeof base, "%s", T->name);
        if (name_unique)
            snprintf(m->label, sizeof m->label, "%s", base);
        else
            snprintf(m->label, sizeof m->label, "%s, lr = %g", base, m->lr);
    }
    char safe[96];
    file_safe(safe, sizeof safe, m->label);
    snprintf(m->file, sizeof m->file, "trace-%s", safe[0] ? safe : T->name);
}

/* A stepper refuses hyper-parameters that do not go together (Nesterov
 * without momentum, say): name the fields that were set, with their docs. */
static void make_stepper(opt_lab *lab, const opt_record *r, size_t i, method *m, size_t n)
{
    if (m->type == opt_lookahead) {
        opt_stepper *inner = opt_stepper_alloc(m->inner_type, n, m->inner_hp);
        const opt_lookahead_params *p = m->hp;
        if (!inner)
            opt_lab_bad_param(lab, "methods", "methods[%zu] (lookahead): its inner %s refuses "
                              "these hyper-parameters", i + 1, m->inner_type->name);
        m->stepper = opt_lookahead_alloc(inner, p->k, p->alpha);
    } else {
        m->stepper = opt_stepper_alloc(m->type, n, m->hp);
    }
    if (m->stepper)
        return;
    char docs[768] = "";
    size_t len = 0;
    for (size_t k = 0; k < r->count && len < sizeof docs; k++) {
        const opt_hparam *d = opt_stepper_hparam(m->type, r->fields[k].key);
        if (d)
            len += (size_t)snprintf(docs + len, sizeof docs - len, "; %s: %s", d->name, d->doc);
    }
    opt_lab_bad_param(lab, "methods", "methods[%zu] (%s): these hyper-parameters do not go "
                      "together%s", i + 1, m->type->name, docs);
}

static method *read_methods(opt_lab *lab, size_t n, size_t *count)
{
    const opt_record *recs;
    if (opt_config_records(opt_lab_config(lab), "methods", &recs, count) != OPT_OK)
        opt_lab_bad_param(lab, "methods", "must be a list of tables such as { {name = 'gd', lr = 0.1} }");
    if (*count == 0)
        opt_lab_bad_param(lab, "methods", "is empty; give at least one method such as {name = 'gd', lr = 0.1}");
    method *m = calloc(*count, sizeof *m);
    if (!m)
        opt_lab_die(lab, "out of memory");
    for (size_t i = 0; i < *count; i++) {
        /* A label defaults to the method's name, or to name and lr when two
         * methods share the name. */
        const opt_field *name = opt_record_get(&recs[i], "name");
        int unique = 1;
        for (size_t j = 0; j < *count && name && name->type == OPT_T_STRING; j++) {
            const opt_field *other = opt_record_get(&recs[j], "name");
            if (j != i && other && other->type == OPT_T_STRING && strcmp(other->str, name->str) == 0)
                unique = 0;
        }
        read_method(lab, &recs[i], i, &m[i], unique);
        if (m[i].solver == STEPPER)
            make_stepper(lab, &recs[i], i, &m[i], n);
        for (size_t j = 0; j < i; j++)
            if (strcmp(m[j].file, m[i].file) == 0)
                opt_lab_bad_param(lab, "methods", "methods[%zu] and methods[%zu] would both write "
                                  "%s.tsv; give them different labels", j + 1, i + 1, m[i].file);
    }
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
    size_t nstart = has_start ? opt_lab_list(lab, "start", NULL, 0) : 0;

    if (opt_config_type(cfg, "objective") == OPT_T_STRING) {
        const char *name = opt_lab_string(lab, "objective");
        const opt_problem *p = opt_problem_lookup(name);
        if (!p) {
            size_t count;
            const opt_problem *all = opt_problem_list(&count);
            const char *names[64];
            for (size_t i = 0; i < count && i < 64; i++)
                names[i] = all[i].name;
            if (count > 64)
                count = 64;
            char known[512], hint[96];
            join(known, sizeof known, names, count);
            did_you_mean(hint, sizeof hint, nearest(name, names, count));
            opt_lab_bad_param(lab, "objective", "unknown problem '%s'%s; built-in problems: %s "
                              "(or give a Lua function)", name, hint, known);
        }
        if (opt_config_type(cfg, "gradient") != OPT_T_NIL)
            opt_lab_bad_param(lab, "gradient", "only a Lua objective takes a gradient; '%s' "
                              "has its own", name);
        pg->obj = opt_problem_objective(p);
        pg->objective_name = p->name;
        pg->objective_doc = p->doc;
        if (!has_start && p->n != 2)
            opt_lab_bad_param(lab, start_culprit(cfg), "'%s' has %zu dimensions; give a start "
                              "point: start = {x1, ..., x%zu}", name, p->n, p->n);
    } else {
        const char *gkey = opt_config_type(cfg, "gradient") == OPT_T_NIL ? NULL : "gradient";
        if (opt_config_objective(cfg, "objective", gkey, has_start ? nstart : 2, &pg->obj) != OPT_OK)
            opt_lab_config_failed(lab);
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
    pg->start = malloc(pg->obj.n * sizeof *pg->start);
    if (!pg->start)
        opt_lab_die(lab, "out of memory");
    if (has_start)
        opt_lab_list(lab, "start", pg->start, pg->obj.n);
    else
        memcpy(pg->start, opt_problem_lookup(pg->objective_name)->start, 2 * sizeof *pg->start);
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

/* f at the start point, where f and its gradient must be finite numbers: a
 * start where they are not is bad input (exit 2, before anything is
 * written), not a run that "diverged at step 0". */
static double check_start(playground *pg)
{
    const size_t n = pg->obj.n;
    double *g = malloc(n * sizeof *g);
    if (!g)
        opt_lab_die(pg->lab, "out of memory");
    double f = opt_eval(&pg->obj, pg->start, g);
    check_lua_error(pg, "at the start point");
    if (!isfinite(f) || !opt_all_finite(g, n)) {
        char at[256] = "", val[256] = "";
        for (size_t i = 0, k = 0, kv = 0; i < n && i < 8; i++) {
            k += (size_t)snprintf(at + k, sizeof at - k, "%s%g", i ? ", " : "", pg->start[i]);
            kv += (size_t)snprintf(val + kv, sizeof val - kv, "%s%g", i ? ", " : "",
                                   plain_nan(g[i]));
            if (k >= sizeof at - 32 || kv >= sizeof val - 32)
                break;
        }
        if (!isfinite(f))
            opt_lab_bad_param(pg->lab, start_culprit(opt_lab_config(pg->lab)),
                              "f is not finite at the start point (%s%s): f = %g", at,
                              n > 8 ? ", ..." : "", plain_nan(f));
        opt_lab_bad_param(pg->lab, start_culprit(opt_lab_config(pg->lab)),
                          "the gradient is not finite at the start point (%s%s): (%s%s)", at,
                          n > 8 ? ", ..." : "", val, n > 8 ? ", ..." : "");
    }
    free(g);
    return f;
}

/** ## Running a method
 *
 * The driver `opt_run` (lib/run.c) evaluates $f$ and $\nabla f$ at the
 * current point, records a row of the trace — step, $f$, $\|\nabla f\|$
 * and the coordinates — and asks the stepper for the next point. It stops
 * when the step budget is spent or when a loss, gradient or iterate stops
 * being a finite number: the run *diverged*, and the trace ends at the last
 * finite row.
 */
typedef struct progress { opt_lab *lab; const char *label; long total; } progress;

static int show_progress(long step, double f, double gnorm, const double *x, size_t n, void *ctx)
{
    (void)f, (void)gnorm, (void)x, (void)n;
    const progress *p = ctx;
    opt_lab_progress(p->lab, p->label, step, p->total);
    return 0;
}

/* numbers.tsv: <label>.f, .gnorm, .steps and .diverged for the tests. */
static void record_result(opt_lab *lab, const method *m)
{
    const opt_run_result *r = &m->result;
    char key[160];
    const char *base = m->file + strlen("trace-");
    snprintf(key, sizeof key, "%s.f", base);
    opt_lab_record(lab, key, r->f);
    snprintf(key, sizeof key, "%s.gnorm", base);
    opt_lab_record(lab, key, r->gnorm);
    snprintf(key, sizeof key, "%s.steps", base);
    opt_lab_record(lab, key, (double)r->steps);
    snprintf(key, sizeof key, "%s.diverged", base);
    opt_lab_record(lab, key, r->status == OPT_EDIVERGED);
}

/* OUT/trace-<label>.tsv, whose metadata says how to reproduce it. */
static void write_trace(playground *pg, const method *m, long max_steps)
{
    char lr[32], steps[32], strs[32][40];
    const char *meta[2 * 48 + 1];
    size_t k = 0;
    snprintf(lr, sizeof lr, "%.17g", m->lr);
    snprintf(steps, sizeof steps, "%ld", max_steps);
    meta[k++] = "method", meta[k++] = m->solver ? solver_names[m->solver] : m->type->name;
    meta[k++] = "label", meta[k++] = m->label;
    if (!m->solver)
        meta[k++] = "lr", meta[k++] = lr;
    for (size_t h = 0; !m->solver && h < m->type->hp_count && h < 16; h++) {
        const opt_hparam *d = &m->type->hparams[h];
        snprintf(strs[h], sizeof strs[h], "%.17g", opt_stepper_hp_get(m->type, m->hp, d));
        meta[k++] = d->name, meta[k++] = strs[h];
    }
    if (m->solver) {   /* the solver's own settings */
        static const char *const search_names[] = { "backtracking", "more-thuente", "fixed" };
        const int is_lbfgs = m->solver == LBFGS;
        snprintf(strs[0], sizeof strs[0], "%.17g", is_lbfgs ? m->lbfgs.epsilon : m->newton.epsilon);
        meta[k++] = "epsilon", meta[k++] = strs[0];
        meta[k++] = "linesearch",
        meta[k++] = search_names[is_lbfgs ? m->lbfgs.linesearch : m->newton.linesearch];
        if (is_lbfgs) {
            snprintf(strs[1], sizeof strs[1], "%d", m->lbfgs.m);
            meta[k++] = "m", meta[k++] = strs[1];
        } else if (m->solver == NEWTON_MODIFIED) {
            meta[k++] = "modification",
            meta[k++] = m->newton.kind == OPT_NEWTON_EIGEN ? "eigen" : "cholesky";
        }
    }
    char clip[2][32];
    char inner_keys[16][48];
    if (m->inner_type) {
        meta[k++] = "inner", meta[k++] = m->inner_type->name;
        for (size_t h = 0; h < m->inner_type->hp_count && h < 16; h++) {
            const opt_hparam *d = &m->inner_type->hparams[h];
            snprintf(inner_keys[h], sizeof inner_keys[h], "inner.%s", d->name);
            snprintf(strs[16 + h], sizeof strs[16 + h], "%.17g",
                     opt_stepper_hp_get(m->inner_type, m->inner_hp, d));
            meta[k++] = inner_keys[h], meta[k++] = strs[16 + h];
        }
    }
    if (m->has_schedule)
        meta[k++] = "schedule", meta[k++] = opt_schedule_name(m->schedule.kind);
    if (m->clip_norm > 0) {
        snprintf(clip[0], sizeof clip[0], "%.17g", m->clip_norm);
        meta[k++] = "clip_norm", meta[k++] = clip[0];
    }
    if (m->clip_value > 0) {
        snprintf(clip[1], sizeof clip[1], "%.17g", m->clip_value);
        meta[k++] = "clip_value", meta[k++] = clip[1];
    }
    meta[k++] = "objective", meta[k++] = pg->objective_name;
    meta[k++] = "steps", meta[k++] = steps;
    meta[k++] = "stopped", meta[k++] = m->result.reason;
    meta[k] = NULL;
    opt_lab_trace(pg->lab, m->file, m->trace, meta);
}

/* The second-order solvers report each iterate to a callback, which
 * records it in the same trace format as the steppers' runs. */
typedef struct recorder { opt_lab *lab; const char *label; long total; opt_trace *trace; } recorder;

static int record_row(recorder *rec, long k, const double *x, double f, const double *g, size_t n)
{
    opt_lab_progress(rec->lab, rec->label, k, rec->total);
    return opt_trace_push(rec->trace, k, f, opt_norm2(g, n), x);
}

static int newton_row(void *inst, long k, const double *x, double f, const double *g,
                      double step, size_t n)
{
    (void)step;
    return record_row(inst, k, x, f, g, n);
}

static int lbfgs_row(void *inst, long k, const double *x, double f, const double *g,
                     double step, int ls_evals, size_t n)
{
    (void)step, (void)ls_evals;
    return record_row(inst, k, x, f, g, n);
}

static void run_solver(playground *pg, method *m, double *x)
{
    const size_t n = pg->obj.n;
    recorder rec = { pg->lab, m->label, opt_lab_int(pg->lab, "steps"), m->trace };
    double f;
    if (m->solver == LBFGS) {
        double *g = malloc(n * sizeof *g);
        if (!g)
            opt_lab_die(pg->lab, "out of memory");
        f = opt_eval(&pg->obj, x, g);   /* row 0, which L-BFGS does not report */
        record_row(&rec, 0, x, f, g, n);
        free(g);
        opt_lbfgs_result r;
        opt_lbfgs(&pg->obj, x, &f, &m->lbfgs, lbfgs_row, &rec, &r);
        /* Diverged: in iteration iterations + 1 (the start was checked finite). */
        m->result = (opt_run_result){ r.status, r.iterations + (r.status == OPT_EDIVERGED),
                                      r.f, r.gnorm, r.reason };
    } else {
        opt_newton_result r;
        opt_newton(&pg->obj, x, &f, &m->newton, newton_row, &rec, &r);
        m->result = (opt_run_result){ r.status, r.iterations, r.f, r.gnorm, r.reason };
    }
}

static void run_method(playground *pg, method *m, int label_width)
{
    opt_lab *lab = pg->lab;
    size_t n = pg->obj.n;
    opt_stepper *s = m->stepper;
    m->trace = opt_trace_alloc(n);
    double *x = malloc(n * sizeof *x);
    if (!m->trace || !x)
        opt_lab_die(lab, "out of memory");
    memcpy(x, pg->start, n * sizeof *x);

    opt_run_params p = opt_run_defaults();
    p.lr = m->lr;
    p.max_steps = opt_lab_int(lab, "steps");
    if (m->has_schedule) {
        p.schedule = opt_schedule_fn;
        p.schedule_ctx = &m->schedule;
    }
    p.clip_norm = m->clip_norm;
    p.clip_value = m->clip_value;
    progress bar = { lab, m->label, p.max_steps };
    p.progress = show_progress;
    p.progress_ctx = &bar;
    if (m->solver)
        run_solver(pg, m, x);
    else
        opt_run(&pg->obj, s, x, &p, m->trace, &m->result);
    opt_lab_progress(lab, m->label, p.max_steps, p.max_steps);
    check_lua_error(pg, "during the run");

    const opt_run_result *r = &m->result;
    if (r->status == OPT_EDIVERGED && isfinite(r->f))
        opt_lab_printf(lab, "  %-*s  diverged at step %ld (last finite f = %.4g)%s%s\n",
                       label_width, m->label, r->steps, r->f,
                       strcmp(r->reason, "diverged") ? ": " : "",
                       strcmp(r->reason, "diverged") ? r->reason : "");
    else if (r->status == OPT_EDIVERGED)
        opt_lab_printf(lab, "  %-*s  diverged at step %ld (no finite f before it)\n",
                       label_width, m->label, r->steps);
    else
        opt_lab_printf(lab, "  %-*s  f = %-11.4e  ||g|| = %-10.3e  %ld steps (%s)\n",
                       label_width, m->label, r->f, r->gnorm, r->steps,
                       r->status == OPT_EMAXITER ? "step budget used" : r->reason);

    record_result(lab, m);
    write_trace(pg, m, p.max_steps);
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
static void fit_view(const playground *pg, const method *m, size_t count, double v[4])
{
    v[0] = v[1] = pg->start[0];
    v[2] = v[3] = pg->start[1];
    for (size_t i = 0; i < count; i++) {
        if (m[i].result.status == OPT_EDIVERGED)
            continue;
        for (size_t r = 0; r < m[i].trace->rows; r++) {
            const double *row = opt_trace_row(m[i].trace, r);
            v[0] = fmin(v[0], row[3]), v[1] = fmax(v[1], row[3]);
            v[2] = fmin(v[2], row[4]), v[3] = fmax(v[3], row[4]);
        }
    }
    /* A margin of 15%, at least a unit square, and the plot's shape (1.6:1). */
    double cx = (v[0] + v[1]) / 2, cy = (v[2] + v[3]) / 2;
    double w = fmax(1.3 * (v[1] - v[0]), 1e-9 * (1 + fabs(cx)));
    double h = fmax(1.3 * (v[3] - v[2]), 1e-9 * (1 + fabs(cy)));
    if (w < 1 && h < 1 && w + h < 0.1)
        w = h = 1;
    if (w < 1.6 * h)
        w = 1.6 * h;
    else
        h = w / 1.6;
    v[0] = cx - w / 2, v[1] = cx + w / 2;
    v[2] = cy - h / 2, v[3] = cy + h / 2;
}

enum { GRID = 201 };

/* f on a GRID x GRID lattice as x, y, f, z with z the value the contours
 * follow: log10(f - fmin + delta) when f >= 0 everywhere, else f. Returns
 * whether z is logarithmic. */
static int write_grid(playground *pg, const double v[4])
{
    double *f = malloc((size_t)GRID * GRID * sizeof *f);
    if (!f)
        opt_lab_die(pg->lab, "out of memory");
    double fmin = INFINITY, fmax = -INFINITY;
    for (int i = 0; i < GRID; i++)
        for (int j = 0; j < GRID; j++) {
            double x[2] = { v[0] + (v[1] - v[0]) * i / (GRID - 1),
                            v[2] + (v[3] - v[2]) * j / (GRID - 1) };
            double fx = opt_eval(&pg->obj, x, NULL);
            if (!isfinite(fx)) {
                check_lua_error(pg, "on the plot's grid");
                fx = NAN;
            } else {
                fmin = fmin < fx ? fmin : fx;
                fmax = fmax > fx ? fmax : fx;
            }
            f[i * GRID + j] = fx;
        }
    int zlog = fmin >= 0 && fmax > fmin;
    double delta = 1e-3 * (fmax - fmin);
    opt_table *t = opt_lab_table(pg->lab, "grid", "x\ty\tf\tz");
    for (int i = 0; i < GRID; i++) {
        for (int j = 0; j < GRID; j++) {
            double fx = f[i * GRID + j];
            opt_table_rowv(t, v[0] + (v[1] - v[0]) * i / (GRID - 1),
                           v[2] + (v[3] - v[2]) * j / (GRID - 1), fx,
                           zlog ? log10(fx - fmin + delta) : fx);
        }
        fputc('\n', opt_table_file(t));   /* gnuplot's blank line between scans */
    }
    opt_table_close(t);
    free(f);
    return zlog;
}

/* Gnuplot assignments naming each method's trace, legend and point spacing. */
static char *figure_vars(const method *m, size_t count)
{
    size_t cap = 256 + count * 400, len = 0;
    char *s = malloc(cap);
    if (!s)
        return NULL;
    len += (size_t)snprintf(s + len, cap - len, "n=%zu; array file[%zu]; array label[%zu]; "
                            "array pint[%zu]; ", count, count, count, count);
    for (size_t i = 0; i < count; i++) {
        char legend[160], quoted[330];
        if (m[i].result.status == OPT_EDIVERGED)
            snprintf(legend, sizeof legend, "%s (diverged at step %ld)", m[i].label, m[i].result.steps);
        else
            snprintf(legend, sizeof legend, "%s", m[i].label);
        size_t q = 0;   /* gnuplot's single quotes: '' inside */
        for (const char *c = legend; *c && q + 3 < sizeof quoted; c++) {
            if (*c == '\'')
                quoted[q++] = '\'';
            quoted[q++] = *c;
        }
        quoted[q] = '\0';
        size_t every = m[i].trace->rows / 40 + 1;   /* about 40 markers a path */
        len += (size_t)snprintf(s + len, cap - len, "file[%zu]='%s.tsv'; label[%zu]='%s'; pint[%zu]=%zu; ",
                                i + 1, m[i].file, i + 1, quoted, i + 1, every);
    }
    return s;
}

static void draw(playground *pg, const method *m, size_t count)
{
    opt_lab *lab = pg->lab;
    if (!opt_lab_plotting(lab))     /* the grid is only the figure's data */
        return;
    char *vars = figure_vars(m, count);
    if (!vars)
        opt_lab_die(lab, "out of memory");
    int positive = 1;
    for (size_t i = 0; i < count; i++)
        for (size_t r = 0; r < m[i].trace->rows; r++)
            positive &= opt_trace_row(m[i].trace, r)[1] > 0;

    if (pg->obj.n == 2) {
        double v[4];
        if (pg->has_view)
            memcpy(v, pg->view, sizeof v);
        else
            fit_view(pg, m, count, v);
        int zlog = write_grid(pg, v);
        size_t len = strlen(vars) + 400;
        char *more = malloc(len);
        if (!more)
            opt_lab_die(lab, "out of memory");
        snprintf(more, len, "%sxmin=%.17g; xmax=%.17g; ymin=%.17g; ymax=%.17g; zlog=%d; objname='%s'",
                 vars, v[0], v[1], v[2], v[3], zlog, pg->is_lua ? "f" : pg->objective_name);
        opt_lab_figure(lab, "00-paths", more);
        free(more);
    }
    size_t len = strlen(vars) + 64;
    char *more = malloc(len);
    if (!more)
        opt_lab_die(lab, "out of memory");
    snprintf(more, len, "%slogy=%d", vars, positive);
    opt_lab_figure(lab, "00-loss", more);
    free(more);
    free(vars);
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
    method *m = read_methods(lab, pg.obj.n, &count);
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
    int width = 0;
    for (size_t i = 0; i < count; i++)
        width = width > (int)strlen(m[i].label) ? width : (int)strlen(m[i].label);
    for (size_t i = 0; i < count; i++)
        run_method(&pg, &m[i], width);

    draw(&pg, m, count);

    for (size_t i = 0; i < count; i++) {
        opt_trace_free(m[i].trace);
        opt_stepper_free(m[i].stepper);
        free(m[i].hp);
        free(m[i].inner_hp);
    }
    free(m);
    free(pg.start);
    return opt_lab_finish(lab);
}
