# 03-ill-conditioning.gp — Lab 03, part 3: the change of f predicted by
# the second-order model for a step -eps g, its two terms, and the actual
# change, against eps.
#
# Data: datadir/ill-conditioning.tsv (eps, gain = -eps g^T g,
# cost = eps^2 g^T H g / 2, predicted, actual).
# Variables from the lab (-e): eps_zero (where the prediction crosses 0),
# eps_best (where it is lowest), probe_eps (the step quoted in the text).
load stylefile

data = datadir . '/ill-conditioning.tsv'
set datafile columnheaders

set xlabel 'step length ε  (the step is −ε g)'
set ylabel 'change of f'
set key top left Left reverse opaque
set xrange [0:2.5 * eps_zero]

set arrow 1 from graph 0, first 0 to graph 1, first 0 nohead lc rgb style_grey lw 1 back
set arrow 2 from eps_zero, graph 0 to eps_zero, graph 1 nohead dt 3 lc rgb style_grey lw 1.5 back
set label 2 sprintf(' f rises for ε > %.4f', eps_zero) at eps_zero, graph 0.06 left textcolor rgb style_text
set arrow 3 from probe_eps, graph 0 to probe_eps, graph 1 nohead dt 3 lc rgb '#D55E00' lw 1.5 back
set label 3 sprintf(' ε = %g', probe_eps) at probe_eps, graph 0.72 left textcolor rgb '#D55E00'
set arrow 4 from eps_best, graph 0 to eps_best, graph 0.3 nohead dt 3 lc rgb style_grey lw 1.5 back
set label 4 sprintf('best ε = %.4f ', eps_best) at eps_best, graph 0.06 right textcolor rgb style_text

plot data using 1:3 with lines lt 2 dt 2 title 'curvature cost  ½ ε^2 g^T H g', \
     data using 1:2 with lines lt 1 dt 2 title 'slope gain  −ε g^T g', \
     data using 1:4 with lines lt 7 lw 3 title 'predicted change (sum)', \
     data using 1:5 every 4 with points lt 3 pt 6 ps 1.2 title 'actual f(x − ε g) − f(x)'
