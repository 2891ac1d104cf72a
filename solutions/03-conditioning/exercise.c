/* exercise.c — Lab 03, Conditioning, gradient descent, coordinate descent:
 * the reference solutions.
 *
 * Same signatures and contracts as labs/03-conditioning/exercise.h.
 */
#include <math.h>
#include <stdlib.h>
#include <gsl/gsl_eigen.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>
#include "exercise.h"

int gradient_descent_step(double *x, const double *g, size_t n, double eta)
{
    if (!x || !g || n == 0 || !(eta >= 0) || !isfinite(eta))
        return OPT_EINVAL;
    for (size_t i = 0; i < n; i++)
        x[i] -= eta * g[i];
    return OPT_OK;
}

int hessian_condition_number(const double *H, size_t n, double *kappa)
{
    if (!H || !kappa || n == 0)
        return OPT_EINVAL;
    for (size_t i = 0; i < n * n; i++)
        if (!isfinite(H[i]))
            return OPT_EINVAL;
    gsl_matrix *m = gsl_matrix_alloc(n, n);
    gsl_vector *eval = gsl_vector_alloc(n);
    gsl_eigen_symm_workspace *w = gsl_eigen_symm_alloc(n);
    int status = OPT_ENOMEM;
    if (m && eval && w) {
        for (size_t i = 0; i < n; i++)
            for (size_t j = 0; j < n; j++)
                gsl_matrix_set(m, i, j, H[i * n + j]);
        status = gsl_eigen_symm(m, eval, w) ? OPT_EINVAL : OPT_OK;
    }
    if (status == OPT_OK) {
        const double lo = gsl_vector_min(eval), hi = gsl_vector_max(eval);
        if (lo > 0)
            *kappa = hi / lo;
        else
            status = OPT_EINVAL;    /* not positive definite */
    }
    if (w)
        gsl_eigen_symm_free(w);
    if (eval)
        gsl_vector_free(eval);
    if (m)
        gsl_matrix_free(m);
    return status;
}

int predicted_loss_change(const double *g, const double *H, size_t n, double eps,
                          double *change)
{
    if (!g || !H || !change || n == 0)
        return OPT_EINVAL;
    double gg = 0, gHg = 0;
    for (size_t i = 0; i < n; i++) {
        double Hg = 0;
        for (size_t j = 0; j < n; j++)
            Hg += H[i * n + j] * g[j];
        gg += g[i] * g[i];
        gHg += g[i] * Hg;
    }
    const double c = 0.5 * eps * eps * gHg - eps * gg;
    if (!isfinite(c))
        return OPT_EDIVERGED;
    *change = c;
    return OPT_OK;
}
