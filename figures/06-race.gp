# 06-race.gp — Lab 06: the body shared by the race figures 06-valley,
# 06-ill-conditioned, 06-saddle and 06-rosenbrock, which load it; it is not
# a figure of its own. Top: the five paths over the contour lines of f;
# bottom: f against the step.
#
# Data (datadir): PREFIX-grid.tsv (x, y, z: the contoured value, log-scaled
# when logloss) and PREFIX-METHOD.tsv for METHOD in sgd, momentum, adagrad,
# rmsprop, adam (traces: step, f, gnorm, x1, x2).
# Variables from the lab (-e): prefix, ptitle, xmin, xmax, ymin, ymax (the
# window), xstar, ystar (the point marked), logloss (1: log-scale loss),
# steps, pint (a marker every pint steps); diverged (five words: the step
# at which each method diverged, -1 if it did not), ends (five words: the
# last row of each trace), clipped (1: some iterate is out of view: its
# loss is above four times the start's), fmax (the largest loss in view); root (the source tree: set root='.' too when
# running a race figure by hand, as in style.gp).

set datafile columnheaders
method = 'sgd momentum adagrad rmsprop adam'
trace(i) = datadir . '/' . prefix . '-' . word(method, i) . '.tsv'
if (!exists("diverged")) diverged = '-1 -1 -1 -1 -1'
if (!exists("ends")) ends = sprintf('%d %d %d %d %d', steps, steps, steps, steps, steps)
if (!exists("clipped")) clipped = 0
name(i) = i == 1 ? 'SGD' : i == 2 ? 'SGD + momentum' : i == 3 ? 'AdaGrad' : \
          i == 4 ? 'RMSProp' : 'Adam'
div(i) = int(word(diverged, i))
last(i) = int(word(ends, i))
label(i) = div(i) >= 0 ? name(i) . ' *' : name(i)
# Under the key, for the runs that diverged: '* diverged at step', then one
# line per run.
divnote = '* diverged at step:'
ndiv = 0
do for [i=1:5] { if (div(i) >= 0) { divnote = divnote . sprintf("\n   %s: %d", name(i), div(i)); ndiv = ndiv + 1 } }

# Contour lines of the grid into a datablock.
set view map
set contour base
unset surface
set cntrparam linear levels auto 16
set table $contours
splot datadir . '/' . prefix . '-grid.tsv' using 1:2:3 notitle
unset table
unset contour
unset view

set multiplot

# --- Top: the paths, equal units on both axes, key on the right ---------------
# The panel spans screen x 0.10-0.74 and y 0.42-0.92, 1.83 times wider than
# high on every terminal; the lab sends a window of that shape (so the grid
# covers it), and the window is widened here too should it not be.
L = 0.10; R = 0.74; B = 0.42; T = 0.92
canvas = term eq 'svg' ? 800.0 / 560 : (term eq 'pdf' ? 5.0 / 3.5 : 1000.0 / 700)
aspect = (R - L) * canvas / (T - B)
xc = (xmin + xmax) / 2.0; yc = (ymin + ymax) / 2.0
w = xmax - xmin; h = ymax - ymin
if (w < aspect * h) { w = aspect * h } else { h = w / aspect }
set lmargin at screen L
set rmargin at screen R
set tmargin at screen T
set bmargin at screen B
set title ptitle offset 0, -0.3
set xrange [xc - w / 2:xc + w / 2]
set yrange [yc - h / 2:yc + h / 2]
set size ratio -1
set xlabel 'x_1' offset 0, 0.5
set ylabel 'x_2' offset 1, 0
unset grid
set key at screen 0.755, screen T left top Left reverse opaque box samplen 2 spacing 1.15 width -2
if (ndiv > 0) {
    set label 20 divnote at screen 0.765, screen B + 0.01 + 0.034 * ndiv left front textcolor rgb style_text
}
plot $contours using 1:2 with lines lc rgb style_grey lw 0.8 notitle, \
     for [i=1:5] trace(i) using 4:5 with linespoints lt i lw 1.8 ps 0.7 pi pint title label(i), \
     for [i=1:5] trace(i) every ::last(i)::last(i) using 4:5 with points lt i pt 7 ps 1.4 notitle, \
     NaN with points pt 7 ps 1.4 lc rgb style_grey title 'end of a path', \
     trace(1) every ::0::0 using 4:5 with points pt 7 ps 1.6 lc rgb 'black' title 'start', \
     '+' using (xstar):(ystar) every ::0::0 with points pt 3 ps 2.2 lw 2 lc rgb 'black' \
         title (prefix eq 'saddle' ? 'saddle point' : 'minimum')

# --- Bottom: the loss against the step ------------------------------------------
unset title
unset label 20
set size noratio
set tmargin at screen 0.33
set bmargin at screen 0.095
set rmargin at screen 0.97
set lmargin at screen L
set xrange [0:steps]
set autoscale y
set xlabel 'step' offset 0, 0.5
set grid back ls 100, ls 100
unset key
# A run out of view leaves through the top: the range ends above the others'.
if (logloss) {
    set logscale y
    set format y '10^{%L}'
    set ylabel 'f (log scale)' offset 1, 0
    set mytics 1
    if (clipped) { set yrange [*:10 * fmax] }
    plot for [i=1:5] trace(i) using 1:(logsafe($2)) with lines lt i lw 2 notitle
} else {
    set ylabel 'f' offset 1, 0
    set yrange [-3:*]
    if (clipped) { set yrange [-3:fmax + 0.1 * abs(fmax) + 0.1] }
    plot for [i=1:5] trace(i) using 1:2 with lines lt i lw 2 notitle
}

unset multiplot
