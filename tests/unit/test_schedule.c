/* Schedules, moving averages and clipping, against values worked out by
 * hand. */
#include <criterion/criterion.h>
#include <math.h>
#include "opt.h"

static double lr_at(opt_schedule_kind kind, long t)
{
    opt_schedule s = opt_schedule_defaults(kind);
    return opt_schedule_lr(&s, t, 1.0);
}

Test(schedule, step_and_multistep_at_epochs_30_60_90)
{
    cr_assert_float_eq(lr_at(OPT_SCHED_STEP, 29), 1, 1e-15);
    cr_assert_float_eq(lr_at(OPT_SCHED_STEP, 30), 0.1, 1e-15);
    cr_assert_float_eq(lr_at(OPT_SCHED_STEP, 59), 0.1, 1e-15);
    cr_assert_float_eq(lr_at(OPT_SCHED_STEP, 60), 0.01, 1e-15);
    cr_assert_float_eq(lr_at(OPT_SCHED_MULTISTEP, 89), 0.01, 1e-15);
    cr_assert_float_eq(lr_at(OPT_SCHED_MULTISTEP, 90), 0.001, 1e-15);
    cr_assert_float_eq(lr_at(OPT_SCHED_MULTISTEP, 1000), 0.001, 1e-15);
}

Test(schedule, cosine_linear_invsqrt_exponential)
{
    /* T = 100: cosine 1/2 (1 + cos(pi t / 100)) */
    cr_assert_float_eq(lr_at(OPT_SCHED_COSINE, 0), 1, 1e-15);
    cr_assert_float_eq(lr_at(OPT_SCHED_COSINE, 50), 0.5, 1e-15);
    cr_assert_float_eq(lr_at(OPT_SCHED_COSINE, 25), (1 + sqrt(0.5)) / 2, 1e-15);
    cr_assert_float_eq(lr_at(OPT_SCHED_COSINE, 100), 0, 1e-15);
    cr_assert_float_eq(lr_at(OPT_SCHED_COSINE, 150), 0, 1e-15);
    cr_assert_float_eq(lr_at(OPT_SCHED_LINEAR, 25), 0.75, 1e-15);
    cr_assert_float_eq(lr_at(OPT_SCHED_LINEAR, 100), 0, 1e-15);
    cr_assert_float_eq(lr_at(OPT_SCHED_INVSQRT, 0), 1, 1e-15);
    cr_assert_float_eq(lr_at(OPT_SCHED_INVSQRT, 4), 0.5, 1e-15);
    cr_assert_float_eq(lr_at(OPT_SCHED_INVSQRT, 100), 0.1, 1e-15);
    cr_assert_float_eq(lr_at(OPT_SCHED_EXPONENTIAL, 2), 0.01, 1e-15);
    cr_assert_float_eq(lr_at(OPT_SCHED_CONSTANT, 12345), 1, 1e-15);
    opt_schedule c = opt_schedule_defaults(OPT_SCHED_COSINE);
    c.eta_min = 0.1;
    cr_assert_float_eq(opt_schedule_lr(&c, 50, 1), 0.55, 1e-15);
}

Test(schedule, warmup_then_cosine_from_its_start)
{
    /* W = 10: 0.1, 0.2, ..., 1.0, then cosine over T - W = 90 steps. */
    opt_schedule s = opt_schedule_defaults(OPT_SCHED_COSINE);
    s.warmup = 10;
    cr_assert_float_eq(opt_schedule_lr(&s, 0, 2), 0.2, 1e-15);
    cr_assert_float_eq(opt_schedule_lr(&s, 4, 2), 1.0, 1e-15);
    cr_assert_float_eq(opt_schedule_lr(&s, 9, 2), 2.0, 1e-15);
    cr_assert_float_eq(opt_schedule_lr(&s, 10, 2), 2.0, 1e-15);
    cr_assert_float_eq(opt_schedule_lr(&s, 55, 2), 1.0, 1e-15);  /* half of 90 */
    cr_assert_float_eq(opt_schedule_lr(&s, 100, 2), 0, 1e-15);
    s.warmup_start = 0.5;
    cr_assert_float_eq(opt_schedule_lr(&s, 0, 2), 2 * (0.5 + 0.5 * 0.1), 1e-15);
    /* the driver's callback counts steps from 1 */
    cr_assert_float_eq(opt_schedule_fn(1, 2, &s), opt_schedule_lr(&s, 0, 2), 0);
}

Test(schedule, names_and_checks)
{
    for (int k = 0; k < OPT_SCHED_COUNT; k++)
        cr_assert_eq(opt_schedule_lookup(opt_schedule_name((opt_schedule_kind)k)), k);
    cr_assert_eq(opt_schedule_lookup("cosin"), OPT_SCHED_COUNT);
    const char *why;
    opt_schedule s = opt_schedule_defaults(OPT_SCHED_COSINE);
    cr_assert_eq(opt_schedule_check(&s, &why), OPT_OK);
    s.warmup = 100;
    cr_assert_eq(opt_schedule_check(&s, &why), OPT_EINVAL);
    cr_assert_str_eq(why, "warmup must be shorter than T");
    s = opt_schedule_defaults(OPT_SCHED_MULTISTEP);
    s.milestones[1] = 20;
    cr_assert_eq(opt_schedule_check(&s, &why), OPT_EINVAL);
    cr_assert_str_eq(why, "milestones must increase");
}

Test(ema, bias_correction_factors_from_the_lecture)
{
    /* beta = 0.9: 1 / (1 - 0.81) = 5.263..., 1 / (1 - 0.9^100) = 1.0000266 */
    cr_assert_float_eq(opt_bias_correction(0.9, 2), 1 / 0.19, 1e-13);
    cr_assert_eq(round(opt_bias_correction(0.9, 2) * 100) / 100, 5.26);
    cr_assert_float_eq(opt_bias_correction(0.9, 100), 1 / (1 - pow(0.9, 100)), 1e-15);
    cr_assert_eq(round(opt_bias_correction(0.9, 100) * 1e6) / 1e6, 1.000027);
}

Test(ema, update_and_corrected_value)
{
    /* A constant series x = 10: v_1 = 1, v_2 = 1.9; corrected both are 10. */
    opt_ema e = opt_ema_init(0.9);
    cr_assert_eq(opt_ema_corrected(&e), 0);
    double v = opt_ema_update(&e, 10);   /* (the assert macros evaluate twice) */
    cr_assert_float_eq(v, 1, 1e-15);
    cr_assert_float_eq(opt_ema_corrected(&e), 10, 1e-14);
    v = opt_ema_update(&e, 10);
    cr_assert_float_eq(v, 1.9, 1e-15);
    cr_assert_float_eq(opt_ema_corrected(&e), 10, 1e-14);
    for (int k = 0; k < 1000; k++)
        opt_ema_update(&e, 10);
    cr_assert_float_eq(e.value, 10, 1e-12);
}

Test(clip, by_norm_and_by_value)
{
    double g[] = { 3, 4 };
    cr_assert_eq(opt_clip_norm(g, 2, 10), 5);
    cr_assert(g[0] == 3 && g[1] == 4);          /* under the bound: untouched */
    cr_assert_eq(opt_clip_norm(g, 2, 1), 5);
    cr_assert_float_eq(g[0], 3 / (5 + 1e-6), 1e-15);
    cr_assert_float_eq(g[1], 4 / (5 + 1e-6), 1e-15);
    double h[] = { -3, 0.5, 4 };
    cr_assert_eq(opt_clip_value(h, 3, 1), 2);
    cr_assert(h[0] == -1 && h[1] == 0.5 && h[2] == 1);
}

Test(run, schedule_and_clipping_in_the_driver)
{
    /* GD on 4x^2 + y^2 from (1, 0) with a step schedule step_size 1,
     * gamma 0.5 and lr0 0.1: x multiplies by 1 - 8 lr_t: 0.2, then
     * 1 - 0.4 = 0.6, then 1 - 0.2 = 0.8. */
    const opt_problem *p = opt_problem_lookup("quadratic");
    opt_objective o = opt_problem_objective(p);
    opt_stepper *s = opt_stepper_alloc(opt_gd, 2, NULL);
    opt_schedule sch = opt_schedule_defaults(OPT_SCHED_STEP);
    sch.step_size = 1;
    sch.gamma = 0.5;
    opt_run_params rp = opt_run_defaults();
    rp.lr = 0.1;
    rp.max_steps = 3;
    rp.schedule = opt_schedule_fn;
    rp.schedule_ctx = &sch;
    double x[] = { 1, 0 };
    opt_run(&o, s, x, &rp, NULL, NULL);
    cr_assert_float_eq(x[0], 0.2 * 0.6 * 0.8, 1e-15);
    /* clip_norm 1 from (10, 0): g = (80, 0) is cut to norm 1 (less the
     * guard), so x = 10 - 0.1 * 80 / (80 + 1e-6) */
    opt_stepper_reset(s);
    rp.schedule = NULL;
    rp.max_steps = 1;
    rp.clip_norm = 1;
    x[0] = 10;
    opt_run(&o, s, x, &rp, NULL, NULL);
    cr_assert_float_eq(x[0], 10 - 0.1 * 80 / (80 + 1e-6), 1e-14);
    opt_stepper_free(s);
}
