/* exercise.c — Lab 06, Adaptive steps: your code goes here.
 *
 * Each function is specified in exercise.h. Replace the body of each stub
 * (the (void) lines only silence "unused parameter" warnings) and check
 * with `make grade LAB=06`.
 */
#include <math.h>
#include "exercise.h"

int adagrad_step(double *x, double *G, const double *g, size_t n, double lr, double eps)
{
    (void)x, (void)G, (void)g, (void)n, (void)lr, (void)eps;
    return OPT_ENOTIMPL;
}

int rmsprop_step(double *x, double *v, const double *g, size_t n, double lr, double alpha,
                 double eps)
{
    (void)x, (void)v, (void)g, (void)n, (void)lr, (void)alpha, (void)eps;
    return OPT_ENOTIMPL;
}

int adam_step(double *x, double *m, double *v, const double *g, size_t n, long t, double lr,
              double beta1, double beta2, double eps)
{
    (void)x, (void)m, (void)v, (void)g, (void)n, (void)t, (void)lr, (void)beta1, (void)beta2,
        (void)eps;
    return OPT_ENOTIMPL;
}
