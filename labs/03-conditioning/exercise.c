/* exercise.c — Lab 03, Conditioning, gradient descent, coordinate descent:
 * your code goes here.
 *
 * Each function is specified in exercise.h. Replace the body of each stub
 * (the (void) lines only silence "unused parameter" warnings) and check
 * with `make grade LAB=03`.
 */
#include <math.h>
#include <stdlib.h>
#include "exercise.h"

int gradient_descent_step(double *x, const double *g, size_t n, double eta)
{
    (void)x, (void)g, (void)n, (void)eta;
    return OPT_ENOTIMPL;
}

int hessian_condition_number(const double *H, size_t n, double *kappa)
{
    (void)H, (void)n, (void)kappa;
    return OPT_ENOTIMPL;
}

int predicted_loss_change(const double *g, const double *H, size_t n, double eps,
                          double *change)
{
    (void)g, (void)H, (void)n, (void)eps, (void)change;
    return OPT_ENOTIMPL;
}
