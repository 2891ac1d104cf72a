/* linesearch.h — step lengths along a descent direction.
 *
 * Given x, f(x), g = grad f(x) and a direction d with g.d < 0, a line
 * search chooses a step a > 0 for x + a d. Writing phi(a) = f(x + a d):
 *
 *   sufficient decrease (Armijo):   phi(a) <= phi(0) + c1 a phi'(0)
 *   strong curvature (Wolfe):       |phi'(a)| <= c2 |phi'(0)|
 *
 * Backtracking tries a, rho a, rho^2 a, ... until the first holds. The
 * strong-Wolfe search is Moré and Thuente's (ACM TOMS 20, 1994): it keeps an
 * interval of uncertainty and chooses each trial step by safeguarded cubic
 * and quadratic interpolation of phi and phi', and guarantees both
 * conditions for 0 < c1 < c2 < 1 on functions bounded below (c1 = c2
 * is accepted, as in their tests, and usually works). Quasi-Newton
 * methods need the curvature condition: it keeps s.y > 0, so the BFGS update
 * stays positive definite.
 *
 * Both treat a non-finite trial value as "too far" and shrink the step, so
 * an overflow on a steep wall never reaches the caller.
 */
#ifndef OPT_LINESEARCH_H
#define OPT_LINESEARCH_H

#include <stddef.h>
#include "objective.h"

typedef enum {
    OPT_LS_BACKTRACKING,   /* Armijo backtracking: "backtracking" */
    OPT_LS_MORE_THUENTE,   /* strong Wolfe: "more-thuente" */
    OPT_LS_FIXED,          /* no search, take the initial step as it is: "fixed" */
    OPT_LS_COUNT           /* not a kind: their number, and "no such name" */
} opt_ls_kind;

/* The kind called name (exactly, as names.h matches names), or OPT_LS_COUNT
 * when none is. */
opt_ls_kind opt_linesearch_lookup(const char *name);
/* The name of a kind ("unknown" for none). */
const char *opt_linesearch_name(opt_ls_kind kind);
/* The kind's name nearest to name, for "did you mean" (names.h), or NULL. */
const char *opt_linesearch_suggest(const char *name);

typedef struct opt_ls_params {
    double c1;         /* sufficient decrease; default 1e-4 */
    double c2;         /* curvature (strong Wolfe); default 0.9 */
    double rho;        /* backtracking factor; default 0.5 */
    double xtol;       /* Moré–Thuente: relative width of the interval of
                          uncertainty at which it gives up; default 1e-16 */
    double step_min;   /* default 1e-20 */
    double step_max;   /* default 1e20 */
    int max_evals;     /* evaluations of f and g per search; default 40 */
} opt_ls_params;

opt_ls_params opt_ls_defaults(void);

/* The why of a search that found no acceptable step after trial steps where
 * f or g was not finite (and of a fixed step whose f_new or g_new is not). */
#define OPT_LS_NONFINITE "ran into non-finite f or g"

/* Why a search stopped (for messages). */
typedef struct opt_ls_result {
    int evals;          /* evaluations made */
    int nonfinite;      /* of them, those where f or g was not finite */
    const char *why;    /* "strong Wolfe", "Armijo", "fixed", "too many evaluations",
                           "interval too small", "step at step_max", "step at step_min",
                           "not a descent direction", "rounding errors", OPT_LS_NONFINITE */
} opt_ls_result;

/* Search along d from x.
 *   in:  x, f0 = f(x), g0 = grad f(x), d (g0.d < 0), *step the first trial
 *   out: *step, and x_new = x + step d with f_new = f(x_new), g_new its
 *        gradient (x_new and g_new: n doubles each, not aliasing the inputs)
 * Returns OPT_OK when the conditions of its kind hold (OPT_LS_FIXED: when
 * f_new is finite), OPT_EINVAL for a non-descent direction or bad
 * parameters, OPT_ENOPROG when no acceptable step was found (x_new, f_new,
 * g_new then hold the best point tried, which may be x itself), and
 * OPT_EDIVERGED (fixed steps only) when f_new is not finite. A search that
 * finds no acceptable step and met a non-finite f or g on the way (it
 * walked into a region where the objective is not finite, and shrinking
 * the step did not find an acceptable point within max_evals) says so:
 * res->why is OPT_LS_NONFINITE, whatever test ended it, never "too many
 * evaluations"; res->nonfinite counts those trials. */
int opt_linesearch(const opt_objective *obj, opt_ls_kind kind, const double *x, double f0,
                   const double *g0, const double *d, double *step, double *x_new,
                   double *f_new, double *g_new, const opt_ls_params *p, opt_ls_result *res);

/* Moré–Thuente's safeguarded step (their dcstep): given the interval end
 * points stx (best so far: value fx, derivative dx) and sty, and the trial
 * stp (fp, dp), update the interval and choose the next trial step, kept
 * in [stpmin, stpmax]. Exposed for testing. */
void opt_more_thuente_step(double *stx, double *fx, double *dx, double *sty, double *fy,
                           double *dy, double *stp, double fp, double dp, int *brackt,
                           double stpmin, double stpmax);

#endif
