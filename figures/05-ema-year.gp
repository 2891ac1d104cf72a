# 05-ema-year.gp — Lab 05, part 2: a year of noisy daily temperatures, the
# seasonal curve behind them, and their exponential moving averages.
#
# Data (datadir): year.tsv (day, truth, x, ema_1 .. ema_n).
# Variables from the lab (-e): n (number of averages), beta[i], days.
load stylefile

data = datadir . '/year.tsv'
set datafile columnheaders

set xrange [0:days + 1]
set xlabel 'day k'
set ylabel 'temperature (°C)'
set key below horizontal Left reverse noopaque nobox width 2 maxrows 3
set title 'A noisy year and its exponential moving averages v_k = βv_{k-1} + (1 − β)x_k'

plot data using 1:3 with points pt 7 ps 0.45 lc rgb '#b0b0b0' title 'daily temperature x_k', \
     data using 1:2 with lines dt 2 lw 1.5 lc rgb 'black' title 'seasonal curve (no noise)', \
     for [i=1:n] data using 1:(column(3 + i)) with lines lt i lw 2.2 \
         title sprintf('β = %g  (≈ last %g values)', beta[i], floor(1 / (1 - beta[i]) + 0.5))
