/* hostile: nesterov_step/non_finite_gradient
 * expect: expected (1, 1) untouched, got (1.0000000000000002, 1)
 *
 * The reference solution (reference.c), except that nesterov_step, before
 * it refuses a NaN gradient, moves x by one unit in its last place. The
 * feedback must show the change: printed with %g, it read "expected (1, 1)
 * untouched, got (1, 1)".
 */
#include <math.h>
#define nesterov_step reference_nesterov_step
#include "reference.c"
#undef nesterov_step

int nesterov_step(const opt_objective *f, double *x, double *v, double rho, double eta)
{
    int status = reference_nesterov_step(f, x, v, rho, eta);
    if (status == OPT_EDIVERGED && f && x && f->n > 0)
        x[0] = nextafter(x[0], INFINITY);
    return status;
}
