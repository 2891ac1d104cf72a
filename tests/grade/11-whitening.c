/* 11-whitening.c — autograder tests for Lab 11 (labs/11-whitening/exercise.h).
 *
 * One suite per exercise, named after the function. Every failure message
 * says what was checked, what was expected, what came back, and a hint.
 * A stub that returns OPT_ENOTIMPL fails every test with "not implemented".
 * Points and visibility: tests/grade/11-whitening.points.
 *
 * Expected values are worked out here independently (by hand, or from
 * closed forms: sums of columns, 2-by-2 eigenvalues), never taken from the
 * library's reference implementations.
 */
#define GRADE_LAB "11-whitening"
#include "grade.h"

/* ======================================================================== */
/* Exercise 1: standardize_features                                         */
/* ======================================================================== */

#define SF "standardize_features"

/* Population mean and std of column j of the n-by-p A, worked out here. */
static void column_moments(const double *A, size_t n, size_t p, size_t j, double *m, double *s)
{
    long double sum = 0, ss = 0;
    for (size_t i = 0; i < n; i++)
        sum += A[i * p + j];
    const long double mean = sum / (long double)n;
    for (size_t i = 0; i < n; i++)
        ss += (A[i * p + j] - mean) * (A[i * p + j] - mean);
    *m = (double)mean;
    *s = (double)sqrtl(ss / (long double)n);
}

Test(standardize_features, hand_computed, .timeout = 2.0,
     .description = "columns {1, 2, 3, 6} and {10, 10, 40, 20}: means 3 and 20, stds sqrt(3.5) and sqrt(150)")
{
    double train[] = { 1, 10, 2, 10, 3, 40, 6, 20 };
    double mean[2] = { NAN, NAN }, std[2] = { NAN, NAN };
    EXPECT_STATUS(SF, standardize_features(train, 4, NULL, 0, 2, mean, std), OPT_OK,
                  "on a 4-by-2 training set (no test set)", OK_HINT);
    const double want_mean[2] = { 3, 20 }, want_std[2] = { sqrt(3.5), sqrt(150.0) };
    for (int j = 0; j < 2; j++) {
        cr_assert(close_to(mean[j], want_mean[j], 1e-14),
                  "mean[%d]: expected %s, got %s. Hint: the mean of column j is "
                  "(1/n) sum_i train[i*p + j]; rows are p apart.", j, grade_num(want_mean[j]),
                  grade_num(mean[j]));
        cr_assert(close_to(std[j], want_std[j], 1e-14),
                  "std[%d]: expected %s, got %s. Hint: sqrt((1/n) sum_i (x_ij - mean_j)^2), "
                  "dividing by n = 4.", j, grade_num(want_std[j]), grade_num(std[j]));
    }
    const double want[] = { -2 / sqrt(3.5), -10 / sqrt(150.0), -1 / sqrt(3.5), -10 / sqrt(150.0),
                            0, 20 / sqrt(150.0), 3 / sqrt(3.5), 0 };
    for (int k = 0; k < 8; k++)
        cr_assert(close_to(train[k], want[k], 1e-14),
                  "train[%d] (row %d, column %d) after standardizing: expected %s, got %s. "
                  "Hint: replace each entry by (x - mean[j]) / std[j].", k, k / 2, k % 2,
                  grade_num(want[k]),
                  grade_num(train[k]));
}

Test(standardize_features, population_not_sample, .timeout = 2.0,
     .description = "two examples {0, 2}: std 1 (divide by n), not sqrt(2) (n - 1)")
{
    double train[] = { 0, 2 }, mean = NAN, std = NAN;
    EXPECT_STATUS(SF, standardize_features(train, 2, NULL, 0, 1, &mean, &std), OPT_OK,
                  "on the column {0, 2}", OK_HINT);
    cr_assert(close_to(std, 1, 1e-15),
              "std of the column {0, 2}: expected 1, got %s. Hint: %s", grade_num(std),
              close_to(std, sqrt(2.0), 1e-12)
                  ? "sqrt(2) is the sample standard deviation (divided by n - 1); this lab "
                    "divides by n, so that a standardized column has variance exactly 1."
                  : "sqrt(((0 - 1)^2 + (2 - 1)^2) / 2) = 1.");
    cr_assert(close_to(train[0], -1, 1e-15) && close_to(train[1], 1, 1e-15),
              "standardized {0, 2}: expected {-1, 1}, got {%s, %s}.", grade_num(train[0]),
              grade_num(train[1]));
}

Test(standardize_features, train_columns_standardized, .timeout = 2.0,
     .description = "a 60-by-3 training set: every column comes out with mean 0 and std 1")
{
    enum { N = 60, PP = 3 };
    double train[N * PP], mean[PP], std[PP];
    for (int i = 0; i < N; i++) {
        train[i * PP] = 100 + 7 * sin(i * 1.3);
        train[i * PP + 1] = -0.003 * cos(i * 0.7) + 1e-3;
        train[i * PP + 2] = (double)(i % 7) * 1000;
    }
    EXPECT_STATUS(SF, standardize_features(train, N, NULL, 0, PP, mean, std), OPT_OK,
                  "on a 60-by-3 training set", OK_HINT);
    for (size_t j = 0; j < PP; j++) {
        double m, s;
        column_moments(train, N, PP, j, &m, &s);
        cr_assert(fabs(m) < 1e-13 && fabs(s - 1) < 1e-13,
                  "column %zu after standardizing: expected mean 0 and std 1, got mean %s and "
                  "std %s. Hint: every entry of column j becomes (x - mean[j]) / std[j], "
                  "with the statistics of that same column.", j, grade_num(m), grade_num(s));
    }
}

Test(standardize_features, test_uses_training_statistics, .timeout = 2.0,
     .description = "train {0, 2} (mean 1, std 1), test {5, 7, 1}: the test rows become {4, 6, 0}")
{
    double train[] = { 0, 100, 2, 300 }, test[] = { 5, 0, 7, 200, 1, 500 };
    double mean[2], std[2];
    EXPECT_STATUS(SF, standardize_features(train, 2, test, 3, 2, mean, std), OPT_OK,
                  "with a test set", OK_HINT);
    const double want[] = { 4, -2, 6, 0, 0, 3 };
    for (int k = 0; k < 6; k++)
        cr_assert(close_to(test[k], want[k], 1e-14),
                  "test[%d] (row %d, column %d): expected %s, got %s. Hint: transform the test "
                  "rows with the TRAINING mean and std (column 0: 1 and 1; column 1: 200 and "
                  "100), never with the test set's own statistics.", k, k / 2, k % 2,
                  grade_num(want[k]),
                  grade_num(test[k]));
    cr_assert(close_to(mean[0], 1, 1e-15) && close_to(mean[1], 200, 1e-15),
              "mean: expected (1, 200) from the training rows, got (%s, %s). Hint: the statistics "
              "come from train only.", grade_num(mean[0]), grade_num(mean[1]));
}

Test(standardize_features, large_mean_two_pass, .timeout = 2.0,
     .description = "1000 values 1e8 +- 1: std exactly 1 (the one-pass formula fails)")
{
    enum { N = 1000 };
    double *train = malloc(N * sizeof *train), mean = NAN, std = NAN;
    for (int i = 0; i < N; i++)
        train[i] = 1e8 + (i % 2 ? 1.0 : -1.0);
    EXPECT_STATUS(SF, standardize_features(train, N, NULL, 0, 1, &mean, &std), OPT_OK,
                  "on a column with mean 1e8 and std 1",
                  "this column is not constant (std 1, mean 1e8: 1 > 1e-12 * 1e8). If your std "
                  "came out as 0 or NaN, you used E[x^2] - E[x]^2, which cancels catastrophically "
                  "here; average (x - mean)^2 in a second pass.");
    cr_assert(close_to(mean, 1e8, 1e-15),
              "mean of 1e8 +- 1: expected 1e8, got %s.", grade_num(mean));
    cr_assert(fabs(std - 1) < 1e-9,
              "std of 1000 values 1e8 +- 1: expected 1, got %s. Hint: E[x^2] - E[x]^2 "
              "subtracts two numbers near 1e16 whose difference is 1, far below their rounding "
              "error (about 2); compute the mean first, then average (x - mean)^2 in a second "
              "pass.", grade_num(std));
    for (int i = 0; i < N; i += 499)
        cr_assert(fabs(fabs(train[i]) - 1) < 1e-9,
                  "standardized train[%d]: expected %s, got %s.", i, grade_num(i % 2 ? 1.0 : -1.0),
                  grade_num(train[i]));
    free(train);
}

Test(standardize_features, constant_column, .timeout = 2.0,
     .description = "a column of 0.1s: OPT_EINVAL, statistics filled, train and test untouched")
{
    double train[] = { 0.1, 1, 0.1, 2, 0.1, 3, 0.1, 5, 0.1, 8 };
    double test[] = { 0.1, 4 }, copy[10], tcopy[2];
    double mean[2] = { NAN, NAN }, std[2] = { NAN, NAN };
    memcpy(copy, train, sizeof train);
    memcpy(tcopy, test, sizeof test);
    EXPECT_STATUS(SF, standardize_features(train, 5, test, 1, 2, mean, std), OPT_EINVAL,
                  "with a column of 0.1s (constant)",
                  "a column is constant when std[j] <= 1e-12 * |mean[j]|: its std here is "
                  "rounding noise (about 1e-17), not exactly 0, so do not test std == 0.");
    cr_assert(memcmp(train, copy, sizeof train) == 0 && memcmp(test, tcopy, sizeof test) == 0,
              "train and test after OPT_EINVAL for a constant column: expected them untouched, "
              "but they changed (train[1] = %s, test[1] = %s). Hint: compute and check all the "
              "statistics before transforming anything.", grade_num(train[1]), grade_num(test[1]));
    cr_assert(close_to(mean[0], 0.1, 1e-15) && std[0] <= 1e-12 * 0.1,
              "mean[0], std[0] for the constant column: expected 0.1 and (about) 0, got %s and "
              "%s. Hint: fill mean and std even when you return OPT_EINVAL for a constant "
              "column, so the caller can see which one it is.", grade_num(mean[0]),
              grade_num(std[0]));
    cr_assert(close_to(mean[1], 3.8, 1e-15) && close_to(std[1], sqrt(6.16), 1e-14),
              "mean[1], std[1]: expected 3.8 and %s, got %s and %s. Hint: the other "
              "columns' statistics are filled too.", grade_num(sqrt(6.16)), grade_num(mean[1]),
              grade_num(std[1]));
}

Test(standardize_features, zero_column, .timeout = 2.0,
     .description = "a column of zeros is constant: OPT_EINVAL")
{
    double train[] = { 1, 0, 2, 0, 4, 0 }, copy[6], mean[2], std[2];
    memcpy(copy, train, sizeof train);
    EXPECT_STATUS(SF, standardize_features(train, 3, NULL, 0, 2, mean, std), OPT_EINVAL,
                  "with a column of zeros",
                  "mean 0 and std 0: 0 <= 1e-12 * 0 holds, so the column is constant.");
    cr_assert(memcmp(train, copy, sizeof train) == 0,
              "train after OPT_EINVAL: expected it untouched. Hint: check before you transform.");
}

Test(standardize_features, small_scale_is_not_constant, .timeout = 2.0,
     .description = "values {1e-9, 3e-9}: a small scale is not a constant column")
{
    double train[] = { 1e-9, 3e-9 }, mean, std;
    EXPECT_STATUS(SF, standardize_features(train, 2, NULL, 0, 1, &mean, &std), OPT_OK,
                  "on the column {1e-9, 3e-9} (mean 2e-9, std 1e-9)",
                  "the test for a constant column is relative: std <= 1e-12 * |mean|, not an "
                  "absolute threshold such as std < 1e-8.");
    cr_assert(close_to(train[0], -1, 1e-12) && close_to(train[1], 1, 1e-12),
              "standardized {1e-9, 3e-9}: expected {-1, 1}, got {%s, %s}.", grade_num(train[0]),
              grade_num(train[1]));
}

Test(standardize_features, empty_test_set, .timeout = 2.0,
     .description = "n_test = 0 with test = NULL is fine")
{
    double train[] = { 1, 3 }, mean, std;
    EXPECT_STATUS(SF, standardize_features(train, 2, NULL, 0, 1, &mean, &std), OPT_OK,
                  "with test = NULL and n_test = 0",
                  "an empty test set is allowed: only test != NULL while n_test > 0 is an error.");
    cr_assert(close_to(train[0], -1, 1e-15) && close_to(train[1], 1, 1e-15),
              "standardized {1, 3}: expected {-1, 1}, got {%s, %s}.", grade_num(train[0]),
              grade_num(train[1]));
}

Test(standardize_features, non_finite_entries, .timeout = 2.0,
     .description = "NaN in train or infinity in test: OPT_EINVAL, nothing written")
{
    double train[] = { 1, NAN, 3, 4 }, mean[2] = { 42, 42 }, std[2] = { 42, 42 };
    EXPECT_STATUS(SF, standardize_features(train, 2, NULL, 0, 2, mean, std), OPT_EINVAL,
                  "with a NaN in train", "check every entry with isfinite() first.");
    cr_assert(mean[0] == 42 && std[0] == 42,
              "mean and std after a NaN: expected them untouched (42), got %s and %s. Hint: "
              "check the input before computing anything.", grade_num(mean[0]), grade_num(std[0]));
    double good[] = { 1, 2, 3, 4 }, copy[4], test[] = { 0, INFINITY };
    memcpy(copy, good, sizeof good);
    EXPECT_STATUS(SF, standardize_features(good, 2, test, 1, 2, mean, std), OPT_EINVAL,
                  "with an infinite entry in test",
                  "check the test set's entries too, before transforming the training set.");
    cr_assert(memcmp(good, copy, sizeof good) == 0,
              "train after OPT_EINVAL for a bad test entry: expected it untouched, got {%s, %s, "
              "%s, %s}. Hint: validate both sets before writing to either.", grade_num(good[0]),
              grade_num(good[1]),
              grade_num(good[2]), grade_num(good[3]));
}

Test(standardize_features, bad_arguments, .timeout = 2.0,
     .description = "NULL pointers, n_train = 0 or p = 0: OPT_EINVAL")
{
    double train[] = { 1, 2 }, mean, std;
    const char *hint = "check train, mean and std for NULL, test for NULL when n_test > 0, and "
                       "n_train and p for 0, before anything else.";
    EXPECT_STATUS(SF, standardize_features(NULL, 2, NULL, 0, 1, &mean, &std), OPT_EINVAL,
                  "with train = NULL", hint);
    EXPECT_STATUS(SF, standardize_features(train, 2, NULL, 0, 1, NULL, &std), OPT_EINVAL,
                  "with mean = NULL", hint);
    EXPECT_STATUS(SF, standardize_features(train, 2, NULL, 0, 1, &mean, NULL), OPT_EINVAL,
                  "with std = NULL", hint);
    EXPECT_STATUS(SF, standardize_features(train, 2, NULL, 3, 1, &mean, &std), OPT_EINVAL,
                  "with test = NULL but n_test = 3", hint);
    EXPECT_STATUS(SF, standardize_features(train, 0, NULL, 0, 1, &mean, &std), OPT_EINVAL,
                  "with n_train = 0", hint);
    EXPECT_STATUS(SF, standardize_features(train, 2, NULL, 0, 0, &mean, &std), OPT_EINVAL,
                  "with p = 0", hint);
}

/* ======================================================================== */
/* Exercise 2: gram_condition_number                                        */
/* ======================================================================== */

#define GCN "gram_condition_number"

/* kappa of the symmetric 2-by-2 [a b; b d], closed form. */
static double kappa2(double a, double b, double d)
{
    const double t = (a + d) / 2, s = sqrt((a - d) * (a - d) / 4 + b * b);
    return (t + s) / (t - s);
}

static double call_gcn(const double *X, size_t n, size_t p, int *status)
{
    double kappa = NAN;
    *status = gram_condition_number(X, n, p, &kappa);
    return kappa;
}

Test(gram_condition_number, hand_computed, .timeout = 2.0,
     .description = "X = [1 0; 0 2; 1 2]: G = [2 2; 2 8] / 3, kappa = (5 + sqrt 13)/(5 - sqrt 13)")
{
    const double X[] = { 1, 0, 0, 2, 1, 2 };
    int st;
    const double k = call_gcn(X, 3, 2, &st);
    EXPECT_STATUS(GCN, st, OPT_OK, "on X = [1 0; 0 2; 1 2]", OK_HINT);
    const double want = (5 + sqrt(13.0)) / (5 - sqrt(13.0));
    cr_assert(rel_close(k, want, 1e-12),
              "kappa of X^T X / n for X = [1 0; 0 2; 1 2]: expected %s, got %s. Hint: %s",
              grade_num(want), grade_num(k),
              rel_close(k, sqrt(want), 1e-9)
                  ? "you returned its square root, the condition number of X itself; the "
                    "Hessian is X^T X / n, whose eigenvalues are the squares of X's singular values."
                  : rel_close(k, 1 / want, 1e-9)
                  ? "you returned lambda_min / lambda_max; kappa = lambda_max / lambda_min >= 1."
                  : "G[j][k] = (1/n) sum_i X[i][j] X[i][k] = [2 2; 2 8] / 3 here; its eigenvalues "
                    "are (5 +- sqrt 13) / 3.");
}

Test(gram_condition_number, orthogonal_design, .timeout = 2.0,
     .description = "X = [1 1; 1 -1]: G = I, kappa = 1")
{
    const double X[] = { 1, 1, 1, -1 };
    int st;
    const double k = call_gcn(X, 2, 2, &st);
    EXPECT_STATUS(GCN, st, OPT_OK, "on X = [1 1; 1 -1]",
                  "X^T X / n = I is far from singular. Did you centre the columns? The first "
                  "column (1, 1) becomes 0 if you do; X^T X / n is formed without centring.");
    cr_assert(rel_close(k, 1, 1e-14),
              "kappa for orthogonal columns of equal length (G = I): expected 1, got %s.",
              grade_num(k));
}

Test(gram_condition_number, three_eigenvalues, .timeout = 2.0,
     .description = "X = diag(2, 1, 4): G = diag(4, 1, 16) / 3, kappa = 16 (needs sorting)")
{
    const double X[] = { 2, 0, 0, 0, 1, 0, 0, 0, 4 };
    int st;
    const double k = call_gcn(X, 3, 3, &st);
    EXPECT_STATUS(GCN, st, OPT_OK, "on X = diag(2, 1, 4)",
                  "G = diag(4, 1, 16) / 3 is not singular: do not centre the columns, and check "
                  "the singularity test, lambda_min <= 1e-14 lambda_max.");
    cr_assert(rel_close(k, 16, 1e-13),
              "kappa for X = diag(2, 1, 4), G = diag(4, 1, 16) / 3: expected 16, got %s. "
              "Hint: take the largest and the smallest eigenvalue — gsl_eigen_symm returns them "
              "in no particular order (gsl_sort them, or use opt_sym_eigenvalues, which sorts).",
              grade_num(k));
}

Test(gram_condition_number, large_means_not_centred, .timeout = 2.0,
     .description = "features with means 10 and 20: kappa of the uncentred G, not of the covariance")
{
    enum { N = 8 };
    const double a[N] = { 0.3, -1.2, 0.8, 1.5, -0.4, -0.9, 0.6, -0.7 };
    const double b[N] = { 2.1, -3.3, 4.2, -1.0, 0.5, -5.1, 3.0, -0.4 };
    double X[2 * N], s11 = 0, s12 = 0, s22 = 0, m1 = 0, m2 = 0;
    for (int i = 0; i < N; i++) {
        X[2 * i] = 10 + a[i];
        X[2 * i + 1] = 20 + b[i];
        s11 += X[2 * i] * X[2 * i] / N;
        s12 += X[2 * i] * X[2 * i + 1] / N;
        s22 += X[2 * i + 1] * X[2 * i + 1] / N;
        m1 += X[2 * i] / N;
        m2 += X[2 * i + 1] / N;
    }
    const double want = kappa2(s11, s12, s22);
    const double centred = kappa2(s11 - m1 * m1, s12 - m1 * m2, s22 - m2 * m2);
    int st;
    const double k = call_gcn(X, N, 2, &st);
    EXPECT_STATUS(GCN, st, OPT_OK, "on 8 examples with feature means near 10 and 20", OK_HINT);
    cr_assert(rel_close(k, want, 1e-9),
              "kappa of X^T X / n for features near 10 and 20: expected %s, got %s. Hint: %s",
              grade_num(want), grade_num(k),
              rel_close(k, centred, 1e-6)
                  ? "that is the kappa of the centred covariance; do not subtract the means — "
                    "the means are part of X^T X / n, and they are what makes it ill-conditioned."
                  : "G[j][k] = (1/n) sum_i X[i][j] X[i][k], with X read row by row (X[i*p + j]).");
}

Test(gram_condition_number, badly_conditioned, .timeout = 2.0,
     .description = "X = [1 0; 0 1e-4]: kappa = 1e8, not singular")
{
    const double X[] = { 1, 0, 0, 1e-4 };
    int st;
    const double k = call_gcn(X, 2, 2, &st);
    EXPECT_STATUS(GCN, st, OPT_OK, "on X = [1 0; 0 1e-4] (kappa 1e8)",
                  "kappa = 1e8 is large but far from singular: the singularity test is "
                  "lambda_min <= 1e-14 lambda_max (and X^T X / n is formed without centring).");
    cr_assert(rel_close(k, 1e8, 1e-8),
              "kappa for G = diag(1, 1e-8) / 2: expected 1e8, got %s. Hint: the eigenvalues "
              "of X^T X are the squares of X's diagonal.", grade_num(k));
}

Test(gram_condition_number, thousand_rows, .timeout = 2.0,
     .description = "1000 rows, 5 features with known G = diag(c^2) / 5: kappa = 400")
{
    enum { N = 1000, PP = 5 };
    const double c[PP] = { 3, 0.5, 10, 1, 2 };   /* kappa = (10 / 0.5)^2 = 400 */
    double *X = calloc(N * PP, sizeof *X);
    for (int i = 0; i < N; i++)
        X[i * PP + i % PP] = (i / PP) % 2 ? c[i % PP] : -c[i % PP];
    int st;
    const double k = call_gcn(X, N, PP, &st);
    EXPECT_STATUS(GCN, st, OPT_OK, "on 1000 rows and 5 features", OK_HINT);
    cr_assert(rel_close(k, 400, 1e-12),
              "kappa for 1000 rows whose columns are orthogonal with norms^2 proportional to "
              "(9, 0.25, 100, 1, 4): expected 400, got %s. Hint: sum over all n rows, and "
              "over all p columns.", grade_num(k));
    free(X);
}

Test(gram_condition_number, duplicate_column, .timeout = 2.0,
     .description = "two equal columns: G is singular, OPT_EINVAL")
{
    const double X[] = { 1, 1, 2, 2, -3, -3 };
    double kappa = 42;
    EXPECT_STATUS(GCN, gram_condition_number(X, 3, 2, &kappa), OPT_EINVAL,
                  "with two equal columns (G singular)",
                  "lambda_min is 0 up to rounding (maybe 1e-16, maybe -1e-16): return "
                  "OPT_EINVAL when lambda_min <= 1e-14 lambda_max, instead of a huge kappa.");
    cr_assert(kappa == 42, "*kappa after OPT_EINVAL: expected it untouched (42), got %s.",
              grade_num(kappa));
}

Test(gram_condition_number, rank_deficient, .timeout = 2.0,
     .description = "a zero column, or fewer rows than columns: OPT_EINVAL")
{
    const double zero_col[] = { 1, 0, 2, 0, 3, 0 };
    const double one_row[] = { 1, 2, 3 };
    const double all_zero[] = { 0, 0, 0, 0 };
    double kappa = 42;
    const char *hint = "G is singular whenever some combination of the columns is zero; test "
                       "lambda_min <= 1e-14 lambda_max (which includes lambda_max = 0).";
    EXPECT_STATUS(GCN, gram_condition_number(zero_col, 3, 2, &kappa), OPT_EINVAL,
                  "with a column of zeros", hint);
    EXPECT_STATUS(GCN, gram_condition_number(one_row, 1, 3, &kappa), OPT_EINVAL,
                  "with 1 row and 3 columns", hint);
    EXPECT_STATUS(GCN, gram_condition_number(all_zero, 2, 2, &kappa), OPT_EINVAL,
                  "with X = 0 (lambda_max = 0)", hint);
    cr_assert(kappa == 42, "*kappa after OPT_EINVAL: expected it untouched (42), got %s.",
              grade_num(kappa));
}

Test(gram_condition_number, one_feature, .timeout = 2.0,
     .description = "p = 1: kappa = 1 for any non-zero column")
{
    const double X[] = { 3, -1, 7 };
    int st;
    const double k = call_gcn(X, 3, 1, &st);
    EXPECT_STATUS(GCN, st, OPT_OK, "with one feature", "p = 1 is allowed: G is 1-by-1.");
    cr_assert(k == 1, "kappa of a 1-by-1 G: expected 1, got %s.", grade_num(k));
}

Test(gram_condition_number, bad_arguments, .timeout = 2.0,
     .description = "NULL pointers, n = 0, p = 0, NaN or infinite entries: OPT_EINVAL")
{
    const double X[] = { 1, 0, 0, 1 }, Xnan[] = { 1, NAN, 0, 1 }, Xinf[] = { 1, 0, -INFINITY, 1 };
    double kappa = 42;
    const char *hint = "check X and kappa for NULL, n and p for 0, and every entry of X with "
                       "isfinite(), before anything else.";
    EXPECT_STATUS(GCN, gram_condition_number(NULL, 2, 2, &kappa), OPT_EINVAL, "with X = NULL", hint);
    EXPECT_STATUS(GCN, gram_condition_number(X, 2, 2, NULL), OPT_EINVAL, "with kappa = NULL", hint);
    EXPECT_STATUS(GCN, gram_condition_number(X, 0, 2, &kappa), OPT_EINVAL, "with n = 0", hint);
    EXPECT_STATUS(GCN, gram_condition_number(X, 2, 0, &kappa), OPT_EINVAL, "with p = 0", hint);
    EXPECT_STATUS(GCN, gram_condition_number(Xnan, 2, 2, &kappa), OPT_EINVAL, "with a NaN in X", hint);
    EXPECT_STATUS(GCN, gram_condition_number(Xinf, 2, 2, &kappa), OPT_EINVAL,
                  "with an infinite entry in X", hint);
    cr_assert(kappa == 42, "*kappa after OPT_EINVAL: expected it untouched (42), got %s.",
              grade_num(kappa));
}
