/* config.c — lab parameters from embedded Lua 5.4 (see config.h): the
 * config object, its one-line error and the places messages name.
 *
 * The other parts, each a file with one job, share config_impl.h:
 * config_sandbox.c (the memory cap, the instruction budget and the sandbox:
 * the security boundary), config_schema.c (checking values, the words of
 * messages, --help), config_load.c (files, strings, --set), config_read.c
 * (values and records into C), config_objective.c (Lua objectives).
 *
 * Every message a student sees about a config is made one line here
 * (config_fail) and placed the same way: "file:line: ...", "--set ...:" or
 * "default ...:", then the key when there is one.
 *
 * Not thread-safe: one config, one thread (a Lua state is not shared).
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "config_impl.h"
#include "status.h"

/* ---- Memory handed out and the one-line error ---------------------------------- */

void *config_arena_alloc(opt_config *c, size_t size)
{
    if (size > SIZE_MAX - sizeof(config_block))
        return NULL;
    config_block *b = malloc(sizeof(config_block) + size);
    if (!b)
        return NULL;
    b->next = c->arena;
    c->arena = b;
    return b->data;
}

char *config_arena_strdup(opt_config *c, const char *s, size_t len)
{
    char *d = config_arena_alloc(c, len + 1);
    if (d) {
        memcpy(d, s, len);
        d[len] = '\0';
    }
    return d;
}

/* Control characters would break the one-line rule: make them spaces. */
void config_one_line(char *s)
{
    for (char *p = s; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            *p = ' ';
    size_t n = strlen(s);
    while (n > 0 && s[n - 1] == ' ')
        s[--n] = '\0';
}

void config_clip(char *buf, size_t cap, int written)
{
    if (written >= (int)cap && cap > 4)
        memcpy(buf + cap - 4, "...", 4);
}

int config_fail(opt_config *c, int status, const char *fmt, ...)
{
    char msg[ERR_MAX];
    va_list ap;
    va_start(ap, fmt);
    config_clip(msg, sizeof msg, vsnprintf(msg, sizeof msg, fmt, ap));
    va_end(ap);
    config_one_line(msg);
    memcpy(c->err, msg, sizeof msg);
    c->status = status;
    return status;
}

long config_find_key(const opt_config *c, const char *name)
{
    if (!c || !name)
        return -1;
    for (size_t i = 0; i < c->count; i++)
        if (strcmp(c->schema[i].name, name) == 0)
            return (long)i;
    return -1;
}

void config_set_where(opt_config *c, size_t i, const char *where)
{
    free(c->where[i]);
    c->where[i] = where ? strdup(where) : NULL;
}

/* ---- The error and where values came from ------------------------------------------------------------- */

const char *opt_config_error(const opt_config *c)
{
    return c ? c->err : "";
}

const char *opt_config_where(const opt_config *c, const char *key)
{
    long i = config_find_key(c, key);
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
    config_clip(msg, sizeof msg, vsnprintf(msg, sizeof msg, fmt ? fmt : "", ap));
    va_end(ap);
    if (config_find_key(c, key) >= 0)
        return config_fail(c, OPT_ECONFIG, "%s: key '%s': %s", opt_config_where(c, key), key,
                           msg);
    if (key)
        return config_fail(c, OPT_ECONFIG, "key '%s': %s", key, msg);
    return config_fail(c, OPT_ECONFIG, "%s", msg);
}

/* ---- Making and freeing a config ---------------------------------------------------- */

/* The sandbox is built before any budget; then each default is evaluated
 * as an expression, like a --set, so a default that does not satisfy its
 * own schema is reported the way a student's value would be. */
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
    if (config_check_schema(c) != OPT_OK) {
        c->broken = 1;
        return c;
    }
    lua_pushcfunction(c->L, config_open_sandbox);
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
        int st = config_assign_expression(c, i, def, strlen(def), where);
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
        config_block *next = c->arena->next;
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

/* ---- Places in Lua code --------------------------------------------------------------- */

/* "path:line" for a file (the path as the caller gave it), the name alone
 * for a one-line expression ("--set eta=0.1"). */
void config_format_source(const lua_Debug *ar, char *buf, size_t cap)
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
void config_where_lua(lua_State *L, int level, char *buf, size_t cap)
{
    lua_Debug ar;
    buf[0] = '\0';
    for (; lua_getstack(L, level, &ar); level++)
        if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
            config_format_source(&ar, buf, cap);
            return;
        }
}

/* Raise "location: message" from a C function called by Lua. */
int config_raise_here(lua_State *L, const char *fmt, ...)
{
    char loc[WHERE_MAX], msg[ERR_MAX];
    va_list ap;
    va_start(ap, fmt);
    config_clip(msg, sizeof msg, vsnprintf(msg, sizeof msg, fmt, ap));
    va_end(ap);
    config_where_lua(L, 1, loc, sizeof loc);
    if (loc[0])
        lua_pushfstring(L, "%s: %s", loc, msg);
    else
        lua_pushstring(L, msg);
    return lua_error(L);
}

/* Does a message start with a place ("file:12: ...", or the origin)? */
int config_has_location(const char *m, const char *origin_name)
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

/* ---- Failed calls into Lua ---------------------------------------------------------- */

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
int config_lua_failure(opt_config *c, int st, const config_origin *o)
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
                 c->mem_where[0] ? ": " : "", config_fmt_bytes(c->mem_cap, cap, sizeof cap));
        status = OPT_EBUDGET;
    } else
        config_clip(raw, sizeof raw,
                    snprintf(raw, sizeof raw, "%s", m ? m : "error without a message"));
    lua_pop(L, 1);
    if (o->key) {
        const char *rest = strip_origin(raw, o->name);
        if (strncmp(rest, "key '", 5) == 0)
            return config_fail(c, status, "%s: %s", o->name, rest);
        return config_fail(c, status, "%s: key '%s': %s", o->name, o->key, rest);
    }
    if (!config_has_location(raw, o->name))
        return config_fail(c, status, "%s: %s", o->name, raw);
    return config_fail(c, status, "%s", raw);
}


