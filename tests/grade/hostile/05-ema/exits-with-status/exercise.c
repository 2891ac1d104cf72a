/* hostile: ema_bias_corrected
 * expect: exit status 3
 *
 * The reference solution (reference.c), except that ema_bias_corrected
 * gives up with exit(3).
 */
#define ema_bias_corrected reference_ema_bias_corrected
#include "reference.c"
#undef ema_bias_corrected

int ema_bias_corrected(const double *x, size_t k, double beta, double *out)
{
    (void)x, (void)k, (void)beta, (void)out;
    exit(3);
}
