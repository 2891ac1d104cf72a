# tests/labs/04-momentum.sh — lab 04: every number its text quotes, its
# tables and figures, and params.lua against the schema in lab.c. Expected
# values are computed here, in awk, from the update formulas.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"


# Steps until f <= tol, simulated: method gd|momentum|nesterov on
# f = a x^2 + b y^2 from (x0, y0) with learning rate eta and momentum m.
simulate() {
  awk -v a="$1" -v b="$2" -v x="$3" -v y="$4" -v eta="$5" -v m="$6" -v nag="$7" \
      -v tol=1e-8 -v max=1000 'BEGIN {
    vx = 0; vy = 0
    for (t = 0; t <= max; t++) {
      f = a * x * x + b * y * y
      if (f <= tol) { print t; exit }
      px = x; py = y
      if (nag) { px = x + m * vx; py = y + m * vy }
      vx = m * vx - eta * 2 * a * px; vy = m * vy - eta * 2 * b * py
      x += vx; y += vy
    }
    print -1 }'
}
# The modulus of the larger root of z^2 - A z + B.
root() { awk -v A="$1" -v B="$2" 'BEGIN { d = A * A - 4 * B
  if (d < 0) printf "%.17g\n", sqrt(B); else printf "%.17g\n", ((A < 0 ? -A : A) + sqrt(d)) / 2 }'; }
hb_rate() { root "$(awk -v m="$1" -v e="$2" -v h="$3" 'BEGIN { printf "%.17g", 1 + m - e * h }')" "$1"; }
nag_rate() { root "$(awk -v m="$1" -v e="$2" -v h="$3" 'BEGIN { printf "%.17g", (1 + m) * (1 - e * h) }')" \
                  "$(awk -v m="$1" -v e="$2" -v h="$3" 'BEGIN { printf "%.17g", m * (1 - e * h) }')"; }
max_of() { awk -v a="$1" -v b="$2" 'BEGIN { m = a + 0 > b + 0 ? a : b; printf "%.17g\n", m }'; }
# Steps may differ by one from the simulation when f lands next to tol.
expect_steps() {
  local v; v=$(number "$1") || { fail "$3" "no '$1' in numbers.tsv"; return; }
  if awk -v v="$v" -v e="$2" 'BEGIN { d = v - e; exit !(e >= 0 && d <= 1 && d >= -1) }'; then
    pass "$3: $v (simulated: $2)"
  else fail "$3" "$1 = $v, the simulation gives $2"; fi
}

# ---- The default run ------------------------------------------------------------------
run_lab 04 --no-plot
expect_rc 0 "default run exits 0"
DEFAULT_OUT=$OUT
expect_tables bowl-path-1 bowl-path-2 bowl-path-3 bowl-grid valley-gd valley-momentum \
  valley-nesterov valley-grid numbers
expect_stubs_announced 04-momentum momentum_step nesterov_step momentum_ema_params

# ---- 1. The heavy ball on 4 x1^2 + x2^2 (Hessian diag(8, 2)), eta = 0.2 -----------------
i=0
for alpha in 0 0.3 0.9; do
  i=$((i + 1))
  want=$(max_of "$(hb_rate "$alpha" 0.2 8)" "$(hb_rate "$alpha" 0.2 2)")
  expect_number "bowl_rate_$i" "$want" 1e-12 "alpha = $alpha: rate = larger root modulus = $want"
  expect_steps "bowl_steps_$i" "$(simulate 4 1 -2.5 2.5 0.2 "$alpha" 0)" "alpha = $alpha: steps to f <= 1e-8"
done
expect_number bowl_rate_1 0.6 1e-12 "gradient descent: |1 - 8 eta| = 0.6"
expect_number bowl_rate_2 "$(awk 'BEGIN { printf "%.17g", sqrt(0.3) }')" 1e-12 "alpha = 0.3: complex roots, sqrt(0.3) = 0.55"
expect_number bowl_rate_3 "$(awk 'BEGIN { printf "%.17g", sqrt(0.9) }')" 1e-12 "alpha = 0.9: sqrt(0.9) = 0.95"
expect_awk "alpha = 0.3 converges in fewer steps than gradient descent" "b < a" \
  -v a="$(number bowl_steps_1)" -v b="$(number bowl_steps_2)"
expect_between bowl_steps_3 150 199 "alpha = 0.9: 'nearly two hundred steps'"
expect_trace_rows "$OUT/bowl-path-1.tsv" "$(( $(number bowl_steps_1) + 1 ))" "bowl-path-1: one row per iterate"
expect_trace_rows "$OUT/bowl-grid.tsv" 14641 "bowl-grid: 121 x 121 points"

# ---- 2. The velocity is an exponential moving average -----------------------------------
expect_between velocity_sum_difference 0 1e-13 "v_t = -eta sum alpha^(t-k) g_k to rounding"
expect_number terminal_speedup 10 1e-12 "1 / (1 - 0.9) = 10"
expect_number velocity_largest 4 1e-12 "largest velocity entry: |v_1| = eta |g_1| = 0.2 x 20 = 4"

# ---- 3. Three formulations --------------------------------------------------------------
expect_number ema_beta 0.9 1e-12 "form (c): beta = rho = 0.9"
expect_number ema_lr 2 1e-12 "form (c): eta' = 0.2 / (1 - 0.9) = 2"
for k in classic_vs_a ema_vs_a sgd_vs_a; do
  expect_between "$k" 0 1e-12 "$k: the same iterates to rounding"
done
# PyTorch's dampening = beta: the first step differs by eta' beta |g_1|, g_1 = (8 (-2.5), 2 (2.5)).
expect_number dampened_first_step "$(awk 'BEGIN { printf "%.17g", 2 * 0.9 * 20 }')" 1e-12 \
  "dampened SGD: first step differs from (c) by eta' beta max|g_1| = 36"
expect_awk "dampened SGD never makes the difference up exactly" "m >= f" \
  -v m="$(number dampened_max)" -v f="$(number dampened_first_step)"

# ---- 4. Nesterov: look-ahead form against PyTorch's -------------------------------------
expect_between nesterov_forms_difference 0 1e-12 "x_t + rho v_t equals PyTorch's iterates to rounding"
expect_between nesterov_shift 0.1 10 "the two sequences themselves differ by rho v_t (not rounding)"

# ---- 5. The long valley 0.1 x^2 + 2 y^2 (Hessian diag(0.2, 4)), eta = 0.2, rho = 0.9 ------
expect_number valley_gd_along 0.96 1e-12 "gradient descent keeps 96 % along the floor"
expect_number valley_gd_across 0.2 1e-12 "gradient descent across: 1 - 0.8 = 0.2"
expect_number valley_momentum_across "$(hb_rate 0.9 0.2 4)" 1e-12 "momentum across: sqrt(0.9)"
expect_number valley_momentum_along "$(hb_rate 0.9 0.2 0.2)" 1e-12 "momentum along: sqrt(0.9)"
expect_number valley_nesterov_across "$(nag_rate 0.9 0.2 4)" 1e-12 "Nesterov across: sqrt(0.18) = 0.42"
expect_number valley_nesterov_across "$(awk 'BEGIN { printf "%.17g", sqrt(0.18) }')" 1e-12 "Nesterov across = sqrt(rho (1 - eta h))"
expect_number valley_nesterov_along "$(nag_rate 0.9 0.2 0.2)" 1e-12 "Nesterov along: sqrt(0.9 x 0.96)"
gd=$(simulate 0.1 2 -5 -2 0.2 0 0); mo=$(simulate 0.1 2 -5 -2 0.2 0.9 0); ne=$(simulate 0.1 2 -5 -2 0.2 0.9 1)
expect_steps valley_gd_steps "$gd" "long valley, gradient descent: steps"
expect_steps valley_momentum_steps "$mo" "long valley, momentum: steps"
expect_steps valley_nesterov_steps "$ne" "long valley, Nesterov: steps"
expect_awk "Nesterov: about half the steps of momentum, a third of gradient descent" \
  "n / m > 0.35 && n / m < 0.6 && n / g > 0.25 && n / g < 0.4" \
  -v n="$(number valley_nesterov_steps)" -v m="$(number valley_momentum_steps)" -v g="$(number valley_gd_steps)"

# ---- params.lua spells out the schema's defaults -----------------------------------------
expect_params_lua 04 04-momentum "$DEFAULT_OUT"

# ---- The question of part 1: the best alpha at eta = 0.2 ---------------------------------
best=$(awk 'BEGIN { printf "%.17g", 1.4 - sqrt(1.6) }')   # (alpha + 0.6)^2 = 4 alpha
run_lab 04 --no-plot --quiet --set "alphas={$best}"
expect_rc 0 "alphas = {$best} runs"
expect_number bowl_rate_1 "$(awk -v a="$best" 'BEGIN { printf "%.17g", sqrt(a) }')" 1e-6 \
  "alpha = 1.4 - sqrt(1.6): rate sqrt(alpha) = 0.37"
expect_steps bowl_steps_1 "$(simulate 4 1 -2.5 2.5 0.2 "$best" 0)" "alpha = 0.135: steps"

# ---- Figures ---------------------------------------------------------------------------
if figure_run 04; then
  expect_figures 04-bowl-paths 04-valley-paths 04-valley-loss
  expect_legible_figures
  expect_quiet_figures "not implemented yet"
fi

# ---- Bad parameters are caught before anything is written --------------------------------
expect_bad_param 04 'start={1, 2, 3}' 'start with three numbers'
expect_bad_param 04 'alphas={1}' 'alphas = {1} (no friction)'
expect_bad_param 04 'eta=0' 'eta = 0'
