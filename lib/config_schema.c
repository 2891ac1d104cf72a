/* config_schema.c — what a value must be: checking values against their
 * schema entry, the words messages use for numbers, types and names, and
 * --help, which shows the same schema to a student.
 *
 * The one table of type words (type_words) serves both the messages
 * ("number or list expected, got string") and --help ("number|list").
 *
 * Decisions the header leaves open:
 *   - A list is stored as a fresh copy, so changing the original table
 *     later cannot smuggle an unchecked entry past the check.
 */
#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <lauxlib.h>

#include "config_impl.h"
#include "status.h"

/* ---- Words: numbers and sizes (names: names.c) -------------------------- */

const char *config_fmt_num(double v, char *buf, size_t cap)
{
    if (isnan(v))
        snprintf(buf, cap, "nan");
    else if (isinf(v))
        snprintf(buf, cap, v > 0 ? "inf" : "-inf");
    else if (v == floor(v) && fabs(v) < 1e15)
        snprintf(buf, cap, "%.0f", v);
    else
        snprintf(buf, cap, "%.14g", v);
    return buf;
}

const char *config_fmt_bytes(size_t b, char *buf, size_t cap)
{
    const size_t mib = (size_t)1 << 20;
    if (b >= mib && b % mib == 0)
        snprintf(buf, cap, "%zu MiB", b / mib);
    else if (b >= mib)
        snprintf(buf, cap, "%.1f MiB", (double)b / (double)mib);
    else
        snprintf(buf, cap, "%zu bytes", b);
    return buf;
}

const char *opt_config_suggest(const opt_config *c, const char *name)
{
    if (!c || !name)
        return NULL;
    return opt_nearest_name(name, c->schema, c->count, sizeof *c->schema);
}

int config_is_identifier(const char *s, size_t len)
{
    if (len == 0 || !(isalpha((unsigned char)s[0]) || s[0] == '_'))
        return 0;
    for (size_t i = 1; i < len; i++)
        if (!(isalnum((unsigned char)s[i]) || s[i] == '_'))
            return 0;
    return 1;
}



/* ---- Type words ---------------------------------------------------------------------- */

/* The words for the OPT_T_* bits, in the order they are listed: one for
 * messages, a short one for --help. */
static const struct type_word {
    unsigned bit;
    const char *message, *help;
} type_words[] = {
    {OPT_T_NUMBER, "number", "number"}, {OPT_T_INT, "integer", "int"},
    {OPT_T_BOOL, "boolean", "bool"}, {OPT_T_STRING, "string", "string"},
    {OPT_T_LIST, "list", "list"}, {OPT_T_FUNCTION, "function", "function"},
    {OPT_T_TABLE, "table", "table"}, {OPT_T_NIL, "nil", "nil"}
};
#define TYPE_WORDS (sizeof type_words / sizeof *type_words)

/* The types of mask t in words: "number, string or nil" for a message,
 * "number|string|nil" for --help ("number" covers "integer"). Returns the
 * number of words. */
static size_t types_text(unsigned t, int help, char *buf, size_t cap)
{
    const char *w[TYPE_WORDS];
    size_t n = 0, len = 0;
    if ((t & OPT_T_NUMBER) && (t & OPT_T_INT))
        t &= ~(unsigned)OPT_T_INT;
    for (size_t i = 0; i < TYPE_WORDS; i++)
        if (t & type_words[i].bit)
            w[n++] = help ? type_words[i].help : type_words[i].message;
    buf[0] = '\0';
    for (size_t i = 0; i < n && len < cap; i++)
        len += (size_t)snprintf(buf + len, cap - len, "%s%s",
                                i == 0 ? "" : help ? "|" : i + 1 == n ? " or " : ", ", w[i]);
    return n;
}

/* ---- Checking a value against its schema entry ------------------------------------ */

static int has_range(const opt_param *p)
{
    return !(p->min == 0 && p->max == 0);
}

static const char *number_problem(const opt_param *p, double v, int want_int, char *buf,
                                  size_t cap)
{
    char a[40], b[40], s[40];
    if (!isfinite(v))
        snprintf(buf, cap, "%s is not a finite number", config_fmt_num(v, s, sizeof s));
    else if (want_int && v != floor(v))
        snprintf(buf, cap, "integer expected, got %s", config_fmt_num(v, s, sizeof s));
    else if (has_range(p) && (v < p->min || v > p->max))
        snprintf(buf, cap, "%s is out of range [%s, %s]", config_fmt_num(v, s, sizeof s),
                 config_fmt_num(p->min, a, sizeof a), config_fmt_num(p->max, b, sizeof b));
    else
        return NULL;
    return buf;
}

static const char *push_message(lua_State *L, const char *msg)
{
    lua_pushstring(L, msg);
    return lua_tostring(L, -1);
}

/* NULL when the table at idx is a list of numbers in p's range (a copy of
 * it is pushed); otherwise why not, in buf. */
static const char *list_problem(lua_State *L, const opt_param *p, int idx, char *buf, size_t cap)
{
    lua_Unsigned n = lua_rawlen(L, idx);
    char why[200], num[40];
    if (n > INT_MAX) {
        snprintf(buf, cap, "the list is too long");
        return buf;
    }
    for (lua_Unsigned i = 1; i <= n; i++) {
        int t = lua_rawgeti(L, idx, (lua_Integer)i);
        double v = lua_tonumber(L, -1);
        lua_pop(L, 1);
        if (t != LUA_TNUMBER) {
            snprintf(buf, cap, "entry %llu: number expected, got %s", (unsigned long long)i,
                     lua_typename(L, t));
            return buf;
        }
        if (number_problem(p, v, 0, why, sizeof why)) {
            snprintf(buf, cap, "entry %llu: %s", (unsigned long long)i, why);
            return buf;
        }
    }
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        int isint;
        lua_Integer k = lua_tointegerx(L, -1, &isint);
        if (lua_type(L, -1) != LUA_TNUMBER || !isint || k < 1 || (lua_Unsigned)k > n) {
            if (lua_type(L, -1) == LUA_TSTRING)
                snprintf(buf, cap, "a list of numbers expected, but the table has the key '%s'",
                         lua_tostring(L, -1));
            else if (lua_type(L, -1) == LUA_TNUMBER)
                snprintf(buf, cap, "a list of numbers expected, but the table has the key [%s]",
                         config_fmt_num(lua_tonumber(L, -1), num, sizeof num));
            else
                snprintf(buf, cap, "a list of numbers expected, but the table has a %s key",
                         luaL_typename(L, -1));
            lua_pop(L, 1);
            return buf;
        }
    }
    lua_createtable(L, (int)n, 0);
    for (lua_Unsigned i = 1; i <= n; i++) {
        lua_rawgeti(L, idx, (lua_Integer)i);
        lua_rawseti(L, -2, (lua_Integer)i);
    }
    return NULL;
}

/* "number or list expected, got string" */
static const char *push_expected(lua_State *L, unsigned want, int idx)
{
    char buf[200];
    size_t n = types_text(want, 0, buf, sizeof buf);
    lua_pushfstring(L, "%s expected, got %s", n ? buf : "no value", luaL_typename(L, idx));
    return lua_tostring(L, -1);
}

/* Check the value at idx against p. NULL: fine, and the value to store is
 * pushed (a list is copied). Otherwise the reason is pushed and returned
 * ("number expected, got string"). */
const char *config_check_value(lua_State *L, const opt_param *p, int idx)
{
    char buf[ERR_MAX];
    const char *why;
    unsigned want = p->types;
    idx = lua_absindex(L, idx);
    switch (lua_type(L, idx)) {
    case LUA_TNIL:
        if (want & OPT_T_NIL)
            goto same;
        break;
    case LUA_TBOOLEAN:
        if (want & OPT_T_BOOL)
            goto same;
        break;
    case LUA_TSTRING:
        if (want & OPT_T_STRING)
            goto same;
        break;
    case LUA_TFUNCTION:
        if (want & OPT_T_FUNCTION)
            goto same;
        break;
    case LUA_TNUMBER: {
        if (!(want & (OPT_T_NUMBER | OPT_T_INT)))
            break;
        double v = lua_tonumber(L, idx);
        int int_only = !(want & OPT_T_NUMBER);
        if ((why = number_problem(p, v, int_only, buf, sizeof buf)))
            return push_message(L, why);
        if (int_only && !lua_isinteger(L, idx) && fabs(v) < 9.2e18) {
            lua_pushinteger(L, (lua_Integer)v);
            return NULL;
        }
        goto same;
    }
    case LUA_TTABLE:
        if (want & OPT_T_LIST) {
            if (!(why = list_problem(L, p, idx, buf, sizeof buf)))
                return NULL;
            if (!(want & OPT_T_TABLE))
                return push_message(L, why);
        }
        if (want & OPT_T_TABLE)
            goto same;
        break;
    default:
        break;
    }
    return push_expected(L, want, idx);
same:
    lua_pushvalue(L, idx);
    return NULL;
}

/* ---- Checking the schema itself (a lab's mistake, not a student's) -------------------- */

int config_check_schema(opt_config *c)
{
    for (size_t i = 0; i < c->count; i++) {
        const opt_param *p = &c->schema[i];
        if (!p->name || !config_is_identifier(p->name, strlen(p->name)))
            return config_fail(c, OPT_EINVAL, "schema: entry %zu: '%s' is not a name", i + 1,
                               p->name ? p->name : "(null)");
        if (!p->types)
            return config_fail(c, OPT_EINVAL, "schema: key '%s': no accepted type", p->name);
        for (size_t j = 0; j < i; j++)
            if (strcmp(c->schema[j].name, p->name) == 0)
                return config_fail(c, OPT_EINVAL, "schema: key '%s' is declared twice", p->name);
    }
    return OPT_OK;
}

/* ---- Help ------------------------------------------------------------------------------ */

static void range_text(const opt_param *p, char *buf, size_t cap)
{
    char a[40], b[40];
    if (has_range(p))
        snprintf(buf, cap, "[%s, %s]", config_fmt_num(p->min, a, sizeof a),
                 config_fmt_num(p->max, b, sizeof b));
    else
        buf[0] = '\0';
}

#define HELP_DEFAULT_MAX 36

/* The default's source on one line, runs of blanks made one space, and
 * abbreviated when longer than HELP_DEFAULT_MAX (params.lua has it whole). */
static void default_text(const opt_param *p, char *buf)
{
    const char *s = p->def ? p->def : "nil";
    size_t n = 0;
    for (; *s && n < HELP_DEFAULT_MAX + 1; s++) {
        int blank = isspace((unsigned char)*s);
        if (blank && (n == 0 || buf[n - 1] == ' '))
            continue;
        buf[n++] = blank ? ' ' : *s;
    }
    while (n > 0 && buf[n - 1] == ' ')
        n--;
    if (n > HELP_DEFAULT_MAX) {
        n = HELP_DEFAULT_MAX - 3;
        memcpy(buf + n, "...", 3);
        n += 3;
    }
    buf[n] = '\0';
}

void opt_config_print_help(const opt_config *c, FILE *out)
{
    if (!c || !out)
        return;
    int wn = 0, wt = 0, wd = 0, wr = 0;
    char types[96], range[96], def[HELP_DEFAULT_MAX + 2];
    for (size_t i = 0; i < c->count; i++) {
        const opt_param *p = &c->schema[i];
        types_text(p->types, 1, types, sizeof types);
        range_text(p, range, sizeof range);
        default_text(p, def);
        if ((int)strlen(p->name) > wn) wn = (int)strlen(p->name);
        if ((int)strlen(types) > wt) wt = (int)strlen(types);
        if ((int)strlen(def) > wd) wd = (int)strlen(def);
        if ((int)strlen(range) > wr) wr = (int)strlen(range);
    }
    for (size_t i = 0; i < c->count; i++) {
        const opt_param *p = &c->schema[i];
        char line[1024];
        types_text(p->types, 1, types, sizeof types);
        range_text(p, range, sizeof range);
        default_text(p, def);
        int len = snprintf(line, sizeof line, "  %-*s  %-*s  %-*s", wn, p->name, wt, types, wd,
                           def);
        if (len > 0 && len < (int)sizeof line && wr)
            len += snprintf(line + len, sizeof line - (size_t)len, "  %-*s", wr, range);
        if (len > 0 && len < (int)sizeof line && p->doc && *p->doc)
            snprintf(line + len, sizeof line - (size_t)len, "  %s", p->doc);
        config_one_line(line);
        fprintf(out, "%s\n", line);
    }
}


