# tests/labs/06-adaptive.sh — lab 06: every number its text quotes, its
# tables and figures, and params.lua against the schema in lab.c. The
# expected values are computed here, in awk, from the lecture's formulas:
# the step sizes from the recurrences, and every race by simulating the five
# methods step by step.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"


# The five methods on a 2-D problem, from the formulas (PyTorch's order of
# operations: eps outside the square root, Adam's corrections on m and on
# sqrt(v)). Prints the final f, the first step with f < -1 (-1: never) and
# the final point. Problems: quad A11 A12 A22, saddle, rosen.
simulate() {  # problem method lr steps x0 y0 [a11 a12 a22]
  awk -v prob="$1" -v meth="$2" -v lr="$3" -v T="$4" -v x="$5" -v y="$6" \
      -v a11="${7:-0}" -v a12="${8:-0}" -v a22="${9:-0}" '
  function fg() {
    if (prob == "quad") { ax = a11 * x + a12 * y; ay = a12 * x + a22 * y
                          gx = 2 * ax; gy = 2 * ay; return x * ax + y * ay }
    if (prob == "saddle") { gx = 2 * x; gy = -2 * y; return x * x - y * y }
    u = y - x * x; v = 1 - x
    gx = -400 * x * u - 2 * v; gy = 200 * u; return 100 * u * u + v * v
  }
  BEGIN {
    rho = 0.9; alpha = 0.99; b1 = 0.9; b2 = 0.999; eps = 1e-8; esc = -1
    bx = by = Gx = Gy = mx = my = vx = vy = 0
    for (t = 0; ; t++) {
      f = fg()
      if (esc < 0 && f < -1) esc = t
      if (t == T) break
      if (meth == "sgd") { x -= lr * gx; y -= lr * gy }
      else if (meth == "momentum") {
        if (t == 0) { bx = gx; by = gy } else { bx = rho * bx + gx; by = rho * by + gy }
        x -= lr * bx; y -= lr * by
      } else if (meth == "adagrad") {
        Gx += gx * gx; Gy += gy * gy
        x -= lr * (gx / (sqrt(Gx) + eps)); y -= lr * (gy / (sqrt(Gy) + eps))
      } else if (meth == "rmsprop") {
        vx = alpha * vx + (1 - alpha) * gx * gx; vy = alpha * vy + (1 - alpha) * gy * gy
        x -= lr * (gx / (sqrt(vx) + eps)); y -= lr * (gy / (sqrt(vy) + eps))
      } else {
        k = t + 1; c1 = 1 - b1 ^ k; c2 = sqrt(1 - b2 ^ k)
        mx = b1 * mx + (1 - b1) * gx; my = b1 * my + (1 - b1) * gy
        vx = b2 * vx + (1 - b2) * gx * gx; vy = b2 * vy + (1 - b2) * gy * gy
        x -= lr / c1 * (mx / (sqrt(vx) / c2 + eps)); y -= lr / c1 * (my / (sqrt(vy) / c2 + eps))
      }
    }
    printf "%.17g %d %.17g %.17g\n", f, esc, x, y
  }'
}
methods=(sgd momentum adagrad rmsprop adam)

# ---- The default run ------------------------------------------------------------------
run_lab 06 --no-plot
expect_rc 0 "default run exits 0"
DEFAULT_OUT=$OUT
expect_tables step-size noisy numbers
for p in valley ill-conditioned saddle rosenbrock; do
  for m in "${methods[@]}"; do expect_file "$OUT/$p-$m.tsv" "$p-$m.tsv written"; done
done
expect_stubs_announced 06-adaptive adagrad_step rmsprop_step adam_step

# ---- 2. Step sizes for a constant gradient: eta/sqrt(t), eta/sqrt(1 - alpha^t), eta -----
read -r -a S <<<"$(awk 'BEGIN { lr = 0.1; eps = 1e-8; v = 0; m = 0; w = 0; peak = 0
  for (t = 1; t <= 10000; t++) {
    v = 0.99 * v + 0.01; m = 0.9 * m + 0.1; w = 0.999 * w + 0.001
    ada = lr / (sqrt(t) + eps); rms = lr / (sqrt(v) + eps)
    adam = lr / (1 - 0.9 ^ t) * (m / (sqrt(w) / sqrt(1 - 0.999 ^ t) + eps))
    unc = lr * m / (sqrt(w) + eps); if (unc > peak) { peak = unc; pt = t }
    if (t == 1 || t == 10 || t == 100 || t == 1000 || t == 10000) printf "%.17g %.17g %.17g ", ada, rms, adam
    if (t == 1) u1 = unc
  }
  printf "%.17g %.17g %d\n", u1, peak, pt }')"
# The lab measures each step as a difference of positions (x grows to about 20
# for AdaGrad): good to about 1e-12 relative, hence the tolerance 1e-9.
i=0
for t in 1 10 100 1000 10000; do
  expect_number "adagrad_step_t$t" "${S[i]}" 1e-9 "AdaGrad step at t = $t is eta/sqrt(t) = ${S[i]}"
  expect_number "rmsprop_step_t$t" "${S[i+1]}" 1e-9 "RMSProp step at t = $t is eta/sqrt(1 - 0.99^t) = ${S[i+1]}"
  expect_number "adam_step_t$t" "${S[i+2]}" 1e-9 "Adam step at t = $t is eta = ${S[i+2]}"
  i=$((i + 3))
done
expect_number adagrad_step_t100 0.01 1e-6 "the text: AdaGrad's step is 0.01 at t = 100"
expect_number adagrad_step_t10000 0.001 1e-6 "the text: AdaGrad's step is 0.001 at t = 10000"
expect_number rmsprop_step_t1 1 1e-6 "the text: RMSProp's first step is 10 eta = 1"
expect_number rmsprop_step_t100 0.126 0.005 "the text: RMSProp's step is 0.126 at t = 100"
expect_number adam_uncorrected_step_t1 "${S[15]}" 1e-12 "uncorrected Adam, first step (1 - b1)/sqrt(1 - b2) eta = ${S[15]}"
expect_number adam_uncorrected_peak "${S[16]}" 1e-12 "uncorrected Adam, peak step ${S[16]}"
expect_number adam_uncorrected_peak 0.66 0.01 "the text: the peak is 6.6 eta"
expect_number adam_uncorrected_peak_t "${S[17]}" 0 "uncorrected Adam peaks at step ${S[17]}"
expect_number adam_uncorrected_peak_t 12 0 "the text: at step 12"
rows=$(tail -n +2 "$OUT/step-size.tsv" | grep -c .)
[ "$rows" -eq 280 ] && pass "step-size.tsv: 100 + 90 + 90 rows" || fail "step-size.tsv: 280 rows" "it has $rows"

# ---- 3. Adam's first step: eta sign(g) ----------------------------------------------------
expect_number adam_first_step_small "$(awk 'BEGIN { printf "%.17g", 1e-3 / (1e-3 + 1e-8) }')" 1e-12 \
  "gradient 1e-3: the first step is eta g / (|g| + eps)"
expect_number adam_first_step_large 1 1e-10 "gradient -1e3: the first step is eta"
expect_number adam_uncorrected_ratio "$(awk 'BEGIN { printf "%.17g", 0.1 / sqrt(0.001) }')" 1e-12 \
  "without correction: (1 - b1)/sqrt(1 - b2) = 3.16"

# ---- 4. The races, simulated here -----------------------------------------------------
lrs_valley=(0.075 0.0075 0.75 0.1 0.1)
turned=$(awk 'BEGIN { pi = atan2(0, -1); t = -45 * pi / 180; c = cos(t); s = sin(t)
  printf "%.17g %.17g %.17g %.17g %.17g", 1 * c * c + 12 * s * s, (1 - 12) * c * s, 1 * s * s + 12 * c * c,
    c * -2.5 - s * 0.9, s * -2.5 + c * 0.9 }')
read -r T11 T12 T22 TX TY <<<"$turned"
declare -A final
for k in 0 1 2 3 4; do
  m=${methods[k]}
  read -r f _ _ _ <<<"$(simulate quad "$m" "${lrs_valley[k]}" 60 -2.5 0.9 1 0 12)"
  final[valley_$m]=$f
  expect_number "valley_${m}_loss" "$f" 1e-6 "aligned valley, $m: final loss $f (simulated)"
  read -r f _ _ _ <<<"$(simulate quad "$m" "${lrs_valley[k]}" 60 "$TX" "$TY" "$T11" "$T12" "$T22")"
  final[turned_$m]=$f
  expect_number "ill-conditioned_${m}_loss" "$f" 1e-6 "turned valley, $m: final loss $f (simulated)"
done
# The turned valley is the library's "ill-conditioned": f at its start equals the aligned one's.
expect_awk "turned by -45 degrees, A = [6.5 5.5; 5.5 6.5] (the library's 'ill-conditioned')" \
  "a < 1e-12 && b < 1e-12" -v a="$(awk -v v="$T11" 'BEGIN { print (v - 6.5)^2 }')" \
  -v b="$(awk -v v="$T12" 'BEGIN { print (v - 5.5)^2 }')"
expect_between() {
  local v; v=$(number "$1") || { fail "$4" "no '$1'"; return; }
  awk -v v="$v" -v lo="$2" -v hi="$3" 'BEGIN { exit !(v >= lo && v <= hi) }' && pass "$4 (got $v)" \
    || fail "$4" "$1 = $v, expected it in [$2, $3]"
}
expect_between valley_sgd_turn_difference 0 1e-12 "SGD: the same final loss, turned or not"
expect_between valley_sgd_loss 1.5e-8 3e-8 "the text: SGD ends at 2e-8"
expect_between valley_rmsprop_loss 0 1e-22 "the text: RMSProp ends near 1e-23"
expect_between valley_adagrad_loss 5e-12 9e-12 "the text: AdaGrad ends at 7e-12"
expect_between valley_momentum_loss 0.015 0.017 "the text: momentum ends at 0.016"
expect_between valley_adam_loss 0.007 0.0085 "the text: Adam ends at 0.008"
expect_between ill-conditioned_rmsprop_loss 1.5e-6 2.5e-6 "the text: turned, RMSProp ends at 2e-6"
expect_between ill-conditioned_adagrad_loss 1.5e-4 2.5e-4 "the text: turned, AdaGrad ends at 2e-4"
expect_between ill-conditioned_adam_loss 0.0100 0.0115 "the text: turned, Adam ends at 0.011"
expect_awk "aligned: every adaptive method but Adam beats SGD; turned: SGD beats them all" \
  "ar < s && aa < s && tr > s && ta > s && tm > s" -v s="${final[valley_sgd]}" \
  -v ar="${final[valley_rmsprop]}" -v aa="${final[valley_adagrad]}" -v tr="${final[turned_rmsprop]}" \
  -v ta="${final[turned_adagrad]}" -v tm="${final[turned_adam]}"

lrs_saddle=(0.1 0.1 0.1 0.01 0.1)
escapes=(38 19 19 19 11)
for k in 0 1 2 3 4; do
  m=${methods[k]}
  read -r f esc _ _ <<<"$(simulate saddle "$m" "${lrs_saddle[k]}" 40 1 0.001)"
  expect_number "saddle_${m}_escape" "$esc" 0 "saddle, $m: escapes (f < -1) at step $esc (simulated)"
  expect_number "saddle_${m}_escape" "${escapes[k]}" 0 "the text: $m escapes at step ${escapes[k]}"
  expect_number "saddle_${m}_loss" "$f" 1e-6 "saddle, $m: final f = $f (simulated)"
done
expect_awk "SGD: log(1000)/log(1.2) = 37.9 steps to grow y from 0.001 to 1" "v > 37.8 && v < 38" \
  -v v="$(awk 'BEGIN { print log(1000) / log(1.2) }')"

lrs_rosen=(0.001 0.0001 0.3 0.003 0.02)
dists=(0.33 0.33 0.15 0.054 0.0012)
for k in 0 1 2 3 4; do
  m=${methods[k]}
  read -r f _ x y <<<"$(simulate rosen "$m" "${lrs_rosen[k]}" 3000 -1.2 1)"
  d=$(awk -v x="$x" -v y="$y" 'BEGIN { printf "%.17g", sqrt((x - 1)^2 + (y - 1)^2) }')
  expect_number "rosenbrock_${m}_loss" "$f" 1e-5 "Rosenbrock, $m: final loss $f (simulated)"
  expect_number "rosenbrock_${m}_distance" "$d" 1e-5 "Rosenbrock, $m: $d from (1, 1) (simulated)"
  expect_number "rosenbrock_${m}_distance" "${dists[k]}" 0.04 "the text: $m ends ${dists[k]} from the minimum"
done
expect_between rosenbrock_adam_loss 2e-7 4e-7 "the text: Adam's loss is 3e-7"
# The text: the largest Hessian eigenvalue at the start is about 1500.
expect_awk "Rosenbrock's Hessian at (-1.2, 1): largest eigenvalue about 1500" "l > 1400 && l < 1600" \
  -v l="$(awk 'BEGIN { x = -1.2; y = 1; a = 1200 * x * x - 400 * y + 2; b = -400 * x; c = 200
    print (a + c) / 2 + sqrt(((a - c) / 2)^2 + b * b) }')"

# ---- 5. Adam near a minimum: floors ----------------------------------------------------------
expect_trace_rows "$OUT/noisy.tsv" 2001 "noisy.tsv: steps 0 .. 2000"
# The floors, recomputed from the table: the mean of the last 201 rows.
read -r c s d <<<"$(awk -F'\t' 'NR > 1 && $1 >= 1800 { c += $2; s += $3; d += $4; k++ }
  END { printf "%.17g %.17g %.17g", c / k, s / k, d / k }' "$OUT/noisy.tsv")"
expect_number noisy_constant_floor "$c" 1e-12 "constant-rate floor = mean of the last 10% of noisy.tsv"
expect_number noisy_small_floor "$s" 1e-12 "small-rate floor = mean of the last 10%"
expect_number noisy_decay_floor "$d" 1e-12 "decaying-rate floor = mean of the last 10%"
expect_between noisy_constant_floor 0.04 0.05 "the text: the constant rate's floor is 0.045"
expect_between noisy_small_floor 0.0033 0.0043 "the text: the small rate's floor is 0.0038"
expect_between noisy_decay_floor 0.0010 0.0014 "the text: the decaying rate's floor is 0.0012"
expect_between noisy_floor_ratio 30 45 "the text: 37 times lower"
expect_between noisy_constant_loss_t100 0.012 0.018 "the text: 0.015 after 100 steps at the constant rate"
expect_between noisy_small_loss_t100 2.5 3.2 "the text: 2.8 after 100 steps at the small rate"
# The small rate's floor creeps up: the mean over steps 600-800 is below the final floor.
expect_awk "the small rate's loss creeps up after step 700" "mid < fl" -v fl="$s" \
  -v mid="$(awk -F'\t' 'NR > 1 && $1 >= 600 && $1 < 800 { s += $3; k++ } END { print s / k }' "$OUT/noisy.tsv")"
# With the cosine decay the last rates are almost 0: the iterate stops moving.
expect_awk "the decaying run settles: its last two mean losses agree to 1e-3" "(a - b)^2 < 1e-6 * b^2" \
  -v a="$(tail -n 2 "$OUT/noisy.tsv" | head -n 1 | cut -f4)" -v b="$(tail -n 1 "$OUT/noisy.tsv" | cut -f4)"

# ---- params.lua spells out the schema's defaults -----------------------------------------
expect_params_lua 06 06-adaptive "$DEFAULT_OUT"

# ---- Another seed: only the noisy part changes, and its claims hold ----------------------
run_lab 06 --no-plot --quiet --seed 7
expect_rc 0 "--seed 7 exits 0"
expect_number valley_rmsprop_loss "${final[valley_rmsprop]}" 1e-6 "seed 7: the races do not depend on the seed"
expect_awk "seed 7: the decaying floor is at least 10 times below the constant one" "r >= 10" \
  -v r="$(number noisy_floor_ratio)"

# ---- A steeper valley: SGD suffers, the adaptive methods do not --------------------------
run_lab 06 --no-plot --quiet --set 'lambdas={1, 100}' --set 'valley_lr={0.0099, 0.00099, 0.75, 0.1, 0.1}'
expect_rc 0 "lambdas = {1, 100} runs"
read -r f _ _ _ <<<"$(simulate quad rmsprop 0.1 60 -2.5 0.9 1 0 100)"
expect_number valley_rmsprop_loss "$f" 1e-6 "lambdas = {1, 100}: RMSProp simulated ($f)"
expect_awk "lambdas = {1, 100}: SGD now ends far above RMSProp" "s > 1e6 * r" \
  -v s="$(number valley_sgd_loss)" -v r="$(number valley_rmsprop_loss)"

# ---- Figures ---------------------------------------------------------------------------
if figure_run 06; then
  expect_figures 06-step-size 06-valley 06-ill-conditioned 06-saddle 06-rosenbrock 06-adam-decay
  expect_legible_figures
  expect_quiet_figures
  expect_svg_text "$OUT/06-valley.svg" "the valley f = x12 + 12 x22, aligned with the axes" \
    "06-valley's title: the default valley"

  # The figures restate what the run did (issue 8, item 4): the issue's run.
  run_lab 06 --quiet --set 'lambdas={1, 100}'
  expect_rc 0 "lambdas = {1, 100} with the default rates: runs"
  expect_svg_text "$OUT/06-valley.svg" "the valley f = x12 + 100 x22, aligned with the axes" \
    "lambdas = {1, 100}: 06-valley's title says x1^2 + 100 x2^2"
  expect_no_svg_text "$OUT/06-valley.svg" "12 x2" "... and not the default's 12 x2^2"
  expect_awk "... where SGD at 0.075 > 2/200 blows up (final loss $(number valley_sgd_loss) > 1e100)" \
    "f > 1e100" -v f="$(number valley_sgd_loss)"
  expect_awk "... its window holds the paths in view, not SGD's way out (|x| < 20, not 1e9)" \
    "m < 20" -v m="$(awk -F'\t' 'NR > 1 { a = $1 < 0 ? -$1 : $1; b = $2 < 0 ? -$2 : $2
      if (a > m) m = a; if (b > m) m = b } END { print m + 0 }' "$OUT/valley-grid.tsv")"
  expect_quiet_figures

  # Other parameters that figures restate: the valley, the turn, RMSProp's alpha.
  run_lab 06 --quiet --set 'lambdas={3, 100}' --set 'turn=30' --set 'alpha=0.9' \
    --set 'valley_lr={0.0099, 0.00099, 0.75, 0.1, 0.1}'
  expect_rc 0 "lambdas = {3, 100}, turn = 30, alpha = 0.9: runs"
  expect_svg_text "$OUT/06-valley.svg" "the valley f = 3 x12 + 100 x22" "06-valley's title: 3 x1^2 + 100 x2^2"
  expect_svg_text "$OUT/06-ill-conditioned.svg" "the same valley turned by 30°" \
    "06-ill-conditioned's title: turned by 30°"
  expect_no_svg_text "$OUT/06-ill-conditioned.svg" "45°" "... and not by the default's 45°"
  expect_svg_text "$OUT/06-step-size.svg" "RMSProp (leaky average, α = 0.9)" "06-step-size's key: α = 0.9"
  expect_no_svg_text "$OUT/06-step-size.svg" "0.99" "... and not the default's 0.99"
  expect_quiet_figures

  # A loss that reaches exactly 0 on a log scale, and runs that diverge (item 5):
  # the figure is drawn, and a diverged run reports no final loss.
  run_lab 06 --set "valley_lr={50,50,1,1,1}" --set valley_steps=1000
  expect_rc 0 "valley_lr = {50,50,1,1,1}, 1000 steps: exits 0"
  expect_file "$OUT/06-valley.png" "... 06-valley.png is drawn (AdaGrad's loss reaches 0 on a log scale)"
  expect_file "$OUT/06-valley.svg" "... and 06-valley.svg"
  expect_awk "... where AdaGrad's loss is exactly 0" "f == 0" -v f="$(number valley_adagrad_loss)"
  expect_number valley_sgd_diverged 50 0 "... SGD diverged at step 50"
  expect_svg_text "$OUT/06-valley.svg" "SGD: 50" "... and the figure says so under its key"
  expect_grep "$STDOUT" "^  SGD +lr = 50 +final loss: none, diverged at step 50$" "... and says so"
  expect_no_grep "$STDOUT" "^  SGD +lr = 50 +final loss: [0-9]" "... and then prints no final loss for SGD"
  if number valley_sgd_loss >/dev/null; then fail "... nor records one" "valley_sgd_loss = $(number valley_sgd_loss)"
  else pass "... nor records one"; fi
  expect_no_grep "$STDERR" "gnuplot" "... gnuplot has nothing to say"
fi

# ---- Bad parameters are caught before anything is written --------------------------------
expect_bad_param 06 'valley_lr={0.1, 0.1}' 'valley_lr with two rates'
expect_bad_param 06 "decay='constant'" "decay = 'constant'"
