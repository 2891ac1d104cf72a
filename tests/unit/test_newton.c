/* Second derivatives by differences, and Newton's method in its variants. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdlib.h>
#include "opt.h"

Test(hessian, finite_differences_match_the_analytic_hessian)
{
    opt_rosenbrock r = { 4, 1, 100 };
    opt_objective o = opt_rosenbrock_objective(&r);
    double x[] = { -1.2, 1, 0.5, -0.3 }, H[16], Hfd[16];
    o.hess(x, H, o.ctx);
    cr_assert_eq(opt_hessian_fd(&o, x, 0, Hfd), OPT_OK);
    for (int i = 0; i < 16; i++)
        cr_assert_float_eq(Hfd[i], H[i], 1e-6 * fmax(1, fabs(H[i])), "entry %d: %g vs %g", i, Hfd[i], H[i]);
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++)
            cr_assert_eq(Hfd[i * 4 + j], Hfd[j * 4 + i]);
    /* Without an analytic Hessian, opt_hessian falls back to differences. */
    o.hess = NULL;
    double Hf[16];
    cr_assert_eq(opt_hessian(&o, x, Hf), OPT_OK);
    cr_assert_eq(Hf[5], Hfd[5]);
}

Test(hessian, vector_product_without_the_matrix)
{
    opt_rosenbrock r = { 3, 1, 100 };
    opt_objective o = opt_rosenbrock_objective(&r);
    double x[] = { 0.3, -0.7, 1.1 }, v[] = { 1, -2, 0.5 }, H[9], Hv[3];
    o.hess(x, H, o.ctx);
    cr_assert_eq(opt_hessian_vector(&o, x, v, 0, Hv), OPT_OK);
    for (int i = 0; i < 3; i++) {
        double want = H[3 * i] * v[0] + H[3 * i + 1] * v[1] + H[3 * i + 2] * v[2];
        cr_assert_float_eq(Hv[i], want, 1e-6 * fmax(1, fabs(want)));
    }
    double zero[3] = { 0 };
    cr_assert_eq(opt_hessian_vector(&o, x, zero, 0, Hv), OPT_OK);
    cr_assert(Hv[0] == 0 && Hv[1] == 0 && Hv[2] == 0);
}

Test(newton, one_step_solves_a_quadratic)
{
    const opt_newton_kind kinds[] = { OPT_NEWTON_PURE, OPT_NEWTON_DAMPED, OPT_NEWTON_EIGEN,
                                      OPT_NEWTON_CHOLESKY };
    for (int k = 0; k < 4; k++) {
        opt_objective o = opt_problem_objective(opt_problem_lookup("ill-conditioned"));
        double x[] = { -2.5, 2 }, f;
        opt_newton_params p = opt_newton_defaults();
        p.kind = kinds[k];
        opt_result r;
        cr_assert_eq(opt_newton(&o, x, &f, &p, NULL, NULL, &r), OPT_OK, "kind %d", k);
        cr_assert_eq(r.iterations, 1, "kind %d: %ld iterations", k, r.iterations);
        cr_assert_lt(fabs(x[0]) + fabs(x[1]), 1e-14);
    }
}

struct errs { double e[64]; int k; };

static int record_error(const opt_progress *p, void *ctx)
{
    struct errs *e = ctx;
    if (e->k < 64)
        e->e[e->k++] = hypot(p->x[0] - 1, p->x[1] - 1);
    return 0;
}

Test(newton, quadratic_convergence_on_rosenbrock)
{
    opt_objective o = opt_problem_objective(opt_problem_lookup("rosenbrock"));
    double x[] = { -1.2, 1 }, f;
    struct errs e = { .k = 0 };
    opt_newton_params p = opt_newton_defaults();
    opt_result r;
    cr_assert_eq(opt_newton(&o, x, &f, &p, record_error, &e, &r), OPT_OK, "%s", r.reason);
    cr_assert_lt(r.iterations, 30);
    cr_assert_float_eq(x[0], 1, 1e-12);
    cr_assert_float_eq(x[1], 1, 1e-12);
    /* The last steps: e_{k+1} <= C e_k^2 with a modest C, and the number of
     * correct digits roughly doubles. */
    int found = 0;
    for (int k = 1; k + 1 < e.k; k++)
        if (e.e[k] < 1e-2 && e.e[k] > 1e-7 && e.e[k + 1] > 0) {
            double c = e.e[k + 1] / (e.e[k] * e.e[k]);
            cr_assert_lt(c, 1e3, "e_%d = %g, e_%d = %g: ratio %g", k, e.e[k], k + 1, e.e[k + 1], c);
            found++;
        }
    cr_assert_geq(found, 1, "no iterate in the quadratic regime");
}

Test(newton, pure_newton_jumps_to_the_saddle_modified_does_not)
{
    opt_objective o = opt_saddle_objective();
    double x[] = { 1, 0.5 }, f;
    opt_newton_params p = opt_newton_defaults();
    p.kind = OPT_NEWTON_PURE;
    opt_result r;
    cr_assert_eq(opt_newton(&o, x, &f, &p, NULL, NULL, &r), OPT_OK);
    cr_assert_eq(r.iterations, 1);
    cr_assert(x[0] == 0 && x[1] == 0, "pure Newton ends at the saddle (0, 0)");
    /* Modified: the eigenvalue -2 becomes 2, so the y-step is +g_y/2 =
     * -y: downhill along y, while x goes to 0. f keeps falling. */
    const opt_newton_kind kinds[] = { OPT_NEWTON_EIGEN, OPT_NEWTON_CHOLESKY };
    for (int k = 0; k < 2; k++) {
        double y[] = { 1, 0.5 };
        p.kind = kinds[k];
        p.max_iterations = 5;
        int st = opt_newton(&o, y, &f, &p, NULL, NULL, &r);
        cr_assert_neq(st, OPT_OK, "modified Newton must not stop at the saddle");
        cr_assert_lt(f, -0.25, "kind %d: f = %g, expected below f(x0) = 0.75 and below 0", k, f);
        cr_assert_gt(fabs(y[1]), 0.5, "kind %d: moved away from the saddle along y", k);
    }
}

Test(newton, eigen_modification_direction_by_hand)
{
    /* H = diag(2, -2), g = (2, -1): d = -(g_x / 2, g_y / 2) = (-1, 0.5) */
    double H[] = { 2, 0, 0, -2 }, g[] = { 2, -1 }, d[2], tau;
    opt_newton_params p = opt_newton_defaults();
    cr_assert_eq(opt_newton_direction(OPT_NEWTON_EIGEN, H, g, 2, &p, d, &tau), OPT_OK);
    cr_assert_float_eq(d[0], -1, 1e-15);
    cr_assert_float_eq(d[1], 0.5, 1e-15);
    /* Cholesky: min diagonal -2, so tau starts at 1e-3 + 2 and works at
     * once, H + tau I = diag(4.001, 0.001); the step then uses 2 tau = 4.002:
     * H + 2 tau I = diag(6.002, 2.002). Along y that is 1/2.002, about the
     * eigenvalue modification's 1/2 above, where tau itself would have given
     * 1/0.001 = 1000. */
    double H2[] = { 2, 0, 0, -2 };
    cr_assert_eq(opt_newton_direction(OPT_NEWTON_CHOLESKY, H2, g, 2, &p, d, &tau), OPT_OK);
    cr_assert_float_eq(tau, 4.002, 1e-15);
    cr_assert_float_eq(d[0], -2 / 6.002, 1e-15);
    cr_assert_float_eq(d[1], 1 / 2.002, 1e-15);
    /* Positive definite: no shift, the Newton step. H = [4 1; 1 3], g = (1, 2):
     * d = -H^-1 g = -(3 - 2, -1 + 8) / 11 = (-1/11, -7/11). */
    double P[] = { 4, 1, 1, 3 }, g2[] = { 1, 2 };
    cr_assert_eq(opt_newton_direction(OPT_NEWTON_CHOLESKY, P, g2, 2, &p, d, &tau), OPT_OK);
    cr_assert_eq(tau, 0);
    cr_assert_float_eq(d[0], -1.0 / 11, 1e-15);
    cr_assert_float_eq(d[1], -7.0 / 11, 1e-15);
    /* Positive diagonal, indefinite: H = [1 2; 2 1] (eigenvalues 3, -1).
     * tau = 0 fails, then 1e-3, 2e-3, ..., 0.512 fail and 1.024 works (the
     * first of beta 2^k above 1); the step uses 2.048: H + 2.048 I =
     * [3.048 2; 2 3.048], determinant 3.048^2 - 4 = 5.290304, and
     * d = -(3.048 g1 - 2 g2, -2 g1 + 3.048 g2) / 5.290304 with g = (1, 0). */
    double Q[] = { 1, 2, 2, 1 }, g3[] = { 1, 0 };
    cr_assert_eq(opt_newton_direction(OPT_NEWTON_CHOLESKY, Q, g3, 2, &p, d, &tau), OPT_OK);
    cr_assert_float_eq(tau, 2.048, 1e-15);
    cr_assert_float_eq(d[0], -3.048 / 5.290304, 1e-15);
    cr_assert_float_eq(d[1], 2 / 5.290304, 1e-15);
    /* Singular for pure Newton */
    double S[] = { 1, 1, 1, 1 };
    cr_assert_eq(opt_newton_direction(OPT_NEWTON_PURE, S, g, 2, &p, d, &tau), OPT_ENOPROG);
}
