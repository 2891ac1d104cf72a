/* sandbox.h — the limits every grade-test process runs under (sandbox.c).
 *
 * Shared by the runner (harness.c), which names them in its feedback, and
 * by sandbox.c, which sets them in each test process.
 */
#ifndef GRADE_SANDBOX_H
#define GRADE_SANDBOX_H

#define GRADE_DEFAULT_MEMORY_MB 512     /* GRADE_MEMORY_MB: per test process */
#define GRADE_DEFAULT_OUTPUT_KB 1024    /* GRADE_OUTPUT_KB: stdout + stderr of a test */
#define GRADE_CPU_BACKSTOP 60           /* seconds of CPU, in case a time limit fails */
#define GRADE_EXIT_MEMORY 88            /* the exit status of a process out of memory */
#define GRADE_WORKER_ENV "OPTLAB_GRADE_WORKER"  /* set by the runner for its workers */

#if defined(__SANITIZE_ADDRESS__)
#define GRADE_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GRADE_ASAN 1
#endif
#endif
#ifndef GRADE_ASAN
#define GRADE_ASAN 0
#endif

/* The value of the environment variable name when it is a number > 0, else fallback. */
double grade_env_number(const char *name, double fallback);

/* The limits in force: GRADE_MEMORY_MB and GRADE_OUTPUT_KB, or their defaults. */
double grade_limit_memory_mb(void);
double grade_limit_output_kb(void);

#endif
