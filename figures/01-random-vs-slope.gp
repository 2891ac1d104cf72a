# 01-random-vs-slope.gp — Lab 01, part 4: the hinge loss against the number
# of loss evaluations spent, for best-of-N random search and for gradient
# descent with the analytic and with the numerical gradient.
#
# Data: datadir/random-search.tsv (evaluations, loss, best),
#       datadir/gd-analytic.tsv and datadir/gd-numeric.tsv (evaluations, loss).
# Variables from the lab (-e): loss_zero (the loss at W = 0), budget,
# gradient_cost and numeric_cost (evaluations per analytic and numerical step).
load stylefile

set datafile columnheaders
set logscale x
set format x '10^{%L}'
set xrange [0.8:budget * 1.25]
set yrange [0:*]
set xlabel sprintf('cost in loss evaluations (one step: analytic gradient %g, numerical %g)', \
    gradient_cost, numeric_cost)
set ylabel 'hinge loss L(W)'
set key top right opaque

set arrow 1 from graph 0, first loss_zero to graph 1, first loss_zero nohead \
    lc rgb style_grey dt 2 lw 1.5 back
set label 1 'W = 0' at graph 0.01, first loss_zero left offset 0, 0.7 textcolor rgb style_grey

plot datadir . '/random-search.tsv' using 1:2 with points pt 7 ps 0.28 lc rgb style_light \
         title 'random draw', \
     datadir . '/random-search.tsv' using 1:3 with steps lt 1 lw 2 title 'random search: best so far', \
     datadir . '/gd-analytic.tsv' using 1:2 with lines lt 2 title 'gradient descent, analytic gradient', \
     datadir . '/gd-analytic.tsv' every ::0::9 using 1:2 with points lt 2 ps 0.65 notitle, \
     datadir . '/gd-numeric.tsv' using 1:2 with linespoints lt 3 ps 0.75 \
         title 'gradient descent, numerical gradient'
