# 02-saddle.gp — Lab 02, part 4: the saddle f = x^2 - y^2. Left, the
# surface with its two principal curves (along x it curves up, along y
# down); right, its contour lines with the descent directions -grad f.
#
# Data: datadir/saddle-grid.tsv (x, y, f on a grid; rows of constant x
# separated by blank lines).
# Variables from the lab (-e): r (the grid is [-r, r]^2).
load stylefile

data = datadir . '/saddle-grid.tsv'
set datafile columnheaders

# A muted diverging palette: negative (the ridge's sides) blue, positive
# (the valley's sides) orange.
set palette defined (0 '#5b93c6', 0.5 '#f4f4f4', 1 '#e39a55')
set cbrange [-r*r:r*r]
unset colorbox

# The contour lines, computed once into a datablock for the map.
set contour base
unset surface
set cntrparam levels incremental -r*r, r*r / 4, r*r
set table $contours
splot data using 1:2:3 notitle
unset table
unset contour
set surface

set multiplot title 'the saddle f = x^2 − y^2: a stationary point that is not a minimum' \
    font ',14' textcolor rgb style_text

# ---- Left: the surface ---------------------------------------------------------------
set origin 0, 0
set size 0.56, 0.94
set view 58, 32, 1.05, 1.1
set xyplane relative 0
set xrange [-r:r]
set yrange [-r:r]
set zrange [-r*r:r*r]
set xlabel 'x' offset 0, -0.5
set ylabel 'y' offset 0.5, -0.5
set zlabel 'f' offset 1, 0
set border 4095 lc rgb '#999999'
set xtics r / 2 offset 0, -0.3
set ytics r / 2
set ztics r * r / 2
unset grid
set pm3d depthorder border lc rgb '#a0a0a0' lw 0.4
set key at screen 0.03, screen 0.9 left top Left reverse noopaque nobox samplen 1.8
splot data every 4:4 using 1:2:3 with pm3d notitle, \
      NaN with lines lt 2 lw 4 title 'along x: x^2 (eigenvalue +2)', \
      NaN with lines lt 1 lw 4 title 'along y: −y^2 (eigenvalue −2)'
# pm3d draws its depth-sorted surface last, over every line: the two curves
# go on top in a second, transparent plot with the same frame. From here on
# the plots sample '+' and '++', which have no header line to skip (the
# table's header is skipped anyway, as a line that is not numbers).
set datafile nocolumnheaders
unset border
unset tics
unset xlabel
unset ylabel
unset zlabel
unset title
splot [t=-r:r] '+' using (t):(0):(t*t) with lines lt 2 lw 4 notitle, \
      [t=-r:r] '+' using (0):(t):(-t*t) with lines lt 1 lw 4 notitle, \
      '+' using (0):(0):(0) every ::0::0 with points pt 7 ps 1.5 lc rgb 'black' notitle

# ---- Right: contours and descent directions ----------------------------------------------
set origin 0.56, 0.06
set size 0.44, 0.84
set view map
set size ratio -1
set tics
set xtics r / 2 offset 0, 0
set ytics r / 2
set xlabel 'x' offset 0, 0
set ylabel 'y' offset 0, 0
set border 3 lc rgb '#555555'
set tics nomirror
set key below horizontal Left reverse noopaque nobox samplen 1.5
s = 0.08           # arrow length per unit of gradient
set samples 9
set isosamples 9
set urange [-r:r]      # '++' samples u and v, not x and y
set vrange [-r:r]
set style fill solid 1
plot data using 1:2:3 with image notitle, \
     $contours using 1:2 with lines lc rgb style_grey lw 0.8 notitle, \
     [t=-0.999*r:0.999*r] '+' using (t):(0) with lines lt 2 lw 3 notitle, \
     [t=-0.999*r:0.999*r] '+' using (0):(t) with lines lt 1 lw 3 notitle, \
     '++' using 1:2:(-2 * $1 * s):(2 * $2 * s) with vectors head filled size 0.06, 20 \
         lc rgb '#333333' lw 1.2 title '−∇f (descent direction)', \
     '+' using (0):(0) every ::0::0 with points pt 7 ps 1.5 lc rgb 'black' title 'g = 0'
unset multiplot
