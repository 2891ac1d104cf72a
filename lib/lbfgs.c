/* lbfgs.c — L-BFGS with the two-loop recursion and a strong-Wolfe search. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "lbfgs.h"
#include "status.h"
#include "vec.h"

opt_lbfgs_params opt_lbfgs_defaults(void)
{
    return (opt_lbfgs_params){ .m = 6, .epsilon = 1e-5, .past = 0, .delta = 1e-5,
                               .max_iterations = 10000, .linesearch = OPT_LS_MORE_THUENTE,
                               .ls = opt_ls_defaults(), .fixed_step = 1 };
}

/* The recursion over pairs given by pointers, oldest first. */
static void two_loop(const double *g, const double *const *s, const double *const *y,
                     const double *rho, int count, size_t n, double gamma, double *alpha,
                     double *d)
{
    for (size_t j = 0; j < n; j++)
        d[j] = -g[j];
    /* Newest to oldest: peel off each pair's rank-two correction. */
    for (int i = count - 1; i >= 0; i--) {
        alpha[i] = rho[i] * opt_dot(s[i], d, n);
        opt_axpy(-alpha[i], y[i], d, n);
    }
    for (size_t j = 0; j < n; j++)
        d[j] *= gamma;
    /* Oldest to newest: put them back on top of H0. */
    for (int i = 0; i < count; i++) {
        const double beta = rho[i] * opt_dot(y[i], d, n);
        opt_axpy(alpha[i] - beta, s[i], d, n);
    }
}

enum { MAX_PAIRS_ON_STACK = 64 };

void opt_two_loop_recursion(const double *g, const double *s, const double *y,
                            const double *rho, int count, size_t n, double gamma,
                            double *alpha, double *d)
{
    const double *sp[MAX_PAIRS_ON_STACK], *yp[MAX_PAIRS_ON_STACK];
    if (count > MAX_PAIRS_ON_STACK) {   /* use the newest pairs only */
        const int skip = count - MAX_PAIRS_ON_STACK;
        s += (size_t)skip * n;
        y += (size_t)skip * n;
        rho += skip;
        count = MAX_PAIRS_ON_STACK;
    }
    for (int i = 0; i < count; i++) {
        sp[i] = s + (size_t)i * n;
        yp[i] = y + (size_t)i * n;
    }
    two_loop(g, sp, yp, rho, count, n, gamma, alpha, d);
}

/* The pairs live in a ring of m slots: slot (first + i) % m is the i-th
 * oldest. */
typedef struct memory {
    int m, count, next;
    double *s, *y, *rho, *alpha;   /* m x n, m x n, m, m */
    const double **s_ord, **y_ord; /* m pointers each, oldest first */
    double *rho_ord;
} memory;

static int result(opt_result *res, int status, const char *reason)
{
    res->status = status;
    res->reason = reason;
    return status;
}

/* d = -H g with the stored pairs, oldest first. */
static void direction(const memory *mem, const double *g, size_t n, double gamma, double *d)
{
    int first = (mem->next - mem->count + mem->m) % mem->m;
    for (int i = 0; i < mem->count; i++) {
        int slot = (first + i) % mem->m;
        mem->s_ord[i] = mem->s + (size_t)slot * n;
        mem->y_ord[i] = mem->y + (size_t)slot * n;
        mem->rho_ord[i] = mem->rho[slot];
    }
    two_loop(g, mem->s_ord, mem->y_ord, mem->rho_ord, mem->count, n, gamma, mem->alpha, d);
}

int opt_lbfgs(const opt_objective *obj, double *x, double *fx, const opt_lbfgs_params *p,
              opt_progress_fn progress, void *instance, opt_result *res)
{
    opt_lbfgs_params defaults = opt_lbfgs_defaults();
    opt_result local;
    if (!p)
        p = &defaults;
    if (!res)
        res = &local;
    *res = (opt_result){ .status = OPT_EINVAL, .reason = "invalid argument", .f = NAN,
                         .gnorm = NAN };
    if (!obj || !x || obj->n == 0 || p->m < 1 || p->past < 0 || p->max_iterations < 0
        || !(p->epsilon >= 0) || (p->linesearch == OPT_LS_FIXED && !(p->fixed_step > 0)))
        return OPT_EINVAL;
    const size_t n = obj->n;
    const int m = p->m;
    memory mem = { .m = m };
    double *work = malloc((size_t)(2 * m + 5) * n * sizeof *work);
    double *small = malloc((size_t)(3 * m) * sizeof *small);
    const double **ptrs = malloc((size_t)(2 * m) * sizeof *ptrs);
    double *pf = p->past > 0 ? malloc((size_t)p->past * sizeof *pf) : NULL;
    if (!work || !small || !ptrs || (p->past > 0 && !pf)) {
        free(work);
        free(small);
        free(ptrs);
        free(pf);
        return result(res, OPT_ENOMEM, "out of memory");
    }
    mem.s = work;
    mem.y = work + (size_t)m * n;
    mem.s_ord = ptrs;
    mem.y_ord = ptrs + m;
    double *g = work + (size_t)2 * m * n, *d = g + n, *xp = d + n, *gp = xp + n, *xn = gp + n;
    mem.rho = small;
    mem.rho_ord = small + m;
    mem.alpha = small + 2 * m;

    int status;
    const char *reason;
    double f = opt_eval(obj, x, g);
    res->evaluations = 1;
    if (!isfinite(f) || !opt_all_finite(g, n)) {
        status = OPT_EDIVERGED;
        reason = "diverged";
        goto done;
    }
    if (progress && (status = opt_progress_report(progress, instance, 0, x, f, g, 0, res->evaluations, n))) {
        reason = "stopped by progress";
        goto done;
    }
    if (opt_norm2(g, n) <= p->epsilon * fmax(1, opt_norm2(x, n))) {
        status = OPT_OK;
        reason = "already minimized";
        goto done;
    }
    if (pf)
        pf[0] = f;
    /* The first direction is steepest descent, with a step of unit length. */
    for (size_t j = 0; j < n; j++)
        d[j] = -g[j];
    double step = p->linesearch == OPT_LS_FIXED ? p->fixed_step : 1 / opt_norm2(d, n);
    status = OPT_EMAXITER;
    reason = "budget";
    for (long k = 1;; k++) {
        memcpy(xp, x, n * sizeof *x);
        memcpy(gp, g, n * sizeof *g);
        opt_ls_result ls;
        double fnew;
        int st = opt_linesearch(obj, p->linesearch, xp, f, gp, d, &step, xn, &fnew, g, &p->ls, &ls);
        res->evaluations += ls.evals;
        if (st) {
            /* Keep the last accepted point (and its gradient). A search
             * that ends in a region where f or g is not finite is a
             * divergence, not a lack of progress. */
            memcpy(g, gp, n * sizeof *g);
            const int nonfinite = st == OPT_EDIVERGED || ls.nonfinite > 0;
            status = nonfinite ? OPT_EDIVERGED : OPT_ENOPROG;
            if (nonfinite)
                res->iterations = k;   /* the iteration that diverged */
            reason = st == OPT_EDIVERGED ? "diverged"   /* a fixed step */
                   : nonfinite ? "line search " OPT_LS_NONFINITE : ls.why;
            break;
        }
        memcpy(x, xn, n * sizeof *x);
        f = fnew;
        res->iterations = k;
        if (progress && (st = opt_progress_report(progress, instance, k, x, f, g, step, res->evaluations, n))) {
            status = st;
            reason = "stopped by progress";
            break;
        }
        const double xnorm = opt_norm2(x, n), gnorm = opt_norm2(g, n);
        if (gnorm <= p->epsilon * fmax(1, xnorm)) {
            status = OPT_OK;
            reason = "gradient norm";
            break;
        }
        if (pf) {
            if (k >= p->past) {
                const double rate = (pf[k % p->past] - f) / fmax(1, fabs(f));
                if (rate < p->delta) {
                    status = OPT_OK;
                    reason = "relative decrease";
                    break;
                }
            }
            pf[k % p->past] = f;
        }
        if (p->max_iterations && k >= p->max_iterations)
            break;
        /* The new pair, built in scratch space (xn, gp) and kept only when
         * its curvature s.y is positive: a rejected pair must not overwrite
         * the oldest stored one. */
        for (size_t j = 0; j < n; j++) {
            xn[j] = x[j] - xp[j];
            gp[j] = g[j] - gp[j];
        }
        const double ys = opt_dot(gp, xn, n), yy = opt_dot(gp, gp, n);
        if (ys > 0 && yy > 0) {
            memcpy(mem.s + (size_t)mem.next * n, xn, n * sizeof *xn);
            memcpy(mem.y + (size_t)mem.next * n, gp, n * sizeof *gp);
            mem.rho[mem.next] = 1 / ys;
            mem.next = (mem.next + 1) % m;
            if (mem.count < m)
                mem.count++;
        }
        /* gamma from the newest stored pair (or 1 before the first). */
        double gamma = 1;
        if (mem.count > 0) {
            int newest = (mem.next - 1 + m) % m;
            const double *s_newest = mem.s + (size_t)newest * n;
            const double *y_newest = mem.y + (size_t)newest * n;
            gamma = opt_dot(s_newest, y_newest, n) / opt_dot(y_newest, y_newest, n);
        }
        direction(&mem, g, n, gamma, d);
        step = p->linesearch == OPT_LS_FIXED ? p->fixed_step : 1;
    }
done:
    res->f = f;
    res->gnorm = opt_norm2(g, n);
    if (fx)
        *fx = f;
    free(work);
    free(small);
    free(ptrs);
    free(pf);
    return result(res, status, reason);
}
