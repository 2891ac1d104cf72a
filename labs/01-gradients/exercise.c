/* exercise.c — Lab 01, Gradients: your code goes here.
 *
 * Each function is specified in exercise.h. Replace the body of each stub
 * (the (void) lines only silence "unused parameter" warnings) and check
 * with `make grade LAB=01`.
 */
#include <math.h>
#include <stdlib.h>
#include "exercise.h"

int central_difference_gradient(const opt_objective *f, const double *x, double h, double *grad)
{
    (void)f, (void)x, (void)h, (void)grad;
    return OPT_ENOTIMPL;
}

int gradient_check_error(const double *analytic, const double *numeric, size_t n,
                         double *max_rel_error)
{
    (void)analytic, (void)numeric, (void)n, (void)max_rel_error;
    return OPT_ENOTIMPL;
}

int sigmoid_neuron_backward(const double w[3], const double x[2], double *out,
                            double dw[3], double dx[2])
{
    (void)w, (void)x, (void)out, (void)dw, (void)dx;
    return OPT_ENOTIMPL;
}
