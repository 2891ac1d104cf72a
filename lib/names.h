/* names.h — a name among names: "did you mean" and lists of known names.
 *
 * Every lookup by name in libopt (config keys, problems, steppers,
 * schedules, line searches, the fields of a method record) matches
 * exactly: names are case-sensitive, and "Adam" is not "adam". Only the
 * suggestion for a name that matched nothing ignores case, so that a wrong
 * case gets the right name offered. Every message writes a suggestion the
 * same way, right after the quoted name that was not found:
 *
 *     unknown key 'eat' (did you mean 'eta'?)
 *     methods[1]: unknown method 'Adam' (did you mean 'adam'?); known methods: gd, ...
 */
#ifndef OPT_NAMES_H
#define OPT_NAMES_H

#include <stddef.h>

/* The index of the entry whose name is name, exactly (case and all); -1
 * when none is (or name is NULL). names as for opt_nearest_name below. */
long opt_name_index(const char *name, const void *names, size_t count, size_t stride);

/* The name among count names nearest to name, when it is near enough to be
 * a typo; NULL when none is (or name is NULL).
 * Distance: single-character edits (insert, delete, replace, or swap two
 * neighbours), ignoring case. Near enough: at most 1 edit for a name of up
 * to 3 characters, 2 up to 6, 3 beyond, and fewer edits than either name
 * has characters. Of two names as near, the first. Names longer than 63
 * bytes are never near.
 * names is an array of count structs stride bytes apart, each starting
 * with its name pointer (NULL names are skipped); for a plain array of
 * strings, stride is sizeof(char *). */
const char *opt_nearest_name(const char *name, const void *names, size_t count, size_t stride);

/* The suggestion as messages write it: " (did you mean '<near>'?)", or ""
 * when near is NULL. Returns buf. */
const char *opt_name_hint(char *buf, size_t cap, const char *near);

/* The names (laid out as for opt_nearest_name) joined by ", " into buf,
 * cut where buf is full. Returns buf. */
const char *opt_names_join(char *buf, size_t cap, const void *names, size_t count,
                           size_t stride);

#endif
