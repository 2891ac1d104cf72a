# 10-minibatch.gp — Lab 10, section 6: L-BFGS on a logistic regression,
# full batch (strong-Wolfe search) against mini-batches (a fixed step), with
# mini-batch SGD for reference: the excess loss F(w) - F* on the whole data
# set against epochs.
#
# Data: datadir/minibatch-full.tsv, minibatch-lbfgs-K.tsv (K = 1..nfixed),
# minibatch-sgd.tsv (epochs, excess).
# Variables from the lab (-e): epochs, batch, nfixed, fixed1..fixed4 (the
# fixed steps), sgd_lr.
load stylefile
set datafile columnheaders
file(name) = datadir . '/minibatch-' . name . '.tsv'
shown(e) = e > 1e-16 ? e : 1e-16
fixed(k) = k == 1 ? fixed1 : k == 2 ? fixed2 : k == 3 ? fixed3 : fixed4
colour(k) = k == 1 ? 2 : k == 2 ? 4 : k == 3 ? 5 : 6

set logscale y
set format y '10^{%L}'
set yrange [1e-16:1e12]
set ytics 1e-16, 1e4, 1e12
set mytics 1
set xrange [0:epochs]
set xlabel 'epochs (passes over the data)'
set ylabel 'excess loss F(w) − F^* (log scale)'
set title sprintf('logistic regression: full batch vs mini-batches of %d', batch) font ',13'
set key at graph 0.02, graph 0.03 left bottom Left reverse opaque box samplen 2 spacing 1.15
plot file('full') using 1:(shown($2)) with linespoints lt 1 lw 2 pt 7 ps 0.6 \
         title 'L-BFGS, full batch, strong Wolfe', \
     for [k=1:nfixed] file('lbfgs-' . k) using 1:(shown($2)) with lines lt colour(k) lw 1.6 \
         title sprintf('L-BFGS, mini-batch, fixed step %g', fixed(k)), \
     file('sgd') using 1:(shown($2)) with lines lt 3 lw 1.5 \
         title sprintf('SGD, mini-batch, lr = %g', sgd_lr)
