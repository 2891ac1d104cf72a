/* rng.h — reproducible random streams.
 *
 * All randomness in libopt and the labs comes from here. A stream is named by
 * a pair (seed, stream id): the same pair always gives the same numbers, and
 * different ids give statistically independent streams. Give every Monte
 * Carlo trial, thread or MPI rank its own id (trial number, say), never a
 * shared generator, and the results are bit-identical however the work is
 * split.
 *
 * The generator is xoshiro256** (Blackman & Vigna, 2018) seeded through
 * SplitMix64, wrapped as a GSL generator type so that every GSL
 * distribution (gsl_ran_gaussian_ziggurat, gsl_ran_shuffle, ...) works with
 * it. Free a stream with gsl_rng_free().
 */
#ifndef OPT_RNG_H
#define OPT_RNG_H

#include <stdint.h>
#include <gsl/gsl_rng.h>

/* The GSL generator type; gsl_rng_alloc(opt_rng_xoshiro256ss) gives a
 * stream seeded as (0, 0). gsl_rng_get() returns 32 random bits;
 * gsl_rng_uniform() returns 53 random bits in [0, 1). */
extern const gsl_rng_type *opt_rng_xoshiro256ss;

/* A new stream for (seed, stream), or NULL when out of memory. */
gsl_rng *opt_rng_alloc(uint64_t seed, uint64_t stream);

/* Restart an existing stream (allocated by opt_rng_alloc) at (seed, stream). */
void opt_rng_reset(gsl_rng *r, uint64_t seed, uint64_t stream);

/* The next 64 random bits (the generator's raw output). */
uint64_t opt_rng_u64(gsl_rng *r);

#endif
