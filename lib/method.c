/* method.c — method records read into C and checked (running them: method_run.c).
 *
 * Reading: opt_methods_read takes the records from config.h, finds each
 * record's kind by its name, then reads its fields one by one: the fields
 * every method of the kind takes (name, label, lr, ...), else a
 * hyper-parameter of the stepper. The first problem is recorded with
 * opt_config_fail under the list's key, prefixed by the record:
 * "methods[2] (sgd): ...".
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "method.h"
#include "names.h"
#include "status.h"

/* The solvers by kind; OPT_METHOD_STEPPER has none. */
static const char *const solver_names[] = {
    [OPT_METHOD_NEWTON] = "newton", [OPT_METHOD_NEWTON_MODIFIED] = "newton-modified",
    [OPT_METHOD_LBFGS] = "lbfgs",
};
#define NKINDS (sizeof solver_names / sizeof *solver_names)

/* The fields of each solver, and those every stepper takes besides its
 * hyper-parameters (Lookahead: and inner). */
#define FIELDS_MAX 8
static const char *const solver_fields[NKINDS][FIELDS_MAX] = {
    [OPT_METHOD_NEWTON] = { "name", "label", "epsilon" },
    [OPT_METHOD_NEWTON_MODIFIED] = { "name", "label", "epsilon", "modification", "linesearch" },
    [OPT_METHOD_LBFGS] = { "name", "label", "epsilon", "m", "linesearch", "step" },
};
static const char *const stepper_fields[] = {
    "name", "lr", "label", "schedule", "clip_norm", "clip_value", "inner"
};
static const char *const schedule_fields[] = {
    "name", "gamma", "step_size", "milestones", "T", "eta_min", "warmup", "warmup_start"
};

/* The line searches each solver takes, in the order messages list them,
 * ended by OPT_LS_COUNT. */
static const opt_ls_kind solver_searches[NKINDS][OPT_LS_COUNT + 1] = {
    [OPT_METHOD_NEWTON] = { OPT_LS_COUNT },
    [OPT_METHOD_NEWTON_MODIFIED] = { OPT_LS_MORE_THUENTE, OPT_LS_BACKTRACKING, OPT_LS_COUNT },
    [OPT_METHOD_LBFGS] = { OPT_LS_MORE_THUENTE, OPT_LS_BACKTRACKING, OPT_LS_FIXED, OPT_LS_COUNT },
};
static const char *const modifications[] = { "cholesky", "eigen" };

#define NAMES_MAX 64      /* known names a message lists */

/* ---- Messages ----------------------------------------------------------------- */

/* The record being read, for messages. */
typedef struct reader {
    opt_config *c;
    const char *key;      /* the list's parameter: "methods" */
    size_t i;             /* the record, from 0 */
} reader;

/* Record "<key>[i] (who): <message>" as c's error (who NULL: "<key>[i]<message>"). */
static int fail(const reader *rd, const char *who, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int fail(const reader *rd, const char *who, const char *fmt, ...)
{
    char msg[1024];
    int len = who ? snprintf(msg, sizeof msg, "%s[%zu] (%s): ", rd->key, rd->i + 1, who)
                  : snprintf(msg, sizeof msg, "%s[%zu]", rd->key, rd->i + 1);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg + len, sizeof msg - (size_t)len, fmt, ap);
    va_end(ap);
    return opt_config_fail(rd->c, rd->key, "%s", msg);
}

/* "unknown <what> '<name>' (did you mean ...?); <takes>: a, b, c" */
static int unknown(const reader *rd, const char *who, const char *what, const char *name,
                   const char *takes, const char *const *names, size_t count)
{
    char known[512], hint[96];
    opt_name_hint(hint, sizeof hint, opt_nearest_name(name, names, count, sizeof *names));
    opt_names_join(known, sizeof known, names, count, sizeof *names);
    if (!who)
        return fail(rd, NULL, ": unknown %s '%s'%s; %s: %s", what, name, hint, takes, known);
    return fail(rd, who, "unknown %s '%s'%s; %s: %s", what, name, hint, takes, known);
}

static int is_number(const opt_field *f)
{
    return f->type == OPT_T_NUMBER || f->type == OPT_T_INT;
}

/* ---- Names and labels --------------------------------------------------------- */

static opt_method_kind kind_of(const opt_record *r)
{
    const opt_field *name = opt_record_get(r, "name");
    long k = name && name->type == OPT_T_STRING
             ? opt_name_index(name->str, solver_names, NKINDS, sizeof *solver_names) : -1;
    return k < 0 ? OPT_METHOD_STEPPER : (opt_method_kind)k;
}

/* Does no other record share r's name? */
static int name_unique(const opt_record *recs, size_t count, size_t i)
{
    const opt_field *name = opt_record_get(&recs[i], "name");
    for (size_t j = 0; j < count && name && name->type == OPT_T_STRING; j++) {
        const opt_field *other = opt_record_get(&recs[j], "name");
        if (j != i && other && other->type == OPT_T_STRING && strcmp(other->str, name->str) == 0)
            return 0;
    }
    return 1;
}

/* Every character but [A-Za-z0-9.-] made '_', one for a run, none at the ends. */
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

static void set_key(opt_method *m)
{
    file_safe(m->key, sizeof m->key, m->label);
    if (!m->key[0])
        snprintf(m->key, sizeof m->key, "%s", m->name);
}

static int read_label(const reader *rd, opt_method *m, const opt_field *f)
{
    if (f->type != OPT_T_STRING || !*f->str)
        return fail(rd, m->name, "label must be a non-empty string");
    snprintf(m->label, sizeof m->label, "%s", f->str);
    return OPT_OK;
}

/* ---- Schedules ---------------------------------------------------------------- */

static int unknown_schedule(const reader *rd, const char *who, const char *name)
{
    const char *names[OPT_SCHED_COUNT];
    for (int k = 0; k < OPT_SCHED_COUNT; k++)
        names[k] = opt_schedule_name((opt_schedule_kind)k);
    char known[256], hint[96];
    opt_name_hint(hint, sizeof hint, opt_schedule_suggest(name));
    return fail(rd, who, "unknown schedule '%s'%s; known schedules: %s", name, hint,
                opt_names_join(known, sizeof known, names, OPT_SCHED_COUNT, sizeof *names));
}

static int read_milestones(const reader *rd, const char *who, const opt_record *list,
                           opt_schedule *out)
{
    out->nmilestones = 0;
    for (size_t j = 0; j < list->count && j < OPT_SCHED_MAX_MILESTONES; j++) {
        if (list->fields[j].type != OPT_T_INT)
            return fail(rd, who, "schedule milestones must be step numbers");
        out->milestones[out->nmilestones++] = (long)list->fields[j].num;
    }
    return OPT_OK;
}

/* One field of a schedule table besides its name. */
static int read_schedule_field(const reader *rd, const char *who, const opt_field *e,
                               opt_schedule *out)
{
    const char *key = e->key;
    if (strcmp(key, "milestones") == 0 && e->type == OPT_T_TABLE)
        return read_milestones(rd, who, e->sub, out);
    long *as_long = strcmp(key, "step_size") == 0 ? &out->step_size
                  : strcmp(key, "T") == 0 ? &out->T
                  : strcmp(key, "warmup") == 0 ? &out->warmup : NULL;
    double *as_double = strcmp(key, "gamma") == 0 ? &out->gamma
                      : strcmp(key, "eta_min") == 0 ? &out->eta_min
                      : strcmp(key, "warmup_start") == 0 ? &out->warmup_start : NULL;
    if (as_long && e->type == OPT_T_INT)
        *as_long = (long)e->num;
    else if (as_double && is_number(e))
        *as_double = e->num;
    else if (as_long || as_double)
        return fail(rd, who, "schedule field %s must be %s", key,
                    as_long ? "an integer" : "a number");
    else
        return unknown(rd, who, "schedule field", key, "a schedule takes", schedule_fields,
                       sizeof schedule_fields / sizeof *schedule_fields);
    return OPT_OK;
}

/* schedule = 'cosine' or {name = 'cosine', T = 500, warmup = 20, ...}. */
static int read_schedule(const reader *rd, const char *who, const opt_field *f,
                         opt_schedule *out)
{
    const opt_record *r = f->type == OPT_T_TABLE ? f->sub : NULL;
    const opt_field *name = f->type == OPT_T_STRING ? f : r ? opt_record_get(r, "name") : NULL;
    if (!name || name->type != OPT_T_STRING)
        return fail(rd, who, "schedule must be a name such as 'cosine' or a table such as "
                             "{name = 'cosine', T = 500}");
    opt_schedule_kind kind = opt_schedule_lookup(name->str);
    if (kind == OPT_SCHED_COUNT)
        return unknown_schedule(rd, who, name->str);
    *out = opt_schedule_defaults(kind);
    for (size_t k = 0; r && k < r->count; k++) {
        int st = strcmp(r->fields[k].key, "name") == 0 ? OPT_OK
               : read_schedule_field(rd, who, &r->fields[k], out);
        if (st != OPT_OK)
            return st;
    }
    const char *why;
    if (opt_schedule_check(out, &why) != OPT_OK)
        return fail(rd, who, "schedule '%s': %s", name->str, why);
    return OPT_OK;
}

/* ---- Steppers ----------------------------------------------------------------- */

/* Every stepper's name and, unless steppers_only, the solvers'. */
static size_t method_names(const char **names, int steppers_only)
{
    const opt_stepper_type *const *types = opt_stepper_types();
    size_t count = 0;
    for (; types[count] && count < NAMES_MAX - NKINDS; count++)
        names[count] = types[count]->name;
    for (size_t k = 1; !steppers_only && k < NKINDS; k++)
        names[count++] = solver_names[k];
    return count;
}

/* The stepper type named by r's field `name` (inner: Lookahead's inner
 * stepper, which must be a stepper), and a copy of its default
 * hyper-parameters in *hp. */
static int read_type(const reader *rd, const opt_record *r, int inner,
                     const opt_stepper_type **type, void **hp)
{
    const opt_field *name = opt_record_get(r, "name");
    if (!name || name->type != OPT_T_STRING)
        return fail(rd, NULL, "%s needs a name, a string such as name = 'gd'",
                    inner ? " (lookahead's inner)" : "");
    const opt_stepper_type *T = opt_stepper_lookup(name->str);
    if (!T) {
        const char *names[NAMES_MAX];
        size_t count = method_names(names, inner);
        if (inner)
            return unknown(rd, "lookahead's inner", "stepper", name->str, "known steppers",
                           names, count);
        return unknown(rd, NULL, "method", name->str, "known methods", names, count);
    }
    *hp = malloc(T->hp_size ? T->hp_size : 1);
    if (!*hp)
        return OPT_ENOMEM;
    memcpy(*hp, T->hp_default, T->hp_size);
    *type = T;
    return OPT_OK;
}

/* A field that is none of stepper_fields: unknown, with the ones T takes
 * (an inner stepper takes its name and hyper-parameters only). */
static int unknown_field(const reader *rd, const opt_stepper_type *T, const char *key,
                         int inner)
{
    const char *names[NAMES_MAX];
    size_t count = 0;
    for (size_t k = 0; k < sizeof stepper_fields / sizeof *stepper_fields; k++) {
        int takes = inner ? k == 0 : strcmp(stepper_fields[k], "inner") != 0 || T == opt_lookahead;
        if (takes)
            names[count++] = stepper_fields[k];
    }
    for (size_t k = 0; k < T->hp_count && count < NAMES_MAX; k++)
        names[count++] = T->hparams[k].name;
    char takes[96];
    snprintf(takes, sizeof takes, "%s%s takes", inner ? "an inner " : "", T->name);
    return unknown(rd, T->name, "field", key, takes, names, count);
}

/* Field f, which is not one of stepper_fields, as a hyper-parameter of T. */
static int set_hparam(const reader *rd, const opt_stepper_type *T, void *hp, const opt_field *f,
                      int inner)
{
    const opt_hparam *d = opt_stepper_hparam(T, f->key);
    if (!d)
        return unknown_field(rd, T, f->key, inner);
    if (!is_number(f) && f->type != OPT_T_BOOL)
        return fail(rd, T->name, "%s must be a number%s", f->key,
                    d->kind == OPT_HP_BOOL ? " or a boolean" : "");
    if (opt_stepper_hp_set(T, hp, f->key, f->num) != OPT_OK)
        return fail(rd, T->name, "%s = %g is not %s in [%g, %g]", f->key, f->num,
                    d->kind == OPT_HP_DOUBLE ? "a number" :
                    d->kind == OPT_HP_INT ? "an integer" : "0, 1 or a boolean", d->min, d->max);
    return OPT_OK;
}

/* Lookahead's inner = {name = 'adam', beta1 = 0.9, ...}. */
static int read_inner(const reader *rd, opt_method *m, const opt_field *f)
{
    if (f->type != OPT_T_TABLE)
        return fail(rd, "lookahead", "inner must be a table such as "
                                     "{name = 'sgd', momentum = 0.9}");
    free(m->inner_hp);
    m->inner_hp = NULL;
    int st = read_type(rd, f->sub, 1, &m->inner_type, &m->inner_hp);
    for (size_t k = 0; st == OPT_OK && k < f->sub->count; k++)
        if (strcmp(f->sub->fields[k].key, "name") != 0)
            st = set_hparam(rd, m->inner_type, m->inner_hp, &f->sub->fields[k], 1);
    return st;
}

static int read_clip(const reader *rd, opt_method *m, const opt_field *f)
{
    if (!is_number(f) || !(f->num >= 0) || !isfinite(f->num))
        return fail(rd, m->name, "%s must be a number >= 0 (0: no clipping)", f->key);
    *(strcmp(f->key, "clip_norm") == 0 ? &m->clip_norm : &m->clip_value) = f->num;
    return OPT_OK;
}

static int read_stepper_field(const reader *rd, opt_method *m, const opt_field *f)
{
    const char *key = f->key;
    if (strcmp(key, "name") == 0)
        return OPT_OK;
    if (strcmp(key, "label") == 0)
        return read_label(rd, m, f);
    if (strcmp(key, "lr") == 0) {
        if (!is_number(f) || !(f->num > 0) || !isfinite(f->num))
            return fail(rd, m->name, "lr must be a positive number");
        m->lr = f->num;
        return OPT_OK;
    }
    if (strcmp(key, "schedule") == 0) {
        m->has_schedule = 1;
        return read_schedule(rd, m->name, f, &m->schedule);
    }
    if (strcmp(key, "clip_norm") == 0 || strcmp(key, "clip_value") == 0)
        return read_clip(rd, m, f);
    if (strcmp(key, "inner") == 0 && m->type == opt_lookahead)
        return read_inner(rd, m, f);
    return set_hparam(rd, m->type, m->hp, f, 0);
}

static int read_stepper(const reader *rd, const opt_record *r, opt_method *m, int unique)
{
    int st = read_type(rd, r, 0, &m->type, &m->hp);
    if (st != OPT_OK)
        return st;
    m->name = m->type->name;
    m->lr = opt_run_defaults().lr;
    if (m->type == opt_lookahead) {   /* plain gradient descent inside unless told otherwise */
        m->inner_type = opt_gd;
        m->inner_hp = malloc(opt_gd->hp_size ? opt_gd->hp_size : 1);
        if (!m->inner_hp)
            return OPT_ENOMEM;
        memcpy(m->inner_hp, opt_gd->hp_default, opt_gd->hp_size);
    }
    for (size_t k = 0; st == OPT_OK && k < r->count; k++)
        st = read_stepper_field(rd, m, &r->fields[k]);
    if (st != OPT_OK || m->label[0])
        return st;
    char base[64];
    if (m->inner_type)
        snprintf(base, sizeof base, "%s(%s)", m->name, m->inner_type->name);
    else
        snprintf(base, sizeof base, "%s", m->name);
    if (unique)
        snprintf(m->label, sizeof m->label, "%s", base);
    else
        snprintf(m->label, sizeof m->label, "%s, lr = %g", base, m->lr);
    return OPT_OK;
}

/* The stepper for vectors of length n. A stepper refuses hyper-parameters
 * that do not go together (Nesterov without momentum, say): name the
 * fields that were set, with their docs. */
static int make_stepper(const reader *rd, const opt_record *r, opt_method *m, size_t n)
{
    if (m->type == opt_lookahead) {
        opt_stepper *inner = opt_stepper_alloc(m->inner_type, n, m->inner_hp);
        const opt_lookahead_params *p = m->hp;
        if (!inner)
            return fail(rd, "lookahead", "its inner %s refuses these hyper-parameters",
                        m->inner_type->name);
        m->stepper = opt_lookahead_alloc(inner, p->k, p->alpha);
    } else {
        m->stepper = opt_stepper_alloc(m->type, n, m->hp);
    }
    if (m->stepper)
        return OPT_OK;
    char docs[768] = "";
    size_t len = 0;
    for (size_t k = 0; k < r->count && len < sizeof docs; k++) {
        const opt_hparam *d = opt_stepper_hparam(m->type, r->fields[k].key);
        if (d)
            len += (size_t)snprintf(docs + len, sizeof docs - len, "; %s: %s", d->name, d->doc);
    }
    return fail(rd, m->name, "these hyper-parameters do not go together%s", docs);
}

/* ---- Solvers ------------------------------------------------------------------ */

/* A string field that must be one of count words; its index. */
static int choose(const reader *rd, const char *who, const opt_field *f,
                  const char *const *words, size_t count, size_t *index)
{
    long w = f->type == OPT_T_STRING ? opt_name_index(f->str, words, count, sizeof *words) : -1;
    if (w >= 0) {
        *index = (size_t)w;
        return OPT_OK;
    }
    char known[128], hint[96] = "";
    if (f->type == OPT_T_STRING)
        opt_name_hint(hint, sizeof hint, opt_nearest_name(f->str, words, count, sizeof *words));
    return fail(rd, who, "%s must be one of: %s%s", f->key,
                opt_names_join(known, sizeof known, words, count, sizeof *words), hint);
}

static int read_linesearch(const reader *rd, opt_method *m, const opt_field *f)
{
    const opt_ls_kind *kinds = solver_searches[m->kind];
    const char *words[OPT_LS_COUNT];
    size_t count = 0, w = 0;
    for (; kinds[count] != OPT_LS_COUNT; count++)
        words[count] = opt_linesearch_name(kinds[count]);
    int st = choose(rd, m->name, f, words, count, &w);
    if (st == OPT_OK)
        m->newton.linesearch = m->lbfgs.linesearch = kinds[w];
    return st;
}

static int read_solver_field(const reader *rd, opt_method *m, const opt_field *f)
{
    const char *key = f->key;
    size_t w = 0;
    const char *const *names = solver_fields[m->kind];
    if (opt_name_index(key, names, FIELDS_MAX, sizeof *names) < 0) {   /* NULLs skipped */
        char takes[64];
        snprintf(takes, sizeof takes, "%s takes", m->name);
        return unknown(rd, m->name, "field", key, takes, names, FIELDS_MAX);
    }
    if (strcmp(key, "label") == 0)
        return read_label(rd, m, f);
    if (strcmp(key, "epsilon") == 0) {
        if (!is_number(f) || !(f->num >= 0) || !isfinite(f->num))
            return fail(rd, m->name, "epsilon must be a number >= 0");
        m->newton.epsilon = m->lbfgs.epsilon = f->num;
    } else if (strcmp(key, "m") == 0) {
        if (f->type != OPT_T_INT || f->num < 1 || f->num > 1000)
            return fail(rd, m->name, "m must be an integer in [1, 1000]");
        m->lbfgs.m = (int)f->num;
    } else if (strcmp(key, "step") == 0) {
        if (!is_number(f) || !(f->num > 0) || !isfinite(f->num))
            return fail(rd, m->name, "step must be a positive number");
        m->lbfgs.fixed_step = f->num;
    } else if (strcmp(key, "modification") == 0) {
        int st = choose(rd, m->name, f, modifications, 2, &w);
        if (st != OPT_OK)
            return st;
        m->newton.kind = w ? OPT_NEWTON_EIGEN : OPT_NEWTON_CHOLESKY;
    } else if (strcmp(key, "linesearch") == 0) {
        return read_linesearch(rd, m, f);
    }
    return OPT_OK;
}

static int read_solver(const reader *rd, const opt_record *r, opt_method *m, int unique)
{
    m->name = solver_names[m->kind];
    m->newton = opt_newton_defaults();
    m->newton.kind = m->kind == OPT_METHOD_NEWTON ? OPT_NEWTON_PURE : OPT_NEWTON_CHOLESKY;
    m->lbfgs = opt_lbfgs_defaults();
    for (size_t k = 0; k < r->count; k++) {
        int st = read_solver_field(rd, m, &r->fields[k]);
        if (st != OPT_OK)
            return st;
    }
    if (!m->label[0])
        snprintf(m->label, sizeof m->label, "%s%s", m->name, unique ? "" : " (2)");
    return OPT_OK;
}

/* ---- The list ----------------------------------------------------------------- */

static int read_method(const reader *rd, const opt_record *recs, size_t count, size_t n,
                       opt_method *m)
{
    const opt_record *r = &recs[rd->i];
    int unique = name_unique(recs, count, rd->i);
    m->kind = kind_of(r);
    int st = m->kind == OPT_METHOD_STEPPER ? read_stepper(rd, r, m, unique)
                                           : read_solver(rd, r, m, unique);
    if (st == OPT_OK && m->kind == OPT_METHOD_STEPPER)
        st = make_stepper(rd, r, m, n);
    if (st == OPT_OK)
        set_key(m);
    return st;
}

int opt_methods_read(opt_config *c, const char *key, size_t n, opt_method **methods,
                     size_t *count)
{
    const opt_record *recs;
    size_t nrecs;
    *methods = NULL;
    *count = 0;
    if (opt_config_records(c, key, &recs, &nrecs) != OPT_OK)
        return opt_config_fail(c, key, "must be a list of tables such as "
                                       "{ {name = 'gd', lr = 0.1} }");
    if (nrecs == 0)
        return opt_config_fail(c, key, "is empty; give at least one method such as "
                                       "{name = 'gd', lr = 0.1}");
    opt_method *m = calloc(nrecs, sizeof *m);
    if (!m)
        return OPT_ENOMEM;
    int st = OPT_OK;
    for (size_t i = 0; st == OPT_OK && i < nrecs; i++) {
        reader rd = { c, key, i };
        st = read_method(&rd, recs, nrecs, n, &m[i]);
        for (size_t j = 0; st == OPT_OK && j < i; j++)
            if (strcmp(m[j].key, m[i].key) == 0) {
                reader first = { c, key, j };
                st = fail(&first, NULL, " and %s[%zu] would both write trace-%s.tsv; give them "
                                        "different labels", key, i + 1, m[i].key);
            }
    }
    if (st != OPT_OK) {
        opt_methods_free(m, nrecs);
        return st;
    }
    *methods = m;
    *count = nrecs;
    return OPT_OK;
}

void opt_methods_free(opt_method *methods, size_t count)
{
    for (size_t i = 0; methods && i < count; i++) {
        opt_stepper_free(methods[i].stepper);
        free(methods[i].hp);
        free(methods[i].inner_hp);
    }
    free(methods);
}
