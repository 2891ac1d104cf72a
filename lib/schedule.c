/* schedule.c — learning-rate schedules with an optional linear warm-up. */
#include <math.h>
#include "names.h"
#include "schedule.h"
#include "status.h"

static const char *const names[OPT_SCHED_COUNT] = {
    "constant", "step", "multistep", "exponential", "cosine", "linear", "invsqrt"
};

opt_schedule opt_schedule_defaults(opt_schedule_kind kind)
{
    return (opt_schedule){ .kind = kind, .gamma = 0.1, .step_size = 30,
                           .milestones = { 30, 60, 90 }, .nmilestones = 3, .T = 100 };
}

opt_schedule_kind opt_schedule_lookup(const char *name)
{
    long k = opt_name_index(name, names, OPT_SCHED_COUNT, sizeof *names);
    return k < 0 ? OPT_SCHED_COUNT : (opt_schedule_kind)k;
}

const char *opt_schedule_name(opt_schedule_kind kind)
{
    return kind < OPT_SCHED_COUNT ? names[kind] : "unknown";
}

const char *opt_schedule_suggest(const char *name)
{
    return opt_nearest_name(name, names, OPT_SCHED_COUNT, sizeof *names);
}

int opt_schedule_check(const opt_schedule *s, const char **why)
{
    const char *msg = NULL;
    if (s->kind >= OPT_SCHED_COUNT)
        msg = "unknown schedule kind";
    else if (!(s->gamma > 0) || !isfinite(s->gamma))
        msg = "gamma must be positive";
    else if (s->step_size < 1)
        msg = "step_size must be at least 1";
    else if (s->nmilestones > OPT_SCHED_MAX_MILESTONES)
        msg = "too many milestones";
    else if (s->T < 1)
        msg = "T must be at least 1";
    else if (s->warmup < 0)
        msg = "warmup must not be negative";
    else if ((s->kind == OPT_SCHED_COSINE || s->kind == OPT_SCHED_LINEAR) && s->warmup >= s->T)
        msg = "warmup must be shorter than T";
    else if (!(s->warmup_start >= 0 && s->warmup_start <= 1))
        msg = "warmup_start must be in [0, 1]";
    else if (!(s->eta_min >= 0) || !isfinite(s->eta_min))
        msg = "eta_min must not be negative";
    for (size_t i = 1; !msg && i < s->nmilestones; i++)
        if (s->milestones[i] <= s->milestones[i - 1])
            msg = "milestones must increase";
    if (why)
        *why = msg;
    return msg ? OPT_EINVAL : OPT_OK;
}

/* The main schedule at t >= 0 with horizon T. */
static double base(const opt_schedule *s, long t, long T, double lr0)
{
    const double pi = 3.14159265358979323846;
    switch (s->kind) {
    case OPT_SCHED_CONSTANT:
        return lr0;
    case OPT_SCHED_STEP:
        return lr0 * pow(s->gamma, (double)(t / s->step_size));
    case OPT_SCHED_MULTISTEP: {
        int passed = 0;
        for (size_t i = 0; i < s->nmilestones; i++)
            passed += t >= s->milestones[i];
        return lr0 * pow(s->gamma, passed);
    }
    case OPT_SCHED_EXPONENTIAL:
        return lr0 * pow(s->gamma, (double)t);
    case OPT_SCHED_COSINE:
        if (t >= T)
            return s->eta_min;
        return s->eta_min + (lr0 - s->eta_min) * (1 + cos(pi * (double)t / (double)T)) / 2;
    case OPT_SCHED_LINEAR:
        return t >= T ? 0 : lr0 * (1 - (double)t / (double)T);
    case OPT_SCHED_INVSQRT:
        return lr0 / sqrt((double)(t > 1 ? t : 1));
    case OPT_SCHED_COUNT:
        break;
    }
    return NAN;
}

double opt_schedule_lr(const opt_schedule *s, long t, double lr0)
{
    if (t < 0)
        t = 0;
    if (t < s->warmup) {
        double frac = (double)(t + 1) / (double)s->warmup;
        return lr0 * (s->warmup_start + (1 - s->warmup_start) * frac);
    }
    return base(s, t - s->warmup, s->T - s->warmup, lr0);
}

double opt_schedule_fn(long t, double lr0, void *ctx)
{
    return opt_schedule_lr(ctx, t - 1, lr0);
}
