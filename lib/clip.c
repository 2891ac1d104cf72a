/* clip.c — gradient clipping by global norm and by value. */
#include "clip.h"
#include "vec.h"

double opt_clip_norm(double *g, size_t n, double max_norm)
{
    const double norm = opt_norm2(g, n);
    const double coef = max_norm / (norm + 1e-6);   /* PyTorch's guard */
    if (coef < 1)
        for (size_t i = 0; i < n; i++)
            g[i] *= coef;
    return norm;
}

size_t opt_clip_value(double *g, size_t n, double clip)
{
    size_t clamped = 0;
    for (size_t i = 0; i < n; i++) {
        if (g[i] > clip) {
            g[i] = clip;
            clamped++;
        } else if (g[i] < -clip) {
            g[i] = -clip;
            clamped++;
        }
    }
    return clamped;
}
