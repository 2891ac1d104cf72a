-- Lab 10 — Newton's method and L-BFGS: the parameters and their defaults.
-- Copy this file, change what you like, and run
--   build/bin/lab10 --config my.lua
-- or change one value on the command line: build/bin/lab10 --set 'batch=100'

-- 1. One Newton step on a quadratic ------------------------------------------
quad_dim = 8               -- dimension n of the random quadratic of section 1
quad_shift = 1e-3          -- its Hessian is B B^T / n + quad_shift I with B Gaussian n x n/2: the shift sets kappa
gd_tol = 1e-8              -- the error reduction gradient descent is costed for, on the same quadratic

-- 2-3. Newton's method, gradient descent and L-BFGS on Rosenbrock -------------
rosenbrock_start = {-1.2, 1}   -- start point on Rosenbrock's function
epsilon = 1e-10            -- stop when ||g|| <= epsilon max(1, ||x||)
newton_max_iterations = 100    -- iteration budget of Newton's method
beta = 1e-3                -- modified Newton: shifts 0 (or beta - min H_ii), then doubling, at least beta
c1 = 1e-4                  -- Armijo's sufficient-decrease constant
rho = 0.5                  -- backtracking factor
ls_max_evals = 40          -- evaluations per backtracking search
regime_error = 2e-3        -- the quadratic regime: full steps from an error below this (to one above 1e-14)
gd_lr = 1e-3               -- gradient descent's learning rate on Rosenbrock
gd_steps = 2000            -- gradient descent's step budget
m = 6                      -- L-BFGS memory: the number of pairs kept

-- 4. The saddle x^2 - y^2 -----------------------------------------------------
saddle_start = {1.5, 0.25} -- start point on x^2 - y^2
saddle_iterations = 3      -- iterations of each method on the saddle
saddle_beta = 1            -- the Cholesky modification's beta on the saddle

-- 5. Time per step against n --------------------------------------------------
newton_sizes = {16, 32, 64, 128, 256, 512, 1024}   -- dimensions n (even) at which a Newton step is timed
lbfgs_sizes = {16, 32, 64, 128, 256, 512, 1024, 2048, 4096}   -- dimensions n (even) at which an L-BFGS step is timed
fit_min_n = 128            -- slopes are fitted to the sizes n >= this
newton_timed_steps = 3     -- Newton steps per timing
lbfgs_timed_steps = 20     -- L-BFGS steps per timing
timing_repeats = 5         -- each timing is the fastest of this many runs

-- 6. L-BFGS: the two-loop recursion, full batch and mini-batch ---------------
twoloop_iteration = 10     -- the iteration of the full-batch run whose direction is checked
examples = 1000            -- N, examples of the logistic regression
features = 10              -- D, features per example
feature_scales = {0.3, 3}  -- standard deviations of the first and last feature (log-spaced between)
l2 = 1e-3                  -- L2 penalty (l2 / 2) ||w||^2
batch = 10                 -- mini-batch size B (drawn with replacement)
fixed_steps = {1, 0.1}     -- mini-batch L-BFGS: the fixed steps tried (one run each, 1 to 4 of them)
sgd_lr = 0.05              -- mini-batch SGD's learning rate
epochs = 50                -- budget of every run, in passes over the data
