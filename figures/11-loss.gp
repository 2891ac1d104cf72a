# 11-loss.gp — Lab 11, part 6: the relative loss gap (L_k - L*)/(L_0 - L*)
# of gradient descent with the best fixed step against the step, for the
# raw, scaled-only, centred-only, standardized and whitened features (log
# y), with the predicted rho^(2k), rho = (kappa - 1)/(kappa + 1). Left: every
# step; right: the first steps, where the fast runs finish.
#
# Data: datadir/loss-gap.tsv (step, raw, scaled, centred, standardized,
# whitened; NaN after a run has stopped).
# Variables from the lab (-e): ncases; arrays rate[k] and steps[k] over the
# five cases in that order (also g11, g12, g22, b1, b2, unused here); tol.
load stylefile

# Two panels side by side: the style's terminal, wider.
if (term eq 'pdf') {
    set terminal pdfcairo enhanced color rounded size 7.5in,4in font style_font . ",10" linewidth 1
} else {
    if (term eq 'svg') {
        set terminal svg enhanced rounded size 1200,640 dynamic font style_font . ",12" fontscale style_fontscale(1200) \
            linewidth 1 background rgb 'white'
    } else {
        set terminal pngcairo enhanced color rounded size 1500,800 font style_font . ",13" fontscale style_fontscale(1200) \
            linewidth 1.4 background rgb 'white'
    }
}
set output outfile

data = datadir . '/loss-gap.tsv'
set datafile columnheaders

array ttl[5] = ['raw', 'scaled only', 'centred only', 'standardized', 'whitened (ZCA)']
array width[5] = [6, 2, 2.5, 2.5, 2.5]     # raw and scaled coincide: raw drawn wide, below
# The predicted gap rho^(2k), up to each run's last step.
pred(x, k) = x <= steps[k] ? rate[k]**(2 * x) : NaN
# The stopping test ||g|| <= tol ||g0|| is the gap <= tol^2 in two dimensions.
stopline = tol**2

set logscale y
set format y '10^{%L}'
set yrange [1e-14:3]
set ytics 100
set mytics 10
set ylabel '(L(β_k) − L^*) / (L(β_0) − L^*)'
set arrow 1 from graph 0, first stopline to graph 1, first stopline nohead \
    lc rgb style_grey dt 2 lw 1.2 back

# Two panels side by side, and the key in a strip under both.
set multiplot
set tmargin at screen 0.93
set bmargin at screen 0.31

# Left: every step.
set lmargin at screen 0.095
set rmargin at screen 0.525
set size noratio
set xrange [0:steps[1] * 1.04]
set xlabel 'step k'
unset key
set title 'every step' font ',13'
set label 1 sprintf('stop: ||g|| ≤ 10^{%d} ||g_0||', floor(log10(tol) + 0.5)) \
    at graph 0.5, first stopline * 10 center textcolor rgb style_text
set samples 1500
plot for [k=1:5] data using 1:(logsafe(column(k + 1))) with lines lt k lw width[k] notitle, \
     for [k=1:4] pred(x, k) with lines lc rgb 'black' dt (3, 4) lw 1 notitle

# Right: the first steps.
unset label 1
unset ylabel
set lmargin at screen 0.595
set rmargin at screen 0.98
set xrange [0:25]
set xtics 5
set title 'the first 25 steps' font ',13'
set samples 26
plot for [k=1:5] data using 1:(logsafe(column(k + 1))) with linespoints lt k lw width[k] ps 0.7 notitle, \
     for [k=1:4] pred(x, k) with lines lc rgb 'black' dt (3, 4) lw 1 notitle

# The key, in two columns under the panels.
set lmargin at screen 0.03
set rmargin at screen 0.98
set tmargin at screen 0.17
set bmargin at screen 0.0
unset border
unset tics
unset grid
unset xlabel
unset title
unset arrow 1
unset logscale y
set xrange [0:1]
set yrange [0:1]
set key center center horizontal maxrows 3 Left reverse noopaque nobox samplen 2.5 spacing 1.1 width 2
plot for [k=1:5] NaN with lines lt k lw width[k] \
         title sprintf('%s: κ = %.3g, %d %s', ttl[k], (1 + rate[k]) / (1 - rate[k]), steps[k], \
                       steps[k] == 1 ? 'step' : 'steps'), \
     NaN with lines lc rgb 'black' dt (3, 4) lw 1 title 'predicted ρ^{2k}, ρ = (κ−1)/(κ+1)'
unset multiplot
