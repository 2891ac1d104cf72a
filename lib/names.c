/* names.c — the one "did you mean" of libopt, and lists of names. */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include "names.h"

/* The name pointer of entry i. */
static const char *name_at(const void *names, size_t i, size_t stride)
{
    return *(const char *const *)((const char *)names + i * stride);
}

long opt_name_index(const char *name, const void *names, size_t count, size_t stride)
{
    for (size_t i = 0; name && names && i < count; i++) {
        const char *cand = name_at(names, i, stride);
        if (cand && strcmp(cand, name) == 0)
            return (long)i;
    }
    return -1;
}

/* Edit distance with adjacent transpositions (optimal string alignment),
 * ignoring case; names longer than 63 bytes are not compared. */
static int edit_distance(const char *a, const char *b)
{
    size_t m = strlen(a), n = strlen(b);
    if (m > 63 || n > 63)
        return INT_MAX;
    int d[64][64];
    for (size_t i = 0; i <= m; i++)
        d[i][0] = (int)i;
    for (size_t j = 0; j <= n; j++)
        d[0][j] = (int)j;
    for (size_t i = 1; i <= m; i++)
        for (size_t j = 1; j <= n; j++) {
            int ai = tolower((unsigned char)a[i - 1]), bj = tolower((unsigned char)b[j - 1]);
            int best = d[i - 1][j - 1] + (ai != bj);
            if (d[i - 1][j] + 1 < best)
                best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && ai == tolower((unsigned char)b[j - 2])
                && tolower((unsigned char)a[i - 2]) == bj && d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    return d[m][n];
}

/* How far a name may be from a candidate and still be called a typo. */
static int close_enough(const char *name, const char *cand, int d)
{
    size_t len = strlen(name);
    int limit = len <= 3 ? 1 : len <= 6 ? 2 : 3;
    return d <= limit && (size_t)d < len && (size_t)d < strlen(cand);
}

const char *opt_nearest_name(const char *name, const void *names, size_t count, size_t stride)
{
    const char *best = NULL;
    int bestd = INT_MAX;
    for (size_t i = 0; name && names && i < count; i++) {
        const char *cand = name_at(names, i, stride);
        if (!cand)
            continue;
        int d = edit_distance(name, cand);
        if (d < bestd && close_enough(name, cand, d)) {
            best = cand;
            bestd = d;
        }
    }
    return best;
}

const char *opt_name_hint(char *buf, size_t cap, const char *near)
{
    if (near)
        snprintf(buf, cap, " (did you mean '%s'?)", near);
    else if (cap)
        buf[0] = '\0';
    return buf;
}

const char *opt_names_join(char *buf, size_t cap, const void *names, size_t count,
                           size_t stride)
{
    size_t len = 0;
    if (cap)
        buf[0] = '\0';
    for (size_t i = 0; i < count && len < cap; i++) {
        const char *name = name_at(names, i, stride);
        if (name)
            len += (size_t)snprintf(buf + len, cap - len, "%s%s", len ? ", " : "", name);
    }
    return buf;
}
