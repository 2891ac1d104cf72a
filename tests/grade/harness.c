/* harness.c — the autograder's side of every grade-test binary.
 *
 * scripts/grade links tests/grade/NN-slug.c (Criterion tests, one suite per
 * exercise), an implementation's NN-slug/exercise.c, libopt and this file,
 * then runs
 *
 *     grade-NN --points tests/grade/NN-slug.points --lab NN-slug --out PREFIX
 *              [--void FILE] [Criterion options...]
 *
 * Before any test runs, main() checks the points file against the tests
 * that are compiled in: a test without points, or points for a test that
 * does not exist, is the instructor's error (message, exit 3), never a
 * silent zero.  Each test runs in its own process (Criterion) with a time
 * limit: its own .timeout, else DEFAULT_TIMEOUT seconds.
 *
 * A test process also runs under the limits of sandbox.c (linked into the
 * same binary): memory, output, CPU time, no core files.  A student
 * function that crashes, loops, allocates without bound, calls exit() or
 * floods its output fails that test alone, and verdict() says which of
 * these happened.
 *
 * --void FILE withholds the points of whole exercises: each line is
 * "exercise<TAB>reason" (scripts/grade writes it when a submission calls
 * the library's own version of what an exercise asks for); every test of
 * that exercise fails with the reason as its feedback.
 *
 * After the last test, the POST_ALL report hook (it runs in the runner, and
 * sees every test's asserts, crash signal, timeout and exit code) writes
 *   PREFIX.tsv           suite, test, score, max_score, status, visibility
 *   PREFIX.jsonl         one Gradescope test object per line
 *   PREFIX.feedback.txt  the failures, for the terminal
 * in the order of the points file.  scripts/grade turns these into the
 * score table and build/grade/results.json.
 *
 * A binary linked with -flto can lose Criterion's registrations (the tests
 * before Criterion 2.4.1, which added __attribute__((used)) to them, and
 * the report hook in every version): no tests at all, or a hook that never
 * ran, is an instructor's error (message, exit 3), never a zero for all.
 */
#include <criterion/criterion.h>
#include <criterion/hooks.h>
#include <criterion/internal/ordered-set.h>
#include <errno.h>
#include <stdarg.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sandbox.h"

#define DEFAULT_TIMEOUT 2.0     /* seconds, for tests without a .timeout */
#define MAX_LINE 1024

/* One line of the points file, and what happened to its test. */
typedef struct graded_test {
    char *suite;                /* Criterion suite = the exercise */
    char *name;                 /* Criterion test name */
    double points;
    char *visibility;           /* Gradescope: visible, hidden, after_due_date, after_published */
    double timeout;             /* the limit the test ran under, seconds */
    const char *description;    /* the test's .description, may be NULL */
    int compiled_in;            /* the binary has this test */
    struct criterion_test_stats *stats;     /* set in POST_ALL; NULL = did not run */
} graded_test;

static struct {
    const char *points_file;
    const char *lab;            /* "01-gradients" */
    const char *out_prefix;
    graded_test *tests;
    size_t ntests;
    int clock_works;            /* some test took a measurable time */
    const char *void_file;      /* exercises whose points are withheld, and why */
    char **voided, **void_reason;
    size_t nvoided;
    double memory_mb, output_kb;    /* the limits of every test process */
    int reported;               /* the POST_ALL hook ran and wrote the results */
} grading;

/* --- Small helpers ------------------------------------------------------- */

static void *xmalloc(size_t size)
{
    void *p = malloc(size);
    if (!p) {
        fprintf(stderr, "grade: out of memory\n");
        exit(4);
    }
    return p;
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(xmalloc(n), s, n);
}

/* A growing string, for composing a test's feedback. */
typedef struct text {
    char *s;
    size_t len, cap;
} text;

static void text_add(text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void text_add(text *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int need = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (need < 0)
        return;
    if (t->len + (size_t) need + 1 > t->cap) {
        size_t cap = t->cap ? t->cap : 256;
        while (t->len + (size_t) need + 1 > cap)
            cap *= 2;
        char *s = realloc(t->s, cap);
        if (!s)
            return;
        t->s = s;
        t->cap = cap;
    }
    va_start(ap, fmt);
    vsnprintf(t->s + t->len, t->cap - t->len, fmt, ap);
    va_end(ap);
    t->len += (size_t) need;
}

/* Length of the valid UTF-8 sequence at s, or 0 when it is not one. */
static size_t utf8_length(const unsigned char *s)
{
    size_t n;
    if (s[0] < 0x80)
        return 1;
    else if ((s[0] & 0xE0) == 0xC0 && s[0] >= 0xC2)
        n = 2;
    else if ((s[0] & 0xF0) == 0xE0)
        n = 3;
    else if ((s[0] & 0xF8) == 0xF0 && s[0] <= 0xF4)
        n = 4;
    else
        return 0;
    for (size_t i = 1; i < n; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    return n;
}

/* s as a JSON string literal: escapes, and '?' for bytes that are not UTF-8. */
static void json_string(FILE *f, const char *s)
{
    const unsigned char *p = (const unsigned char *) (s ? s : "");
    fputc('"', f);
    while (*p) {
        size_t n = utf8_length(p);
        if (n == 0) {
            fputc('?', f);
            p++;
        } else if (n > 1) {
            fwrite(p, 1, n, f);
            p += n;
        } else {
            switch (*p) {
            case '"':  fputs("\\\"", f); break;
            case '\\': fputs("\\\\", f); break;
            case '\n': fputs("\\n", f); break;
            case '\t': fputs("\\t", f); break;
            case '\r': fputs("\\r", f); break;
            default:
                if (*p < 0x20 || *p == 0x7F)
                    fprintf(f, "\\u%04x", *p);
                else
                    fputc(*p, f);
            }
            p++;
        }
    }
    fputc('"', f);
}

/* A number as JSON: %g keeps 0.5 and 2 readable. */
static void json_number(FILE *f, double x)
{
    fprintf(f, "%.10g", isfinite(x) ? x : 0.0);
}

/* --- The points file ------------------------------------------------------ */

static int valid_visibility(const char *v)
{
    return !strcmp(v, "visible") || !strcmp(v, "hidden") ||
           !strcmp(v, "after_due_date") || !strcmp(v, "after_published");
}

static void points_error(unsigned line, const char *fmt, const char *arg)
{
    fprintf(stderr, "%s:%u: ", grading.points_file, line);
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    exit(3);
}

/* Split a line at tabs into at most max fields; returns the count. */
static size_t split_tabs(char *line, char **fields, size_t max)
{
    size_t n = 0;
    char *p = line;
    while (n < max) {
        fields[n++] = p;
        p = strchr(p, '\t');
        if (!p)
            break;
        *p++ = '\0';
    }
    return n;
}

/* Read "test\tpoints\tvisibility" lines (test = suite/name); blank lines and
 * lines starting with '#' are skipped.  Any problem exits 3. */
static void load_points(void)
{
    FILE *f = fopen(grading.points_file, "r");
    if (!f) {
        fprintf(stderr, "grade: cannot read points file %s: %s\n",
                grading.points_file, strerror(errno));
        exit(3);
    }
    char line[MAX_LINE];
    unsigned lineno = 0;
    size_t cap = 0;
    int seen_header = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] == '\0' || line[0] == '#')
            continue;
        char *fields[4];
        size_t nf = split_tabs(line, fields, 4);
        if (!seen_header) {
            if (nf < 3 || strcmp(fields[0], "test") || strcmp(fields[1], "points") ||
                strcmp(fields[2], "visibility"))
                points_error(lineno, "expected the header 'test<TAB>points<TAB>visibility', got '%s'",
                             fields[0]);
            seen_header = 1;
            continue;
        }
        if (nf < 3)
            points_error(lineno, "expected 3 tab-separated fields (test, points, visibility) in '%s'",
                         fields[0]);
        char *slash = strchr(fields[0], '/');
        if (!slash || slash == fields[0] || slash[1] == '\0')
            points_error(lineno, "test '%s' should be written suite/name", fields[0]);
        char *end;
        double pts = strtod(fields[1], &end);
        if (end == fields[1] || *end != '\0' || !isfinite(pts) || pts < 0)
            points_error(lineno, "points should be a number >= 0, got '%s'", fields[1]);
        if (!valid_visibility(fields[2]))
            points_error(lineno, "visibility should be visible, hidden, after_due_date or "
                         "after_published, got '%s'", fields[2]);
        *slash = '\0';
        for (size_t i = 0; i < grading.ntests; i++)
            if (!strcmp(grading.tests[i].suite, fields[0]) && !strcmp(grading.tests[i].name, slash + 1)) {
                *slash = '/';
                points_error(lineno, "test '%s' is listed twice", fields[0]);
            }
        if (grading.ntests == cap) {
            cap = cap ? 2 * cap : 16;
            graded_test *t = realloc(grading.tests, cap * sizeof *t);
            if (!t)
                points_error(lineno, "out of memory%s", "");
            grading.tests = t;
        }
        grading.tests[grading.ntests++] = (graded_test) {
            .suite = xstrdup(fields[0]), .name = xstrdup(slash + 1), .points = pts,
            .visibility = xstrdup(fields[2]),
        };
    }
    fclose(f);
    if (!seen_header)
        points_error(lineno, "empty points file: expected the header 'test<TAB>points<TAB>visibility'%s", "");
}

static graded_test *find_test(const char *suite, const char *name)
{
    for (size_t i = 0; i < grading.ntests; i++)
        if (!strcmp(grading.tests[i].suite, suite) && !strcmp(grading.tests[i].name, name))
            return &grading.tests[i];
    return NULL;
}

/* Match the compiled-in tests with the points file, both ways, and give
 * every test its time limit.  Reports every mismatch, then exits 3. */
static void check_tests_against_points(struct criterion_test_set *set)
{
    int errors = 0;
    size_t compiled = 0;
    for (struct criterion_ordered_set_node *sn = set->suites->first; sn; sn = sn->next) {
        struct criterion_suite_set *ss = (void *) (sn + 1);
        if (!ss->tests)
            continue;
        for (struct criterion_ordered_set_node *tn = ss->tests->first; tn; tn = tn->next) {
            struct criterion_test *test = (void *) (tn + 1);
            compiled++;
            graded_test *g = find_test(test->category, test->name);
            if (!g) {
                fprintf(stderr, "%s: no points for test '%s/%s' (add a line '%s/%s<TAB>POINTS<TAB>visible')\n",
                        grading.points_file, test->category, test->name, test->category, test->name);
                errors++;
                continue;
            }
            g->compiled_in = 1;
            g->description = test->data->description;
            double limit = test->data->timeout;
            if (!(limit > 0) && ss->suite.data && ss->suite.data->timeout > 0)
                limit = ss->suite.data->timeout;
            if (!(limit > 0))
                limit = DEFAULT_TIMEOUT;
            test->data->timeout = limit;
            g->timeout = limit;
        }
    }
    if (compiled == 0 && grading.ntests > 0) {
        /* Not the points file's fault: the linker dropped Criterion's test
         * registrations (before 2.4.1 they lack __attribute__((used)), and
         * link-time optimisation removes them). */
        fprintf(stderr, "grade: this binary has no Criterion tests at all, yet %s lists %zu: the "
                "registrations were dropped when it was linked (-flto with Criterion < 2.4.1?). "
                "Build the grade tests without -flto.\n", grading.points_file, grading.ntests);
        exit(3);
    }
    for (size_t i = 0; i < grading.ntests; i++)
        if (!grading.tests[i].compiled_in) {
            fprintf(stderr, "%s: points for test '%s/%s', which the grade tests do not define\n",
                    grading.points_file, grading.tests[i].suite, grading.tests[i].name);
            errors++;
        }
    if (errors)
        exit(3);
}

/* --- Exercises without credit ------------------------------------------------- */

/* Read --void FILE: "exercise<TAB>reason" lines ("\n" in a reason is a line
 * break).  A missing file means no exercise is voided. */
static void load_voided(void)
{
    FILE *f = grading.void_file ? fopen(grading.void_file, "r") : NULL;
    if (!f)
        return;
    char line[4 * MAX_LINE];
    size_t cap = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        char *tab = strchr(line, '\t');
        if (!tab || tab == line)
            continue;
        *tab = '\0';
        if (grading.nvoided == cap) {
            cap = cap ? 2 * cap : 4;
            char **v = realloc(grading.voided, cap * sizeof *v);
            char **r = realloc(grading.void_reason, cap * sizeof *r);
            if (!v || !r) {
                fprintf(stderr, "grade: out of memory\n");
                exit(4);
            }
            grading.voided = v;
            grading.void_reason = r;
        }
        char *reason = xstrdup(tab + 1);
        for (char *p = reason; (p = strstr(p, "\\n")); p++) {
            *p = '\n';
            memmove(p + 1, p + 2, strlen(p + 2) + 1);
        }
        grading.voided[grading.nvoided] = xstrdup(line);
        grading.void_reason[grading.nvoided++] = reason;
    }
    fclose(f);
}

static const char *void_reason(const char *suite)
{
    for (size_t i = 0; i < grading.nvoided; i++)
        if (!strcmp(grading.voided[i], suite))
            return grading.void_reason[i];
    return NULL;
}

/* --- Verdicts and feedback --------------------------------------------------- */

static const char *signal_meaning(int sig)
{
    switch (sig) {
    case SIGSEGV: return "SIGSEGV (segmentation fault): a read or write outside an array, "
                         "or through a NULL or uninitialised pointer";
    case SIGBUS:  return "SIGBUS (bus error): a misaligned or invalid memory access";
    case SIGFPE:  return "SIGFPE (arithmetic exception): an integer division by zero?";
    case SIGABRT: return "SIGABRT (abort): a failed assert(), or the C library or a sanitizer "
                         "found a memory error such as a double free";
    case SIGILL:  return "SIGILL (illegal instruction)";
    case SIGKILL: return "SIGKILL: it was killed, most likely for using too much memory";
    case SIGXCPU: return "SIGXCPU: it used up its CPU time";
    case SIGXFSZ: return "SIGXFSZ: the output limit";
    default:      return NULL;
    }
}

/* The failed assertions of a test, oldest first (Criterion keeps them newest first). */
static void add_failed_asserts(text *out, const struct criterion_test_stats *st)
{
    size_t n = 0;
    for (const struct criterion_assert_stats *a = st->asserts; a; a = a->next)
        n += !a->passed;
    if (n == 0)
        return;
    const struct criterion_assert_stats **failed = xmalloc(n * sizeof *failed);
    size_t i = n;
    for (const struct criterion_assert_stats *a = st->asserts; a; a = a->next)
        if (!a->passed)
            failed[--i] = a;
    for (i = 0; i < n; i++) {
        const char *msg = failed[i]->message;
        if (msg && *msg)
            text_add(out, "%s\n", msg);
        else
            text_add(out, "a check failed (grade test line %u)\n", failed[i]->line);
    }
    free(failed);
}

/* Did the test pass, and what do we tell the student?  Fills out. */
static int verdict(const graded_test *g, text *out)
{
    const struct criterion_test_stats *st = g->stats;
    if (g->description && *g->description)
        text_add(out, "Checks: %s\n", g->description);
    const char *withheld = void_reason(g->suite);
    if (withheld) {
        text_add(out, "%s\n", withheld);
        return 0;
    }
    if (!st) {
        text_add(out, "This test did not run: the grader stopped before reaching it.\n");
        return 0;
    }
    int passed = 1;
    if (st->timed_out) {
        text_add(out, "Time limit of %g s exceeded: an endless loop, or far more work than needed?\n",
                 g->timeout);
        passed = 0;
    } else if (st->crashed && st->signal == SIGXFSZ) {
        text_add(out, "Your code printed more than %g kB (stdout and stderr together), so the test "
                 "was stopped: printing in a loop? Exercises must not print (exercise.h); the "
                 "grader ignores what they print.\n", grading.output_kb);
        passed = 0;
    } else if (st->crashed) {
        const char *meaning = signal_meaning(st->signal);
        if (meaning)
            text_add(out, "Your function crashed with %s.\n", meaning);
        else
            text_add(out, "Your function crashed with signal %d (%s).\n", st->signal, strsignal(st->signal));
        passed = 0;
    } else if (st->test_status == CR_STATUS_SKIPPED) {
        text_add(out, "This test was skipped%s%s.\n", st->message ? ": " : "", st->message ? st->message : "");
        passed = 0;
    } else if (st->exit_code != st->test->data->exit_code) {
        /* scripts/grade sets these exit statuses for the sanitizers (SAN=1). */
        if (st->exit_code == GRADE_EXIT_MEMORY)
            text_add(out, "Your code used more memory than the grader allows (%g MB per test), "
                     "so the test was stopped: memory allocated in a loop that never ends, or a "
                     "size computed wrong (negative, or far too large)?\n", grading.memory_mb);
        else if (st->exit_code == 86)
            text_add(out, "AddressSanitizer stopped your code: a read or write outside an array, "
                     "a use after free, a double free, or more memory than the limit of %g MB "
                     "(its report is in the grader's log).\n", grading.memory_mb);
        else if (st->exit_code == 87)
            text_add(out, "UndefinedBehaviorSanitizer stopped your code: undefined behaviour such as "
                     "a signed overflow or a NULL or misaligned pointer (its report is in the grader's log).\n");
        else
            text_add(out, "The test process ended early with exit status %d: does your code call "
                     "exit()?\n", st->exit_code);
        passed = 0;
    } else if (st->signal != st->test->data->signal) {
        text_add(out, "The test process ended with signal %d.\n", st->signal);
        passed = 0;
    } else if (st->elapsed_time == 0 && grading.clock_works && st->failed_asserts == 0
               && st->test_status != CR_STATUS_FAILED) {
        /* Criterion reports a worker that exits with status 0 in the middle
         * of a test as a pass, timed 0: the test never reached its end. */
        text_add(out, "The test process ended before the test finished: does your code call exit()?\n");
        passed = 0;
    }
    if (st->failed_asserts > 0 || st->test_status == CR_STATUS_FAILED)
        passed = 0;
    add_failed_asserts(out, st);
    if (passed)
        text_add(out, "Passed.\n");
    else if (st->failed_asserts == 0 && !st->timed_out && !st->crashed && out->len == 0)
        text_add(out, "Failed without a message.\n");
    return passed;
}

/* --- Writing the results --------------------------------------------------- */

static FILE *open_output(const char *suffix)
{
    size_t n = strlen(grading.out_prefix) + strlen(suffix) + 1;
    char *path = xmalloc(n);
    snprintf(path, n, "%s%s", grading.out_prefix, suffix);
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "grade: cannot write %s: %s\n", path, strerror(errno));
        exit(4);
    }
    free(path);
    return f;
}

/* A failure's message without its "Checks: ..." line: what went wrong. */
static const char *what_went_wrong(const char *out)
{
    if (out && !strncmp(out, "Checks: ", 8)) {
        const char *nl = strchr(out, '\n');
        return nl ? nl + 1 : "";
    }
    return out ? out : "";
}

static void write_indented(FILE *f, const char *s)
{
    for (const char *line = s; line && *line;) {
        const char *nl = strchr(line, '\n');
        int len = nl ? (int) (nl - line) : (int) strlen(line);
        fprintf(f, "    %.*s\n", len, line);
        line = nl ? nl + 1 : NULL;
    }
}

/* The failures, for the terminal.  When every test of an exercise failed
 * for the same reason (a stub, a crash), that reason is said once. */
static void write_feedback(FILE *f, char **outs, const int *passed)
{
    char *done = calloc(grading.ntests, 1);
    if (!done)
        return;
    for (size_t i = 0; i < grading.ntests; i++) {
        const graded_test *g = &grading.tests[i];
        if (passed[i] || done[i])
            continue;
        size_t same = 0, total = 0;
        double points = 0;
        for (size_t j = 0; j < grading.ntests; j++)
            if (!strcmp(grading.tests[j].suite, g->suite)) {
                total++;
                points += grading.tests[j].points;
                same += !passed[j] && !strcmp(what_went_wrong(outs[j]), what_went_wrong(outs[i]));
            }
        if (total > 1 && same == total) {
            fprintf(f, "FAILED all %zu tests of %s (0/%g):\n", total, g->suite, points);
            write_indented(f, what_went_wrong(outs[i]));
            for (size_t j = 0; j < grading.ntests; j++)
                if (!strcmp(grading.tests[j].suite, g->suite))
                    done[j] = 1;
            continue;
        }
        fprintf(f, "FAILED %s/%s (0/%g)%s\n", g->suite, g->name, g->points,
                strcmp(g->visibility, "visible") ? "  [hidden on Gradescope]" : "");
        write_indented(f, outs[i]);
        done[i] = 1;
    }
    free(done);
}

static void write_test_json(FILE *f, const graded_test *g, size_t index, int passed, const char *out)
{
    char name[2 * MAX_LINE], number[64];
    snprintf(name, sizeof name, "%s: %s/%s", grading.lab, g->suite, g->name);
    snprintf(number, sizeof number, "%d.%zu", atoi(grading.lab), index + 1);
    fputs("{\"name\": ", f);
    json_string(f, name);
    fputs(", \"number\": ", f);
    json_string(f, number);
    fputs(", \"score\": ", f);
    json_number(f, passed ? g->points : 0.0);
    fputs(", \"max_score\": ", f);
    json_number(f, g->points);
    fprintf(f, ", \"status\": \"%s\", \"output\": ", passed ? "passed" : "failed");
    json_string(f, out);
    fputs(", \"output_format\": \"text\", \"visibility\": ", f);
    json_string(f, g->visibility);
    fputs("}\n", f);
}

static void write_results(void)
{
    char **outs = xmalloc((grading.ntests + 1) * sizeof *outs);
    int *passed = xmalloc((grading.ntests + 1) * sizeof *passed);
    for (size_t i = 0; i < grading.ntests; i++) {
        text out = {0};
        passed[i] = verdict(&grading.tests[i], &out);
        outs[i] = out.s ? out.s : xstrdup("");
    }

    FILE *tsv = open_output(".tsv");
    FILE *jsonl = open_output(".jsonl");
    FILE *feedback = open_output(".feedback.txt");
    for (size_t i = 0; i < grading.ntests; i++) {
        const graded_test *g = &grading.tests[i];
        fprintf(tsv, "%s\t%s\t%.10g\t%.10g\t%s\t%s\n", g->suite, g->name,
                passed[i] ? g->points : 0.0, g->points, passed[i] ? "passed" : "failed",
                g->visibility);
        write_test_json(jsonl, g, i, passed[i], outs[i]);
    }
    write_feedback(feedback, outs, passed);
    if (fclose(tsv) | fclose(jsonl) | fclose(feedback)) {
        fprintf(stderr, "grade: writing the results under %s failed\n", grading.out_prefix);
        exit(4);
    }
    for (size_t i = 0; i < grading.ntests; i++)
        free(outs[i]);
    free(outs);
    free(passed);
}

ReportHook(POST_ALL)(struct criterion_global_stats *stats)
{
    if (!grading.out_prefix)
        return;
    for (struct criterion_suite_stats *ss = stats->suites; ss; ss = ss->next)
        for (struct criterion_test_stats *ts = ss->tests; ts; ts = ts->next) {
            graded_test *g = find_test(ts->test->category, ts->test->name);
            if (g)
                g->stats = ts;
            if (ts->elapsed_time > 0)
                grading.clock_works = 1;
        }
    write_results();
    grading.reported = 1;
}

/* --- main ----------------------------------------------------------------- */

static void usage(void)
{
    fprintf(stderr, "usage: grade-NN --points FILE --lab NN-slug --out PREFIX [--void FILE] "
            "[criterion options]\n");
    exit(2);
}

int main(int argc, char *argv[])
{
    /* Take our options out of argv; the rest are Criterion's. */
    int kept = 1;
    for (int i = 1; i < argc; i++) {
        const char **slot = !strcmp(argv[i], "--points") ? &grading.points_file
                          : !strcmp(argv[i], "--lab") ? &grading.lab
                          : !strcmp(argv[i], "--out") ? &grading.out_prefix
                          : !strcmp(argv[i], "--void") ? &grading.void_file : NULL;
        if (slot) {
            if (i + 1 >= argc)
                usage();
            *slot = argv[++i];
        } else {
            argv[kept++] = argv[i];
        }
    }
    argv[kept] = NULL;
    argc = kept;

    struct criterion_test_set *tests = criterion_initialize();
    int ok = 1;
    /* A worker process re-enters main() with no options of ours: only the
     * runner (which has them) checks points and writes results. */
    if (grading.points_file || grading.lab || grading.out_prefix) {
        if (!grading.points_file || !grading.lab || !grading.out_prefix)
            usage();
        load_points();
        check_tests_against_points(tests);
        load_voided();
        grading.memory_mb = grade_limit_memory_mb();
        grading.output_kb = grade_limit_output_kb();
        setenv(GRADE_WORKER_ENV, "1", 1);   /* from here on, every child is a test process */
    }
    int ran = 0;
    if (criterion_handle_args(argc, argv, true)) {
        ok = criterion_run_all_tests(tests);
        ran = 1;
    }
    criterion_finalize(tests);
    (void) ok;      /* test failures are grades, not errors */
    if (ran && grading.out_prefix && !grading.reported) {
        /* Criterion ran the tests but never called our report hook: its
         * registration (no __attribute__((used)), in 2.4.1 too) was dropped
         * at link time.  Without this check every test would silently score 0. */
        fprintf(stderr, "grade: Criterion never called the harness's report hook, so no results were "
                "written: the hook was dropped when this binary was linked (-flto?). Build the "
                "grade tests without -flto.\n");
        return 3;
    }
    return 0;
}
