/* The lab runtime's tools (lib/lab_tools.c): plot windows, figure
 * variables, records under printf-made keys, contour grids. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "opt.h"

static const opt_lab_info info = { "99-tools", "Tools", NULL, 0 };
static char outdir[] = "/tmp/optlab-test-lab-tools-XXXXXX";

static opt_lab *start_lab(void)
{
    cr_assert_not_null(mkdtemp(outdir));
    char *argv[] = { "lab99", "--quiet", "--no-plot", "--out", outdir, NULL };
    return opt_lab_start(&info, 5, argv);
}

/* A lab that stops before it writes: its --out is never made. */
static opt_lab *start_lab_writing_nothing(void)
{
    char *argv[] = { "lab99", "--quiet", "--no-plot", "--out",
                     "/tmp/optlab-test-lab-tools-never", NULL };
    return opt_lab_start(&info, 5, argv);
}

/* The whole of OUT/<name>, as a string to free. */
static char *slurp(const char *name)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", outdir, name);
    FILE *f = fopen(path, "r");
    cr_assert_not_null(f, "%s was not written", path);
    static char buf[1 << 16];
    size_t len = fread(buf, 1, sizeof buf - 1, f);
    buf[len] = '\0';
    fclose(f);
    unlink(path);
    return strdup(buf);
}

Test(lab_tools, box_of_traces_padded)
{
    opt_trace *tr[2] = { opt_trace_alloc(2), NULL };
    const double a[2] = { 1, -2 }, b[2] = { 3, 2 };
    opt_trace_push(tr[0], 0, 1, 1, a);
    opt_trace_push(tr[0], 1, 1, 1, b);
    double box[4];
    opt_trace_bounds(tr, 2, 0.25, 1, box);   /* NULL skipped; 0.25 * extent + 1 */
    cr_assert_float_eq(box[0], 1 - 0.5 - 1, 1e-15);
    cr_assert_float_eq(box[1], 3 + 0.5 + 1, 1e-15);
    cr_assert_float_eq(box[2], -2 - 1 - 1, 1e-15);
    cr_assert_float_eq(box[3], 2 + 1 + 1, 1e-15);
    opt_trace_free(tr[0]);
}

Test(lab_tools, centred_box_takes_the_plot_shape)
{
    double box[4];
    opt_box_centred(box, 0, 0, 1, 1, 2);     /* too narrow: widened */
    cr_assert_float_eq(box[1] - box[0], 2, 1e-15);
    cr_assert_float_eq(box[3] - box[2], 1, 1e-15);
    opt_box_centred(box, 1, 1, 4, 1, 2);     /* too flat: heightened */
    cr_assert_float_eq(box[3] - box[2], 2, 1e-15);
    cr_assert_float_eq(box[0], -1, 1e-15);
}

Test(lab_tools, figure_vars_quote_and_cut)
{
    opt_lab *lab = start_lab();
    opt_figure_vars *v = opt_figure_vars_new(lab);
    cr_assert_str_eq(opt_figure_vars_text(v), "");
    opt_figure_var(v, "n=%d", 3);
    size_t shared = opt_figure_vars_length(v);
    opt_figure_var_string(v, "title", "it's");
    cr_assert_str_eq(opt_figure_vars_text(v), "n=3; title='it''s'; ");
    opt_figure_vars_truncate(v, shared);
    for (int i = 0; i < 200; i++)            /* grows past its first buffer */
        opt_figure_var(v, "a[%d]=%.17g", i, 0.1);
    cr_assert(strncmp(opt_figure_vars_text(v), "n=3; a[0]=0.10000000000000001; ", 31) == 0);
    cr_assert_eq(strlen(opt_figure_vars_text(v)), opt_figure_vars_length(v));
    opt_figure_vars_free(v);
    opt_lab_finish(lab);
    free(slurp("numbers.tsv"));
    rmdir(outdir);
}

Test(lab_tools, records_under_printf_keys)
{
    opt_lab *lab = start_lab();
    opt_lab_recordf(lab, 0.5, "%s.f", "adam");
    opt_lab_quotef(lab, 2, "%g", NULL, "steps_%d", 7);
    double *p = opt_lab_alloc(lab, 3, sizeof *p);
    cr_assert(p[0] == 0 && p[2] == 0);       /* zeroed */
    free(p);
    cr_assert_eq(opt_lab_need_memory(lab, OPT_EDIVERGED), OPT_EDIVERGED);
    cr_assert_eq(opt_lab_finish(lab), 0);
    char *numbers = slurp("numbers.tsv");
    cr_assert_str_eq(numbers, "key\tvalue\nadam.f\t0.5\nsteps_7\t2\n");
    free(numbers);
    rmdir(outdir);
}

static double bowl(const double *x, double *g, void *ctx)
{
    (void)ctx;
    if (g)
        g[0] = 2 * x[0], g[1] = 2 * x[1];
    return x[0] * x[0] + x[1] * x[1];
}

Test(lab_tools, contour_grid)
{
    opt_lab *lab = start_lab();
    opt_objective f = { .n = 2, .fdf = bowl, .name = "bowl" };
    const double box[4] = { -1, 1, 0, 2 };
    cr_assert_eq(opt_lab_grid(lab, "sq", "x\ty\tf\tsqrt_f", &f, box, 3, OPT_GRID_SQRT), 0);
    char *t = slurp("sq.tsv");
    const char *head = "x\ty\tf\tsqrt_f\n-1\t0\t1\t1\n-1\t1\t2\t1.4142135623730951\n";
    cr_assert(strncmp(t, head, strlen(head)) == 0, "%s", t);
    cr_assert_not_null(strstr(t, "\n\n0\t0\t0\t0\n"), "a blank line between scans:\n%s", t);
    free(t);
    /* f >= 0 on the window: z = log10(f - fmin + delta), three columns. */
    cr_assert_eq(opt_lab_grid(lab, "lg", "x\ty\tz", &f, box, 3, OPT_GRID_LOG_IF_POSITIVE), 1);
    t = slurp("lg.tsv");
    cr_assert(strncmp(t, "x\ty\tz\n-1\t0\t", 11) == 0, "%s", t);
    cr_assert_float_eq(strtod(t + 11, NULL), log10(1 - 0 + 1e-3 * 5), 1e-15);
    free(t);
    opt_lab_finish(lab);
    free(slurp("numbers.tsv"));
    rmdir(outdir);
}

/* Out of memory stops the lab as every failure while running does: exit 1. */
Test(lab_tools, out_of_memory_stops_the_lab, .exit_code = 1)
{
    opt_lab *lab = start_lab_writing_nothing();
    opt_lab_need(lab, NULL);
}

Test(lab_tools, enomem_stops_the_lab, .exit_code = 1)
{
    opt_lab *lab = start_lab_writing_nothing();
    opt_lab_need_memory(lab, OPT_ENOMEM);
}
