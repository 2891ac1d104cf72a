/* config_sandbox.c — the security boundary: what a config may run.
 *
 * A config is code: a params.lua a student was sent, a --set pasted from a
 * forum, run with the student's own rights. This file is everything that
 * code can reach, so reviewing it is reviewing what a config can do: the
 * other parts run Lua only through config_call_lua (the budget) on chunks
 * given config_set_env (the _ENV built here), and read values raw.
 *
 * A config may:
 *   - assign parameters (each assignment checked where it is made, by
 *     env_newindex) and read them, use locals, functions, loops and tables;
 *   - call the safe base functions and copies of math, string and table
 *     (safe_names below: the one list of names a config may use);
 *   - stop itself with error('...').
 * A config may not:
 *   - reach files, processes, the environment or other code: no io, os,
 *     package, require, load, dofile, debug (it reaches past every check
 *     here), string.dump; binary chunks are refused when loading
 *     (config_load.c loads text only);
 *   - escape the checks: no _G, no rawset on its globals, no change to the
 *     string metatable, no __gc (a finalizer would run outside any budget);
 *   - print (lib/ never prints; error('...') says what went wrong),
 *     collectgarbage, coroutine or utf8 (nothing a config needs);
 *   - run for ever or eat the machine: every call into Lua (a file, a
 *     --set, one evaluation of a Lua objective) has an instruction budget,
 *     C library work a few instructions could start (pattern matching,
 *     string.rep, table moves) is charged to it before it runs, so is
 *     allocating, and the Lua state has a memory cap.
 *
 * Decisions the header leaves open:
 *   - Reading a global that is neither a parameter nor a safe name is an
 *     error ("'lr' is not defined"), so typos in reads are caught too.
 *   - math.random starts from a fixed seed: a config gives the same values
 *     on every run.
 */
#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lualib.h>

#include "config_impl.h"
#include "problems.h"

#define HOOK_STEP 1000       /* instructions between two budget checks */
#define ALLOC_BYTES_PER_INSTRUCTION 4    /* allocated bytes charged as one instruction */

/* ---- Memory cap and instruction budget ----------------------------------------- */

static void budget_hook(lua_State *L, lua_Debug *ar);

void *config_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
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
                config_where_lua(c->L, 0, c->mem_where, sizeof c->mem_where);
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
    config_where_lua(L, 0, loc, sizeof loc);
    c->budget_hit = 1;
    c->remaining = 0;
    if (c->alloc_charged >= c->instr_limit / 2) {
        char bytes[32];
        snprintf(c->budget_msg, sizeof c->budget_msg,
                 "%s%sallocation budget exceeded (%s allocated in one call): runaway allocation?",
                 loc, loc[0] ? ": " : "",
                 config_fmt_bytes((size_t)c->alloc_charged * ALLOC_BYTES_PER_INSTRUCTION,
                                  bytes, sizeof bytes));
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
    config_where_lua(L, 1, loc, sizeof loc);
    lua_pushfstring(L, "%s%s(error object is a %s value)", loc, loc[0] ? ": " : "",
                    luaL_typename(L, 1));
    return 1;
}

/* Call the function below nargs arguments on the stack with a fresh
 * budget; a Lua status, with the results or the message on the stack. */
int config_call_lua(opt_config *c, int nargs, int nresults)
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


/* ---- What a config can name ---------------------------------------------------- */

static int safe_rawset(lua_State *L);
static int safe_xpcall(lua_State *L);
static int safe_setmetatable(lua_State *L);

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

/* The one list of names a config may use besides its parameters: the
 * sandbox is built from it and "did you mean" suggests from it (in this
 * order: of two names as close, the first). Each is the base library's own
 * function, a checked replacement (called with _ENV as upvalue), or a copy
 * of a library with its costly C functions charged and drop left out.
 * _VERSION, a string, is there too but never suggested. */
typedef struct safe_name {
    const char *name;
    lua_CFunction checked;   /* a checked replacement, or NULL */
    const costed *costs;     /* libraries: the functions to charge */
    const char *drop;        /* libraries: a name left out */
    int library;             /* a copy of the library called name */
} safe_name;

static const safe_name safe_names[] = {
    {.name = "assert"}, {.name = "error"}, {.name = "ipairs"}, {.name = "next"},
    {.name = "pairs"}, {.name = "pcall"}, {.name = "select"}, {.name = "tonumber"},
    {.name = "tostring"}, {.name = "type"}, {.name = "xpcall", .checked = safe_xpcall},
    {.name = "rawequal"}, {.name = "rawget"}, {.name = "rawlen"},
    {.name = "rawset", .checked = safe_rawset},
    {.name = "setmetatable", .checked = safe_setmetatable}, {.name = "getmetatable"},
    {.name = "math", .library = 1},
    {.name = "string", .library = 1, .costs = string_costs, .drop = "dump"},
    {.name = "table", .library = 1, .costs = table_costs},
};
#define SAFE_NAMES (sizeof safe_names / sizeof *safe_names)

/* Names a config may not use, each with a message that says why. */
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

/* ---- The globals of a config: _ENV -------------------------------------------------- */

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
        return config_raise_here(L, "'%s' is not available in a config (only math, string "
                                    "and table are)", name);
    if (strcmp(name, "print") == 0)
        return config_raise_here(L, "'print' is not available in a config (a config only "
                                    "assigns parameters; error('...') stops it with a message)");
    if (strcmp(name, "unpack") == 0)
        return config_raise_here(L, "'unpack' is not available in a config (use table.unpack)");
    if (in_list(unavailable_functions, name))
        return config_raise_here(L, "'%s' is not available in a config (only math, string, "
                                    "table and the safe base functions are)", name);
    const opt_config *c = config_of(L);
    const char *near = opt_config_suggest(c, name);
    if (!near)
        near = opt_nearest_name(name, safe_names, SAFE_NAMES, sizeof *safe_names);
    if (near)
        return config_raise_here(L, "'%s' is not defined (did you mean '%s'?)", name, near);
    size_t nproblems;
    const opt_problem *problems = opt_problem_list(&nproblems);
    if (opt_problem_lookup(name))
        return config_raise_here(L, "'%s' is not defined (a problem's name is a string: '%s')",
                                 name, name);
    if ((near = opt_nearest_name(name, problems, nproblems, sizeof *problems)))
        return config_raise_here(L, "'%s' is not defined (did you mean the problem '%s', in "
                                    "quotes?)", name, near);
    return config_raise_here(L, "'%s' is not defined", name);
}

/* _ENV.__newindex: every global assignment, checked where it is made.
 * Upvalues: name -> index, values. */
static int env_newindex(lua_State *L)
{
    opt_config *c = config_of(L);
    if (lua_type(L, 2) != LUA_TSTRING)
        return config_raise_here(L, "unknown key %s (parameters are names)", luaL_typename(L, 2));
    const char *name = lua_tostring(L, 2);
    lua_pushvalue(L, 2);
    if (lua_rawget(L, lua_upvalueindex(1)) != LUA_TNUMBER) {
        const char *near = opt_config_suggest(c, name);
        if (near)
            return config_raise_here(L, "unknown key '%s' (did you mean '%s'?)", name, near);
        return config_raise_here(L, "unknown key '%s' (use 'local' for helper variables)", name);
    }
    lua_Integer i = lua_tointeger(L, -1);
    const opt_param *p = &c->schema[i - 1];
    const char *why = config_check_value(L, p, 3);
    if (why)
        return config_raise_here(L, "key '%s': %s", p->name, why);
    lua_rawseti(L, lua_upvalueindex(2), i);
    char loc[WHERE_MAX];
    config_where_lua(L, 1, loc, sizeof loc);
    config_set_where(c, (size_t)(i - 1), loc[0] ? loc : "?");
    return 0;
}

/* ---- Checked replacements ------------------------------------------------------------- */

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

/* ---- Library functions charged to the budget ------------------------------------------ */

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
                config_where_lua(L, 1, c->mem_where, sizeof c->mem_where);
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
        if (lua_type(L, -1) == LUA_TSTRING && !config_has_location(lua_tostring(L, -1), NULL)) {
            char loc[WHERE_MAX];
            config_where_lua(L, 1, loc, sizeof loc);
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

/* ---- Building the sandbox ------------------------------------------------------------- */

/* Build the sandbox (run protected, before any budget): see config_impl.h. */
int config_open_sandbox(lua_State *L)
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
    luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);   /* 10: the libraries */

    for (const safe_name *s = safe_names; s < safe_names + SAFE_NAMES; s++) {
        if (s->checked) {
            lua_pushvalue(L, 9);
            lua_pushcclosure(L, s->checked, 1);
        } else if (s->library) {
            lua_getfield(L, 10, s->name);
            copy_library(L, lua_gettop(L), s->costs, s->drop);
            lua_remove(L, -2);
        } else
            lua_getfield(L, 2, s->name);
        lua_setfield(L, 8, s->name);
    }
    lua_pushliteral(L, LUA_VERSION);
    lua_setfield(L, 8, "_VERSION");
    lua_pop(L, 1);

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
void config_set_env(lua_State *L, const opt_config *c)
{
    lua_rawgeti(L, LUA_REGISTRYINDEX, c->ref_env);
    if (!lua_setupvalue(L, -2, 1))
        lua_pop(L, 1);
}
