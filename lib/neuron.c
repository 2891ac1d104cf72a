/* neuron.c — the sigmoid neuron, gate by gate. */
#include <math.h>
#include <stddef.h>
#include "neuron.h"
#include "status.h"

/* 1 / (1 + exp(-s)) without overflow: exp of a non-positive number only. */
static double sigmoid(double s)
{
    if (s >= 0)
        return 1 / (1 + exp(-s));
    const double e = exp(s);
    return e / (1 + e);
}

static void record_forward(opt_neuron_graph *g, const double w[3], const double x[2])
{
    static const char *const node[OPT_NEURON_NODES] = { "a", "b", "c", "s", "t", "e", "d", "f" };
    static const char *const formula[OPT_NEURON_NODES] = {
        "w0*x0", "w1*x1", "a+b", "c+w2", "-s", "exp(t)", "1+e", "1/d"
    };
    double *v = g->value;
    v[0] = w[0] * x[0];
    v[1] = w[1] * x[1];
    v[2] = v[0] + v[1];
    v[3] = v[2] + w[2];
    v[4] = -v[3];
    v[5] = exp(v[4]);
    v[6] = 1 + v[5];
    v[7] = 1 / v[6];
    for (int i = 0; i < OPT_NEURON_NODES; i++) {
        g->node[i] = node[i];
        g->formula[i] = formula[i];
    }
}

/* Appends the edge gate -> input and returns the gradient it carries. */
static double edge(opt_neuron_graph *g, int *k, const char *gate, const char *input,
                   double upstream, double local)
{
    opt_neuron_edge *e = &g->edge[(*k)++];
    e->gate = gate;
    e->input = input;
    e->upstream = upstream;
    e->local = local;
    e->grad = upstream * local;
    return e->grad;
}

static void record_backward(opt_neuron_graph *g, const double w[3], const double x[2])
{
    const double *v = g->value;
    int k = 0;
    /* df/df = 1 starts the pass at the output. */
    double gd = edge(g, &k, "1/x", "d", 1.0, -1 / (v[6] * v[6]));
    double ge = edge(g, &k, "+1", "e", gd, 1.0);
    double gt = edge(g, &k, "exp", "t", ge, v[5]);
    double gs = edge(g, &k, "*-1", "s", gt, -1.0);
    double gc = edge(g, &k, "+", "c", gs, 1.0);
    edge(g, &k, "+", "w2", gs, 1.0);
    double ga = edge(g, &k, "+", "a", gc, 1.0);
    double gb = edge(g, &k, "+", "b", gc, 1.0);
    /* A product gate's local gradient for one factor is the other factor. */
    edge(g, &k, "*", "w0", ga, x[0]);
    edge(g, &k, "*", "x0", ga, w[0]);
    edge(g, &k, "*", "w1", gb, x[1]);
    edge(g, &k, "*", "x1", gb, w[1]);
}

int opt_sigmoid_neuron(const double w[3], const double x[2], double *out,
                       double dw[3], double dx[2], opt_neuron_graph *graph)
{
    if (!w || !x || !out || !dw || !dx)
        return OPT_EINVAL;
    if (!isfinite(w[0]) || !isfinite(w[1]) || !isfinite(w[2]) ||
        !isfinite(x[0]) || !isfinite(x[1]))
        return OPT_EINVAL;
    const double s = w[0] * x[0] + w[1] * x[1] + w[2];
    const double f = sigmoid(s);
    /* The sigmoid gate collapsed: df/ds = f (1 - f), with 1 - f = sigmoid(-s)
     * computed directly so that neither factor loses precision. */
    const double dfds = f * sigmoid(-s);
    *out = f;
    dw[0] = dfds * x[0];
    dw[1] = dfds * x[1];
    dw[2] = dfds;
    dx[0] = dfds * w[0];
    dx[1] = dfds * w[1];
    if (graph) {
        record_forward(graph, w, x);
        record_backward(graph, w, x);
    }
    return OPT_OK;
}
