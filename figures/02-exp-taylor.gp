# 02-exp-taylor.gp — Lab 02, part 1: e^x with its Taylor polynomials P1,
# P2, P3 at 0.
#
# Data: datadir/exp-taylor.tsv (x, exp, P1, P2, P3).
# Variables from the lab (-e): xmin, xmax (the range drawn).
load stylefile

data = datadir . '/exp-taylor.tsv'

set xrange [xmin:xmax]
set yrange [-1.5:*]
set xlabel 'x'
set ylabel 'value'
set key top left Left reverse opaque

# The expansion point (0, 1).
set arrow 1 from 0, graph 0 to 0, graph 1 nohead lc rgb style_light lw 1 back
set label 1 'expansion point x_0 = 0' at 0, 1 left offset 1, -1.2 textcolor rgb style_text

plot data using 1:2 with lines lt 7 lw 4 title 'e^x', \
     data using 1:3 with lines lt 1 dt 2 title 'P_1 = 1 + x', \
     data using 1:4 with lines lt 2 dt 4 title 'P_2 = P_1 + x^2/2', \
     data using 1:5 with lines lt 3 title 'P_3 = P_2 + x^3/6', \
     '+' using (0):(1) every ::0::0 with points pt 7 ps 1.6 lc rgb 'black' notitle
