# 04-bowl-paths.gp — Lab 04, part 1: momentum on 4 x1^2 + x2^2, one panel
# per momentum alpha, each on the same contour lines.
#
# Data (datadir): bowl-grid.tsv (x, y, f, sqrt_f on a lattice) and
# bowl-path-<i>.tsv (traces: step, f, gnorm, x1, x2), i = 1 .. n.
# Variables from the lab (-e): n, R (the panels show [-R, R]^2), alpha[i]
# and steps[i] (steps to f <= tol, -1 when the run did not get there).
load stylefile

set datafile columnheaders
grid = datadir . '/bowl-grid.tsv'

# Contour lines of sqrt(f) (evenly spaced ellipses) into a datablock.
set view map
set contour base
unset surface
set cntrparam linear levels incremental 0.6, 0.6, 20
set table $contours
splot grid using 1:2:4 notitle
unset table
unset contour

if (term eq 'png') { set terminal pngcairo size 1500,680 fontscale style_fontscale(1200) }
if (term eq 'svg') { set terminal svg size 1200,544 fontscale style_fontscale(1200) }
if (term eq 'pdf') { set terminal pdfcairo size 9in,3.8in }
set output outfile

set multiplot layout 1, n margins 0.06, 0.98, 0.15, 0.78 spacing 0.05, 0 \
    title 'Momentum on f = 4x_1^2 + x_2^2: the same start, the same learning rate'
set xrange [-R:R]
set yrange [-R:R]
set size ratio -1
unset grid
unset key
set xlabel 'x_1'
set format y '%g'
do for [i=1:n] {
    if (i == 1) { set ylabel 'x_2' } else { unset ylabel; set format y '' }
    s = steps[i] < 0 ? 'not converged' : sprintf('%d steps to f ≤ tol', steps[i])
    set title sprintf("α = %g%s\n%s", alpha[i], alpha[i] == 0 ? ' (gradient descent)' : '', s)
    path = datadir . '/bowl-path-' . i . '.tsv'
    plot $contours using 1:2 with lines lc rgb '#c4c4c4' lw 1 notitle, \
         path using 4:5 with linespoints lt i ps 0.55 lw 1.6 notitle, \
         path using 4:5 every ::0::0 with points pt 7 ps 1.6 lc rgb 'black' notitle, \
         '+' using (0):(0) with points pt 2 ps 1.8 lw 2 lc rgb 'black' notitle
}
unset multiplot
