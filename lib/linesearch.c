/* linesearch.c — backtracking (Armijo) and Moré–Thuente (strong Wolfe). */
#include <math.h>
#include <string.h>
#include "linesearch.h"
#include "names.h"
#include "status.h"
#include "vec.h"

static const char *const names[OPT_LS_COUNT] = {
    [OPT_LS_BACKTRACKING] = "backtracking",
    [OPT_LS_MORE_THUENTE] = "more-thuente",
    [OPT_LS_FIXED] = "fixed",
};

opt_ls_kind opt_linesearch_lookup(const char *name)
{
    long k = opt_name_index(name, names, OPT_LS_COUNT, sizeof *names);
    return k < 0 ? OPT_LS_COUNT : (opt_ls_kind)k;
}

const char *opt_linesearch_name(opt_ls_kind kind)
{
    return kind < OPT_LS_COUNT ? names[kind] : "unknown";
}

const char *opt_linesearch_suggest(const char *name)
{
    return opt_nearest_name(name, names, OPT_LS_COUNT, sizeof *names);
}

opt_ls_params opt_ls_defaults(void)
{
    return (opt_ls_params){ .c1 = 1e-4, .c2 = 0.9, .rho = 0.5, .xtol = 1e-16,
                            .step_min = 1e-20, .step_max = 1e20, .max_evals = 40 };
}

/* phi(a) and phi'(a): evaluates at x + a d into xa, ga. */
static double phi(const opt_objective *obj, const double *x, const double *d, double a,
                  double *xa, double *ga, double *dphi)
{
    const size_t n = obj->n;
    for (size_t i = 0; i < n; i++)
        xa[i] = x[i] + a * d[i];
    double f = opt_eval(obj, xa, ga);
    *dphi = opt_dot(ga, d, n);
    return f;
}

static int finite2(double a, double b)
{
    return isfinite(a) && isfinite(b);
}

/* ---- Backtracking ---------------------------------------------------------------- */

static int backtracking(const opt_objective *obj, const double *x, double f0, double dg0,
                        const double *g0, const double *d, double *step, double *x_new, double *f_new,
                        double *g_new, const opt_ls_params *p, opt_ls_result *res)
{
    double a = *step;
    for (res->evals = 0; res->evals < p->max_evals;) {
        double dphi;
        double f = phi(obj, x, d, a, x_new, g_new, &dphi);
        res->evals++;
        const int finite = finite2(f, dphi) && opt_all_finite(g_new, obj->n);
        res->nonfinite += !finite;
        if (finite && f <= f0 + p->c1 * a * dg0) {
            *step = a;
            *f_new = f;
            res->why = "Armijo";
            return OPT_OK;
        }
        a *= p->rho;
        if (a < p->step_min)
            break;
    }
    res->why = res->nonfinite ? OPT_LS_NONFINITE
             : res->evals >= p->max_evals ? "too many evaluations" : "step at step_min";
    /* No acceptable step: leave x itself in the outputs. */
    *step = 0;
    *f_new = f0;
    memcpy(x_new, x, obj->n * sizeof *x);
    memcpy(g_new, g0, obj->n * sizeof *g0);
    return OPT_ENOPROG;
}

/* ---- Moré–Thuente ------------------------------------------------------------------- */

/* The minimizer of the cubic that interpolates (u, fu, du) and (v, fv, dv),
 * in the numerically careful form of Moré and Thuente, as u + r (v - u).
 * Returns NAN when the discriminant is negative (no minimizer). With clamp
 * (their case 3) a negative discriminant counts as 0, and the step is
 * returned only when it lies beyond u, away from v (r < 0), else NAN. */
static double cubic_min(double u, double fu, double du, double v, double fv, double dv,
                        int clamp)
{
    const double theta = 3 * (fu - fv) / (v - u) + du + dv;
    const double s = fmax(fabs(theta), fmax(fabs(du), fabs(dv)));
    double disc = (theta / s) * (theta / s) - (du / s) * (dv / s);
    if (disc < 0) {
        if (!clamp)
            return NAN;
        disc = 0;
    }
    double gamma = s * sqrt(disc);
    if (v < u)
        gamma = -gamma;
    const double p = (gamma - du) + theta;
    const double q = ((gamma - du) + gamma) + dv;
    const double r = p / q;
    if (clamp && !(r < 0 && gamma != 0))
        return NAN;
    return u + r * (v - u);
}

void opt_more_thuente_step(double *stx, double *fx, double *dx, double *sty, double *fy,
                           double *dy, double *stp, double fp, double dp, int *brackt,
                           double stpmin, double stpmax)
{
    const double sgnd = dp * (*dx / fabs(*dx));
    double stpf;

    if (fp > *fx) {
        /* Case 1: a higher value. The minimum is bracketed; take the cubic
         * step if it is closer to stx than the quadratic one, else their
         * midpoint. */
        const double stpc = cubic_min(*stx, *fx, *dx, *stp, fp, dp, 0);
        const double stpq = *stx + ((*dx / ((*fx - fp) / (*stp - *stx) + *dx)) / 2)
                                       * (*stp - *stx);
        if (!isnan(stpc) && fabs(stpc - *stx) < fabs(stpq - *stx))
            stpf = stpc;
        else
            stpf = isnan(stpc) ? stpq : stpc + (stpq - stpc) / 2;
        *brackt = 1;
    } else if (sgnd < 0) {
        /* Case 2: a lower value and derivatives of opposite sign: bracketed.
         * Take whichever of the cubic and secant steps is farther from stp. */
        const double stpc = cubic_min(*stp, fp, dp, *stx, *fx, *dx, 0);
        const double stpq = *stp + (dp / (dp - *dx)) * (*stx - *stp);
        stpf = (!isnan(stpc) && fabs(stpc - *stp) > fabs(stpq - *stp)) ? stpc : stpq;
        *brackt = 1;
    } else if (fabs(dp) < fabs(*dx)) {
        /* Case 3: lower value, same sign, the derivative shrinks in size.
         * The cubic step is used only if it lies beyond stp (or its
         * minimizer is at infinity in that direction, then a bound). */
        double stpc = cubic_min(*stp, fp, dp, *stx, *fx, *dx, 1);
        if (isnan(stpc))
            stpc = *stp > *stx ? stpmax : stpmin;
        const double stpq = *stp + (dp / (dp - *dx)) * (*stx - *stp);
        if (*brackt) {
            stpf = fabs(stpc - *stp) < fabs(stpq - *stp) ? stpc : stpq;
            const double limit = *stp + 0.66 * (*sty - *stp);
            stpf = *stp > *stx ? fmin(limit, stpf) : fmax(limit, stpf);
        } else {
            stpf = fabs(stpc - *stp) > fabs(stpq - *stp) ? stpc : stpq;
            stpf = fmax(stpmin, fmin(stpmax, stpf));
        }
    } else {
        /* Case 4: lower value, same sign, the derivative does not shrink:
         * extrapolate to a bound unless bracketed, then use the cubic
         * through stp and sty. */
        if (*brackt) {
            const double stpc = cubic_min(*stp, fp, dp, *sty, *fy, *dy, 0);
            stpf = isnan(stpc) ? (*stp + *sty) / 2 : stpc;
        } else {
            stpf = *stp > *stx ? stpmax : stpmin;
        }
    }

    /* Update the interval of uncertainty. */
    if (fp > *fx) {
        *sty = *stp;
        *fy = fp;
        *dy = dp;
    } else {
        if (sgnd < 0) {
            *sty = *stx;
            *fy = *fx;
            *dy = *dx;
        }
        *stx = *stp;
        *fx = fp;
        *dx = dp;
    }
    *stp = stpf;
}

static int more_thuente(const opt_objective *obj, const double *x, double f0, double dg0,
                        const double *d, double *step, double *x_new, double *f_new,
                        double *g_new, const opt_ls_params *p, opt_ls_result *res)
{
    const double xtrapl = 1.1, xtrapu = 4.0;
    const double ftol = p->c1, gtol = p->c2;
    const double gtest = ftol * dg0;
    double stp = *step;
    int brackt = 0, stage = 1;
    double width = p->step_max - p->step_min, width1 = 2 * width;
    double stx = 0, fx = f0, gx = dg0;
    double sty = 0, fy = f0, gy = dg0;
    double stmin = 0, stmax = stp + xtrapu * stp;
    double best = 0, fbest = f0;   /* the lowest finite point tried */
    int have_best = 0;

    if (stp > p->step_max)
        stp = p->step_max;
    for (res->evals = 0; res->evals < p->max_evals;) {
        double dphi;
        double f = phi(obj, x, d, stp, x_new, g_new, &dphi);
        res->evals++;
        if (!finite2(f, dphi) || !opt_all_finite(g_new, obj->n)) {
            /* Too far: fall back towards the best end of the interval. */
            res->nonfinite++;
            stp = stx + 0.5 * (stp - stx);
            brackt = 1;
            sty = stp * 2 - stx;  /* the failed step closes the bracket */
            fy = INFINITY;
            stmin = fmin(stx, sty);
            stmax = fmax(stx, sty);
            if (fabs(stp - stx) <= p->xtol * fmax(fabs(stp), 1e-300)) {
                res->why = "rounding errors";
                break;
            }
            continue;
        }
        if (f < fbest || !have_best) {
            best = stp;
            fbest = f;
            have_best = f <= f0;
        }
        const double ftest = f0 + stp * gtest;
        if (stage == 1 && f <= ftest && dphi >= 0)
            stage = 2;

        /* Convergence: both strong-Wolfe conditions. */
        if (f <= ftest && fabs(dphi) <= gtol * (-dg0)) {
            *step = stp;
            *f_new = f;
            res->why = "strong Wolfe";
            return OPT_OK;
        }
        /* Tests for the ways it can fail. */
        if (brackt && (stp <= stmin || stp >= stmax)) {
            res->why = "rounding errors";
            break;
        }
        if (brackt && stmax - stmin <= p->xtol * stmax) {
            res->why = "interval too small";
            break;
        }
        if (stp == p->step_max && f <= ftest && dphi <= gtest) {
            res->why = "step at step_max";
            break;
        }
        if (stp == p->step_min && (f > ftest || dphi >= gtest)) {
            res->why = "step at step_min";
            break;
        }

        /* In the first stage, while the value is above the Armijo line but
         * below the best so far, work on the modified function
         * psi(a) = phi(a) - phi(0) - a gtest, whose minimizers satisfy the
         * conditions too. */
        if (stage == 1 && f <= fx && f > ftest) {
            double fm = f - stp * gtest, fxm = fx - stx * gtest, fym = fy - sty * gtest;
            double gm = dphi - gtest, gxm = gx - gtest, gym = gy - gtest;
            opt_more_thuente_step(&stx, &fxm, &gxm, &sty, &fym, &gym, &stp, fm, gm, &brackt, stmin,
                                  stmax);
            fx = fxm + stx * gtest;
            fy = fym + sty * gtest;
            gx = gxm + gtest;
            gy = gym + gtest;
        } else {
            opt_more_thuente_step(&stx, &fx, &gx, &sty, &fy, &gy, &stp, f, dphi, &brackt, stmin,
                                  stmax);
        }

        /* Force a sufficient shrink of the interval. */
        if (brackt) {
            if (fabs(sty - stx) >= 0.66 * width1)
                stp = stx + 0.5 * (sty - stx);
            width1 = width;
            width = fabs(sty - stx);
            stmin = fmin(stx, sty);
            stmax = fmax(stx, sty);
        } else {
            stmin = stp + xtrapl * (stp - stx);
            stmax = stp + xtrapu * (stp - stx);
        }
        stp = fmax(p->step_min, fmin(p->step_max, stp));
        if ((brackt && (stp <= stmin || stp >= stmax))
            || (brackt && stmax - stmin <= p->xtol * stmax))
            stp = stx;
    }
    if (res->nonfinite)
        res->why = OPT_LS_NONFINITE;
    else if (res->evals >= p->max_evals)
        res->why = "too many evaluations";
    /* Leave the best point tried in the outputs. */
    double dphi;
    if (have_best) {
        *step = best;
        *f_new = phi(obj, x, d, best, x_new, g_new, &dphi);
    } else {
        *step = 0;
        *f_new = f0;
        memcpy(x_new, x, obj->n * sizeof *x);
        opt_eval(obj, x_new, g_new);
    }
    return OPT_ENOPROG;
}

int opt_linesearch(const opt_objective *obj, opt_ls_kind kind, const double *x, double f0,
                   const double *g0, const double *d, double *step, double *x_new,
                   double *f_new, double *g_new, const opt_ls_params *p, opt_ls_result *res)
{
    opt_ls_params defaults = opt_ls_defaults();
    opt_ls_result local;
    if (!p)
        p = &defaults;
    if (!res)
        res = &local;
    res->evals = 0;
    res->nonfinite = 0;
    res->why = "invalid argument";
    if (!obj || !x || !g0 || !d || !step || !x_new || !f_new || !g_new)
        return OPT_EINVAL;
    if (!(*step > 0) || !(p->c1 > 0 && p->c1 <= p->c2 && p->c2 < 1) || p->max_evals < 1
        || !(p->rho > 0 && p->rho < 1) || !(p->step_min > 0 && p->step_min < p->step_max))
        return OPT_EINVAL;
    const double dg0 = opt_dot(g0, d, obj->n);
    if (kind == OPT_LS_FIXED) {
        double dphi;
        *f_new = phi(obj, x, d, *step, x_new, g_new, &dphi);
        res->evals = 1;
        if (isfinite(*f_new) && opt_all_finite(g_new, obj->n)) {
            res->why = "fixed";
            return OPT_OK;
        }
        res->nonfinite = 1;
        res->why = OPT_LS_NONFINITE;
        return OPT_EDIVERGED;
    }
    if (!(dg0 < 0)) {
        res->why = "not a descent direction";
        return OPT_EINVAL;
    }
    if (kind == OPT_LS_BACKTRACKING)
        return backtracking(obj, x, f0, dg0, g0, d, step, x_new, f_new, g_new, p, res);
    return more_thuente(obj, x, f0, dg0, d, step, x_new, f_new, g_new, p, res);
}
