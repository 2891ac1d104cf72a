/* clip.h — gradient clipping.
 *
 * By global norm (torch.nn.utils.clip_grad_norm_): when ||g|| exceeds
 * max_norm, scale g by max_norm / (||g|| + 1e-6), keeping its direction and
 * bounding the step a cliff in the loss can throw. By value
 * (clip_grad_value_): clamp every entry to [-clip, clip], which bounds each
 * coordinate but turns the direction.
 */
#ifndef OPT_CLIP_H
#define OPT_CLIP_H

#include <stddef.h>

/* Scales g in place; returns the norm before clipping. max_norm > 0. */
double opt_clip_norm(double *g, size_t n, double max_norm);
/* Clamps g in place; returns how many entries were clamped. clip > 0. */
size_t opt_clip_value(double *g, size_t n, double clip);

#endif
