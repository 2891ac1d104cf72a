# 07-layer-steps.gp — Lab 07, section 4: how much each layer of the
# three-layer network changes per step, relative to its size, for SGD,
# NovoGrad and LARS (three panels, log scale).
#
# Data: datadir/layer-steps.tsv (step, sgd1..3, novograd1..3, lars1..3).
# Variables from the lab (-e): T, lr_sgd, lr_novograd, lr_lars.
load stylefile

data = datadir . '/layer-steps.tsv'
set datafile columnheaders
set logscale xy
set format x '10^{%L}'
set format y '10^{%L}'
set xrange [1:T]
set yrange [1e-6:3]
set mytics 10
set multiplot layout 1, 3 margins 0.09, 0.98, 0.14, 0.88 spacing 0.02, 0
names = 'SGD NovoGrad LARS'
lrs = sprintf('%g %g %g', lr_sgd, lr_novograd, lr_lars)
do for [k = 1:3] {
    set title sprintf('%s, η = %s', word(names, k), word(lrs, k))
    set xlabel 'step'
    if (k == 1) {
        set ylabel '||Δw_l|| / ||w_l|| per step'
        set format y '10^{%L}'
        set key bottom left Left reverse opaque
    } else {
        unset ylabel
        set format y ''
        unset key
    }
    plot for [l = 1:3] data using 1:(logsafe(column(1 + 3 * (k - 1) + l))) with lines lt l lw (l == 1 ? 3.5 : 2.5) dt l \
        title sprintf('W_%d', l)
}
unset multiplot
