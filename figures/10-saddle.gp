# 10-saddle.gp — Lab 10, section 4: Newton's method on the saddle x^2 - y^2.
# Pure Newton lands on the saddle point in one step; the eigenvalue- and
# Cholesky-modified methods head down the direction of negative curvature.
#
# Data: datadir/saddle-{pure,eigen,cholesky}.tsv (traces: step, f, gnorm,
# x1, x2, after `# key=value` lines).
# Variables from the lab (-e): x0, y0 (the start), tau (the Cholesky shift).
load stylefile
set datafile columnheaders
file(m) = datadir . '/saddle-' . m . '.tsv'

# Contour lines of f = x^2 - y^2, from -6 to 4.
set view map
set contour base
unset surface
set isosamples 100, 100
set xrange [-2.2:2.2]
set yrange [-1.2:2.6]
set cntrparam levels incremental -6, 1, 4
set table $contours
splot x * x - y * y notitle
unset table
unset contour
unset view

set size ratio -1
unset grid
set xlabel 'x'
set ylabel 'y'
set title sprintf('Newton on f = x^2 − y^2 from (%g, %g)', x0, y0) font ',13'
set key at graph 0.02, graph 0.02 left bottom Left reverse opaque box samplen 2 spacing 1.15
set label 1 'f > 0' at 1.75, 0 center textcolor rgb style_grey
set label 2 'f > 0' at -1.75, 0 center textcolor rgb style_grey
set label 3 'f < 0' at 1.2, 2.3 center textcolor rgb style_grey
set label 4 'f < 0' at 1.0, -0.95 center textcolor rgb style_grey
plot $contours using 1:2 with lines lc rgb style_light lw 1 notitle, \
     file('pure') using 4:5 with linespoints lt 2 lw 2.2 pt 7 ps 0.9 title 'pure Newton: onto the saddle', \
     file('eigen') using 4:5 with linespoints lt 1 lw 2 pt 5 ps 0.9 title 'eigenvalue-modified', \
     file('cholesky') using 4:5 with linespoints lt 3 lw 2 pt 9 ps 1.1 title sprintf('shifted Cholesky (τ = %g)', tau), \
     file('pure') every ::0::0 using 4:5 with points pt 7 ps 1.6 lc rgb 'black' title 'start', \
     '+' using (0):(0) every ::0::0 with points pt 3 ps 2.2 lw 2 lc rgb 'black' title 'saddle point'
