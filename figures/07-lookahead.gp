# 07-lookahead.gp — Lab 07, section 2: SGD with momentum on the valley
# x1^2 + 12 x2^2, alone and inside Lookahead: paths over the contours (top,
# the slow weights ringed every k steps) and the loss against the step
# (bottom, log scale).
#
# Data: datadir/lookahead-grid.tsv (x, y, z = log10(f + 1e-3)),
# lookahead-inner.tsv and lookahead.tsv (traces: step, f, gnorm, x1, x2).
# Variables from the lab (-e): k, alpha, steps.
load stylefile

set datafile columnheaders
inner = datadir . '/lookahead-inner.tsv'
outer = datadir . '/lookahead.tsv'

set view map
set contour base
unset surface
set cntrparam linear levels auto 14
set table $contours
splot datadir . '/lookahead-grid.tsv' using 1:2:3 notitle
unset table
unset contour
unset view

set multiplot
set lmargin at screen 0.10
set rmargin at screen 0.97
set tmargin at screen 0.93
set bmargin at screen 0.42
# The window fills the panel (2.44 times wider than high) with equal units.
set xrange [-3.4:2.95]
set yrange [-1.3:1.3]
set size ratio -1
set xlabel 'x_1' offset 0, 0.5
set ylabel 'x_2' offset 1, 0
unset grid
set key at graph 0.99, graph 0.97 right top Left reverse opaque box samplen 1.5 spacing 1.1
plot $contours using 1:2 with lines lc rgb style_grey lw 0.8 notitle, \
     inner using 4:5 with linespoints lt 2 lw 1.6 ps 0.5 title 'SGD + momentum', \
     outer using 4:5 with linespoints lt 1 lw 1.6 ps 0.5 \
         title 'Lookahead: fast', \
     outer every k::k using 4:5 with points pt 6 ps 1.6 lw 2 lc rgb 'black' \
         title sprintf('slow (every %d)', k), \
     inner every ::0::0 using 4:5 with points pt 7 ps 1.6 lc rgb 'black' notitle

set size noratio
set tmargin at screen 0.33
set bmargin at screen 0.08
set xrange [0:steps]
set autoscale y
set logscale y
set format y '10^{%L}'
set mytics 1
set xlabel 'step' offset 0, 0.5
set ylabel 'f (log scale)' offset 1, 0
set grid back ls 100, ls 100
unset key
plot inner using 1:(logsafe($2)) with lines lt 2 lw 2, outer using 1:(logsafe($2)) with lines lt 1 lw 2
unset multiplot
