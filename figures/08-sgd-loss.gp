# 08-sgd-loss.gp — Lab 08, part 3: the excess loss L(w) - L* of mini-batch
# SGD after each epoch under each schedule, on a log scale, with the
# predicted floor of the constant rate.
#
# Data (datadir): sgd.tsv (epoch, constant, step, cosine, linear, invsqrt,
# warm_cosine).
# Variables from the lab (-e): T, W, lr0, B, floor (the predicted floor).
load stylefile

data = datadir . '/sgd.tsv'
set datafile columnheaders

set logscale y
set format y '10^{%L}'
set xrange [0:T]
set xlabel 'epoch'
set ylabel 'excess loss L(w) − L^*'
set title sprintf('Mini-batch SGD on noisy least squares (B = %d, α_0 = %g)', B, lr0)
set key below horizontal maxrows 2 Left reverse noopaque nobox width 2 samplen 2.5

array label[6] = ['constant', 'step', 'cosine', 'linear', 'inverse square root', \
                  sprintf('%d-epoch warm-up + cosine', W)]
plot for [k=1:5] data using 1:(logsafe(column(1 + k))) with lines lt k lw 2 title label[k], \
     data using 1:(logsafe($7)) with lines lt 7 lw 1.5 dt (6, 3) title label[6], \
     floor with lines dt 2 lw 1.5 lc rgb style_grey title 'predicted floor at α_0'
