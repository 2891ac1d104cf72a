# 02-model-slice.gp — Lab 02, part 2: f along the line x0 + t d, with the
# linear and quadratic Taylor models built at t = 0.
#
# Data: datadir/model-slice.tsv (t, f, linear, quadratic).
# Variables from the lab (-e): x0, d (strings, for the title), r (t runs
# over [-r, r]).
load stylefile

data = datadir . '/model-slice.tsv'
set datafile columnheaders

set xrange [-r:r]
set xlabel 't   (the point x_0 + t d)'
set ylabel 'value'
set title sprintf('along the line through x_0 = %s in the direction d = %s', x0, d)
set key top left Left reverse opaque
set arrow 1 from 0, graph 0 to 0, graph 1 nohead lc rgb style_light lw 1 back

plot data using 1:2 with lines lt 7 lw 4 title 'f', \
     data using 1:3 with lines lt 1 dt 2 title 'linear model m_1', \
     data using 1:4 with lines lt 2 title 'quadratic model m_2'
