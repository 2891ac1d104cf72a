/* newton.c — Newton's method with pure, damped and modified steps. */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_eigen.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_matrix.h>
#include "diff.h"
#include "newton.h"
#include "status.h"
#include "vec.h"

opt_newton_params opt_newton_defaults(void)
{
    return (opt_newton_params){ .kind = OPT_NEWTON_CHOLESKY, .epsilon = 1e-10,
                                .max_iterations = 100, .min_eig = 1e-8, .beta = 1e-3,
                                .linesearch = OPT_LS_BACKTRACKING, .ls = opt_ls_defaults() };
}

/* GSL reports errors through a handler that aborts by default; the library
 * checks return codes instead, so the handler is off around its calls. */
static gsl_error_handler_t *quiet(void)
{
    return gsl_set_error_handler_off();
}

/* d = -H^{-1} g by LU with partial pivoting (H may be indefinite). */
static int solve_lu(double *H, const double *g, size_t n, double *d)
{
    gsl_matrix_view A = gsl_matrix_view_array(H, n, n);
    gsl_vector_const_view b = gsl_vector_const_view_array(g, n);
    gsl_vector_view x = gsl_vector_view_array(d, n);
    gsl_permutation *perm = gsl_permutation_alloc(n);
    if (!perm)
        return OPT_ENOMEM;
    int sign, st = OPT_OK;
    gsl_error_handler_t *old = quiet();
    if (gsl_linalg_LU_decomp(&A.matrix, perm, &sign) || gsl_linalg_LU_solve(&A.matrix, perm, &b.vector, &x.vector))
        st = OPT_ENOPROG;
    gsl_set_error_handler(old);
    gsl_permutation_free(perm);
    if (!st) {
        /* A numerically singular matrix gives a non-finite or enormous d. */
        for (size_t i = 0; i < n; i++)
            if (fabs(gsl_matrix_get(&A.matrix, i, i)) == 0)
                st = OPT_ENOPROG;
        for (size_t i = 0; i < n; i++)
            d[i] = -d[i];
        if (!opt_all_finite(d, n))
            st = OPT_ENOPROG;
    }
    return st;
}

/* d = -(Q |L|_floor^{-1} Q^T) g. */
static int solve_eigen(double *H, const double *g, size_t n, double floor_, double *d)
{
    gsl_matrix_view A = gsl_matrix_view_array(H, n, n);
    gsl_vector *l = gsl_vector_alloc(n);
    gsl_matrix *Q = gsl_matrix_alloc(n, n);
    gsl_eigen_symmv_workspace *w = gsl_eigen_symmv_alloc(n);
    int st = OPT_OK;
    if (!l || !Q || !w) {
        st = OPT_ENOMEM;
    } else {
        gsl_error_handler_t *old = quiet();
        if (gsl_eigen_symmv(&A.matrix, l, Q, w))
            st = OPT_ENOPROG;
        gsl_set_error_handler(old);
    }
    if (!st) {
        memset(d, 0, n * sizeof *d);
        for (size_t k = 0; k < n; k++) {
            gsl_vector_const_view q = gsl_matrix_const_column(Q, k);
            double lam = fmax(fabs(gsl_vector_get(l, k)), floor_);
            double c = 0;
            for (size_t i = 0; i < n; i++)
                c += gsl_vector_get(&q.vector, i) * g[i];
            for (size_t i = 0; i < n; i++)
                d[i] -= c / lam * gsl_vector_get(&q.vector, i);
        }
    }
    gsl_vector_free(l);
    gsl_matrix_free(Q);
    gsl_eigen_symmv_free(w);
    return st;
}

/* Cholesky of H + tau I for tau = 0 (or beta - min H_ii), then doubling, as
 * in Nocedal & Wright's Algorithm 3.3, with one safeguard: when the first
 * tau that succeeds is positive, the step uses 2 tau.
 *
 * Why: the tau at which the factorization first succeeds only tells that
 * H + tau I is positive definite, not by how much. If the attempt before
 * it, tau/2, failed (or, for tau0 = beta - min H_ii, since
 * lambda_min(H) <= min H_ii), then lambda_min(H) lies in [-tau, -tau/2)
 * (in [-tau0, min H_ii]), and lambda_min(H + tau I) can be anywhere in
 * (0, tau/2] (in (0, beta]): as small as the rounding allows. The step
 * along that eigenvector is then |q.g| / lambda_min(H + tau I), up to
 * 1/beta = 1000 times what the eigenvalue modification takes, and Armijo
 * backtracking halves it only until f decreases at all: on Box 3-D (MGH 12)
 * it accepted such a step onto the plateau x2 -> infinity, where the
 * method then crawled for thousands of iterations. With 2 tau,
 * lambda_min(H + 2 tau I) >= tau >= |lambda_min(H)|: along negative
 * curvature the step is never longer than the eigenvalue modification's,
 * |q.g| / |lambda|, and the shift stays within 4 |lambda_min(H)| + 2 beta.
 * A positive definite H (tau = 0) is factored as it is: the Newton step. */
static int solve_cholesky(double *H, const double *g, size_t n, double beta, double *d,
                          double *tau_used)
{
    double *copy = malloc(n * n * sizeof *copy);
    if (!copy)
        return OPT_ENOMEM;
    memcpy(copy, H, n * n * sizeof *copy);
    double min_diag = INFINITY;
    for (size_t i = 0; i < n; i++)
        min_diag = fmin(min_diag, copy[i * n + i]);
    double tau = min_diag > 0 ? 0 : beta - min_diag;
    int st = OPT_ENOPROG;
    gsl_error_handler_t *old = quiet();
    for (int attempt = 0; attempt < 200; attempt++) {
        memcpy(H, copy, n * n * sizeof *H);
        for (size_t i = 0; i < n; i++)
            H[i * n + i] += tau;
        gsl_matrix_view A = gsl_matrix_view_array(H, n, n);
        int ok = gsl_linalg_cholesky_decomp1(&A.matrix) == GSL_SUCCESS;
        if (ok && tau > 0) {
            tau *= 2;
            memcpy(H, copy, n * n * sizeof *H);
            for (size_t i = 0; i < n; i++)
                H[i * n + i] += tau;
            ok = gsl_linalg_cholesky_decomp1(&A.matrix) == GSL_SUCCESS;
        }
        if (ok) {
            gsl_vector_const_view b = gsl_vector_const_view_array(g, n);
            gsl_vector_view x = gsl_vector_view_array(d, n);
            gsl_linalg_cholesky_solve(&A.matrix, &b.vector, &x.vector);
            for (size_t i = 0; i < n; i++)
                d[i] = -d[i];
            st = opt_all_finite(d, n) ? OPT_OK : OPT_ENOPROG;
            break;
        }
        tau = fmax(2 * tau, beta);
    }
    gsl_set_error_handler(old);
    free(copy);
    *tau_used = tau;
    return st;
}

int opt_newton_direction(opt_newton_kind kind, double *H, const double *g, size_t n,
                         const opt_newton_params *p, double *d, double *tau)
{
    opt_newton_params defaults = opt_newton_defaults();
    if (!p)
        p = &defaults;
    *tau = 0;
    switch (kind) {
    case OPT_NEWTON_PURE:
    case OPT_NEWTON_DAMPED:
        return solve_lu(H, g, n, d);
    case OPT_NEWTON_EIGEN:
        return solve_eigen(H, g, n, p->min_eig, d);
    case OPT_NEWTON_CHOLESKY:
        return solve_cholesky(H, g, n, p->beta, d, tau);
    }
    return OPT_EINVAL;
}

static int finish(opt_result *res, int status, const char *reason)
{
    res->status = status;
    res->reason = reason;
    return status;
}

int opt_newton(const opt_objective *obj, double *x, double *fx, const opt_newton_params *p,
               opt_progress_fn progress, void *instance, opt_result *res)
{
    opt_newton_params defaults = opt_newton_defaults();
    opt_result local;
    if (!p)
        p = &defaults;
    if (!res)
        res = &local;
    *res = (opt_result){ .status = OPT_EINVAL, .reason = "invalid argument", .f = NAN,
                         .gnorm = NAN };
    if (!obj || !x || obj->n == 0 || p->max_iterations < 0)
        return OPT_EINVAL;
    const size_t n = obj->n;
    double *H = malloc(n * n * sizeof *H);
    double *buf = malloc(4 * n * sizeof *buf);
    if (!H || !buf) {
        free(H);
        free(buf);
        return finish(res, OPT_ENOMEM, "out of memory");
    }
    double *g = buf, *d = buf + n, *xn = buf + 2 * n, *gn = buf + 3 * n;
    double f = opt_eval(obj, x, g);
    res->evaluations = 1;
    int status = OPT_EMAXITER;
    const char *reason = "budget";
    if (!isfinite(f) || !opt_all_finite(g, n)) {
        status = OPT_EDIVERGED;
        reason = "diverged";
        goto done;
    }
    if (progress && (status = opt_progress_report(progress, instance, 0, x, f, g, 0, res->evaluations, n))) {
        reason = "stopped by progress";
        goto done;
    }
    status = OPT_EMAXITER;
    for (long k = 1;; k++) {
        if (opt_norm2(g, n) <= p->epsilon * fmax(1, opt_norm2(x, n))) {
            status = OPT_OK;
            reason = "gradient norm";
            break;
        }
        if (k > p->max_iterations)
            break;
        int st = opt_hessian(obj, x, H);
        if (st || !opt_all_finite(H, n * n)) {
            status = OPT_EDIVERGED;
            reason = "non-finite Hessian";
            res->iterations = k;
            break;
        }
        double tau;
        st = opt_newton_direction(p->kind, H, g, n, p, d, &tau);
        if (st) {
            status = st;
            reason = st == OPT_ENOMEM ? "out of memory" : "singular Hessian";
            break;
        }
        /* The Newton decrement: with tau = 0 the factorization has shown H
         * positive definite, and the quadratic model predicts the decrease
         * -g.d / 2 = g^T H^-1 g / 2. When that is below the rounding unit
         * of f, no step can show a decrease in the computed f, and x is a
         * minimizer to the precision of f: stop (where f* != 0 the gradient
         * test may never hold, its rounding floor being above epsilon). */
        if (p->kind == OPT_NEWTON_CHOLESKY && tau == 0
            && -opt_dot(g, d, n) <= 2 * DBL_EPSILON * fabs(f)) {
            status = OPT_OK;
            reason = "Newton decrement";
            break;
        }
        double step = 1;
        if (p->kind == OPT_NEWTON_PURE) {
            for (size_t i = 0; i < n; i++)
                xn[i] = x[i] + d[i];
            double fnew = opt_eval(obj, xn, gn);
            res->evaluations++;
            if (!isfinite(fnew) || !opt_all_finite(gn, n) || !opt_all_finite(xn, n)) {
                status = OPT_EDIVERGED;
                reason = "diverged";
                res->iterations = k;
                break;
            }
            f = fnew;
        } else {
            if (!(opt_dot(g, d, n) < 0))   /* not downhill: steepest descent this once */
                for (size_t i = 0; i < n; i++)
                    d[i] = -g[i];
            opt_ls_result ls;
            double fnew;
            st = opt_linesearch(obj, p->linesearch, x, f, g, d, &step, xn, &fnew, gn, &p->ls, &ls);
            res->evaluations += ls.evals;
            if (st) {
                status = OPT_ENOPROG;
                reason = "line search failed";
                break;
            }
            if (!(fnew < f)) {
                /* Armijo held only because c1 a g.d vanished in f's
                 * rounding: the search can no longer measure progress. */
                status = OPT_ENOPROG;
                reason = "no decrease in f";
                break;
            }
            f = fnew;
        }
        memcpy(x, xn, n * sizeof *x);
        memcpy(g, gn, n * sizeof *g);
        res->iterations = k;
        if (progress && (st = opt_progress_report(progress, instance, k, x, f, g, step, res->evaluations, n))) {
            status = st;
            reason = "stopped by progress";
            break;
        }
    }
done:
    res->f = f;
    res->gnorm = opt_norm2(g, n);
    if (fx)
        *fx = f;
    free(H);
    free(buf);
    return finish(res, status, reason);
}
