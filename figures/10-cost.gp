# 10-cost.gp — Lab 10, section 5: seconds per step against the dimension n,
# Newton (dense Hessian, Cholesky through GSL) and L-BFGS (memory m) on the
# extended Rosenbrock function, log-log, with the fitted power laws.
#
# Data: datadir/cost.tsv (n, newton, lbfgs; NaN where not timed).
# Variables from the lab (-e): newton_slope, newton_c, lbfgs_slope, lbfgs_c
# (fitted log10 t = c + slope log10 n), fit_lo (fitted for n >= fit_lo), m.
load stylefile
set datafile columnheaders
data = datadir . '/cost.tsv'

set logscale xy
set format x '10^{%L}'
set format y '10^{%L}'
set xrange [10:1e4]
set yrange [1e-7:1]
set mxtics 10
set mytics 10
set xlabel 'dimension n'
set ylabel 'seconds per step'
set title 'time per step on extended Rosenbrock' font ',13'
set key top left opaque box samplen 2.5 spacing 1.2

# The fitted lines, over the fit range widened a little, dashed.
newton_fit(n) = n >= fit_lo / 1.5 && n <= 1500 ? 10**newton_c * n**newton_slope : NaN
lbfgs_fit(n) = n >= fit_lo / 1.5 ? 10**lbfgs_c * n**lbfgs_slope : NaN
# Reference power laws n^2 and n^3 through Newton's fitted value at n = 1024.
anchor = 10**newton_c * 1024**newton_slope
ref2(n) = n >= 64 && n <= 2048 ? anchor * (n / 1024.0)**2 : NaN
ref3(n) = n >= 64 && n <= 2048 ? anchor * (n / 1024.0)**3 : NaN
set label 1 'n^3' at 2048, ref3(2048) left offset 0.5, 0 textcolor rgb style_grey
set label 2 'n^2' at 2048, ref2(2048) left offset 0.5, 0 textcolor rgb style_grey
set samples 200
plot ref2(x) with lines lc rgb style_grey lw 1 dt 3 notitle, \
     ref3(x) with lines lc rgb style_grey lw 1 dt 3 notitle, \
     data using 1:2 with linespoints lt 2 pt 7 ps 1.1 \
         title 'Newton: dense H + Cholesky (GSL)', \
     newton_fit(x) with lines lt 2 lw 1.5 dt 2 title sprintf('  fitted slope %.2f', newton_slope), \
     data using 1:3 with linespoints lt 1 pt 5 ps 1.0 title sprintf('L-BFGS, m = %d', m), \
     lbfgs_fit(x) with lines lt 1 lw 1.5 dt 2 title sprintf('  fitted slope %.2f', lbfgs_slope)
