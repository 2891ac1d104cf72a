# 06-step-size.gp — Lab 06, section 2: the length of each step when the
# gradient is 1 at every step, for AdaGrad, RMSProp, Adam and Adam without
# its bias correction (log-log).
#
# Data: datadir/step-size.tsv (t, adagrad, rmsprop, adam, adam_uncorrected).
# Variables from the lab (-e): lr (the learning rate), T (the last step),
# alpha (RMSProp's decay rate).
load stylefile

data = datadir . '/step-size.tsv'
set datafile columnheaders
set logscale xy
set format x '10^{%L}'
set xrange [1:T]
set yrange [lr / 200:lr * 20]
set ytics ('η/100' lr / 100, 'η/10' lr / 10, 'η' lr, '10 η' lr * 10)
set mytics 10
set xlabel 'step t'
set ylabel 'length of step t, |x_t − x_{t−1}|'
set key at graph 0.98, graph 0.97 right top Left reverse opaque

set label 1 'slope −1/2: η/√t' at 300, 1.4 * lr / sqrt(300) rotate by -16 \
    textcolor rgb '#0072B2'

plot data using 1:2 with lines lt 1 lw 2.5 title 'AdaGrad (sum of squares)', \
     data using 1:3 with lines lt 2 lw 2.5 title sprintf('RMSProp (leaky average, α = %g)', alpha), \
     data using 1:4 with lines lt 3 lw 2.5 title 'Adam (bias-corrected)', \
     data using 1:5 with lines lt 4 lw 2 dt (6, 4) title 'Adam without bias correction'
