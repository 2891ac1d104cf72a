# tests/labs/02-taylor.sh — lab 02: every number its text quotes (expected
# values worked out here from the formulas), its tables and figures, and
# params.lua against the schema in lab.c.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# calc EXPR: an awk expression, printed with 17 digits.
calc() { awk "BEGIN { pi = atan2(0, -1); printf \"%.17g\n\", ($1) }"; }
rows_of() { grep -v '^#' "$1" 2>/dev/null | tail -n +2 | grep -c .; }

# ---- The default run ------------------------------------------------------------------
run_lab 02 --no-plot
expect_rc 0 "default run exits 0"
DEFAULT_OUT=$OUT
expect_tables exp-taylor taylor-error model-slice directional saddle-grid numbers
expect_stubs_announced 02-taylor taylor2_model steepest_unit_direction

# ---- 1. e^x at 0.5 and its polynomials -------------------------------------------------
# The text: e^0.5 = 1.648721; errors 0.1487, 0.0237, 0.0029; first terms left
# out 0.125, 0.0208, 0.0026.
expect_number exp_probe "$(calc 'exp(0.5)')" 1e-15 "e^0.5 = 1.648721"
expect_number p1_error "$(calc 'exp(0.5) - 1.5')" 1e-12 "e^0.5 - P1 = 0.1487"
expect_number p2_error "$(calc 'exp(0.5) - 1.625')" 1e-12 "e^0.5 - P2 = 0.0237"
expect_number p3_error "$(calc 'exp(0.5) - 1.625 - 0.125 / 6')" 1e-11 "e^0.5 - P3 = 0.0029"
expect_number p1_next_term 0.125 1e-14 "x^2/2 = 0.125"
expect_number p2_next_term "$(calc '0.125 / 6')" 1e-13 "x^3/6 = 0.0208"
expect_number p3_next_term "$(calc '0.0625 / 24')" 1e-12 "x^4/24 = 0.0026"
for k in 1 2 3; do
  expect_awk_ok=$(awk -v e="$(number p${k}_error)" -v t="$(number p${k}_next_term)" \
    'BEGIN { exit !(e > t && e < 1.3 * t) }' && echo 1)
  [ "$expect_awk_ok" = 1 ] && pass "P$k: the error is a little more than the first term left out" \
                           || fail "P$k: error a little more than the next term" "$(number p${k}_error) vs $(number p${k}_next_term)"
done
expect_trace_rows "$OUT/exp-taylor.tsv" 201 "exp-taylor.tsv: 201 points"
# P3 in the table at x = 2: 1 + 2 + 2 + 8/6.
p3=$(awk -F'\t' 'NR > 1 && $1 + 0 == 2 { print $5 }' "$OUT/exp-taylor.tsv")
expect_close "$p3" "$(calc '5 + 8 / 6')" 1e-14 "exp-taylor.tsv: P3(2) = 19/3"

# ---- 2. Rosenbrock at (-0.5, 0.5) ------------------------------------------------------
expect_number f0 8.5 1e-15 "f(x0) = 1.5^2 + 100 * 0.25^2 = 8.5"
expect_number g1 47 1e-15 "g1 = -2(1 - x) - 400 x (y - x^2) = 47"
expect_number g2 50 1e-15 "g2 = 200 (y - x^2) = 50"
expect_number h11 102 1e-15 "H11 = 2 - 400 (y - 3 x^2) = 102"
expect_number h12 200 1e-15 "H12 = -400 x = 200"
expect_number h22 200 1e-15 "H22 = 200"
expect_number hessian_eig_max "$(calc '(302 + sqrt(98^2 + 4 * 200^2)) / 2')" 1e-12 "largest eigenvalue of H: about 357"
expect_number hessian_eig_min "$(calc '(302 - sqrt(98^2 + 4 * 200^2)) / 2')" 1e-12 "smallest eigenvalue of H: about -55"
expect_between slope_linear 1.98 2.02 "the linear model's error has slope 2"
expect_between slope_quadratic 2.98 3.02 "the quadratic model's error has slope 3"
expect_trace_rows "$OUT/taylor-error.tsv" 33 "taylor-error.tsv: 4 decades at 8 per decade = 33 steps"
# The three values at t = 0.1 along (1, 1)/sqrt 2, from the formulas.
rosen() { awk -v x="$1" -v y="$2" 'BEGIN { printf "%.17g\n", (1 - x)^2 + 100 * (y - x^2)^2 }'; }
s=$(calc '0.1 / sqrt(2)')
expect_number f_at_step "$(rosen "$(calc "-0.5 + $s")" "$(calc "0.5 + $s")")" 1e-12 "f(x0 + 0.1 d) = 16.975"
expect_number linear_at_step "$(calc '8.5 + 0.1 * 97 / sqrt(2)')" 1e-13 "linear model at t = 0.1: 15.359"
expect_number quadratic_at_step "$(calc '8.5 + 0.1 * 97 / sqrt(2) + 0.5 * 0.01 * 702 / 2')" 1e-13 \
  "quadratic model at t = 0.1: 17.114"
# At the smallest step both errors follow their Taylor terms: the linear
# model misses by (1/2) d^T H d t^2 = 175.5 t^2.
e1=$(awk -F'\t' 'NR == 2 { print $5 }' "$OUT/taylor-error.tsv")
expect_close "$e1" "$(calc '175.5 * 1e-8')" 1e-3 "error of the linear model at t = 1e-4 is (1/2) d^T H d t^2"

# ---- 3. The steepest direction ---------------------------------------------------------
gn=$(calc 'sqrt(47^2 + 50^2)')
ag=$(calc 'atan2(50, 47) * 180 / pi')
expect_number gradient_norm "$gn" 1e-14 "||g|| = sqrt(47^2 + 50^2) = 68.62"
expect_number gradient_angle "$ag" 1e-12 "the gradient's angle is 46.77 degrees"
expect_close "$(calc "$(number gradient_angle) + 90")" 136.77 1e-4 "a zero of v^T g at 136.77 degrees"
expect_close "$(calc "$(number gradient_angle) + 270")" 316.77 1e-4 "a zero of v^T g at 316.77 degrees"
expect_number steepest_angle 227 0 "on the 1-degree grid the minimum is at 227 degrees"
expect_number min_directional "$(calc "$gn * cos((227 - $ag) * pi / 180)")" 1e-12 "the smallest v^T g is -68.62"
expect_number steepest_v1 "$(calc "-47 / $gn")" 1e-14 "v1 = -47/||g|| = -0.684910"
expect_number steepest_v2 "$(calc "-50 / $gn")" 1e-14 "v2 = -50/||g|| = -0.728628"
expect_number steepest_length 1 1e-15 "||v|| = 1"
expect_number steepest_dot "-$gn" 1e-14 "v^T g = -||g||"
expect_number steepest_slope "-$gn" 1e-8 "the central-difference slope along v is -||g||"
expect_trace_rows "$OUT/directional.tsv" 361 "directional.tsv: 0 to 360 degrees in steps of 1"
# Every measured slope is the dot product (the linear model is exact for tiny steps).
worst=$(awk -F'\t' 'NR > 1 { d = $2 - $3; if (d < 0) d = -d; if (d > m) m = d } END { print m + 0 }' "$OUT/directional.tsv")
expect_between_value() { awk -v v="$1" -v hi="$2" 'BEGIN { exit !(v <= hi) }'; }
expect_between_value "$worst" 1e-6 && pass "every measured slope equals v^T g (worst difference $worst)" \
                                  || fail "every measured slope equals v^T g" "worst difference $worst"

# ---- 4. The saddle ---------------------------------------------------------------------
expect_number saddle_gradient_norm 0 0 "gradient of x^2 - y^2 at the origin is 0"
expect_number saddle_eig_min -2 1e-15 "Hessian eigenvalue -2"
expect_number saddle_eig_max 2 1e-15 "Hessian eigenvalue +2"
expect_number saddle_direction_refused 1 0 "no steepest direction where g = 0"
expect_number saddle_model_x 1 1e-15 "m2(1, 0) = 1 = f(1, 0)"
expect_number saddle_model_y -1 1e-15 "m2(0, 1) = -1 = f(0, 1)"
expect_trace_rows "$OUT/saddle-grid.tsv" 6561 "saddle-grid.tsv: 81 x 81 points"

# ---- params.lua spells out the schema's defaults -----------------------------------------
expect_params_lua 02 02-taylor "$DEFAULT_OUT"

# ---- The questions in the text -----------------------------------------------------------
# probe = 0.05: the errors shrink by about 10^2, 10^3, 10^4.
run_lab 02 --no-plot --quiet --set probe=0.05
expect_rc 0 "probe = 0.05 runs"
for k in 1 2 3; do
  r=$(awk -v a="$(number p${k}_error)" -v b="$(awk -F'\t' -v k="p${k}_error" '$1 == k { print $2 }' "$DEFAULT_OUT/numbers.tsv")" \
      'BEGIN { printf "%.6g", b / a }')
  awk -v r="$r" -v k="$k" 'BEGIN { e = 10^(k + 1); exit !(r > e * 0.8 && r < e * 1.5) }' \
    && pass "probe 0.5 -> 0.05: the error of P$k shrinks about 10^$((k + 1)) times (by $r)" \
    || fail "probe 0.5 -> 0.05: error of P$k shrinks about 10^$((k + 1)) times" "by $r"
done
# A quadratic objective: the quadratic model is exact, up to rounding.
run_lab 02 --no-plot --quiet --set "objective='quadratic'"
expect_rc 0 "objective = 'quadratic' runs"
worst=$(awk -F'\t' 'NR > 1 && $6 > m { m = $6 } END { print m + 0 }' "$OUT/taylor-error.tsv")
expect_between_value "$worst" 1e-12 && pass "4x^2 + y^2: the quadratic model is exact (worst error $worst)" \
                                   || fail "4x^2 + y^2: the quadratic model is exact" "worst error $worst"

# ---- Figures ---------------------------------------------------------------------------
if figure_run 02; then
  expect_figures 02-exp-taylor 02-taylor-error 02-model-slice 02-directional 02-saddle
  expect_legible_figures
  expect_quiet_figures
fi

# ---- Bad parameters are caught before anything is written --------------------------------
expect_bad_param 02 "objective='nosuch'" "objective = 'nosuch'"
expect_bad_param 02 'direction={0, 0}' 'direction = {0, 0}'
expect_bad_param 02 'step_range={1, 1e-4}' 'step_range = {1, 1e-4}'
