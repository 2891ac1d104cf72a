# tests/labs/01-gradients.sh — lab 01: every number its text quotes, its
# tables and figures, and params.lua against the schema in lab.c.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"



# ---- The default run ------------------------------------------------------------------
run_lab 01 --no-plot
expect_rc 0 "default run exits 0"
DEFAULT_OUT=$OUT
expect_tables error-vs-h gradient-check random-search gd-analytic gd-numeric numbers
expect_stubs_announced 01-gradients central_difference_gradient gradient_check_error sigmoid_neuron_backward

# ---- 1. Finite differences -------------------------------------------------------------
# The text: best h near sqrt(eps) ~ 1.5e-8 and eps^(1/3) ~ 6e-6; errors about
# sqrt(eps) (eight digits) and eps^(2/3) (ten or eleven); slopes 1, 2, -1.
expect_number sqrt_eps 1.4901161193847656e-08 1e-12 "sqrt(eps) = 1.49e-8"
expect_number cbrt_eps 6.0554544523933395e-06 1e-12 "eps^(1/3) = 6.06e-6"
expect_between best_h_forward 3e-9 6e-8 "measured best h, forward, within a factor 5 of sqrt(eps)"
expect_between best_h_central 1.2e-6 3e-5 "measured best h, central, within a factor 5 of eps^(1/3)"
expect_between min_error_forward 1e-9 5e-8 "smallest forward error about sqrt(eps): eight digits"
expect_between min_error_central 1e-13 5e-11 "smallest central error about eps^(2/3): ten or eleven digits"
expect_between slope_forward 0.98 1.02 "truncation slope, forward, is 1"
expect_between slope_central 1.98 2.02 "truncation slope, central, is 2"
expect_between roundoff_slope_forward -1.1 -0.9 "round-off slope, forward, is -1"
expect_between roundoff_slope_central -1.1 -0.9 "round-off slope, central, is -1"
rows=$(tail -n +2 "$OUT/error-vs-h.tsv" | grep -c .)
[ "$rows" -eq 121 ] && pass "error-vs-h.tsv: 15 decades at 8 per decade = 121 steps" \
                    || fail "error-vs-h.tsv: 121 steps" "it has $rows"
# The forward error at h = 0.1 is about |sin''| h / 2 averaged: RMS(sin x) h / 2 over [-3, 3].
read -r h1 f1 c1 <<<"$(awk -F'\t' 'NR > 1 && $1 + 0 == 0.1 { print $1, $2, $3 }' "$OUT/error-vs-h.tsv")"
ef=$(awk 'BEGIN { s = 0; for (j = 0; j < 100; j++) { x = -3 + (j + 0.5) * 0.06; s += sin(x)^2 }; print sqrt(s / 100) * 0.1 / 2 }')
ec=$(awk 'BEGIN { s = 0; for (j = 0; j < 100; j++) { x = -3 + (j + 0.5) * 0.06; s += cos(x)^2 }; print sqrt(s / 100) * 0.01 / 6 }')
expect_close "$f1" "$ef" 0.05 "forward error at h = 0.1 is RMS|f''| h/2 = $ef (Taylor)"
expect_close "$c1" "$ec" 0.05 "central error at h = 0.1 is RMS|f'''| h^2/6 = $ec (Taylor)"

# ---- 2. The gradient check -------------------------------------------------------------
expect_number hinge_params 40 0 "K (D + 1) = 4 x 10 = 40 parameters"
expect_between gradcheck_max_rel_error 0 1e-7 "correct gradient: max relative error <= 1e-7"
expect_between gradcheck_bug_max_rel_error 1e-2 2 "L2 factor 2 dropped: max relative error >= 1e-2"
expect_between gradcheck_kink_max_rel_error 1e-3 1 "at a kink: max relative error is 'suspicious' (1e-3 .. 1)"
expect_number kink_half_jump 0.0025 1e-12 "half jump 1/(2N) = 0.0025"
expect_number kink_bias_difference 0.0025 1e-4 "analytic and numeric differ by 1/(2N) at the moved bias weight"
G=$OUT/gradient-check.tsv
expect_awk "bug: no coordinate comes near 1e-7" "min > 1e-5" \
  -v min="$(awk -F'\t' 'NR > 1 { if (m == "" || $3 < m) m = $3 } END { print m }' "$G")"
expect_awk "correct gradient: every coordinate <= 1e-7" "max <= 1e-7" \
  -v max="$(awk -F'\t' 'NR > 1 && $2 > m { m = $2 } END { print m + 0 }' "$G")"
expect_awk "kink: only the two touched rows (<= 20 coordinates) stand out" "count > 0 && count <= 20" \
  -v count="$(awk -F'\t' 'NR > 1 && $4 > 1e-6 { c++ } END { print c + 0 }' "$G")"

# ---- 3. Backpropagation by hand --------------------------------------------------------
expect_number sum_times_q 3 0 "(x+y)z: q = 3"
expect_number sum_times_f -12 0 "(x+y)z: f = -12"
expect_number sum_times_df_dq -4 0 "(x+y)z: df/dq = z = -4"
expect_number sum_times_df_dz 3 0 "(x+y)z: df/dz = q = 3"
expect_number sum_times_df_dx -4 0 "(x+y)z: df/dx = -4"
expect_number sum_times_df_dy -4 0 "(x+y)z: df/dy = -4"
grep -q 'df/dx = df/dq \* 1 = -4 \* 1 = -4' "$STDOUT" && pass "(x+y)z: upstream x local printed" \
  || fail "(x+y)z: upstream x local printed" "$(grep 'df/dx' "$STDOUT")"

# The sigmoid neuron at w = (2, -3, -3), x = (-1, -2), worked out here.
read -r E D F DD DT DS <<<"$(awk 'BEGIN { e = exp(-1); d = 1 + e; f = 1 / d; dd = -1 / d^2; dt = dd * e;
  printf "%.17g %.17g %.17g %.17g %.17g %.17g\n", e, d, f, dd, dt, -dt }')"
expect_number neuron_value_a -2 0 "neuron: a = w0 x0 = -2"
expect_number neuron_value_b 6 0 "neuron: b = w1 x1 = 6"
expect_number neuron_value_c 4 0 "neuron: c = a + b = 4"
expect_number neuron_value_s 1 0 "neuron: s = c + w2 = 1"
expect_number neuron_value_t -1 0 "neuron: t = -s = -1"
expect_number neuron_value_e "$E" 1e-14 "neuron: e = exp(-1) = 0.37"
expect_number neuron_value_d "$D" 1e-14 "neuron: d = 1 + e = 1.37"
expect_number neuron_value_f "$F" 1e-14 "neuron: f = 1/d = 0.73"
expect_number neuron_grad_d "$DD" 1e-14 "neuron: df/dd = -1/d^2 = -0.53"
expect_number neuron_grad_e "$DD" 1e-14 "neuron: df/de = -0.53 (the +1 gate passes it on)"
expect_number neuron_grad_t "$DT" 1e-14 "neuron: df/dt = -0.53 e = -0.20"
expect_number neuron_grad_s "$DS" 1e-14 "neuron: df/ds = 0.20"
for node in c w2 a b; do
  expect_number "neuron_grad_$node" "$DS" 1e-14 "neuron: df/d$node = 0.20 (sum gates distribute)"
done
expect_number neuron_grad_w0 "$(awk -v g="$DS" 'BEGIN { printf "%.17g", -g }')" 1e-14 "neuron: df/dw0 = x0 0.20 = -0.20"
expect_number neuron_grad_x0 "$(awk -v g="$DS" 'BEGIN { printf "%.17g", 2 * g }')" 1e-14 "neuron: df/dx0 = w0 0.20 = 0.39"
expect_number neuron_grad_w1 "$(awk -v g="$DS" 'BEGIN { printf "%.17g", -2 * g }')" 1e-14 "neuron: df/dw1 = x1 0.20 = -0.39"
expect_number neuron_grad_x1 "$(awk -v g="$DS" 'BEGIN { printf "%.17g", -3 * g }')" 1e-14 "neuron: df/dx1 = w1 0.20 = -0.59"
expect_number neuron_out "$F" 1e-14 "sigmoid_neuron_backward: f = 0.73"
expect_number neuron_dw0 "$(awk -v g="$DS" 'BEGIN { printf "%.17g", -g }')" 1e-12 "sigmoid_neuron_backward: dw0 = -0.20"
expect_number neuron_dw1 "$(awk -v g="$DS" 'BEGIN { printf "%.17g", -2 * g }')" 1e-12 "sigmoid_neuron_backward: dw1 = -0.39"
expect_number neuron_dw2 "$DS" 1e-12 "sigmoid_neuron_backward: dw2 = 0.20"
expect_number neuron_dx0 "$(awk -v g="$DS" 'BEGIN { printf "%.17g", 2 * g }')" 1e-12 "sigmoid_neuron_backward: dx0 = 0.39"
expect_number neuron_dx1 "$(awk -v g="$DS" 'BEGIN { printf "%.17g", -3 * g }')" 1e-12 "sigmoid_neuron_backward: dx1 = -0.59"
expect_number neuron_sigmoid_local "$DS" 1e-12 "f (1 - f) = 0.20, the same as the four gates"
expect_number neuron_max_difference 0 1e-15 "the function used agrees with the graph"

# ---- 4. Random search against following the slope --------------------------------------
expect_number loss_at_zero 3 1e-15 "loss at W = 0 is (K - 1) delta = 3"
expect_number numeric_step_cost 81 0 "a numerical-gradient step costs 2n + 1 = 81"
sb=$(number search_best_loss); gd=$(number gd_final_loss); gn=$(number gd_numeric_final_loss)
gd3=$(awk -F'\t' 'NR == 5 { print $2 }' "$OUT/gd-analytic.tsv")   # after 3 steps
expect_awk "random search after 1000 draws is far above gradient descent after 3 steps" \
  "sb > 1.5 * gd3" -v sb="$sb" -v gd3="$gd3"
expect_awk "gradient descent ends below random search" "gd < sb && gn < sb" -v gd="$gd" -v sb="$sb" -v gn="$gn"
expect_between gd_evals_to_beat_search 2 6 "gradient descent beats random search within 3 steps"
expect_awk "the numerical gradient gets there about 40 times later" "r >= 30 && r <= 50" \
  -v r="$(awk -v a="$(number gd_numeric_evals_to_beat_search)" -v b="$(number gd_evals_to_beat_search)" 'BEGIN { print a / b }')"
expect_trace_rows "$OUT/random-search.tsv" 1000 "random search: 1000 draws"
expect_trace_rows "$OUT/gd-analytic.tsv" 500 "analytic gradient descent: 1000 / 2 = 500 evaluations"
expect_trace_rows "$OUT/gd-numeric.tsv" 12 "numerical gradient descent: 1000 / 81 = 12 evaluations"
# Both start from the first random draw.
r0=$(awk -F'\t' 'NR == 2 { print $2 }' "$OUT/random-search.tsv")
for t in gd-analytic gd-numeric; do
  g0=$(awk -F'\t' 'NR == 2 { print $2 }' "$OUT/$t.tsv")
  expect_close "$g0" "$r0" 1e-15 "$t starts from the first random draw"
done
expect_number loss_at_start "$r0" 1e-15 "loss_at_start is the first draw's loss"

# ---- params.lua spells out the schema's defaults -----------------------------------------
expect_params_lua 01 01-gradients "$DEFAULT_OUT"

# ---- Another seed: the qualitative claims still hold -------------------------------------
run_lab 01 --no-plot --quiet --seed 7
expect_rc 0 "--seed 7 exits 0"
expect_between gradcheck_max_rel_error 0 1e-7 "seed 7: correct gradient <= 1e-7"
expect_between gradcheck_bug_max_rel_error 1e-2 2 "seed 7: L2 bug >= 1e-2"
expect_between gd_evals_to_beat_search 2 10 "seed 7: gradient descent beats random search within 5 steps"
expect_between best_h_central 1.2e-6 3e-5 "seed 7: part 1 does not depend on the seed"

# ---- A Lua function for part 1: x^2 has no central truncation error ---------------------
run_lab 01 --no-plot --quiet --set 'f=function(x) return x^2 end' --set 'df=function(x) return 2*x end'
expect_rc 0 "f = x^2 from --set runs"
c=$(awk -F'\t' 'NR > 1 && $1 + 0 == 0.1 { print $3 }' "$OUT/error-vs-h.tsv")
expect_awk "f = x^2: central error at h = 0.1 is round-off only (< 1e-12)" "c < 1e-12" -v c="$c"

# ---- Figures ---------------------------------------------------------------------------
if figure_run 01; then
  expect_figures 01-error-vs-h 01-gradient-check 01-random-vs-slope
  expect_legible_figures
  expect_quiet_figures
fi

# ---- Bad parameters are caught before anything is written --------------------------------
expect_bad_param 01 'x_range={3, -3}' 'x_range = {3, -3}'
expect_bad_param 01 'xyz={1, 2}' 'xyz with two numbers'

# f and df are checked on their own at every point of x_range, before anything is
# written: the message blames the one that failed, with its value or its Lua error.
bad01() {   # bad01 WHAT REGEX args...
  expect_bad_input 01 "$1" "$2" --no-plot --quiet "${@:3}"
}
bad01 "an f that returns NaN" \
  "^--set f=function\(x\) return 0/0 end: key 'f': f\(-2\.97\) = nan is not a finite number \(it must be finite at every point of x_range = \{-3, 3\}\)$" \
  --set 'f=function(x) return 0/0 end'
bad01 "an f that errs" '^--set f=function\(x\) error\("boom"\) end:1: boom$' --set 'f=function(x) error("boom") end'
bad01 "a df that returns -inf" "^--set df=function\(x\) return -1/0 end: key 'df': df\(-2\.97\) = -inf is not a finite number" \
  --set 'df=function(x) return -1/0 end'
bad01 "an f NaN beyond x = 0" "key 'f': f\(0\.03\) = nan is not a finite number" \
  --set 'f=function(x) if x > 0 then return 0/0 end return x end'
bad01 "an x_range whose width overflows" \
  "^--set x_range=\{-1e308,1e308\}: key 'x_range': \{-1e\+308, 1e\+308\} is too wide: hi - lo = inf, not a finite number$" \
  --set 'x_range={-1e308,1e308}'

# f finite at the points but NaN at every x - h: no best step to report (it used to
# say best_h = 1e-15 and exit 0).
run_lab 01 --no-plot --quiet --set 'f=function(x) if x >= 1 then return x end return 0/0 end' \
  --set 'df=function(x) return 1 end' --set 'x_range={0, 2}' --set points=1
expect_rc 1 "central differences NaN at every h: exits 1"
expect_grep "$STDERR" '^lab01: no step h in \[1e-15, 1\] gave a finite RMS error for the central scheme' "... saying which scheme"
expect_no_file "$OUT/numbers.tsv" "... and reports no best_h"
