-- Lab 06 — Adaptive steps: the parameters and their defaults.
-- Copy this file, change what you like, and run
--   build/bin/lab06 --config my.lua
-- or change one value on the command line: build/bin/lab06 --set 'lambdas={1, 100}'
-- The learning-rate lists of the races are in the order
--   SGD, SGD + momentum, AdaGrad, RMSProp, Adam.

-- The methods' hyper-parameters ------------------------------------------------
momentum = 0.9             -- rho of SGD with momentum
alpha = 0.99               -- RMSProp's decay rate of the squared gradients
betas = {0.9, 0.999}       -- Adam's beta1 and beta2
eps = 1e-8                 -- added to the denominator of AdaGrad, RMSProp and Adam

-- 2. The step size over time, for a gradient that is always 1 ------------------
constant_lr = 0.1          -- learning rate of the constant-gradient experiment
constant_steps = 10000     -- steps of the constant-gradient experiment

-- 4. The races ---------------------------------------------------------------------
lambdas = {1, 12}          -- the valley f = l1 x1^2 + l2 x2^2 (Hessian diag(2 l1, 2 l2))
turn = -45                 -- degrees the second valley is turned by (-45: the library's 'ill-conditioned')
valley_start = {-2.5, 0.9}  -- start in the aligned valley (turned with it)
valley_steps = 60          -- steps in both valleys
valley_lr = {0.075, 0.0075, 0.75, 0.1, 0.1}  -- learning rates in both valleys
saddle_start = {1, 0.001}  -- start on the saddle x^2 - y^2
saddle_steps = 40          -- steps on the saddle
saddle_lr = {0.1, 0.1, 0.1, 0.01, 0.1}  -- learning rates on the saddle
escape_level = -1          -- a run has escaped the saddle once f falls below this
rosenbrock_start = {-1.2, 1}  -- start on Rosenbrock's function
rosenbrock_steps = 3000    -- steps on Rosenbrock's function
rosenbrock_lr = {0.001, 0.0001, 0.3, 0.003, 0.02}  -- learning rates on Rosenbrock

-- 5. Adam near a minimum, with noisy gradients ---------------------------------------
noise = 1                  -- standard deviation of the noise added to each gradient entry
noisy_steps = 2000         -- steps of each noisy run
noisy_runs = 20            -- noisy runs averaged, each with its own noise
noisy_lr = 0.1             -- Adam's learning rate in the noisy runs
decay = 'cosine'           -- the decaying schedule: cosine, linear, step, exponential or invsqrt
