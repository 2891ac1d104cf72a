/* stats.c — summaries of a sample. */
#include <math.h>
#include <stdlib.h>
#include "stats.h"

static int ascending(const void *a, const void *b)
{
    const double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

double opt_median(double *v, size_t count)
{
    if (count == 0)
        return NAN;
    qsort(v, count, sizeof *v, ascending);
    return count % 2 ? v[count / 2] : 0.5 * (v[count / 2 - 1] + v[count / 2]);
}
