# 00-paths.gp — lab 00: contour lines of a 2-D objective with every
# method's path.
# Data (datadir): grid.tsv (x, y, f, z on a lattice, z = the contoured
# value: log10(f - fmin + delta) when zlog, else f) and one trace per
# method. Variables from lab00: n, file[n], label[n], pint[n] (a marker
# every pint steps), xmin, xmax, ymin, ymax, zlog, objname.
load stylefile

set datafile columnheaders
grid = datadir . '/grid.tsv'

# Contour lines of z into a datablock, then a flat 2-D plot.
set view map
set contour base
unset surface
set cntrparam linear levels auto 14
set table $contours
splot grid using 1:2:4 notitle
unset table
unset contour

set xrange [xmin:xmax]
set yrange [ymin:ymax]
set size ratio -1
set xlabel 'x_1'
set ylabel 'x_2'
set title sprintf('%s: paths from the same start%s', objname, zlog ? ' (contours log-spaced)' : '') noenhanced
# Below the plot: the paths may go anywhere in the window.
set key below horizontal Left reverse noopaque nobox samplen 2.5 width 2
unset grid

plot grid using 1:2:4 with image notitle, \
     $contours using 1:2 with lines lc rgb style_grey lw 0.7 notitle, \
     for [i=1:n] datadir . '/' . file[i] using 4:5 with linespoints lt i pi pint[i] \
         title label[i] noenhanced, \
     datadir . '/' . file[1] using 4:5 every ::0::0 with points pt 7 ps 1.8 lc rgb 'black' \
         title 'start'
