/* newton.h — Newton's method: pure, damped and modified.
 *
 * The Newton step solves H d = -g: it jumps to the minimum of the local
 * quadratic model f(x) + g.d + d.H d / 2, so one step solves a quadratic
 * and convergence near a minimum with a positive definite Hessian is
 * quadratic. The variants:
 *
 *   OPT_NEWTON_PURE       x <- x + d, step 1 always. On an indefinite H the
 *                         model has a saddle, and the step goes there: on
 *                         x^2 - y^2 it lands on the saddle point in one step.
 *   OPT_NEWTON_DAMPED     the same direction with a line search (Armijo by
 *                         default); when d is not a descent direction it
 *                         falls back to -g for that iteration.
 *   OPT_NEWTON_EIGEN      modified: H = Q diag(l) Q^T with every l replaced
 *                         by max(|l|, min_eig), so the model is convex and d
 *                         always descends; negative curvature is followed
 *                         downhill instead of up to the saddle.
 *   OPT_NEWTON_CHOLESKY   modified: Cholesky of H + tau I with the smallest
 *                         tau from the sequence 0, beta, 2 beta, ... (tau0 =
 *                         beta - min H_ii when a diagonal entry is not
 *                         positive) that succeeds (Nocedal & Wright,
 *                         Algorithm 3.3); cheaper than an eigendecomposition.
 *                         When that tau is positive the step uses 2 tau: the
 *                         first tau only makes H + tau I positive definite,
 *                         by as little as rounding allows (its smallest
 *                         eigenvalue is at most beta for tau0), so the step
 *                         could be 1/beta times too long along negative
 *                         curvature; with 2 tau the smallest eigenvalue is at
 *                         least tau >= |lambda_min(H)|, as in the eigenvalue
 *                         modification (details at solve_cholesky).
 *
 * Stopping: ||g|| <= epsilon max(1, ||x||) ("gradient norm"); or, for
 * OPT_NEWTON_CHOLESKY with tau = 0, when the Newton decrement -g.d (twice
 * the decrease the quadratic model predicts) is at most 2 DBL_EPSILON |f|:
 * no step can then show a decrease in the computed f, so x is a minimizer
 * to the precision of f ("Newton decrement"; this is how runs stop where
 * f* != 0 and the gradient's rounding floor lies above epsilon). A line
 * search that succeeds without lowering f (its Armijo term lost in f's
 * rounding) ends the run with OPT_ENOPROG ("no decrease in f").
 *
 * The Hessian comes from obj->hess when the objective has one, else from
 * finite differences of the gradient (diff.h). Dense linear algebra goes
 * through GSL (and its CBLAS, OpenBLAS): n^2 memory, O(n^3) per step.
 */
#ifndef OPT_NEWTON_H
#define OPT_NEWTON_H

#include "linesearch.h"
#include "objective.h"
#include "solver.h"

typedef enum {
    OPT_NEWTON_PURE, OPT_NEWTON_DAMPED, OPT_NEWTON_EIGEN, OPT_NEWTON_CHOLESKY
} opt_newton_kind;

typedef struct opt_newton_params {
    opt_newton_kind kind;   /* default OPT_NEWTON_CHOLESKY */
    double epsilon;         /* stop when ||g|| <= epsilon max(1, ||x||); default 1e-10 */
    long max_iterations;    /* default 100 */
    double min_eig;         /* OPT_NEWTON_EIGEN: the eigenvalue floor; default 1e-8 */
    double beta;            /* OPT_NEWTON_CHOLESKY: the first shift; default 1e-3 */
    opt_ls_kind linesearch; /* damped and modified; default OPT_LS_BACKTRACKING */
    opt_ls_params ls;       /* default opt_ls_defaults() */
} opt_newton_params;

opt_newton_params opt_newton_defaults(void);

/* Minimize obj from x (updated in place; *fx receives f(x), fx may be
 * NULL). p NULL: defaults. progress (NULL: none) is called with instance at
 * every iterate k = 0 (the start), 1, 2, ... (solver.h), p->step the line
 * search's step (1 for pure Newton); a non-zero return stops the run with
 * that status. res (NULL: not wanted) receives the outcome (solver.h), its
 * reason one of:
 *   "gradient norm"        OPT_OK, ||g|| <= epsilon max(1, ||x||)
 *   "Newton decrement"     OPT_OK, Cholesky with tau = 0 and -g.d <= 2 DBL_EPSILON |f|
 *   "budget"               OPT_EMAXITER, k = max_iterations
 *   "singular Hessian"     OPT_ENOPROG: no direction (a singular H for pure and
 *                          damped Newton; an eigensolver or Cholesky shift that failed)
 *   "line search failed"   OPT_ENOPROG (damped and modified)
 *   "no decrease in f"     OPT_ENOPROG: the search succeeded without lowering f
 *   "non-finite Hessian"   OPT_EDIVERGED: the Hessian at x_{k-1} is not finite
 *   "diverged"             OPT_EDIVERGED: f or g not finite at the start or at
 *                          pure Newton's new point (x keeps the last finite iterate)
 *   "stopped by progress"  the progress callback's non-zero status
 *   "invalid argument"     OPT_EINVAL (NULL obj or x, n = 0, max_iterations < 0)
 *   "out of memory"        OPT_ENOMEM
 * With OPT_EDIVERGED, iterations is the iteration that failed (0: the
 * start). Evaluations count f and g, not Hessians. Returns res->status. */
int opt_newton(const opt_objective *obj, double *x, double *fx, const opt_newton_params *p,
               opt_progress_fn progress, void *instance, opt_result *res);

/* The direction d of one step of kind at gradient g with the Hessian H
 * (row-major n-by-n; overwritten). OPT_ENOPROG when H is singular (pure and
 * damped). *tau receives the shift used (Cholesky: 0, or twice the first
 * shift that factored) or 0. */
int opt_newton_direction(opt_newton_kind kind, double *H, const double *g, size_t n,
                         const opt_newton_params *p, double *d, double *tau);

#endif
