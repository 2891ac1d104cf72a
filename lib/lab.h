/* lab.h — the lab runtime: everything a lab program does that is not the
 * lecture.
 *
 * A lab's main() reads like this:
 *
 *     static const opt_param params[] = { {"eta", OPT_T_NUMBER, "0.05", 0, 10, "step size"}, ... };
 *     static const opt_lab_info info = { "01-gradients", "Gradients", params, 3 };
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

#endif
