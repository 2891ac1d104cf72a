/* test_config.c — lab parameters from embedded Lua (lib/config.c).
 *
 * Defaults, files, --set, the exact shape of every kind of error, the
 * sandbox, the instruction budget and memory cap, Lua objectives, records,
 * where() and help.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "diff.h"
#include "problems.h"
#include "status.h"

static const opt_param schema[] = {
    {"eta", OPT_T_NUMBER, "0.05", 0, 10, "step size"},
    {"steps", OPT_T_INT, "100", 1, 1e7, "steps per run"},
    {"verbose", OPT_T_BOOL, "false", 0, 0, "say more"},
    {"name", OPT_T_STRING, "'gd'", 0, 0, "method name"},
    {"alphas", OPT_T_LIST, "{0, 0.3, 0.9}", 0, 1, "momentum values"},
    {"start", OPT_T_LIST | OPT_T_NIL, "nil", 0, 0, "start point"},
    {"objective", OPT_T_STRING | OPT_T_FUNCTION, "'rosenbrock'", 0, 0, "problem or function"},
    {"gradient", OPT_T_FUNCTION | OPT_T_NIL, "nil", 0, 0, "gradient of a Lua objective"},
    {"methods", OPT_T_TABLE | OPT_T_NIL, "{ {name = 'gd', lr = 0.1} }", 0, 0, "methods"},
    {"schedule", OPT_T_FUNCTION | OPT_T_NIL, "nil", 0, 0, "learning-rate schedule"},
};
#define NSCHEMA (sizeof schema / sizeof *schema)

/* No .timeout: Criterion 2.4.1's runner leaks 48 bytes per run when a test
 * has one, which fails the SAN=1 build; every runaway case here is bounded
 * by the budget and checked against TIME_LIMIT instead.
 *
 * A runaway config must end within 2 s. AddressSanitizer makes the big
 * allocations of the allocation-heavy cases several times slower, so a
 * sanitizer build (SAN=1) is given more. */
#if defined(__SANITIZE_ADDRESS__)
#define TIME_LIMIT 8.0
#else
#define TIME_LIMIT 2.0
#endif

static opt_config *cfg(void)
{
    opt_config *c = opt_config_new(schema, NSCHEMA);
    cr_assert_not_null(c);
    cr_assert_eq(opt_config_status(c), OPT_OK, "defaults: %s", opt_config_error(c));
    return c;
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static void assert_one_line(const char *m)
{
    cr_assert(m[0] != '\0', "empty error message");
    cr_assert_null(strchr(m, '\n'), "message has a newline: [%s]", m);
    cr_assert_null(strchr(m, '\r'), "message has a carriage return: [%s]", m);
    cr_assert(m[strlen(m) - 1] != ' ', "trailing space: [%s]", m);
}

static void assert_error(const opt_config *c, const char *expected)
{
    assert_one_line(opt_config_error(c));
    cr_assert_str_eq(opt_config_error(c), expected);
}

static void assert_error_re(const opt_config *c, const char *pattern)
{
    const char *m = opt_config_error(c);
    assert_one_line(m);
    regex_t re;
    cr_assert_eq(regcomp(&re, pattern, REG_EXTENDED | REG_NOSUB), 0, "bad regex %s", pattern);
    int r = regexec(&re, m, 0, NULL, 0);
    regfree(&re);
    cr_assert_eq(r, 0, "error [%s] does not match /%s/", m, pattern);
}

/* Load src as "params.lua" and expect status. */
static void load_expect(opt_config *c, const char *src, int status)
{
    int st = opt_config_load_string(c, src, "params.lua");
    cr_assert_eq(st, status, "status %d (want %d) for [%s]: %s", st, status, src,
                 opt_config_error(c));
}

static void set_ok(opt_config *c, const char *assignment)
{
    int st = opt_config_set(c, assignment);
    cr_assert_eq(st, OPT_OK, "--set %s: %s", assignment, opt_config_error(c));
}

/* A file under a fresh temporary directory; returns its path (static). */
static const char *write_file(const char *name, const char *text)
{
    static char dir[64], path[128];
    snprintf(dir, sizeof dir, "/tmp/test_config.XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

static void remove_file(const char *path)
{
    char dir[128];
    snprintf(dir, sizeof dir, "%s", path);
    unlink(path);
    *strrchr(dir, '/') = '\0';
    rmdir(dir);
}

/* ---- Defaults, files, --set --------------------------------------------- */

Test(config, defaults)
{
    opt_config *c = cfg();
    cr_assert_float_eq(opt_config_number(c, "eta"), 0.05, 1e-15);
    cr_assert_eq(opt_config_int(c, "steps"), 100);
    cr_assert_eq(opt_config_bool(c, "verbose"), 0);
    cr_assert_str_eq(opt_config_string(c, "name"), "gd");
    double a[4] = {0};
    cr_assert_eq(opt_config_list(c, "alphas", a, 4), 3);
    cr_assert_eq(a[0], 0);
    cr_assert_eq(a[1], 0.3);
    cr_assert_eq(a[2], 0.9);
    cr_assert_eq(opt_config_type(c, "eta"), OPT_T_NUMBER);
    cr_assert_eq(opt_config_type(c, "steps"), OPT_T_INT);
    cr_assert_eq(opt_config_type(c, "verbose"), OPT_T_BOOL);
    cr_assert_eq(opt_config_type(c, "name"), OPT_T_STRING);
    cr_assert_eq(opt_config_type(c, "alphas"), OPT_T_LIST);
    cr_assert_eq(opt_config_type(c, "start"), OPT_T_NIL);
    cr_assert_eq(opt_config_type(c, "methods"), OPT_T_TABLE);
    cr_assert_eq(opt_config_type(c, "nosuchkey"), 0);
    for (size_t i = 0; i < NSCHEMA; i++)
        cr_assert_str_eq(opt_config_where(c, schema[i].name), "default");
    cr_assert_str_eq(opt_config_error(c), "");
    opt_config_free(c);
}

Test(config, load_string_overrides_and_records_where)
{
    opt_config *c = cfg();
    load_expect(c,
                "-- a comment\n"
                "eta = 0.1\n"
                "steps = 2^4          -- 16.0 is an integer value\n"
                "local helper = 3\n"
                "name = 'adam' .. helper\n"
                "alphas = {0.5}\n"
                "verbose = true\n"
                "eta = eta * 2        -- reads the value just set\n",
                OPT_OK);
    cr_assert_float_eq(opt_config_number(c, "eta"), 0.2, 1e-15);
    cr_assert_eq(opt_config_int(c, "steps"), 16);
    cr_assert_eq(opt_config_type(c, "steps"), OPT_T_INT);
    cr_assert_str_eq(opt_config_string(c, "name"), "adam3");
    cr_assert_eq(opt_config_list(c, "alphas", NULL, 0), 1);
    cr_assert_eq(opt_config_bool(c, "verbose"), 1);
    cr_assert_str_eq(opt_config_where(c, "eta"), "params.lua:8");
    cr_assert_str_eq(opt_config_where(c, "steps"), "params.lua:3");
    cr_assert_str_eq(opt_config_where(c, "start"), "default");
    opt_config_free(c);
}

Test(config, load_file_uses_the_path_as_given)
{
    const char *path = write_file("params.lua", "#!/usr/bin/env lua\neta = 0.25\n\nsteps = 7\n");
    opt_config *c = cfg();
    cr_assert_eq(opt_config_load_file(c, path), OPT_OK, "%s", opt_config_error(c));
    cr_assert_eq(opt_config_number(c, "eta"), 0.25);
    cr_assert_eq(opt_config_int(c, "steps"), 7);
    char want[256];
    snprintf(want, sizeof want, "%s:4", path);
    cr_assert_str_eq(opt_config_where(c, "steps"), want);
    opt_config_free(c);
    remove_file(path);
}

Test(config, set_with_expressions)
{
    opt_config *c = cfg();
    set_ok(c, "eta=0.1*2");
    cr_assert_float_eq(opt_config_number(c, "eta"), 0.2, 1e-15);
    cr_assert_str_eq(opt_config_where(c, "eta"), "--set eta=0.1*2");
    set_ok(c, "eta=eta/4");
    cr_assert_float_eq(opt_config_number(c, "eta"), 0.05, 1e-15);
    set_ok(c, " steps = 2^10 ");
    cr_assert_eq(opt_config_int(c, "steps"), 1024);
    set_ok(c, "alphas={0, 0.5}");
    double a[2];
    cr_assert_eq(opt_config_list(c, "alphas", a, 2), 2);
    cr_assert_eq(a[1], 0.5);
    set_ok(c, "objective='saddle'");
    cr_assert_str_eq(opt_config_string(c, "objective"), "saddle");
    set_ok(c, "eta=math.sqrt(0.04)");
    cr_assert_float_eq(opt_config_number(c, "eta"), 0.2, 1e-15);
    set_ok(c, "start={-1.2, 1}");
    cr_assert_eq(opt_config_type(c, "start"), OPT_T_LIST);
    set_ok(c, "start=nil");
    cr_assert_eq(opt_config_type(c, "start"), OPT_T_NIL);
    set_ok(c, "name=('ab'):rep(2, '-')");
    cr_assert_str_eq(opt_config_string(c, "name"), "ab-ab");
    opt_config_free(c);
}

Test(config, file_then_set)
{
    opt_config *c = cfg();
    load_expect(c, "eta = 0.3", OPT_OK);
    set_ok(c, "eta=0.4");
    cr_assert_eq(opt_config_number(c, "eta"), 0.4);
    cr_assert_str_eq(opt_config_where(c, "eta"), "--set eta=0.4");
    opt_config_free(c);
}

Test(config, strings_stay_valid_until_free)
{
    opt_config *c = cfg();
    const char *a = opt_config_string(c, "name");
    set_ok(c, "name='a' .. ('b'):rep(100)");
    const char *b = opt_config_string(c, "name");
    cr_assert_str_eq(a, "gd");
    cr_assert_eq(strlen(b), 101);
    cr_assert_eq(opt_config_string(c, "name"), b, "same value, same copy");
    cr_assert_null(opt_config_string(c, "eta"));
    opt_config_free(c);
}

Test(config, a_list_is_copied_when_assigned)
{
    opt_config *c = cfg();
    load_expect(c, "local t = {0.1, 0.2}\nalphas = t\nt[1] = 'x'\nt.y = 5\n", OPT_OK);
    double a[2];
    cr_assert_eq(opt_config_list(c, "alphas", a, 2), 2);
    cr_assert_eq(a[0], 0.1);
    cr_assert_eq(opt_config_type(c, "alphas"), OPT_T_LIST);
    opt_config_free(c);
}

/* ---- Errors: the exact one-line messages --------------------------------- */

Test(config, unknown_key_with_suggestion)
{
    opt_config *c = cfg();
    load_expect(c, "eta = 0.1\n\neat = 0.2\n", OPT_ECONFIG);
    assert_error(c, "params.lua:3: unknown key 'eat' (did you mean 'eta'?)");
    load_expect(c, "stpes = 5", OPT_ECONFIG);
    assert_error(c, "params.lua:1: unknown key 'stpes' (did you mean 'steps'?)");
    load_expect(c, "Alphas = {}", OPT_ECONFIG);
    assert_error(c, "params.lua:1: unknown key 'Alphas' (did you mean 'alphas'?)");
    opt_config_free(c);
}

Test(config, unknown_key_without_suggestion)
{
    opt_config *c = cfg();
    load_expect(c, "helper = 3", OPT_ECONFIG);
    assert_error(c, "params.lua:1: unknown key 'helper' (use 'local' for helper variables)");
    load_expect(c, "\nfunction f(x) return x end", OPT_ECONFIG);
    assert_error(c, "params.lua:2: unknown key 'f' (use 'local' for helper variables)");
    opt_config_free(c);
}

Test(config, wrong_type)
{
    opt_config *c = cfg();
    load_expect(c, "steps = 10\neta = 'fast'", OPT_ECONFIG);
    assert_error(c, "params.lua:2: key 'eta': number expected, got string");
    load_expect(c, "objective = 3", OPT_ECONFIG);
    assert_error(c, "params.lua:1: key 'objective': string or function expected, got number");
    load_expect(c, "gradient = {}", OPT_ECONFIG);
    assert_error(c, "params.lua:1: key 'gradient': function or nil expected, got table");
    load_expect(c, "verbose = 1", OPT_ECONFIG);
    assert_error(c, "params.lua:1: key 'verbose': boolean expected, got number");
    load_expect(c, "alphas = 0.5", OPT_ECONFIG);
    assert_error(c, "params.lua:1: key 'alphas': list expected, got number");
    load_expect(c, "eta = nil", OPT_ECONFIG);
    assert_error(c, "params.lua:1: key 'eta': number expected, got nil");
    opt_config_free(c);
}

Test(config, out_of_range_and_non_finite)
{
    opt_config *c = cfg();
    load_expect(c, "eta = -1", OPT_ECONFIG);
    assert_error(c, "params.lua:1: key 'eta': -1 is out of range [0, 10]");
    load_expect(c, "eta = 10.5", OPT_ECONFIG);
    assert_error(c, "params.lua:1: key 'eta': 10.5 is out of range [0, 10]");
    load_expect(c, "eta = 1/0", OPT_ECONFIG);
    assert_error(c, "params.lua:1: key 'eta': inf is not a finite number");
    load_expect(c, "eta = 0/0", OPT_ECONFIG);
    assert_error(c, "params.lua:1: key 'eta': nan is not a finite number");
    load_expect(c, "steps = 0", OPT_ECONFIG);
    assert_error(c, "params.lua:1: key 'steps': 0 is out of range [1, 10000000]");
    load_expect(c, "steps = 2.5", OPT_ECONFIG);
    assert_error(c, "params.lua:1: key 'steps': integer expected, got 2.5");
    cr_assert_eq(opt_config_number(c, "eta"), 0.05, "failed assignments change nothing");
    opt_config_free(c);
}

Test(config, list_entries)
{
    opt_config *c = cfg();
    load_expect(c, "alphas = {0, 'x'}", OPT_ECONFIG);
    assert_error(c, "params.lua:1: key 'alphas': entry 2: number expected, got string");
    load_expect(c, "alphas = {0, 2}", OPT_ECONFIG);
    assert_error(c, "params.lua:1: key 'alphas': entry 2: 2 is out of range [0, 1]");
    load_expect(c, "alphas = {0, 0/0}", OPT_ECONFIG);
    assert_error(c, "params.lua:1: key 'alphas': entry 2: nan is not a finite number");
    load_expect(c, "alphas = {0.1, x = 0.2}", OPT_ECONFIG);
    assert_error(c, "params.lua:1: key 'alphas': a list of numbers expected, but the table has "
                    "the key 'x'");
    load_expect(c, "alphas = {0.1, nil, 0.3}", OPT_ECONFIG);
    assert_error(c, "params.lua:1: key 'alphas': entry 2: number expected, got nil");
    load_expect(c, "alphas = {}", OPT_OK);
    cr_assert_eq(opt_config_list(c, "alphas", NULL, 0), 0);
    opt_config_free(c);
}

Test(config, syntax_and_runtime_errors)
{
    opt_config *c = cfg();
    load_expect(c, "eta = 0.1\nsteps = = 3\n", OPT_ECONFIG);
    assert_error_re(c, "^params\\.lua:2: .*near '='$");
    load_expect(c, "eta = [[a\nb]] x", OPT_ECONFIG);      /* a token with a newline */
    assert_error_re(c, "^params\\.lua:[0-9]+: ");
    load_expect(c, "eta = 1 + {}", OPT_ECONFIG);
    assert_error_re(c, "^params\\.lua:1: attempt to perform arithmetic on a table value");
    load_expect(c, "\nerror('bad\\nthing')", OPT_ECONFIG);
    assert_error(c, "params.lua:2: bad thing");
    load_expect(c, "error('no place', 0)", OPT_ECONFIG);
    assert_error(c, "params.lua: no place");
    load_expect(c, "error({})", OPT_ECONFIG);
    assert_error(c, "params.lua:1: (error object is a table value)");
    load_expect(c, "eta = lr", OPT_ECONFIG);
    assert_error(c, "params.lua:1: 'lr' is not defined");
    load_expect(c, "eta = maht.pi", OPT_ECONFIG);
    assert_error(c, "params.lua:1: 'maht' is not defined (did you mean 'math'?)");
    load_expect(c, "objective = saddle", OPT_ECONFIG);
    assert_error(c, "params.lua:1: 'saddle' is not defined (a problem's name is a string: "
                    "'saddle')");
    load_expect(c, "\x1bLua", OPT_ECONFIG);
    assert_error_re(c, "binary chunk");
    opt_config_free(c);
}

Test(config, missing_file)
{
    opt_config *c = cfg();
    cr_assert_eq(opt_config_load_file(c, "no/such/dir/nofile.lua"), OPT_EIO);
    assert_error(c, "no/such/dir/nofile.lua: cannot open config (No such file or directory)");
    cr_assert_eq(opt_config_load_file(c, "/tmp"), OPT_EIO);
    assert_error(c, "/tmp: cannot read config (Is a directory)");
    cr_assert_eq(opt_config_status(c), OPT_EIO);
    opt_config_free(c);
}

Test(config, set_errors)
{
    opt_config *c = cfg();
    cr_assert_eq(opt_config_set(c, "eta=-1"), OPT_ECONFIG);
    assert_error(c, "--set eta=-1: key 'eta': -1 is out of range [0, 10]");
    cr_assert_eq(opt_config_set(c, "eta=abc"), OPT_ECONFIG);
    assert_error(c, "--set eta=abc: key 'eta': 'abc' is not defined");
    cr_assert_eq(opt_config_set(c, "eta='abc'"), OPT_ECONFIG);
    assert_error(c, "--set eta='abc': key 'eta': number expected, got string");
    cr_assert_eq(opt_config_set(c, "eat=0.1"), OPT_ECONFIG);
    assert_error(c, "--set eat=0.1: unknown key 'eat' (did you mean 'eta'?)");
    cr_assert_eq(opt_config_set(c, "zzz=1"), OPT_ECONFIG);
    assert_error(c, "--set zzz=1: unknown key 'zzz' (--help lists the parameters)");
    cr_assert_eq(opt_config_set(c, "eta"), OPT_ECONFIG);
    assert_error(c, "--set eta: expected key=value, as in --set eta=0.1");
    cr_assert_eq(opt_config_set(c, "eta="), OPT_ECONFIG);
    assert_error(c, "--set eta=: key 'eta': the value after '=' is missing");
    cr_assert_eq(opt_config_set(c, "=1"), OPT_ECONFIG);
    assert_error(c, "--set =1: the key before '=' is missing, as in --set eta=0.1");
    cr_assert_eq(opt_config_set(c, "os.x=1"), OPT_ECONFIG);
    assert_error(c, "--set os.x=1: 'os.x' is not a parameter name");
    cr_assert_eq(opt_config_set(c, "eta=1 +"), OPT_ECONFIG);
    assert_error_re(c, "^--set eta=1 \\+: key 'eta': .*near <eof>$");
    cr_assert_eq(opt_config_set(c, "alphas=0.1,0.2"), OPT_ECONFIG);
    assert_error(c, "--set alphas=0.1,0.2: key 'alphas': one value expected, got 2 (a list is "
                    "written in braces: {1, 2})");
    cr_assert_eq(opt_config_set(c, "eta=error('boom')"), OPT_ECONFIG);
    assert_error(c, "--set eta=error('boom'): key 'eta': boom");
    cr_assert_eq(opt_config_set(c, "eta=1); os.exit(1"), OPT_ECONFIG);
    assert_error_re(c, "^--set eta=1\\); os.exit\\(1: key 'eta': ");
    cr_assert_eq(opt_config_number(c, "eta"), 0.05);
    /* a long --set: Lua shortens its chunk name, the message does not */
    char big[200];
    snprintf(big, sizeof big, "eta=%s", "1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + x");
    cr_assert_eq(opt_config_set(c, big), OPT_ECONFIG);
    char want[300];
    snprintf(want, sizeof want, "--set %s: key 'eta': 'x' is not defined", big);
    assert_error(c, want);
    cr_assert_eq(opt_config_set(c, "eta=1 + nil"), OPT_ECONFIG);
    assert_error_re(c, "^--set eta=1 \\+ nil: key 'eta': attempt to perform arithmetic on a nil");
    opt_config_free(c);
}

Test(config, suggestions)
{
    opt_config *c = cfg();
    cr_assert_str_eq(opt_config_suggest(c, "eat"), "eta");
    cr_assert_str_eq(opt_config_suggest(c, "ETA"), "eta");
    cr_assert_str_eq(opt_config_suggest(c, "stpes"), "steps");
    cr_assert_str_eq(opt_config_suggest(c, "alpha"), "alphas");
    cr_assert_str_eq(opt_config_suggest(c, "objectiv"), "objective");
    cr_assert_null(opt_config_suggest(c, "xyz"));
    cr_assert_null(opt_config_suggest(c, "lr"));
    cr_assert_null(opt_config_suggest(c, NULL));
    opt_config_free(c);
}

Test(config, bad_default_is_reported)
{
    static const opt_param bad[] = {
        {"steps", OPT_T_INT, "10", 1, 100, "ok"},
        {"eta", OPT_T_NUMBER, "-1", 0, 10, "out of its own range"},
    };
    opt_config *c = opt_config_new(bad, 2);
    cr_assert_not_null(c);
    cr_assert_eq(opt_config_status(c), OPT_ECONFIG);
    assert_error(c, "default eta=-1: key 'eta': -1 is out of range [0, 10]");
    cr_assert_eq(opt_config_set(c, "steps=5"), OPT_ECONFIG, "a broken config loads nothing");
    opt_config_free(c);

    static const opt_param twice[] = {
        {"eta", OPT_T_NUMBER, "1", 0, 0, ""}, {"eta", OPT_T_NUMBER, "1", 0, 0, ""},
    };
    c = opt_config_new(twice, 2);
    cr_assert_eq(opt_config_status(c), OPT_EINVAL);
    assert_error(c, "schema: key 'eta' is declared twice");
    opt_config_free(c);

    static const opt_param nodef[] = { {"f", OPT_T_FUNCTION, NULL, 0, 0, ""} };
    c = opt_config_new(nodef, 1);
    cr_assert_eq(opt_config_status(c), OPT_ECONFIG);
    assert_error(c, "default f=nil: key 'f': function expected, got nil");
    opt_config_free(c);
}

Test(config, misuse_is_harmless)
{
    opt_config_free(NULL);
    cr_assert_str_eq(opt_config_error(NULL), "");
    cr_assert_eq(opt_config_set(NULL, "eta=1"), OPT_EINVAL);
    cr_assert_eq(opt_config_load_file(NULL, "x.lua"), OPT_EINVAL);
    opt_config *c = cfg();
    cr_assert_eq(opt_config_set(c, NULL), OPT_EINVAL);
    cr_assert_eq(opt_config_load_file(c, NULL), OPT_EINVAL);
    cr_assert_eq(opt_config_load_string(c, NULL, "x"), OPT_EINVAL);
    cr_assert(isnan(opt_config_number(c, "nokey")));
    cr_assert_eq(opt_config_int(c, "name"), 0);
    cr_assert_eq(opt_config_list(c, "nokey", NULL, 0), 0);
    cr_assert_str_eq(opt_config_where(c, "nokey"), "");
    cr_assert_eq(opt_config_records(c, "methods", NULL, NULL), OPT_EINVAL);
    opt_objective o;
    cr_assert_eq(opt_config_objective(c, "nokey", NULL, 2, &o), OPT_EINVAL);
    opt_config_print_help(NULL, stdout);
    opt_config *empty = opt_config_new(NULL, 0);
    cr_assert_not_null(empty);
    cr_assert_eq(opt_config_load_string(empty, "local x = 1", "e.lua"), OPT_OK);
    opt_config_free(empty);
    opt_config_free(c);
}

Test(config, fail_names_the_place_and_key)
{
    opt_config *c = cfg();
    load_expect(c, "\neta = 0.1", OPT_OK);
    cr_assert_eq(opt_config_fail(c, "eta", "too large for %s", "adam"), OPT_ECONFIG);
    assert_error(c, "params.lua:2: key 'eta': too large for adam");
    cr_assert_eq(opt_config_status(c), OPT_ECONFIG);
    opt_config_fail(c, "steps", "odd");
    assert_error(c, "default: key 'steps': odd");
    opt_config_free(c);
}

/* ---- The sandbox ------------------------------------------------------------ */

Test(config, no_way_out_of_the_sandbox)
{
    static const struct { const char *src, *msg; } cases[] = {
        {"os.execute('touch /tmp/pwned')",
         "bad.lua:1: 'os' is not available in a config (only math, string and table are)"},
        {"local f = io.open('/etc/passwd')",
         "bad.lua:1: 'io' is not available in a config (only math, string and table are)"},
        {"\nlocal os = require('os')",
         "bad.lua:2: 'require' is not available in a config (only math, string, table and the "
         "safe base functions are)"},
        {"load('x = 1')()",
         "bad.lua:1: 'load' is not available in a config (only math, string, table and the safe "
         "base functions are)"},
        {"dofile('/etc/passwd')",
         "bad.lua:1: 'dofile' is not available in a config (only math, string, table and the "
         "safe base functions are)"},
        {"loadfile('x.lua')",
         "bad.lua:1: 'loadfile' is not available in a config (only math, string, table and the "
         "safe base functions are)"},
        {"debug.sethook()",
         "bad.lua:1: 'debug' is not available in a config (only math, string and table are)"},
        {"package.loaded.os.exit()",
         "bad.lua:1: 'package' is not available in a config (only math, string and table are)"},
        {"collectgarbage('stop')",
         "bad.lua:1: 'collectgarbage' is not available in a config (only math, string, table and "
         "the safe base functions are)"},
        {"_G.os = 1",
         "bad.lua:1: '_G' is not available in a config (only math, string, table and the safe "
         "base functions are)"},
        {"coroutine.wrap(print)",
         "bad.lua:1: 'coroutine' is not available in a config (only math, string and table are)"},
        {"print('hello')",
         "bad.lua:1: 'print' is not available in a config (a config only assigns parameters; "
         "error('...') stops it with a message)"},
        {"setmetatable(_ENV, {})", "bad.lua:1: cannot change a protected metatable"},
        {"rawset(_ENV, 'eat', 1)",
         "bad.lua:1: rawset on the config's globals is not allowed (assign them)"},
        {"setmetatable({}, {__gc = function() end})",
         "bad.lua:1: '__gc' metamethods are not available in a config"},
        {"getmetatable('').__index.rep = nil", "bad.lua:1: attempt to index a boolean value"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        opt_config *c = cfg();
        int st = opt_config_load_string(c, cases[i].src, "bad.lua");
        cr_assert_eq(st, OPT_ECONFIG, "[%s] gave %d: %s", cases[i].src, st, opt_config_error(c));
        assert_error(c, cases[i].msg);
        opt_config_free(c);
    }
    cr_assert_eq(access("/tmp/pwned", F_OK), -1);
}

Test(config, string_dump_and_string_metatable)
{
    opt_config *c = cfg();
    cr_assert_eq(opt_config_load_string(c, "string.dump(function() end)", "bad.lua"),
                 OPT_ECONFIG);
    assert_error_re(c, "^bad\\.lua:1: attempt to call a nil value \\(field 'dump'\\)$");
    cr_assert_eq(opt_config_load_string(c, "local d = ('').dump\nassert(d == nil)\n"
                                           "eta = getmetatable('') == false and 1 or 2\n"
                                           "name = ('x'):rep(3) .. string.format('%d', 7)\n"
                                           "string.rep = nil  -- the config's own copy\n",
                                        "ok.lua"),
                 OPT_OK, "%s", opt_config_error(c));
    cr_assert_eq(opt_config_number(c, "eta"), 1);
    cr_assert_str_eq(opt_config_string(c, "name"), "xxx7");
    opt_config_free(c);

    /* another config is not affected by the first one's changes */
    c = cfg();
    set_ok(c, "name=('y'):rep(2)");
    cr_assert_str_eq(opt_config_string(c, "name"), "yy");
    opt_config_free(c);
}

Test(config, safe_functions_work)
{
    opt_config *c = cfg();
    load_expect(c,
                "local t = {}\n"
                "for i, v in ipairs({3, 1, 2}) do t[#t + 1] = v end\n"
                "table.sort(t)\n"
                "alphas = {t[1] / 10, select('#', 1, 2) / 10, tonumber('0.3')}\n"
                "local ok, err = pcall(error, 'x')\n"
                "assert(not ok and err == 'x')\n"
                "name = type(math.pi) .. tostring(#table.concat({'a', 'b'}))\n"
                "local mt = setmetatable({}, {__index = function() return 0.5 end})\n"
                "eta = mt.anything + rawlen({1}) - 1\n"
                "assert(_VERSION == 'Lua 5.4')\n"
                "local s = ('a,b,c'):gsub(',', ';')\n"
                "assert(s == 'a;b;c' and ('x=1'):match('(%w+)=(%d)') == 'x')\n",
                OPT_OK);
    double a[3];
    cr_assert_eq(opt_config_list(c, "alphas", a, 3), 3);
    cr_assert_float_eq(a[0], 0.1, 1e-15);
    cr_assert_float_eq(a[1], 0.2, 1e-15);
    cr_assert_str_eq(opt_config_string(c, "name"), "number2");
    cr_assert_eq(opt_config_number(c, "eta"), 0.5);
    opt_config_free(c);
}

/* ---- Budget and memory cap --------------------------------------------------- */

Test(config, endless_loop_in_a_file)
{
    opt_config *c = cfg();
    double t0 = now();
    load_expect(c, "local i = 0\n\nwhile true do i = i + 1 end\n", OPT_EBUDGET);
    double dt = now() - t0;
    assert_error(c, "params.lua:3: instruction budget exceeded (50000000 instructions): "
                    "endless loop?");
    cr_assert_lt(dt, TIME_LIMIT, "took %.2f s", dt);
    cr_log_info("endless loop at the default budget: %.3f s\n", dt);
    /* the next call has a fresh budget */
    set_ok(c, "eta=0.2");
    opt_config_free(c);
}

Test(config, endless_loop_survives_pcall)
{
    opt_config *c = cfg();
    double t0 = now();
    load_expect(c, "while true do pcall(function() while true do end end) end", OPT_EBUDGET);
    cr_assert_lt(now() - t0, TIME_LIMIT);
    assert_error_re(c, "^params\\.lua:1: instruction budget exceeded \\(50000000 instructions\\)");
    cr_assert_eq(opt_config_set(c, "eta=(function() while true do end end)()"), OPT_EBUDGET);
    assert_error(c, "--set eta=(function() while true do end end)(): key 'eta': instruction "
                    "budget exceeded (50000000 instructions): endless loop?");
    opt_config_free(c);
}

Test(config, no_lua_code_runs_without_a_budget)
{
    /* After an error raised by the count hook Lua keeps hooks off until a
     * pcall catches it: a Lua message handler would run unbounded. */
    static const char *const loops[] = {
        "xpcall(function() error('x') end, function() while true do end end)",
        "xpcall(function() while true do end end, function(m) while true do end end)",
        "error(setmetatable({}, {__tostring = function() while true do end end}))",
        "local ok = pcall(function() while true do end end)\nwhile true do end",
        "local t = setmetatable({}, {__close = function() while true do end end})\n"
        "do local x <close> = t end",
        "table.sort({3, 2, 1}, function(a, b) while true do end end)",
        "local s = ('a b'):gsub('%w', function() while true do end end)",
    };
    for (size_t i = 0; i < sizeof loops / sizeof *loops; i++) {
        opt_config *c = cfg();
        double t0 = now();
        int st = opt_config_load_string(c, loops[i], "bad.lua");
        double dt = now() - t0;
        cr_assert_lt(dt, TIME_LIMIT, "[%s] took %.2f s", loops[i], dt);
        if (strncmp(loops[i], "error(setmetatable", 18) == 0) {
            cr_assert_eq(st, OPT_ECONFIG);
            assert_error(c, "bad.lua:1: (error object is a table value)");
        } else {
            cr_assert_eq(st, OPT_EBUDGET, "[%s] gave %d: %s", loops[i], st, opt_config_error(c));
            assert_error_re(c, "^bad\\.lua:[0-9]: instruction budget exceeded");
        }
        opt_config_free(c);
    }
    /* xpcall still works as xpcall */
    opt_config *c = cfg();
    load_expect(c, "local ok, v = xpcall(function(a, b) return a + b end, tostring, 1, 2)\n"
                   "assert(ok and v == 3)\n"
                   "local ok2, e = xpcall(error, function(m) return 'h:' .. m end, 'boom', 0)\n"
                   "assert(not ok2 and e == 'h:boom')\n"
                   "local ok3 = xpcall(string.rep, function() while true do end end, 'x', 1e9)\n"
                   "eta = ok3 and 1 or 0.5\n",
                OPT_OK);
    cr_assert_eq(opt_config_number(c, "eta"), 0.5);
    opt_config_free(c);
}

Test(config, costly_library_calls_are_charged)
{
    static const char *const loops[] = {
        "local s = string.find(('a'):rep(1e5), '.-b')",            /* quadratic backtracking */
        "table.move({}, 1, 1e15, 1)",                              /* a long loop in C */
        "local t = {} for i = 1, 1e5 do t[i] = i end\n"
        "for i = 1, 1e6 do table.insert(t, 1, i) end",              /* shifting, repeated */
        "local s = ('x'):rep(1e8) while true do local u = s .. 'y' end",   /* copying, repeated */
    };
    for (size_t i = 0; i < sizeof loops / sizeof *loops; i++) {
        opt_config *c = cfg();
        double t0 = now();
        int st = opt_config_load_string(c, loops[i], "bad.lua");
        double dt = now() - t0;
        cr_assert(st == OPT_EBUDGET, "[%s] gave %d: %s", loops[i], st, opt_config_error(c));
        assert_error_re(c, "^bad\\.lua:[0-9]+: (instruction budget exceeded|allocation budget "
                           "exceeded \\([0-9.]+ MiB allocated in one call\\)|memory limit)");
        cr_assert_lt(dt, TIME_LIMIT, "[%s] took %.2f s", loops[i], dt);
        opt_config_free(c);
    }
    opt_config *c = cfg();
    double t0 = now();
    load_expect(c, "name = ('') : rep(1e15) .. ('x'):rep(0) .. 'ok'", OPT_OK);
    cr_assert_lt(now() - t0, TIME_LIMIT);
    cr_assert_str_eq(opt_config_string(c, "name"), "ok");
    opt_config_free(c);
}

Test(config, huge_allocations_hit_the_cap)
{
    opt_config *c = cfg();
    load_expect(c, "local s = ('x'):rep(1e9)", OPT_EBUDGET);
    assert_error(c, "params.lua:1: memory limit of 256 MiB exceeded");
    load_expect(c, "\nlocal s = ('x'):rep(1e10)", OPT_EBUDGET);
    assert_error(c, "params.lua:2: memory limit of 256 MiB exceeded");
    /* doubling: whichever comes first, the cap or the allocation budget */
    load_expect(c, "local s = 'x' while true do s = s .. s end", OPT_EBUDGET);
    assert_error_re(c, "^params\\.lua:1: (memory limit of 256 MiB exceeded|allocation budget "
                       "exceeded \\([0-9.]+ MiB allocated in one call\\): runaway allocation\\?)$");
    opt_config_set_limits(c, 0, 4u << 20);
    load_expect(c, "local s = 'x' while true do s = s .. s end", OPT_EBUDGET);
    assert_error(c, "params.lua:1: memory limit of 4 MiB exceeded");
    opt_config_set_limits(c, 0, 0);
    /* a memory error a config catches is its own business */
    load_expect(c, "local ok = pcall(string.rep, 'x', 1e9)\neta = ok and 1 or 0.5", OPT_OK);
    cr_assert_eq(opt_config_number(c, "eta"), 0.5);
    opt_config_set_limits(c, 0, 16u << 20);
    double t0 = now();
    load_expect(c, "local t = {}\nfor i = 1, 1e9 do t[i] = i end", OPT_EBUDGET);
    cr_assert_lt(now() - t0, TIME_LIMIT);
    assert_error(c, "params.lua:2: memory limit of 16 MiB exceeded");
    cr_assert_eq(opt_config_set(c, "alphas={('x'):rep(1e8)}"), OPT_EBUDGET);
    assert_error(c, "--set alphas={('x'):rep(1e8)}: key 'alphas': memory limit of 16 MiB exceeded");
    set_ok(c, "eta=0.3");     /* still usable */
    cr_assert_eq(opt_config_number(c, "eta"), 0.3);
    opt_config_free(c);
}

/* ---- Lua functions ------------------------------------------------------------ */

static double rosen(const double *x, double *g)
{
    double a = 1 - x[0], b = x[1] - x[0] * x[0];
    if (g) {
        g[0] = -2 * a - 400 * x[0] * b;
        g[1] = 200 * b;
    }
    return a * a + 100 * b * b;
}

static const char rosen_lua[] =
    "objective = function(x, y) return (1 - x)^2 + 100 * (y - x^2)^2 end\n";

Test(config, lua_objective_with_lua_gradient)
{
    opt_config *c = cfg();
    load_expect(c, "objective = function(x, y) return (1 - x)^2 + 100 * (y - x^2)^2 end\n"
                   "gradient = function(x, y)\n"
                   "  return -2 * (1 - x) - 400 * x * (y - x^2), 200 * (y - x^2)\n"
                   "end\n",
                OPT_OK);
    opt_objective o;
    cr_assert_eq(opt_config_objective(c, "objective", "gradient", 0, &o), OPT_OK, "%s",
                 opt_config_error(c));
    cr_assert_eq(o.n, 2);
    cr_assert_null(o.hess);
    cr_assert_str_eq(o.name, "function at params.lua:1");
    const double pts[][2] = {{-1.2, 1}, {0, 0}, {1, 1}, {0.3, -2.5}};
    for (size_t i = 0; i < 4; i++) {
        double g[2], want[2];
        double f = opt_eval(&o, pts[i], g), fw = rosen(pts[i], want);
        cr_assert_float_eq(f, fw, 1e-12 * (1 + fabs(fw)));
        cr_assert_float_eq(g[0], want[0], 1e-12 * (1 + fabs(want[0])));
        cr_assert_float_eq(g[1], want[1], 1e-12 * (1 + fabs(want[1])));
        cr_assert_float_eq(opt_eval(&o, pts[i], NULL), fw, 1e-12 * (1 + fabs(fw)));
    }
    /* a gradient may also return one table */
    set_ok(c, "gradient=function(x, y) return {2 * x, 20 * y} end");
    set_ok(c, "objective=function(x, y) return x^2 + 10 * y^2 end");
    cr_assert_eq(opt_config_objective(c, "objective", "gradient", 0, &o), OPT_OK);
    double g[2];
    cr_assert_eq(opt_eval(&o, (double[]){3, 1}, g), 19);
    cr_assert_eq(g[0], 6);
    cr_assert_eq(g[1], 20);
    opt_config_free(c);
}

Test(config, numerical_gradient_matches_analytic)
{
    opt_config *c = cfg();
    load_expect(c, rosen_lua, OPT_OK);
    opt_objective o;
    cr_assert_eq(opt_config_objective(c, "objective", "gradient", 0, &o), OPT_OK, "%s",
                 opt_config_error(c));
    const double pts[][2] = {{-1.2, 1}, {0.5, 0.5}, {2, 3}, {-1.5, 2.5}};
    for (size_t i = 0; i < 4; i++) {
        double g[2], want[2];
        opt_eval(&o, pts[i], g);
        rosen(pts[i], want);
        for (int k = 0; k < 2; k++) {
            double scale = fmax(fabs(want[k]), 1);
            cr_assert_lt(fabs(g[k] - want[k]) / scale, 1e-8, "point %zu coordinate %d: %.17g vs %.17g",
                         i, k, g[k], want[k]);
        }
    }
    opt_config_free(c);
}

/* Without a Lua gradient, the gradient is diff.h's central difference, bit
 * for bit: one step rule in lib/. */
Test(config, numerical_gradient_is_diff_central)
{
    opt_config *c = cfg();
    load_expect(c, rosen_lua, OPT_OK);
    opt_objective o;
    cr_assert_eq(opt_config_objective(c, "objective", NULL, 0, &o), OPT_OK, "%s",
                 opt_config_error(c));
    const double pts[][2] = {{-1.2, 1}, {0.5, 0.5}, {2, 3}, {-30, 900}};
    for (size_t i = 0; i < 4; i++) {
        double g[2], want[2];
        opt_eval(&o, pts[i], g);
        cr_assert_eq(opt_grad_central(&o, pts[i], OPT_H_CENTRAL, want), OPT_OK);
        cr_assert(g[0] == want[0] && g[1] == want[1],
                  "point %zu: (%.17g, %.17g) vs (%.17g, %.17g)", i, g[0], g[1], want[0], want[1]);
    }
    opt_config_free(c);
}

/* A failure while differencing keeps the first message (the later calls are
 * skipped); f not finite near x makes the gradient NaN, with no error. */
Test(config, numerical_gradient_failures)
{
    opt_config *c = cfg();
    opt_objective o;
    double g[2];
    load_expect(c, "objective = function(x, y)\n"
                   "  if x ~= 1 then error('moved to ' .. x) end\n"
                   "  return y\n"
                   "end", OPT_OK);
    cr_assert_eq(opt_config_objective(c, "objective", NULL, 0, &o), OPT_OK);
    cr_assert(isnan(opt_eval(&o, (double[]){1, 2}, g)));
    cr_assert(isnan(g[0]) && isnan(g[1]));
    assert_error(c, "params.lua:2: moved to 1.000006");
    opt_config_free(c);

    c = cfg();
    load_expect(c, "objective = function(x, y) if x > 1 then return 1/0 end return x + y end",
                OPT_OK);
    cr_assert_eq(opt_config_objective(c, "objective", NULL, 0, &o), OPT_OK);
    cr_assert_eq(opt_eval(&o, (double[]){1, 2}, g), 3);
    cr_assert(isnan(g[0]) && isnan(g[1]));
    cr_assert_str_eq(opt_config_error(c), "");
    opt_config_free(c);
}

Test(config, objective_dimension)
{
    opt_config *c = cfg();
    opt_objective o;
    set_ok(c, "objective=function(...) local s = 0 for _, v in ipairs({...}) do s = s + v*v end "
              "return s end");
    cr_assert_eq(opt_config_objective(c, "objective", NULL, 3, &o), OPT_OK);
    cr_assert_eq(o.n, 3);
    cr_assert_eq(opt_eval(&o, (double[]){1, 2, 3}, NULL), 14);
    cr_assert_eq(opt_config_objective(c, "objective", NULL, 0, &o), OPT_ECONFIG);
    set_ok(c, "objective=function() return 1 end");
    cr_assert_eq(opt_config_objective(c, "objective", NULL, 2, &o), OPT_ECONFIG);
    assert_error(c, "--set objective=function() return 1 end: key 'objective': the function "
                    "takes no parameters; write one per coordinate, as in function(x, y) return "
                    "x^2 + y^2 end");
    cr_assert_null(o.fdf);
    set_ok(c, "objective=function(a, b, c, d) return a + b + c + d end");
    cr_assert_eq(opt_config_objective(c, "objective", NULL, 2, &o), OPT_OK);
    cr_assert_eq(o.n, 4, "fixed parameters win over the hint");
    opt_config_free(c);
}

Test(config, objective_failures_return_nan)
{
    opt_config *c = cfg();
    opt_objective o;
    double g[2];
    load_expect(c, "objective = function(x, y)\n  error('boom')\nend", OPT_OK);
    cr_assert_eq(opt_config_objective(c, "objective", NULL, 0, &o), OPT_OK);
    cr_assert(isnan(opt_eval(&o, (double[]){1, 2}, g)));
    cr_assert(isnan(g[0]) && isnan(g[1]));
    assert_error(c, "params.lua:2: boom");
    cr_assert_eq(opt_config_status(c), OPT_ECONFIG);

    load_expect(c, "objective = function(x, y) return 'one' end", OPT_OK);
    cr_assert_eq(opt_config_objective(c, "objective", NULL, 0, &o), OPT_OK);
    cr_assert(isnan(opt_eval(&o, (double[]){1, 2}, NULL)));
    assert_error(c, "params.lua:1: key 'objective': result 1: number expected, got string");

    load_expect(c, "objective = function(x, y) return x end\n"
                   "gradient = function(x, y) return 1 end", OPT_OK);
    cr_assert_eq(opt_config_objective(c, "objective", "gradient", 0, &o), OPT_OK);
    cr_assert(isnan(opt_eval(&o, (double[]){1, 2}, g)));
    assert_error(c, "params.lua:2: key 'gradient': 2 results expected, got 1");
    cr_assert_eq(opt_eval(&o, (double[]){1, 2}, NULL), 1, "the value alone still works");

    load_expect(c, "objective = function(x, y) return x + undefined_thing end", OPT_OK);
    cr_assert_eq(opt_config_objective(c, "objective", NULL, 0, &o), OPT_OK);
    cr_assert(isnan(opt_eval(&o, (double[]){1, 2}, NULL)));
    assert_error(c, "params.lua:1: 'undefined_thing' is not defined");
    opt_config_free(c);
}

Test(config, endless_objective)
{
    opt_config *c = cfg();
    load_expect(c, "objective = function(x, y)\n  while true do x = x + 1 end\nend", OPT_OK);
    opt_objective o;
    cr_assert_eq(opt_config_objective(c, "objective", NULL, 0, &o), OPT_OK);
    double t0 = now();
    double f = opt_eval(&o, (double[]){1, 2}, NULL);
    double dt = now() - t0;
    cr_assert(isnan(f));
    cr_assert_lt(dt, TIME_LIMIT, "took %.2f s", dt);
    cr_assert_eq(opt_config_status(c), OPT_EBUDGET);
    assert_error(c, "params.lua:2: instruction budget exceeded (50000000 instructions): "
                    "endless loop?");
    opt_config_free(c);
}

Test(config, budget_is_per_call)
{
    /* About 400 instructions per call: 200000 calls are 8e7 instructions,
     * more than one budget of 5e7. */
    opt_config *c = cfg();
    load_expect(c, "objective = function(x, y)\n"
                   "  local s = 0\n"
                   "  for i = 1, 100 do s = s + x * i end\n"
                   "  return s + y\n"
                   "end\n",
                OPT_OK);
    opt_objective o;
    cr_assert_eq(opt_config_objective(c, "objective", NULL, 0, &o), OPT_OK);
    double x[2] = {1, 0}, sum = 0;
    for (long k = 0; k < 200000; k++) {
        x[1] = (double)k;
        double f = opt_eval(&o, x, NULL);
        cr_assert_eq(f, 5050 + (double)k, "evaluation %ld: %g (%s)", k, f, opt_config_error(c));
        sum += f;
    }
    cr_assert_gt(sum, 0);
    cr_assert_str_eq(opt_config_error(c), "");
    opt_config_free(c);
}

Test(config, problem_names)
{
    opt_config *c = cfg();
    opt_objective o;
    cr_assert_eq(opt_config_objective(c, "objective", NULL, 0, &o), OPT_OK, "%s",
                 opt_config_error(c));
    const opt_problem *p = opt_problem_lookup("rosenbrock");
    cr_assert_not_null(p);
    cr_assert_eq(o.fdf, p->fdf);
    cr_assert_eq(o.n, p->n);
    set_ok(c, "objective='rosenbrok'");
    cr_assert_eq(opt_config_objective(c, "objective", NULL, 0, &o), OPT_ECONFIG);
    assert_error_re(c, "^--set objective='rosenbrok': key 'objective': unknown problem "
                       "'rosenbrok' \\(did you mean 'rosenbrock'\\?\\); known problems: .*"
                       "rosenbrock.*$");
    set_ok(c, "objective='zzzz'");
    cr_assert_eq(opt_config_objective(c, "objective", NULL, 0, &o), OPT_ECONFIG);
    assert_error_re(c, "^--set objective='zzzz': key 'objective': unknown problem 'zzzz'; "
                       "known problems: [a-z]");
    opt_config_free(c);
}

Test(config, call_a_function)
{
    opt_config *c = cfg();
    load_expect(c, "schedule = function(t, lr0) return lr0 / t, t + 1 end", OPT_OK);
    double r[2];
    cr_assert_eq(opt_config_call(c, "schedule", (double[]){4, 1}, 2, r, 2), OPT_OK);
    cr_assert_eq(r[0], 0.25);
    cr_assert_eq(r[1], 5);
    cr_assert_eq(opt_config_call(c, "eta", (double[]){1}, 1, r, 1), OPT_ECONFIG);
    assert_error(c, "default: key 'eta': function expected, got number");
    load_expect(c, "schedule = function(t) while true do end end", OPT_OK);
    double t0 = now();
    cr_assert_eq(opt_config_call(c, "schedule", (double[]){1}, 1, r, 1), OPT_EBUDGET);
    cr_assert_lt(now() - t0, TIME_LIMIT);
    load_expect(c, "schedule = function(t) return nil end", OPT_OK);
    cr_assert_eq(opt_config_call(c, "schedule", (double[]){1}, 1, r, 1), OPT_ECONFIG);
    assert_error(c, "params.lua:1: key 'schedule': result 1: number expected, got nil");
    opt_config_free(c);
}

/* ---- Records --------------------------------------------------------------------- */

Test(config, records_with_nested_tables)
{
    opt_config *c = cfg();
    load_expect(c,
                "methods = {\n"
                "  {name = 'gd', lr = 0.1},\n"
                "  {name = 'adam', lr = 1e-3, betas = {0.9, 0.999}, nesterov = true,\n"
                "   schedule = {name = 'step', gamma = 0.5, step_size = 100}},\n"
                "}\n",
                OPT_OK);
    const opt_record *r;
    size_t n;
    cr_assert_eq(opt_config_records(c, "methods", &r, &n), OPT_OK, "%s", opt_config_error(c));
    cr_assert_eq(n, 2);
    cr_assert_eq(r[0].count, 2);
    cr_assert_str_eq(r[0].fields[0].key, "lr", "fields sorted by key");
    cr_assert_str_eq(r[0].fields[1].key, "name");
    const opt_field *f = opt_record_get(&r[0], "name");
    cr_assert_eq(f->type, OPT_T_STRING);
    cr_assert_str_eq(f->str, "gd");
    f = opt_record_get(&r[1], "lr");
    cr_assert_eq(f->type, OPT_T_NUMBER);
    cr_assert_eq(f->num, 1e-3);
    f = opt_record_get(&r[1], "nesterov");
    cr_assert_eq(f->type, OPT_T_BOOL);
    cr_assert_eq(f->num, 1);
    f = opt_record_get(&r[1], "betas");
    cr_assert_eq(f->type, OPT_T_TABLE);
    cr_assert_eq(f->sub->count, 2);
    cr_assert_str_eq(f->sub->fields[0].key, "1");
    cr_assert_eq(f->sub->fields[1].num, 0.999);
    f = opt_record_get(&r[1], "schedule");
    cr_assert_eq(f->type, OPT_T_TABLE);
    cr_assert_str_eq(opt_record_get(f->sub, "name")->str, "step");
    cr_assert_eq(opt_record_get(f->sub, "gamma")->num, 0.5);
    cr_assert_eq(opt_record_get(f->sub, "step_size")->type, OPT_T_INT);
    cr_assert_null(opt_record_get(&r[0], "missing"));
    cr_assert_null(opt_record_get(NULL, "name"));
    /* nil is no records */
    set_ok(c, "methods=nil");
    cr_assert_eq(opt_config_records(c, "methods", &r, &n), OPT_OK);
    cr_assert_eq(n, 0);
    opt_config_free(c);
}

Test(config, bad_records)
{
    static const struct { const char *src, *msg; } cases[] = {
        {"\nmethods = { {name = 'gd'}, 3 }",
         "params.lua:2: key 'methods': entry 2: table expected, got number"},
        {"methods = { {name = 'gd', f = function() end} }",
         "params.lua:1: key 'methods': entry 1: field 'f': number, boolean, string or table "
         "expected, got function"},
        {"methods = { {schedule = {name = 'step', f = function() end}} }",
         "params.lua:1: key 'methods': entry 1: field 'schedule.f': number, boolean, string or "
         "table expected, got function"},
        {"methods = { {lr = 0/0} }",
         "params.lua:1: key 'methods': entry 1: field 'lr': nan is not a finite number"},
        {"methods = { a = {} }",
         "params.lua:1: key 'methods': a list of tables expected, but the table has the key 'a'"},
        {"methods = { {[true] = 1} }",
         "params.lua:1: key 'methods': entry 1: field keys must be names, got a boolean key"},
        {"local t = {}\nt.self = t\nmethods = {t}",
         "params.lua:3: key 'methods': entry 1: field 'self.self.self.self.self.self.self.self."
         "self.self.self.self.self.self.self.self': tables nest too deeply"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        opt_config *c = cfg();
        load_expect(c, cases[i].src, OPT_OK);
        const opt_record *r = (const opt_record *)1;
        size_t n = 99;
        int st = opt_config_records(c, "methods", &r, &n);
        cr_assert_eq(st, OPT_ECONFIG, "[%s] gave %d", cases[i].src, st);
        cr_assert_null(r);
        cr_assert_eq(n, 0);
        assert_error(c, cases[i].msg);
        opt_config_free(c);
    }
}

/* ---- Help -------------------------------------------------------------------------- */

Test(config, help_lines_are_aligned)
{
    opt_config *c = cfg();
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    opt_config_print_help(c, f);
    fclose(f);
    size_t lines = 0, types_col = 0;
    for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n"), lines++) {
        const char *name = schema[lines].name;
        cr_assert_eq(strncmp(line, "  ", 2), 0);
        cr_assert_eq(strncmp(line + 2, name, strlen(name)), 0, "line %zu: %s", lines, line);
        size_t col = strlen(name) + 2;
        while (line[col] == ' ')
            col++;
        if (lines == 0)
            types_col = col;
        cr_assert_eq(col, types_col, "types column of [%s]", line);
        cr_assert_not_null(strstr(line, schema[lines].doc));
    }
    cr_assert_eq(lines, NSCHEMA);
    free(buf);

    buf = NULL;
    f = open_memstream(&buf, &len);
    opt_config_print_help(c, f);
    fclose(f);
    regex_t re;
    cr_assert_eq(regcomp(&re, "^  eta +number +0\\.05 +\\[0, 10\\] +step size$",
                         REG_EXTENDED | REG_NEWLINE | REG_NOSUB), 0);
    cr_assert_eq(regexec(&re, buf, 0, NULL, 0), 0, "%s", buf);
    regfree(&re);
    cr_assert_not_null(strstr(buf, "string|function"));
    cr_assert_not_null(strstr(buf, "list|nil"));
    cr_assert_not_null(strstr(buf, "[1, 10000000]"));
    free(buf);
    opt_config_free(c);
}
