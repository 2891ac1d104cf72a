# 01-gradient-check.gp — Lab 01, part 2: the relative error of every
# coordinate of the hinge-loss gradient against central differences, for the
# correct gradient, a gradient with the L2 factor 2 dropped, and the correct
# gradient at a kink; with the reading thresholds 1e-7 and 1e-2.
#
# Data: datadir/gradient-check.tsv (coordinate, correct, bug, kink).
load stylefile

data = datadir . '/gradient-check.tsv'
set datafile columnheaders

set logscale y
set format y '10^{%L}'
set yrange [1e-12:10]
set ytics 100
set mytics 10
set xrange [-1:*]
set offsets 0, 1, 0, 0
set xlabel 'coordinate of W (row-major: class k, feature d)'
set ylabel 'relative error |a − n| / max(|a|, |n|)'
set key at graph 0.98, first 3e-4 right top opaque

# The reading thresholds: shaded bands and their verdicts.
set object 1 rectangle from graph 0, first 1e-2 to graph 1, first 10 behind \
    fillcolor rgb '#fbe3d6' fillstyle solid 1.0 noborder
set object 2 rectangle from graph 0, first 1e-12 to graph 1, first 1e-7 behind \
    fillcolor rgb '#e3f1ea' fillstyle solid 1.0 noborder
set label 1 'wrong  (≥ 10^{-2})' at graph 0.01, first 5 left textcolor rgb style_text
set label 2 'right  (≤ 10^{-7})' at graph 0.01, first 4e-8 left textcolor rgb style_text

# An exact zero (a coordinate the data never touches) cannot be drawn on a
# log axis: show it at the bottom edge.
floor0(v) = v > 1e-12 ? v : 1.3e-12

plot data using 1:(floor0($2)) with points lt 1 pt 7 ps 0.85 title 'correct gradient', \
     data using 1:(floor0($3)) with points lt 2 pt 5 ps 0.8 title 'L2 factor 2 dropped', \
     data using 1:(floor0($4)) with points lt 3 pt 9 ps 1.0 title 'correct, at a kink'
