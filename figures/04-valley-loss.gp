# 04-valley-loss.gp — Lab 04, part 5: the loss against the step for
# gradient descent, momentum and Nesterov momentum on the long valley.
#
# Data (datadir): valley-{gd,momentum,nesterov}.tsv (traces: step, f, ...).
# Variables from the lab (-e): steps_gd, steps_momentum, steps_nesterov,
# eta, rho.
load stylefile

set datafile columnheaders
set logscale y
set format y '10^{%L}'
set xrange [0:*]
set xlabel 'step t'
set ylabel 'f(x_t)'
set title sprintf('The long valley 0.1x^2 + 2y^2: η = %g, ρ = %g', eta, rho)
set key top right opaque

plot datadir . '/valley-gd.tsv' using 1:(logsafe($2)) with lines lt 3 title 'gradient descent', \
     datadir . '/valley-momentum.tsv' using 1:(logsafe($2)) with lines lt 2 title 'momentum', \
     datadir . '/valley-nesterov.tsv' using 1:(logsafe($2)) with lines lt 1 title 'Nesterov'
