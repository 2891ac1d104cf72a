/* trajectories — 100 steps of each libopt stepper on one smooth objective,
 * printed at full precision, for comparison with torch.optim (PyTorch 1.13)
 * by tests/long/torch-trajectories.
 *
 *   f(x) = sum_i w_i x_i^2 + x_i^4 / 4,   g_i = 2 w_i x_i + x_i^3
 *
 * with w = (1, 3, 10, 0.5) from x0 = (1, -1.5, 0.7, 2). Each line:
 * config name, step, x1..x4. The configurations and their learning rates
 * are listed in configs[] and mirrored in the Python script.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "opt.h"

enum { N = 4, STEPS = 100 };
static const double w[N] = { 1, 3, 10, 0.5 };
static const double x0[N] = { 1, -1.5, 0.7, 2 };

static void gradient(const double *x, double *g)
{
    for (int i = 0; i < N; i++)
        g[i] = 2 * w[i] * x[i] + x[i] * x[i] * x[i];
}

typedef struct config {
    const char *name;      /* as in the Python script */
    const char *type;
    double lr;
    const char *hp;        /* "key=value,key=value" */
} config;

static const config configs[] = {
    { "sgd", "sgd", 0.01, "" },
    { "sgd-momentum", "sgd", 0.01, "momentum=0.9" },
    { "sgd-dampening", "sgd", 0.01, "momentum=0.9,dampening=0.1" },
    { "sgd-nesterov", "sgd", 0.01, "momentum=0.9,nesterov=1" },
    { "sgd-wd", "sgd", 0.01, "momentum=0.5,weight_decay=0.1" },
    { "adagrad", "adagrad", 0.1, "" },
    { "adagrad-all", "adagrad", 0.1, "lr_decay=0.01,weight_decay=0.1,initial_accumulator_value=0.1" },
    { "rmsprop", "rmsprop", 0.01, "" },
    { "rmsprop-centered-momentum", "rmsprop", 0.01, "centered=1,momentum=0.9,weight_decay=0.01" },
    { "adam", "adam", 0.01, "" },
    { "adam-amsgrad-wd", "adam", 0.01, "amsgrad=1,weight_decay=0.1" },
    { "adamw", "adamw", 0.01, "" },
    { "adamw-amsgrad", "adamw", 0.01, "amsgrad=1,weight_decay=0.05" },
    { "radam", "radam", 0.01, "" },
    { "radam-wd", "radam", 0.01, "weight_decay=0.1" },
    { "nadam", "nadam", 0.01, "" },
    { "nadam-wd", "nadam", 0.01, "weight_decay=0.1,momentum_decay=0.008" },
};

int main(void)
{
    for (size_t c = 0; c < sizeof configs / sizeof *configs; c++) {
        const opt_stepper_type *T = opt_stepper_lookup(configs[c].type);
        char hp[256], buf[256];
        memcpy(hp, T->hp_default, T->hp_size);
        snprintf(buf, sizeof buf, "%s", configs[c].hp);
        for (char *tok = strtok(buf, ","); tok; tok = strtok(NULL, ",")) {
            char *eq = strchr(tok, '=');
            *eq = '\0';
            if (opt_stepper_hp_set(T, hp, tok, atof(eq + 1)) != OPT_OK) {
                fprintf(stderr, "trajectories: %s: bad %s\n", configs[c].name, tok);
                return 2;
            }
        }
        opt_stepper *s = opt_stepper_alloc(T, N, hp);
        double x[N], g[N];
        memcpy(x, x0, sizeof x);
        for (int k = 1; k <= STEPS; k++) {
            gradient(x, g);
            opt_stepper_step(s, x, g, configs[c].lr);
            printf("%s\t%d", configs[c].name, k);
            for (int i = 0; i < N; i++)
                printf("\t%.17g", x[i]);
            printf("\n");
        }
        opt_stepper_free(s);
    }
    return 0;
}
