-- Lab 08 — Learning-rate schedules and warm-up: the parameters and their
-- defaults. Copy this file, change what you like, and run
--   build/bin/lab08 --config my.lua
-- or change one value on the command line: build/bin/lab08 --set 'warmup=20'

-- The schedules ---------------------------------------------------------------------
lr0 = 0.1                  -- alpha_0: the initial (base) learning rate
T = 100                    -- epochs of training: the horizon of cosine and linear
milestones = {30, 60, 90}  -- step schedule: the epochs at which the rate is multiplied by gamma
gamma = 0.1                -- step schedule: the factor at each milestone
warmup = 5                 -- W: epochs of linear warm-up

-- SGD on a noisy least-squares problem -------------------------------------------------
examples = 1000            -- N: training examples
features = 10              -- d: features (= parameters)
smallest_scale = 0.3       -- standard deviation of the last feature (the first has 1; evenly spaced between)
noise_sd = 0.5             -- sigma: noise added to the targets
batch = 10                 -- B: mini-batch size
repeats = 5                -- independent runs (different batches) averaged into each loss curve
