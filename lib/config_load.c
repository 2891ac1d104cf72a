/* config_load.c — running a config: files, strings, --set and defaults.
 *
 * Each is compiled as text only (a binary chunk is refused: it could
 * break the VM) and run in the sandbox (config_sandbox.c) with a fresh
 * budget; the sandbox checks every assignment, and an expression's value
 * ("--set eta=0.1", a default) is checked here before it is stored.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "config_impl.h"
#include "status.h"

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
    config_set_env(L, j->c);
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
    config_set_env(L, j->c);
    lua_call(L, 0, LUA_MULTRET);
    int nres = lua_gettop(L) - 1;
    if (nres != 1) {
        if (nres == 0)
            return luaL_error(L, "key '%s': the expression has no value", p->name);
        return luaL_error(L, "key '%s': one value expected, got %d%s", p->name, nres,
                          (p->types & OPT_T_LIST) ? " (a list is written in braces: {1, 2})" : "");
    }
    const char *why = config_check_value(L, p, 2);
    if (why)
        return luaL_error(L, "key '%s': %s", p->name, why);
    lua_rawgeti(L, LUA_REGISTRYINDEX, j->c->ref_values);
    lua_insert(L, -2);
    lua_rawseti(L, -2, (lua_Integer)j->index + 1);
    return 0;
}

static int run_job(opt_config *c, lua_CFunction op, chunk_job *job, const config_origin *o)
{
    lua_State *L = c->L;
    int top = lua_gettop(L);
    lua_pushcfunction(L, op);
    lua_pushlightuserdata(L, job);
    int st = config_call_lua(c, 1, 0);
    int status = st == LUA_OK ? OPT_OK : config_lua_failure(c, st, o);
    lua_settop(L, top);
    return status;
}

/* Evaluate expr for key i; where names the origin ("--set eta=0.1"). */
int config_assign_expression(opt_config *c, size_t i, const char *expr, size_t len,
                             const char *where)
{
    size_t wlen = strlen(where);
    char *chunkname = malloc(wlen + 2);
    if (!chunkname)
        return config_fail(c, OPT_ENOMEM, "%s: out of memory", where);
    chunkname[0] = '=';
    memcpy(chunkname + 1, where, wlen + 1);
    chunk_job job = { c, expr, len, chunkname, i };
    config_origin o = { where, c->schema[i].name };
    int status = run_job(c, op_assign, &job, &o);
    free(chunkname);
    if (status == OPT_OK)
        config_set_where(c, i, strncmp(where, "default ", 8) == 0 ? NULL : where);
    return status;
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
            return config_fail(c, OPT_ENOMEM, "%s: out of memory", name);
        memcpy(copy, "--", 2);
        memcpy(copy + 2, buf, len);
        buf = copy;
        len += 2;
    }
    size_t nlen = strlen(name);
    char *chunkname = malloc(nlen + 2);
    if (!chunkname) {
        free(copy);
        return config_fail(c, OPT_ENOMEM, "%s: out of memory", name);
    }
    chunkname[0] = '@';
    memcpy(chunkname + 1, name, nlen + 1);
    chunk_job job = { c, buf, len, chunkname, 0 };
    config_origin o = { name, NULL };
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
        return config_fail(c, OPT_EINVAL, "%s: no source", chunkname);
    return load_buffer(c, source, strlen(source), chunkname);
}

int opt_config_load_file(opt_config *c, const char *path)
{
    if (!c)
        return OPT_EINVAL;
    if (c->broken)
        return c->status;
    if (!path || !*path)
        return config_fail(c, OPT_EINVAL, "config: no file name");
    FILE *f = fopen(path, "rb");
    if (!f)
        return config_fail(c, OPT_EIO, "%s: cannot open config (%s)", path, strerror(errno));
    char *buf = NULL;
    size_t len = 0, cap = 0;
    int err = 0;
    for (;;) {
        if (len == cap) {
            if (cap > c->mem_cap) {
                fclose(f);
                free(buf);
                return config_fail(c, OPT_EBUDGET, "%s: config larger than the memory limit", path);
            }
            cap = cap ? 2 * cap : 8192;
            char *nb = realloc(buf, cap);
            if (!nb) {
                fclose(f);
                free(buf);
                return config_fail(c, OPT_ENOMEM, "%s: out of memory", path);
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
        return config_fail(c, OPT_EIO, "%s: cannot read config (%s)", path, strerror(err));
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
        return config_fail(c, OPT_EINVAL, "--set: no assignment");
    if (c->broken)
        return c->status;
    const char *eq = strchr(assignment, '=');
    if (!eq)
        return config_fail(c, OPT_ECONFIG, "--set %s: expected key=value, as in --set eta=0.1",
                           assignment);
    const char *ks = assignment, *ke = eq, *vs = eq + 1, *ve = eq + strlen(eq);
    trim(&ks, &ke);
    trim(&vs, &ve);
    int klen = (int)(ke - ks);
    if (klen == 0)
        return config_fail(c, OPT_ECONFIG,
                           "--set %s: the key before '=' is missing, as in --set eta=0.1",
                           assignment);
    if (!config_is_identifier(ks, (size_t)klen))
        return config_fail(c, OPT_ECONFIG, "--set %s: '%.*s' is not a parameter name",
                           assignment, klen, ks);
    char key[128];
    snprintf(key, sizeof key, "%.*s", klen, ks);
    long i = config_find_key(c, key);
    if (i < 0) {
        const char *near = opt_config_suggest(c, key);
        if (near)
            return config_fail(c, OPT_ECONFIG, "--set %s: unknown key '%s' (did you mean '%s'?)",
                               assignment, key, near);
        return config_fail(c, OPT_ECONFIG,
                           "--set %s: unknown key '%s' (--help lists the parameters)",
                           assignment, key);
    }
    if (vs == ve)
        return config_fail(c, OPT_ECONFIG, "--set %s: key '%s': the value after '=' is missing",
                           assignment, key);
    size_t wlen = strlen(assignment) + 7;
    char *where = malloc(wlen);
    if (!where)
        return config_fail(c, OPT_ENOMEM, "--set %s: out of memory", assignment);
    snprintf(where, wlen, "--set %s", assignment);
    int status = config_assign_expression(c, (size_t)i, vs, (size_t)(ve - vs), where);
    free(where);
    return status;
}


