/* schedule.h — learning-rate schedules.
 *
 * A schedule maps the step index t = 0, 1, 2, ... (the number of updates
 * made before this one, PyTorch's `last_epoch` counter) and the base rate
 * lr0 to the rate of update t + 1. Every kind may be preceded by a linear
 * warm-up of `warmup` steps:
 *
 *   t <  W:  lr = lr0 (s + (1 - s) (t + 1) / W)      s = warmup_start (default 0)
 *   t >= W:  lr = base(t - W), with horizon T - W for the kinds that have one
 *
 * so the rate climbs to lr0 at the last warm-up step and the main schedule
 * then starts from its beginning.
 *
 * The kinds (PyTorch's name in brackets):
 *   constant     lr0
 *   step         lr0 gamma^floor(t / step_size)                    [StepLR]
 *   multistep    lr0 gamma^(number of milestones <= t)             [MultiStepLR]
 *   exponential  lr0 gamma^t                                       [ExponentialLR]
 *   cosine       eta_min + (lr0 - eta_min) (1 + cos(pi t / T)) / 2 [CosineAnnealingLR]
 *                (lr_min after T)
 *   linear       lr0 (1 - t / T), and 0 after T                    [LinearLR to 0]
 *   invsqrt      lr0 / sqrt(max(t, 1))
 *
 * The driver calls opt_schedule_lr through opt_run_params.schedule.
 */
#ifndef OPT_SCHEDULE_H
#define OPT_SCHEDULE_H

#include <stddef.h>

typedef enum {
    OPT_SCHED_CONSTANT, OPT_SCHED_STEP, OPT_SCHED_MULTISTEP, OPT_SCHED_EXPONENTIAL,
    OPT_SCHED_COSINE, OPT_SCHED_LINEAR, OPT_SCHED_INVSQRT, OPT_SCHED_COUNT
} opt_schedule_kind;

#define OPT_SCHED_MAX_MILESTONES 16

typedef struct opt_schedule {
    opt_schedule_kind kind;
    double gamma;           /* step, multistep, exponential; default 0.1 */
    long step_size;         /* step; default 30 */
    long milestones[OPT_SCHED_MAX_MILESTONES]; /* multistep, increasing; default 30, 60, 90 */
    size_t nmilestones;
    long T;                 /* cosine, linear: the horizon in steps; default 100 */
    double eta_min;         /* cosine: the floor; default 0 */
    long warmup;            /* W: linear warm-up steps; default 0 (none) */
    double warmup_start;    /* s: the warm-up's starting fraction of lr0; default 0 */
} opt_schedule;

/* The defaults above for the given kind. */
opt_schedule opt_schedule_defaults(opt_schedule_kind kind);
/* The kind called name ("cosine", ...; exactly, as names.h matches names),
 * or OPT_SCHED_COUNT when none is. */
opt_schedule_kind opt_schedule_lookup(const char *name);
/* The name of a kind ("unknown" for none). */
const char *opt_schedule_name(opt_schedule_kind kind);
/* The kind's name nearest to name, for "did you mean" (names.h), or NULL. */
const char *opt_schedule_suggest(const char *name);
/* OPT_OK, or OPT_EINVAL with *why set to a phrase when a field is out of
 * its domain (gamma <= 0, T < 1, milestones not increasing, ...). */
int opt_schedule_check(const opt_schedule *s, const char **why);
/* The learning rate of update t + 1 (t >= 0). */
double opt_schedule_lr(const opt_schedule *s, long t, double lr0);
/* The same with the signature of opt_run_params.schedule (ctx is an
 * opt_schedule; the driver passes t = 1, 2, ..., so this uses t - 1). */
double opt_schedule_fn(long t, double lr0, void *ctx);

#endif
