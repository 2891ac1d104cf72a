# tests/labs/03-conditioning.sh — lab 03: every number its text quotes,
# with the expected values worked out here from the formulas or by running
# gradient and coordinate descent again in awk; its tables and figures;
# params.lua against the schema in lab.c.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

calc() { awk "BEGIN { pi = atan2(0, -1); printf \"%.17g\n\", ($1) }"; }
check() { # check WHAT AWK-CONDITION [awk -v assignments...]
  local what=$1 cond=$2; shift 2
  if awk "$@" "BEGIN { exit !($cond) }"; then pass "$what"
  else fail "$what" "false: $cond with $*"; fi
}
rows_of() { grep -v '^#' "$1" 2>/dev/null | tail -n +2 | grep -c .; }

# descend METHOD L1 L2 THETA ETA TOL GTOL FTOL BUDGET [U1 U2]: gradient
# descent (METHOD gd) or exact coordinate descent (cd) on x^T Q diag(L1, L2)
# Q^T x from Q (U1, U2) (default (-0.6, 3)), written out again here. Stops
# like the driver: ||g|| <= max(TOL ||g0||, GTOL), |f - f_prev| <= FTOL
# max(1, |f|), k = BUDGET, or a non-finite f. Prints "steps reason f gnorm"
# (reason: 1 gradient, 2 change, 3 budget, 4 diverged).
descend() {
  awk -v m="$1" -v l1="$2" -v l2="$3" -v th="$4" -v eta="$5" -v tol="$6" -v gtol="$7" \
      -v ftol="$8" -v budget="$9" -v u1="${10:--0.6}" -v u2="${11:-3}" '
  function out(k, r, f, g) { printf "%d %d %.17g %.17g\n", k, r, f, g }
  BEGIN {
    big = 1.7976931348623157e308
    t = th * atan2(0, -1) / 180; c = cos(t); s = sin(t)
    a11 = l1 * c * c + l2 * s * s; a12 = (l1 - l2) * c * s; a22 = l1 * s * s + l2 * c * c
    x = c * u1 - s * u2; y = s * u1 + c * u2
    for (k = 0; ; k++) {
      ax = a11 * x + a12 * y; ay = a12 * x + a22 * y
      f = x * ax + y * ay; gx = 2 * ax; gy = 2 * ay; gn = sqrt(gx * gx + gy * gy)
      if (!(f <= big && f >= -big)) { out(k, 4, fp, gp); exit }
      if (k == 0) lim = tol * gn; if (gtol > lim) lim = gtol
      if (gn <= lim) { out(k, 1, f, gn); exit }
      d = f - fp; if (d < 0) d = -d; sc = f < 0 ? -f : f; if (sc < 1) sc = 1
      if (k > 0 && ftol > 0 && d <= ftol * sc) { out(k, 2, f, gn); exit }
      if (k == budget) { out(k, 3, f, gn); exit }
      fp = f; gp = gn
      if (m == "gd") { x -= eta * gx; y -= eta * gy }
      else if (k % 2 == 0) x -= gx / (2 * a11); else y -= gy / (2 * a22)
    } }'
}
steps_of() { descend "$@" | awk '{ print $1 }'; }

# ---- The default run ------------------------------------------------------------------
run_lab 03 --no-plot
expect_rc 0 "default run exits 0"
DEFAULT_OUT=$OUT
expect_tables gd-path-1 gd-path-2 gd-path-3 cd-path-1 cd-path-2 cd-path-3 step-size kappa-sweep \
  ill-conditioning numbers
expect_stubs_announced 03-conditioning gradient_descent_step hessian_condition_number predicted_loss_change

# ---- 1. The three bowls ------------------------------------------------------------------
expect_number kappa_1 4 1e-14 "diag(4, 1): kappa = 8 / 2 = 4"
expect_number kappa_2 4 1e-14 "diag(4, 1) rotated: kappa = 4 (Hessian [5 3; 3 5])"
expect_number kappa_3 12 1e-14 "diag(12, 1) rotated: kappa = 24 / 2 = 12"
grep -q 'H = \[5 3; 3 5\], eigenvalues 2 and 8' "$STDOUT" && pass "printed: H = 2A = [5 3; 3 5], eigenvalues 2 and 8" \
  || fail "printed: H = [5 3; 3 5], eigenvalues 2 and 8" "$(grep 'H =' "$STDOUT")"
grep -q 'H = \[13 11; 11 13\], eigenvalues 2 and 24' "$STDOUT" && pass "printed: H = [13 11; 11 13], eigenvalues 2 and 24" \
  || fail "printed: H = [13 11; 11 13], eigenvalues 2 and 24" "$(grep 'H =' "$STDOUT")"
i=0
for spec in "4 1 0" "4 1 45" "12 1 45"; do
  i=$((i + 1))
  want=$(steps_of gd $spec 0.075 1e-6 0 0 100000)
  expect_number "gd_steps_$i" "$want" 0 "gradient descent, eta = 0.075, on quadratic $i: $want steps"
  want=$(steps_of cd $spec 0 1e-6 0 0 100000)
  expect_number "cd_updates_$i" "$want" 0 "coordinate descent on quadratic $i: $want updates"
  expect_trace_rows "$OUT/gd-path-$i.tsv" "$(( $(number gd_steps_$i) + 1 ))" "gd-path-$i.tsv: one row per iterate"
done
expect_number gd_steps_1 84 0 "the text: 84 steps unrotated"
expect_number gd_steps_2 84 0 "the text: 84 steps rotated"
expect_number gd_steps_3 80 0 "the text: 80 steps for kappa = 12"
expect_number cd_updates_1 2 0 "the text: coordinate descent, 2 updates unrotated"
expect_number cd_updates_2 28 0 "the text: 28 updates for kappa = 4 rotated"
expect_number cd_updates_3 79 0 "the text: 79 updates for kappa = 12 rotated"
expect_number cd_rate_2 0.6 1e-12 "coordinate descent shrinks ||g|| by (4-1)/(4+1) = 0.6 per update"
expect_number cd_rate_3 "$(calc '11 / 13')" 1e-12 "... and by 11/13 = 0.846 for kappa = 12"
expect_between gd_rotation_difference 0 1e-14 "gradient descent is rotation-invariant: f agrees to rounding"
# The paths start at Q (-0.6, 3).
read -r x1 x2 <<<"$(grep -v '^#' "$OUT/gd-path-2.tsv" | awk -F'\t' 'NR == 2 { print $4, $5 }')"
expect_close "$x1" "$(calc 'cos(pi / 4) * (-0.6) - sin(pi / 4) * 3')" 1e-14 "the rotated run starts at Q (-0.6, 3)"

# ---- 2. Learning rates -----------------------------------------------------------------
expect_number eta_max_1 0.25 1e-14 "threshold 2/8 = 0.25"
expect_number eta_max_3 "$(calc '2 / 24')" 1e-14 "threshold 2/24 = 0.0833"
expect_number eta_best_1 0.2 1e-14 "best step 2/(2 + 8) = 0.2"
expect_number eta_best_3 "$(calc '2 / 26')" 1e-14 "best step 2/(2 + 24) = 0.0769"
expect_number rate_best_1 0.6 1e-14 "best rate 3/5 = 0.6"
expect_number rate_best_3 "$(calc '11 / 13')" 1e-14 "best rate 11/13 = 0.846"
expect_number gd_best_steps_1 "$(calc 'int(log(1e-6) / log(0.6)) + 1')" 0 "best step, kappa = 4: 28 steps"
expect_number gd_best_steps_3 "$(calc 'int(log(1e-6) / log(11 / 13)) + 1')" 0 "best step, kappa = 12: 83 steps"
expect_number gd_best_steps_1 28 0 "the text: 28"
expect_number gd_best_steps_3 83 0 "the text: 83"
below=$(steps_of gd 12 1 45 "$(calc '0.99 * 2 / 24')" 1e-6 0 0 100000)
expect_number below_steps "$below" 0 "1% below the threshold: converges in $below steps"
expect_number below_steps 680 0 "the text: 680 steps"
expect_number below_status_diverged 0 0 "1% below the threshold does not diverge"
read -r above reason _ <<<"$(descend gd 12 1 45 "$(calc '1.01 * 2 / 24')" 1e-6 0 0 100000)"
expect_number above_status_diverged 1 0 "1% above the threshold: OPT_EDIVERGED"
[ "$reason" = 4 ] && pass "awk's run 1% above the threshold overflows too" || fail "awk's run overflows" "reason $reason"
expect_number above_steps "$above" 0 "... at step $above (the step of the first non-finite f)"
expect_number above_steps 17885 0 "the text: 17 885 steps"
# Where it should overflow: 12 u1^2 1.0404^k (f of the steep part) passes DBL_MAX.
check "the divergence step is where 12 * 0.6^2 * 1.0404^k passes DBL_MAX (within 0.1%)" \
  "k > 0.999 * p && k < 1.001 * p" -v k="$(number above_steps)" \
  -v p="$(calc 'log(1.7976931348623157e308 / (12 * 0.36)) / log(1.0404)')"
expect_number above_growth 1.0404 1e-6 "f grows by (2 x 1.01 - 1)^2 = 1.0404 per step"
expect_trace_rows "$OUT/step-size.tsv" 201 "step-size.tsv: steps 0 to 200"

# ---- The sweep -------------------------------------------------------------------------
S=$OUT/kappa-sweep.tsv
expect_trace_rows "$S" 12 "kappa-sweep.tsv: 12 condition numbers"
bad=$(awk -F'\t' 'NR > 1 && ($2 != $3 || $4 != $5 || $6 != $7) { print $1 }' "$S")
[ -z "$bad" ] && pass "every measured count in the sweep equals the lab's prediction" \
              || fail "measured counts equal predictions" "differ at kappa $bad"
# The best-step prediction from the formula, here.
bad=$(awk -F'\t' 'NR > 1 { k = $1 + 0; r = (k - 1) / (k + 1);
        p = r > 1e-12 ? int(log(1e-6) / log(r) - 1e-9) + 1 : 1; if (p != $2) print k, $2, p }' "$S")
[ -z "$bad" ] && pass "gd_best = ceil(ln 1e-6 / ln((k-1)/(k+1))) for every kappa" \
              || fail "gd_best follows the formula" "$bad"
for k in 4 12 64; do
  row=$(awk -F'\t' -v k="$k" 'NR > 1 && $1 + 0 > k - 1e-6 && $1 + 0 < k + 1e-6' "$S")
  safe=$(steps_of gd "$k" 1 45 "$(calc "1 / (2 * $k)")" 1e-6 0 0 100000)
  cd=$(steps_of cd "$k" 1 45 0 1e-6 0 0 100000)
  got_safe=$(cut -f4 <<<"$row"); got_cd=$(cut -f6 <<<"$row")
  [ "$got_safe" = "$safe" ] && pass "sweep, kappa = $k: safe step takes $safe steps (awk agrees)" \
                           || fail "sweep, kappa = $k: safe step" "lab $got_safe, awk $safe"
  [ "$got_cd" = "$cd" ] && pass "sweep, kappa = $k: coordinate descent takes $cd updates (awk agrees)" \
                       || fail "sweep, kappa = $k: coordinate descent" "lab $got_cd, awk $cd"
done
last=$(tail -n 1 "$S")
check "the text: at kappa = 1024, 7074 / 8694 / 4413 iterations" \
  "b == 7074 && s == 8694 && c == 4413" -v b="$(cut -f2 <<<"$last")" -v s="$(cut -f4 <<<"$last")" -v c="$(cut -f6 <<<"$last")"
expect_number half_log_tol "$(calc '0.5 * log(1e6)')" 1e-14 "(1/2) ln 1e6 = 6.91"
expect_between steps_per_kappa 6.85 6.95 "best step: 6.91 steps per unit of kappa at kappa = 1024"

# ---- 3. The ill-conditioning test --------------------------------------------------------
expect_number probe_f 13.625 1e-14 "f(1, 0.5) = 13.625"
expect_number probe_gg 648.5 1e-14 "g = (18.5, 17.5): g^T g = 648.5"
expect_number probe_gHg 15553 1e-14 "g^T H g = 15553"
expect_number probe_rayleigh "$(calc '15553 / 648.5')" 1e-14 "Rayleigh quotient 23.98"
expect_number eps_increase "$(calc '2 * 648.5 / 15553')" 1e-14 "f rises for eps > 0.0834"
expect_number eps_best "$(calc '648.5 / 15553')" 1e-14 "best eps along -g: 0.0417"
expect_number probe_cost 77.765 1e-13 "cost at eps = 0.1: 77.765"
expect_number probe_gain -64.85 1e-13 "gain at eps = 0.1: -64.850"
expect_number probe_predicted 12.915 1e-12 "predicted change +12.915"
expect_number probe_actual 12.915 1e-12 "actual change +12.915: the loss goes up"
expect_number probe_half_predicted "$(calc '0.5 * 0.0025 * 15553 - 0.05 * 648.5')" 1e-12 "eps = 0.05 lowers f by 12.98"
worst=$(awk -F'\t' 'NR > 1 { d = $4 - $5; if (d < 0) d = -d; s = $4 < 0 ? -$4 : $4; if (s < 1) s = 1;
          if (d / s > m) m = d / s } END { print m + 0 }' "$OUT/ill-conditioning.tsv")
check "predicted and actual changes agree along the whole table (worst $worst)" "w < 1e-12" -v w="$worst"

# ---- 4. Stopping criteria ----------------------------------------------------------------
for spec in "stop_gradient 0.075 1e-6 0 1000000 1" "stop_change 0.075 0 1e-12 1000000 2" \
            "stop_budget 0.075 0 0 25 3" "stop_slow 0.001 0 1e-6 1000000 2"; do
  read -r key eta gtol ftol budget why <<<"$spec"
  read -r k r f g <<<"$(descend gd 12 1 45 "$eta" 0 "$gtol" "$ftol" "$budget")"
  expect_number "${key}_reason" "$why" 0 "$key stops for reason $why"
  expect_number "${key}_steps" "$k" 0 "$key stops after $k steps (awk agrees)"
  expect_number "${key}_f" "$f" 1e-9 "$key: f at the stop"
done
expect_number stop_gradient_steps 97 0 "the text: 97 steps"
expect_number stop_change_steps 89 0 "the text: 89 steps"
expect_number stop_slow_steps 2621 0 "the text: 2621 steps"
expect_between stop_slow_f 2.45e-4 2.55e-4 "the text: the slow run stops at f = 2.5e-4"
expect_between stop_slow_gnorm 0.0315 0.0325 "the text: with a gradient norm of 0.032"
check "the slow run stops more than 1e4 times short of the first run's gradient norm" \
  "a / b > 1e4" -v a="$(number stop_slow_gnorm)" -v b="$(number stop_gradient_gnorm)"

# ---- params.lua spells out the schema's defaults -----------------------------------------
expect_params_lua 03 03-conditioning "$DEFAULT_OUT"

# ---- The question of part 1: 10, 45 and 80 degrees ----------------------------------------
run_lab 03 --no-plot --quiet --set "quadratics={ {lambda1=4, lambda2=1, theta=10}, {lambda1=4, lambda2=1, theta=45}, {lambda1=4, lambda2=1, theta=80} }"
expect_rc 0 "three angles run"
check "10 and 80 degrees: the same per-update rate for coordinate descent" \
  "a - b < 1e-12 && b - a < 1e-12" -v a="$(number cd_rate_1)" -v b="$(number cd_rate_3)"
check "45 degrees is the hardest for coordinate descent" "c2 > c1 && c2 > c3" \
  -v c1="$(number cd_updates_1)" -v c2="$(number cd_updates_2)" -v c3="$(number cd_updates_3)"
check "gradient descent needs the same steps at every angle" "a == b && b == c" \
  -v a="$(number gd_steps_1)" -v b="$(number gd_steps_2)" -v c="$(number gd_steps_3)"

# ---- Figures ---------------------------------------------------------------------------
if figure_run 03; then
  expect_figures 03-gd-paths 03-cd-paths 03-step-size 03-iterations-vs-kappa 03-ill-conditioning
  expect_legible_figures
  expect_quiet_figures
fi

# ---- Bad parameters are caught before anything is written --------------------------------
expect_bad_param 03 'quadratics={ {lambda1=0, lambda2=1, theta=0} }' 'lambda1 = 0'
expect_bad_param 03 'quadratics={ {lambda1=4, lambda2=1, theta=0, phi=3} }' 'an unknown field in a quadratic'
expect_bad_param 03 'threshold_factors={1.1, 1.2}' 'threshold_factors without one below 1'
expect_bad_param 03 'start={0, 0}' 'start = {0, 0}'
