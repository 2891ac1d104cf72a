-- Lab 03 — Conditioning, gradient descent, coordinate descent: the
-- parameters and their defaults. Copy this file, change what you like, and run
--   build/bin/lab03 --config my.lua
-- or change one value on the command line: build/bin/lab03 --set 'eta=0.05'

-- 1. The quadratics x^T Q diag(lambda1, lambda2) Q^T x and the paths --------
quadratics = { {lambda1 = 4, lambda2 = 1, theta = 0}, {lambda1 = 4, lambda2 = 1, theta = 45}, {lambda1 = 12, lambda2 = 1, theta = 45} }  -- 1 to 4 quadratics; theta in degrees, counter-clockwise
start = {-0.6, 3}          -- start point in the quadratic's own axes: the run starts at Q start
eta = 0.075                -- learning rate of the gradient-descent paths
tol = 1e-6                 -- converged when ||g|| <= tol ||g0||: iterations are counted to this
max_steps = 100000         -- step budget of every run

-- 2. Learning rates and the condition number ----------------------------------
kappas = {1, 2, 4, 8, 12, 16, 32, 64, 128, 256, 512, 1024}  -- condition numbers of the sweep (lambda1 = kappa, lambda2 = 1, theta = 45)
threshold_factors = {0.99, 1.01}  -- learning rates tried just below and above 2 / lambda_max(H)

-- 3. When a small step increases the loss (on the last quadratic) -----------
probe_point = {1, 0.5}     -- where the predicted change of f is examined
probe_eps = 0.1            -- the 'small' step whose effect is quoted

-- 4. Stopping criteria -------------------------------------------------------
stop_gtol = 1e-6           -- run 1: stop when the gradient norm is below this
stop_ftol = 1e-12          -- run 2: stop when the relative change of f is below this
stop_budget = 25           -- run 3: stop after this many steps
slow_eta = 0.001           -- run 4: a tiny learning rate ...
slow_ftol = 1e-6           -- ... with this relative-change test
