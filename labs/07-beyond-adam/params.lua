-- Lab 07 — Beyond Adam: the parameters and their defaults.
-- Copy this file, change what you like, and run
--   build/bin/lab07 --config my.lua
-- or change one value on the command line: build/bin/lab07 --set 'beta2=0.99'

-- 1. RAdam -----------------------------------------------------------------------
beta2 = 0.999              -- Adam's and RAdam's beta2
thresholds = {5, 4}        -- rho_t must exceed this to rectify: PyTorch's 5, the paper's 4
radam_steps = 10000        -- steps in RAdam's table and figure

-- 2. Lookahead ---------------------------------------------------------------------
lookahead_k = 5            -- fast steps between synchronizations
lookahead_alpha = 0.5      -- the slow weights' step towards the fast ones
lambdas = {1, 12}          -- the valley f = l1 x1^2 + l2 x2^2
start = {-2.5, 0.9}        -- the start in the valley
inner_lr = 0.02            -- learning rate of the inner SGD with momentum
inner_momentum = 0.9       -- its momentum rho
lookahead_steps = 100      -- steps in the valley
noise = 1                  -- standard deviation of the gradient noise (Adam runs)
noisy_lr = 0.1             -- Adam's learning rate with noisy gradients
noisy_steps = 2000         -- steps of each noisy run
noisy_runs = 20            -- noisy runs averaged

-- 3 and 4. NovoGrad and LARS on a three-layer linear network ---------------------------
layer_sizes = {8, 16, 16, 4}  -- widths of the input, the two hidden layers and the output
layer_scales = {4, 1, 0.25}   -- initial scale of each weight matrix (entries N(0, s^2 / fan-in))
examples = 64              -- training examples
layer_steps = 500          -- steps of each run on the network
layer_lr = {0.03, 0.003, 0.3}  -- learning rates of SGD, NovoGrad and LARS in the per-layer comparison
trust = 0.001              -- LARS's trust coefficient eta
lars_momentum = 0.9        -- LARS's momentum
novograd_betas = {0.95, 0.98}  -- NovoGrad's beta1 and beta2
weight_decay = 0           -- decoupled weight decay of NovoGrad and LARS
sweep_range = {1e-5, 100}  -- learning rates swept, lowest and highest
sweep_per_decade = 4       -- learning rates per factor of ten
target = 1e-3              -- a run has trained when its final loss is below this
