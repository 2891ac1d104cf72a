-- Lab 02 — Taylor series and the steepest direction: the parameters and
-- their defaults. Copy this file, change what you like, and run
--   build/bin/lab02 --config my.lua
-- or change one value on the command line: build/bin/lab02 --set 'probe=1'

-- 1. e^x and its Taylor polynomials at 0 -----------------------------------
exp_range = {-2, 2}        -- x interval over which e^x and P1..P3 are drawn
exp_points = 201           -- points drawn in exp_range
probe = 0.5                -- x at which the errors of P1, P2, P3 are quoted

-- 2 and 3. A function of two variables: its models and its steepest direction
objective = 'rosenbrock'   -- a built-in 2-D problem with a Hessian (rosenbrock, beale, himmelblau, ...)
point = {-0.5, 0.5}        -- the point x0 the models are built at
direction = {1, 1}         -- the steps are t d with d this vector normalized to length 1
step_range = {1e-4, 1}     -- smallest and largest step t
steps_per_decade = 8       -- steps t tried per factor of 10
fit_range = {1e-4, 1e-2}   -- steps over which the slopes of the errors are fitted
slice = 0.5                -- the slice figure shows t in [-slice, slice]
model_step = 0.1           -- the step t at which the models' values are quoted
angle_step = 1             -- degrees between the unit directions tried
h_slope = 1e-5             -- step of the central difference along a direction

-- 4. The saddle x^2 - y^2 ---------------------------------------------------
saddle_range = 2           -- the saddle is drawn on [-r, r]^2
