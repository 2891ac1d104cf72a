# 04-valley-paths.gp — Lab 04, part 5: gradient descent, momentum and
# Nesterov momentum on the long valley 0.1 x^2 + 2 y^2.
#
# Data (datadir): valley-grid.tsv (x, y, f, sqrt_f on a lattice) and
# valley-{gd,momentum,nesterov}.tsv (traces: step, f, gnorm, x, y).
# Variables from the lab (-e): xmin, xmax, ymin, ymax (the window),
# steps_gd, steps_momentum, steps_nesterov (steps to f <= tol), eta, rho.
load stylefile

set datafile columnheaders
grid = datadir . '/valley-grid.tsv'

set view map
set contour base
unset surface
set cntrparam linear levels incremental 0.25, 0.25, 20
set table $contours
splot grid using 1:2:4 notitle
unset table
unset contour

if (term eq 'png') { set terminal pngcairo size 1200,700 fontscale style_fontscale(960) }
if (term eq 'svg') { set terminal svg size 960,560 fontscale style_fontscale(960) }
set output outfile

set xrange [xmin:xmax]
set yrange [ymin:ymax]
set size ratio -1
unset grid
set xlabel 'x  (along the valley, curvature 0.2)'
set ylabel 'y  (across, curvature 4)'
set title sprintf('The long valley 0.1x^2 + 2y^2: η = %g, ρ = %g', eta, rho)
set key below horizontal Left reverse noopaque nobox samplen 2.5 width 2

lab(name, s) = sprintf('%s (%s)', name, s < 0 ? 'not converged' : sprintf('%d steps', s))
# Gradient descent last: it runs along the floor under Nesterov's path.
plot $contours using 1:2 with lines lc rgb '#c4c4c4' lw 1 notitle, \
     datadir . '/valley-momentum.tsv' using 4:5 with linespoints lt 2 ps 0.4 lw 1.5 \
         title lab('momentum', steps_momentum), \
     datadir . '/valley-nesterov.tsv' using 4:5 with linespoints lt 1 ps 0.5 lw 2.5 \
         title lab('Nesterov', steps_nesterov), \
     datadir . '/valley-gd.tsv' using 4:5 with linespoints lt 3 pt 9 ps 0.5 lw 1.2 \
         title lab('gradient descent', steps_gd), \
     datadir . '/valley-gd.tsv' using 4:5 every ::0::0 with points pt 7 ps 1.6 \
         lc rgb 'black' title 'start', \
     '+' using (0):(0) with points pt 2 ps 1.8 lw 2 lc rgb 'black' title 'minimum'
