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
#   expect_grep FILE ERE what  /  expect_no_grep FILE ERE what
#   expect_trace_rows FILE N [what]            data rows after the header
#   trace_header FILE        the column line;  trace_row FILE K  data row K (from 0)
#   number KEY               a value from OUT/numbers.tsv
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
  local nn=$1; shift
  _runs=$((_runs + 1))
  OUT=$TEST_TMP/out.$_runs
  STDOUT=$TEST_TMP/run.$_runs.stdout
  STDERR=$TEST_TMP/run.$_runs.stderr
  LAST_CMD="lab$nn --out OUT $*"
  "$BIN_DIR/lab$nn" --out "$OUT" "$@" >"$STDOUT" 2>"$STDERR"
  RC=$?
}

# Run again into the same OUT (to check that it is left alone, say).
rerun_lab() {
  local nn=$1; shift
  _runs=$((_runs + 1))
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
