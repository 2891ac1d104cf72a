/* opt.h — the whole of libopt. */
#ifndef OPT_H
#define OPT_H
#include "status.h"
#include "vec.h"
#include "objective.h"
#include "rng.h"
#include "diff.h"
#include "problems.h"
#include "optim.h"
#include "schedule.h"
#include "ema.h"
#include "clip.h"
#include "linesearch.h"
#include "newton.h"
#include "lbfgs.h"
#include "spectrum.h"
#include "data.h"
#include "neuron.h"
#include "run.h"
#include "config.h"
#include "lab.h"
#endif
