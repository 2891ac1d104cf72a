/* stats.h — summaries of a sample. */
#ifndef OPT_STATS_H
#define OPT_STATS_H

#include <stddef.h>

/* The median of v[0..count): the middle value, or the mean of the two
 * middle ones for an even count; NaN for count = 0. Sorts v in place
 * (ascending). */
double opt_median(double *v, size_t count);

#endif
