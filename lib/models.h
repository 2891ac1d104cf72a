/* models.h — models fitted to data: their losses as objectives.
 *
 * A model here is a loss over a data set, written once so that a lab (and
 * a test) can minimize it with any solver: full batch, or a fresh
 * mini-batch at every evaluation for the stochastic methods.
 */
#ifndef OPT_MODELS_H
#define OPT_MODELS_H

#include <stddef.h>
#include <gsl/gsl_rng.h>
#include "objective.h"

/* --- Logistic regression ---------------------------------------------------- */
/* Binary logistic regression with an L2 penalty: for examples x_i (rows of
 * X) with labels y_i in {0, 1} and scores s_i = x_i.w,
 *
 *   F(w) = (1/m) sum_i [log(1 + e^{s_i}) - y_i s_i] + (l2 / 2) ||w||^2,
 *
 * the mean cross-entropy over the m examples used, with gradient
 * (1/m) sum_i (sigma(s_i) - y_i) x_i + l2 w. Both are computed without
 * overflow for any s_i. Lab 10 fits it with Newton, L-BFGS and SGD. */
typedef struct opt_logistic {
    size_t N, D, B;          /* examples, features, mini-batch size */
    const double *X, *y;     /* N x D features (row-major), N labels 0 or 1 */
    double l2;               /* the penalty */
    gsl_rng *batches;        /* NULL: every evaluation uses all N examples; else
                                each draws B of them, with replacement */
    size_t *idx;             /* room for B indices: the current mini-batch */
    double seen;             /* examples evaluated so far (/ N: epochs) */
} opt_logistic;

/* F and, when g is not NULL, its gradient over the m examples idx[0..m)
 * (idx NULL: examples 0..m). Counts nothing in seen. */
double opt_logistic_loss(const opt_logistic *L, const double *w, double *g, const size_t *idx,
                         size_t m);
/* The fdf callback (ctx: an opt_logistic): the full batch, or a fresh
 * mini-batch when L->batches is set; adds the examples used to L->seen. */
double opt_logistic_fdf(const double *w, double *g, void *ctx);
/* The objective of dimension L->D, named "logistic regression". */
opt_objective opt_logistic_objective(opt_logistic *L);

/* Synthetic data: N examples of D Gaussian features, feature j of standard
 * deviation sd_j log-spaced from scales[0] to scales[1], and labels y_i = 1
 * with probability sigma(x_i.w_true) for a true w_true,j ~ N(0, 1/sd_j^2),
 * all drawn from r (w_true first, then the examples row by row, each label
 * after its row). X holds N x D, y N, w_true D doubles. OPT_EINVAL for a
 * NULL pointer or N or D = 0. */
int opt_logistic_synthetic(gsl_rng *r, size_t N, size_t D, const double scales[2], double *X,
                           double *y, double *w_true);

#endif
