/* status.h — the status codes every libopt function returns.
 *
 * A function in lib/ never prints and never exits: it returns one of these
 * codes (0 on success), and opt_strerror() turns a code into a short phrase
 * for the caller to print. The one exception is the lab runtime (lib/lab.h,
 * lib/lab.c and its helpers): it is the labs' main program, not the
 * library, and it prints (opt_lab_printf, opt_lab_quote, the progress bar)
 * and exits on their behalf: opt_lab_die (exit 1); opt_lab_bad_param,
 * opt_lab_config_failed and opt_lab_start on bad options (exit 2, one line
 * on stderr); opt_lab_start after --help (exit 0), and its own allocations
 * when memory runs out (exit 1). The rest of lib/ never calls it.
 *
 * The solvers (run.h, newton.h, lbfgs.h) return one of these codes and, in
 * their opt_result (solver.h), a reason: a short constant phrase for which
 * test held or what went wrong; each header lists the reasons it can give.
 */
#ifndef OPT_STATUS_H
#define OPT_STATUS_H

enum opt_status {
    OPT_OK = 0,     /* success */
    OPT_EINVAL,     /* an argument is out of its domain (n = 0, h <= 0, NULL, ...) */
    OPT_ENOMEM,     /* an allocation failed */
    OPT_EDIVERGED,  /* a loss, gradient or iterate became non-finite */
    OPT_EMAXITER,   /* the step budget ran out before the stopping test held */
    OPT_ENOTIMPL,   /* not implemented (yet): the exercise stubs return this */
    OPT_ENOPROG,    /* no progress is possible (a line search found no decrease) */
    OPT_EIO,        /* a file could not be read or written */
    OPT_ECONFIG,    /* a configuration (Lua) error */
    OPT_EBUDGET,    /* a Lua call ran out of its instruction or memory budget */
    OPT_NSTATUS
};

/* A short, constant English phrase for a status code ("diverged",
 * "not implemented", ...). Unknown codes give "unknown status". */
const char *opt_strerror(int status);

#endif
