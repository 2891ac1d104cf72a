# 07-ratios.gp — Lab 07, section 3: ||w|| / ||grad L(w)|| per layer, for
# AlexNet-BN at its first iteration (left; You, Gitman & Ginsburg, Table 2,
# as in the lecture) and for the lab's three-layer linear network at its
# start (right), on log scales.
#
# Data: datadir/alexnet.tsv (index, layer, wnorm, gnorm, ratio) and
# datadir/layers.tsv (layer, wnorm, gnorm, ratio, local_lr).
load stylefile

set datafile columnheaders
set style fill solid 0.85 noborder
set boxwidth 0.7
set logscale y
set format y '10^{%L}'
set grid noxtics
set multiplot

set lmargin at screen 0.10
set rmargin at screen 0.66
set tmargin at screen 0.90
set bmargin at screen 0.20
set title 'AlexNet-BN, first iteration (lecture table)'
set yrange [1:3000]
set ylabel '||w|| / ||∇L(w)||'
set xrange [-0.7:15.7]
set xtics rotate by 60 right nomirror
set key at graph 0.02, graph 0.98 left top Left reverse opaque samplen 1.5
# Biases and weights in two colours.
plot datadir . '/alexnet.tsv' using 1:(strstrt(strcol(2), '.b') ? $5 : NaN):xtic(2) with boxes lt 6 \
         title 'bias', \
     '' using 1:(strstrt(strcol(2), '.w') ? $5 : NaN) with boxes lt 1 title 'weight', \
     '' using 1:5:(sprintf('%g', $5)) with labels offset 0, 0.7 font ',12' notitle

set lmargin at screen 0.74
set rmargin at screen 0.97
set title 'our network, at the start'
set yrange [0.01:100]
set ylabel ''
set xrange [0.3:3.7]
set xtics norotate center ('W_1' 1, 'W_2' 2, 'W_3' 3)
unset key
plot datadir . '/layers.tsv' using 1:4 with boxes lt 2 notitle, \
     '' using 1:4:(sprintf('%.3g', $4)) with labels offset 0, 0.7 font ',12' notitle
unset multiplot
