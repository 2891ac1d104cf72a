# 03-iterations-vs-kappa.gp — Lab 03, part 2: iterations to reduce ||g||
# by 1/tol against the condition number kappa (log-log), for gradient
# descent at the best and the safe step and for coordinate descent, each
# with its predicted count.
#
# Data: datadir/kappa-sweep.tsv (kappa, gd_best, gd_best_predicted,
# gd_safe, gd_safe_predicted, cd, cd_predicted).
# Variables from the lab (-e): tol.
load stylefile

data = datadir . '/kappa-sweep.tsv'
set datafile columnheaders

set logscale xy
set xrange [0.8:1500]
set yrange [0.8:2e4]
set format x '%g'
set format y '%g'
set xlabel 'condition number κ = λ_{max} / λ_{min}'
set ylabel 'iterations until ||g|| ≤ ' . gprintf('10^{%T}', tol) . ' ||g_0||'
set key top left Left reverse opaque

# A line of slope 1 (iterations proportional to kappa), below the data.
ref(k) = k >= 8 && k <= 1024 ? 1.2 * k : NaN
set label 1 'slope 1: ∝ κ' at 90, ref(90) left offset 0.5, -0.9 textcolor rgb style_grey

plot ref(x) with lines lc rgb style_grey dt 2 lw 1.5 notitle, \
     data using 1:3 with lines lt 1 lw 1.2 notitle, \
     data using 1:2 with points lt 1 pt 7 ps 1.2 title 'gradient descent, η = 2/(λ_{min} + λ_{max})', \
     data using 1:5 with lines lt 2 lw 1.2 notitle, \
     data using 1:4 with points lt 2 pt 5 ps 1.1 title 'gradient descent, η = 1/λ_{max}', \
     data using 1:7 with lines lt 3 lw 1.2 notitle, \
     data using 1:6 with points lt 3 pt 9 ps 1.3 title 'coordinate descent (updates), θ = 45°', \
     NaN with lines lc rgb '#555555' lw 1.2 title 'lines: the predicted counts'
