/* config.c — lab parameters from embedded Lua 5.4 (see config.h).
 *
 * The parts, in the order a config meets them:
 *   - the config object, its one-line error and the memory it owns;
 *   - the Lua state's allocator (the memory cap) and count hook (the
 *     instruction budget, reset at the start of every call into Lua);
 *   - the sandbox: the proxy _ENV whose __newindex checks every assignment
 *     and whose __index serves the schema's values and the safe functions,
 *     plus copies of math, string and table whose costly C functions are
 *     charged to the budget;
 *   - checking a value against its schema entry;
 *   - loading files, strings, --set and defaults;
 *   - reading values, records, Lua objectives, help.
 *
 * This file is longer than most in lib/ because the sandbox and the checks
 * belong together: every message a student sees about a config comes from
 * here, so they can share one way to say where and what.
 *
 * Decisions the header leaves open:
 *   - print is not available (lib/ never prints); error('...') stops a
 *     config with a message instead.
 *   - string.dump is removed (useless without load, and nothing to gain).
 *   - Reading a global that is neither a parameter nor a safe function is
 *     an error ("'lr' is not defined"), so typos in reads are caught too.
 *   - A list is stored as a fresh copy, so changing the original table
 *     later cannot smuggle an unchecked entry past the check.
 *   - math.random starts from a fixed seed: a config gives the same values
 *     on every run.
 *   - setmetatable refuses __gc: a finalizer would run outside any budget.
 *   - Not thread-safe: one config, one thread (a Lua state is not shared).
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include "config.h"
#include "diff.h"
#include "problems.h"
#include "status.h"

#define ERR_MAX 512          /* an error line, with its trailing NUL */
#define WHERE_MAX 320        /* a location: "path:line" */
#define HOOK_STEP 1000       /* instructions between two budget checks */
#define ALLOC_BYTES_PER_INSTRUCTION 4    /* allocated bytes charged as one instruction */
#define MAX_NESTING 16       /* records: tables inside tables */

/* ---- The config object --------------------------------------------------- */

typedef struct block {       /* memory handed out to the caller, freed with c */
    struct block *next;
    max_align_t data[];
} block;

struct opt_config {
    const opt_param *schema;
    size_t count;
    lua_State *L;
    int status;              /* of the last error */
    int broken;              /* a default failed: refuse to load anything */
    char err[ERR_MAX];
    char **where;            /* per key: where its value came from (NULL: default) */
    const char **str_copy;   /* per key: the last string handed out */
    block *arena;
    /* limits, and the budget of the call in progress */
    long long instr_limit;
    size_t mem_cap, mem_used;
    long long remaining;
    int hook_step;
    int depth;               /* calls into Lua in progress */
    long long alloc_charged; /* the part of the budget spent on allocating */
    int budget_hit, mem_refused, sys_oom;
    char budget_msg[ERR_MAX];
    char mem_where[WHERE_MAX];
    int ref_env, ref_values;
};

/* Where an operation's messages come from: a path, "--set eta=0.1",
 * "default eta=0.05" or a function's "path:line". key is the parameter an
 * expression assigns (--set, default), NULL for a chunk or a function. */
typedef struct origin {
    const char *name;
    const char *key;
} origin;

static opt_config *config_of(lua_State *L)
{
    return *(opt_config **)lua_getextraspace(L);
}

static void *arena_alloc(opt_config *c, size_t size)
{
    if (size > SIZE_MAX - sizeof(block))
        return NULL;
    block *b = malloc(sizeof(block) + size);
    if (!b)
        return NULL;
    b->next = c->arena;
    c->arena = b;
    return b->data;
}

static char *arena_strdup(opt_config *c, const char *s, size_t len)
{
    char *d = arena_alloc(c, len + 1);
    if (d) {
        memcpy(d, s, len);
        d[len] = '\0';
    }
    return d;
}

/* Control characters would break the one-line rule: make them spaces. */
static void one_line(char *s)
{
    for (char *p = s; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            *p = ' ';
    size_t n = strlen(s);
    while (n > 0 && s[n - 1] == ' ')
        s[--n] = '\0';
}

static void clip(char *buf, size_t cap, int written)
{
    if (written >= (int)cap && cap > 4)
        memcpy(buf + cap - 4, "...", 4);
}

static int vfail(opt_config *c, int status, const char *fmt, va_list ap)
{
    char msg[ERR_MAX];
    clip(msg, sizeof msg, vsnprintf(msg, sizeof msg, fmt, ap));
    one_line(msg);
    memcpy(c->err, msg, sizeof msg);
    c->status = status;
    return status;
}

static int fail(opt_config *c, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int fail(opt_config *c, int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfail(c, status, fmt, ap);
    va_end(ap);
    return status;
}

static long find_key(const opt_config *c, const char *name)
{
    if (!c || !name)
        return -1;
    for (size_t i = 0; i < c->count; i++)
        if (strcmp(c->schema[i].name, name) == 0)
            return (long)i;
    return -1;
}

static void set_where(opt_config *c, size_t i, const char *where)
{
    free(c->where[i]);
    c->where[i] = where ? strdup(where) : NULL;
}

/* ---- Words: numbers, sizes, suggestions ------------------------------------ */

static const char *fmt_num(double v, char *buf, size_t cap)
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

static const char *fmt_bytes(size_t b, char *buf, size_t cap)
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

/* Edit distance with adjacent transpositions (optimal string alignment),
 * ignoring case; names longer than 63 bytes are not compared. */
static int edit_distance(const char *a, const char *b)
{
    size_t m = strlen(a), n = strlen(b);
    if (m > 63 || n > 63)
        return INT_MAX;
    int d[64][64];
    for (size_t i = 0; i <= m; i++)
        d[i][0] = (int)i;
    for (size_t j = 0; j <= n; j++)
        d[0][j] = (int)j;
    for (size_t i = 1; i <= m; i++)
        for (size_t j = 1; j <= n; j++) {
            int ai = tolower((unsigned char)a[i - 1]), bj = tolower((unsigned char)b[j - 1]);
            int best = d[i - 1][j - 1] + (ai != bj);
            if (d[i - 1][j] + 1 < best)
                best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && ai == tolower((unsigned char)b[j - 2])
                && tolower((unsigned char)a[i - 2]) == bj && d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    return d[m][n];
}

/* How far a name may be from a candidate and still be called a typo. */
static int close_enough(const char *name, const char *cand, int d)
{
    size_t len = strlen(name);
    int limit = len <= 3 ? 1 : len <= 6 ? 2 : 3;
    return d <= limit && (size_t)d < len && (size_t)d < strlen(cand);
}

/* The nearest of names[0..n) (an array of structs: stride bytes apart,
 * name pointer at offset 0), or NULL. */
static const char *nearest_name(const char *name, const void *names, size_t n, size_t stride)
{
    const char *best = NULL;
    int bestd = INT_MAX;
    for (size_t i = 0; i < n; i++) {
        const char *cand = *(const char *const *)((const char *)names + i * stride);
        if (!cand)
            continue;
        int d = edit_distance(name, cand);
        if (d < bestd && close_enough(name, cand, d)) {
            best = cand;
            bestd = d;
        }
    }
    return best;
}

const char *opt_config_suggest(const opt_config *c, const char *name)
{
    if (!c || !name)
        return NULL;
    return nearest_name(name, c->schema, c->count, sizeof *c->schema);
}

static int is_identifier(const char *s, size_t len)
{
    if (len == 0 || !(isalpha((unsigned char)s[0]) || s[0] == '_'))
        return 0;
    for (size_t i = 1; i < len; i++)
        if (!(isalnum((unsigned char)s[i]) || s[i] == '_'))
            return 0;
    return 1;
}

/* ---- Locations --------------------------------------------------------------- */

/* "path:line" for a file (the path as the caller gave it), the name alone
 * for a one-line expression ("--set eta=0.1"). */
static void format_source(const lua_Debug *ar, char *buf, size_t cap)
{
    if (ar->source[0] == '=')
        snprintf(buf, cap, "%s", ar->source + 1);
    else if (ar->source[0] == '@')
        snprintf(buf, cap, "%s:%d", ar->source + 1, ar->currentline);
    else
        snprintf(buf, cap, "%s:%d", ar->short_src, ar->currentline);
}

/* The location of the innermost Lua function at or above level; "" when
 * there is none (the error is then placed by its operation's origin). */
static void where_lua(lua_State *L, int level, char *buf, size_t cap)
{
    lua_Debug ar;
    buf[0] = '\0';
    for (; lua_getstack(L, level, &ar); level++)
        if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
            format_source(&ar, buf, cap);
            return;
        }
}

/* Raise "location: message" from a C function called by Lua. */
static int raise_here(lua_State *L, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int raise_here(lua_State *L, const char *fmt, ...)
{
    char loc[WHERE_MAX], msg[ERR_MAX];
    va_list ap;
    va_start(ap, fmt);
    clip(msg, sizeof msg, vsnprintf(msg, sizeof msg, fmt, ap));
    va_end(ap);
    where_lua(L, 1, loc, sizeof loc);
    if (loc[0])
        lua_pushfstring(L, "%s: %s", loc, msg);
    else
        lua_pushstring(L, msg);
    return lua_error(L);
}

/* Does a message start with a place ("file:12: ...", or the origin)? */
static int has_location(const char *m, const char *origin_name)
{
    if (origin_name && strncmp(m, origin_name, strlen(origin_name)) == 0)
        return 1;
    for (size_t i = 0; m[i] && i < WHERE_MAX; i++)
        if (m[i] == ':' && isdigit((unsigned char)m[i + 1])) {
            size_t j = i + 1;
            while (isdigit((unsigned char)m[j]))
                j++;
            if (m[j] == ':')
                return 1;
        }
    return 0;
}

/* ---- Memory cap and instruction budget ----------------------------------------- */

static void budget_hook(lua_State *L, lua_Debug *ar);

static void *config_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    opt_config *c = ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        free(ptr);
        c->mem_used -= old;
        return NULL;
    }
    if (nsize > old && c->depth > 0) {
        size_t grow = nsize - old;
        if (grow > c->mem_cap || c->mem_used > c->mem_cap - grow) {
            /* Note the place (the last refusal is the one that raises;
             * an earlier one may have been cured by an emergency
             * collection). The stack is consistent here, and getinfo with
             * "Sl" allocates nothing. */
            c->mem_refused++;
            if (c->L)
                where_lua(c->L, 0, c->mem_where, sizeof c->mem_where);
            return NULL;
        }
        /* Work that allocates is charged too, so a loop of few instructions
         * that each copy megabytes still ends. lua_sethook is safe here (it
         * may even be called from a signal handler). */
        c->remaining -= (long long)(grow / ALLOC_BYTES_PER_INSTRUCTION);
        c->alloc_charged += (long long)(grow / ALLOC_BYTES_PER_INSTRUCTION);
        if (c->remaining <= 0 && c->hook_step != 1 && c->L) {
            c->hook_step = 1;
            lua_sethook(c->L, budget_hook, LUA_MASKCOUNT, 1);
        }
    }
    void *p = realloc(ptr, nsize);
    if (!p) {
        if (nsize <= old)
            return ptr;      /* Lua assumes shrinking never fails */
        c->sys_oom = 1;
        return NULL;
    }
    c->mem_used = c->mem_used - old + nsize;
    return p;
}

static int budget_exceeded(lua_State *L, opt_config *c)
{
    char loc[WHERE_MAX];
    where_lua(L, 0, loc, sizeof loc);
    c->budget_hit = 1;
    c->remaining = 0;
    if (c->alloc_charged >= c->instr_limit / 2) {
        char bytes[32];
        snprintf(c->budget_msg, sizeof c->budget_msg,
                 "%s%sallocation budget exceeded (%s allocated in one call): runaway allocation?",
                 loc, loc[0] ? ": " : "",
                 fmt_bytes((size_t)c->alloc_charged * ALLOC_BYTES_PER_INSTRUCTION, bytes,
                           sizeof bytes));
    } else
        snprintf(c->budget_msg, sizeof c->budget_msg,
                 "%s%sinstruction budget exceeded (%lld instructions): endless loop?",
                 loc, loc[0] ? ": " : "", c->instr_limit);
    lua_pushstring(L, c->budget_msg);
    return lua_error(L);
}

static void budget_hook(lua_State *L, lua_Debug *ar)
{
    (void)ar;
    opt_config *c = config_of(L);
    c->remaining -= c->hook_step;
    if (c->remaining <= 0)
        budget_exceeded(L, c);
}

/* Charge work a C function is about to do (a pattern match, a table
 * shift) to the budget of the call in progress. */
static void charge(lua_State *L, double cost)
{
    opt_config *c = config_of(L);
    if (c->depth == 0 || !(cost >= 1))
        return;
    if (cost > 1e18)
        cost = 1e18;
    c->remaining -= (long long)cost;
    if (c->remaining <= 0)
        budget_exceeded(L, c);
}

/* Turns a non-string error object into a message with a place. It runs
 * no Lua code (no __tostring): after an error raised by the count hook,
 * Lua keeps hooks off until a pcall catches it, so Lua code run here would
 * run without a budget. */
static int message_handler(lua_State *L)
{
    int t = lua_type(L, 1);
    if (t == LUA_TSTRING || t == LUA_TNUMBER)
        return 1;
    char loc[WHERE_MAX];
    where_lua(L, 1, loc, sizeof loc);
    lua_pushfstring(L, "%s%s(error object is a %s value)", loc, loc[0] ? ": " : "",
                    luaL_typename(L, 1));
    return 1;
}

/* Call the function below nargs arguments on the stack with a fresh
 * budget; a Lua status, with the results or the message on the stack. */
static int call_lua(opt_config *c, int nargs, int nresults)
{
    lua_State *L = c->L;
    int base = lua_gettop(L) - nargs;
    lua_pushcfunction(L, message_handler);
    lua_insert(L, base);
    if (c->depth++ == 0) {
        c->remaining = c->instr_limit;
        c->budget_hit = c->mem_refused = c->sys_oom = 0;
        c->alloc_charged = 0;
        c->mem_where[0] = '\0';
        c->hook_step = HOOK_STEP;
        lua_sethook(L, budget_hook, LUA_MASKCOUNT, HOOK_STEP);
    }
    int st = lua_pcall(L, nargs, nresults, base);
    if (--c->depth == 0)
        lua_sethook(L, NULL, 0, 0);
    lua_remove(L, base);
    return st;
}

/* Skip "<origin>" or Lua's shortened form of it, then ":<line>:" or ":". */
static const char *strip_origin(const char *m, const char *name)
{
    size_t len = strlen(name), short_len = len < LUA_IDSIZE - 1 ? len : LUA_IDSIZE - 1;
    const char *p;
    if (strncmp(m, name, len) == 0)
        p = m + len;
    else if (short_len < len && strncmp(m, name, short_len) == 0 && m[short_len] == ':')
        p = m + short_len;
    else
        return m;
    if (*p != ':')
        return m;
    p++;
    const char *q = p;
    while (isdigit((unsigned char)*q))
        q++;
    if (q > p && *q == ':')
        p = q + 1;
    while (*p == ' ')
        p++;
    return p;
}

/* Turn a failed call (message on the stack) into the config's error. */
static int lua_failure(opt_config *c, int st, const origin *o)
{
    lua_State *L = c->L;
    char raw[ERR_MAX];
    int status = OPT_ECONFIG;
    const char *m = lua_tostring(L, -1);
    if (c->budget_hit) {
        snprintf(raw, sizeof raw, "%s", c->budget_msg);
        status = OPT_EBUDGET;
    } else if (c->sys_oom) {
        snprintf(raw, sizeof raw, "out of memory");
        status = OPT_ENOMEM;
    } else if (c->mem_refused && (st == LUA_ERRMEM || (m && strstr(m, "not enough memory")))) {
        char cap[32];
        snprintf(raw, sizeof raw, "%s%smemory limit of %s exceeded", c->mem_where,
                 c->mem_where[0] ? ": " : "", fmt_bytes(c->mem_cap, cap, sizeof cap));
        status = OPT_EBUDGET;
    } else
        clip(raw, sizeof raw, snprintf(raw, sizeof raw, "%s", m ? m : "error without a message"));
    lua_pop(L, 1);
    if (o->key) {
        const char *rest = strip_origin(raw, o->name);
        if (strncmp(rest, "key '", 5) == 0)
            return fail(c, status, "%s: %s", o->name, rest);
        return fail(c, status, "%s: key '%s': %s", o->name, o->key, rest);
    }
    if (!has_location(raw, o->name))
        return fail(c, status, "%s: %s", o->name, raw);
    return fail(c, status, "%s", raw);
}

/* ---- The sandbox ------------------------------------------------------------------ */

static const char *const unavailable_libraries[] = {
    "io", "os", "package", "debug", "coroutine", "utf8", NULL
};
static const char *const unavailable_functions[] = {
    "require", "load", "loadstring", "dofile", "loadfile", "collectgarbage",
    "setfenv", "getfenv", "module", "_G", NULL
};

static int in_list(const char *const *list, const char *s)
{
    for (; *list; list++)
        if (strcmp(*list, s) == 0)
            return 1;
    return 0;
}

/* _ENV.__index: a parameter's value, else a safe function or library, else
 * an error that says why the name is not there. Upvalues: name -> index,
 * values, the safe base table. */
static int env_index(lua_State *L)
{
    if (lua_type(L, 2) != LUA_TSTRING) {
        lua_pushnil(L);
        return 1;
    }
    lua_pushvalue(L, 2);
    if (lua_rawget(L, lua_upvalueindex(1)) == LUA_TNUMBER) {
        lua_rawgeti(L, lua_upvalueindex(2), lua_tointeger(L, -1));
        return 1;
    }
    lua_pop(L, 1);
    lua_pushvalue(L, 2);
    if (lua_rawget(L, lua_upvalueindex(3)) != LUA_TNIL)
        return 1;
    const char *name = lua_tostring(L, 2);
    if (in_list(unavailable_libraries, name))
        return raise_here(L, "'%s' is not available in a config (only math, string and table are)",
                          name);
    if (strcmp(name, "print") == 0)
        return raise_here(L, "'print' is not available in a config (a config only assigns "
                             "parameters; error('...') stops it with a message)");
    if (strcmp(name, "unpack") == 0)
        return raise_here(L, "'unpack' is not available in a config (use table.unpack)");
    if (in_list(unavailable_functions, name))
        return raise_here(L, "'%s' is not available in a config (only math, string, table and "
                             "the safe base functions are)", name);
    const opt_config *c = config_of(L);
    const char *near = opt_config_suggest(c, name);
    if (!near) {
        /* the safe names: the base table's keys */
        static const char *const base_names[] = {
            "assert", "error", "ipairs", "next", "pairs", "pcall", "select", "tonumber",
            "tostring", "type", "xpcall", "rawequal", "rawget", "rawlen", "rawset",
            "setmetatable", "getmetatable", "math", "string", "table", NULL
        };
        near = nearest_name(name, base_names, sizeof base_names / sizeof *base_names - 1,
                            sizeof *base_names);
    }
    if (near)
        return raise_here(L, "'%s' is not defined (did you mean '%s'?)", name, near);
    size_t nproblems;
    const opt_problem *problems = opt_problem_list(&nproblems);
    if (opt_problem_lookup(name))
        return raise_here(L, "'%s' is not defined (a problem's name is a string: '%s')",
                          name, name);
    if ((near = nearest_name(name, problems, nproblems, sizeof *problems)))
        return raise_here(L, "'%s' is not defined (did you mean the problem '%s', in quotes?)",
                          name, near);
    return raise_here(L, "'%s' is not defined", name);
}

static const char *check_value(lua_State *L, const opt_param *p, int idx);

/* _ENV.__newindex: every global assignment, checked where it is made.
 * Upvalues: name -> index, values. */
static int env_newindex(lua_State *L)
{
    opt_config *c = config_of(L);
    if (lua_type(L, 2) != LUA_TSTRING)
        return raise_here(L, "unknown key %s (parameters are names)", luaL_typename(L, 2));
    const char *name = lua_tostring(L, 2);
    lua_pushvalue(L, 2);
    if (lua_rawget(L, lua_upvalueindex(1)) != LUA_TNUMBER) {
        const char *near = opt_config_suggest(c, name);
        if (near)
            return raise_here(L, "unknown key '%s' (did you mean '%s'?)", name, near);
        return raise_here(L, "unknown key '%s' (use 'local' for helper variables)", name);
    }
    lua_Integer i = lua_tointeger(L, -1);
    const opt_param *p = &c->schema[i - 1];
    const char *why = check_value(L, p, 3);
    if (why)
        return raise_here(L, "key '%s': %s", p->name, why);
    lua_rawseti(L, lua_upvalueindex(2), i);
    char loc[WHERE_MAX];
    where_lua(L, 1, loc, sizeof loc);
    set_where(c, (size_t)(i - 1), loc[0] ? loc : "?");
    return 0;
}

/* rawset, except on _ENV (that would bypass the checks). Upvalue: _ENV. */
static int safe_rawset(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checkany(L, 2);
    luaL_checkany(L, 3);
    if (lua_rawequal(L, 1, lua_upvalueindex(1)))
        return luaL_error(L, "rawset on the config's globals is not allowed (assign them)");
    lua_settop(L, 3);
    lua_rawset(L, 1);
    return 1;
}

/* xpcall(f, handler, ...), with the handler called after the stack has
 * unwound rather than as a message handler: a message handler may run
 * with hooks off (see message_handler), so a looping handler would never
 * end. A budget or memory error is passed on without calling it. */
static int safe_xpcall(lua_State *L)
{
    int n = lua_gettop(L);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushvalue(L, 1);
    for (int i = 3; i <= n; i++)
        lua_pushvalue(L, i);
    int st = lua_pcall(L, n - 2, LUA_MULTRET, 0);
    if (st == LUA_OK) {
        lua_pushboolean(L, 1);
        lua_insert(L, n + 1);
        return lua_gettop(L) - n;
    }
    if (config_of(L)->budget_hit)
        return lua_error(L);
    lua_pushboolean(L, 0);
    lua_insert(L, n + 1);
    if (st != LUA_ERRMEM) {
        lua_pushvalue(L, 2);
        lua_insert(L, n + 2);
        lua_pcall(L, 1, 1, 0);      /* false, handler(error) -- or its own error */
        if (config_of(L)->budget_hit)
            return lua_error(L);
    }
    return 2;
}

/* setmetatable, except with __gc: a finalizer runs outside any budget. */
static int safe_setmetatable(lua_State *L)
{
    int t = lua_type(L, 2);
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_argexpected(L, t == LUA_TNIL || t == LUA_TTABLE, 2, "nil or table");
    if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
        return luaL_error(L, "cannot change a protected metatable");
    if (t == LUA_TTABLE) {
        lua_pushliteral(L, "__gc");
        if (lua_rawget(L, 2) != LUA_TNIL)
            return luaL_error(L, "'__gc' metamethods are not available in a config");
        lua_pop(L, 1);
    }
    lua_settop(L, 2);
    lua_setmetatable(L, 1);
    return 1;
}

/* The library functions whose work in C is not counted by the hook. */
enum cost_kind {
    COST_FIND = 1, COST_MATCH, COST_GMATCH, COST_GSUB, COST_REP,
    COST_INSERT, COST_REMOVE, COST_SORT, COST_MOVE, COST_CONCAT, COST_UNPACK
};
typedef struct costed { const char *name; int kind; } costed;
static const costed string_costs[] = {
    {"find", COST_FIND}, {"match", COST_MATCH}, {"gmatch", COST_GMATCH},
    {"gsub", COST_GSUB}, {"rep", COST_REP}, {NULL, 0}
};
static const costed table_costs[] = {
    {"insert", COST_INSERT}, {"remove", COST_REMOVE}, {"sort", COST_SORT},
    {"move", COST_MOVE}, {"concat", COST_CONCAT}, {"unpack", COST_UNPACK}, {NULL, 0}
};

/* Repetition items in a Lua pattern (x*, x+, x-, %b, back-references):
 * each can multiply the matcher's work by the subject's length. */
static int pattern_repeats(const char *p, size_t m)
{
    int k = 0;
    size_t i = (m > 0 && p[0] == '^') ? 1 : 0;
    while (i < m) {
        char ch = p[i];
        if (ch == '(' || ch == ')') {
            i++;
            continue;
        }
        if (ch == '%' && i + 1 < m) {
            char e = p[i + 1];
            if (e == 'b') {
                k++;
                i += 4;
                continue;
            }
            if (isdigit((unsigned char)e))
                k++;
            i += 2;
            if (e == 'f' && i < m && p[i] == '[')
                ch = '[';
            else
                goto quantifier;
        }
        if (ch == '[') {
            i++;
            if (i < m && p[i] == '^')
                i++;
            do {     /* as lstrlib's classEnd: the first ']' is literal */
                if (i >= m)
                    break;
                if (p[i++] == '%' && i < m)
                    i++;
            } while (i < m && p[i] != ']');
            i++;
        } else
            i++;
    quantifier:
        if (i < m && (p[i] == '*' || p[i] == '+' || p[i] == '-')) {
            k++;
            i++;
        } else if (i < m && p[i] == '?')
            i++;
    }
    return k;
}

static int is_stringish(lua_State *L, int i)
{
    int t = lua_type(L, i);
    return t == LUA_TSTRING || t == LUA_TNUMBER;
}

static double match_cost(lua_State *L, int kind)
{
    if (!is_stringish(L, 1) || !is_stringish(L, 2))
        return 0;
    size_t n, m;
    lua_tolstring(L, 1, &n);
    const char *pat = lua_tolstring(L, 2, &m);
    if (kind == COST_FIND && lua_toboolean(L, 4))
        return (double)n / 16;
    /* The worst case: at each of the n starts, each repetition item may
     * try every length. Real matches are much cheaper; the bound only has
     * to stop the catastrophic ones. */
    int k = pattern_repeats(pat, m);
    return (double)n * (double)(m + 1) * pow((double)n + 1, k > 8 ? 8 : k) / 32;
}

static double table_len(lua_State *L, int i)
{
    return lua_type(L, i) == LUA_TTABLE ? (double)lua_rawlen(L, i) : 0;
}

static double span(lua_State *L, int ifrom, int ito, double dfrom, double dto)
{
    int ok1 = 1, ok2 = 1;
    double a = lua_isnoneornil(L, ifrom) ? dfrom : (double)lua_tointegerx(L, ifrom, &ok1);
    double b = lua_isnoneornil(L, ito) ? dto : (double)lua_tointegerx(L, ito, &ok2);
    return ok1 && ok2 && b >= a ? b - a + 1 : 0;
}

/* A library function with its C work charged first. Upvalues: the real
 * function, its cost kind. */
static int costed_call(lua_State *L)
{
    int kind = (int)lua_tointeger(L, lua_upvalueindex(2));
    double cost = 0, n;
    switch (kind) {
    case COST_FIND: case COST_MATCH: case COST_GMATCH: case COST_GSUB:
        cost = match_cost(L, kind);
        break;
    case COST_REP: {
        /* ("").rep(1e15) copies nothing 1e15 times: answer it here */
        int isnum;
        lua_Integer times = lua_tointegerx(L, 2, &isnum);
        size_t l = 0, lsep = 0;
        if (isnum && times > 0 && is_stringish(L, 1)
            && (lua_isnoneornil(L, 3) || is_stringish(L, 3))) {
            lua_tolstring(L, 1, &l);
            if (!lua_isnoneornil(L, 3))
                lua_tolstring(L, 3, &lsep);
            if (l + lsep == 0) {
                lua_pushliteral(L, "");
                return 1;
            }
            /* a result beyond the cap is the memory limit, whatever its size */
            opt_config *c = config_of(L);
            double total = (double)times * (double)l + ((double)times - 1) * (double)lsep;
            if (c->depth > 0 && (c->mem_used >= c->mem_cap
                                 || total > (double)(c->mem_cap - c->mem_used))) {
                c->mem_refused++;
                where_lua(L, 1, c->mem_where, sizeof c->mem_where);
                lua_pushliteral(L, "not enough memory");
                return lua_error(L);
            }
        }
        break;
    }
    /* Moving one table entry through the C API costs about as much as
     * four VM instructions. */
    case COST_INSERT: case COST_REMOVE:
        cost = 4 * table_len(L, 1);
        break;
    case COST_SORT:
        n = table_len(L, 1);
        cost = 4 * n * log2(n + 1);
        break;
    case COST_MOVE:
        cost = 4 * span(L, 2, 3, 1, 0);
        break;
    case COST_CONCAT:
        cost = 4 * span(L, 3, 4, 1, table_len(L, 1));
        break;
    case COST_UNPACK:
        cost = span(L, 2, 3, 1, table_len(L, 1));
        break;
    default:
        break;
    }
    charge(L, cost);
    int nargs = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    if (lua_pcall(L, nargs, LUA_MULTRET, 0) != LUA_OK) {
        /* the real function's own errors have no place (we called it) */
        if (lua_type(L, -1) == LUA_TSTRING && !has_location(lua_tostring(L, -1), NULL)) {
            char loc[WHERE_MAX];
            where_lua(L, 1, loc, sizeof loc);
            if (loc[0]) {
                lua_pushfstring(L, "%s: %s", loc, lua_tostring(L, -1));
                lua_remove(L, -2);
            }
        }
        return lua_error(L);
    }
    return lua_gettop(L);
}

/* Push a copy of the library table at src, without the names in drop and
 * with the functions in costs wrapped. */
static void copy_library(lua_State *L, int src, const costed *costs, const char *drop)
{
    lua_newtable(L);
    int dst = lua_gettop(L);
    lua_pushnil(L);
    while (lua_next(L, src)) {
        const char *name = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "";
        if (drop && strcmp(name, drop) == 0) {
            lua_pop(L, 1);
            continue;
        }
        for (const costed *k = costs; k && k->name; k++)
            if (strcmp(k->name, name) == 0) {
                lua_pushinteger(L, k->kind);
                lua_pushcclosure(L, costed_call, 2);
                break;
            }
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, dst);
    }
}

/* Build the sandbox (run protected, before any budget). */
static int op_setup(lua_State *L)
{
    opt_config *c = lua_touserdata(L, 1);
    luaL_requiref(L, LUA_GNAME, luaopen_base, 0);           /* 2: the real globals */
    luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 0);     /* 3 */
    luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 0);    /* 4 */
    luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 0);     /* 5 */
    lua_getfield(L, 3, "randomseed");
    lua_pushinteger(L, 0);
    lua_call(L, 1, 0);

    lua_createtable(L, c->count > INT_MAX ? 0 : (int)c->count, 0);   /* 6: values */
    lua_createtable(L, 0, c->count > INT_MAX ? 0 : (int)c->count);   /* 7: name -> index */
    for (size_t i = 0; i < c->count; i++) {
        lua_pushinteger(L, (lua_Integer)i + 1);
        lua_setfield(L, 7, c->schema[i].name);
    }
    lua_newtable(L);                                        /* 8: safe names */
    lua_newtable(L);                                        /* 9: _ENV */

    static const char *const safe[] = {
        "assert", "error", "ipairs", "next", "pairs", "pcall", "select", "tonumber",
        "tostring", "type", "rawequal", "rawget", "rawlen", "getmetatable", NULL
    };
    for (const char *const *s = safe; *s; s++) {
        lua_getfield(L, 2, *s);
        lua_setfield(L, 8, *s);
    }
    lua_pushvalue(L, 9);
    lua_pushcclosure(L, safe_rawset, 1);
    lua_setfield(L, 8, "rawset");
    lua_pushcfunction(L, safe_setmetatable);
    lua_setfield(L, 8, "setmetatable");
    lua_pushcfunction(L, safe_xpcall);
    lua_setfield(L, 8, "xpcall");
    lua_pushliteral(L, LUA_VERSION);
    lua_setfield(L, 8, "_VERSION");
    copy_library(L, 3, NULL, NULL);
    lua_setfield(L, 8, "math");
    copy_library(L, 4, string_costs, "dump");
    lua_setfield(L, 8, "string");
    copy_library(L, 5, table_costs, NULL);
    lua_setfield(L, 8, "table");

    /* String methods ("x"):rep(3) use the sandbox's string table, and the
     * string metatable cannot be reached or changed from a config. */
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);
    lua_getfield(L, 8, "string");
    lua_setfield(L, -2, "__index");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 2);

    lua_createtable(L, 0, 3);
    lua_pushvalue(L, 7);
    lua_pushvalue(L, 6);
    lua_pushvalue(L, 8);
    lua_pushcclosure(L, env_index, 3);
    lua_setfield(L, -2, "__index");
    lua_pushvalue(L, 7);
    lua_pushvalue(L, 6);
    lua_pushcclosure(L, env_newindex, 2);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, 9);

    lua_pushvalue(L, 6);
    c->ref_values = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_pushvalue(L, 9);
    c->ref_env = luaL_ref(L, LUA_REGISTRYINDEX);
    return 0;
}

/* Make the function on top of the stack a sandboxed chunk. */
static void set_env(lua_State *L, const opt_config *c)
{
    lua_rawgeti(L, LUA_REGISTRYINDEX, c->ref_env);
    if (!lua_setupvalue(L, -2, 1))
        lua_pop(L, 1);
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
        snprintf(buf, cap, "%s is not a finite number", fmt_num(v, s, sizeof s));
    else if (want_int && v != floor(v))
        snprintf(buf, cap, "integer expected, got %s", fmt_num(v, s, sizeof s));
    else if (has_range(p) && (v < p->min || v > p->max))
        snprintf(buf, cap, "%s is out of range [%s, %s]", fmt_num(v, s, sizeof s),
                 fmt_num(p->min, a, sizeof a), fmt_num(p->max, b, sizeof b));
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
                         fmt_num(lua_tonumber(L, -1), num, sizeof num));
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
    static const struct { unsigned bit; const char *word; } words[] = {
        {OPT_T_NUMBER, "number"}, {OPT_T_INT, "integer"}, {OPT_T_BOOL, "boolean"},
        {OPT_T_STRING, "string"}, {OPT_T_LIST, "list"}, {OPT_T_FUNCTION, "function"},
        {OPT_T_TABLE, "table"}, {OPT_T_NIL, "nil"}
    };
    const char *w[8];
    size_t n = 0;
    if ((want & OPT_T_NUMBER) && (want & OPT_T_INT))
        want &= ~(unsigned)OPT_T_INT;
    for (size_t i = 0; i < 8; i++)
        if (want & words[i].bit)
            w[n++] = words[i].word;
    char buf[200];
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++)
        len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s",
                                i == 0 ? "" : i + 1 == n ? " or " : ", ", w[i]);
    lua_pushfstring(L, "%s expected, got %s", n ? buf : "no value", luaL_typename(L, idx));
    return lua_tostring(L, -1);
}

/* Check the value at idx against p. NULL: fine, and the value to store is
 * pushed (a list is copied). Otherwise the reason is pushed and returned
 * ("number expected, got string"). */
static const char *check_value(lua_State *L, const opt_param *p, int idx)
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

/* ---- Loading ------------------------------------------------------------------------ */

typedef struct chunk_job {
    opt_config *c;
    const char *buf;
    size_t len;
    const char *chunkname;
    size_t index;            /* expressions: the key's index */
} chunk_job;

/* Protected: compile and run a chunk in the sandbox. */
static int op_chunk(lua_State *L)
{
    chunk_job *j = lua_touserdata(L, 1);
    if (luaL_loadbufferx(L, j->buf, j->len, j->chunkname, "t") != LUA_OK)
        return lua_error(L);
    set_env(L, j->c);
    lua_call(L, 0, 0);
    return 0;
}

/* Protected: evaluate "return expr" and assign it to key j->index. */
static int op_assign(lua_State *L)
{
    chunk_job *j = lua_touserdata(L, 1);
    const opt_param *p = &j->c->schema[j->index];
    lua_settop(L, 0);
    lua_pushliteral(L, "return ");
    lua_pushlstring(L, j->buf, j->len);
    lua_concat(L, 2);
    size_t len;
    const char *src = lua_tolstring(L, 1, &len);
    if (luaL_loadbufferx(L, src, len, j->chunkname, "t") != LUA_OK)
        return lua_error(L);
    set_env(L, j->c);
    lua_call(L, 0, LUA_MULTRET);
    int nres = lua_gettop(L) - 1;
    if (nres != 1) {
        if (nres == 0)
            return luaL_error(L, "key '%s': the expression has no value", p->name);
        return luaL_error(L, "key '%s': one value expected, got %d%s", p->name, nres,
                          (p->types & OPT_T_LIST) ? " (a list is written in braces: {1, 2})" : "");
    }
    const char *why = check_value(L, p, 2);
    if (why)
        return luaL_error(L, "key '%s': %s", p->name, why);
    lua_rawgeti(L, LUA_REGISTRYINDEX, j->c->ref_values);
    lua_insert(L, -2);
    lua_rawseti(L, -2, (lua_Integer)j->index + 1);
    return 0;
}

static int run_job(opt_config *c, lua_CFunction op, chunk_job *job, const origin *o)
{
    lua_State *L = c->L;
    int top = lua_gettop(L);
    lua_pushcfunction(L, op);
    lua_pushlightuserdata(L, job);
    int st = call_lua(c, 1, 0);
    int status = st == LUA_OK ? OPT_OK : lua_failure(c, st, o);
    lua_settop(L, top);
    return status;
}

/* Evaluate expr for key i; where names the origin ("--set eta=0.1"). */
static int assign_expression(opt_config *c, size_t i, const char *expr, size_t len,
                             const char *where)
{
    size_t wlen = strlen(where);
    char *chunkname = malloc(wlen + 2);
    if (!chunkname)
        return fail(c, OPT_ENOMEM, "%s: out of memory", where);
    chunkname[0] = '=';
    memcpy(chunkname + 1, where, wlen + 1);
    chunk_job job = { c, expr, len, chunkname, i };
    origin o = { where, c->schema[i].name };
    int status = run_job(c, op_assign, &job, &o);
    free(chunkname);
    if (status == OPT_OK)
        set_where(c, i, strncmp(where, "default ", 8) == 0 ? NULL : where);
    return status;
}

static int check_schema(opt_config *c)
{
    for (size_t i = 0; i < c->count; i++) {
        const opt_param *p = &c->schema[i];
        if (!p->name || !is_identifier(p->name, strlen(p->name)))
            return fail(c, OPT_EINVAL, "schema: entry %zu: '%s' is not a name", i + 1,
                        p->name ? p->name : "(null)");
        if (!p->types)
            return fail(c, OPT_EINVAL, "schema: key '%s': no accepted type", p->name);
        for (size_t j = 0; j < i; j++)
            if (strcmp(c->schema[j].name, p->name) == 0)
                return fail(c, OPT_EINVAL, "schema: key '%s' is declared twice", p->name);
    }
    return OPT_OK;
}

opt_config *opt_config_new(const opt_param *schema, size_t count)
{
    opt_config *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->schema = schema;
    c->count = schema ? count : 0;
    c->instr_limit = OPT_CONFIG_INSTRUCTIONS;
    c->mem_cap = OPT_CONFIG_MEMORY;
    c->ref_env = c->ref_values = LUA_NOREF;
    c->where = calloc(c->count + 1, sizeof *c->where);
    c->str_copy = calloc(c->count + 1, sizeof *c->str_copy);
    c->L = c->where && c->str_copy ? lua_newstate(config_alloc, c) : NULL;
    if (!c->L) {
        free(c->where);
        free(c->str_copy);
        free(c);
        return NULL;
    }
    *(opt_config **)lua_getextraspace(c->L) = c;
    if (check_schema(c) != OPT_OK) {
        c->broken = 1;
        return c;
    }
    lua_pushcfunction(c->L, op_setup);
    lua_pushlightuserdata(c->L, c);
    if (lua_pcall(c->L, 1, 0, 0) != LUA_OK) {
        opt_config_free(c);
        return NULL;
    }
    for (size_t i = 0; i < c->count; i++) {
        const opt_param *p = &c->schema[i];
        const char *def = p->def ? p->def : "nil";
        size_t len = strlen(p->name) + strlen(def) + 10;
        char *where = malloc(len);
        if (!where) {
            opt_config_free(c);
            return NULL;
        }
        snprintf(where, len, "default %s=%s", p->name, def);
        int st = assign_expression(c, i, def, strlen(def), where);
        free(where);
        if (st != OPT_OK) {
            c->broken = 1;
            break;
        }
    }
    return c;
}

void opt_config_free(opt_config *c)
{
    if (!c)
        return;
    if (c->L) {
        c->depth = 0;
        lua_close(c->L);
    }
    for (size_t i = 0; c->where && i < c->count; i++)
        free(c->where[i]);
    free(c->where);
    free(c->str_copy);
    while (c->arena) {
        block *next = c->arena->next;
        free(c->arena);
        c->arena = next;
    }
    free(c);
}

int opt_config_status(const opt_config *c)
{
    return c ? c->status : OPT_EINVAL;
}

void opt_config_set_limits(opt_config *c, long instructions_per_call, size_t memory_bytes)
{
    if (!c)
        return;
    c->instr_limit = instructions_per_call > 0 ? instructions_per_call : OPT_CONFIG_INSTRUCTIONS;
    c->mem_cap = memory_bytes > 0 ? memory_bytes : OPT_CONFIG_MEMORY;
}

static int load_buffer(opt_config *c, const char *buf, size_t len, const char *name)
{
    /* Like luaL_loadfile: skip a UTF-8 byte-order mark, and make a first
     * line starting with '#' a comment (line numbers stay the same). */
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
        buf += 3;
        len -= 3;
    }
    char *copy = NULL;
    if (len > 0 && buf[0] == '#') {
        if (!(copy = malloc(len + 2)))
            return fail(c, OPT_ENOMEM, "%s: out of memory", name);
        memcpy(copy, "--", 2);
        memcpy(copy + 2, buf, len);
        buf = copy;
        len += 2;
    }
    size_t nlen = strlen(name);
    char *chunkname = malloc(nlen + 2);
    if (!chunkname) {
        free(copy);
        return fail(c, OPT_ENOMEM, "%s: out of memory", name);
    }
    chunkname[0] = '@';
    memcpy(chunkname + 1, name, nlen + 1);
    chunk_job job = { c, buf, len, chunkname, 0 };
    origin o = { name, NULL };
    int status = run_job(c, op_chunk, &job, &o);
    free(chunkname);
    free(copy);
    return status;
}

int opt_config_load_string(opt_config *c, const char *source, const char *chunkname)
{
    if (!c)
        return OPT_EINVAL;
    if (c->broken)
        return c->status;
    if (!chunkname)
        chunkname = "config";
    if (!source)
        return fail(c, OPT_EINVAL, "%s: no source", chunkname);
    return load_buffer(c, source, strlen(source), chunkname);
}

int opt_config_load_file(opt_config *c, const char *path)
{
    if (!c)
        return OPT_EINVAL;
    if (c->broken)
        return c->status;
    if (!path || !*path)
        return fail(c, OPT_EINVAL, "config: no file name");
    FILE *f = fopen(path, "rb");
    if (!f)
        return fail(c, OPT_EIO, "%s: cannot open config (%s)", path, strerror(errno));
    char *buf = NULL;
    size_t len = 0, cap = 0;
    int err = 0;
    for (;;) {
        if (len == cap) {
            if (cap > c->mem_cap) {
                fclose(f);
                free(buf);
                return fail(c, OPT_EBUDGET, "%s: config larger than the memory limit", path);
            }
            cap = cap ? 2 * cap : 8192;
            char *nb = realloc(buf, cap);
            if (!nb) {
                fclose(f);
                free(buf);
                return fail(c, OPT_ENOMEM, "%s: out of memory", path);
            }
            buf = nb;
        }
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0) {
            if (ferror(f))
                err = errno ? errno : EIO;
            break;
        }
    }
    fclose(f);
    if (err) {
        free(buf);
        return fail(c, OPT_EIO, "%s: cannot read config (%s)", path, strerror(err));
    }
    int status = load_buffer(c, buf, len, path);
    free(buf);
    return status;
}

static void trim(const char **s, const char **e)
{
    while (*s < *e && isspace((unsigned char)**s))
        (*s)++;
    while (*e > *s && isspace((unsigned char)(*e)[-1]))
        (*e)--;
}

int opt_config_set(opt_config *c, const char *assignment)
{
    if (!c)
        return OPT_EINVAL;
    if (!assignment)
        return fail(c, OPT_EINVAL, "--set: no assignment");
    if (c->broken)
        return c->status;
    const char *eq = strchr(assignment, '=');
    if (!eq)
        return fail(c, OPT_ECONFIG, "--set %s: expected key=value, as in --set eta=0.1",
                    assignment);
    const char *ks = assignment, *ke = eq, *vs = eq + 1, *ve = eq + strlen(eq);
    trim(&ks, &ke);
    trim(&vs, &ve);
    int klen = (int)(ke - ks);
    if (klen == 0)
        return fail(c, OPT_ECONFIG, "--set %s: the key before '=' is missing, as in --set eta=0.1",
                    assignment);
    if (!is_identifier(ks, (size_t)klen))
        return fail(c, OPT_ECONFIG, "--set %s: '%.*s' is not a parameter name", assignment,
                    klen, ks);
    char key[128];
    snprintf(key, sizeof key, "%.*s", klen, ks);
    long i = find_key(c, key);
    if (i < 0) {
        const char *near = opt_config_suggest(c, key);
        if (near)
            return fail(c, OPT_ECONFIG, "--set %s: unknown key '%s' (did you mean '%s'?)",
                        assignment, key, near);
        return fail(c, OPT_ECONFIG, "--set %s: unknown key '%s' (--help lists the parameters)",
                    assignment, key);
    }
    if (vs == ve)
        return fail(c, OPT_ECONFIG, "--set %s: key '%s': the value after '=' is missing",
                    assignment, key);
    size_t wlen = strlen(assignment) + 7;
    char *where = malloc(wlen);
    if (!where)
        return fail(c, OPT_ENOMEM, "--set %s: out of memory", assignment);
    snprintf(where, wlen, "--set %s", assignment);
    int status = assign_expression(c, (size_t)i, vs, (size_t)(ve - vs), where);
    free(where);
    return status;
}

/* ---- Errors and places ------------------------------------------------------------- */

const char *opt_config_error(const opt_config *c)
{
    return c ? c->err : "";
}

const char *opt_config_where(const opt_config *c, const char *key)
{
    long i = find_key(c, key);
    if (i < 0)
        return "";
    return c->where[i] ? c->where[i] : "default";
}

int opt_config_fail(opt_config *c, const char *key, const char *fmt, ...)
{
    if (!c)
        return OPT_ECONFIG;
    char msg[ERR_MAX];
    va_list ap;
    va_start(ap, fmt);
    clip(msg, sizeof msg, vsnprintf(msg, sizeof msg, fmt ? fmt : "", ap));
    va_end(ap);
    if (find_key(c, key) >= 0)
        return fail(c, OPT_ECONFIG, "%s: key '%s': %s", opt_config_where(c, key), key, msg);
    if (key)
        return fail(c, OPT_ECONFIG, "key '%s': %s", key, msg);
    return fail(c, OPT_ECONFIG, "%s", msg);
}

/* ---- Reading values ------------------------------------------------------------------ */

/* Push key's value (raw: no Lua code runs); -1 when key is not a parameter. */
static long push_value(const opt_config *c, const char *key)
{
    long i = find_key(c, key);
    if (i < 0 || !c->L || c->ref_values == LUA_NOREF)
        return -1;
    lua_rawgeti(c->L, LUA_REGISTRYINDEX, c->ref_values);
    lua_rawgeti(c->L, -1, (lua_Integer)i + 1);
    lua_remove(c->L, -2);
    return i;
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
    if (push_value(c, key) < 0)
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
    if (push_value(c, key) < 0)
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
    if (push_value(c, key) < 0)
        return 0;
    int v = lua_type(c->L, -1) == LUA_TBOOLEAN && lua_toboolean(c->L, -1);
    lua_pop(c->L, 1);
    return v;
}

const char *opt_config_string(const opt_config *c, const char *key)
{
    long i = push_value(c, key);
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
            s = arena_strdup((opt_config *)c, v, len);
            if (s)
                c->str_copy[i] = s;
        }
    }
    lua_pop(c->L, 1);
    return s;
}

size_t opt_config_list(const opt_config *c, const char *key, double *out, size_t cap)
{
    if (push_value(c, key) < 0)
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
                     entry, path, fmt_num(v, num, sizeof num));
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
        if (!(f->str = arena_strdup(rb->c, s, len)))
            return -2;
        return 0;
    }
    case LUA_TTABLE: {
        if (depth >= MAX_NESTING) {
            snprintf(rb->why, sizeof rb->why, "entry %zu: field '%s': tables nest too deeply",
                     entry, path);
            return -1;
        }
        opt_record *sub = arena_alloc(rb->c, sizeof *sub);
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
    opt_field *fields = n ? arena_alloc(rb->c, n * sizeof *fields) : NULL;
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
            snprintf(rb->why, sizeof rb->why, "entry %zu: %s%s%sfield keys must be names, got a %s key",
                     entry, prefix ? "field '" : "", prefix ? prefix : "", prefix ? "': " : "",
                     luaL_typename(L, -2));
            lua_pop(L, 2);
            return -1;
        }
        if (prefix)
            snprintf(path, sizeof path, "%s.%s", prefix, name);
        else
            snprintf(path, sizeof path, "%s", name);
        if (!(fields[k].key = arena_strdup(rb->c, name, strlen(name)))) {
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
    if (push_value(c, key) < 0)
        return fail(c, OPT_EINVAL, "key '%s': not a parameter", key ? key : "(null)");
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
    opt_record *recs = n ? arena_alloc(c, n * sizeof *recs) : NULL;
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
        return fail(c, OPT_ENOMEM, "key '%s': out of memory", key);
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

/* ---- Lua functions ---------------------------------------------------------------------- */

typedef struct lua_objective {
    opt_config *c;
    int fref, gref;          /* registry references (LUA_NOREF: none) */
    size_t n;
    const char *key, *gkey;
    double *scratch;         /* n doubles: a point for central differences */
    char origin[WHERE_MAX], gorigin[WHERE_MAX];   /* where f and g were defined */
} lua_objective;

/* "path:line" where the function on top of the stack was defined. */
static void function_origin(lua_State *L, char *buf, size_t cap)
{
    lua_Debug ar;
    lua_pushvalue(L, -1);
    if (lua_getinfo(L, ">S", &ar) && ar.linedefined > 0) {
        ar.currentline = ar.linedefined;
        format_source(&ar, buf, cap);
    } else
        snprintf(buf, cap, "%s", ar.what && strcmp(ar.what, "C") == 0 ? "C function" : "?");
}

/* Results [first, first + got) as nres numbers into res: either nres
 * numbers, or one table holding them. */
static int take_numbers(opt_config *c, int first, int got, double *res, size_t nres,
                        const char *where, const char *key)
{
    lua_State *L = c->L;
    if (nres > 1 && got >= 1 && lua_type(L, first) == LUA_TTABLE) {
        for (size_t i = 0; i < nres; i++) {
            int t = lua_rawgeti(L, first, (lua_Integer)i + 1);
            res[i] = lua_tonumber(L, -1);
            lua_pop(L, 1);
            if (t != LUA_TNUMBER)
                return fail(c, OPT_ECONFIG, "%s: key '%s': entry %zu of the result: number "
                            "expected, got %s", where, key, i + 1, lua_typename(L, t));
        }
        return OPT_OK;
    }
    if ((size_t)got < nres)
        return fail(c, OPT_ECONFIG, "%s: key '%s': %zu result%s expected, got %d", where, key,
                    nres, nres == 1 ? "" : "s", got);
    for (size_t i = 0; i < nres; i++) {
        if (lua_type(L, first + (int)i) != LUA_TNUMBER)
            return fail(c, OPT_ECONFIG, "%s: key '%s': result %zu: number expected, got %s",
                        where, key, i + 1, luaL_typename(L, first + (int)i));
        res[i] = lua_tonumber(L, first + (int)i);
    }
    return OPT_OK;
}

/* Call the function at registry ref with nargs numbers (fresh budget). */
static int call_numbers(opt_config *c, int ref, const char *where, const char *key,
                        const double *args, size_t nargs, double *res, size_t nres)
{
    lua_State *L = c->L;
    int top = lua_gettop(L);
    if (nargs > 100000 || !lua_checkstack(L, (int)nargs + 8))
        return fail(c, OPT_EINVAL, "%s: key '%s': too many arguments (%zu)", where, key, nargs);
    lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
    for (size_t i = 0; i < nargs; i++)
        lua_pushnumber(L, args[i]);
    int st = call_lua(c, (int)nargs, LUA_MULTRET);
    int status;
    if (st != LUA_OK) {
        origin o = { where, NULL };
        status = lua_failure(c, st, &o);
    } else
        status = take_numbers(c, top + 1, lua_gettop(L) - top, res, nres, where, key);
    lua_settop(L, top);
    return status;
}

/* Central differences with a step relative to each coordinate, made
 * exactly representable so that (x + h) - (x - h) is 2h. */
static int central_gradient(lua_objective *o, const double *x, double *g)
{
    double *xp = o->scratch;
    memcpy(xp, x, o->n * sizeof *xp);
    for (size_t i = 0; i < o->n; i++) {
        volatile double up = x[i] + OPT_H_CENTRAL * fmax(1, fabs(x[i]));
        double h = up - x[i], fp, fm;
        xp[i] = x[i] + h;
        int st = call_numbers(o->c, o->fref, o->origin, o->key, xp, o->n, &fp, 1);
        xp[i] = x[i] - h;
        if (st == OPT_OK)
            st = call_numbers(o->c, o->fref, o->origin, o->key, xp, o->n, &fm, 1);
        xp[i] = x[i];
        if (st != OPT_OK)
            return st;
        g[i] = (fp - fm) / (2 * h);
    }
    return OPT_OK;
}

static double lua_fdf(const double *x, double *g, void *ctx)
{
    lua_objective *o = ctx;
    double f;
    if (call_numbers(o->c, o->fref, o->origin, o->key, x, o->n, &f, 1) != OPT_OK)
        goto failed;
    if (g) {
        int st = o->gref != LUA_NOREF
                     ? call_numbers(o->c, o->gref, o->gorigin, o->gkey, x, o->n, g, o->n)
                     : central_gradient(o, x, g);
        if (st != OPT_OK)
            goto failed;
    }
    return f;
failed:
    for (size_t i = 0; g && i < o->n; i++)
        g[i] = NAN;
    return NAN;
}

static int unknown_problem(opt_config *c, const char *key, const char *name)
{
    size_t count;
    const opt_problem *all = opt_problem_list(&count);
    char known[300] = "", hint[96] = "";
    size_t len = 0;
    for (size_t i = 0; i < count && len < sizeof known; i++)
        len += (size_t)snprintf(known + len, sizeof known - len, "%s%s", i ? ", " : "",
                                all[i].name);
    const char *near = nearest_name(name, all, count, sizeof *all);
    if (near)
        snprintf(hint, sizeof hint, " (did you mean '%s'?)", near);
    return opt_config_fail(c, key, "unknown problem '%s'%s; known problems: %s", name, hint,
                           known);
}

int opt_config_objective(opt_config *c, const char *key, const char *gkey, size_t n_hint,
                         opt_objective *out)
{
    if (!out)
        return c ? fail(c, OPT_EINVAL, "opt_config_objective: no output") : OPT_EINVAL;
    memset(out, 0, sizeof *out);
    if (!c)
        return OPT_EINVAL;
    lua_State *L = c->L;
    int top = lua_gettop(L);
    if (push_value(c, key) < 0)
        return fail(c, OPT_EINVAL, "key '%s': not a parameter", key ? key : "(null)");
    int t = lua_type(L, -1);
    if (t == LUA_TSTRING) {
        const char *name = lua_tostring(L, -1);
        const opt_problem *p = opt_problem_lookup(name);
        int st = p ? OPT_OK : unknown_problem(c, key, name);
        lua_settop(L, top);
        if (p)
            *out = opt_problem_objective(p);
        return st;
    }
    if (t != LUA_TFUNCTION) {
        lua_settop(L, top);
        return opt_config_fail(c, key, "a problem name or a function expected, got %s",
                               lua_typename(L, t));
    }
    lua_Debug ar;
    lua_pushvalue(L, -1);
    lua_getinfo(L, ">u", &ar);
    size_t n = ar.nparams;
    if (ar.isvararg && n_hint > n)
        n = n_hint;
    if (n == 0) {
        lua_settop(L, top);
        return opt_config_fail(c, key, "the function takes no parameters; write one per "
                               "coordinate, as in function(x, y) return x^2 + y^2 end");
    }
    lua_objective *o = arena_alloc(c, sizeof *o);
    double *scratch = arena_alloc(c, n * sizeof *scratch);
    if (!o || !scratch) {
        lua_settop(L, top);
        return fail(c, OPT_ENOMEM, "key '%s': out of memory", key);
    }
    memset(o, 0, sizeof *o);
    o->c = c;
    o->n = n;
    o->key = c->schema[find_key(c, key)].name;
    o->scratch = scratch;
    o->gref = LUA_NOREF;
    function_origin(L, o->origin, sizeof o->origin);
    o->fref = luaL_ref(L, LUA_REGISTRYINDEX);
    if (gkey) {
        if (push_value(c, gkey) < 0) {
            lua_settop(L, top);
            return fail(c, OPT_EINVAL, "key '%s': not a parameter", gkey);
        }
        t = lua_type(L, -1);
        if (t == LUA_TFUNCTION) {
            o->gkey = c->schema[find_key(c, gkey)].name;
            function_origin(L, o->gorigin, sizeof o->gorigin);
            o->gref = luaL_ref(L, LUA_REGISTRYINDEX);
        } else if (t != LUA_TNIL) {
            lua_settop(L, top);
            return opt_config_fail(c, gkey, "function expected, got %s", lua_typename(L, t));
        }
    }
    lua_settop(L, top);
    char *name = arena_alloc(c, strlen(o->origin) + 16);
    if (name)
        sprintf(name, "function at %s", o->origin);
    out->n = n;
    out->fdf = lua_fdf;
    out->hess = NULL;
    out->ctx = o;
    out->name = name ? name : "function";
    return OPT_OK;
}

int opt_config_call(opt_config *c, const char *key, const double *args, size_t nargs,
                    double *res, size_t nres)
{
    if (!c)
        return OPT_EINVAL;
    if ((nargs && !args) || (nres && !res))
        return fail(c, OPT_EINVAL, "key '%s': no argument or result array",
                    key ? key : "(null)");
    lua_State *L = c->L;
    int top = lua_gettop(L);
    if (push_value(c, key) < 0)
        return fail(c, OPT_EINVAL, "key '%s': not a parameter", key ? key : "(null)");
    if (lua_type(L, -1) != LUA_TFUNCTION) {
        const char *t = luaL_typename(L, -1);
        lua_settop(L, top);
        return opt_config_fail(c, key, "function expected, got %s", t);
    }
    char where[WHERE_MAX];
    function_origin(L, where, sizeof where);
    int ref = luaL_ref(L, LUA_REGISTRYINDEX);
    int st = call_numbers(c, ref, where, c->schema[find_key(c, key)].name, args, nargs, res, nres);
    luaL_unref(L, LUA_REGISTRYINDEX, ref);
    lua_settop(L, top);
    return st;
}

/* ---- Help ------------------------------------------------------------------------------ */

static void types_text(unsigned t, char *buf, size_t cap)
{
    static const struct { unsigned bit; const char *word; } words[] = {
        {OPT_T_NUMBER, "number"}, {OPT_T_INT, "int"}, {OPT_T_BOOL, "bool"},
        {OPT_T_STRING, "string"}, {OPT_T_LIST, "list"}, {OPT_T_FUNCTION, "function"},
        {OPT_T_TABLE, "table"}, {OPT_T_NIL, "nil"}
    };
    if ((t & OPT_T_NUMBER) && (t & OPT_T_INT))
        t &= ~(unsigned)OPT_T_INT;
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < 8 && len < cap; i++)
        if (t & words[i].bit)
            len += (size_t)snprintf(buf + len, cap - len, "%s%s", len ? "|" : "", words[i].word);
}

static void range_text(const opt_param *p, char *buf, size_t cap)
{
    char a[40], b[40];
    if (has_range(p))
        snprintf(buf, cap, "[%s, %s]", fmt_num(p->min, a, sizeof a), fmt_num(p->max, b, sizeof b));
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
        types_text(p->types, types, sizeof types);
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
        types_text(p->types, types, sizeof types);
        range_text(p, range, sizeof range);
        default_text(p, def);
        int len = snprintf(line, sizeof line, "  %-*s  %-*s  %-*s", wn, p->name, wt, types, wd,
                           def);
        if (len > 0 && len < (int)sizeof line && wr)
            len += snprintf(line + len, sizeof line - (size_t)len, "  %-*s", wr, range);
        if (len > 0 && len < (int)sizeof line && p->doc && *p->doc)
            snprintf(line + len, sizeof line - (size_t)len, "  %s", p->doc);
        one_line(line);
        fprintf(out, "%s\n", line);
    }
}
