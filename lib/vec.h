/* vec.h — the few dense-vector kernels the library writes as plain loops.
 *
 * Vectors at every libopt interface are contiguous `double` arrays with a
 * length n. These helpers are the only place the library spells out a dot
 * product or a norm, so every module computes them the same way.
 */
#ifndef OPT_VEC_H
#define OPT_VEC_H

#include <stddef.h>

double opt_dot(const double *a, const double *b, size_t n);
/* Euclidean norm, scaled so that it neither overflows nor underflows for
 * entries near DBL_MAX or DBL_MIN (as BLAS dnrm2 does). */
double opt_norm2(const double *a, size_t n);
/* Largest absolute entry (0 for n = 0). */
double opt_norm_inf(const double *a, size_t n);
/* y <- y + alpha * x */
void opt_axpy(double alpha, const double *x, double *y, size_t n);
/* 1 when every entry is finite (no NaN, no infinity), else 0. */
int opt_all_finite(const double *a, size_t n);

#endif
