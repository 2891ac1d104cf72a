-- Lab 01 — Gradients: the parameters and their defaults.
-- Copy this file, change what you like, and run
--   build/bin/lab01 --config my.lua
-- or change one value on the command line: build/bin/lab01 --set 'points=10'

-- 1. Finite differences: error against the step h --------------------------
f = function(x) return math.sin(x) end   -- the smooth function whose derivative is estimated
df = function(x) return math.cos(x) end  -- its exact derivative, to measure the error against
x_range = {-3, 3}          -- the error is averaged over points evenly spread in this interval
points = 100               -- how many points the error is averaged over
h_min = 1e-15              -- the smallest step h tried
h_max = 1                  -- the largest step h tried
h_per_decade = 8           -- steps tried per factor of 10
fit_range = {1e-4, 1e-1}   -- steps where truncation dominates: slopes 1 and 2 are fitted there
roundoff_range = {1e-13, 1e-10}  -- steps where round-off dominates: slope -1 is fitted there

-- 2 and 4. The multiclass hinge (SVM) loss and its data ----------------------
examples = 200             -- N, the number of training examples
features = 9               -- features per example (a constant 1 is appended for the bias)
classes = 4                -- K, the number of classes
delta = 1                  -- the hinge's margin
lambda = 0.01              -- strength of the L2 penalty lambda * sum W^2
w_scale = 1                -- standard deviation of W at the gradient-check point
h_check = 1e-5             -- step of the central differences in the gradient check

-- 3. Backpropagation by hand -------------------------------------------------
xyz = {-2, 5, -4}          -- x, y, z for f = (x + y) z
neuron_w = {2, -3, -3}     -- w0, w1, w2 of the sigmoid neuron
neuron_x = {-1, -2}        -- x0, x1 of the sigmoid neuron

-- 4. Random search against gradient descent ----------------------------------
evaluations = 1000         -- budget of loss evaluations for each method
search_scale = 0.3         -- standard deviation of the random draws of W
lr = 0.2                   -- learning rate of gradient descent
gradient_cost = 2          -- cost of one loss-and-analytic-gradient evaluation, in loss evaluations
