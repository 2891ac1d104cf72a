/* config_impl.h — what the parts of config share (private to lib/config*.c).
 *
 * config.h is the contract; this header is how it is kept. The parts, each
 * a file with one job:
 *
 *   config.c            the config object, its one-line error, places and
 *                       the memory it hands out
 *   config_sandbox.c    the security boundary: the memory cap, the
 *                       instruction budget and the sandboxed _ENV
 *   config_schema.c     checking a value against its schema entry, the
 *                       words for numbers, types and names, --help
 *   config_load.c       running files, strings, --set and defaults
 *   config_read.c       reading values and records into C
 *   config_objective.c  Lua functions as objectives and plain calls
 *
 * The internal names start with config_ (the public ones with opt_config_).
 * Every function here works on one config from one thread.
 */
#ifndef OPT_CONFIG_IMPL_H
#define OPT_CONFIG_IMPL_H

#include <stdarg.h>
#include <stddef.h>

#include <lua.h>

#include "config.h"
#include "names.h"      /* opt_nearest_name: every "did you mean" */

#define ERR_MAX 512          /* an error line, with its trailing NUL */
#define WHERE_MAX 320        /* a location: "path:line" */

/* ---- The config object (config.c) ------------------------------------------ */

typedef struct config_block {    /* memory handed out to the caller, freed with c */
    struct config_block *next;
    max_align_t data[];
} config_block;

struct opt_config {
    const opt_param *schema;
    size_t count;
    lua_State *L;
    int status;              /* of the last error */
    int broken;              /* a default failed: refuse to load anything */
    char err[ERR_MAX];
    char **where;            /* per key: where its value came from (NULL: default) */
    const char **str_copy;   /* per key: the last string handed out */
    config_block *arena;
    /* limits, and the budget of the call in progress (config_sandbox.c) */
    long long instr_limit;
    size_t mem_cap, mem_used;
    long long remaining;
    int hook_step;
    int depth;               /* calls into Lua in progress */
    long long alloc_charged; /* the part of the budget spent on allocating */
    int budget_hit, mem_refused, sys_oom;
    char budget_msg[ERR_MAX];
    char mem_where[WHERE_MAX];
    /* registry references: the sandbox's _ENV and the table of values,
     * values[i + 1] being schema[i]'s */
    int ref_env, ref_values;
};

/* Where an operation's messages come from: a path, "--set eta=0.1",
 * "default eta=0.05" or a function's "path:line". key is the parameter an
 * expression assigns (--set, default), NULL for a chunk or a function. */
typedef struct config_origin {
    const char *name;
    const char *key;
} config_origin;

/* The config a Lua state belongs to (kept in the state's extra space). */
static inline opt_config *config_of(lua_State *L)
{
    return *(opt_config **)lua_getextraspace(L);
}

/* Memory that lives until opt_config_free(); NULL when out of memory. */
void *config_arena_alloc(opt_config *c, size_t size);
char *config_arena_strdup(opt_config *c, const char *s, size_t len);

/* Record the error "fmt, ..." with status and return the status. The
 * message is clipped to one line of ERR_MAX - 1 bytes ("..." at the end
 * when cut) with control characters made spaces. */
int config_fail(opt_config *c, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Control characters made spaces, trailing blanks dropped. */
void config_one_line(char *s);
/* After snprintf(buf, cap, ...) returned written: mark a cut with "...". */
void config_clip(char *buf, size_t cap, int written);

/* The schema index of name, or -1. */
long config_find_key(const opt_config *c, const char *name);
/* Note where key i got its value (NULL: the default). */
void config_set_where(opt_config *c, size_t i, const char *where);

/* "path:line" of a Lua debug record (the name alone for "=name" chunks). */
void config_format_source(const lua_Debug *ar, char *buf, size_t cap);
/* The place of the innermost Lua function at or above level; "" when none. */
void config_where_lua(lua_State *L, int level, char *buf, size_t cap);
/* Raise "place: message" from a C function called by Lua. */
int config_raise_here(lua_State *L, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Does the message start with a place ("file:12: ...", or origin_name)? */
int config_has_location(const char *m, const char *origin_name);
/* Turn a failed config_call_lua (Lua status st, the message on top of the
 * stack, popped) into the config's error, placed by o; the OPT_* status. */
int config_lua_failure(opt_config *c, int st, const config_origin *o);

/* ---- The sandbox (config_sandbox.c) ------------------------------------------ */

/* The allocator of the config's Lua state (ud is the config): enforces the
 * memory cap during calls into Lua and charges allocations to the budget. */
void *config_alloc(void *ud, void *ptr, size_t osize, size_t nsize);
/* lua_CFunction, run protected with the config as light userdata: build the
 * sandbox and set c->ref_env and c->ref_values. */
int config_open_sandbox(lua_State *L);
/* Make the function on top of the stack a sandboxed chunk (its _ENV). */
void config_set_env(lua_State *L, const opt_config *c);
/* Call the function below nargs arguments on the stack with a fresh
 * budget (nested calls share the outer one); a Lua status, with the
 * results or the message on the stack. */
int config_call_lua(opt_config *c, int nargs, int nresults);

/* ---- Values and words (config_schema.c) --------------------------------------- */

/* Check the value at idx against p. NULL: fine, and the value to store is
 * pushed (a list is copied). Otherwise the reason is pushed and returned
 * ("number expected, got string"). */
const char *config_check_value(lua_State *L, const opt_param *p, int idx);
/* OPT_OK, or OPT_EINVAL when the schema itself is wrong (a name that is not
 * an identifier, no accepted type, a name declared twice). */
int config_check_schema(opt_config *c);
/* A number as messages write it: "3", "0.05", "inf", "nan". */
const char *config_fmt_num(double v, char *buf, size_t cap);
/* A size: "256 MiB", "1.5 MiB", "100 bytes". */
const char *config_fmt_bytes(size_t b, char *buf, size_t cap);
int config_is_identifier(const char *s, size_t len);

/* ---- Loading (config_load.c) --------------------------------------------------- */

/* Evaluate expr as the value of key i; where names the origin
 * ("--set eta=0.1", or "default eta=0.05", which records no place). */
int config_assign_expression(opt_config *c, size_t i, const char *expr, size_t len,
                             const char *where);

/* ---- Reading (config_read.c) ---------------------------------------------------- */

/* Push key's value (raw: no Lua code runs); -1 when key is not a parameter. */
long config_push_value(const opt_config *c, const char *key);
/* The same for a caller's key: OPT_OK, or OPT_EINVAL recorded as
 * "key 'k': not a parameter" (nothing pushed). */
int config_push_parameter(opt_config *c, const char *key);

#endif
