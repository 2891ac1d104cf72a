/* lbfgs.h — limited-memory BFGS (Nocedal, 1980; Liu & Nocedal, 1989).
 *
 * L-BFGS keeps the last m pairs s_k = x_{k+1} - x_k, y_k = g_{k+1} - g_k and
 * applies the BFGS inverse-Hessian approximation to -g by the two-loop
 * recursion, in O(m n) time and memory, starting each time from the
 * scaled identity H0 = (s.y / y.y) I of the newest pair. A strong-Wolfe
 * line search (Moré–Thuente) keeps s.y > 0, so every direction descends.
 *
 * One call does the whole job, with libLBFGS's shape:
 *
 *   opt_lbfgs_params p = opt_lbfgs_defaults();
 *   opt_lbfgs_result r;
 *   int status = opt_lbfgs(&obj, x, &fx, &p, progress, instance, &r);
 *
 * Stopping tests, checked after every iteration:
 *   ||g|| <= epsilon max(1, ||x||)                           -> OPT_OK, "gradient norm"
 *   past > 0 and (f_{k-past} - f_k) / max(1, |f_k|) < delta -> OPT_OK, "relative decrease"
 *   k = max_iterations                                       -> OPT_EMAXITER
 *   the line search finds no acceptable step                 -> OPT_ENOPROG (x is the
 *                                                               last accepted point)
 *   the line search finds no acceptable step after it ran    -> OPT_EDIVERGED, reason
 *   into a region where f or g is not finite                    "line search ran into
 *                                                               non-finite f or g" (x is
 *                                                               the last accepted point)
 *   a non-finite f or g at the start, or after a fixed step  -> OPT_EDIVERGED, "diverged"
 * It never returns NaN in x: a trial point with a non-finite value only
 * shortens the step. With OPT_EDIVERGED, res->iterations counts the
 * iterations completed; the one that diverged is iterations + 1 (0 when it
 * was the start).
 *
 * Mini-batch mode: give an objective whose every evaluation draws a new
 * mini-batch, set linesearch = OPT_LS_FIXED and fixed_step. Each iteration
 * then takes x + fixed_step d without a search, and pairs with s.y <= 0
 * are skipped. (Lab 10 uses it to show how gradient noise corrupts the
 * curvature pairs.)
 */
#ifndef OPT_LBFGS_H
#define OPT_LBFGS_H

#include "linesearch.h"
#include "objective.h"

typedef struct opt_lbfgs_params {
    int m;                   /* pairs kept; default 6 (libLBFGS) */
    double epsilon;          /* gradient test; default 1e-5 */
    int past;                /* window of the decrease test; default 0 (off) */
    double delta;            /* its threshold; default 1e-5 */
    long max_iterations;     /* default 10000; 0: no limit */
    opt_ls_kind linesearch;  /* default OPT_LS_MORE_THUENTE */
    opt_ls_params ls;        /* default opt_ls_defaults(): c1 1e-4, c2 0.9, 40 evaluations */
    double fixed_step;       /* OPT_LS_FIXED: the step taken; default 1 */
} opt_lbfgs_params;

opt_lbfgs_params opt_lbfgs_defaults(void);

typedef struct opt_lbfgs_result {
    int status;
    long iterations;
    long evaluations;   /* of f and g together */
    double f, gnorm;
    const char *reason; /* "gradient norm", "relative decrease", "budget",
                           "<why>" of the line search, "line search " OPT_LS_NONFINITE,
                           "diverged", "stopped by progress", "already minimized" */
} opt_lbfgs_result;

/* Called after each iteration k = 1, 2, ... with the accepted point, its
 * gradient and the step; a non-zero return stops the run with that status. */
typedef int (*opt_lbfgs_progress)(void *instance, long k, const double *x, double f,
                                  const double *g, double step, int ls_evals, size_t n);

/* Minimize obj from x (updated in place); *fx receives the final f. p NULL:
 * defaults. Returns res->status (res may be NULL). */
int opt_lbfgs(const opt_objective *obj, double *x, double *fx, const opt_lbfgs_params *p,
              opt_lbfgs_progress progress, void *instance, opt_lbfgs_result *res);

/* The two-loop recursion on its own: d = -H_k g from the `count` newest
 * pairs stored in s and y (count rows of n, oldest first), with
 * H0 = gamma I. rho[i] = 1 / (y_i.s_i); alpha is workspace of count
 * doubles. At most the 64 newest pairs are used. Exposed for the lab's
 * exercise and for testing. */
void opt_two_loop_recursion(const double *g, const double *s, const double *y,
                            const double *rho, int count, size_t n, double gamma,
                            double *alpha, double *d);

#endif
