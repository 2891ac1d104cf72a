# 06-adam-decay.gp — Lab 06, section 5: Adam on the valley with noisy
# gradients, at a constant learning rate, at a ten times smaller one, and
# with a decaying schedule: the mean loss over many runs against the step
# (log scale), with each run's floor (the mean over the last 10 %).
#
# Data: datadir/noisy.tsv (step, constant, small, decay: mean losses).
# Variables from the lab (-e): lr, decay (the schedule's name), T, runs,
# floor_from (the first step of the last 10 %).
load stylefile

data = datadir . '/noisy.tsv'
set datafile columnheaders
set logscale y
set format y '10^{%L}'
set xrange [0:T]
set xlabel 'step'
set ylabel sprintf('mean loss over %d runs (log scale)', runs)
set key top right opaque

# The floors: the mean of each curve over the last 10 % of the steps.
stats data using 2 every ::floor_from nooutput name 'C'
stats data using 3 every ::floor_from nooutput name 'S'
stats data using 4 every ::floor_from nooutput name 'D'
set arrow 1 from floor_from, C_mean to T, C_mean nohead lc rgb 'black' lw 2 dt 2 front
set arrow 2 from floor_from, S_mean to T, S_mean nohead lc rgb 'black' lw 2 dt 2 front
set arrow 3 from floor_from, D_mean to T, D_mean nohead lc rgb 'black' lw 2 dt 2 front

plot data using 1:(logsafe($2)) with lines lt 2 lw 2 title sprintf('constant η = %g', lr), \
     data using 1:(logsafe($3)) with lines lt 6 lw 2 title sprintf('constant η = %g', lr / 10), \
     data using 1:(logsafe($4)) with lines lt 1 lw 2.5 title sprintf('η = %g with %s decay', lr, decay)
