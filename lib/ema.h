/* ema.h — exponential moving averages and their bias correction.
 *
 *   v_k = beta v_{k-1} + (1 - beta) x_k,   v_0 = 0
 *
 * averages roughly the last 1 / (1 - beta) values (beta = 0.9: about 10).
 * Starting from 0 biases the first values towards 0: E[v_k] = (1 - beta^k)
 * E[x] for a stationary x, so v_k / (1 - beta^k) removes the bias.
 */
#ifndef OPT_EMA_H
#define OPT_EMA_H

typedef struct opt_ema {
    double beta;   /* weight of the past, in [0, 1) */
    double value;  /* v_k, uncorrected */
    long k;        /* values seen */
} opt_ema;

/* A fresh average (v_0 = 0, k = 0). */
opt_ema opt_ema_init(double beta);
/* Add x_k; returns the new (uncorrected) v_k. */
double opt_ema_update(opt_ema *e, double x);
/* v_k / (1 - beta^k); 0 before the first value. */
double opt_ema_corrected(const opt_ema *e);
/* The factor 1 / (1 - beta^k) that the correction multiplies by (k >= 1):
 * 5.26 at beta = 0.9, k = 2; 1.000027 at k = 100. */
double opt_bias_correction(double beta, long k);

#endif
