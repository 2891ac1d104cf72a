# tests/labs/00-playground.sh — lab 00 runs, traces, figures and bad input.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# ---- The default run: gradient descent on Rosenbrock ------------------------------
run_lab 00 --no-plot --quiet
expect_rc 0 "default run exits 0"
T=$OUT/trace-GD_lr_0.001.tsv
expect_file "$T" "trace-GD_lr_0.001.tsv written (label made file-safe)"
expect_file "$OUT/trace-GD_lr_0.003.tsv" "one trace per method"
if [ "$(trace_header "$T")" = "$(printf 'step\tf\tgnorm\tx1\tx2')" ]; then
  pass "trace header is step<TAB>f<TAB>gnorm<TAB>x1<TAB>x2"
else
  fail "trace header is step<TAB>f<TAB>gnorm<TAB>x1<TAB>x2" "got: $(trace_header "$T" | cat -A)"
fi
expect_grep "$T" '^# method=gd$' "trace metadata names the method"
expect_grep "$T" '^# lr=0\.001' "trace metadata gives lr"
expect_trace_rows "$T" 1001 "1000 steps give 1001 rows (step 0 is the start)"
[ -s "$STDOUT" ] && fail "--quiet prints nothing" "stdout: $(head -c 300 "$STDOUT")" || pass "--quiet prints nothing"

# Row 0 is the start (-1.2, 1) with f = (1 - x)^2 + 100 (y - x^2)^2 = 24.2.
read -r s0 f0 g0 x0 y0 <<<"$(trace_row "$T" 0)"
expect_close "$s0" 0 0 "row 0 is step 0"
expect_close "$x0" -1.2 0 "row 0: x1 = -1.2"
expect_close "$y0" 1 0 "row 0: x2 = 1"
expect_close "$f0" 24.2 1e-14 "row 0: f = 24.2"
expect_number f0 24.2 1e-14 "numbers.tsv: f0 = 24.2"

# Step 1 is x0 - lr g(x0) with Rosenbrock's gradient worked out here, not by the library.
read -r _ _ _ x1 y1 <<<"$(trace_row "$T" 1)"
read -r ex ey eg <<<"$(awk -v x="$x0" -v y="$y0" -v lr=0.001 'BEGIN {
  gx = -2 * (1 - x) - 400 * x * (y - x * x); gy = 200 * (y - x * x);
  printf "%.17g %.17g %.17g\n", x - lr * gx, y - lr * gy, sqrt(gx * gx + gy * gy) }')"
expect_close "$x1" "$ex" 1e-14 "step 1: x1 = x0 - lr df/dx1 = $ex"
expect_close "$y1" "$ey" 1e-14 "step 1: x2 = x0 - lr df/dx2 = $ey"
expect_close "$g0" "$eg" 1e-14 "row 0: gnorm = |grad f(x0)| = $eg"
expect_number GD_lr_0.001.steps 1000 0 "numbers.tsv: GD_lr_0.001.steps = 1000"
expect_number GD_lr_0.001.diverged 0 0 "lr = 0.001 does not diverge"

# --no-plot: tables only.
figs=$(find "$OUT" \( -name '*.png' -o -name '*.pdf' -o -name '*.svg' -o -name 'grid.tsv' \) | wc -l)
[ "$figs" -eq 0 ] && pass "--no-plot writes no figures" || fail "--no-plot writes no figures" "$(ls "$OUT")"
leftovers=$(find "$OUT" -name '*.tmp.*' | wc -l)
[ "$leftovers" -eq 0 ] && pass "no temporary files left" || fail "no temporary files left" "$(ls "$OUT")"

# params.lua spells out the same defaults as the schema in lab.c.
defaults=$OUT/numbers.tsv
run_lab 00 --no-plot --quiet --config "$ROOT/labs/00-playground/params.lua"
expect_rc 0 "--config params.lua exits 0"
if cmp -s "$defaults" "$OUT/numbers.tsv"; then pass "params.lua gives the same numbers as the built-in defaults"
else fail "params.lua gives the same numbers as the built-in defaults" "$(diff "$defaults" "$OUT/numbers.tsv" | head -5)"; fi

# ---- A Lua objective, with and without its gradient -------------------------------
quad="objective=function(x, y) return (x - 1)^2 + 4 * (y + 2)^2 end"
run_lab 00 --no-plot --quiet --set "$quad" --set "gradient=function(x, y) return 2 * (x - 1), 8 * (y + 2) end" \
  --set "start={0, 0}" --set "steps=200" --set "methods={ {name='gd', lr=0.1} }"
expect_rc 0 "Lua objective with a Lua gradient runs"
T=$OUT/trace-gd.tsv
expect_file "$T" "label defaults to the method's name: trace-gd.tsv"
read -r _ f0 _ _ _ <<<"$(trace_row "$T" 0)"
read -r _ _ _ x1 y1 <<<"$(trace_row "$T" 1)"
expect_close "$f0" 17 1e-15 "Lua objective: f(0, 0) = 17"
expect_close "$x1" 0.2 1e-14 "Lua gradient: step 1 x1 = 0 - 0.1 * (-2) = 0.2"
expect_close "$y1" -1.6 1e-14 "Lua gradient: step 1 x2 = 0 - 0.1 * 16 = -1.6"
fl=$(number gd.f); awk -v f="$fl" 'BEGIN { exit !(f < 1e-30) }' && pass "Lua objective: converges to f < 1e-30 ($fl)" \
  || fail "Lua objective: converges to f < 1e-30" "f = $fl"

run_lab 00 --no-plot --quiet --set "$quad" --set "start={0, 0}" --set "steps=5" --set "methods={ {name='gd', lr=0.1} }"
expect_rc 0 "Lua objective without a gradient runs (central differences)"
read -r _ _ _ x1 y1 <<<"$(trace_row "$OUT/trace-gd.tsv" 1)"
expect_close "$x1" 0.2 1e-8 "central differences: step 1 x1 = 0.2 to 1e-8"
expect_close "$y1" -1.6 1e-8 "central differences: step 1 x2 = -1.6 to 1e-8"

run_lab 00 --no-plot --set "objective=function(x, y) if x > 0 then error('boom at x > 0') end return x^2 + y^2 end" \
  --set "start={-1, 1}" --set "methods={ {name='gd', lr=0.6} }"
expect_rc 1 "a Lua objective that errs mid-run exits 1"
expect_grep "$STDERR" '^lab00: .*boom at x > 0' "its Lua message is reported"

run_lab 00 --no-plot --set "$quad"
expect_rc 2 "a Lua objective without a start point exits 2"
expect_grep "$STDERR" "^--set objective=function\(x, y\) return .*: key 'objective': a Lua objective needs a start point: start = \{x1, x2\}$" \
  "... blaming the --set of the objective that needs it, not the default of 'start'"
run_lab 00 --no-plot --set "$quad" --set "start=nil"
expect_rc 2 "a start point set to nil for a Lua objective exits 2"
expect_grep "$STDERR" "^--set start=nil: key 'start': a Lua objective needs a start point" "... blaming that --set"

# A start point where f or its gradient is not a number is bad input, not a run
# that "diverged at step 0 (last finite f = nan)".
run_lab 00 --no-plot --set "objective=function(x, y) return math.log(x) + y^2 end" --set "start={-1, 1}"
expect_rc 2 "f = NaN at the start point exits 2"
expect_grep "$STDERR" "^--set start=\{-1, 1\}: key 'start': f is not finite at the start point \(-1, 1\): f = nan$" \
  "... naming the start, with f = nan (never -nan)"
expect_no_file "$OUT" "... and writes nothing"
run_lab 00 --no-plot --set "objective=function(x, y) return math.sqrt(x^2 + y^2) end" --set "start={0, 0}" \
  --set "gradient=function(x, y) local r = math.sqrt(x^2 + y^2) return x / r, y / r end"
expect_rc 2 "a NaN gradient at the start point exits 2"
expect_grep "$STDERR" "key 'start': the gradient is not finite at the start point \(0, 0\): \(nan, nan\)$" \
  "... saying so"

# ---- Divergence ------------------------------------------------------------------------
run_lab 00 --no-plot --set "methods={ {name='gd', lr=0.01, label='GD 0.01'} }"
expect_rc 0 "a diverging run is a result, not an error"
expect_grep "$STDOUT" 'GD 0\.01 +diverged at step [0-9]+' "it prints 'diverged at step N'"
n=$(sed -nE 's/.*diverged at step ([0-9]+).*/\1/p' "$STDOUT")
expect_number GD_0.01.diverged 1 0 "numbers.tsv: GD_0.01.diverged = 1"
expect_number GD_0.01.steps "${n:-x}" 0 "numbers.tsv: GD_0.01.steps = the printed step"
expect_trace_rows "$OUT/trace-GD_0.01.tsv" "${n:-x}" "the trace ends at the last finite row (step N-1)"

# L-BFGS walking into a region where f is NaN (f = -x + y^2 for x <= 2): a
# divergence at the step where its line search met the NaNs, not "too many
# evaluations"; the trace keeps the iterates before it.
run_lab 00 --no-plot --set "objective=function(x, y) if x > 2 then return 0/0 end return -x + y^2 end" \
  --set "start={0, 1}" --set "methods={ {name='lbfgs'} }"
expect_rc 0 "L-BFGS into a NaN region: a result, not an error"
expect_grep "$STDOUT" '^  lbfgs +diverged at step [0-9]+ \(last finite f = -?[0-9.]+\): line search ran into non-finite f or g$' \
  "... printed as 'diverged at step N: line search ran into non-finite f or g'"
expect_no_grep "$STDOUT" 'too many evaluations|nan' "... never 'too many evaluations', no nan"
n=$(sed -nE 's/.*lbfgs +diverged at step ([0-9]+).*/\1/p' "$STDOUT")
expect_number lbfgs.diverged 1 0 "numbers.tsv: lbfgs.diverged = 1"
expect_number lbfgs.steps "${n:-x}" 0 "numbers.tsv: lbfgs.steps = the printed step"
expect_trace_rows "$OUT/trace-lbfgs.tsv" "${n:-x}" "the L-BFGS trace ends at step N-1"
expect_grep "$OUT/trace-lbfgs.tsv" '^# stopped=line search ran into non-finite f or g$' "its metadata says why it stopped"
lastf=$(grep -v '^#' "$OUT/trace-lbfgs.tsv" | tail -n 1 | cut -f2)
expect_close "$(number lbfgs.f)" "${lastf:-x}" 0 "numbers.tsv: lbfgs.f = f of the trace's last row ($lastf)"

# ---- Bad input: exit 2, one line, nothing written -------------------------------------
bad() {   # bad WHAT REGEX args...
  expect_bad_input 00 "$@"
}
bad "unknown option" "^lab00: unknown option '--foo' \(see --help\)$" --foo
bad "missing argument" "^lab00: option '--out' needs an argument" --quiet --out
bad "bad seed" "^lab00: --seed: 'x1' is not a non-negative integer" --seed x1
bad "unknown method" "methods.*unknown method 'gdd' \(did you mean 'gd'\?\).*known methods: gd" \
  --set "methods={ {name='gdd', lr=0.1} }"
bad "unknown hyper-parameter" "methods\[1\] \(sgd\): unknown field 'momentun' \(did you mean 'momentum'\?\)" \
  --set "methods={ {name='sgd', lr=0.1, momentun=0.9} }"
bad "hyper-parameter out of range" "momentum = 2 is not a number in \[0, 1\]" \
  --set "methods={ {name='sgd', lr=0.1, momentum=2} }"
bad "unknown problem" "unknown problem 'rosenbrok' \(did you mean 'rosenbrock'\?\)" --set "objective='rosenbrok'"
bad "start of the wrong length" "key 'start': has 3 entries but the objective takes 2" --set "start={1, 2, 3}"
bad "two methods, one file" "give them different labels" \
  --set "methods={ {name='gd', lr=0.1, label='a b'}, {name='gd', lr=0.2, label='a_b'} }"

run_lab 00 --help
expect_rc 0 "--help exits 0"
expect_grep "$STDOUT" '^ *methods ' "--help lists the parameter 'methods'"

# An earlier run's outputs survive a later run with bad input.
run_lab 00 --no-plot --quiet --set "steps=10"
before=$(cd "$OUT" && cat -- * | cksum)
rerun_lab 00 --no-plot --set "methods={ {name='gdd'} }"
expect_rc 2 "bad input into a used --out exits 2"
[ "$(cd "$OUT" && cat -- * | cksum)" = "$before" ] && pass "... and leaves its files as they were" \
  || fail "... and leaves its files as they were"

# ---- Figures ------------------------------------------------------------------------------
# ---- Second-order methods ---------------------------------------------------------------
# Pure Newton lands on the saddle x^2 - y^2 in one step from any start
# (the Newton step of a quadratic is exact); the modified Newton runs away
# downhill along y instead.
run_lab 00 --no-plot --quiet --set "objective='saddle'" --set "start={1, 0.5}" --set steps=5 \
  --set "methods={ {name='newton'}, {name='newton-modified', modification='eigen'} }"
expect_rc 0 "newton and newton-modified run on the saddle"
expect_number newton.steps 1 0 "pure Newton stops after one step ..."
row1=$(trace_row "$OUT/trace-newton.tsv" 1)
awk -F'\t' -v r="$row1" 'BEGIN { split(r, a, "\t"); exit !(a[4] == 0 && a[5] == 0) }' \
  && pass "... at the saddle point (0, 0)" || fail "... at the saddle point (0, 0)" "row 1: $row1"
fm=$(number newton-modified.f)
awk -v f="$fm" 'BEGIN { exit !(f < -1) }' && pass "modified Newton goes downhill past the saddle (f = $fm)" \
  || fail "modified Newton goes downhill past the saddle" "f = $fm"

# L-BFGS and damped (Cholesky-modified) Newton solve Rosenbrock; the
# L-BFGS trace starts at the start point like every trace.
run_lab 00 --no-plot --quiet --set steps=200 \
  --set "methods={ {name='lbfgs', m=4, label='L-BFGS'}, {name='newton-modified', epsilon=1e-12} }"
expect_rc 0 "lbfgs and newton-modified run on Rosenbrock"
expect_close "$(number L-BFGS.f)" 0 1e-9 "L-BFGS reaches the minimum"
expect_close "$(number newton-modified.f)" 0 1e-20 "modified Newton reaches the minimum"
expect_grep "$OUT/trace-L-BFGS.tsv" "^# m=4" "the L-BFGS trace records its memory"
expect_grep "$OUT/trace-L-BFGS.tsv" "^# linesearch=more-thuente" "... and its line search"
row0=$(trace_row "$OUT/trace-L-BFGS.tsv" 0)
[ "$(cut -f1,2 <<<"$row0")" = "$(printf '0\t24.199999999999996')" ] || [ "$(cut -f1,2 <<<"$row0")" = "$(printf '0\t24.2')" ] \
  && pass "L-BFGS trace row 0 is the start (f = 24.2)" || fail "L-BFGS trace row 0 is the start" "$row0"

run_lab 00 --no-plot --set "methods={ {name='lbfgs', mm=3} }"
expect_rc 2 "an unknown L-BFGS field is refused"
expect_grep "$STDERR" "unknown field 'mm'; lbfgs takes: name, label, epsilon, m, linesearch, step" "... with the fields it takes"
run_lab 00 --no-plot --set "methods={ {name='newton-modified', modification='lu'} }"
expect_rc 2 "an unknown modification is refused"
expect_grep "$STDERR" "modification must be one of: cholesky, eigen" "... with the choices"

if have_gnuplot; then
  run_lab 00 --quiet --set "steps=300" \
    --set "methods={ {name='gd', lr=0.002, label=\"it's GD_0.002\"}, {name='gd', lr=0.01, label='GD 0.01'} }"
  expect_rc 0 "with figures: exits 0"
  for f in 00-paths 00-loss; do
    for ext in pdf png svg; do expect_file "$OUT/$f.$ext"; done
  done
  expect_legible_figures
  expect_file "$OUT/grid.tsv" "grid.tsv written for the contour plot"
  head -c 8 "$OUT/00-paths.png" | od -An -c | grep -q 'P   N   G' && pass "00-paths.png is a PNG" || fail "00-paths.png is a PNG"
  head -c 5 "$OUT/00-loss.pdf" | grep -q '%PDF' && pass "00-loss.pdf is a PDF" || fail "00-loss.pdf is a PDF"
  expect_grep "$OUT/00-paths.svg" "it's GD_0.002" "a label with a quote and an underscore reaches the legend verbatim"
  expect_grep "$OUT/00-loss.svg" 'diverged at step' "the legend marks the diverged run"
  [ -s "$STDERR" ] && fail "gnuplot is silent (no warnings)" "$(head -5 "$STDERR")" || pass "gnuplot is silent (no warnings)"
  [ "$(find "$OUT" -name '*.tmp.*' | wc -l)" -eq 0 ] && pass "no temporary files left" || fail "no temporary files left"

  # A figure script that fails: exit 1, its message shown, no partial figure.
  fake=$TEST_TMP/root
  mkdir -p "$fake/figures"
  cp "$ROOT/figures/style.gp" "$ROOT/figures/00-paths.gp" "$fake/figures/"
  echo 'load stylefile; plot undefined_thing_xyz(x)' >"$fake/figures/00-loss.gp"
  OPTLAB_ROOT=$fake run_lab 00 --quiet --set "steps=20"
  expect_rc 1 "a failing figure script makes the run exit 1"
  expect_grep "$STDERR" "^lab00: figure '00-loss'" "... and says which figure"
  expect_grep "$STDERR" "undefined_thing_xyz|undefined function" "... with gnuplot's message"
  expect_no_file "$OUT/00-loss.png" "... and leaves no 00-loss.png"
  expect_file "$OUT/00-paths.png" "... while the other figure is drawn"
  [ "$(find "$OUT" -name '*.tmp.*' | wc -l)" -eq 0 ] && pass "... and no temporary files" || fail "... and no temporary files"

  GNUPLOT=/nonexistent/gnuplot run_lab 00 --set "steps=20"
  expect_rc 0 "without gnuplot the lab still runs"
  expect_grep "$STDERR" "not found, so no figures are drawn" "... and says why there are no figures"
else
  pass "gnuplot not installed: figure checks skipped"
fi
