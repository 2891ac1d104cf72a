/* lab.c — the lab runtime: command line, output directory, tables,
 * figures through gnuplot, progress bar and notices.
 *
 * Everything a lab writes goes to "<name>.tmp.<pid>.<ext>" in the output
 * directory first and is renamed into place once complete; the directory
 * itself is made only when the first output is written, so bad input
 * (caught by opt_lab_start or opt_lab_bad_param) leaves --out untouched.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "lab.h"
#include "status.h"

#ifndef OPTLAB_ROOT
#define OPTLAB_ROOT "."
#endif

extern char **environ;

struct opt_table {
    opt_lab *lab;
    FILE *f;
    char *name;          /* "grid.tsv", for messages */
    char *tmp, *path;
    char *columns;       /* NULL: the writer prints its own header */
    size_t ncols;
    int header_written;
    opt_table *next;     /* the lab's list of open tables */
};

typedef struct lab_number { char *key; double value; } lab_number;

struct opt_lab {
    const opt_lab_info *info;
    char prog[16];               /* "lab01": prefixes messages */
    opt_config *cfg;
    char *outdir;
    int outdir_made;
    uint64_t seed;
    int quiet, plot, failed;
    int heading_done;            /* the title is printed before the first output */
    lab_number *numbers;
    size_t nnumbers, numbers_cap;
    char **noted;                /* exercises already announced */
    size_t nnoted;
    opt_table *open_tables;
    int gnuplot_missing;         /* 1 once "gnuplot not found" was said */
    /* progress bar */
    int tty;
    int bar_shown;
    const char *bar_what;
    double bar_begin, bar_drawn;
};

/* ---- Small helpers ------------------------------------------------------------ */

static void *xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (!p) {
        fputs("optlab: out of memory\n", stderr);
        exit(1);
    }
    return p;
}

static char *xstrdup(const char *s)
{
    size_t len = strlen(s) + 1;
    return memcpy(xmalloc(len), s, len);
}

/* A freshly allocated printf. */
static char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *xasprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int len = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *s = xmalloc((size_t)len + 1);
    va_start(ap, fmt);
    vsnprintf(s, (size_t)len + 1, fmt, ap);
    va_end(ap);
    return s;
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* Characters a terminal shows for a UTF-8 string (continuation bytes skipped). */
static size_t display_width(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

static void rule(FILE *out, char c, size_t width)
{
    for (size_t i = 0; i < width; i++)
        fputc(c, out);
    fputc('\n', out);
}

/* mkdir -p */
static int make_dirs(const char *path)
{
    char *p = xstrdup(path);
    int status = 0;
    for (char *s = p + 1;; s++) {
        if (*s != '/' && *s != '\0')
            continue;
        char saved = *s;
        *s = '\0';
        if (mkdir(p, 0777) != 0 && errno != EEXIST)
            status = -1;
        *s = saved;
        if (!saved || status)
            break;
    }
    struct stat st;
    if (!status && (stat(p, &st) != 0 || !S_ISDIR(st.st_mode))) {
        if (errno == 0)
            errno = ENOTDIR;
        status = -1;
    }
    free(p);
    return status;
}

/* ---- Progress bar -------------------------------------------------------------- */

#define BAR_WIDTH 30

static void bar_clear(opt_lab *lab)
{
    if (!lab->bar_shown)
        return;
    fprintf(stderr, "\r%*s\r", BAR_WIDTH + 60, "");
    fflush(stderr);
    lab->bar_shown = 0;
}

void opt_lab_progress(opt_lab *lab, const char *what, long done, long total)
{
    if (lab->quiet || !lab->tty || total <= 0)
        return;
    double now = now_seconds();
    if (what != lab->bar_what || done == 0) {
        lab->bar_what = what;
        lab->bar_begin = now;
    }
    if (done >= total) {
        bar_clear(lab);
        return;
    }
    /* Nothing for work that ends within a quarter second; then 10 frames a second. */
    if (now - lab->bar_begin < 0.25 || (lab->bar_shown && now - lab->bar_drawn < 0.1))
        return;
    int filled = (int)((double)BAR_WIDTH * (double)done / (double)total);
    char bar[BAR_WIDTH + 1];
    for (int i = 0; i < BAR_WIDTH; i++)
        bar[i] = i < filled ? '#' : '.';
    bar[BAR_WIDTH] = '\0';
    fprintf(stderr, "\r  %.40s [%s] %3d%%", what ? what : "", bar,
            (int)(100.0 * (double)done / (double)total));
    fflush(stderr);
    lab->bar_shown = 1;
    lab->bar_drawn = now;
}

/* ---- Cleanup on the way out ------------------------------------------------------ */

/* Remove the temporary files of tables still open (a run that dies). */
static void discard_open_tables(opt_lab *lab)
{
    for (opt_table *t = lab->open_tables; t; t = t->next) {
        if (t->f)
            fclose(t->f);
        t->f = NULL;
        unlink(t->tmp);
    }
}

void opt_lab_die(opt_lab *lab, const char *fmt, ...)
{
    bar_clear(lab);
    fflush(stdout);
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "%s: ", lab->prog);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    discard_open_tables(lab);
    exit(1);
}

void opt_lab_bad_param(opt_lab *lab, const char *key, const char *fmt, ...)
{
    bar_clear(lab);
    fflush(stdout);
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    opt_config_fail(lab->cfg, key, "%s", msg);
    fprintf(stderr, "%s\n", opt_config_error(lab->cfg));
    discard_open_tables(lab);
    exit(2);
}

void opt_lab_config_failed(opt_lab *lab)
{
    bar_clear(lab);
    fflush(stdout);
    fprintf(stderr, "%s\n", opt_config_error(lab->cfg));
    discard_open_tables(lab);
    exit(2);
}

/* ---- Command line -------------------------------------------------------------- */

static void usage_error(const char *prog, const char *fmt, ...)
    __attribute__((format(printf, 2, 3), noreturn));
static void usage_error(const char *prog, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "%s: ", prog);
    vfprintf(stderr, fmt, ap);
    fputs(" (see --help)\n", stderr);
    va_end(ap);
    exit(2);
}

static void print_help(const opt_lab *lab, const char *default_out)
{
    const opt_lab_info *in = lab->info;
    printf("Lab %.2s — %s\n\n", in->slug, in->title);
    printf("Usage: %s [--config FILE.lua]... [--set KEY=EXPR]... [--out DIR] [--seed N]\n"
           "       %*s [--no-plot] [--quiet] [--help]\n\n",
           lab->prog, (int)strlen(lab->prog), "");
    printf("Options:\n"
           "  --config FILE.lua  run FILE.lua after the defaults (may be repeated)\n"
           "  --set KEY=EXPR     set one parameter to a Lua expression, after the configs\n"
           "                     (may be repeated): --set 'eta=0.1' --set 'xs={1,2}'\n"
           "  --out DIR          where tables and figures go (default %s)\n"
           "  --seed N           the random seed, a non-negative integer (default 42)\n"
           "  --no-plot          write the tables but do not run gnuplot\n"
           "  --quiet            print nothing but errors\n"
           "  --help             print this and exit\n\n",
           default_out);
    printf("Parameters (set them in a --config file or with --set):\n");
    opt_config_print_help(lab->cfg, stdout);
}

/* The value of an option given as "--opt VALUE" or "--opt=VALUE"; NULL when
 * argv[*i] is not this option. */
static const char *option_value(const char *prog, int argc, char **argv, int *i,
                                const char *opt)
{
    size_t len = strlen(opt);
    const char *a = argv[*i];
    if (strncmp(a, opt, len) != 0)
        return NULL;
    if (a[len] == '=')
        return a + len + 1;
    if (a[len] != '\0')
        return NULL;
    if (*i + 1 >= argc)
        usage_error(prog, "option '%s' needs an argument", opt);
    return argv[++*i];
}

static uint64_t parse_seed(const char *prog, const char *s)
{
    const char *p = s;
    while (*p >= '0' && *p <= '9')
        p++;
    errno = 0;
    unsigned long long v = strtoull(s, NULL, 10);
    if (p == s || *p || errno == ERANGE)
        usage_error(prog, "--seed: '%s' is not a non-negative integer", s);
    return (uint64_t)v;
}

opt_lab *opt_lab_start(const opt_lab_info *info, int argc, char **argv)
{
    opt_lab *lab = xmalloc(sizeof *lab);
    memset(lab, 0, sizeof *lab);
    lab->info = info;
    lab->seed = 42;
    lab->plot = 1;
    lab->tty = isatty(2);
    snprintf(lab->prog, sizeof lab->prog, "lab%.2s", info->slug);

    lab->cfg = opt_config_new(info->params, info->nparams);
    if (!lab->cfg) {
        fprintf(stderr, "%s: out of memory\n", lab->prog);
        exit(1);
    }
    if (opt_config_status(lab->cfg) != OPT_OK) {
        fprintf(stderr, "%s: bad schema default: %s\n", lab->prog, opt_config_error(lab->cfg));
        exit(1);
    }

    char *default_out = xasprintf("build/out/%s", info->slug);
    const char **configs = xmalloc((size_t)argc * sizeof *configs);
    const char **sets = xmalloc((size_t)argc * sizeof *sets);
    size_t nconfigs = 0, nsets = 0;
    const char *out = NULL, *v;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if ((v = option_value(lab->prog, argc, argv, &i, "--config")))
            configs[nconfigs++] = v;
        else if ((v = option_value(lab->prog, argc, argv, &i, "--set")))
            sets[nsets++] = v;
        else if ((v = option_value(lab->prog, argc, argv, &i, "--out"))) {
            if (!*v)
                usage_error(lab->prog, "--out: the directory name is empty");
            out = v;
        } else if ((v = option_value(lab->prog, argc, argv, &i, "--seed")))
            lab->seed = parse_seed(lab->prog, v);
        else if (strcmp(a, "--no-plot") == 0)
            lab->plot = 0;
        else if (strcmp(a, "--quiet") == 0)
            lab->quiet = 1;
        else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            print_help(lab, default_out);
            exit(0);
        } else if (a[0] == '-')
            usage_error(lab->prog, "unknown option '%s'", a);
        else
            usage_error(lab->prog, "unexpected argument '%s'", a);
    }

    /* Configs first, then every --set, whatever their order on the line. */
    for (size_t k = 0; k < nconfigs + nsets; k++) {
        int st = k < nconfigs ? opt_config_load_file(lab->cfg, configs[k])
                              : opt_config_set(lab->cfg, sets[k - nconfigs]);
        if (st != OPT_OK) {
            const char *msg = opt_config_error(lab->cfg);
            if (*msg)
                fprintf(stderr, "%s\n", msg);
            else if (k < nconfigs)
                fprintf(stderr, "%s: %s: %s\n", lab->prog, configs[k], opt_strerror(st));
            else
                fprintf(stderr, "%s: --set %s: %s\n", lab->prog, sets[k - nconfigs],
                        opt_strerror(st));
            exit(2);
        }
    }
    free(configs);
    free(sets);

    lab->outdir = out ? xstrdup(out) : default_out;
    if (out)
        free(default_out);
    /* Strip trailing slashes so paths read "dir/file" (but keep "/"). */
    for (size_t len = strlen(lab->outdir); len > 1 && lab->outdir[len - 1] == '/'; len--)
        lab->outdir[len - 1] = '\0';

    return lab;
}

/* Before the lab's first line of output (so that bad input reported after
 * opt_lab_start is the only thing printed): its title. */
static void heading(opt_lab *lab)
{
    if (lab->heading_done || lab->quiet)
        return;
    lab->heading_done = 1;
    char *h = xasprintf("Lab %.2s — %s", lab->info->slug, lab->info->title);
    printf("%s\n", h);
    rule(stdout, '=', display_width(h));
    free(h);
}

/* The output directory, made on first use. */
static const char *ensure_outdir(opt_lab *lab)
{
    if (!lab->outdir_made) {
        if (make_dirs(lab->outdir) != 0)
            opt_lab_die(lab, "cannot create the output directory '%s': %s", lab->outdir,
                        strerror(errno));
        lab->outdir_made = 1;
    }
    return lab->outdir;
}

/* ---- Parameters ------------------------------------------------------------------ */

opt_config *opt_lab_config(opt_lab *lab) { return lab->cfg; }
double opt_lab_number(opt_lab *lab, const char *key) { return opt_config_number(lab->cfg, key); }
long opt_lab_int(opt_lab *lab, const char *key) { return opt_config_int(lab->cfg, key); }
const char *opt_lab_string(opt_lab *lab, const char *key) { return opt_config_string(lab->cfg, key); }
size_t opt_lab_list(opt_lab *lab, const char *key, double *out, size_t cap)
{
    return opt_config_list(lab->cfg, key, out, cap);
}
uint64_t opt_lab_seed(const opt_lab *lab) { return lab->seed; }
int opt_lab_quiet(const opt_lab *lab) { return lab->quiet; }
int opt_lab_plotting(const opt_lab *lab) { return lab->plot; }

const char *opt_lab_outdir(const opt_lab *lab)
{
    /* Callers that write files of their own need the directory to exist; it
     * is made here like on any first output (the struct is never const). */
    return ensure_outdir((opt_lab *)lab);
}

/* ---- Printing ---------------------------------------------------------------------- */

void opt_lab_section(opt_lab *lab, const char *title)
{
    if (lab->quiet)
        return;
    bar_clear(lab);
    heading(lab);
    printf("\n%s\n", title);
    rule(stdout, '-', display_width(title));
}

void opt_lab_printf(opt_lab *lab, const char *fmt, ...)
{
    if (lab->quiet)
        return;
    bar_clear(lab);
    heading(lab);
    va_list ap;
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
}

void opt_lab_record(opt_lab *lab, const char *key, double value)
{
    for (size_t i = 0; i < lab->nnumbers; i++)
        if (strcmp(lab->numbers[i].key, key) == 0) {
            lab->numbers[i].value = value;
            return;
        }
    if (lab->nnumbers == lab->numbers_cap) {
        lab->numbers_cap = lab->numbers_cap ? 2 * lab->numbers_cap : 16;
        lab_number *p = realloc(lab->numbers, lab->numbers_cap * sizeof *p);
        if (!p)
            opt_lab_die(lab, "out of memory");
        lab->numbers = p;
    }
    char *k = xstrdup(key);
    for (char *c = k; *c; c++)      /* keep numbers.tsv two columns wide */
        if (*c == '\t' || *c == '\n' || *c == '\r')
            *c = '_';
    lab->numbers[lab->nnumbers++] = (lab_number){ k, value };
}

void opt_lab_quote(opt_lab *lab, const char *key, double value, const char *fmt,
                   const char *text)
{
    opt_lab_record(lab, key, value);
    if (lab->quiet)
        return;
    bar_clear(lab);
    heading(lab);
    /* fmt is the lab's own literal ("%.3g"): a format, not data. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    char buf[128];
    snprintf(buf, sizeof buf, fmt ? fmt : "%.6g", value);
#pragma GCC diagnostic pop
    printf("  %s: %s\n", text ? text : key, buf);
}

void opt_lab_not_implemented(opt_lab *lab, const char *exercise)
{
    for (size_t i = 0; i < lab->nnoted; i++)
        if (strcmp(lab->noted[i], exercise) == 0)
            return;
    char **p = realloc(lab->noted, (lab->nnoted + 1) * sizeof *p);
    if (!p)
        opt_lab_die(lab, "out of memory");
    lab->noted = p;
    lab->noted[lab->nnoted++] = xstrdup(exercise);
    if (lab->quiet)
        return;
    bar_clear(lab);
    fflush(stdout);
    fprintf(stderr, "%s: note: exercise '%s' (labs/%s/exercise.c) is not implemented yet; "
            "this run uses the library's reference instead.\n",
            lab->prog, exercise, lab->info->slug);
}

/* ---- Tables -------------------------------------------------------------------------- */

/* OUT/<base>.tmp.<pid>.<ext>: the extension stays last so every writer
 * (gnuplot's terminals included) sees the kind of file it makes. */
static char *temp_path(opt_lab *lab, const char *base, const char *ext)
{
    return xasprintf("%s/%s.tmp.%ld.%s", ensure_outdir(lab), base, (long)getpid(), ext);
}

static opt_table *table_open(opt_lab *lab, const char *name, const char *columns)
{
    opt_table *t = xmalloc(sizeof *t);
    memset(t, 0, sizeof *t);
    t->lab = lab;
    t->name = xasprintf("%s.tsv", name);
    t->tmp = temp_path(lab, name, "tsv");
    t->path = xasprintf("%s/%s.tsv", lab->outdir, name);
    if (columns && *columns) {
        t->columns = xstrdup(columns);
        t->ncols = 1;
        for (const char *c = columns; *c; c++)
            t->ncols += *c == '\t';
    }
    t->f = fopen(t->tmp, "w");
    if (!t->f)
        opt_lab_die(lab, "cannot write %s: %s", t->tmp, strerror(errno));
    t->next = lab->open_tables;
    lab->open_tables = t;
    return t;
}

opt_table *opt_lab_table(opt_lab *lab, const char *name, const char *columns)
{
    return table_open(lab, name, columns);
}

static void table_header(opt_table *t)
{
    if (t->header_written)
        return;
    t->header_written = 1;
    if (t->columns)
        fprintf(t->f, "%s\n", t->columns);
}

void opt_table_meta(opt_table *t, const char *key, const char *value)
{
    if (t->header_written) {
        fprintf(stderr, "%s: %s: metadata '%s' after the first row ignored\n",
                t->lab->prog, t->name, key);
        return;
    }
    fprintf(t->f, "# %s=%s\n", key, value);
}

FILE *opt_table_file(opt_table *t)
{
    table_header(t);
    return t->f;
}

void opt_table_row(opt_table *t, const double *values)
{
    table_header(t);
    for (size_t i = 0; i < t->ncols; i++)
        fprintf(t->f, i ? "\t%.17g" : "%.17g", values[i]);
    fputc('\n', t->f);
}

void opt_table_rowv(opt_table *t, ...)
{
    table_header(t);
    va_list ap;
    va_start(ap, t);
    for (size_t i = 0; i < t->ncols; i++)
        fprintf(t->f, i ? "\t%.17g" : "%.17g", va_arg(ap, double));
    va_end(ap);
    fputc('\n', t->f);
}

static void table_unlink(opt_table *t)
{
    for (opt_table **p = &t->lab->open_tables; *p; p = &(*p)->next)
        if (*p == t) {
            *p = t->next;
            break;
        }
}

void opt_table_close(opt_table *t)
{
    if (!t)
        return;
    opt_lab *lab = t->lab;
    table_header(t);
    int write_error = ferror(t->f);
    int close_error = fclose(t->f) != 0;
    t->f = NULL;
    if (write_error || close_error) {
        bar_clear(lab);
        fprintf(stderr, "%s: writing %s failed%s%s\n", lab->prog, t->path,
                close_error ? ": " : "", close_error ? strerror(errno) : "");
        unlink(t->tmp);
        lab->failed = 1;
    } else if (rename(t->tmp, t->path) != 0) {
        bar_clear(lab);
        fprintf(stderr, "%s: cannot rename %s to %s: %s\n", lab->prog, t->tmp, t->path,
                strerror(errno));
        unlink(t->tmp);
        lab->failed = 1;
    }
    table_unlink(t);
    free(t->name);
    free(t->tmp);
    free(t->path);
    free(t->columns);
    free(t);
}

void opt_lab_trace(opt_lab *lab, const char *name, const opt_trace *tr, const char *const *meta)
{
    opt_table *t = table_open(lab, name, NULL);
    /* A write error stays flagged on the stream: opt_table_close reports it. */
    (void)opt_trace_write_tsv(tr, opt_table_file(t), meta);
    opt_table_close(t);
}

/* ---- Figures ------------------------------------------------------------------------ */

/* s as a gnuplot single-quoted string, where a quote is written twice. */
static char *gp_quote(const char *s)
{
    char *q = xmalloc(2 * strlen(s) + 3), *o = q;
    *o++ = '\'';
    for (; *s; s++) {
        if (*s == '\'')
            *o++ = '\'';
        *o++ = *s;
    }
    *o++ = '\'';
    *o = '\0';
    return q;
}

static const char *figure_root(void)
{
    const char *r = getenv("OPTLAB_ROOT");
    return r && *r ? r : OPTLAB_ROOT;
}

/* Print the first max non-empty lines of f, each prefixed. */
static void print_lines(FILE *f, const char *prefix, int max)
{
    char line[512];
    fflush(f);
    rewind(f);
    for (int k = 0; k < max && fgets(line, sizeof line, f); ) {
        size_t n = strlen(line);
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        if (n) {
            fprintf(stderr, "%s%s\n", prefix, line);
            k++;
        }
    }
}

static int file_nonempty(FILE *f)
{
    struct stat st;
    fflush(f);
    return fstat(fileno(f), &st) == 0 && st.st_size > 0;
}

/* One gnuplot run: a figure in one format. */
typedef struct render {
    const char *term;   /* "pdf", "png", "svg" */
    char *tmp;          /* OUT/<script>.tmp.<pid>.<term> */
    FILE *err;          /* gnuplot's stderr */
    pid_t pid;
    int started, status;
} render;

enum { NTERMS = 3 };

/* Start gnuplot on script for r->term; 0 or an errno value. */
static int render_start(render *r, const char *gnuplot, const char *script, const char *root,
                        const char *outdir, const char *vars)
{
    r->err = tmpfile();
    if (!r->err)
        return errno;
    char *q[5] = { gp_quote(root), gp_quote(outdir), gp_quote(r->tmp), gp_quote(r->term), NULL };
    char *style = xasprintf("%s/figures/style.gp", root);
    q[4] = gp_quote(style);
    char *assign = xasprintf("root=%s; datadir=%s; outfile=%s; term=%s; stylefile=%s; %s",
                             q[0], q[1], q[2], q[3], q[4], vars ? vars : "");
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_adddup2(&fa, fileno(r->err), 2);
    /* -d: no ~/.gnuplot, so every machine draws the same figure. */
    char *const argv[] = { (char *)gnuplot, "-d", "-e", assign, (char *)script, NULL };
    int st = posix_spawnp(&r->pid, gnuplot, &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    r->started = st == 0;
    for (int i = 0; i < 5; i++)
        free(q[i]);
    free(style);
    free(assign);
    return st;
}

/* Wait for r; 1 when it wrote a non-empty file. */
static int render_wait(render *r)
{
    while (waitpid(r->pid, &r->status, 0) < 0)
        if (errno != EINTR)
            return 0;
    struct stat st;
    return WIFEXITED(r->status) && WEXITSTATUS(r->status) == 0
           && stat(r->tmp, &st) == 0 && st.st_size > 0;
}

void opt_lab_figure(opt_lab *lab, const char *script, const char *vars)
{
    if (!lab->plot || lab->gnuplot_missing)
        return;
    bar_clear(lab);
    fflush(stdout);
    const char *root = figure_root();
    char *script_path = xasprintf("%s/figures/%s.gp", root, script);
    if (access(script_path, R_OK) != 0) {
        fprintf(stderr, "%s: figure '%s': cannot read %s (is OPTLAB_ROOT the source tree?)\n",
                lab->prog, script, script_path);
        lab->failed = 1;
        free(script_path);
        return;
    }
    const char *gnuplot = getenv("GNUPLOT");
    if (!gnuplot || !*gnuplot)
        gnuplot = "gnuplot";
    const char *outdir = ensure_outdir(lab);

    /* The three formats render in parallel: gnuplot's start-up dominates. */
    render r[NTERMS] = { { .term = "pdf" }, { .term = "png" }, { .term = "svg" } };
    int spawn_error = 0;
    for (int i = 0; i < NTERMS && !spawn_error; i++) {
        r[i].tmp = temp_path(lab, script, r[i].term);
        spawn_error = render_start(&r[i], gnuplot, script_path, root, outdir, vars);
    }
    int ok[NTERMS] = { 0 };
    for (int i = 0; i < NTERMS; i++)
        ok[i] = r[i].started && render_wait(&r[i]);

    char prefix[64];
    snprintf(prefix, sizeof prefix, "%s:   ", lab->prog);
    if (spawn_error == ENOENT) {
        if (!lab->quiet)
            fprintf(stderr, "%s: note: '%s' not found, so no figures are drawn "
                    "(install gnuplot, or pass --no-plot)\n", lab->prog, gnuplot);
        lab->gnuplot_missing = 1;
    } else if (spawn_error) {
        fprintf(stderr, "%s: figure '%s': cannot run %s: %s\n", lab->prog, script, gnuplot,
                strerror(spawn_error));
        lab->failed = 1;
    } else {
        int reported = 0;
        for (int i = 0; i < NTERMS; i++) {
            char *final = xasprintf("%s/%s.%s", outdir, script, r[i].term);
            if (ok[i] && rename(r[i].tmp, final) != 0) {
                fprintf(stderr, "%s: cannot rename %s to %s: %s\n", lab->prog, r[i].tmp, final,
                        strerror(errno));
                lab->failed = 1;
            } else if (!ok[i]) {
                lab->failed = 1;
                if (!reported++) {  /* the three formats fail alike: say it once */
                    fprintf(stderr, "%s: figure '%s' (%s): gnuplot failed on %s:\n", lab->prog,
                            script, r[i].term, script_path);
                    if (file_nonempty(r[i].err))
                        print_lines(r[i].err, prefix, 8);
                    else
                        fprintf(stderr, "%sno output was written\n", prefix);
                }
            } else if (i == 1 && !lab->quiet && file_nonempty(r[i].err)) {
                /* Warnings of a figure that was drawn: once, from the PNG run. */
                fprintf(stderr, "%s: figure '%s': gnuplot says:\n", lab->prog, script);
                print_lines(r[i].err, prefix, 5);
            }
            free(final);
        }
    }
    for (int i = 0; i < NTERMS; i++) {
        if (r[i].tmp)
            unlink(r[i].tmp);   /* gone already when renamed */
        free(r[i].tmp);
        if (r[i].err)
            fclose(r[i].err);
    }
    free(script_path);
}

/* ---- The end ---------------------------------------------------------------------- */

int opt_lab_finish(opt_lab *lab)
{
    bar_clear(lab);
    while (lab->open_tables)    /* a table the lab forgot to close is still good */
        opt_table_close(lab->open_tables);

    opt_table *t = table_open(lab, "numbers", "key\tvalue");
    table_header(t);
    for (size_t i = 0; i < lab->nnumbers; i++)
        fprintf(t->f, "%s\t%.17g\n", lab->numbers[i].key, lab->numbers[i].value);
    opt_table_close(t);

    if (!lab->quiet) {
        heading(lab);
        printf("\nOutputs in %s/\n", lab->outdir);
    }
    fflush(stdout);
    if (ferror(stdout))
        lab->failed = 1;

    int status = lab->failed ? 1 : 0;
    for (size_t i = 0; i < lab->nnumbers; i++)
        free(lab->numbers[i].key);
    free(lab->numbers);
    for (size_t i = 0; i < lab->nnoted; i++)
        free(lab->noted[i]);
    free(lab->noted);
    opt_config_free(lab->cfg);
    free(lab->outdir);
    free(lab);
    return status;
}
