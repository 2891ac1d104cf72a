-- Lab 11 — Data whitening: the parameters and their defaults.
-- Copy this file, change what you like, and run
--   build/bin/lab11 --config my.lua
-- or change one value on the command line: build/bin/lab11 --set 'correlation=0.9'

-- 1. The data: two correlated Gaussian features, y linear in them ------------
train_size = 200           -- n, the number of training examples
test_size = 100            -- the number of test examples
feature_means = {10, 20}   -- the two features' means
feature_stds = {1, 4}      -- the two features' standard deviations
correlation = 0.5          -- the correlation of the two features
coefficients = {2, 1}      -- the true coefficients: y = b1 x1 + b2 x2 + noise (no intercept)
noise = 0.5                -- standard deviation of the noise in y

-- 6. Gradient descent with the best fixed step 2 / (lambda_min + lambda_max) --
start = {0, 0}             -- every run starts here, in its own coordinates (the feature weights)
tol = 1e-6                 -- converged when ||g|| <= tol ||g0||: iterations are counted to this
max_steps = 100000         -- step budget of every run
