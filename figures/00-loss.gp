# 00-loss.gp — lab 00: the loss f(x_k) against the step k, one line per
# method (log scale when every f > 0).
# Data (datadir): one trace per method. Variables from lab00: n, file[n],
# label[n], logy.
load stylefile

set datafile columnheaders
if (logy) {
    set logscale y
    set format y '10^{%L}'
    set ylabel 'f(x_k), log scale'
} else {
    set ylabel 'f(x_k)'
}
set xlabel 'step k'
set title 'Loss against step'
set key top right
set xrange [0:*]

plot for [i=1:n] datadir . '/' . file[i] using 1:(logy ? logsafe($2) : $2) with lines lt i title label[i] noenhanced
