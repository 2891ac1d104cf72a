/* neuron.h — the sigmoid neuron as a computational graph, forward and
 * backward, with every intermediate value recorded.
 *
 *   f(w, x) = 1 / (1 + exp(-(w0 x0 + w1 x1 + w2)))
 *
 * is staged into the eight gates the lecture draws:
 *
 *   a = w0 x0    b = w1 x1    c = a + b    s = c + w2
 *   t = -s       e = exp(t)   d = 1 + e    f = 1 / d
 *
 * The backward pass visits the gates in reverse and, at each, multiplies
 * the gradient arriving at the gate's output (upstream) by the gate's local
 * gradient to get the gradient at each of its inputs. The record keeps every
 * forward value and every (upstream, local, product) triple, so a lab can
 * print the whole calculation without spelling it out in its own text.
 *
 * This is the library's reference for lab 01's exercise
 * sigmoid_neuron_backward(); the lab falls back to it while the exercise is
 * not implemented.
 */
#ifndef OPT_NEURON_H
#define OPT_NEURON_H

enum { OPT_NEURON_NODES = 8, OPT_NEURON_EDGES = 12 };

/* One edge of the backward pass: the gradient of f flowing back through
 * `gate` to its input `input`. */
typedef struct opt_neuron_edge {
    const char *gate;    /* "1/x", "+1", "exp", "*-1", "+", "*" */
    const char *input;   /* the node or parameter it reaches: "d", "w0", ... */
    double upstream;     /* df / d(gate output) */
    double local;        /* d(gate output) / d(input) */
    double grad;         /* upstream * local = df / d(input) */
} opt_neuron_edge;

typedef struct opt_neuron_graph {
    const char *node[OPT_NEURON_NODES];  /* "a", "b", "c", "s", "t", "e", "d", "f" */
    const char *formula[OPT_NEURON_NODES]; /* "w0*x0", ..., "1/d" */
    double value[OPT_NEURON_NODES];      /* forward values, in evaluation order */
    opt_neuron_edge edge[OPT_NEURON_EDGES]; /* backward, in the order computed:
                                           d, e, t, s, then c and w2, a and b,
                                           then w0, x0, w1, x1 */
} opt_neuron_graph;

/* Forward and backward pass of the sigmoid neuron. Stores f(w, x) in *out,
 * df/dw in dw[0..2] and df/dx in dx[0..1]; graph (may be NULL) receives
 * every intermediate value.
 *
 * out, dw and dx use the sigmoid's own local gradient f (1 - f), so they are
 * finite for every finite input; the staged edges in graph follow the gates
 * literally and overflow (exp(t) = inf) when -s > 709.
 *
 * OPT_EINVAL when a pointer other than graph is NULL or an input is not
 * finite. */
int opt_sigmoid_neuron(const double w[3], const double x[2], double *out,
                       double dw[3], double dx[2], opt_neuron_graph *graph);

#endif
