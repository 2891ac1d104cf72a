# 07-lr-sweep.gp — Lab 07, section 4: the final loss of SGD, Adam, NovoGrad
# and LARS on the three-layer network after T steps, against the learning
# rate (log-log; a missing point diverged, losses below 1e-16 are drawn at
# 1e-16), and below, each method's window: the unbroken range of rates
# around its best one that train (final loss below target).
#
# Data: datadir/lr-sweep.tsv (lr, sgd, adam, novograd, lars).
# Variables from the lab (-e): target, T, lrmax (the largest rate swept),
# and lo1..lo4, hi1..hi4 (the windows of SGD, Adam, NovoGrad and LARS).
load stylefile

data = datadir . '/lr-sweep.tsv'
set datafile columnheaders
set logscale xy
set format x '10^{%L}'
set format y '10^{%L}'
set yrange [3e-23:1e5]
set ytics 1e4
set mytics 1
set xlabel 'learning rate η'
set ylabel sprintf('loss after %d steps, η decayed along a cosine', T)
set title sprintf('shaded: not trained (loss above %g); bars: the windows that train', target)
set key at graph 0.02, graph 0.45 left top Left reverse opaque
clip(v) = v > 1e5 ? 1e5 : v < 1e-16 ? 1e-16 : v

set object 1 rectangle from graph 0, first target to graph 1, graph 1 behind \
    fillcolor rgb '#fbe3d6' fillstyle solid 0.6 noborder
array lo[4] = [lo1, lo2, lo3, lo4]
array hi[4] = [hi1, hi2, hi3, hi4]
array c[4] = ['#0072B2', '#D55E00', '#009E73', '#CC79A7']
do for [m = 1:4] {
    y = 10**(-17.3 - 1.2 * m)
    set arrow m from lo[m], first y to hi[m], first y heads size screen 0.008, 90 \
        lc rgb c[m] lw 4 front
    # The label right of the bar, or left of it when the bar reaches the end
    # of the sweep (then the window may be wider still: "≥").
    if (hi[m] < lrmax / 1.01) {
        set label m sprintf('×%.0f', hi[m] / lo[m]) at hi[m] * 1.3, first y left \
            textcolor rgb c[m] front
    } else {
        set label m sprintf('≥ ×%.0f', hi[m] / lo[m]) at lo[m] / 1.3, first y right \
            textcolor rgb c[m] front
    }
}

plot data using 1:(clip($2)) with linespoints lt 1 title 'SGD', \
     data using 1:(clip($3)) with linespoints lt 2 title 'Adam', \
     data using 1:(clip($4)) with linespoints lt 3 title 'NovoGrad', \
     data using 1:(clip($5)) with linespoints lt 4 title 'LARS'
