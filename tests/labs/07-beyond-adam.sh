# tests/labs/07-beyond-adam.sh — lab 07: every number its text quotes, its
# tables and figures, and params.lua against the schema in lab.c. RAdam's
# numbers and both Lookahead runs are recomputed here in awk from the
# formulas; the network's numbers are checked against each other and
# against the tables the lab writes (its random data cannot be redrawn in
# awk).
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

expect_between() {
  local v; v=$(number "$1") || { fail "$4" "no '$1' in numbers.tsv"; return; }
  if awk -v v="$v" -v lo="$2" -v hi="$3" 'BEGIN { exit !(v >= lo && v <= hi) }'; then pass "$4 (got $v)"
  else fail "$4" "$1 = $v, expected it in [$2, $3]"; fi
}

# ---- The default run ------------------------------------------------------------------
run_lab 07 --no-plot
expect_rc 0 "default run exits 0"
DEFAULT_OUT=$OUT
expect_tables radam lookahead-inner lookahead layers alexnet layer-steps lr-sweep numbers
expect_stubs_announced 07-beyond-adam radam_rectification lookahead_outer_update lars_local_lr

# ---- 1. RAdam: rho_t and r_t from the paper's formulas ----------------------------------
radam() {  # beta2 -> "t rho r" lines for the quoted steps, then first5 first4 half most r6 r5
  awk -v b="$1" 'BEGIN { ri = 2 / (1 - b) - 1
    for (t = 1; t <= 10000; t++) {
      bt = b ^ t; rho = ri - 2 * t * bt / (1 - bt)
      r = sqrt((rho - 4) * (rho - 2) * ri / ((ri - 4) * (ri - 2) * rho))
      r5 = rho > 5 ? r : 0; r4 = rho > 4 ? r : 0
      if (t <= 8 || t == 10 || t == 100 || t == 1000 || t == 10000) printf "%d %.17g %.17g\n", t, rho, r5
      if (!f5 && r5 > 0) { f5 = t; rf5 = r5 }; if (!f4 && r4 > 0) { f4 = t; rf4 = r4 }
      if (!h && r5 >= 0.5) h = t; if (!m && r5 >= 0.9) m = t
    }
    printf "first %d %d %d %d %.17g %.17g\n", f5, f4, h, m, rf5, rf4 }'
}
while read -r t rho r rest; do
  if [ "$t" = first ]; then
    expect_number radam_first_rectified "$rho" 0 "PyTorch (rho_t > 5) first rectifies at step $rho"
    expect_number radam_first_rectified_paper "$r" 0 "the paper (rho_t > 4) first rectifies at step $r"
    read -r half most rf5 rf4 <<<"$rest"
    expect_number radam_r_half "$half" 0 "r_t first reaches 0.5 at step $half"
    expect_number radam_r_most "$most" 0 "r_t first reaches 0.9 at step $most"
    expect_number radam_r_first "$rf5" 1e-9 "r_t at PyTorch's first rectified step = $rf5"
    expect_number radam_r_first_paper "$rf4" 1e-9 "r_t at the paper's first rectified step = $rf4"
  else
    expect_number "radam_rho_t$t" "$rho" 1e-9 "rho_$t = $rho"
    expect_number "radam_r_t$t" "$r" 1e-9 "r_$t = $r (0 before the threshold)"
  fi
done < <(radam 0.999)
expect_number radam_rho_inf 1999 1e-12 "rho_inf = 2/(1 - 0.999) - 1 = 1999"
expect_number radam_rho_t1 1 1e-9 "the text: rho_1 = 1"
expect_number radam_rho_t5 4.996 1e-4 "the text: rho_5 = 4.996"
expect_number radam_rho_t6 5.994 1e-4 "the text: rho_6 = 5.994"
expect_number radam_r_first 0.026 0.01 "the text: r_6 = 0.026"
expect_number radam_first_rectified 6 0 "the text: PyTorch first rectifies at step 6"
expect_number radam_first_rectified_paper 5 0 "the text: the paper at step 5"
expect_number radam_r_half 556 0 "the text: half of Adam's step at step 556"
expect_number radam_r_most 2737 0 "the text: 90 % at step 2737"
expect_trace_rows "$OUT/radam.tsv" 280 "radam.tsv: 100 + 90 + 90 rows"
# The table's r column is 0 exactly up to step 5 and positive from step 6.
expect_awk "radam.tsv: r = 0 for t <= 5, > 0 from t = 6" "z == 5 && p == 275" \
  -v z="$(awk -F'\t' 'NR > 1 && $3 == 0' "$OUT/radam.tsv" | wc -l)" \
  -v p="$(awk -F'\t' 'NR > 1 && $3 > 0' "$OUT/radam.tsv" | wc -l)"

# ---- 2. Lookahead: SGD with momentum, alone and inside Lookahead, simulated -------------
simulate_lookahead() {  # k (0: no Lookahead) -> final f and the largest x1
  awk -v K="$1" 'BEGIN { lr = 0.02; rho = 0.9; alpha = 0.5; x = -2.5; y = 0.9; px = x; py = y
    swing = x
    for (t = 0; ; t++) {
      gx = 2 * x; gy = 24 * y; f = x * x + 12 * y * y
      if (x > swing) swing = x
      if (t == 100) break
      if (t == 0) { bx = gx; by = gy } else { bx = rho * bx + gx; by = rho * by + gy }
      x -= lr * bx; y -= lr * by
      if (K > 0 && (t + 1) % K == 0) { px += alpha * (x - px); py += alpha * (y - py); x = px; y = py }
    }
    printf "%.17g %.17g\n", f, swing }'
}
read -r f s <<<"$(simulate_lookahead 0)"
expect_number inner_loss "$f" 1e-9 "SGD + momentum alone: final loss $f (simulated)"
expect_number inner_swing "$s" 1e-9 "SGD + momentum alone: farthest x1 = $s (simulated)"
read -r f s <<<"$(simulate_lookahead 5)"
expect_number lookahead_loss "$f" 1e-9 "Lookahead (k = 5, alpha = 0.5): final loss $f (simulated)"
expect_number lookahead_swing "$s" 1e-9 "Lookahead: farthest x1 = $s (simulated)"
expect_between inner_swing 1.085 1.095 "the text: the overshoot reaches x1 = 1.09"
expect_between lookahead_swing 0.585 0.595 "the text: Lookahead's overshoot is 0.59"
expect_between inner_loss 2.5e-4 3.5e-4 "the text: alone, 3e-4 after 100 steps"
expect_between lookahead_loss 5e-7 2e-6 "the text: inside Lookahead, about 1e-6"
expect_trace_rows "$OUT/lookahead.tsv" 101 "lookahead.tsv: steps 0 .. 100"
expect_between noisy_adam_floor 0.04 0.05 "the text: Adam's noisy floor is 0.045"
expect_between noisy_lookahead_floor 0.019 0.025 "the text: inside Lookahead 0.022"
expect_number noisy_floor_ratio "$(awk -v a="$(number noisy_adam_floor)" -v b="$(number noisy_lookahead_floor)" \
  'BEGIN { printf "%.17g", a / b }')" 1e-12 "floor ratio = Adam's / Lookahead's"
expect_between noisy_floor_ratio 1.7 2.5 "the text: half as large"

# ---- 3. The network and the AlexNet-BN table ----------------------------------------------
expect_between layers_gradient_check 0 1e-6 "the network's gradient passes the gradient check"
L=$OUT/layers.tsv
expect_trace_rows "$L" 3 "layers.tsv: three layers"
for l in 1 2 3; do
  read -r wn gn ratio local <<<"$(awk -F'\t' -v l="$l" 'NR > 1 && $1 == l { print $2, $3, $4, $5 }' "$L")"
  expect_close "$ratio" "$(awk -v a="$wn" -v b="$gn" 'BEGIN { printf "%.17g", a / b }')" 1e-12 \
    "W$l: ratio = ||w|| / ||grad||"
  expect_number "ratio_W$l" "$ratio" 1e-12 "W$l: the quoted ratio is the table's"
  # With weight_decay = 0 the local rate is trust * ratio.
  expect_number "local_lr_W$l" "$(awk -v r="$ratio" 'BEGIN { printf "%.17g", 0.001 * r }')" 1e-12 \
    "W$l: LARS's local rate = trust ||w|| / ||grad||"
  # The first steps: SGD moves by lr ||g|| / ||w||, NovoGrad by lr / ||w||, LARS by lr trust.
  expect_number "first_step_sgd_W$l" "$(awk -v r="$ratio" 'BEGIN { printf "%.17g", 0.03 / r }')" 1e-9 \
    "W$l: SGD's first step is lr / ratio of the layer"
  expect_number "first_step_novograd_W$l" "$(awk -v w="$wn" 'BEGIN { printf "%.17g", 0.003 / w }')" 1e-6 \
    "W$l: NovoGrad's first step has norm lr"
  expect_number "first_step_lars_W$l" 3e-4 1e-9 "W$l: LARS's first step is lr trust = 3e-4 of the layer"
done
expect_number ratio_spread "$(awk -v a="$(number ratio_W1)" -v b="$(number ratio_W3)" 'BEGIN { printf "%.17g", a / b }')" \
  1e-12 "ratio spread = ratio(W1) / ratio(W3)"
expect_between ratio_spread 655 667 "the text: the ratios differ by 661"
expect_between first_step_sgd_W3 0.885 0.895 "the text: SGD moves W3 by 89 %"
expect_between first_step_sgd_W1 0.00130 0.00138 "the text: and W1 by 0.13 %"
expect_awk "the text: NovoGrad favours W3 by 31" "r > 30.5 && r < 31.5" \
  -v r="$(awk -v a="$(number first_step_novograd_W3)" -v b="$(number first_step_novograd_W1)" 'BEGIN { print a / b }')"
expect_awk "the text: W3's norm is 0.48" "w > 0.475 && w < 0.485" \
  -v w="$(awk -F'\t' 'NR > 1 && $1 == 3 { print $2 }' "$L")"
# The deck's table (You, Gitman & Ginsburg 2017, Table 2), typed in here.
expect_number alexnet_ratio_min 5.76 0 "AlexNet-BN: the smallest ratio is conv1.w's 5.76"
expect_number alexnet_ratio_max 1345 0 "AlexNet-BN: the largest is fc6.w's 1345"
expect_number alexnet_ratio_spread "$(awk 'BEGIN { printf "%.17g", 1345 / 5.76 }')" 1e-12 "1345 / 5.76 = 234"
expect_trace_rows "$OUT/alexnet.tsv" 16 "alexnet.tsv: 16 rows, conv1.b to fc8.w"
expect_awk "AlexNet-BN: every printed ratio but conv5.w's agrees with ||w||/||g|| within 6 %" "bad == 1 && which == \"conv5.w\"" \
  -v bad="$(awk -F'\t' 'NR > 1 { r = $3 / $4 / $5; if (r < 0.94 || r > 1.06) n++ } END { print n + 0 }' "$OUT/alexnet.tsv")" \
  -v which="$(awk -F'\t' 'NR > 1 { r = $3 / $4 / $5; if (r < 0.94 || r > 1.06) print $2 }' "$OUT/alexnet.tsv")"

# ---- 4. Per-layer steps and the learning-rate sweep -------------------------------------------
S=$OUT/layer-steps.tsv
expect_trace_rows "$S" 500 "layer-steps.tsv: 500 steps"
lars_spread() {  # the largest ratio between LARS's layers over steps 1 .. $1
  awk -F'\t' -v N="$1" 'NR > 1 && $1 <= N { mx = $8; mn = $8; for (i = 9; i <= 10; i++) { if ($i > mx) mx = $i; if ($i < mn) mn = $i }
    if (mx / mn > w) w = mx / mn } END { print w }' "$S"
}
expect_awk "the text: LARS's layers stay within 2 % of each other for 100 steps" "w < 1.02" -v w="$(lars_spread 100)"
expect_awk "the text: and never more than a factor of 2.5 apart" "w < 2.5" -v w="$(lars_spread 500)"
expect_awk "SGD: the layers' relative steps never come within a factor 50" "b > 50" \
  -v b="$(awk -F'\t' 'NR > 1 { mx = $2; mn = $2; for (i = 3; i <= 4; i++) { if ($i > mx) mx = $i; if ($i < mn) mn = $i }
          if (b == "" || mx / mn < b) b = mx / mn } END { print b }' "$S")"
W=$OUT/lr-sweep.tsv
expect_trace_rows "$W" 29 "lr-sweep.tsv: 1e-5 .. 100 at four per decade"
# The window, recomputed: the unbroken run of rates with loss < 1e-3 around the best rate.
col=2
for m in sgd adam novograd lars; do
  read -r lo hi <<<"$(awk -F'\t' -v c=$col 'NR > 1 { lr[NR] = $1; f[NR] = $c; n = NR
      if ($c != "nan" && (best == "" || $c + 0 < f[best] + 0)) best = NR }
    END { lo = best; hi = best; while (lo > 2 && f[lo - 1] != "nan" && f[lo - 1] + 0 < 1e-3) lo--
          while (hi < n && f[hi + 1] != "nan" && f[hi + 1] + 0 < 1e-3) hi++
          printf "%.17g %.17g\n", lr[lo], lr[hi] }' "$W")"
  expect_number "sweep_${m}_lo" "$lo" 1e-12 "$m: the window starts at $lo"
  expect_number "sweep_${m}_hi" "$hi" 1e-12 "$m: the window ends at $hi"
  expect_number "sweep_${m}_width" "$(awk -v a="$lo" -v b="$hi" 'BEGIN { printf "%.17g", b / a }')" 1e-9 \
    "$m: the window is hi / lo wide"
  col=$((col + 1))
done
expect_between sweep_sgd_width 9.9 10.1 "the text: SGD's window is 10 wide"
expect_between sweep_sgd_lo 0.0055 0.0057 "the text: from 0.0056"
expect_between sweep_sgd_hi 0.055 0.057 "the text: to 0.056"
expect_between sweep_adam_width 560 564 "the text: Adam's window is 562 wide"
expect_between sweep_adam_lo 0.00099 0.00101 "the text: from 0.001"
expect_between sweep_adam_hi 0.55 0.57 "the text: to 0.56"
expect_between sweep_novograd_width 560 564 "the text: NovoGrad's window is 562 wide"
expect_between sweep_novograd_lo 0.00055 0.00057 "the text: from 0.0006"
expect_between sweep_novograd_hi 0.31 0.32 "the text: to 0.32"
expect_between sweep_lars_lo 0.177 0.179 "the text: LARS trains from 0.18"
expect_between sweep_lars_hi 99 101 "the text: up to the end of the sweep, 100"
expect_awk "the text: at 0.1 SGD would move W3 by three times its size" "v > 2.9 && v < 3.0" \
  -v v="$(awk -v s="$(number first_step_sgd_W3)" 'BEGIN { print s * 0.1 / 0.03 }')"
expect_awk "SGD diverges just above its window (at 0.1)" "v == \"nan\"" \
  -v v="$(awk -F'\t' 'NR > 1 && $1 > 0.09 && $1 < 0.11 { print $2 }' "$W")"
expect_awk "the text: LARS never diverges, even at lr = 100" "n == 0 && last < 1" \
  -v n="$(awk -F'\t' 'NR > 1 && $5 == "nan"' "$W" | wc -l)" -v last="$(tail -n 1 "$W" | cut -f5)"

# ---- params.lua spells out the schema's defaults -----------------------------------------
expect_params_lua 07 07-beyond-adam "$DEFAULT_OUT"

# ---- Another seed and another beta2 ---------------------------------------------------------
run_lab 07 --no-plot --quiet --seed 7
expect_rc 0 "--seed 7 exits 0"
expect_number radam_first_rectified 6 0 "seed 7: RAdam does not depend on the seed"
expect_between layers_gradient_check 0 1e-6 "seed 7: the gradient check passes"
expect_between ratio_spread 100 10000 "seed 7: the layers' ratios still differ by hundreds"
expect_number first_step_lars_W2 3e-4 1e-9 "seed 7: LARS's first step is still lr trust"
expect_awk "seed 7: Lookahead still lowers Adam's noisy floor" "r > 1.4" -v r="$(number noisy_floor_ratio)"
run_lab 07 --no-plot --quiet --set beta2=0.99
expect_rc 0 "beta2 = 0.99 runs"
read -r _ f5 f4 half most _ _ <<<"$(radam 0.99 | tail -n 1)"
expect_number radam_rho_inf 199 1e-12 "beta2 = 0.99: rho_inf = 199"
expect_number radam_first_rectified "$f5" 0 "beta2 = 0.99: first rectified step $f5 (computed here)"
expect_number radam_r_most "$most" 0 "beta2 = 0.99: r_t reaches 0.9 at step $most (computed here)"

# ---- Figures ---------------------------------------------------------------------------
if figure_run 07; then
  expect_figures 07-radam 07-lookahead 07-ratios 07-layer-steps 07-lr-sweep
  expect_legible_figures
  expect_quiet_figures
fi

# ---- Bad parameters are caught before anything is written --------------------------------
expect_bad_param 07 'layer_scales={1, 1}' 'layer_scales with two numbers'
expect_bad_param 07 'thresholds={3, 4}' 'a threshold below 4'
expect_bad_param 07 'sweep_range={10, 1}' 'sweep_range = {10, 1}'
