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
 *   opt_result r;                       // solver.h: shared with opt_run, opt_newton
 *   int status = opt_lbfgs(&obj, x, &fx, &p, progress, instance, &r);
 *
 * Stopping tests, checked after every iteration:
 *   ||g|| <= epsilon max(1, ||x||)                           -> OPT_OK, "gradient norm"
 *   past > 0 and (f_{k-past} - f_k) / max(1, |f_k|) < delta -> OPT_OK, "relative decrease"
 *   k = max_iterations                                       -> OPT_EMAXITER, "budget"
 *   the line search finds no acceptable step                 -> OPT_ENOPROG, the search's
 *                                                               why (linesearch.h: "too
 *                                                               many evaluations", "rounding
 *                                                               errors", ...; x is the
 *                                                               last accepted point)
 *   the line search finds no acceptable step after it ran    -> OPT_EDIVERGED, reason
 *   into a region where f or g is not finite                    "line search " OPT_LS_NONFINITE
 *                                                               (x is the last accepted
 *                                                               point)
 *   a non-finite f or g at the start, or after a fixed step  -> OPT_EDIVERGED, "diverged"
 * It never returns NaN in x: a trial point with a non-finite value only
 * shortens the step. With OPT_EDIVERGED, res->iterations is the iteration
 * that diverged (0 when it was the start), so x is iterate iterations - 1:
 * the iterations completed are one fewer.
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
#include "solver.h"

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

/* Minimize obj from x (updated in place); *fx receives the final f (fx
 * may be NULL). p NULL: defaults. progress (NULL: none) is called with
 * instance at every iterate k = 0 (the start), 1, 2, ... (solver.h), p->step
 * the step the search accepted; a non-zero return stops the run with that
 * status. res (NULL: not wanted) receives the outcome (solver.h), its
 * reason one of those above or:
 *   "already minimized"    OPT_OK: the gradient test holds at the start
 *   "stopped by progress"  the progress callback's non-zero status
 *   "invalid argument"     OPT_EINVAL (NULL obj or x, n = 0, m < 1, past < 0,
 *                          max_iterations < 0, epsilon < 0 or NaN, a fixed step <= 0)
 *   "out of memory"        OPT_ENOMEM
 * Evaluations count f and g together. Returns res->status. */
int opt_lbfgs(const opt_objective *obj, double *x, double *fx, const opt_lbfgs_params *p,
              opt_progress_fn progress, void *instance, opt_result *res);

/* The two-loop recursion on its own: d = -H_k g from the `count` newest
 * pairs stored in s and y (count rows of n, oldest first), with
 * H0 = gamma I. rho[i] = 1 / (y_i.s_i); alpha is workspace of count
 * doubles. At most the 64 newest pairs are used. Exposed for the lab's
 * exercise and for testing. */
void opt_two_loop_recursion(const double *g, const double *s, const double *y,
                            const double *rho, int count, size_t n, double gamma,
                            double *alpha, double *d);

#endif
