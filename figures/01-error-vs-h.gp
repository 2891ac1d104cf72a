# 01-error-vs-h.gp — Lab 01, part 1: error of forward and central differences
# against the step h (log-log), with the reference slopes 1, 2 and -1 and the
# measured best steps.
#
# Data: datadir/error-vs-h.tsv (h, forward, central: RMS errors).
# Variables from the lab (-e): best_h_forward, best_h_central, min_forward,
# min_central (the best steps and their errors); c_forward, c_central,
# c_roundoff (log10 intercepts of the fitted lines); fit_lo, fit_hi,
# round_lo, round_hi (the fit windows).
load stylefile

data = datadir . '/error-vs-h.tsv'
set datafile columnheaders

set logscale xy
set format x '10^{%L}'
set format y '10^{%L}'
set xrange [1e-16:3]
set yrange [1e-13:1e3]
set xtics 100
set ytics 100
set mxtics 10
set mytics 10
set xlabel 'step h (in units of x)'
set ylabel "RMS error of the derivative estimate"
set key at graph 0.02, graph 0.2 left bottom Left reverse opaque

# Reference lines: the fitted power laws, moved off the data by a factor
# of 30 into empty space (slope 1 above the forward curve, slope 2 below the
# central one, slope -1 above both), each over its fit window widened a
# little, and labelled beside its middle.
away = 30
ref1(x) = (x >= fit_lo / 10 && x <= fit_hi * 3) ? away * 10**c_forward * x : NaN
ref2(x) = (x >= fit_lo / 10 && x <= fit_hi * 3) ? 10**c_central * x**2 / away : NaN
refm(x) = (x >= round_lo / 3 && x <= round_hi * 10) ? away * 10**c_roundoff / x : NaN
mid = sqrt(fit_lo * fit_hi)
rmid = sqrt(round_lo * round_hi)
set label 1 'slope 1' at mid, ref1(mid) right offset -1, 0.6 textcolor rgb style_text
set label 2 'slope 2' at mid, ref2(mid) left offset 1, -0.6 textcolor rgb style_text
set label 3 'slope −1' at rmid, refm(rmid) left offset 1, 0.6 textcolor rgb style_text

# The theory's best steps, sqrt(eps) and eps^(1/3), as ticks on the top edge.
eps = 2.220446049250313e-16
set arrow 6 from eps**0.5, graph 1 to eps**0.5, graph 0.96 nohead lc rgb style_text lw 1.5
set arrow 7 from eps**(1.0/3), graph 1 to eps**(1.0/3), graph 0.96 nohead lc rgb style_text lw 1.5
set label 6 '√ε' at eps**0.5, graph 0.93 center textcolor rgb style_text
set label 7 'ε^{1/3}' at eps**(1.0/3), graph 0.93 center textcolor rgb style_text

# The measured best steps: a dotted drop line and the value.
set arrow 1 from best_h_forward, graph 0 to best_h_forward, min_forward nohead \
    dt (2, 3) lc rgb '#0072B2' lw 1.5
set arrow 2 from best_h_central, graph 0 to best_h_central, min_central nohead \
    dt (2, 3) lc rgb '#D55E00' lw 1.5
# "4.2×10^{-6}": a mantissa and a power of ten.
sci(v) = sprintf('%.1f×10^{%d}', v / 10**floor(log10(v) + 1e-9), floor(log10(v) + 1e-9))
set label 4 'best h ≈ ' . sci(best_h_forward) at best_h_forward, 3e-13 \
    right offset -0.4, 0 textcolor rgb '#0072B2'
set label 5 'best h ≈ ' . sci(best_h_central) at best_h_central, 3e-13 \
    left offset 0.4, 0 textcolor rgb '#D55E00'

set samples 400
plot data using 1:2 with linespoints lt 1 ps 0.45 pi 2 title 'forward difference', \
     data using 1:3 with linespoints lt 2 ps 0.45 pi 2 title 'central difference', \
     ref1(x) with lines lc rgb style_grey lw 1.5 dt 2 notitle, \
     ref2(x) with lines lc rgb style_grey lw 1.5 dt 2 notitle, \
     refm(x) with lines lc rgb style_grey lw 1.5 dt 2 notitle
