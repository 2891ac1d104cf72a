/* problems.h — test functions with analytic gradients (and Hessians).
 *
 * Each problem is an fdf callback (objective.h) with a small parameter
 * struct as its ctx; the opt_*_objective() helpers wrap one into an
 * opt_objective. Every gradient and Hessian here passes the gradient check
 * in tests/unit/test_problems.c (the Moré–Garbow–Hillstrom collection's, in
 * tests/unit/test_mgh.c).
 *
 * The named registry at the end serves the playground (lab 00) and configs:
 * `objective = "rosenbrock"`.
 */
#ifndef OPT_PROBLEMS_H
#define OPT_PROBLEMS_H

#include <stddef.h>
#include "objective.h"

/* --- Two-dimensional quadratic f(x) = x^T A x ------------------------- */
/* The lectures write it f(x) = x^T Q Lambda Q^T x with Q a rotation, so
 * the gradient is 2 A x and the Hessian is 2 A: its eigenvalues are
 * 2 lambda1 and 2 lambda2. */
typedef struct opt_quad2 { double a11, a12, a22; } opt_quad2;

/* A = Q diag(lambda1, lambda2) Q^T with Q the rotation by theta_deg degrees
 * (counter-clockwise). */
void opt_quad2_rotated(opt_quad2 *q, double lambda1, double lambda2, double theta_deg);
double opt_quad2_fdf(const double *x, double *g, void *ctx);
int opt_quad2_hess(const double *x, double *H, void *ctx);
opt_objective opt_quad2_objective(opt_quad2 *q);

/* --- Rosenbrock, chained in n >= 2 dimensions ------------------------- */
/* f(x) = sum_{i<n-1} b (x_{i+1} - x_i^2)^2 + (a - x_i)^2; minimum 0 at
 * x = (a, a^2, ...) for n = 2 and at (1, ..., 1) for a = 1. Defaults
 * a = 1, b = 100. */
typedef struct opt_rosenbrock { size_t n; double a, b; } opt_rosenbrock;
double opt_rosenbrock_fdf(const double *x, double *g, void *ctx);
int opt_rosenbrock_hess(const double *x, double *H, void *ctx);
opt_objective opt_rosenbrock_objective(opt_rosenbrock *r);

/* --- The saddle f(x, y) = x^2 - y^2 ------------------------------------ */
/* Gradient zero at the origin, Hessian diag(2, -2): neither a minimum nor a
 * maximum. ctx is unused. */
double opt_saddle_fdf(const double *x, double *g, void *ctx);
int opt_saddle_hess(const double *x, double *H, void *ctx);
opt_objective opt_saddle_objective(void);

/* --- More two-dimensional test functions (ctx unused) ---------------------- */
/* Beale: (1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2;
 * minimum 0 at (3, 0.5), flat plateaus and steep walls around it. */
double opt_beale_fdf(const double *x, double *g, void *ctx);
int opt_beale_hess(const double *x, double *H, void *ctx);
/* Himmelblau: (x^2 + y - 11)^2 + (x + y^2 - 7)^2; four minima of value 0,
 * one at (3, 2). */
double opt_himmelblau_fdf(const double *x, double *g, void *ctx);
int opt_himmelblau_hess(const double *x, double *H, void *ctx);
/* The long valley 0.1 x^2 + 2 y^2: Hessian diag(0.2, 4), condition number
 * 20; gradient descent zig-zags across it while crawling along it. */
double opt_valley_fdf(const double *x, double *g, void *ctx);
int opt_valley_hess(const double *x, double *H, void *ctx);
/* A cliff: 0.05 (x^2 + y^2) + 10 sigmoid(20 (x - 1)). A gentle bowl with a
 * wall of height 10 at x = 1 whose slope reaches 50: a gradient step taken
 * on the wall throws the iterate far away. */
double opt_cliff_fdf(const double *x, double *g, void *ctx);
int opt_cliff_hess(const double *x, double *H, void *ctx);

/* --- Standard n-dimensional problems (Moré, Garbow & Hillstrom, 1981) ----- */
/* ctx points at a size_t holding n. */
/* Extended Rosenbrock (MGH 21), n even: sum over pairs of
 * (1 - x_{2i})^2 + 100 (x_{2i+1} - x_{2i}^2)^2 (0-based); start (-1.2, 1, ...),
 * minimum 0 at (1, ..., 1). The pairs do not interact, unlike the chained
 * opt_rosenbrock. */
double opt_ext_rosenbrock_fdf(const double *x, double *g, void *ctx);
/* Extended Powell singular (MGH 22), n a multiple of 4: per block
 * (x1 + 10 x2)^2 + 5 (x3 - x4)^2 + (x2 - 2 x3)^4 + 10 (x1 - x4)^4; start
 * (3, -1, 0, 1, ...), minimum 0 at 0 where the Hessian is singular. */
double opt_ext_powell_fdf(const double *x, double *g, void *ctx);
/* Trigonometric (MGH 26): sum_i r_i^2 with
 * r_i = n - sum_j cos x_j + i (1 - cos x_i) - sin x_i (i = 1..n); start
 * x_j = 1/n; minimum 0. Its gradient costs O(n), not O(n^2). */
double opt_trigonometric_fdf(const double *x, double *g, void *ctx);
/* The standard start points of the three, into x (n entries). */
void opt_ext_rosenbrock_start(double *x, size_t n);
void opt_ext_powell_start(double *x, size_t n);
void opt_trigonometric_start(double *x, size_t n);
/* Their Hessians (ctx as above; H is n-by-n, so O(n^2) memory). */
int opt_ext_rosenbrock_hess(const double *x, double *H, void *ctx);
int opt_ext_powell_hess(const double *x, double *H, void *ctx);
int opt_trigonometric_hess(const double *x, double *H, void *ctx);

/* --- The Moré–Garbow–Hillstrom collection --------------------------------- */
/* J. J. Moré, B. S. Garbow and K. E. Hillstrom, "Testing unconstrained
 * optimization software", ACM TOMS 7(1), 17-41, 1981: problems 1-18 (the
 * fixed-size ones) and three of the n-dimensional ones (21, 22, 26, at
 * n = 10, 12, 10), each with its standard start x0 and the minimum the paper
 * publishes. Every problem is a least-squares sum f(x) = sum_i r_i(x)^2; the
 * fixed-size ones are given by their residuals r_i (i = 0 .. m-1), from which
 * opt_mgh_fdf and opt_mgh_hess assemble f, g = 2 J^T r and the exact Hessian
 * H = 2 (J^T J + sum_i r_i hess r_i). Data sizes m as in the paper's tests:
 * Jennrich-Sampson 10, Gulf 99, Box 3-D 10, Biggs EXP6 13. */
#define OPT_MGH_NMAX 8      /* the largest fixed n (6), rounded up */

/* r_i(x); when J is not NULL adds grad r_i into J (n entries, zeroed by the
 * caller), when R is not NULL its Hessian into R (n-by-n, zeroed). */
typedef double (*opt_mgh_residual_fn)(const double *x, size_t i, double *J, double *R);

typedef struct opt_mgh_problem {
    int number;                    /* in the paper */
    const char *name;              /* "freudenstein-roth", ... */
    size_t n, m;                   /* variables, residuals */
    opt_mgh_residual_fn residual;  /* fixed-size problems; NULL for the others */
    opt_fdf_fn fdf;                /* the n-dimensional ones: ctx is &n */
    opt_hess_fn hess;
    const double *x0;              /* the standard start (fixed size), or NULL */
    void (*start)(double *x, size_t n);   /* the standard start (n-dimensional) */
    double fstar;                  /* the published minimum (6 digits, or 0) */
    double fother;                 /* another minimum the paper lists (for the
                                      trigonometric function: the local one its
                                      standard start leads to), or NAN */
} opt_mgh_problem;

/* ctx: a const opt_mgh_problem * with a residual. */
double opt_mgh_fdf(const double *x, double *g, void *ctx);
int opt_mgh_hess(const double *x, double *H, void *ctx);
const opt_mgh_problem *opt_mgh_list(size_t *count);
const opt_mgh_problem *opt_mgh_lookup(const char *name);
opt_objective opt_mgh_objective(const opt_mgh_problem *p);
void opt_mgh_start(const opt_mgh_problem *p, double *x);   /* x: n entries */

/* --- Multiclass hinge (SVM) loss with L2 ------------------------------- */
/* Data: N examples of dimension D in X (row-major N-by-D), labels y[i] in
 * [0, K). Parameters: W, K-by-D row-major, flattened to x (n = K * D).
 * Scores s = W x_i; the loss is
 *   L(W) = (1/N) sum_i sum_{j != y_i} max(0, s_j - s_{y_i} + delta)
 *          + lambda * sum_{k,d} W_kd^2
 * and the gradient is its subgradient with the hinge's kink counted as
 * inactive (margin exactly 0 contributes nothing). */
typedef struct opt_hinge {
    size_t N, D, K;
    const double *X;
    const int *y;
    double delta;   /* margin, usually 1 */
    double lambda;  /* L2 strength */
} opt_hinge;
double opt_hinge_fdf(const double *x, double *g, void *ctx);
opt_objective opt_hinge_objective(opt_hinge *h);

/* --- Registry of named problems --------------------------------------- */
typedef struct opt_problem {
    const char *name;      /* "rosenbrock", "saddle", ... */
    const char *doc;       /* one line: the formula */
    size_t n;              /* dimension */
    opt_fdf_fn fdf;
    opt_hess_fn hess;
    void *ctx;             /* static parameters; shared, read-only */
    double start[2];       /* a conventional start point (2-D problems) */
} opt_problem;

/* The problem called name, or NULL. */
const opt_problem *opt_problem_lookup(const char *name);
/* All registered problems; *count receives their number. */
const opt_problem *opt_problem_list(size_t *count);
opt_objective opt_problem_objective(const opt_problem *p);

#endif
