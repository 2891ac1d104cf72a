/* config.h — lab parameters from embedded Lua 5.4.
 *
 * A lab declares its parameters in C as a schema (name, accepted types,
 * default, range, one-line doc). A config is a plain Lua chunk that assigns
 * globals:
 *
 *     eta    = 0.05
 *     alphas = {0, 0.3, 0.9}
 *     objective = function(x, y) return x^2 - y^2 end
 *
 * Loading order: the schema's defaults, then each file given to
 * opt_config_load_file(), then each opt_config_set("key=expr"). Every
 * assignment is checked as soon as it is made: an unknown name (with the
 * nearest known name suggested), a value of the wrong type or out of range
 * is an OPT_ECONFIG whose one-line message names the place and the key:
 *
 *     params.lua:3: unknown key 'eat' (did you mean 'eta'?)
 *     --set eta=-1: key 'eta': -1 is out of range [0, 10]
 *
 * Configs run in a sandbox: only the math, string and table libraries and
 * the safe base functions (no io, os, require, load, dofile, ...). Every
 * call into Lua — loading a file, a --set, each evaluation of a Lua
 * objective — has its own instruction budget, and the Lua state has a
 * memory cap, so an endless loop or a runaway allocation ends with a clear
 * OPT_EBUDGET instead of a hang.
 */
#ifndef OPT_CONFIG_H
#define OPT_CONFIG_H

#include <stddef.h>
#include <stdio.h>
#include "objective.h"

/* Accepted types of a parameter (a bit mask: OPT_T_STRING | OPT_T_FUNCTION
 * for "a problem name or a Lua function"). */
enum {
    OPT_T_NUMBER   = 1u << 0,   /* any finite number */
    OPT_T_INT      = 1u << 1,   /* a number with an integer value */
    OPT_T_BOOL     = 1u << 2,
    OPT_T_STRING   = 1u << 3,
    OPT_T_LIST     = 1u << 4,   /* a sequence {1, 2, 3} of finite numbers */
    OPT_T_FUNCTION = 1u << 5,
    OPT_T_TABLE    = 1u << 6,   /* any table (records: a list of tables) */
    OPT_T_NIL      = 1u << 7    /* the parameter may be left unset */
};

typedef struct opt_param {
    const char *name;
    unsigned types;       /* OPT_T_* mask */
    const char *def;      /* the default as Lua source: "0.05", "{0, 0.3}",
                             "'rosenbrock'", "nil" (needs OPT_T_NIL) */
    double min, max;      /* inclusive range of numbers and list entries;
                             min == max == 0 means unconstrained */
    const char *doc;      /* one line for --help */
} opt_param;

typedef struct opt_config opt_config;

/* Default limits: instructions per call into Lua and bytes of Lua memory. */
#define OPT_CONFIG_INSTRUCTIONS 50000000L
#define OPT_CONFIG_MEMORY      (256u << 20)

/* A config for the schema (copied by pointer: it must outlive the config)
 * with every default evaluated. NULL when out of memory; when a default
 * does not satisfy its own schema that is a programming error, reported by
 * opt_config_error() on the returned object and a non-OK opt_config_status(). */
opt_config *opt_config_new(const opt_param *schema, size_t count);
void opt_config_free(opt_config *c);
int opt_config_status(const opt_config *c);
/* Change the limits (before loading). */
void opt_config_set_limits(opt_config *c, long instructions_per_call, size_t memory_bytes);

/* Run the Lua file at path in the sandbox and check every global it
 * assigns. OPT_OK, OPT_EIO (missing or unreadable file), OPT_ECONFIG
 * (syntax error, runtime error, unknown key, wrong type, out of range) or
 * OPT_EBUDGET. On error opt_config_error() says what and where. */
int opt_config_load_file(opt_config *c, const char *path);
/* Same for a chunk held in memory; chunkname names it in messages. */
int opt_config_load_string(opt_config *c, const char *source, const char *chunkname);
/* Apply "key=expr" where expr is any Lua expression ("eta=0.1",
 * "alphas={0,0.5}", "objective='saddle'"). */
int opt_config_set(opt_config *c, const char *assignment);

/* The last error as one line without a trailing newline ("" when none). */
const char *opt_config_error(const opt_config *c);
/* Where key got its current value: "labs/01-gradients/params.lua:12",
 * "--set eta=0.1" or "default". */
const char *opt_config_where(const opt_config *c, const char *key);
/* Record an error about key found by the caller (an unknown method name in
 * a table, say) as "<where>: key '<key>': <message>" and return
 * OPT_ECONFIG. */
int opt_config_fail(opt_config *c, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* --- Reading values (key must be in the schema) ------------------------ */
/* The OPT_T_* bit of the value's current type (OPT_T_INT for integral
 * numbers, OPT_T_NUMBER otherwise, OPT_T_LIST for a sequence of numbers). */
unsigned opt_config_type(const opt_config *c, const char *key);
double opt_config_number(const opt_config *c, const char *key);
long opt_config_int(const opt_config *c, const char *key);
int opt_config_bool(const opt_config *c, const char *key);
/* NULL when the value is not a string; valid until opt_config_free(). */
const char *opt_config_string(const opt_config *c, const char *key);
/* Copies up to cap entries into out; returns the list's length. */
size_t opt_config_list(const opt_config *c, const char *key, double *out, size_t cap);

/* A list of tables, such as methods = { {name = "gd", lr = 0.1}, ... },
 * read into C. Each table becomes a record of fields; a field whose value
 * is a table of scalars becomes a nested record (schedule = {name = ...}). */
typedef struct opt_record opt_record;
typedef struct opt_field {
    const char *key;
    unsigned type;          /* OPT_T_NUMBER/INT, OPT_T_BOOL, OPT_T_STRING, OPT_T_TABLE */
    double num;             /* numbers and booleans (0 or 1) */
    const char *str;        /* strings */
    const opt_record *sub;  /* tables */
} opt_field;
struct opt_record { size_t count; const opt_field *fields; };

/* The records of key (storage owned by c). OPT_ECONFIG when the value is
 * not a list of tables of numbers, booleans, strings and such tables. */
int opt_config_records(opt_config *c, const char *key,
                       const opt_record **records, size_t *count);
/* The field called key in r, or NULL. */
const opt_field *opt_record_get(const opt_record *r, const char *key);

/* --- Lua functions ---------------------------------------------------------- */
/* An objective from key: a problem name (problems.h registry) or a Lua
 * function of n numbers returning one number. gkey (may be NULL) names an
 * optional Lua function of the same n numbers returning n numbers, the
 * gradient; without it the gradient is taken by central differences
 * (diff.h's opt_grad_central, step OPT_H_CENTRAL; all NaN where they cannot
 * be taken, as when f is not finite near x).
 * n is the function's number of parameters; for a vararg function, n_hint.
 * A Lua error or budget overrun during an evaluation makes fdf return NaN
 * and leaves the message in opt_config_error(). */
int opt_config_objective(opt_config *c, const char *key, const char *gkey,
                         size_t n_hint, opt_objective *out);
/* Call the Lua function at key with nargs numbers; store up to nres
 * numeric results. OPT_ECONFIG when it errs or returns a non-number. */
int opt_config_call(opt_config *c, const char *key, const double *args, size_t nargs,
                    double *res, size_t nres);

/* --- Help ------------------------------------------------------------------- */
/* One line a parameter: name, type, default, range, doc. */
void opt_config_print_help(const opt_config *c, FILE *out);
/* The schema entry closest to name by edit distance, or NULL when none is
 * close (used for "did you mean"). */
const char *opt_config_suggest(const opt_config *c, const char *name);

#endif
