/* config_read.c — reading values into C: numbers, strings, lists, and
 * records (a list of tables, such as methods = {{name = 'gd'}, ...}).
 *
 * Reads are raw: no Lua code runs (no metamethod), so reading needs no
 * budget. What is handed out (strings, records) lives until
 * opt_config_free().
 */
#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "config_impl.h"
#include "status.h"

#define MAX_NESTING 16       /* records: tables inside tables */

/* ---- Reading values ------------------------------------------------------------------ */

long config_push_value(const opt_config *c, const char *key)
{
    long i = config_find_key(c, key);
    if (i < 0 || !c->L || c->ref_values == LUA_NOREF)
        return -1;
    lua_rawgeti(c->L, LUA_REGISTRYINDEX, c->ref_values);
    lua_rawgeti(c->L, -1, (lua_Integer)i + 1);
    lua_remove(c->L, -2);
    return i;
}

int config_push_parameter(opt_config *c, const char *key)
{
    if (config_push_value(c, key) < 0)
        return config_fail(c, OPT_EINVAL, "key '%s': not a parameter", key ? key : "(null)");
    return OPT_OK;
}

static int is_number_list(lua_State *L, int idx)
{
    lua_Unsigned n = lua_rawlen(L, idx);
    size_t keys = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        int isint;
        lua_Integer k = lua_tointegerx(L, -2, &isint);
        int ok = lua_type(L, -1) == LUA_TNUMBER && lua_type(L, -2) == LUA_TNUMBER && isint
                 && k >= 1 && (lua_Unsigned)k <= n;
        lua_pop(L, 1);
        if (!ok) {
            lua_pop(L, 1);
            return 0;
        }
        keys++;
    }
    return keys == n;
}

unsigned opt_config_type(const opt_config *c, const char *key)
{
    if (config_push_value(c, key) < 0)
        return 0;
    lua_State *L = c->L;
    unsigned t = 0;
    switch (lua_type(L, -1)) {
    case LUA_TNIL: t = OPT_T_NIL; break;
    case LUA_TBOOLEAN: t = OPT_T_BOOL; break;
    case LUA_TSTRING: t = OPT_T_STRING; break;
    case LUA_TFUNCTION: t = OPT_T_FUNCTION; break;
    case LUA_TNUMBER: {
        double v = lua_tonumber(L, -1);
        t = lua_isinteger(L, -1) || (isfinite(v) && v == floor(v)) ? OPT_T_INT : OPT_T_NUMBER;
        break;
    }
    case LUA_TTABLE: t = is_number_list(L, lua_gettop(L)) ? OPT_T_LIST : OPT_T_TABLE; break;
    default: break;
    }
    lua_pop(L, 1);
    return t;
}

double opt_config_number(const opt_config *c, const char *key)
{
    if (config_push_value(c, key) < 0)
        return NAN;
    double v = lua_type(c->L, -1) == LUA_TNUMBER ? lua_tonumber(c->L, -1) : NAN;
    lua_pop(c->L, 1);
    return v;
}

long opt_config_int(const opt_config *c, const char *key)
{
    double v = opt_config_number(c, key);
    if (isnan(v))
        return 0;
    if (v >= (double)LONG_MAX)
        return LONG_MAX;
    if (v <= (double)LONG_MIN)
        return LONG_MIN;
    return (long)v;
}

int opt_config_bool(const opt_config *c, const char *key)
{
    if (config_push_value(c, key) < 0)
        return 0;
    int v = lua_type(c->L, -1) == LUA_TBOOLEAN && lua_toboolean(c->L, -1);
    lua_pop(c->L, 1);
    return v;
}

const char *opt_config_string(const opt_config *c, const char *key)
{
    long i = config_push_value(c, key);
    if (i < 0)
        return NULL;
    const char *s = NULL;
    if (lua_type(c->L, -1) == LUA_TSTRING) {
        size_t len;
        const char *v = lua_tolstring(c->L, -1, &len);
        /* A copy that lives as long as c, made again only when the value
         * changed (older copies stay valid too). */
        s = c->str_copy[i];
        if (!s || strlen(s) != len || memcmp(s, v, len) != 0) {
            s = config_arena_strdup((opt_config *)c, v, len);
            if (s)
                c->str_copy[i] = s;
        }
    }
    lua_pop(c->L, 1);
    return s;
}

size_t opt_config_list(const opt_config *c, const char *key, double *out, size_t cap)
{
    if (config_push_value(c, key) < 0)
        return 0;
    lua_State *L = c->L;
    size_t n = 0;
    if (lua_type(L, -1) == LUA_TTABLE && is_number_list(L, lua_gettop(L))) {
        n = (size_t)lua_rawlen(L, -1);
        for (size_t i = 0; out && i < n && i < cap; i++) {
            lua_rawgeti(L, -1, (lua_Integer)i + 1);
            out[i] = lua_tonumber(L, -1);
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1);
    return n;
}


/* ---- Records --------------------------------------------------------------------------- */

typedef struct record_build {
    opt_config *c;
    const char *key;
    char path[256];          /* "entry 2: field 'schedule.gamma'" */
    char why[ERR_MAX];
} record_build;

static int field_order(const void *pa, const void *pb)
{
    const opt_field *a = pa, *b = pb;
    int da = isdigit((unsigned char)a->key[0]), db = isdigit((unsigned char)b->key[0]);
    if (da != db)
        return db - da;
    if (da) {
        size_t la = strlen(a->key), lb = strlen(b->key);
        if (la != lb)
            return la < lb ? -1 : 1;
    }
    return strcmp(a->key, b->key);
}

static int build_record(record_build *rb, int idx, opt_record *out, int depth, size_t entry,
                        const char *prefix);

/* Fill f from the value on top of the stack. */
static int build_field(record_build *rb, opt_field *f, int depth, size_t entry,
                       const char *path)
{
    lua_State *L = rb->c->L;
    char num[40];
    switch (lua_type(L, -1)) {
    case LUA_TNUMBER: {
        double v = lua_tonumber(L, -1);
        if (!isfinite(v)) {
            snprintf(rb->why, sizeof rb->why, "entry %zu: field '%s': %s is not a finite number",
                     entry, path, config_fmt_num(v, num, sizeof num));
            return -1;
        }
        f->type = lua_isinteger(L, -1) || v == floor(v) ? OPT_T_INT : OPT_T_NUMBER;
        f->num = v;
        return 0;
    }
    case LUA_TBOOLEAN:
        f->type = OPT_T_BOOL;
        f->num = lua_toboolean(L, -1);
        return 0;
    case LUA_TSTRING: {
        size_t len;
        const char *s = lua_tolstring(L, -1, &len);
        f->type = OPT_T_STRING;
        if (!(f->str = config_arena_strdup(rb->c, s, len)))
            return -2;
        return 0;
    }
    case LUA_TTABLE: {
        if (depth >= MAX_NESTING) {
            snprintf(rb->why, sizeof rb->why, "entry %zu: field '%s': tables nest too deeply",
                     entry, path);
            return -1;
        }
        opt_record *sub = config_arena_alloc(rb->c, sizeof *sub);
        if (!sub)
            return -2;
        f->type = OPT_T_TABLE;
        f->sub = sub;
        return build_record(rb, lua_gettop(L), sub, depth + 1, entry, path);
    }
    default:
        snprintf(rb->why, sizeof rb->why,
                 "entry %zu: field '%s': number, boolean, string or table expected, got %s",
                 entry, path, luaL_typename(L, -1));
        return -1;
    }
}

/* The table at idx as a record whose fields are sorted by key (integer
 * keys first, in order, written in decimal). */
static int build_record(record_build *rb, int idx, opt_record *out, int depth, size_t entry,
                        const char *prefix)
{
    lua_State *L = rb->c->L;
    size_t n = 0;
    if (!lua_checkstack(L, 4))
        return -2;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        n++;
    }
    opt_field *fields = n ? config_arena_alloc(rb->c, n * sizeof *fields) : NULL;
    if (n && !fields)
        return -2;
    memset(fields, 0, n * sizeof *fields);
    size_t k = 0;
    lua_pushnil(L);
    while (lua_next(L, idx) && k < n) {
        char name[64], path[256];
        int isint;
        lua_Integer ik = lua_tointegerx(L, -2, &isint);
        if (lua_type(L, -2) == LUA_TSTRING)
            snprintf(name, sizeof name, "%s", lua_tostring(L, -2));
        else if (lua_type(L, -2) == LUA_TNUMBER && isint)
            snprintf(name, sizeof name, "%lld", (long long)ik);
        else {
            snprintf(rb->why, sizeof rb->why,
                     "entry %zu: %s%s%sfield keys must be names, got a %s key", entry,
                     prefix ? "field '" : "", prefix ? prefix : "", prefix ? "': " : "",
                     luaL_typename(L, -2));
            lua_pop(L, 2);
            return -1;
        }
        if (prefix)
            snprintf(path, sizeof path, "%s.%s", prefix, name);
        else
            snprintf(path, sizeof path, "%s", name);
        if (!(fields[k].key = config_arena_strdup(rb->c, name, strlen(name)))) {
            lua_pop(L, 2);
            return -2;
        }
        int st = build_field(rb, &fields[k], depth, entry, path);
        lua_pop(L, 1);
        if (st != 0) {
            lua_pop(L, 1);
            return st;
        }
        k++;
    }
    qsort(fields, k, sizeof *fields, field_order);
    out->count = k;
    out->fields = fields;
    return 0;
}

int opt_config_records(opt_config *c, const char *key, const opt_record **records, size_t *count)
{
    if (records)
        *records = NULL;
    if (count)
        *count = 0;
    if (!c || !records || !count)
        return OPT_EINVAL;
    lua_State *L = c->L;
    int top = lua_gettop(L);
    if (config_push_parameter(c, key) != OPT_OK)
        return c->status;
    int idx = lua_gettop(L);
    if (lua_type(L, idx) == LUA_TNIL) {
        lua_settop(L, top);
        return OPT_OK;
    }
    if (lua_type(L, idx) != LUA_TTABLE) {
        const char *t = luaL_typename(L, idx);
        lua_settop(L, top);
        return opt_config_fail(c, key, "a list of tables expected, got %s", t);
    }
    size_t n = (size_t)lua_rawlen(L, idx), keys = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        int isint;
        lua_Integer k = lua_tointegerx(L, -2, &isint);
        lua_pop(L, 1);
        if (lua_type(L, -1) != LUA_TNUMBER || !isint || k < 1 || (size_t)k > n) {
            char name[64];
            if (lua_type(L, -1) == LUA_TSTRING)
                snprintf(name, sizeof name, "'%s'", lua_tostring(L, -1));
            else
                snprintf(name, sizeof name, "a %s key", luaL_typename(L, -1));
            lua_settop(L, top);
            return opt_config_fail(c, key, "a list of tables expected, but the table has %s%s",
                                   name[0] == '\'' ? "the key " : "", name);
        }
        keys++;
    }
    record_build rb = { c, key, "", "" };
    opt_record *recs = n ? config_arena_alloc(c, n * sizeof *recs) : NULL;
    int st = (n && !recs) ? -2 : keys != n ? -1 : 0;
    if (keys != n)
        snprintf(rb.why, sizeof rb.why, "a list of tables expected, but it has holes");
    for (size_t i = 0; st == 0 && i < n; i++) {
        if (lua_rawgeti(L, idx, (lua_Integer)i + 1) != LUA_TTABLE) {
            snprintf(rb.why, sizeof rb.why, "entry %zu: table expected, got %s", i + 1,
                     luaL_typename(L, -1));
            st = -1;
        } else
            st = build_record(&rb, lua_gettop(L), &recs[i], 1, i + 1, NULL);
        lua_pop(L, 1);
    }
    lua_settop(L, top);
    if (st == -2)
        return config_fail(c, OPT_ENOMEM, "key '%s': out of memory", key);
    if (st != 0)
        return opt_config_fail(c, key, "%s", rb.why);
    *records = recs;
    *count = n;
    return OPT_OK;
}

const opt_field *opt_record_get(const opt_record *r, const char *key)
{
    if (!r || !key)
        return NULL;
    for (size_t i = 0; i < r->count; i++)
        if (strcmp(r->fields[i].key, key) == 0)
            return &r->fields[i];
    return NULL;
}


