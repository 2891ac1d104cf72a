# 08-schedules.gp — Lab 08, part 2: every learning-rate schedule over T
# epochs (left), and the same behind a linear warm-up (right).
#
# Data (datadir): schedules.tsv (t, constant, step, cosine, linear, invsqrt,
# warm_constant, ..., warm_invsqrt).
# Variables from the lab (-e): T, W (warm-up epochs), lr0, gamma (the step
# schedule's factor).
load stylefile

data = datadir . '/schedules.tsv'
set datafile columnheaders

if (term eq 'png') { set terminal pngcairo size 1500,640 fontscale style_fontscale(1200) }
if (term eq 'svg') { set terminal svg size 1200,520 fontscale style_fontscale(1200) }
if (term eq 'pdf') { set terminal pdfcairo size 9in,4in }
set output outfile

array label[5] = ['constant', sprintf('step (×%g at the milestones)', gamma), 'cosine ½α_0(1 + cos(tπ/T))', \
                  'linear α_0(1 − t/T)', 'inverse square root α_0/√t']
# Two panels side by side and the legend across the bottom, placed by hand.
set multiplot
set xrange [0:T]
set yrange [0:lr0 * 1.08]
set xlabel 'epoch t'
unset key
set margins 10, 3, 3.5, 3
set origin 0, 0.16
set size 0.5, 0.84
set ylabel 'learning rate α_t'
set title 'the schedules'
plot for [k=1:5] data using 1:(column(1 + k)) with steps lt k lw 2.2 notitle
set origin 0.5, 0.16
set title sprintf('the same after a %d-epoch linear warm-up', W)
plot for [k=1:5] data using 1:(column(6 + k)) with steps lt k lw 2.2 notitle
# The legend: a plot with no data in view.
set origin 0, 0
set size 1, 0.14
set margins 0, 0, 0, 0
unset border
unset tics
unset grid
unset xlabel
unset ylabel
unset title
set xrange [-2:-1]
set key center center horizontal maxrows 2 Left reverse noopaque nobox width 3 samplen 2.5
plot for [k=1:5] data using 1:(column(1 + k)) with lines lt k lw 2.2 title label[k]
unset multiplot
