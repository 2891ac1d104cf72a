/* exercise.h — Lab 01, Gradients: the three functions you write.
 *
 * Write them in labs/01-gradients/exercise.c (the stubs there return
 * OPT_ENOTIMPL). Until you do, build/bin/lab01 says so once per exercise
 * and uses the library's reference instead; once you do, the lab uses
 * yours, and its printed numbers and figures come from your code.
 *
 * Check your work:   make grade LAB=01
 * Rerun the lab:     make lab01 && build/bin/lab01
 *
 * Rules for all three: use plain loops over double arrays; do not call the
 * library's own versions (opt_grad_central, opt_grad_forward,
 * opt_grad_check, opt_rel_error, opt_sigmoid_neuron) — the point is to
 * write them. Never print, never exit: return a status from status.h.
 */
#ifndef LAB01_EXERCISE_H
#define LAB01_EXERCISE_H

#include <stddef.h>
#include "objective.h"
#include "status.h"

/* Exercise 1 — the central-difference gradient.
 *
 * Store in grad[i], for i = 0 .. f->n - 1, the central difference
 *
 *     grad[i] = (f(x + h e_i) - f(x - h e_i)) / (2 h)
 *
 * where e_i is the i-th unit vector. Evaluate f with opt_eval(f, point,
 * NULL) (objective.h): pass NULL for the gradient, since you are computing
 * it. Work on your own copy of x (malloc n doubles, copy, move one
 * coordinate, evaluate, put it back): x is const and must be unchanged on
 * return. Make exactly 2n evaluations of f; f(x) itself is not needed.
 *
 * Returns
 *   OPT_OK         grad is filled;
 *   OPT_EINVAL     f, f->fdf, x or grad is NULL, f->n is 0, or h is not a
 *                  finite number > 0 (grad untouched);
 *   OPT_EDIVERGED  some evaluation of f was NaN or infinite;
 *   OPT_ENOMEM     your copy of x could not be allocated.
 *
 * Checked against (tests/grade/01-gradients.c): known gradients of a
 * quadratic, of x^2 y and of a 50-dimensional function; the exact value of
 * the central difference of x^3 at a large step (which tells a central
 * difference from a forward one and from a wrong divisor); the number of
 * evaluations and that they never ask for a gradient; x unchanged; the
 * error statuses above.
 */
int central_difference_gradient(const opt_objective *f, const double *x, double h, double *grad);

/* Exercise 2 — the gradient check.
 *
 * Compare an analytic gradient with a numerical one, coordinate by
 * coordinate, by the relative error
 *
 *     r_i = |analytic[i] - numeric[i]| / max(|analytic[i]|, |numeric[i]|)
 *
 * with r_i = 0 when both are exactly zero (0/0 would be NaN). Store the
 * largest r_i in *max_rel_error. How to read it: about 1e-7 or below, the
 * gradient is right; around 1e-4, suspicious unless the function has kinks;
 * 1e-2 or more, it is wrong.
 *
 * Returns
 *   OPT_OK         *max_rel_error is set (a value in [0, 2]);
 *   OPT_EINVAL     a pointer is NULL or n is 0 (*max_rel_error untouched);
 *   OPT_EDIVERGED  some entry of either vector is NaN or infinite: a check
 *                  must never report "fine" for a gradient that is not a
 *                  number (*max_rel_error untouched). Careful: every
 *                  comparison with NaN is false, so a plain running
 *                  maximum silently skips NaN.
 *
 * Checked against: hand-computed relative errors (equal vectors, zeros,
 * opposite signs, a wrong factor of 2, tiny and huge magnitudes), the
 * maximum being taken over all coordinates including the last, and the
 * statuses above.
 */
int gradient_check_error(const double *analytic, const double *numeric, size_t n,
                         double *max_rel_error);

/* Exercise 3 — backpropagation through the sigmoid neuron.
 *
 *     f(w, x) = 1 / (1 + exp(-(w0 x0 + w1 x1 + w2)))
 *
 * Compute the forward value *out = f(w, x) and, by the chain rule
 * (upstream gradient times local gradient, gate by gate, from the output
 * back to the inputs), the gradients dw[k] = df/dw_k (k = 0, 1, 2) and
 * dx[k] = df/dx_k (k = 0, 1). The lab prints the whole graph for the
 * lecture's values w = (2, -3, -3), x = (-1, -2): compare with it.
 *
 * Your result must be a finite number for every finite input, however
 * large: at s = w0 x0 + w1 x1 + w2 = -1000, exp(-s) overflows to infinity
 * and a gate-by-gate product can become inf * 0 = NaN. The sigmoid's local
 * gradient can be written with its own output, df/ds = f (1 - f); use
 * that, and compute f itself without overflow (for s < 0,
 * f = exp(s) / (1 + exp(s))).
 *
 * Returns
 *   OPT_OK      out, dw and dx are set;
 *   OPT_EINVAL  a pointer is NULL or an entry of w or x is NaN or infinite
 *               (outputs untouched).
 *
 * Checked against: the lecture's values (f = 0.73, dw = (-0.20, -0.39,
 * 0.20), dx = (0.39, -0.59)), the point w = 0, random points compared
 * with central differences of f, inputs with |s| up to 1000, and the
 * statuses above.
 */
int sigmoid_neuron_backward(const double w[3], const double x[2], double *out,
                            double dw[3], double dx[2]);

#endif
