# 11-data.gp — Lab 11, parts 1 and 4: the two features of the training and
# the test examples, raw (with the origin in view) and standardized with
# the training set's statistics; equal scales on both axes.
#
# Data: datadir/train.tsv and test.tsv (x1, x2, y: raw), and
# datadir/standardized.tsv (set, z1, z2: set 0 training, 1 test).
load stylefile

if (term eq 'pdf') {
    set terminal pdfcairo enhanced color rounded size 5.6in,3.6in font style_font . ",10" linewidth 1
} else {
    if (term eq 'svg') {
        set terminal svg enhanced rounded size 896,576 dynamic font style_font . ",12" fontscale style_fontscale(896) \
            linewidth 1 background rgb 'white'
    } else {
        set terminal pngcairo enhanced color rounded size 1120,720 font style_font . ",13" fontscale style_fontscale(896) \
            linewidth 1.4 background rgb 'white'
    }
}
set output outfile
set datafile columnheaders

train = datadir . '/train.tsv'
test = datadir . '/test.tsv'
std = datadir . '/standardized.tsv'

# Panels by hand: the raw cloud is tall and narrow at equal scales.
set multiplot
set size ratio -1
set tmargin 3
set bmargin 3.5

# Left: raw, with the origin: the cloud sits far from it, four times
# wider along x2 than along x1.
stats train using 1:2 nooutput
xmax = STATS_max_x * 1.1; ymax = STATS_max_y * 1.05
set xrange [-0.05 * ymax:xmax]
set yrange [-0.05 * ymax:ymax]
set xlabel 'x_1'
set ylabel 'x_2'
set xtics 4
set ytics 5
set origin 0, 0
set size 0.36, 1
set title 'raw features' font ',13'
set key top left Left reverse opaque
plot train using 1:2 with points lt 1 pt 7 ps 0.45 title 'training', \
     test using 1:2 with points lt 2 pt 6 ps 0.6 title 'test', \
     '+' using (0):(0) every ::0::0 with points pt 3 ps 2 lw 2 lc rgb 'black' title 'origin'

# Right: standardized with the training statistics.
set xrange [-4:4]
set yrange [-4:4]
set xtics 1
set ytics 1
set origin 0.36, 0
set size 0.64, 1
set xlabel 'z_1 = (x_1 − m_1) / s_1'
set ylabel 'z_2 = (x_2 − m_2) / s_2'
set title 'standardized with the training m and s' font ',13'
set key top left Left reverse opaque
plot std using ($1 == 0 ? $2 : NaN):3 with points lt 1 pt 7 ps 0.45 title 'training', \
     std using ($1 == 1 ? $2 : NaN):3 with points lt 2 pt 6 ps 0.6 title 'test', \
     '+' using (0):(0) every ::0::0 with points pt 3 ps 2 lw 2 lc rgb 'black' title 'origin'
unset multiplot
