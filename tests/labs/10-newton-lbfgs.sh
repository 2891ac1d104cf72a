# tests/labs/10-newton-lbfgs.sh — lab 10: every number its text quotes, its
# tables and figures, and params.lua against the schema in lab.c. Expected
# values are worked out here (awk from the formulas, or from the lab's own
# tables by an independent route) wherever they can be; timings are only
# checked for a range of slopes, never for a wall time.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"



# A column of a trace or table (header line skipped, comments too), row K from 0.
cell() { grep -v '^#' "$1" | awk -F'\t' -v r="$2" -v c="$3" 'NR == r + 2 { print $c }'; }

# ---- The default run ------------------------------------------------------------------
run_lab 10 --no-plot
expect_rc 0 "default run exits 0"
DEFAULT_OUT=$OUT
expect_tables newton-errors rosenbrock-gd rosenbrock-newton rosenbrock-lbfgs saddle-pure saddle-eigen \
  saddle-cholesky cost minibatch-full minibatch-lbfgs-1 minibatch-lbfgs-2 minibatch-sgd numbers
expect_stubs_announced 10-newton-lbfgs newton_step_cholesky two_loop_direction backtracking_armijo

# ---- 1. One Newton step on a quadratic -------------------------------------------------
expect_number quad_kappa 1900 0.03 "the quadratic's condition number is about 1900"
expect_number quad_grad_before 5.1 0.02 "||g|| before the step is 5.1"
expect_awk "one Newton step cuts ||g|| by 1e12 or more (to about 1e-13)" "a / b < 1e-12 && a < 1e-12" \
  -v a="$(number quad_grad_after)" -v b="$(number quad_grad_before)"
gds=$(awk -v k="$(number quad_kappa)" 'BEGIN { x = log(1e8) / log((k + 1) / (k - 1)); c = int(x); if (c < x) c++; print c }')
expect_number quad_gd_steps "$gds" 0 "gradient descent: ceil(ln 1e8 / ln((k+1)/(k-1))) = $gds steps"
expect_number quad_gd_steps 18000 0.03 "gradient descent needs about 18 000 steps"

# ---- 2. Newton's method on Rosenbrock -------------------------------------------------------
E=$OUT/newton-errors.tsv
expect_number newton_iterations 22 0 "damped, modified Newton: 22 iterations"
expect_trace_rows "$E" 23 "newton-errors.tsv: iterations 0..22"
i=0
for want in 9.2e-3 1.2e-3 2.7e-6 1.4e-10; do
  k=$((18 + i)); i=$((i + 1))
  expect_close "$(cell "$E" $k 2)" "$want" 0.05 "error at iteration $k is about $want"
done
expect_awk "iteration 22 lands exactly on (1, 1)" "e == 0" -v e="$(cell "$E" 22 2)"
for k in 19:2.9 20:5.6 21:9.9; do
  expect_awk "digits at iteration ${k%%:*} = -log10(e) is about ${k##*:}" \
    "d > ${k##*:} - 0.05 && d < ${k##*:} + 0.05" -v d="$(awk -v e="$(cell "$E" "${k%%:*}" 2)" 'BEGIN { print -log(e) / log(10) }')"
done
# Line search: shortened steps (1/8 .. 1/2) only up to iteration 14, full steps after.
expect_awk "steps shortened to 1/8 .. 1/2, the last at iteration 14" "last == 14 && min == 0.125 && max == 0.5" \
  -v last="$(awk -F'\t' 'NR > 2 && $3 < 1 { k = $1 } END { print k }' "$E")" \
  -v min="$(awk -F'\t' 'NR > 2 && (m == "" || $3 < m) { m = $3 } END { print m }' "$E")" \
  -v max="$(awk -F'\t' 'NR > 2 && $3 < 1 && $3 > m { m = $3 } END { print m }' "$E")"
# The ratios, recomputed from the errors: full steps, no shift, from e <= 2e-3 to e >= 1e-14.
read -r rmin rmax cnt dmin <<<"$(awk -F'\t' 'NR > 1 { k = $1 + 0; e[k] = $2 + 0; s[k] = $3; t[k] = $4 }
  END { min = 1e300; max = 0; dm = 1e300
        for (k = 1; k in e; k++) if (e[k-1] <= 2e-3 && e[k] >= 1e-14 && s[k] == 1 && t[k] == 0) {
          r = e[k] / e[k-1]^2; n++; if (r < min) min = r; if (r > max) max = r
          d = log(e[k]) / log(e[k-1]); if (d < dm) dm = d }
        printf "%.17g %.17g %d %.17g\n", min, max, n, dm }' "$E")"
expect_number quadratic_regime_steps "$cnt" 0 "two steps in the quadratic regime (from the table: $cnt)"
expect_number ratio_min "$rmin" 1e-9 "ratio_min = min e_{k+1}/e_k^2 from the table"
expect_number ratio_max "$rmax" 1e-9 "ratio_max = max e_{k+1}/e_k^2 from the table"
expect_number ratio_min 2.0 0.03 "the ratio is 2.0 ..."
expect_number ratio_max 18 0.03 "... and then 18"
expect_number digits_doubling_min "$dmin" 1e-9 "digits ratio from the table"
expect_between digits_doubling_min 1.7 2.1 "correct digits nearly double per step"
expect_between newton_vs_library 0 1e-8 "Newton by hand agrees with opt_newton"
expect_awk "no shift was needed: tau = 0 at every iteration" "t == 0" \
  -v t="$(awk -F'\t' 'NR > 2 && $4 != 0 { c++ } END { print c + 0 }' "$E")"
# The error column against the library's trace, computed here.
maxdiff=$(paste <(grep -v '^#' "$OUT/rosenbrock-newton.tsv" | tail -n +2) <(tail -n +2 "$E") | \
  awk -F'\t' '{ e = sqrt(($4 - 1)^2 + ($5 - 1)^2); d = e - $7; if (d < 0) d = -d; if (d > m) m = d } END { print m + 0 }')
expect_awk "error column = ||x_k - (1, 1)|| of opt_newton's path (to 1e-8)" "m <= 1e-8" -v m="$maxdiff"

# ---- 3. Gradient descent, Newton, L-BFGS -------------------------------------------------
# Rosenbrock's Hessian at (1, 1) is [[802, -400], [-400, 200]].
read -r lmax kap <<<"$(awk 'BEGIN { t = 1002; d = 802 * 200 - 400 * 400; r = sqrt(t * t - 4 * d);
  printf "%.17g %.17g\n", (t + r) / 2, (t + r) / (t - r) }')"
expect_number rosenbrock_lambda_max "$lmax" 1e-9 "lambda_max at the minimum = $lmax (about 1002)"
expect_number rosenbrock_kappa "$kap" 1e-6 "condition number at the minimum = $kap (about 2500)"
expect_close "$kap" 2500 0.01 "... which is about 2500"
expect_number gd_steps 2000 0 "gradient descent: 2000 steps"
expect_trace_rows "$OUT/rosenbrock-gd.tsv" 2001 "rosenbrock-gd.tsv: steps 0..2000"
# 2000 steps of x <- x - 1e-3 grad f, worked out here.
gde=$(awk 'BEGIN { x = -1.2; y = 1; for (k = 0; k < 2000; k++) { gx = -400 * x * (y - x * x) - 2 * (1 - x);
  gy = 200 * (y - x * x); x -= 1e-3 * gx; y -= 1e-3 * gy }; printf "%.17g", sqrt((x - 1)^2 + (y - 1)^2) }')
expect_number gd_error "$gde" 1e-8 "gradient descent's final error, by awk: $gde"
expect_number gd_error 0.56 0.02 "gradient descent is still 0.56 from the minimum"
expect_number newton_library_iterations 22 0 "opt_newton: 22 iterations"
expect_number newton_library_evaluations 30 0 "opt_newton: 30 evaluations"
expect_between lbfgs_iterations 37 41 "L-BFGS: about 39 iterations"
expect_between lbfgs_evaluations 44 50 "L-BFGS: about 47 evaluations"
expect_between lbfgs_error 0 1e-8 "L-BFGS converges"
expect_trace_rows "$OUT/rosenbrock-newton.tsv" 23 "rosenbrock-newton.tsv: iterations 0..22"

# ---- 4. The saddle -----------------------------------------------------------------------
# From (x0, y0) = (1.5, 0.25): eigen step (0, 2 y0), doubling y; Cholesky: the first shift
# that factors diag(2, -2) + tau I is beta + 2 = 3 (beta = 1), and the step uses twice it,
# tau = 6 (lib/newton.c: lambda_min(H + 2 tau I) >= tau >= |lambda_min(H)|), so
# x <- x (1 - 2/(2 + tau)) = 3x/4, y <- y (1 + 2/(tau - 2)) = 3y/2; both with full steps.
expect_number saddle_pure_iterations 1 0 "pure Newton stops after one iteration"
expect_number saddle_pure_distance 0 1e-15 "pure Newton lands on the saddle"
expect_number saddle_pure_gnorm 0 1e-15 "pure Newton: ||g|| = 0 there"
expect_number saddle_eigen_x1 0 1e-15 "eigenvalue-modified: x1 = 0"
expect_number saddle_eigen_y1 0.5 1e-15 "eigenvalue-modified: y1 = 2 y0 = 0.5"
expect_number saddle_eigen_f "$(awk 'BEGIN { y = 0.25 * 8; print -y * y }')" 1e-12 "eigenvalue-modified: f = -(8 y0)^2 = -4"
expect_number saddle_tau "$(awk 'BEGIN { print 2 * (1 + 2) }')" 1e-12 "shifted Cholesky: tau = 2 (beta + 2) = 6"
expect_number saddle_cholesky_x1 1.125 1e-12 "shifted Cholesky: x1 = 1.5 (1 - 2/8) = 1.125"
expect_number saddle_cholesky_y1 0.375 1e-12 "shifted Cholesky: y1 = 0.25 (1 + 2/4) = 0.375"
expect_number saddle_cholesky_f "$(awk 'BEGIN { x = 1.5 * 0.75^3; y = 0.25 * 1.5^3; printf "%.17g", x * x - y * y }')" \
  1e-12 "shifted Cholesky: f after three steps = 0.6328125^2 - 0.84375^2 = -0.3115"

# ---- 5. Time per step ------------------------------------------------------------------------
expect_number hessian_bytes_1e6 8e12 0 "a dense Hessian at n = 1e6: 8 n^2 = 8e12 bytes"
expect_number lbfgs_bytes_1e6 "$(awk 'BEGIN { print 2 * 6 * 1e6 * 8 }')" 0 "L-BFGS pairs: 2 m n 8 = 9.6e7 bytes"
expect_trace_rows "$OUT/cost.tsv" 16 "cost.tsv: 7 Newton and 9 L-BFGS sizes"
expect_between newton_slope 1.8 3.6 "Newton's fitted slope is between 2 and 3 (noisy timings: 1.8 .. 3.6)"
expect_between lbfgs_slope 0.6 1.5 "L-BFGS's fitted slope is about 1 (noisy timings: 0.6 .. 1.5)"
expect_between newton_over_lbfgs 300 1e6 "at n = 1024 a Newton step costs thousands of L-BFGS steps (noisy: >= 300)"

# ---- 6. L-BFGS --------------------------------------------------------------------------------
expect_between twoloop_vs_matrix 0 1e-12 "two-loop direction = explicit BFGS matrix direction"
expect_between twoloop_vs_taken 0 1e-10 "two-loop direction = the direction opt_lbfgs took"
expect_awk "F(0) - F* + F* = ln 2 (the loss at w = 0)" "d < 1e-12 && d > -1e-12" \
  -v d="$(awk -v a="$(number start_excess)" -v b="$(number fstar)" 'BEGIN { printf "%.17g", a + b - log(2) }')"
expect_number start_excess 0.354 0.01 "start excess F(0) - F* = 0.35"
expect_awk "full-batch L-BFGS reaches about 1e-13" "e < 1e-11 && e > -1e-11" -v e="$(number full_excess)"
expect_between full_epochs 50 60 "the 50 iterations took 56 epochs"
expect_between mini1_median 30 1000 "mini-batch L-BFGS, step 1: excess around 100"
expect_between mini1_max 1e10 1e300 "mini-batch L-BFGS, step 1: spikes past 1e10"
expect_between mini1_bad_pairs 0.02 0.1 "step 1: about 5% of pairs have s.y <= 0"
expect_between mini1_noise 0.5 2 "step 1: y's noise is as large as y"
expect_number mini2_median 0.067 0.05 "mini-batch L-BFGS, step 0.1: frozen at 0.07"
expect_number mini2_max "$(number mini2_median)" 1e-6 "step 0.1: frozen (largest = median over the second half)"
expect_between mini2_bad_pairs 0.85 0.97 "step 0.1: 91% of pairs skipped"
expect_between mini2_noise 1e5 1e7 "step 0.1: y's noise a million times its size"
expect_between mini2_last_step 0 1e-12 "step 0.1: the steps have shrunk to nothing"
expect_between sgd_median 3e-3 8e-3 "SGD: excess near 5e-3"
expect_awk "mini-batch L-BFGS does worse than SGD either way" "a > 10 * s && b > 10 * s" \
  -v a="$(number mini1_median)" -v b="$(number mini2_median)" -v s="$(number sgd_median)"
expect_trace_rows "$OUT/minibatch-sgd.tsv" 5001 "SGD: 50 epochs of batches of 10 = 5000 steps"
expect_close "$(tail -n 1 "$OUT/minibatch-sgd.tsv" | cut -f1)" 50 0.001 "SGD's table ends at 50 epochs"

# ---- params.lua spells out the schema's defaults ------------------------------------------
expect_params_lua 10 10-newton-lbfgs "$DEFAULT_OUT" '^(newton_slope|lbfgs_slope|newton_over_lbfgs)'   # timings aside

# ---- Another seed: the claims that do not depend on it ------------------------------------
run_lab 10 --no-plot --quiet --seed 7 --set 'newton_sizes={16, 32}' --set 'lbfgs_sizes={16, 32}'
expect_rc 0 "--seed 7 exits 0"
expect_awk "seed 7: one Newton step solves the quadratic" "a / b < 1e-12" \
  -v a="$(number quad_grad_after)" -v b="$(number quad_grad_before)"
expect_number newton_iterations 22 0 "seed 7: Rosenbrock does not depend on the seed"
expect_between twoloop_vs_matrix 0 1e-12 "seed 7: two-loop = BFGS matrix"
expect_awk "seed 7: full-batch L-BFGS below 1e-10" "e < 1e-10" -v e="$(number full_excess)"
expect_awk "seed 7: mini-batch L-BFGS is 10 times worse than SGD with either step" "a > 10 * s && b > 10 * s" \
  -v a="$(number mini1_median)" -v b="$(number mini2_median)" -v s="$(number sgd_median)"

# ---- A start near the minimum: pure Newton steps from the first ------------------------------
run_lab 10 --no-plot --quiet --set 'rosenbrock_start={1.2, 1.2}' --set 'newton_sizes={16, 32}' \
  --set 'lbfgs_sizes={16, 32}'
expect_rc 0 "rosenbrock_start = {1.2, 1.2} runs"
expect_between newton_iterations 3 12 "near the minimum Newton needs a handful of iterations"
expect_between newton_vs_library 0 1e-8 "... the same as opt_newton's"

# ---- Figures ---------------------------------------------------------------------------------
if figure_run 10 --set 'newton_sizes={16, 32, 64, 128, 256}' --set 'lbfgs_sizes={16, 64, 256, 1024}'; then
  expect_figures 10-rosenbrock 10-saddle 10-cost 10-minibatch
  expect_legible_figures
  expect_quiet_figures
  expect_svg_text "$OUT/10-rosenbrock.svg" "paths from (-1.2, 1)" "10-rosenbrock's title: the default start"
  # Titles and keys that restate a parameter take it from the run: the
  # starts, L-BFGS's memory, and the Cholesky shift tau = 2 (saddle_beta + 2)
  # (the smallest diagonal entry of the saddle's Hessian is -2, and the step
  # uses twice the first shift that factors).
  run_lab 10 --quiet --set 'newton_sizes={16, 32}' --set 'lbfgs_sizes={16, 64}' --set 'fit_min_n=16' \
    --set 'rosenbrock_start={-1.5, 2}' --set 'm=3' --set 'saddle_start={1.2, 0.5}' --set 'saddle_beta=2'
  expect_rc 0 "another start, m = 3, saddle_beta = 2: runs"
  expect_svg_text "$OUT/10-rosenbrock.svg" "paths from (-1.5, 2)" "10-rosenbrock's title: paths from (-1.5, 2)"
  expect_svg_text "$OUT/10-rosenbrock.svg" "L-BFGS (m = 3)" "10-rosenbrock's key: m = 3"
  expect_no_svg_text "$OUT/10-rosenbrock.svg" "m = 6" "... and not the default's m = 6"
  expect_svg_text "$OUT/10-cost.svg" "L-BFGS, m = 3" "10-cost's key: m = 3"
  expect_svg_text "$OUT/10-saddle.svg" "from (1.2, 0.5)" "10-saddle's title: from (1.2, 0.5)"
  expect_svg_text "$OUT/10-saddle.svg" "shifted Cholesky (τ = 8)" \
    "10-saddle's key: tau = 2 (beta + 2) = 8"
  expect_number saddle_tau 8 1e-12 "... the shift the lab reports"
  expect_quiet_figures
fi

# ---- Bad parameters are caught before anything is written -------------------------------------
expect_bad_param 10 'newton_sizes={16, 33}'
expect_bad_param 10 'fixed_steps={1, 2, 3, 4, 5}'
expect_bad_param 10 'rosenbrock_start={1}'
expect_bad_param 10 'batch=5000'
