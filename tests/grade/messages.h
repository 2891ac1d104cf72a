/* messages.h — numbers in the grade tests' feedback.
 *
 * A message that prints the numbers it compared with %g (six digits) can
 * show two different values alike: "expected (1, 1) untouched, got (1, 1)"
 * when x came back as 1.0000000000000002. Every number in a message goes
 * through grade_num() instead, as "%s": the shortest decimal that reads
 * back as exactly that double (at most 17 digits), so 1 prints as "1", 0.1
 * as "0.1", and 1.0000000000000002 as itself. Two numbers a message prints
 * alike are equal; two that differ print differently.
 *
 * Included by every tests/grade/NN-slug.c; scripts/release and
 * scripts/gradescope ship it with them.
 */
#ifndef GRADE_MESSAGES_H
#define GRADE_MESSAGES_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* x as the shortest "%.Ng" (N = 1..17) that strtod reads back as x; NaN
 * as "nan" whatever its sign bit. The string lives in one of 32 buffers
 * used in turn, so one message can hold up to 32 numbers. */
static inline const char *grade_num(double x)
{
    static char buf[32][32];
    static unsigned next;
    char *b = buf[next++ % 32];
    if (isnan(x)) {
        snprintf(b, sizeof buf[0], "nan");
        return b;
    }
    for (int digits = 1; digits <= 17; digits++) {
        snprintf(b, sizeof buf[0], "%.*g", digits, x);
        if (strtod(b, NULL) == x)
            break;
    }
    return b;
}

#endif
