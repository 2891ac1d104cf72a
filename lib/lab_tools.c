/* lab_tools.c — what labs keep writing around the lecture: checked
 * allocation, records under printf-made keys, figure variables, plot
 * windows around traces and contour grids. Each is declared, with its
 * contract, in lab.h. */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "lab.h"
#include "status.h"

/* ---- Checked allocation ------------------------------------------------------------ */

void *opt_lab_need(opt_lab *lab, void *p)
{
    if (!p)
        opt_lab_die(lab, "out of memory");
    return p;
}

void *opt_lab_alloc(opt_lab *lab, size_t count, size_t size)
{
    return opt_lab_need(lab, calloc(count ? count : 1, size ? size : 1));
}

int opt_lab_need_memory(opt_lab *lab, int status)
{
    if (status == OPT_ENOMEM)
        opt_lab_die(lab, "out of memory");
    return status;
}

/* ---- Records and quotes ------------------------------------------------------------- */

/* The key printed from fmt, in buf (cut at its size, like the labs' own key[160]). */
static const char *print_key(char *buf, size_t cap, const char *fmt, va_list ap)
{
    vsnprintf(buf, cap, fmt, ap);
    return buf;
}

void opt_lab_recordf(opt_lab *lab, double value, const char *key_fmt, ...)
{
    char key[256];
    va_list ap;
    va_start(ap, key_fmt);
    print_key(key, sizeof key, key_fmt, ap);
    va_end(ap);
    opt_lab_record(lab, key, value);
}

void opt_lab_quotef(opt_lab *lab, double value, const char *value_fmt, const char *text,
                    const char *key_fmt, ...)
{
    char key[256];
    va_list ap;
    va_start(ap, key_fmt);
    print_key(key, sizeof key, key_fmt, ap);
    va_end(ap);
    opt_lab_quote(lab, key, value, value_fmt, text);
}

/* ---- Figure variables ---------------------------------------------------------------- */

struct opt_figure_vars {
    opt_lab *lab;
    char *text;
    size_t len, cap;
};

opt_figure_vars *opt_figure_vars_new(opt_lab *lab)
{
    opt_figure_vars *v = opt_lab_alloc(lab, 1, sizeof *v);
    v->lab = lab;
    v->cap = 256;
    v->text = opt_lab_alloc(lab, v->cap, 1);
    return v;
}

static void vars_reserve(opt_figure_vars *v, size_t more)
{
    if (v->len + more + 1 <= v->cap)
        return;
    while (v->len + more + 1 > v->cap)
        v->cap *= 2;
    v->text = opt_lab_need(v->lab, realloc(v->text, v->cap));
}

void opt_figure_var(opt_figure_vars *v, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int len = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (len < 0)
        opt_lab_die(v->lab, "figure variable '%s' cannot be printed", fmt);
    vars_reserve(v, (size_t)len + 2);
    va_start(ap, fmt);
    vsnprintf(v->text + v->len, (size_t)len + 1, fmt, ap);
    va_end(ap);
    v->len += (size_t)len;
    memcpy(v->text + v->len, "; ", 3);
    v->len += 2;
}

void opt_figure_var_string(opt_figure_vars *v, const char *name, const char *value)
{
    vars_reserve(v, strlen(name) + 2 * strlen(value) + 5);
    char *o = v->text + v->len;
    o += sprintf(o, "%s='", name);
    for (const char *c = value; *c; c++) {
        if (*c == '\'')          /* gnuplot's single quotes: '' inside */
            *o++ = '\'';
        *o++ = *c;
    }
    memcpy(o, "'; ", 4);
    v->len = (size_t)(o + 3 - v->text);
}

const char *opt_figure_vars_text(const opt_figure_vars *v) { return v->text; }
size_t opt_figure_vars_length(const opt_figure_vars *v) { return v->len; }

void opt_figure_vars_truncate(opt_figure_vars *v, size_t length)
{
    if (length < v->len) {
        v->len = length;
        v->text[length] = '\0';
    }
}

void opt_figure_vars_free(opt_figure_vars *v)
{
    if (!v)
        return;
    free(v->text);
    free(v);
}

/* ---- Plot windows ----------------------------------------------------------------------- */

void opt_box_empty(double box[4])
{
    box[0] = box[2] = INFINITY;
    box[1] = box[3] = -INFINITY;
}

void opt_box_include(double box[4], const double *x)
{
    box[0] = fmin(box[0], x[0]), box[1] = fmax(box[1], x[0]);
    box[2] = fmin(box[2], x[1]), box[3] = fmax(box[3], x[1]);
}

void opt_box_include_trace(double box[4], const opt_trace *tr)
{
    for (size_t r = 0; r < tr->rows; r++)
        opt_box_include(box, opt_trace_x(tr, r));
}

void opt_box_pad(double box[4], double fraction, double at_least)
{
    const double px = fraction * (box[1] - box[0]) + at_least;
    const double py = fraction * (box[3] - box[2]) + at_least;
    box[0] -= px, box[1] += px, box[2] -= py, box[3] += py;
}

void opt_trace_bounds(opt_trace *const *tr, size_t count, double fraction, double at_least,
                      double box[4])
{
    opt_box_empty(box);
    for (size_t m = 0; m < count; m++)
        if (tr[m])
            opt_box_include_trace(box, tr[m]);
    opt_box_pad(box, fraction, at_least);
}

void opt_box_centred(double box[4], double cx, double cy, double w, double h, double aspect)
{
    if (w < aspect * h)
        w = aspect * h;
    else
        h = w / aspect;
    box[0] = cx - w / 2, box[1] = cx + w / 2;
    box[2] = cy - h / 2, box[3] = cy + h / 2;
}

/* ---- Contour grids ------------------------------------------------------------------------ */

/* The lattice's i-th coordinate between lo and hi (written as the labs wrote it). */
static double lattice(double lo, double hi, int i, int size)
{
    return lo + (hi - lo) * i / (size - 1);
}

opt_grid *opt_lab_grid_eval(opt_lab *lab, const opt_objective *f, const double box[4], int size)
{
    opt_grid *g = opt_lab_alloc(lab, 1, sizeof *g);
    memcpy(g->box, box, sizeof g->box);
    g->size = size;
    g->f = opt_lab_alloc(lab, (size_t)size * (size_t)size, sizeof *g->f);
    g->fmin = INFINITY, g->fmax = -INFINITY;
    for (int i = 0; i < size; i++)
        for (int j = 0; j < size; j++) {
            const double x[2] = { lattice(box[0], box[1], i, size),
                                  lattice(box[2], box[3], j, size) };
            double fx = opt_eval(f, x, NULL);
            if (!isfinite(fx)) {
                fx = NAN;
            } else {
                g->fmin = g->fmin < fx ? g->fmin : fx;
                g->fmax = g->fmax > fx ? g->fmax : fx;
            }
            g->f[i * size + j] = fx;
        }
    return g;
}

int opt_lab_grid_write(opt_lab *lab, opt_grid *g, const char *name, const char *columns,
                       opt_grid_scale z)
{
    int ncols = 1;
    for (const char *c = columns; *c; c++)
        ncols += *c == '\t';
    const int with_f = ncols == 4;
    const int zlog = z == OPT_GRID_LOG
                     || (z == OPT_GRID_LOG_IF_POSITIVE && g->fmin >= 0 && g->fmax > g->fmin);
    const double fmin = g->fmin, delta = 1e-3 * (g->fmax - g->fmin);
    const double *box = g->box;
    opt_table *t = opt_lab_table(lab, name, columns);
    for (int i = 0; i < g->size; i++) {
        for (int j = 0; j < g->size; j++) {
            const double x = lattice(box[0], box[1], i, g->size);
            const double y = lattice(box[2], box[3], j, g->size);
            const double fx = g->f[i * g->size + j];
            const double zx = zlog ? log10(fx - fmin + delta)
                              : z == OPT_GRID_SQRT ? sqrt(fmax(fx, 0)) : fx;
            if (with_f)
                opt_table_rowv(t, x, y, fx, zx);
            else
                opt_table_rowv(t, x, y, zx);
        }
        fputc('\n', opt_table_file(t));   /* gnuplot's blank line between scans */
    }
    opt_table_close(t);
    free(g->f);
    free(g);
    return zlog;
}

int opt_lab_grid(opt_lab *lab, const char *name, const char *columns, const opt_objective *f,
                 const double box[4], int size, opt_grid_scale z)
{
    return opt_lab_grid_write(lab, opt_lab_grid_eval(lab, f, box, size), name, columns, z);
}
