/* spectrum.c — symmetric eigenvalues through GSL, and the condition number. */
#include <math.h>
#include <stdlib.h>
#include <gsl/gsl_eigen.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_vector.h>
#include "spectrum.h"
#include "status.h"

int opt_sym_eigenvalues(const double *A, size_t n, double *eig)
{
    if (!A || !eig || n == 0)
        return OPT_EINVAL;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j <= i; j++)
            if (!isfinite(A[i * n + j]))
                return OPT_EINVAL;
    /* gsl_eigen_symm overwrites its matrix: work on a symmetric copy. */
    double *work = malloc(n * n * sizeof *work);
    gsl_eigen_symm_workspace *ws = gsl_eigen_symm_alloc(n);
    if (!work || !ws) {
        free(work);
        if (ws)
            gsl_eigen_symm_free(ws);
        return OPT_ENOMEM;
    }
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j <= i; j++)
            work[i * n + j] = work[j * n + i] = A[i * n + j];
    gsl_matrix_view m = gsl_matrix_view_array(work, n, n);
    gsl_vector_view v = gsl_vector_view_array(eig, n);
    int status = gsl_eigen_symm(&m.matrix, &v.vector, ws) ? OPT_EINVAL : OPT_OK;
    if (status == OPT_OK)
        gsl_sort(eig, 1, n);        /* GSL leaves them unordered */
    gsl_eigen_symm_free(ws);
    free(work);
    return status;
}

int opt_condition_number(const double *H, size_t n, double *kappa)
{
    if (!kappa)
        return OPT_EINVAL;
    double *eig = malloc((n ? n : 1) * sizeof *eig);
    if (!eig)
        return OPT_ENOMEM;
    int status = opt_sym_eigenvalues(H, n, eig);
    if (status == OPT_OK && !(eig[0] > 0))
        status = OPT_EINVAL;        /* not positive definite */
    if (status == OPT_OK)
        *kappa = eig[n - 1] / eig[0];
    free(eig);
    return status;
}
