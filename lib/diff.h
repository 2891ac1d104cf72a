/* diff.h — finite differences and the gradient check.
 *
 * The forward difference (f(x + h e_i) - f(x)) / h has truncation error
 * O(h) and the central difference (f(x + h e_i) - f(x - h e_i)) / (2h) has
 * O(h^2); both have round-off error O(eps / h), so the best h is near
 * eps^(1/2) for forward and eps^(1/3) for central differences.
 */
#ifndef OPT_DIFF_H
#define OPT_DIFF_H

#include "objective.h"

/* Default steps: sqrt(DBL_EPSILON) and cbrt(DBL_EPSILON), rounded. */
#define OPT_H_FORWARD 1.5e-8
#define OPT_H_CENTRAL 6e-6

/* Gradient of obj at x by forward differences with step h > 0, into g.
 * Makes n + 1 evaluations of f (fdf with g = NULL). x is not modified.
 * OPT_EINVAL when h <= 0 or not finite; OPT_ENOMEM; OPT_EDIVERGED when f is
 * not finite at some point. */
int opt_grad_forward(const opt_objective *obj, const double *x, double h, double *g);

/* Gradient by central differences with step h > 0: 2n evaluations. */
int opt_grad_central(const opt_objective *obj, const double *x, double h, double *g);

/* The relative error |a - b| / max(|a|, |b|), and 0 when a = b (including
 * both zero). Reading it: about 1e-7 or less is a correct gradient, 1e-4 is
 * suspicious (unless there are kinks), 1e-2 or more is wrong. */
double opt_rel_error(double a, double b);

/* Gradient check: compares the analytic gradient of obj at x with central
 * differences at step h (h <= 0 means OPT_H_CENTRAL). Stores the largest
 * relative error over the coordinates in *max_err and, when worst != NULL,
 * the index of that coordinate in *worst. */
int opt_grad_check(const opt_objective *obj, const double *x, double h,
                   double *max_err, size_t *worst);

/* --- Second derivatives from gradients ------------------------------------- */

/* The Hessian of obj at x by central differences of the analytic gradient,
 * column j from (g(x + h_j e_j) - g(x - h_j e_j)) / (2 h_j) with
 * h_j = h max(1, |x_j|) (h <= 0 means OPT_H_CENTRAL), then symmetrized,
 * H = (H + H^T) / 2. H is row-major n-by-n. 2n gradient evaluations. */
int opt_hessian_fd(const opt_objective *obj, const double *x, double h, double *H);

/* The Hessian-vector product H(x) v by a central difference of gradients
 * along v: (g(x + t v) - g(x - t v)) / (2 t), t = h max(1, ||x||) / ||v||
 * (h <= 0 means OPT_H_CENTRAL). Two gradient evaluations, no n-by-n
 * matrix. Hv = 0 for v = 0. */
int opt_hessian_vector(const opt_objective *obj, const double *x, const double *v, double h,
                       double *Hv);

/* The Hessian of obj at x: its analytic callback when it has one, else
 * opt_hessian_fd with the default step. */
int opt_hessian(const opt_objective *obj, const double *x, double *H);

#endif
