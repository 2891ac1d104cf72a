/* sandbox.c — the limits of a grade-test process: its sandbox.
 *
 * Linked into every grade-test binary with harness.c (scripts/grade).
 * Criterion runs each test in a worker: a fresh process of the binary that
 * runs its constructors but never main().  The runner (which does run main)
 * sets GRADE_WORKER_ENV before it starts any, so the constructor here knows
 * where it is and limits the workers only:
 *   - stdout and stderr go to a private, already unlinked file, and
 *     RLIMIT_FSIZE stops a flood with SIGXFSZ (under ASan stderr stays, for
 *     its reports);
 *   - RLIMIT_AS allows GRADE_MEMORY_MB beyond what the process has mapped
 *     at start (not under ASan, whose shadow memory needs terabytes of
 *     address space: scripts/grade gives ASan an RSS limit instead), and a
 *     failed allocation ends the test with GRADE_EXIT_MEMORY, so the
 *     feedback says "too much memory" rather than "SIGSEGV";
 *   - RLIMIT_CPU as a backstop behind Criterion's time limit; no core files.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>
#include "sandbox.h"

double grade_limit_memory_mb(void)
{
    return grade_env_number("GRADE_MEMORY_MB", GRADE_DEFAULT_MEMORY_MB);
}

double grade_limit_output_kb(void)
{
    return grade_env_number("GRADE_OUTPUT_KB", GRADE_DEFAULT_OUTPUT_KB);
}

double grade_env_number(const char *name, double fallback)
{
    const char *s = getenv(name);
    char *end;
    double v = s ? strtod(s, &end) : 0;
    return s && end != s && *end == '\0' && v > 0 && isfinite(v) ? v : fallback;
}

static void lower_limit(int resource, rlim_t value)
{
    struct rlimit r;
    if (getrlimit(resource, &r) != 0)
        return;
    if (r.rlim_max != RLIM_INFINITY && r.rlim_max < value)
        value = r.rlim_max;
    r.rlim_cur = r.rlim_max = value;
    setrlimit(resource, &r);
}

/* Bytes of address space this process has mapped now (/proc/self/statm). */
static rlim_t mapped_bytes(void)
{
    unsigned long pages = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (f) {
        if (fscanf(f, "%lu", &pages) != 1)
            pages = 0;
        fclose(f);
    }
    return (rlim_t) pages * (rlim_t) sysconf(_SC_PAGESIZE);
}

static int in_worker;    /* this process is a test process */

__attribute__((constructor)) static void limit_test_process(void)
{
    if (!getenv(GRADE_WORKER_ENV))
        return;
    in_worker = 1;
    /* Output goes to a private, already unlinked file: the file-size limit
     * then stops a flood with SIGXFSZ, and nothing reaches the grader's log.
     * Under ASan stderr stays, for its reports. */
    FILE *sink = tmpfile();
    if (sink) {
        fflush(stdout);
        dup2(fileno(sink), STDOUT_FILENO);
        if (!GRADE_ASAN) {
            fflush(stderr);
            dup2(fileno(sink), STDERR_FILENO);
        }
    }
    lower_limit(RLIMIT_CORE, 0);
    lower_limit(RLIMIT_CPU, GRADE_CPU_BACKSTOP);
    lower_limit(RLIMIT_FSIZE, (rlim_t) (grade_limit_output_kb() * 1024));
    if (!GRADE_ASAN)
        lower_limit(RLIMIT_AS, mapped_bytes() +
                    (rlim_t) (grade_limit_memory_mb() * 1024 * 1024));
}

/* In a worker, an allocation that fails has hit the memory limit: end the
 * test with GRADE_EXIT_MEMORY, which the report turns into "too much memory",
 * rather than let the code crash on a NULL pointer and be told "SIGSEGV".
 * (glibc's own entry points do the work; ASan brings its own allocator.) */
#if defined(__GLIBC__) && !GRADE_ASAN
extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *p, size_t size);

static void *allocated(void *p, int asked)
{
    if (!p && asked && in_worker) {
        static const char msg[] = "grade: the test process reached its memory limit\n";
        ssize_t ignored = write(STDERR_FILENO, msg, sizeof msg - 1);
        (void) ignored;
        _exit(GRADE_EXIT_MEMORY);
    }
    return p;
}

void *malloc(size_t size)
{
    return allocated(__libc_malloc(size), size > 0);
}

void *calloc(size_t count, size_t size)
{
    return allocated(__libc_calloc(count, size), count > 0 && size > 0);
}

void *realloc(void *p, size_t size)
{
    return allocated(__libc_realloc(p, size), size > 0);
}
#endif
