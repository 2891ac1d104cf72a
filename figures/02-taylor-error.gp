# 02-taylor-error.gp — Lab 02, part 2: error of the linear and quadratic
# Taylor models against the step length t (log-log), with the fitted
# slopes 2 and 3 drawn beside the data.
#
# Data: datadir/taylor-error.tsv (t, f, linear, quadratic, error_linear,
# error_quadratic).
# Variables from the lab (-e): c_linear, c_quadratic (log10 intercepts of
# the fitted lines; NaN when a fit failed), fit_lo, fit_hi (the fit window).
load stylefile

data = datadir . '/taylor-error.tsv'
set datafile columnheaders

set logscale xy
set format x '10^{%L}'
set format y '10^{%L}'
set xlabel 'step length t  (the step is t d, ||d|| = 1)'
set ylabel '|f(x_0 + t d) - model|'
set key bottom right Left reverse opaque

# The fitted power laws, shifted off the data by a factor `away`, over the
# fit window widened a little.
away = 20
ref2(x) = (x >= fit_lo / 2 && x <= fit_hi * 5) ? away * 10**c_linear * x**2 : NaN
ref3(x) = (x >= fit_lo / 2 && x <= fit_hi * 5) ? 10**c_quadratic * x**3 / away : NaN
mid = sqrt(fit_lo * fit_hi)
# (NaN when a fit failed: a model that is exact has no error to fit.)
if (c_linear == c_linear) {
    set label 1 'slope 2' at mid, ref2(mid) right offset -1, 0.8 textcolor rgb style_text
}
if (c_quadratic == c_quadratic) {
    set label 2 'slope 3' at mid, ref3(mid) left offset 1, -0.8 textcolor rgb style_text
}

# Errors that are exactly 0 (a model that is exact) sit on the floor at
# 1e-17, below anything rounding can resolve.
shown(e) = e > 0 ? e : 1e-17
set samples 400
cmd = "plot data using 1:(shown($5)) with linespoints lt 1 ps 0.7 title 'linear model  f + g^T Δ', " . \
      "data using 1:(shown($6)) with linespoints lt 2 ps 0.7 title 'quadratic model  + ½ Δ^T H Δ'"
if (c_linear == c_linear) {
    cmd = cmd . ", ref2(x) with lines lc rgb style_grey lw 1.5 dt 2 notitle"
}
if (c_quadratic == c_quadratic) {
    cmd = cmd . ", ref3(x) with lines lc rgb style_grey lw 1.5 dt 2 notitle"
}
eval cmd
