# 03-step-size.gp — Lab 03, part 2: f against the step for four learning
# rates on the last (most ill-conditioned) quadratic: a quarter of the
# threshold 2/lambda_max, the best step, and just below and just above the
# threshold.
#
# Data: datadir/step-size.tsv (step, best, below, above, small: f after
# each step; NaN where a run had stopped).
# Variables from the lab (-e): eta_best, eta_below, eta_above, eta_small;
# best_steps (where the best run met its tolerance and stopped).
load stylefile

data = datadir . '/step-size.tsv'
set datafile columnheaders

set logscale y
set format y '10^{%L}'
set xrange [0:200]
set yrange [1e-16:1e6]
set ytics 1e-16, 1e4
set xlabel 'step k'
set ylabel 'f(x_k)'
set key bottom left Left reverse opaque width 1

# Where the best run stopped: at its tolerance.
stats data every ::best_steps::best_steps using 2 nooutput
set label 1 sprintf('converged after %d steps', best_steps) at best_steps, STATS_max \
    left offset 1, 0 textcolor rgb '#0072B2'

plot data using 1:(logsafe($4)) with lines lt 2 lw 2.5 title sprintf('η = %.4f, 1%% above 2/λ_{max}: diverges', eta_above), \
     data using 1:(logsafe($3)) with lines lt 5 lw 2.5 title sprintf('η = %.4f, 1%% below 2/λ_{max}', eta_below), \
     data using 1:(logsafe($5)) with lines lt 3 lw 2.5 title sprintf('η = %.4f, a quarter of 2/λ_{max}', eta_small), \
     data using 1:(logsafe($2)) with lines lt 1 lw 2.5 title sprintf('η = %.4f = 2/(λ_{min} + λ_{max}), the best', eta_best)
