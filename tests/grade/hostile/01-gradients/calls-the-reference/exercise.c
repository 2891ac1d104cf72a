/* hostile: central_difference_gradient
 * expect: No credit for central_difference_gradient
 *
 * The reference solution (reference.c), except that central_difference_gradient
 * hands the work to the library's opt_grad_central through a static helper
 * (which the compiler may inline): the autograder must give no credit for
 * that exercise, say why, and keep the other two exercises' full marks.
 */
#include "diff.h"
#define central_difference_gradient reference_central_difference_gradient
#include "reference.c"
#undef central_difference_gradient

static int differentiate(const opt_objective *f, const double *x, double h, double *grad)
{
    return opt_grad_central(f, x, h, grad);
}

int central_difference_gradient(const opt_objective *f, const double *x, double h, double *grad)
{
    if (!f || !f->fdf || !x || !grad || f->n == 0 || !(h > 0) || !isfinite(h))
        return OPT_EINVAL;
    return differentiate(f, x, h, grad);
}
