-- Lab 04 — Momentum and Nesterov: the parameters and their defaults.
-- Copy this file, change what you like, and run
--   build/bin/lab04 --config my.lua
-- or change one value on the command line: build/bin/lab04 --set 'alphas={0, 0.5}'

-- 1-3. The bowl 4 x1^2 + x2^2 ------------------------------------------------
eta = 0.2                  -- learning rate on 4 x1^2 + x2^2 (parts 1 to 3)
alphas = {0, 0.3, 0.9}     -- momentum alpha of each path in part 1 (0: gradient descent)
start = {-2.5, 2.5}        -- start point on 4 x1^2 + x2^2
rho = 0.9                  -- momentum of parts 2 and 3 (the average and the three formulations)
compare_steps = 100        -- steps of the numerical comparisons in parts 2 to 4

-- 4-5. The long valley 0.1 x^2 + 2 y^2 -----------------------------------------
valley_eta = 0.2           -- learning rate on the long valley
valley_rho = 0.9           -- momentum of both methods on the long valley
valley_start = {-5, -2}    -- start point on the long valley

-- Every run ----------------------------------------------------------------------
tol = 1e-8                 -- a run has converged when f <= tol
max_steps = 1000           -- step budget of every run
