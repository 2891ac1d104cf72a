# 05-bias-correction.gp — Lab 05, part 3: the start of the year with and
# without bias correction.
#
# Data (datadir): start.tsv (day, truth, x, uncorrected, corrected).
# Variables from the lab (-e): beta, days.
load stylefile

data = datadir . '/start.tsv'
set datafile columnheaders

set xrange [0:days + 1]
set yrange [*:*]
set xlabel 'day k'
set ylabel 'temperature (°C)'
set key below horizontal Left reverse noopaque nobox width 2 maxrows 2
set title sprintf('The first %d days, β = %g: v_k against v_k / (1 − β^k)', days, beta)

plot data using 1:3 with points pt 7 ps 0.6 lc rgb '#b0b0b0' title 'daily temperature x_k', \
     data using 1:2 with lines dt 2 lw 1.5 lc rgb 'black' title 'seasonal curve (no noise)', \
     data using 1:4 with lines lt 2 lw 2.5 title 'EMA v_k (uncorrected)', \
     data using 1:5 with lines lt 1 lw 2.5 title 'bias-corrected v_k / (1 − β^k)'
