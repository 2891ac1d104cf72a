/* rng.c — xoshiro256** streams named by (seed, stream id), as a GSL
 * generator type.
 *
 * xoshiro256** is Blackman and Vigna's all-purpose 64-bit generator
 * (period 2^256 - 1). Its 256-bit state is filled from SplitMix64, which
 * the authors recommend for seeding; the SplitMix64 sequence starts from a
 * key that mixes the seed and the stream id, so nearby ids (trial 0, 1, 2)
 * give unrelated states.
 */
#include <stdlib.h>
#include "rng.h"

typedef struct { uint64_t s[4]; } xoshiro_state;

static inline uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

static uint64_t splitmix64(uint64_t *z)
{
    uint64_t r = (*z += 0x9e3779b97f4a7c15u);
    r = (r ^ (r >> 30)) * 0xbf58476d1ce4e5b9u;
    r = (r ^ (r >> 27)) * 0x94d049bb133111ebu;
    return r ^ (r >> 31);
}

static uint64_t next(xoshiro_state *st)
{
    uint64_t *s = st->s;
    const uint64_t result = rotl(s[1] * 5, 7) * 9;
    const uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

static void seed_state(xoshiro_state *st, uint64_t seed, uint64_t stream)
{
    /* Two rounds of SplitMix64 turn (seed, stream) into one key; the key
     * then drives SplitMix64 to fill the state (never all zero in practice:
     * SplitMix64 is a bijection of its counter). */
    uint64_t z = seed;
    uint64_t key = splitmix64(&z);
    z = key ^ stream;
    key = splitmix64(&z);
    z = key;
    for (int i = 0; i < 4; i++)
        st->s[i] = splitmix64(&z);
}

static void gsl_set(void *vstate, unsigned long seed)
{
    seed_state(vstate, seed, 0);
}

static unsigned long gsl_get(void *vstate)
{
    return (unsigned long)(next(vstate) >> 32);
}

static double gsl_get_double(void *vstate)
{
    /* The top 53 bits, scaled into [0, 1). */
    return (double)(next(vstate) >> 11) * 0x1.0p-53;
}

static const gsl_rng_type xoshiro_type = {
    "xoshiro256**", 0xffffffffUL, 0, sizeof(xoshiro_state),
    gsl_set, gsl_get, gsl_get_double
};
const gsl_rng_type *opt_rng_xoshiro256ss = &xoshiro_type;

gsl_rng *opt_rng_alloc(uint64_t seed, uint64_t stream)
{
    gsl_rng *r = gsl_rng_alloc(opt_rng_xoshiro256ss);
    if (r)
        seed_state(r->state, seed, stream);
    return r;
}

void opt_rng_reset(gsl_rng *r, uint64_t seed, uint64_t stream)
{
    seed_state(r->state, seed, stream);
}

uint64_t opt_rng_u64(gsl_rng *r)
{
    return next(r->state);
}
