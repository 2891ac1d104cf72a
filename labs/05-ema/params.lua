-- Lab 05 — Exponential moving averages and bias correction: the parameters
-- and their defaults. Copy this file, change what you like, and run
--   build/bin/lab05 --config my.lua
-- or change one value on the command line: build/bin/lab05 --set 'noise_sd=0'

-- 1. The data: x_k = m - A cos(2 pi (k - d) / 365) + noise ----------------------
days = 365                 -- length of the series, in days
mean_temperature = 12      -- m: the year's mean, degrees C
amplitude = 10             -- A: half the summer-winter swing, degrees C
coldest_day = 15           -- d: the day the seasonal curve is lowest
noise_sd = 3               -- sigma: standard deviation of the daily noise

-- 2. The average ------------------------------------------------------------------
betas = {0.5, 0.9, 0.98}   -- the weights of the past compared
settle_day = 101           -- errors against the seasonal curve are measured from this day on

-- 3. Bias correction -----------------------------------------------------------------
correction_beta = 0.9      -- beta of the lecture's correction factors
correction_at = {2, 100}   -- steps k at which the factor 1 / (1 - beta^k) is printed
start_beta = 0.98          -- beta of the corrected-against-uncorrected figure
start_days = 100           -- days shown in that figure
