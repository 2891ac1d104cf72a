# 11-contours.gp — Lab 11, part 6: contours of the least-squares loss and
# the gradient-descent path with the best fixed step, for the raw, the
# standardized and the whitened features, one panel each, in each case's
# own coordinates (equal scales on both axes).
#
# Data: datadir/path-raw.tsv, path-standardized.tsv, path-whitened.tsv
# (traces: step, f, gnorm, x1, x2, after `# key=value` lines).
# Variables from the lab (-e), arrays over the cases 1 raw, 2 scaled,
# 3 centred, 4 standardized, 5 whitened: g11, g12, g22 (G = X^T X / n),
# b1, b2 (the minimizer), rate ((kappa - 1)/(kappa + 1)), steps.
load stylefile

# Three square panels side by side want a wide page: the style's terminal
# again (same font and line width), only wider and less tall.
if (term eq 'pdf') {
    set terminal pdfcairo enhanced color rounded size 7in,3in font style_font . ",10" linewidth 1
} else {
    if (term eq 'svg') {
        set terminal svg enhanced rounded size 1120,480 dynamic font style_font . ",12" fontscale style_fontscale(1120) \
            linewidth 1 background rgb 'white'
    } else {
        set terminal pngcairo enhanced color rounded size 1400,600 font style_font . ",13" fontscale style_fontscale(1120) \
            linewidth 1.4 background rgb 'white'
    }
}
set output outfile
set datafile columnheaders

array panel[3] = [1, 4, 5]
array name[3] = ['raw', 'standardized', 'whitened']
array ttl[3] = ['raw features', 'standardized', 'whitened (ZCA)']
array coord[3] = ['β', 'w', 'u']
# Lighter tints of linetypes 1-3 for the segments between iterates.
# (The short runs keep their full colour.)
array light[3] = ['#a6c8e4', '#D55E00', '#009E73']
array seglw[3] = [0.6, 1.2, 1.2]
# L - L* = (b - b*)^T G (b - b*), case k.
gap(x, y, k) = g11[k] * (x - b1[k])**2 + 2 * g12[k] * (x - b1[k]) * (y - b2[k]) \
             + g22[k] * (y - b2[k])**2

# Each panel's window: the path and the minimizer, padded, as a square
# (centred on the data) so that the three panels have the same size.
array xlo[3]; array xhi[3]; array ylo[3]; array yhi[3]
do for [i=1:3] {
    k = panel[i]
    stats sprintf('%s/path-%s.tsv', datadir, name[i]) using 4:5 nooutput
    x0 = STATS_min_x < b1[k] ? STATS_min_x : b1[k]
    x1 = STATS_max_x > b1[k] ? STATS_max_x : b1[k]
    y0 = STATS_min_y < b2[k] ? STATS_min_y : b2[k]
    y1 = STATS_max_y > b2[k] ? STATS_max_y : b2[k]
    half = 0.6 * ((x1 - x0) > (y1 - y0) ? (x1 - x0) : (y1 - y0))
    xlo[i] = (x0 + x1) / 2 - half; xhi[i] = (x0 + x1) / 2 + half
    ylo[i] = (y0 + y1) / 2 - half; yhi[i] = (y0 + y1) / 2 + half
}

# Contour lines of log10(L - L*), two per decade, into one datablock per panel.
set view map
set contour base
unset surface
set isosamples 120, 120
set samples 120, 120
set cntrparam levels incremental -8, 0.5, 6
do for [i=1:3] {
    k = panel[i]
    set xrange [xlo[i]:xhi[i]]
    set yrange [ylo[i]:yhi[i]]
    eval sprintf('set table $c%d', i)
    splot log10(gap(x, y, k) + 1e-300) notitle
    unset table
}
unset contour

set multiplot layout 1, 3 margins 0.09, 0.99, 0.22, 0.80 spacing 0.085, 0 \
    title 'Gradient descent with the best fixed step 2/(λ_{min} + λ_{max}) on the same data' \
    font ',15' textcolor rgb style_text
set size ratio -1
unset grid
unset key
do for [i=1:3] {
    k = panel[i]
    set xrange [xlo[i]:xhi[i]]
    set yrange [ylo[i]:yhi[i]]
    set xlabel coord[i] . '_1'
    set ylabel coord[i] . '_2'
    kappa = (1 + rate[k]) / (1 - rate[k])
    set title sprintf("%s: κ = %.3g\n%d %s", ttl[i], kappa, steps[k], steps[k] == 1 ? 'step' : 'steps') \
        font ',12'
    file = sprintf('%s/path-%s.tsv', datadir, name[i])
    if (i == 3) {   # bottom right, clear of the path; the contours are named under the panels
        set key bottom right opaque Left reverse samplen 0.8
        set label 1 'grey lines: L − L^* = 10^{k/2}' at screen 0.99, screen 0.03 right \
            textcolor rgb style_text
    } else { unset key }
    # Every step as a thin light segment, every iterate as a dot on top: a
    # long run's bounces fill a band, and its iterates line up along them.
    eval sprintf("plot $c%d using 1:2 with lines lc rgb style_grey lw 0.7 notitle, \\
         file using 4:5 with lines lc rgb light[i] lw seglw[i] notitle, \\
         file using 4:5 with points lt %d pt 7 ps 0.35 notitle, \\
         file using 4:5 every ::0::0 with points pt 7 ps 1.3 lc rgb 'black' notitle, \\
         '+' using (b1[k]):(b2[k]) every ::0::0 with points pt 3 ps 2 lw 2 lc rgb 'black' notitle, \\
         NaN with points pt 7 ps 1.3 lc rgb 'black' title 'start', \\
         NaN with points pt 3 ps 2 lw 2 lc rgb 'black' title 'minimum'", \
         i, i)
}
unset multiplot
