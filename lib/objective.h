/* objective.h — what the library minimizes.
 *
 * An objective is a function f: R^n -> R with its gradient, and optionally
 * its Hessian. Everything in libopt (finite differences, gradient checks,
 * optimizers, line searches) takes a `const opt_objective *`.
 */
#ifndef OPT_OBJECTIVE_H
#define OPT_OBJECTIVE_H

#include <stddef.h>

/* Returns f(x). When g is not NULL it also stores the gradient of f at x in
 * g[0..n-1]. x and g never alias. A callback that cannot evaluate (a Lua
 * error, say) returns NaN; the caller treats that as divergence, and the
 * callback's owner keeps the reason. */
typedef double (*opt_fdf_fn)(const double *x, double *g, void *ctx);

/* Stores the Hessian of f at x in H, row-major n-by-n. Returns OPT_OK or an
 * error status. */
typedef int (*opt_hess_fn)(const double *x, double *H, void *ctx);

typedef struct opt_objective {
    size_t n;           /* dimension of x */
    opt_fdf_fn fdf;     /* value and (optionally) gradient; never NULL */
    opt_hess_fn hess;   /* Hessian, or NULL when there is no analytic one */
    void *ctx;          /* passed to fdf and hess unchanged */
    const char *name;   /* for tables and messages; may be NULL */
} opt_objective;

/* f(x), and the gradient into g when g != NULL. */
static inline double opt_eval(const opt_objective *obj, const double *x, double *g)
{
    return obj->fdf(x, g, obj->ctx);
}

#endif
