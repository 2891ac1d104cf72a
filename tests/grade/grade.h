/* grade.h — what every autograder test file shares: the words of its
 * feedback and the comparisons it makes.
 *
 * Each tests/grade/NN-slug.c names its lab, then includes this header:
 *
 *     #define GRADE_LAB "05-ema"
 *     #include "grade.h"
 *
 * and, with it, exercise.h (the student's functions and libopt's status
 * codes) and Criterion. scripts/release and scripts/gradescope ship this
 * header with the tests.
 *
 *   IMPLEMENTED(fn, status)   a stub (status OPT_ENOTIMPL) fails the test at
 *                             once with "fn is not implemented yet", naming
 *                             labs/GRADE_LAB/exercise.c.
 *   EXPECT_STATUS(fn, got, want, what, hint)
 *                             the call's status is want; else "fn what:
 *                             expected OPT_..., got OPT_... (code). Hint: ...".
 *                             Every call of a student function goes through
 *                             one of these two, so a stub fails with a clear
 *                             message before anything else is checked.
 *   status_name(s)            "OPT_EINVAL" for OPT_EINVAL, ...
 *   close_to(got, want, tol)  |got - want| <= tol max(1, |want|)
 *   rel_close(got, want, tol) |got - want| <= tol |want| (any magnitude)
 *   grade_num(x)              x as text for a message (below)
 *
 * Numbers in messages. A message that prints the numbers it compared with
 * %g (six digits) can show two different values alike: "expected (1, 1)
 * untouched, got (1, 1)" when x came back as 1.0000000000000002. Every
 * number in a message goes through grade_num() instead, as "%s": the
 * shortest decimal that reads back as exactly that double (at most 17
 * digits), so 1 prints as "1", 0.1 as "0.1", and 1.0000000000000002 as
 * itself. Two numbers a message prints alike are equal; two that differ
 * print differently.
 */
#ifndef GRADE_H
#define GRADE_H

#ifndef GRADE_LAB
#error "define GRADE_LAB as the lab's \"NN-slug\" before including grade.h"
#endif

#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "exercise.h"

/* The name of a status code, for messages. */
static inline const char *status_name(int s)
{
    switch (s) {
    case OPT_OK: return "OPT_OK";
    case OPT_EINVAL: return "OPT_EINVAL";
    case OPT_ENOMEM: return "OPT_ENOMEM";
    case OPT_EDIVERGED: return "OPT_EDIVERGED";
    case OPT_EMAXITER: return "OPT_EMAXITER";
    case OPT_ENOTIMPL: return "OPT_ENOTIMPL";
    case OPT_ENOPROG: return "OPT_ENOPROG";
    case OPT_EIO: return "OPT_EIO";
    case OPT_ECONFIG: return "OPT_ECONFIG";
    case OPT_EBUDGET: return "OPT_EBUDGET";
    default: return "an unexpected status";
    }
}

#define IMPLEMENTED(fn, status)                                                          \
    cr_assert((status) != OPT_ENOTIMPL,                                                  \
              "%s is not implemented yet: it returned OPT_ENOTIMPL. Write it in "        \
              "labs/" GRADE_LAB "/exercise.c (the assignment is its comment in "         \
              "exercise.h).", fn)

#define EXPECT_STATUS(fn, got, want, what, hint)                                         \
    do {                                                                                 \
        int got_ = (got);                                                                \
        IMPLEMENTED(fn, got_);                                                           \
        cr_assert(got_ == (want), "%s %s: expected %s, got %s (%d). Hint: %s", fn, what, \
                  status_name(want), status_name(got_), got_, hint);                     \
    } while (0)

/* The hint for a call that should have succeeded. */
#define OK_HINT "return OPT_OK when all went well."

/* |got - want| <= tol max(1, |want|): relative for large values, absolute
 * near zero. */
static inline int close_to(double got, double want, double tol)
{
    return fabs(got - want) <= tol * fmax(1.0, fabs(want));
}

/* |got - want| <= tol |want|: relative closeness for values of any size. */
static inline int rel_close(double got, double want, double tol)
{
    return fabs(got - want) <= tol * fabs(want);
}

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
