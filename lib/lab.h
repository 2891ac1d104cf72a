/* lab.h — the lab runtime: everything a lab program does that is not the
 * lecture.
 *
 * A lab's main() reads like this:
 *
 *     static const opt_param params[] = { {"eta", OPT_T_NUMBER, "0.05", 0, 10, "step size"}, ... };
 *     static const opt_lab_info info = OPT_LAB_INFO("01-gradients", "Gradients", params);
 *     int main(int argc, char **argv) {
 *         opt_lab *lab = opt_lab_start(&info, argc, argv);
 *         double eta = opt_lab_number(lab, "eta");
 *         ...
 *         opt_lab_quote(lab, "best_h_central", h, "%.2g", "best step, central differences");
 *         opt_lab_figure(lab, "01-error-vs-h", NULL);
 *         return opt_lab_finish(lab);
 *     }
 *
 * Command line (every lab):
 *   --config F.lua   run F.lua after the defaults (may be given more than once)
 *   --set key=expr   assign one parameter (Lua expression), after the configs
 *   --out DIR        output directory (default build/out/<slug>)
 *   --seed N         the run's random seed (default 42)
 *   --no-plot        write tables but do not run gnuplot
 *   --quiet          print nothing but errors
 *   --help           list every parameter with its type, default and meaning
 *
 * Unlike lib/'s numerics, this module is the program's front end: on bad
 * input opt_lab_start() prints one line to stderr ("file:line: key ...")
 * and exits with status 2 before anything is written.
 *
 * Outputs: tables (TSV) and figures (PDF, PNG, SVG) are written under a
 * temporary name and renamed into place when complete, so a failed run
 * never leaves half a file over a good one. The numbers a lab quotes are
 * printed and also collected in OUT/numbers.tsv (key, value) for tests.
 */
#ifndef OPT_LAB_H
#define OPT_LAB_H

#include <stdint.h>
#include <stdio.h>
#include "config.h"
#include "run.h"

typedef struct opt_lab_info {
    const char *slug;           /* "01-gradients": names the default out dir */
    const char *title;          /* the lab's title, printed as its heading */
    const opt_param *params;    /* the schema */
    size_t nparams;
} opt_lab_info;

/* A lab's info from its slug, title and schema array:
 * `static const opt_lab_info info = OPT_LAB_INFO("05-ema", "Moving averages", params);` */
#define OPT_LAB_INFO(slug, title, params) \
    { (slug), (title), (params), sizeof (params) / sizeof *(params) }

typedef struct opt_lab opt_lab;

/* Parse argv, load configs, make the output directory. Exits 0 after
 * --help, 2 on bad input (one line on stderr). */
opt_lab *opt_lab_start(const opt_lab_info *info, int argc, char **argv);
/* Write numbers.tsv, free everything; returns the process exit status
 * (0, or 1 if any output failed). */
int opt_lab_finish(opt_lab *lab);

/* --- Parameters ------------------------------------------------------------ */
opt_config *opt_lab_config(opt_lab *lab);
double opt_lab_number(opt_lab *lab, const char *key);
long opt_lab_int(opt_lab *lab, const char *key);
const char *opt_lab_string(opt_lab *lab, const char *key);
size_t opt_lab_list(opt_lab *lab, const char *key, double *out, size_t cap);
uint64_t opt_lab_seed(const opt_lab *lab);
const char *opt_lab_outdir(const opt_lab *lab);
int opt_lab_quiet(const opt_lab *lab);
int opt_lab_plotting(const opt_lab *lab);   /* 0 under --no-plot */

/* A problem found in a parameter after loading (an unknown method name in
 * a table, say): print "<where>: key '<key>': <message>" and exit 2. Only
 * before the first output is written. */
void opt_lab_bad_param(opt_lab *lab, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 3, 4), noreturn));
/* The config's own last error (opt_config_error, which already names the
 * place and the key) after a config call failed: print it and exit 2. */
void opt_lab_config_failed(opt_lab *lab) __attribute__((noreturn));
/* A failure while running (a Lua error inside an objective, an I/O error):
 * print "lab<NN>: <message>" and exit 1. */
void opt_lab_die(opt_lab *lab, const char *fmt, ...)
    __attribute__((format(printf, 2, 3), noreturn));

/* --- Printing ----------------------------------------------------------------- */
/* A heading for the next part of the lab's output. */
void opt_lab_section(opt_lab *lab, const char *title);
/* printf to stdout unless --quiet. */
void opt_lab_printf(opt_lab *lab, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A number the lecture quotes: printed as "  text: value" (value with fmt)
 * and recorded under key in numbers.tsv with full precision. */
void opt_lab_quote(opt_lab *lab, const char *key, double value, const char *fmt,
                   const char *text);
/* Record key = value in numbers.tsv without printing it (for numbers a lab
 * prints in a line of its own, such as a per-method summary). */
void opt_lab_record(opt_lab *lab, const char *key, double value);
/* Say, once per exercise, that the student's function is not implemented
 * yet and the library's reference is used instead. */
void opt_lab_not_implemented(opt_lab *lab, const char *exercise);
/* A progress bar on stderr when it is a terminal (and not --quiet). */
void opt_lab_progress(opt_lab *lab, const char *what, long done, long total);

/* --- Tables ------------------------------------------------------------------- */
typedef struct opt_table opt_table;
/* Open OUT/<name>.tsv (under a temporary name) with the tab-separated
 * header `columns` ("h\tforward\tcentral"; NULL when the writer prints its
 * own header through opt_table_file). Exits 1 when it cannot. */
opt_table *opt_lab_table(opt_lab *lab, const char *name, const char *columns);
/* One row of as many numbers as the header has columns, as %.17g. */
void opt_table_row(opt_table *t, const double *values);
/* Variadic form: opt_table_rowv(t, h, fwd, cen) — exactly one double per column. */
void opt_table_rowv(opt_table *t, ...);
/* A `# key=value` metadata line (before the first row only). */
void opt_table_meta(opt_table *t, const char *key, const char *value);
/* The underlying stream, for writers such as opt_trace_write_tsv. */
FILE *opt_table_file(opt_table *t);
/* Close and rename into place. */
void opt_table_close(opt_table *t);
/* Write a trace to OUT/<name>.tsv (atomically) with metadata pairs. */
void opt_lab_trace(opt_lab *lab, const char *name, const opt_trace *tr, const char *const *meta);

/* --- Figures ------------------------------------------------------------------ */
/* Render figures/<script>.gp into OUT/<script>.{pdf,png,svg} through
 * gnuplot, with the string variables datadir (OUT), outfile (the file to
 * write), term ('pdf', 'png' or 'svg'), stylefile (figures/style.gp, which
 * the script loads first) and root (the source tree) set by -e, plus any
 * extra assignments in vars ("nmethods=3; title='...'"; may be NULL).
 * figures/ is found under $OPTLAB_ROOT, else the source tree compiled in.
 * Skipped under --no-plot. A gnuplot failure is reported on stderr and
 * makes opt_lab_finish() return 1; no partial figure is left behind. */
void opt_lab_figure(opt_lab *lab, const char *script, const char *vars);

/* ==== What labs keep writing (lib/lab_tools.c) ==================================== */

/* --- Checked allocation -------------------------------------------------------- */
/* count * size zeroed bytes (calloc), or the lab stops: "lab<NN>: out of
 * memory" on stderr, exit 1 (opt_lab_die). Free with free(). */
void *opt_lab_alloc(opt_lab *lab, size_t count, size_t size);
/* p itself, or, when p is NULL, the same stop: wraps any allocator that
 * returns NULL when out of memory, `tr = opt_lab_need(lab, opt_trace_alloc(n))`. */
void *opt_lab_need(opt_lab *lab, void *p);
/* status itself unless it is OPT_ENOMEM, which stops the lab the same way. */
int opt_lab_need_memory(opt_lab *lab, int status);

/* --- Records and quotes with printf-made keys ------------------------------------ */
/* opt_lab_record under the key printed from key_fmt:
 * `opt_lab_recordf(lab, f, "%s.f", method)` writes method.f = f. */
void opt_lab_recordf(opt_lab *lab, double value, const char *key_fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* opt_lab_quote under the key printed from key_fmt; text NULL shows the key. */
void opt_lab_quotef(opt_lab *lab, double value, const char *value_fmt, const char *text,
                    const char *key_fmt, ...) __attribute__((format(printf, 5, 6)));

/* --- Figure variables ------------------------------------------------------------- */
/* The `vars` of opt_lab_figure, built one gnuplot assignment at a time:
 *
 *     opt_figure_vars *v = opt_figure_vars_new(lab);
 *     opt_figure_var(v, "xmin=%.17g", box[0]);        appends "xmin=...; "
 *     opt_figure_var_string(v, "title", label);       appends "title='...'; " (quoted)
 *     opt_lab_figure(lab, "04-paths", opt_figure_vars_text(v));
 *     opt_figure_vars_free(v);
 *
 * Out of memory stops the lab (opt_lab_die). */
typedef struct opt_figure_vars opt_figure_vars;
opt_figure_vars *opt_figure_vars_new(opt_lab *lab);
void opt_figure_var(opt_figure_vars *v, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* name='value' with value as a gnuplot single-quoted string ('' for a quote). */
void opt_figure_var_string(opt_figure_vars *v, const char *name, const char *value);
/* The assignments so far ("" when none). */
const char *opt_figure_vars_text(const opt_figure_vars *v);
/* Bytes so far, and a cut back to such a length: the assignments shared by
 * two figures, then each one's own. */
size_t opt_figure_vars_length(const opt_figure_vars *v);
void opt_figure_vars_truncate(opt_figure_vars *v, size_t length);
void opt_figure_vars_free(opt_figure_vars *v);

/* --- Plot windows --------------------------------------------------------------------
 * A box is {xmin, xmax, ymin, ymax} in the first two coordinates. */
/* The empty box {+inf, -inf, +inf, -inf}, which any point enlarges. */
void opt_box_empty(double box[4]);
/* Enlarge box to hold the point (x[0], x[1]). */
void opt_box_include(double box[4], const double *x);
/* Enlarge box to hold every iterate of a trace (of n >= 2 coordinates). */
void opt_box_include_trace(double box[4], const opt_trace *tr);
/* The box around every iterate of count traces (NULL ones skipped), each
 * side pushed out by fraction of the box's extent plus at_least. */
void opt_trace_bounds(opt_trace *const *tr, size_t count, double fraction, double at_least,
                      double box[4]);
/* Push each side of box out by fraction of its extent plus at_least. */
void opt_box_pad(double box[4], double fraction, double at_least);
/* The box of width w and height h centred on (cx, cy), the shorter side
 * first widened so that width / height = aspect (the plot's shape, so
 * that both axes get equal units). */
void opt_box_centred(double box[4], double cx, double cy, double w, double h, double aspect);

/* --- Contour grids ----------------------------------------------------------------- */
/* The column contours follow, after x, y (and f when the header names four
 * columns): */
typedef enum {
    OPT_GRID_F,              /* f itself */
    OPT_GRID_SQRT,           /* sqrt(max(f, 0)): evenly spaced ellipses for a quadratic */
    OPT_GRID_LOG,            /* log10(f - fmin + delta), delta = 1e-3 (fmax - fmin) */
    OPT_GRID_LOG_IF_POSITIVE /* OPT_GRID_LOG when f >= 0 on the grid and fmax > fmin, else f */
} opt_grid_scale;
/* f on a size x size lattice over box, in memory (fmin, fmax over its
 * finite values; a point where f is not finite holds NaN, a hole in the
 * contours). Written by opt_lab_grid_write; evaluate first when the lab
 * must check the evaluations (a Lua objective's error) before any file. */
typedef struct opt_grid {
    double box[4];
    int size;
    double *f;               /* f[i * size + j] at x_i, y_j */
    double fmin, fmax;
} opt_grid;
opt_grid *opt_lab_grid_eval(opt_lab *lab, const opt_objective *f, const double box[4], int size);
/* Write OUT/<name>.tsv, gnuplot's grid format: a row x, y[, f], z per point
 * (%.17g), x-major, a blank line after each scan. columns is the header:
 * three names for x, y, z, four for x, y, f, z. Frees the grid; returns 1
 * when z is logarithmic. */
int opt_lab_grid_write(opt_lab *lab, opt_grid *g, const char *name, const char *columns,
                       opt_grid_scale z);
/* Both: `opt_lab_grid(lab, "grid", "x\ty\tf\tsqrt_f", &f, box, 121, OPT_GRID_SQRT)`. */
int opt_lab_grid(opt_lab *lab, const char *name, const char *columns, const opt_objective *f,
                 const double box[4], int size, opt_grid_scale z);

#endif
