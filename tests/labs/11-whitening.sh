# tests/labs/11-whitening.sh — lab 11: every number its text quotes, worked
# out again here in awk from the data the lab wrote (train.tsv, test.tsv):
# the Gram matrices and their eigenvalues in closed form, the condition
# numbers, the best steps and rates, gradient descent itself, the test-set
# statistics and errors; its tables and figures; params.lua against the
# schema in lab.c.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

check() { # check WHAT AWK-CONDITION [awk -v assignments...]
  local what=$1 cond=$2; shift 2
  if awk "$@" "BEGIN { exit !($cond) }"; then pass "$what"
  else fail "$what" "false: $cond with $*"; fi
}

# expected OUT TOL: every expected number, as "key value" lines, from
# OUT/train.tsv and OUT/test.tsv alone. For each case (raw, scaled,
# centred, standardized) the 2x2 Gram matrix G = Z^T Z / n and c = Z^T t / n
# (t = y, or y - ybar for the centred cases) are formed from the data;
# then kappa and the eigenvalues in closed form, eta = 1 / trace(G) (=
# 2 / (lambda_min + lambda_max) of H = 2G), the rate, the predicted count,
# gradient descent on L = b^T G b - 2 c^T b + const (gradient 2 (G b - c))
# counted until ||g|| <= tol ||g0||, and the test error of the exact
# minimizer.
expected() {
  awk -F'\t' -v tol="$2" '
  function eig2(a, b, d) { t = (a + d) / 2; s = sqrt((a - d) * (a - d) / 4 + b * b); LO = t - s; HI = t + s }
  # Case k: G (g11 g12 g22), c (c1 c2), and the features of test row i
  # (which the caller puts into Z1 Z2) give everything.
  function analyse(key, g11, g12, g22, c1, c2,    k, r, b1, b2, x1, x2, gx, gy, g0, steps, det) {
    eig2(g11, g12, g22); k = HI / LO; r = (k - 1) / (k + 1)
    printf "kappa_%s %.17g\nlambda_min_%s %.17g\nlambda_max_%s %.17g\n", key, k, key, 2 * LO, key, 2 * HI
    printf "eta_%s %.17g\nrate_%s %.17g\n", key, 1 / (g11 + g22), key, r
    printf "predicted_steps_%s %d\n", key, (r > 1e-12 ? int(log(tol) / log(r) - 1e-9) + 1 : 1)
    # Gradient descent from 0 with the best step.
    x1 = 0; x2 = 0; eta = 1 / (g11 + g22)
    for (steps = 0; ; steps++) {
      gx = 2 * (g11 * x1 + g12 * x2 - c1); gy = 2 * (g12 * x1 + g22 * x2 - c2)
      gn = sqrt(gx * gx + gy * gy); if (steps == 0) g0 = gn
      if (gn <= tol * g0 || steps > 1000000) break
      x1 -= eta * gx; x2 -= eta * gy
    }
    printf "steps_%s %d\n", key, steps
    det = g11 * g22 - g12 * g12
    B1[key] = (c1 * g22 - g12 * c2) / det; B2[key] = (g11 * c2 - g12 * c1) / det
  }
  FNR == 1 { file++; next }
  file == 1 { n++; X1[n] = $1; X2[n] = $2; Y[n] = $3 }
  file == 2 { nt++; T1[nt] = $1; T2[nt] = $2; TY[nt] = $3 }
  END {
    for (i = 1; i <= n; i++) { m1 += X1[i]; m2 += X2[i]; my += Y[i] }
    m1 /= n; m2 /= n; my /= n
    for (i = 1; i <= n; i++) {
      d1 = X1[i] - m1; d2 = X2[i] - m2
      v11 += d1 * d1; v12 += d1 * d2; v22 += d2 * d2
      r11 += X1[i] * X1[i]; r12 += X1[i] * X2[i]; r22 += X2[i] * X2[i]
      ry1 += X1[i] * Y[i]; ry2 += X2[i] * Y[i]
      cy1 += d1 * (Y[i] - my); cy2 += d2 * (Y[i] - my)
    }
    v11 /= n; v12 /= n; v22 /= n; r11 /= n; r12 /= n; r22 /= n
    ry1 /= n; ry2 /= n; cy1 /= n; cy2 /= n
    s1 = sqrt(v11); s2 = sqrt(v22); corr = v12 / (s1 * s2)
    printf "train_mean_1 %.17g\ntrain_mean_2 %.17g\ntrain_std_1 %.17g\ntrain_std_2 %.17g\n", m1, m2, s1, s2
    printf "train_correlation %.17g\nmean_norm_sq %.17g\n", corr, m1 * m1 + m2 * m2
    ac = corr < 0 ? -corr : corr
    printf "kappa_correlation_formula %.17g\n", (1 + ac) / (1 - ac)
    analyse("raw", r11, r12, r22, ry1, ry2)
    analyse("scaled", r11 / (s1 * s1), r12 / (s1 * s2), r22 / (s2 * s2), ry1 / s1, ry2 / s2)
    analyse("centred", v11, v12, v22, cy1, cy2)
    analyse("standardized", 1, corr, 1, cy1 / s1, cy2 / s2)
    # The lecture design [1, x1, x2]: G is 3x3; eigenvalues by the
    # trigonometric formula for a symmetric 3x3 matrix.
    a11 = 1; a12 = m1; a13 = m2; a22 = r11; a23 = r12; a33 = r22
    q = (a11 + a22 + a33) / 3; p1 = a12 * a12 + a13 * a13 + a23 * a23
    p = sqrt(((a11 - q)^2 + (a22 - q)^2 + (a33 - q)^2 + 2 * p1) / 6)
    b11 = (a11 - q) / p; b22 = (a22 - q) / p; b33 = (a33 - q) / p
    b12 = a12 / p; b13 = a13 / p; b23 = a23 / p
    rr = (b11 * (b22 * b33 - b23 * b23) - b12 * (b12 * b33 - b23 * b13) + b13 * (b12 * b23 - b22 * b13)) / 2
    if (rr > 1) rr = 1; if (rr < -1) rr = -1
    phi = atan2(sqrt(1 - rr * rr), rr) / 3; pi = atan2(0, -1)
    e1 = q + 2 * p * cos(phi); e3 = q + 2 * p * cos(phi + 2 * pi / 3)
    printf "kappa_raw_intercept %.17g\n", e1 / e3
    printf "intercept_lambda_max %.17g\nintercept_det %.17g\n", e1, \
      a11 * (a22 * a33 - a23 * a23) - a12 * (a12 * a33 - a23 * a13) + a13 * (a12 * a23 - a22 * a13)
    # Test set: standardized with the training statistics, and the test
    # errors of the exact minimizers (raw and scaled: no intercept; the
    # centred ones: ybar + the centred model, all the same predictor).
    for (i = 1; i <= nt; i++) {
      z1 = (T1[i] - m1) / s1; z2 = (T2[i] - m2) / s2
      tm1 += z1; tm2 += z2; tz1[i] = z1; tz2[i] = z2
      e = B1["raw"] * T1[i] + B2["raw"] * T2[i] - TY[i]; mse_raw += e * e
      e = my + B1["standardized"] * z1 + B2["standardized"] * z2 - TY[i]; mse_std += e * e
    }
    tm1 /= nt; tm2 /= nt
    for (i = 1; i <= nt; i++) { ts1 += (tz1[i] - tm1)^2; ts2 += (tz2[i] - tm2)^2 }
    printf "test_mean_1 %.17g\ntest_mean_2 %.17g\n", tm1, tm2
    printf "test_std_1 %.17g\ntest_std_2 %.17g\n", sqrt(ts1 / nt), sqrt(ts2 / nt)
    printf "test_mse_raw %.17g\ntest_mse_scaled %.17g\n", mse_raw / nt, mse_raw / nt
    printf "test_mse_centred %.17g\ntest_mse_standardized %.17g\ntest_mse_whitened %.17g\n", \
      mse_std / nt, mse_std / nt, mse_std / nt
    printf "ybar %.17g\n", my
  }' "$1/train.tsv" "$1/test.tsv"
}
want() { awk -v k="$1" '$1 == k { print $2; f = 1 } END { exit !f }' <<<"$EXPECTED"; }

# ---- The default run ------------------------------------------------------------------
run_lab 11 --no-plot
expect_rc 0 "default run exits 0"
DEFAULT_OUT=$OUT
expect_tables train test standardized loss-gap path-raw path-scaled path-centred path-standardized \
  path-whitened numbers
expect_stubs_announced 11-whitening standardize_features gram_condition_number

# ---- 1. The data: the law it was drawn from -------------------------------------------
expect_trace_rows "$OUT/train.tsv" 200 "train.tsv: 200 examples"
expect_trace_rows "$OUT/test.tsv" 100 "test.tsv: 100 examples"
EXPECTED=$(expected "$OUT" 1e-6)
# Sample statistics within about 4 standard errors of the law's values.
expect_between train_mean_1 9.7 10.3 "feature 1: mean near 10"
expect_between train_mean_2 18.9 21.1 "feature 2: mean near 20"
expect_between train_std_1 0.85 1.15 "feature 1: standard deviation near 1"
expect_between train_std_2 3.4 4.6 "feature 2: standard deviation near 4"
expect_between train_correlation 0.36 0.62 "correlation near 0.5"
# y = 2 x1 + x2 + noise: the residuals of the true line have variance 0.25.
check "y = 2 x1 + x2 + N(0, 0.5^2): the residual variance of the true line is near 0.25" \
  "v > 0.18 && v < 0.33" -v v="$(awk -F'\t' 'NR > 1 { e = $3 - 2 * $1 - $2; s += e * e; n++ } END { print s / n }' "$OUT/train.tsv")"
for k in train_mean_1 train_mean_2 train_std_1 train_std_2 train_correlation mean_norm_sq; do
  expect_number "$k" "$(want $k)" 1e-12 "$k from your standardize_features = $(want $k) (awk)"
done

# ---- 3. The raw features ---------------------------------------------------------------
for k in kappa_raw lambda_min_raw lambda_max_raw kappa_raw_intercept; do
  expect_number "$k" "$(want $k)" 1e-9 "$k = $(want $k) (closed-form eigenvalues of G from the data)"
done
check "lambda_max(H) >= 2 ||m||^2: the mean's rank-one term is most of it (> 95%)" \
  "l >= 2 * m && 2 * m > 0.95 * l" -v l="$(number lambda_max_raw)" -v m="$(number mean_norm_sq)"
expect_number ones_column_status 1 0 "[1, x1, x2] to standardize_features: OPT_EINVAL (1)"
expect_number ones_column_std 0 0 "... with std 0 for the column of ones"

# ---- 4. Standardizing, and its two halves ------------------------------------------------
for k in kappa_scaled kappa_centred kappa_standardized kappa_correlation_formula; do
  expect_number "$k" "$(want $k)" 1e-9 "$k = $(want $k) (awk)"
done
expect_number kappa_standardized "$(want kappa_correlation_formula)" 1e-12 \
  "standardized kappa = (1 + |r|)/(1 - |r|)"
expect_number kappa_standardized_intercept "$(number kappa_standardized)" 1e-12 \
  "adding the intercept column to the standardized features leaves kappa alone"
# The standardized table: the training columns have mean 0 and std 1 exactly.
read -r zm1 zm2 zs1 zs2 <<<"$(awk -F'\t' 'NR > 1 && $1 == 0 { n++; a += $2; b += $3; aa += $2 * $2; bb += $3 * $3 }
  END { printf "%.17g %.17g %.17g %.17g\n", a / n, b / n, sqrt(aa / n - (a / n)^2), sqrt(bb / n - (b / n)^2) }' "$OUT/standardized.tsv")"
check "standardized training columns: mean 0 (to 1e-13)" "a < 1e-13 && a > -1e-13 && b < 1e-13 && b > -1e-13" -v a="$zm1" -v b="$zm2"
check "standardized training columns: std 1 (to 1e-12)" "(a - 1)^2 < 1e-24 && (b - 1)^2 < 1e-24" -v a="$zs1" -v b="$zs2"

# ---- 5. Whitening ------------------------------------------------------------------------
expect_number kappa_whitened 1 1e-12 "whitened: kappa = 1"
expect_number eta_whitened 0.5 1e-12 "whitened: eta = 1/2"
expect_number steps_whitened 1 0 "whitened: one step"

# ---- 6. Gradient descent -----------------------------------------------------------------
for c in raw scaled centred standardized; do
  expect_number "eta_$c" "$(want eta_$c)" 1e-9 "$c: eta = 2/(lambda_min + lambda_max) = 1/trace(G) = $(want eta_$c)"
  expect_number "rate_$c" "$(want rate_$c)" 1e-9 "$c: rate (kappa-1)/(kappa+1) = $(want rate_$c)"
  expect_number "predicted_steps_$c" "$(want predicted_steps_$c)" 0 "$c: predicted steps $(want predicted_steps_$c)"
  expect_number "steps_$c" "$(want steps_$c)" 0 "$c: gradient descent in awk also takes $(want steps_$c) steps"
  expect_number "steps_$c" "$(number predicted_steps_$c)" 0 "$c: measured steps = predicted steps"
  expect_number "measured_rate_$c" "$(number rate_$c)" 1e-8 "$c: measured rate = (kappa-1)/(kappa+1)"
  expect_trace_rows "$OUT/path-$c.tsv" "$(( $(number steps_$c) + 1 ))" "path-$c.tsv: one row per iterate"
done
expect_number eta_standardized 0.5 1e-12 "standardized: eta = 1/2 whatever the data"
expect_number rate_standardized "$(awk -v r="$(number train_correlation)" 'BEGIN { print (r < 0 ? -r : r) }')" 1e-12 \
  "standardized: the rate is |r|"
expect_number speedup "$(awk -v a="$(number steps_raw)" -v b="$(number steps_standardized)" 'BEGIN { printf "%.17g", a / b }')" 1e-12 \
  "speedup = steps raw / steps standardized"
G=$OUT/loss-gap.tsv
expect_trace_rows "$G" "$(( $(number steps_raw) + 1 ))" "loss-gap.tsv: steps 0 .. the raw run's last"
row700=$(awk -F'\t' 'NR == 702 { print $2 }' "$G")
expect_close "$row700" "$(awk -v r="$(number rate_raw)" 'BEGIN { printf "%.17g", r^1400 }')" 1e-6 \
  "raw: the relative loss gap after 700 steps is rho^(2 x 700)"
row10=$(awk -F'\t' 'NR == 12 { print $5 }' "$G")
expect_close "$row10" "$(awk -v r="$(number rate_standardized)" 'BEGIN { printf "%.17g", r^20 }')" 1e-6 \
  "standardized: the relative loss gap after 10 steps is rho^20"
read -r first_raw first_std <<<"$(awk -F'\t' 'NR == 2 { print $2, $5 }' "$G")"
check "every loss gap starts at 1" "a == 1 && b == 1" -v a="$first_raw" -v b="$first_std"
# Every path starts at start = (0, 0).
for c in raw standardized whitened; do
  s=$(grep -v '^#' "$OUT/path-$c.tsv" | awk -F'\t' 'NR == 2 { print $4 + 0 == 0 && $5 + 0 == 0 }')
  [ "$s" = 1 ] && pass "path-$c starts at (0, 0)" || fail "path-$c starts at (0, 0)" "row: $(grep -v '^#' "$OUT/path-$c.tsv" | sed -n 2p)"
done

# ---- 7. The test set -----------------------------------------------------------------------
for k in test_mean_1 test_mean_2 test_std_1 test_std_2; do
  expect_number "$k" "$(want $k)" 1e-9 "$k = $(want $k): the test set with the training statistics"
done
# The lab scores the last iterate, which stops at ||g|| <= 1e-6 ||g0||: within
# about ||g|| / lambda_min of the exact minimizer, so 1e-4 relative.
for c in raw scaled centred standardized whitened; do
  expect_number "test_mse_$c" "$(want test_mse_$c)" 1e-4 "test error, $c: $(want test_mse_$c) (exact minimizer, awk)"
done

# ---- The numbers the text quotes -------------------------------------------------------------
expect_between lambda_max_raw 999.65 999.75 "text: lambda_max(H) = 999.7"
check "text: 2 ||m||^2 = 971" "v >= 970.5 && v < 971.5" -v v="$(awk -v m="$(number mean_norm_sq)" 'BEGIN { print 2 * m }')"
expect_between lambda_min_raw 4.915 4.925 "text: lambda_min(H) = 4.92"
expect_between kappa_raw 202.5 203.5 "text: kappa = 203"
expect_between kappa_raw_intercept 50500 51500 "text: kappa with the column of ones about 51 000"
dsig=$(awk -v s1="$(number train_std_1)" -v s2="$(number train_std_2)" -v r="$(number train_correlation)" 'BEGIN { printf "%.17g", s1^2 * s2^2 * (1 - r^2) }')
check "text: det of the 3x3 G is det(Sigma), about 12" "d > 11.5 && d < 12.5" -v d="$dsig"
expect_close "$(want intercept_det)" "$dsig" 1e-6 "det of [1 m^T; m Sigma + m m^T] = det(Sigma) (Schur complement)"
check "text: its largest eigenvalue is about 500, the other two multiply to about 0.024" \
  "e > 495 && e < 505 && d / e > 0.0235 && d / e < 0.0245" -v e="$(want intercept_lambda_max)" -v d="$dsig"
check "text: the mean direction is about (1, 2)" "r > 1.9 && r < 2.1" \
  -v r="$(awk -v a="$(number train_mean_1)" -v b="$(number train_mean_2)" 'BEGIN { print b / a }')"
expect_between kappa_standardized 2.815 2.825 "text: standardized kappa 2.82"
expect_between train_correlation 0.4755 0.4765 "text: r = 0.476"
expect_between kappa_scaled 202.5 203.5 "text: scaled only, kappa 203"
expect_between kappa_centred 20.5 21.5 "text: centred only, kappa 21"
check "text: the means in units of the deviations are about (10, 5)" "a > 9.5 && a < 10.5 && b > 4.5 && b < 5.5" \
  -v a="$(awk -v m="$(number train_mean_1)" -v s="$(number train_std_1)" 'BEGIN { print m / s }')" \
  -v b="$(awk -v m="$(number train_mean_2)" -v s="$(number train_std_2)" 'BEGIN { print m / s }')"
expect_number steps_raw 1405 0 "text: raw, 1405 steps"
expect_between rate_raw 0.99015 0.99025 "text: raw rate 0.9902 (1% per step)"
expect_number steps_standardized 19 0 "text: standardized, 19 steps"
expect_number steps_scaled 1401 0 "text: scaled only, 1401 steps"
expect_number steps_centred 146 0 "text: centred only, 146 steps"
expect_between speedup 73.5 74.5 "text: 74 times fewer"
for c in raw scaled centred standardized; do
  check "text: measured rate agrees with the prediction to ten digits ($c)" "d < 1e-10" \
    -v d="$(awk -v a="$(number measured_rate_$c)" -v b="$(number rate_$c)" 'BEGIN { d = a - b; print d < 0 ? -d : d }')"
done
expect_between test_mean_1 0.2445 0.2455 "text: test mean 0.24 (feature 1)"
expect_between test_mean_2 0.1955 0.2005 "text: test mean 0.20 (feature 2)"
expect_between test_std_1 0.9955 0.9965 "text: test std 0.996"
expect_between test_std_2 0.9875 0.9885 "text: test std 0.988"
expect_between test_mse_raw 0.23325 0.23335 "text: test error 0.2333 (raw)"
expect_between test_mse_scaled 0.23325 0.23335 "text: test error 0.2333 (scaled)"
for c in centred standardized whitened; do
  expect_between "test_mse_$c" 0.23265 0.23275 "text: test error 0.2327 ($c)"
done

# ---- params.lua spells out the schema's defaults -----------------------------------------
expect_params_lua 11 11-whitening "$DEFAULT_OUT"

# ---- Another seed, and the questions: the claims hold, worked out again --------------------
for args in "--seed 7" "--set correlation=0.9" "--set feature_means={0,0}" "--set correlation=-0.6"; do
  # shellcheck disable=SC2086
  run_lab 11 --no-plot --quiet $args
  expect_rc 0 "$args exits 0"
  EXPECTED=$(expected "$OUT" 1e-6)
  for k in kappa_raw kappa_standardized kappa_centred; do
    expect_number "$k" "$(want $k)" 1e-9 "$args: $k = $(want $k) (awk)"
  done
  for c in raw standardized; do
    expect_number "steps_$c" "$(want steps_$c)" 0 "$args: $c takes $(want steps_$c) steps (awk)"
    expect_number "steps_$c" "$(number predicted_steps_$c)" 0 "$args: $c steps = prediction"
  done
  expect_number kappa_whitened 1 1e-12 "$args: whitened kappa = 1"
  expect_number steps_whitened 1 0 "$args: whitened, one step"
done
# Question: with correlation 0.9 standardizing cannot help much; whitening can.
run_lab 11 --no-plot --quiet --set correlation=0.9
check "correlation 0.9: standardized kappa = (1+r)/(1-r) is above 10" "k > 10" -v k="$(number kappa_standardized)"

# ---- Figures ---------------------------------------------------------------------------
if figure_run 11; then
  expect_figures 11-data 11-contours 11-loss
  expect_legible_figures
  expect_quiet_figures
fi

# ---- Bad parameters are caught before anything is written --------------------------------
expect_bad_param 11 'feature_means={1, 2, 3}' 'three feature means'
expect_bad_param 11 'start={0}' 'a one-number start'
expect_bad_param 11 'correlation=1' 'correlation = 1 (collinear features)'
expect_bad_param 11 'feature_stds={1, 0}' 'a zero standard deviation'
