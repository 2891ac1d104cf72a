/* exercise.c — Lab 02, Taylor series and the steepest direction: your code
 * goes here.
 *
 * Each function is specified in exercise.h. Replace the body of each stub
 * (the (void) lines only silence "unused parameter" warnings) and check
 * with `make grade LAB=02`.
 */
#include <math.h>
#include "vec.h"
#include "exercise.h"

int taylor2_model(double f0, const double *g, const double *H, const double *delta, size_t n,
                  double *value)
{
    (void)f0, (void)g, (void)H, (void)delta, (void)n, (void)value;
    return OPT_ENOTIMPL;
}

int steepest_unit_direction(const double *g, size_t n, double *v)
{
    (void)g, (void)n, (void)v;
    return OPT_ENOTIMPL;
}
