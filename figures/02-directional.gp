# 02-directional.gp — Lab 02, part 3: the directional derivative v^T g for
# unit vectors v = (cos phi, sin phi), with the slope of f measured along
# each v by a central difference, and the steepest direction marked.
#
# Data: datadir/directional.tsv (angle in degrees, dot, slope).
# Variables from the lab (-e): gnorm (||g||), angle_g (the angle phi_g of g,
# degrees).
load stylefile

data = datadir . '/directional.tsv'

angle_sd = angle_g + 180 > 360 ? angle_g - 180 : angle_g + 180
set xrange [0:360]
set yrange [-1.35 * gnorm:1.6 * gnorm]
set xtics 45
set xlabel 'angle φ of the unit direction v (degrees)'
set ylabel 'directional derivative v^T g'
set key top right Left reverse opaque

set arrow 1 from graph 0, first 0 to graph 1, first 0 nohead lc rgb style_grey lw 1 back
# Drop lines from the two extremes to the angle axis, and their values.
set arrow 2 from angle_g, graph 0 to angle_g, first gnorm nohead dt 3 lc rgb style_grey lw 1.5
set arrow 3 from angle_sd, graph 0 to angle_sd, first -gnorm nohead dt 3 lc rgb '#D55E00' lw 1.5
set label 1 sprintf('v = g/||g||:  v^T g = ||g|| = %.2f', gnorm) at angle_g, first gnorm \
    left offset 1, 1.1 textcolor rgb style_text
set label 2 sprintf('v = −g/||g||:  v^T g = −||g|| = %.2f', -gnorm) at angle_sd, first -gnorm \
    left offset 1, -1.3 textcolor rgb '#D55E00'
set label 3 sprintf('φ_g = %.1f°', angle_g) at angle_g, graph 0 left offset 0.5, 0.8 textcolor rgb style_grey
set label 4 sprintf('φ_g + 180°') at angle_sd, graph 0 left offset 0.5, 0.8 textcolor rgb '#D55E00'

plot data using 1:2 with lines lt 1 title 'v^T g = ||g|| cos(φ − φ_g)', \
     data using 1:3 every 10 with points lt 2 pt 6 ps 1.1 title 'slope of f along v (central difference)', \
     '+' using (angle_sd):(-gnorm) every ::0::0 with points pt 7 ps 1.6 lc rgb '#D55E00' notitle
