/* config_objective.c — Lua functions as objectives, and plain calls.
 *
 * A parameter holding a problem's name becomes that problem (problems.h);
 * one holding a Lua function becomes an objective whose every evaluation
 * is a call into the sandbox with its own budget, its gradient a second
 * Lua function or, without one, diff.h's central differences. A failed
 * evaluation returns NaN and leaves its reason in opt_config_error().
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <lauxlib.h>

#include "config_impl.h"
#include "diff.h"
#include "problems.h"
#include "status.h"

/* ---- Lua functions ---------------------------------------------------------------------- */

typedef struct lua_objective {
    opt_config *c;
    int fref, gref;          /* registry references (LUA_NOREF: none) */
    size_t n;
    const char *key, *gkey;
    int failed;              /* a call failed in this gradient: skip the others */
    char origin[WHERE_MAX], gorigin[WHERE_MAX];   /* where f and g were defined */
} lua_objective;

/* "path:line" where the function on top of the stack was defined. */
static void function_origin(lua_State *L, char *buf, size_t cap)
{
    lua_Debug ar;
    lua_pushvalue(L, -1);
    if (lua_getinfo(L, ">S", &ar) && ar.linedefined > 0) {
        ar.currentline = ar.linedefined;
        config_format_source(&ar, buf, cap);
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
                return config_fail(c, OPT_ECONFIG, "%s: key '%s': entry %zu of the result: "
                                   "number expected, got %s", where, key, i + 1,
                                   lua_typename(L, t));
        }
        return OPT_OK;
    }
    if ((size_t)got < nres)
        return config_fail(c, OPT_ECONFIG, "%s: key '%s': %zu result%s expected, got %d",
                           where, key, nres, nres == 1 ? "" : "s", got);
    for (size_t i = 0; i < nres; i++) {
        if (lua_type(L, first + (int)i) != LUA_TNUMBER)
            return config_fail(c, OPT_ECONFIG, "%s: key '%s': result %zu: number expected, got %s",
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
        return config_fail(c, OPT_EINVAL, "%s: key '%s': too many arguments (%zu)", where, key,
                           nargs);
    lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
    for (size_t i = 0; i < nargs; i++)
        lua_pushnumber(L, args[i]);
    int st = config_call_lua(c, (int)nargs, LUA_MULTRET);
    int status;
    if (st != LUA_OK) {
        config_origin o = { where, NULL };
        status = config_lua_failure(c, st, &o);
    } else
        status = take_numbers(c, top + 1, lua_gettop(L) - top, res, nres, where, key);
    lua_settop(L, top);
    return status;
}

/* f alone, as diff.h's differences call it (g is NULL). Once a call has
 * failed, NaN without calling Lua again: the first failure's message stays. */
static double lua_value(const double *x, double *g, void *ctx)
{
    (void)g;
    lua_objective *o = ctx;
    double f;
    if (o->failed || call_numbers(o->c, o->fref, o->origin, o->key, x, o->n, &f, 1) != OPT_OK) {
        o->failed = 1;
        return NAN;
    }
    return f;
}

/* The gradient by diff.h's central differences, step OPT_H_CENTRAL.
 * OPT_ECONFIG when a call into Lua failed (the config's error says why),
 * OPT_ENOMEM; otherwise OPT_OK, with g all NaN when the differences cannot
 * be taken (f is not finite near x, or x is so large that the step does
 * not move it). */
static int difference_gradient(lua_objective *o, const double *x, double *g)
{
    const opt_objective value = {.n = o->n, .fdf = lua_value, .ctx = o};
    o->failed = 0;
    int st = opt_grad_central(&value, x, OPT_H_CENTRAL, g);
    if (o->failed)
        return OPT_ECONFIG;
    if (st == OPT_ENOMEM)
        return config_fail(o->c, OPT_ENOMEM, "%s: key '%s': out of memory", o->origin, o->key);
    for (size_t i = 0; st != OPT_OK && i < o->n; i++)
        g[i] = NAN;
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
                     : difference_gradient(o, x, g);
        if (st != OPT_OK)
            goto failed;
    }
    return f;
failed:
    for (size_t i = 0; g && i < o->n; i++)
        g[i] = NAN;
    return NAN;
}

/* Name the known problems, and say that a function would do where the key
 * takes one. */
static int unknown_problem(opt_config *c, const char *key, const char *name)
{
    size_t count;
    const opt_problem *all = opt_problem_list(&count);
    char known[300], hint[96];
    opt_names_join(known, sizeof known, all, count, sizeof *all);
    opt_name_hint(hint, sizeof hint, opt_nearest_name(name, all, count, sizeof *all));
    int takes_function = (c->schema[config_find_key(c, key)].types & OPT_T_FUNCTION) != 0;
    return opt_config_fail(c, key, "unknown problem '%s'%s; known problems: %s%s", name, hint,
                           known, takes_function ? " (or give a Lua function)" : "");
}

int opt_config_objective(opt_config *c, const char *key, const char *gkey, size_t n_hint,
                         opt_objective *out)
{
    if (!out)
        return c ? config_fail(c, OPT_EINVAL, "opt_config_objective: no output") : OPT_EINVAL;
    memset(out, 0, sizeof *out);
    if (!c)
        return OPT_EINVAL;
    lua_State *L = c->L;
    int top = lua_gettop(L);
    if (config_push_parameter(c, key) != OPT_OK)
        return c->status;
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
    lua_objective *o = config_arena_alloc(c, sizeof *o);
    if (!o) {
        lua_settop(L, top);
        return config_fail(c, OPT_ENOMEM, "key '%s': out of memory", key);
    }
    memset(o, 0, sizeof *o);
    o->c = c;
    o->n = n;
    o->key = c->schema[config_find_key(c, key)].name;
    o->gref = LUA_NOREF;
    function_origin(L, o->origin, sizeof o->origin);
    o->fref = luaL_ref(L, LUA_REGISTRYINDEX);
    if (gkey) {
        if (config_push_parameter(c, gkey) != OPT_OK) {
            lua_settop(L, top);
            return c->status;
        }
        t = lua_type(L, -1);
        if (t == LUA_TFUNCTION) {
            o->gkey = c->schema[config_find_key(c, gkey)].name;
            function_origin(L, o->gorigin, sizeof o->gorigin);
            o->gref = luaL_ref(L, LUA_REGISTRYINDEX);
        } else if (t != LUA_TNIL) {
            lua_settop(L, top);
            return opt_config_fail(c, gkey, "function expected, got %s", lua_typename(L, t));
        }
    }
    lua_settop(L, top);
    char *name = config_arena_alloc(c, strlen(o->origin) + 16);
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
        return config_fail(c, OPT_EINVAL, "key '%s': no argument or result array",
                           key ? key : "(null)");
    lua_State *L = c->L;
    int top = lua_gettop(L);
    if (config_push_parameter(c, key) != OPT_OK)
        return c->status;
    if (lua_type(L, -1) != LUA_TFUNCTION) {
        const char *t = luaL_typename(L, -1);
        lua_settop(L, top);
        return opt_config_fail(c, key, "function expected, got %s", t);
    }
    char where[WHERE_MAX];
    function_origin(L, where, sizeof where);
    int ref = luaL_ref(L, LUA_REGISTRYINDEX);
    int st = call_numbers(c, ref, where, c->schema[config_find_key(c, key)].name, args, nargs,
                          res, nres);
    luaL_unref(L, LUA_REGISTRYINDEX, ref);
    lua_settop(L, top);
    return st;
}


