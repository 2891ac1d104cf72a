-- Lab 00, the playground: the default parameters.
--
-- Copy this file, change what you like and run
--     build/bin/lab00 --config my.lua
-- or change one value on the command line:
--     build/bin/lab00 --set "steps=300"
-- `build/bin/lab00 --help` lists every parameter with its type and default.

-- What to minimize: a built-in problem by name ("rosenbrock", "saddle",
-- "quadratic", "quadratic-rotated", "ill-conditioned"), or a Lua function of
-- n numbers returning one number, for example
--     objective = function(x, y) return x^2 + 10 * y^2 end
objective = 'rosenbrock'

-- For a Lua objective only: its gradient, a function of the same n numbers
-- returning n numbers, e.g.  gradient = function(x, y) return 2 * x, 20 * y end
-- nil: the playground takes central differences of the objective.
gradient = nil

-- The start point {x1, ..., xn}. nil: the built-in problem's conventional
-- start, (-1.2, 1) for Rosenbrock. A Lua objective needs one, e.g. {3, 1}.
start = nil

-- Steps per method (1 to 10^7); every method gets the same budget.
steps = 1000

-- The methods to compare, each a table with
--   name   the stepper: gd, sgd, adagrad, rmsprop, adam, ... (an unknown
--          name makes the lab list the known ones)
--   lr     the learning rate (default 0.1)
--   label  the legend text; the trace is written to trace-<label>.tsv with
--          every character outside [A-Za-z0-9.-] made '_' (default: the name)
--   and any hyper-parameter of the stepper by its PyTorch name, such as
--          momentum = 0.9 (sgd) or beta1 = 0.9, beta2 = 0.999 (adam).
-- Rosenbrock's valley is steep across and flat along: lr = 0.001 crawls
-- down it, lr = 0.002 gets about twice as far, and lr = 0.003 leaps from
-- wall to wall; from about 0.0025 on, the iterates end up bouncing across
-- the valley instead of converging.
methods = {
  {name = 'gd', lr = 0.001, label = 'GD, lr = 0.001'},
  {name = 'gd', lr = 0.002, label = 'GD, lr = 0.002'},
  {name = 'gd', lr = 0.003, label = 'GD, lr = 0.003'},
}

-- The window of the 2-D path plot, {xmin, xmax, ymin, ymax}.
-- nil: fit every path that did not diverge, with a margin.
view = nil
