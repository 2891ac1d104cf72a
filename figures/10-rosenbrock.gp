# 10-rosenbrock.gp — Lab 10, section 3: gradient descent, Newton and L-BFGS
# on Rosenbrock's function from the same start. Left: the paths over the
# contour lines of f; right: the error ||x_k - (1, 1)|| against the
# iteration, on a log scale.
#
# Data: datadir/rosenbrock-{gd,newton,lbfgs}.tsv (traces: step, f, gnorm,
# x1, x2, after `# key=value` lines).
# Variables from the lab (-e): gd_steps, gd_error (gradient descent's
# steps and final error); ax, bx, ay, by (the window of the left panel);
# x0, y0 (the start), m (L-BFGS's memory).
load stylefile

# Two panels side by side want a wide page: the style's terminal, wider.
if (term eq 'pdf') {
    set terminal pdfcairo enhanced color rounded size 7in,3.8in font style_font . ",10" linewidth 1
} else {
    if (term eq 'svg') {
        set terminal svg enhanced rounded size 1120,608 dynamic font style_font . ",12" fontscale style_fontscale(1120) \
            linewidth 1 background rgb 'white'
    } else {
        set terminal pngcairo enhanced color rounded size 1400,760 font style_font . ",13" fontscale style_fontscale(1120) \
            linewidth 1.4 background rgb 'white'
    }
}
set output outfile
set datafile columnheaders

file(m) = datadir . '/rosenbrock-' . m . '.tsv'
rosen(x, y) = 100 * (y - x * x)**2 + (1 - x)**2
err(x, y) = sqrt((x - 1)**2 + (y - 1)**2)
shown(e) = e > 1e-16 ? e : 1e-16         # an exact hit is drawn on the bottom edge

# Contour lines of f at 0.25, 1, 4, ... (factors of 4) into a datablock.
set view map
set contour base
unset surface
set isosamples 160, 160
set samples 160, 160
set xrange [ax:bx]
set yrange [ay:by]
set cntrparam levels discrete 0.0625, 0.25, 1, 4, 16, 64, 256
set table $contours
splot rosen(x, y) notitle
unset table
unset contour
unset view

# Two panels, and one key for both under them.
set multiplot layout 1, 2 margins 0.08, 0.98, 0.3, 0.92 spacing 0.1, 0
unset key

# --- Left: the paths ---------------------------------------------------------------
set title sprintf('paths from (%g, %g)', x0, y0) font ',13'
set xlabel 'x_1'
set ylabel 'x_2'
unset grid
plot $contours using 1:2 with lines lc rgb style_light lw 1 notitle, \
     file('gd') using 4:5 with lines lt 3 lw 4 notitle, \
     file('gd') every ::gd_steps::gd_steps using 4:5 with points lt 3 pt 7 ps 2 notitle, \
     file('newton') using 4:5 with linespoints lt 2 lw 2 pt 7 ps 0.6 notitle, \
     file('lbfgs') using 4:5 with linespoints lt 1 lw 2 pt 5 ps 0.55 notitle, \
     file('gd') every ::0::0 using 4:5 with points pt 7 ps 1.6 lc rgb 'black' notitle, \
     '+' using (1):(1) every ::0::0 with points pt 3 ps 2.2 lw 2 lc rgb 'black' notitle

# --- Right: the error against the iteration, both axes logarithmic -------------------
set title 'error ‖x_k − x^*‖' font ',13'
set logscale xy
set xrange [1:3000]
set yrange [1e-16:30]
set format x '10^{%L}'
set format y '10^{%L}'
set ytics 1e-16, 100, 1
set mytics 1
set mxtics 10
set xlabel 'iteration k (log scale)'
set ylabel 'error (log scale)'
set grid back ls 100, ls 100
set key at screen 0.5, screen 0.01 center bottom horizontal maxrows 1 Left reverse noopaque nobox \
    samplen 2 width 2
set label 1 sprintf("gradient descent:\nerror %.2g\nafter %d steps", gd_error, gd_steps) \
    at graph 0.97, graph 0.82 right textcolor rgb '#009E73'
plot file('gd') using 1:(shown(err($4, $5))) with lines lt 3 lw 2.5 title sprintf('gradient descent (%d steps)', gd_steps), \
     file('newton') using 1:(shown(err($4, $5))) with linespoints lt 2 lw 2 pt 7 ps 0.6 title 'Newton (modified, damped)', \
     file('lbfgs') using 1:(shown(err($4, $5))) with linespoints lt 1 lw 2 pt 5 ps 0.55 title sprintf('L-BFGS (m = %d)', m)
unset multiplot
