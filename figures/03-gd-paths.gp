# 03-gd-paths.gp — Lab 03, part 1: one panel per quadratic x^T A x, with
# its contour lines and the gradient-descent path (or, when loaded by
# 03-cd-paths.gp with method = 'cd', the coordinate-descent path).
#
# Data: datadir/gd-path-K.tsv (or cd-path-K.tsv), K = 1..n: traces (step,
# f, gnorm, x1, x2) after `# key=value` lines.
# Variables from the lab (-e): n; a11[K], a12[K], a22[K] (A's entries);
# ttl[K] (the panel's title); gdn[K], cdn[K] (steps of each run); lim (the
# window is [-lim, lim]^2); eta (gradient descent's learning rate).
if (!exists("method")) method = 'gd'
load stylefile

# Three square panels side by side want a wide page: the style's terminal
# again (same font and line width), only wider and less tall.
if (term eq 'pdf') {
    set terminal pdfcairo enhanced color rounded size 7in,2.9in font style_font . ",10" linewidth 1
} else {
    if (term eq 'svg') {
        set terminal svg enhanced rounded size 1120,470 dynamic font style_font . ",12" fontscale style_fontscale(1120) \
            linewidth 1 background rgb 'white'
    } else {
        set terminal pngcairo enhanced color rounded size 1400,580 font style_font . ",13" fontscale style_fontscale(1120) \
            linewidth 1.4 background rgb 'white'
    }
}
set output outfile

set datafile columnheaders
fq(x, y, k) = a11[k] * x * x + 2 * a12[k] * x * y + a22[k] * y * y

# Contour lines of log f, evenly spaced, per quadratic, into datablocks.
set view map
set contour base
unset surface
set isosamples 70, 70
set samples 70, 70
set xrange [-lim:lim]
set yrange [-lim:lim]
set cntrparam levels incremental -6, 0.5, 4
do for [k=1:n] {
    eval sprintf('set table $c%d', k)
    splot log(fq(x, y, k) + 1e-300) notitle
    unset table
}
unset contour

if (method eq 'gd') {
    heading = sprintf('gradient descent, η = %g: the same start relative to each bowl', eta)
    col = 1
} else {
    heading = 'coordinate descent (exact minimization along x_1, then x_2, ...)'
    col = 2
}
set multiplot layout 1, n title heading font ',15' textcolor rgb style_text
set size ratio -1
unset grid
set xtics lim > 2 ? 1 : 0.5
set ytics lim > 2 ? 1 : 0.5
set xlabel 'x_1'
set ylabel 'x_2'
unset key
do for [k=1:n] {
    steps = method eq 'gd' ? gdn[k] : cdn[k]
    set title sprintf("%s\n%d %s", ttl[k], steps, method eq 'gd' ? 'steps' : 'updates') font ',12'
    file = sprintf('%s/%s-path-%d.tsv', datadir, method, k)
    # A datablock cannot be named by a string expression: build the command.
    eval sprintf("plot $c%d using 1:2 with lines lc rgb style_grey lw 0.8, \\
         file using 4:5 with linespoints lt col lw 1.6 pt 7 ps 0.45, \\
         file using 4:5 every ::0::0 with points pt 7 ps 1.3 lc rgb 'black', \\
         '+' using (0):(0) every ::0::0 with points pt 3 ps 1.6 lc rgb 'black'", k)
}
unset multiplot
