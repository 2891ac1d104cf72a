# 07-radam.gp — Lab 07, section 1: RAdam's rectification r_t (left axis)
# and the length of the moving average rho_t (right axis, log scale) over
# the first steps (log scale), with the first rectified steps for the
# thresholds of PyTorch (5) and of the paper (4).
#
# Data: datadir/radam.tsv (t, rho, r: threshold 5, r_paper: threshold 4).
# Variables from the lab (-e): T, beta2, t_first, t_paper (the first
# rectified steps), thr, thr_paper (the thresholds).
load stylefile

data = datadir . '/radam.tsv'
set datafile columnheaders
set logscale x
set format x '10^{%L}'
set xrange [1:T]
set yrange [0:1.05]
set ylabel 'rectification r_t'
set logscale y2
set format y2 '10^{%L}'
set y2range [0.8:2 / (1 - beta2) * 1.6]
set y2tics
set y2label 'length of the average ρ_t'
set xlabel 'step t'
set key at graph 0.03, graph 0.97 left top Left reverse opaque

# The thresholds on the rho axis, and the first rectified steps.
set arrow 1 from 1, second thr to T, second thr nohead lc rgb style_grey dt 2 lw 1.2 back
set label 1 sprintf('ρ_t = %g', thr) at T * 0.5, second thr * 1.25 right textcolor rgb style_grey
set arrow 2 from t_first, graph 0 to t_first, graph 1 nohead lc rgb '#0072B2' dt (4, 4) lw 1.4 back
# (the first rectified steps are named in the key)
set arrow 3 from 2 / (1 - beta2), graph 0 to 2 / (1 - beta2), graph 1 nohead \
    lc rgb style_grey dt 3 lw 1.2 back
set label 3 '2/(1 − β_2)' at 2 / (1 - beta2) * 0.9, graph 0.08 right textcolor rgb style_grey

# r_t jumps at the first rectified step (drawn as a step) and is smooth after.
plot data using 1:($1 <= t_first ? $3 : NaN) with steps lt 1 lw 2.5 notitle, \
     data using 1:($1 >= t_first ? $3 : NaN) with lines lt 1 lw 2.5 title 'r_t (0: plain momentum step)', \
     data using 1:2 axes x1y2 with lines lt 2 lw 2.5 title sprintf('ρ_t  (ρ_∞ = %g)', 2 / (1 - beta2) - 1), \
     NaN with lines lc rgb '#0072B2' dt (4, 4) lw 1.4 \
         title sprintf('first rectified step: %d (ρ_t > %g), %d (ρ_t > %g)', t_first, thr, t_paper, thr_paper)
