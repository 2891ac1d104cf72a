# style.gp — the one look of every optlab figure.
#
# Every figure script starts with `load stylefile`. The lab runtime
# (lib/lab.c) sets these string variables with -e before the script runs:
#   term       'pdf' (slides and handouts), 'png' (web, gallery) or 'svg'
#   outfile    the file to write
#   datadir    the directory with the lab's tables
#   stylefile  this file;  root  the source tree
# Run by hand:  gnuplot -e "term='png'; outfile='x.png'; datadir='build/out/00-playground'; \
#                          stylefile='figures/style.gp'" figures/00-paths.gp

if (!exists("term")) term = 'png'
if (!exists("outfile")) outfile = 'figure.' . term
if (!exists("datadir")) datadir = '.'

# One font everywhere; DejaVu Sans ships with every Debian/Ubuntu desktop
# and has the Greek letters and math symbols the lectures use.
style_font = "DejaVu Sans"

if (term eq 'pdf') {
    set terminal pdfcairo enhanced color rounded size 5in,3.5in \
        font style_font . ",10" linewidth 1
} else {
    if (term eq 'svg') {
        set terminal svg enhanced rounded size 800,560 dynamic \
            font style_font . ",12" linewidth 1 background rgb 'white'
    } else {
        set terminal pngcairo enhanced color rounded size 1000,700 \
            font style_font . ",13" linewidth 1.4 background rgb 'white'
    }
}
set output outfile
set encoding utf8

# Legibility. A handout shows every figure at the page's width, 986 CSS px
# (scripts/handout/handout.css), whatever its canvas; the SVG above, 800 px
# wide with 12 px text, then has labels whose capitals are 10.8 px high, as
# large as the page's small print (tests/labs/lib.sh, expect_legible_figures,
# wants 10). The PNG is the same figure 1.25 times larger, its fonts no
# smaller. A figure with a wider canvas (several panels side by side) scales
# its fonts with it: `fontscale style_fontscale(W)` on its svg and pngcairo
# terminals, W the SVG width (its PNG 1.25 W wide). Keep explicit fonts at
# 12 or more: on an 800-px canvas ',11' gives capitals of 9.9 px.
style_fontscale(w) = w > 850 ? w / 850.0 : 1

# Okabe & Ito's colour-blind-safe palette, darkest first; yellow last (it is
# hard to see on white). Linetypes 1-8 carry a colour, a width and a point.
set linetype 1 lc rgb '#0072B2' lw 2 pt 7  ps 0.9 dt solid   # blue
set linetype 2 lc rgb '#D55E00' lw 2 pt 5  ps 0.9 dt solid   # vermillion
set linetype 3 lc rgb '#009E73' lw 2 pt 9  ps 1.0 dt solid   # bluish green
set linetype 4 lc rgb '#CC79A7' lw 2 pt 13 ps 1.0 dt solid   # reddish purple
set linetype 5 lc rgb '#E69F00' lw 2 pt 11 ps 1.0 dt solid   # orange
set linetype 6 lc rgb '#56B4E9' lw 2 pt 7  ps 0.9 dt solid   # sky blue
set linetype 7 lc rgb '#000000' lw 2 pt 5  ps 0.9 dt solid   # black
set linetype 8 lc rgb '#F0E442' lw 2 pt 9  ps 1.0 dt solid   # yellow
set linetype cycle 8

# Colours for the scaffolding (contours, annotations) rather than the data.
style_grey  = '#8c8c8c'
style_light = '#d9d9d9'
style_text  = '#333333'

# A light grid behind the data; a quiet border with ticks on two sides.
set style line 100 lc rgb '#e6e6e6' lw 1 dt solid
set grid back ls 100, ls 100
set border 3 back lc rgb '#555555' lw 1
set tics nomirror out scale 0.6 textcolor rgb style_text
set xlabel textcolor rgb style_text
set ylabel textcolor rgb style_text
set title textcolor rgb style_text

# Key: top right inside, on an opaque box so it stays readable over data;
# scripts move it where their data is not.
set key top right inside opaque box lc rgb style_light samplen 2.2 spacing 1.15 \
    width 1 height 0.5 textcolor rgb style_text

# Sequential, light palette for filled maps under contours and paths: dark
# data lines stay readable on top of it.
set palette defined (0 '#fbfdff', 0.35 '#e4eef6', 0.7 '#c4d8ea', 1 '#9fbfdc')
unset colorbox

# Data tables are TSV; a trace starts with `# key=value` lines, then its
# column names.
set datafile commentschars '#'
set datafile missing NaN

# Log scales. A value at or below 0 (a loss that reached exactly 0), a
# subnormal (gnuplot rounds a range near 1e-324 to 0 and refuses it) or one
# beyond 1e300 (a diverging run) must not stop a figure: `logsafe(v)` draws
# it at the floor or the ceiling instead. NaN stays missing. Use it on every
# value plotted against a logarithmic axis: `using 1:(logsafe($2))`.
logfloor = 1e-300
logceil = 1e300
logsafe(v) = v != v ? NaN : (v < logfloor ? logfloor : (v > logceil ? logceil : v))
