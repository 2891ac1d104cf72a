# tests/labs/lib.sh — helpers for the lab tests; sourced by tests/labs/NN-*.sh.
#
#   run_lab NN [args...]     run BIN_DIR/labNN --out OUT args into a fresh OUT
#                            (not yet created); sets OUT, RC, STDOUT, STDERR
#                            (the last two are files)
#   expect_rc N [what]       the last run's exit status
#   expect_number KEY EXPECTED RELTOL [what]   OUT/numbers.tsv; |v - e| <= RELTOL |e|
#                            (an absolute tolerance when EXPECTED is 0)
#   expect_close A B RELTOL what               two numbers
#   expect_file PATH [what]  exists and is not empty;  expect_no_file PATH [what]
#   expect_tables NAME...    each OUT/NAME.tsv written
#   expect_grep FILE ERE what  /  expect_no_grep FILE ERE what
#   expect_trace_rows FILE N [what]            data rows after the header
#   trace_header FILE        the column line;  trace_row FILE K  data row K (from 0)
#   number KEY               a value from OUT/numbers.tsv
#   expect_stubs_announced SLUG FUNCTION...    each stub announced once (below)
#   expect_bad_param NN KEY=VALUE [what]       --set KEY=VALUE refused: exit 2,
#                            one line naming key 'KEY', --out not created
#   expect_bad_input NN what ERE [args...]     labNN args refused: exit 2, one
#                            line matching ERE, --out not created
#   figure_run NN [args...]  with gnuplot: run labNN --quiet args, expect exit 0;
#                            without: one check says so, and it returns 1
#   expect_figures FIG...    each drawn as PDF, PNG and SVG in OUT
#   expect_legible_figures, expect_quiet_figures [ERE]   (below)
#   pass what  /  fail what [details]          record a check by hand
#   have_gnuplot             true when gnuplot is installed
set -u
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
: "${BIN_DIR:?BIN_DIR is not set (run tests/labs/run BIN_DIR)}"
: "${LAB_TEST_RESULTS:=/dev/null}"
TEST_TMP=$(mktemp -d "${TMPDIR:-/tmp}/optlab-test.XXXXXX")
trap 'rm -rf "$TEST_TMP"' EXIT
_runs=0

pass() { printf 'ok   %s\n' "$1"; echo pass >>"$LAB_TEST_RESULTS"; }
fail() {
  printf 'FAIL %s\n' "$1"
  [ $# -gt 1 ] && printf '     %s\n' "${@:2}"
  echo fail >>"$LAB_TEST_RESULTS"
  return 0
}

run_lab() {
  _runs=$((_runs + 1))
  OUT=$TEST_TMP/out.$_runs
  _run_into_out "$@"
}

# Run again into the same OUT (to check that it is left alone, say).
rerun_lab() {
  _runs=$((_runs + 1))
  _run_into_out "$@"
}

_run_into_out() {   # NN args...: run number $_runs of labNN into OUT
  local nn=$1; shift
  STDOUT=$TEST_TMP/run.$_runs.stdout
  STDERR=$TEST_TMP/run.$_runs.stderr
  LAST_CMD="lab$nn --out OUT $*"
  "$BIN_DIR/lab$nn" --out "$OUT" "$@" >"$STDOUT" 2>"$STDERR"
  RC=$?
}

expect_rc() {
  local what=${2:-"$LAST_CMD exits $1"}
  if [ "$RC" -eq "$1" ]; then pass "$what"
  else fail "$what" "exit status $RC, expected $1" "stderr: $(head -c 600 "$STDERR")"; fi
}

number() { awk -F'\t' -v k="$1" 'NR > 1 && $1 == k { print $2; found = 1 } END { exit !found }' "$OUT/numbers.tsv" 2>/dev/null; }

# 0 when |a - b| <= tol |b| (or <= tol when b = 0).
_close() { awk -v a="$1" -v b="$2" -v t="$3" 'BEGIN {
  d = a - b; if (d < 0) d = -d; s = b < 0 ? -b : b; if (s == 0) s = 1;
  exit !(d <= t * s) }'; }

expect_close() {
  if [ -n "$1" ] && _close "$1" "$2" "$3"; then pass "$4"
  else fail "$4" "got '$1', expected $2 (relative tolerance $3)"; fi
}

expect_number() {
  local v; v=$(number "$1") || { fail "${4:-$1 = $2}" "no '$1' in numbers.tsv"; return; }
  expect_close "$v" "$2" "$3" "${4:-$1 = $2 (got $v)}"
}

expect_file() {
  if [ -s "$1" ]; then pass "${2:-${1#"$TEST_TMP"/} written}"
  else fail "${2:-${1#"$TEST_TMP"/} written}" "missing or empty: $1"; fi
}

expect_tables() {
  local t
  for t in "$@"; do expect_file "$OUT/$t.tsv" "$t.tsv written"; done
}

expect_no_file() {
  if [ ! -e "$1" ]; then pass "${2:-no ${1#"$TEST_TMP"/}}"
  else fail "${2:-no ${1#"$TEST_TMP"/}}" "exists: $1"; fi
}

expect_grep() {
  if grep -Eq -- "$2" "$1" 2>/dev/null; then pass "$3"
  else fail "$3" "no line of ${1#"$TEST_TMP"/} matches /$2/" "it holds: $(head -c 600 "$1" 2>/dev/null)"; fi
}

expect_no_grep() {
  if ! grep -Eq -- "$2" "$1" 2>/dev/null; then pass "$3"
  else fail "$3" "${1#"$TEST_TMP"/} matches /$2/: $(grep -Em3 -- "$2" "$1")"; fi
}

trace_header() { grep -v '^#' "$1" | head -n 1; }
trace_row() { grep -v '^#' "$1" | sed -n "$(($2 + 2))p"; }

expect_trace_rows() {
  local rows; rows=$(grep -v '^#' "$1" 2>/dev/null | tail -n +2 | grep -c .)
  if [ "$rows" = "$2" ]; then pass "${3:-${1##*/} has $2 rows}"
  else fail "${3:-${1##*/} has $2 rows}" "it has $rows"; fi
}

have_gnuplot() { command -v "${GNUPLOT:-gnuplot}" >/dev/null 2>&1; }

# expect_stubs_announced SLUG FUNCTION...: the last run's stderr says of each
# exercise FUNCTION that it is not implemented (the library's reference
# stands in) exactly once while labs/SLUG/exercise.c is the stub (as many
# `return OPT_ENOTIMPL` as FUNCTIONs), and at most once otherwise: a
# function a student has written is not announced.  One check a function.
expect_stubs_announced() {
  local slug=$1 ex n stubs; shift
  stubs=$(grep -c 'return OPT_ENOTIMPL' "$ROOT/labs/$slug/exercise.c")
  for ex in "$@"; do
    n=$(grep -c "exercise '$ex'.*not implemented" "$STDERR")
    if [ "$stubs" -eq $# ]; then
      [ "$n" -eq 1 ] && pass "stub $ex announced exactly once" \
                     || fail "stub $ex announced exactly once" "announced $n times"
    else
      [ "$n" -le 1 ] && pass "$ex announced at most once" \
                     || fail "$ex announced at most once" "announced $n times"
    fi
  done
}

# expect_bad_input NN what ERE [args...]: labNN args (into a fresh --out) is
# bad input, reported before anything is written: it exits 2, says exactly
# one line on stderr, matching ERE, and does not create --out.  Three checks.
expect_bad_input() {
  local nn=$1 what=$2 re=$3; shift 3
  run_lab "$nn" "$@"
  expect_rc 2 "$what: exits 2"
  if [ "$(wc -l <"$STDERR")" -eq 1 ] && grep -Eq -- "$re" "$STDERR"; then pass "$what: one line matching /$re/"
  else fail "$what: one line matching /$re/" "stderr: $(cat "$STDERR")"; fi
  expect_no_file "$OUT" "$what: nothing written (--out not created)"
}

# expect_bad_param NN KEY=VALUE [what]: labNN --no-plot --set KEY=VALUE is a
# bad parameter: exit 2, one line that names key 'KEY', --out not created
# (expect_bad_input; what defaults to KEY=VALUE).
expect_bad_param() {
  local nn=$1 set=$2 key=${2%%=*}
  expect_bad_input "$nn" "${3:-$set}" "key '$key'" --no-plot --set "$set"
}

# expect_params_lua NN SLUG DEFAULT_OUT [IGNORE]: labs/SLUG/params.lua spells
# out the schema's defaults. Run with it, the lab writes the same numbers.tsv
# as the default run in DEFAULT_OUT (but for keys matching the regex IGNORE,
# such as timings); it assigns every key of the schema in lab.c with the
# schema's default text (entries may span lines: the array is joined first);
# and every assignment carries a comment.
expect_params_lua() {
  local nn=$1 slug=$2 defaults=$3 ignore=${4:-'^$'} P=$ROOT/labs/$2/params.lua schema lua nocomment
  run_lab "$nn" --no-plot --quiet --config "$P"
  expect_rc 0 "--config params.lua exits 0"
  if diff <(grep -Ev "$ignore" "$defaults/numbers.tsv") <(grep -Ev "$ignore" "$OUT/numbers.tsv") >/dev/null; then
    pass "params.lua gives the same numbers.tsv as the built-in defaults"
  else fail "params.lua gives the same numbers.tsv as the built-in defaults" \
    "$(diff <(grep -Ev "$ignore" "$defaults/numbers.tsv") <(grep -Ev "$ignore" "$OUT/numbers.tsv") | head -5)"; fi
  schema=$(awk '/^static const opt_param params\[\] = \{/, /^\};/' "$ROOT/labs/$slug/lab.c" \
    | tr '\n' ' ' | grep -oE '\{ *"[a-zA-Z_0-9]+", *OPT_T_[A-Z_| ]+, +"[^"]*"' \
    | sed -E 's/^\{ *"([a-zA-Z_0-9]+)", *OPT_T_[A-Z_| ]+, +"([^"]*)"/\1 \2/' | tr -d ' ' | sort)
  lua=$(sed -nE 's/^([a-zA-Z_0-9]+)[[:space:]]*=[[:space:]]*(.*[^[:space:]])[[:space:]]*--.*/\1 \2/p' "$P" \
    | awk '{ k = $1; $1 = ""; print k $0 }' | tr -d ' ' | sort)
  if [ -n "$schema" ] && [ "$schema" = "$lua" ]; then
    pass "params.lua assigns every schema key, with the same default ($(wc -l <<<"$schema") keys)"
  else fail "params.lua assigns every schema key, with the same default" \
    "$(diff <(echo "$schema") <(echo "$lua") | head -8)"; fi
  nocomment=$(grep -E '^[a-zA-Z_0-9]+[[:space:]]*=' "$P" | grep -vc -- '--')
  [ "$nocomment" -eq 0 ] && pass "every parameter in params.lua has a comment" \
                         || fail "every parameter in params.lua has a comment" "$nocomment without"
}

# expect_between KEY LO HI what: LO <= numbers.tsv[KEY] <= HI.
expect_between() {
  local v; v=$(number "$1") || { fail "$4" "no '$1' in numbers.tsv"; return; }
  if awk -v v="$v" -v lo="$2" -v hi="$3" 'BEGIN { exit !(v >= lo && v <= hi) }'; then
    pass "$4 (got $v)"
  else fail "$4" "$1 = $v, expected it in [$2, $3]"; fi
}

# expect_awk what AWK-CONDITION [awk -v assignments...]: a condition on numbers.
expect_awk() {
  local what=$1 cond=$2; shift 2
  if awk "$@" "BEGIN { exit !($cond) }"; then pass "$what"
  else fail "$what" "false: $cond with $*"; fi
}

# figure_run NN [args...]: the run that draws a lab's figures, for
#   if figure_run NN; then expect_figures FIG...; ...; fi
# With gnuplot, labNN --quiet args exits 0 (one check) and it returns 0;
# without, one check says the figures were skipped, and it returns 1.
figure_run() {
  if ! have_gnuplot; then pass "figures skipped: gnuplot is not installed"; return 1; fi
  local nn=$1; shift
  run_lab "$nn" --quiet "$@"
  expect_rc 0 "run with figures exits 0"
}

# expect_figures FIG...: the last run drew each FIG as OUT/FIG.pdf, .png
# and .svg (one check a file).
expect_figures() {
  local fig ext
  for fig in "$@"; do
    for ext in pdf png svg; do expect_file "$OUT/$fig.$ext" "$fig.$ext drawn"; done
  done
}

# expect_quiet_figures [ERE]: the last run drew its figures without a word
# from gnuplot on stderr (lines matching ERE, such as a stub's announcement,
# set aside) and left no temporary file in OUT.
expect_quiet_figures() {
  local said=$STDERR
  if [ $# -gt 0 ]; then said=$TEST_TMP/stderr.figures; grep -Ev -- "$1" "$STDERR" >"$said"; fi
  [ -s "$said" ] && fail "figures draw without gnuplot warnings" "$(head -c 600 "$said")" \
                 || pass "figures draw without gnuplot warnings"
  local leftovers; leftovers=$(find "$OUT" -name '*.tmp.*' | wc -l)
  [ "$leftovers" -eq 0 ] && pass "no temporary files left" || fail "no temporary files left" "$(ls "$OUT")"
}

# svg_texts FILE: every text of a gnuplot SVG, one a line, as "SIZE<TAB>TEXT":
# the font size of its group (SVG px) and its words with the markup gone (the
# pieces of enhanced text are joined: 'x_1^2' reads 'x12').
svg_texts() {
  perl -0777 -ne '
    while (/<g\b([^>]*)>\s*<text\b[^>]*>(.*?)<\/text>/sg) {
      my ($attrs, $t) = ($1, $2);
      my ($size) = $attrs =~ /font-size="([\d.]+)"/;
      $t =~ s/<[^>]*>//g;
      $t =~ s/&lt;/</g; $t =~ s/&gt;/>/g; $t =~ s/&quot;/"/g; $t =~ s/&apos;/\x27/g; $t =~ s/&amp;/&/g;
      $t =~ s/\s+/ /g;
      print defined $size ? $size : "", "\t$t\n";
    }' "$1" 2>/dev/null
}

# expect_svg_text FILE STRING what: some text of the SVG figure contains STRING
# (fixed, as svg_texts spells it). expect_no_svg_text: none does.
expect_svg_text() {
  if svg_texts "$1" | cut -f2 | grep -qF -- "$2"; then pass "$3"
  else fail "$3" "no text of ${1##*/} contains '$2'" \
    "its texts: $(svg_texts "$1" | cut -f2 | grep -v '^ *[-0-9.]* *$' | head -12 | tr '\n' '|')"; fi
}
expect_no_svg_text() {
  if ! svg_texts "$1" | cut -f2 | grep -qF -- "$2"; then pass "$3"
  else fail "$3" "${1##*/} says: $(svg_texts "$1" | cut -f2 | grep -F -- "$2" | head -3)"; fi
}

# The width at which a handout shows a figure, in CSS px: the max-width that
# scripts/handout/handout.css gives `main > figure` (the last rule naming it
# wins), in rem, times the root font size. A handout embeds the SVG (the
# prose names NN-name.svg), which has a viewBox and no size of its own, so
# it fills that width (on a window wide enough for the page).
handout_figure_width() {
  perl -0777 -ne '
    s{/\*.*?\*/}{}gs;
    my ($root) = /\bhtml\s*\{[^}]*font-size:\s*([\d.]+)px/;
    my %var; $var{$1} = $2 while /(--[\w-]+):\s*([\d.]+)rem/g;
    my $w;
    while (/([^{}]+)\{([^}]*)\}/g) {
      my ($sel, $body) = ($1, $2);
      next unless grep { s/^\s+|\s+$//g; $_ eq "main > figure" } split /,/, $sel;
      $w = $var{$1} if $body =~ /max-width:\s*var\((--[\w-]+)\)/;
      $w = $1 if $body =~ /max-width:\s*([\d.]+)rem/;
    }
    print $root * $w if $root && $w;' "$ROOT/scripts/handout/handout.css"
}

# expect_legible_figures: every SVG figure of the last run, at the width a
# handout shows it, has labels at least as large as the handout's small
# print: the capitals and digits of its smallest label (DejaVu Sans: 0.729
# of the font size) are >= 10 px high, as are those of the smallest text of
# the page (0.8rem of 17 px). Sub- and superscripts, a size step below their
# label by design (like the page's own), are not counted. Each PNG is its
# SVG drawn 1.25 times larger (figures/style.gp), its fonts no smaller.
expect_legible_figures() {
  local shown svg png min cap ws wp what
  shown=$(handout_figure_width)
  [ -n "$shown" ] || { fail "figures are legible in the handout" "no width for main > figure in handout.css"; return; }
  for svg in "$OUT"/*.svg; do
    [ -e "$svg" ] || continue
    what="${svg##*/} legible at the handout's ${shown} px"
    ws=$(sed -n 's/^ *viewBox="0 0 \([0-9.]*\) [0-9.]*".*/\1/p' "$svg" | head -n 1)
    min=$(svg_texts "$svg" | cut -f1 | grep . | sort -g | head -n 1)
    if [ -z "$ws" ] || [ -z "$min" ]; then fail "$what" "no viewBox or no text in $svg"; continue; fi
    cap=$(awk -v f="$min" -v d="$shown" -v w="$ws" 'BEGIN { printf "%.1f", 0.729 * f * d / w }')
    if awk -v c="$cap" 'BEGIN { exit !(c >= 10) }'; then
      pass "$what: capitals ${cap} px high (font ${min} on ${ws})"
    else fail "$what" "its smallest label (font-size ${min} on a ${ws}-wide canvas) has capitals ${cap} px high, below 10"; fi
    png=${svg%.svg}.png
    if [ -s "$png" ]; then
      wp=$(od -An -tu1 -j16 -N4 "$png" | awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4 }')
      expect_awk "${png##*/} is its SVG drawn 1.25 times larger ($wp px wide)" "p == 1.25 * s" -v p="$wp" -v s="$ws"
    fi
  done
}
