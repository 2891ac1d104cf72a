# tests/labs/08-schedules.sh — lab 08: every number its text quotes, its
# tables and figures, and params.lua against the schema in lab.c. The
# schedules are recomputed here, in awk, from the lecture's formulas and
# the conventions the lab states (t counts epochs already made; invsqrt
# uses max(t, 1); warm-up (t + 1) / W, then the main schedule from its own
# start with horizon T - W).
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"


# The awk program that knows every schedule: lr(kind, t) with lr0 = 0.1,
# T = 100, milestones 30, 60, 90, gamma 0.1, warm-up W = 5.
SCHED='
function base(kind, t, T,   m) {
  if (kind == "constant") return 0.1
  if (kind == "step") { m = (t >= 30) + (t >= 60) + (t >= 90); return 0.1 * 0.1^m }
  if (kind == "cosine") return t > T ? 0 : 0.05 * (1 + cos(3.14159265358979324 * t / T))
  if (kind == "linear") return t > T ? 0 : 0.1 * (1 - t / T)
  if (kind == "invsqrt") return 0.1 / sqrt(t > 1 ? t : 1)
}
function lr(name, t) {
  if (name ~ /^warm_/) return t < 5 ? 0.1 * (t + 1) / 5 : base(substr(name, 6), t - 5, 95)
  return base(name, t, 100)
}'

# ---- The default run ------------------------------------------------------------------
run_lab 08 --no-plot
expect_rc 0 "default run exits 0"
DEFAULT_OUT=$OUT
expect_tables schedules sgd numbers
expect_stubs_announced 08-schedules cosine_lr warmup_compose

# ---- 2. The schedules ------------------------------------------------------------------
expect_between cosine_vs_library 0 1e-15 "cosine_lr agrees with the library"
expect_between warmup_vs_library 0 1e-15 "warmup_compose agrees with the library's warm-up"
S=$OUT/schedules.tsv
expect_trace_rows "$S" 101 "schedules.tsv: t = 0 .. 100"
[ "$(trace_header "$S")" = "$(printf 't\tconstant\tstep\tcosine\tlinear\tinvsqrt\twarm_constant\twarm_step\twarm_cosine\twarm_linear\twarm_invsqrt')" ] \
  && pass "schedules.tsv has the ten schedules' columns" \
  || fail "schedules.tsv has the ten schedules' columns" "$(trace_header "$S")"
worst=$(awk -F'\t' "$SCHED"'
  NR == 1 { for (c = 2; c <= NF; c++) name[c] = $c; next }
  { for (c = 2; c <= NF; c++) { d = $c - lr(name[c], $1); if (d < 0) d = -d; if (d > m) { m = d; where = name[c] " t=" $1 } } }
  END { printf "%.3g (%s)", m + 0, where }' "$S")
expect_awk "every schedule at every t matches the formulas (worst: $worst)" "w < 1e-15" -v w="${worst%% *}"
bad=0
for name in constant step cosine linear invsqrt warm_constant warm_step warm_cosine warm_linear warm_invsqrt; do
  for t in 0 1 4 5 25 29 30 50 60 75 90 99 100; do
    want=$(awk "$SCHED"' BEGIN { printf "%.17g", lr("'"$name"'", '"$t"') }')
    v=$(number "${name}_lr_$t") || { fail "${name}_lr_$t" "missing"; bad=$((bad + 1)); continue; }
    _close "$v" "$want" 1e-12 || { fail "${name} at t = $t is $want" "got $v"; bad=$((bad + 1)); }
  done
  total=$(awk "$SCHED"' BEGIN { for (t = 0; t < 100; t++) s += lr("'"$name"'", t); printf "%.17g", s }')
  expect_number "${name}_total" "$total" 1e-12 "$name: sum of the rates over t < T = $total"
done
[ "$bad" -eq 0 ] && pass "the printed table of rates matches the formulas (130 values)"
# The numbers the prose quotes.
expect_number step_lr_29 0.1 1e-12 "step: epoch 29 still at alpha_0"
expect_number step_lr_30 0.01 1e-12 "step: epoch 30 at 0.1 alpha_0"
expect_number cosine_lr_50 0.05 1e-12 "cosine: alpha_0 / 2 at T / 2"
expect_number cosine_lr_100 0 0 "cosine: 0 at T"
expect_number invsqrt_lr_0 0.1 1e-12 "invsqrt: alpha_0 at t = 0 (max(t, 1))"
expect_number invsqrt_lr_1 0.1 1e-12 "invsqrt: alpha_0 at t = 1"
expect_number invsqrt_lr_4 0.05 1e-12 "invsqrt: alpha_0 / 2 at t = 4"
expect_number invsqrt_lr_100 0.01 1e-12 "invsqrt: alpha_0 / 10 at t = 100"
expect_number cosine_total 5.05 1e-12 "cosine total: alpha_0 (T + 1) / 2 = 5.05"
expect_number linear_total 5.05 1e-12 "linear total: also 5.05"
expect_number step_total 3.331 1e-12 "step total: 3.331"
expect_close "$(printf '%.3g' "$(number invsqrt_total)")" 1.95 0 "invsqrt total: 1.95, the smallest"
expect_number warm_cosine_lr_0 0.02 1e-12 "warm-up starts at alpha_0 / W = 0.02"
expect_number warm_cosine_lr_4 0.1 1e-12 "warm-up reaches alpha_0 at epoch W - 1 = 4"
expect_number warm_cosine_lr_5 0.1 1e-12 "after the warm-up the cosine starts from its beginning"
expect_number warm_step_lr_30 0.1 1e-12 "after a 5-epoch warm-up the step schedule has not dropped at 30"
expect_number warm_step_lr_60 0.01 1e-12 "... it drops at 35 and 65, not 30 and 60"

# ---- 3. SGD on noisy least squares -----------------------------------------------------
G=$OUT/sgd.tsv
expect_trace_rows "$G" 101 "sgd.tsv: epochs 0 .. 100"
th=$(awk -v L="$(number L_star)" -v h="$(number trace_H)" 'BEGIN { printf "%.17g", 0.1 * 2 * L * h / (4 * 10) }')
expect_number floor_theory "$th" 1e-12 "predicted floor = lr0 (2 L*) tr(H) / (4 B)"
expect_awk "the constant rate settles at the predicted floor (within 25 %)" "m > 0.75 * t && m < 1.25 * t" \
  -v m="$(number floor_constant)" -v t="$(number floor_theory)"
expect_awk "the step schedule sits on the same floor before epoch 30 (within 25 %)" "m > 0.75 * t && m < 1.25 * t" \
  -v m="$(number floor_step_1)" -v t="$(number floor_theory)"
expect_awk "after the drop at 30, a floor ten times lower" "b / a > 0.05 && b / a < 0.2" \
  -v a="$(number floor_step_1)" -v b="$(number floor_step_2)"
expect_awk "the drop at 90 has too little time to show" "d > c / 3" \
  -v c="$(number floor_step_3)" -v d="$(number floor_step_4)"
for k in step cosine linear warm_cosine; do
  expect_awk "$k ends at least ten times below the constant rate" "f < c / 10" \
    -v f="$(number "final_$k")" -v c="$(number final_constant)"
done
expect_awk "cosine finishes below linear" "c < l" -v c="$(number final_cosine)" -v l="$(number final_linear)"
expect_awk "invsqrt ends highest of the decaying schedules" "i > s && i > c && i > l" \
  -v i="$(number final_invsqrt)" -v s="$(number final_step)" -v c="$(number final_cosine)" -v l="$(number final_linear)"
expect_awk "invsqrt ends near the floor of alpha_0 / 10 (within a factor 2)" "i > t / 20 && i < t / 5" \
  -v i="$(number final_invsqrt)" -v t="$(number floor_theory)"
early=$(awk -F'\t' 'NR > 1 && $1 >= 5 && $1 <= 30 { c += $2; s += $3; co += $4; l += $5; i += $6 }
  END { print (i < 0.5 * c && i < 0.5 * s && i < 0.5 * co && i < 0.5 * l) }' "$G")
[ "$early" = 1 ] && pass "invsqrt is lowest over epochs 5-30" || fail "invsqrt is lowest over epochs 5-30" "sgd.tsv says otherwise"
late=$(awk -F'\t' 'NR > 1 && $1 >= 1 && $1 <= 3 { w += $7; c += $4 } END { print (w > c) }' "$G")
[ "$late" = 1 ] && pass "the warm-up run starts more slowly" || fail "the warm-up run starts more slowly" "sgd.tsv says otherwise"
first=$(awk -F'\t' 'NR == 2 { print $2 }' "$G")
expect_number initial_excess "$first" 1e-12 "initial excess loss is the first row of sgd.tsv"

# ---- params.lua spells out the schema's defaults -----------------------------------------
expect_params_lua 08 08-schedules "$DEFAULT_OUT"

# ---- The question: double the batch, half the floor ----------------------------------------
L0=$(number L_star)
run_lab 08 --no-plot --quiet --set batch=20
expect_rc 0 "batch = 20 runs"
expect_number L_star "$L0" 1e-12 "the same data (L*) whatever the batch"
expect_number floor_theory "$(awk -v t="$th" 'BEGIN { printf "%.17g", t / 2 }')" 1e-12 "batch 20: predicted floor halves"
expect_awk "batch 20: measured floor about half (within 25 %)" "m > 0.75 * t && m < 1.25 * t" \
  -v m="$(number floor_constant)" -v t="$(number floor_theory)"

# ---- Another seed: the same story ----------------------------------------------------------
run_lab 08 --no-plot --quiet --seed 7
expect_rc 0 "--seed 7 exits 0"
expect_awk "seed 7: constant rate at the predicted floor" "m > 0.75 * t && m < 1.25 * t" \
  -v m="$(number floor_constant)" -v t="$(number floor_theory)"
expect_awk "seed 7: ten times lower after the drop at 30" "b / a > 0.05 && b / a < 0.2" \
  -v a="$(number floor_step_1)" -v b="$(number floor_step_2)"
expect_awk "seed 7: cosine finishes below linear, and far below constant" "c < l && c < k / 10" \
  -v c="$(number final_cosine)" -v l="$(number final_linear)" -v k="$(number final_constant)"

# ---- Figures ---------------------------------------------------------------------------
if figure_run 08; then
  expect_figures 08-schedules 08-sgd-loss
  expect_legible_figures
  expect_quiet_figures "not implemented yet"
  expect_svg_text "$OUT/08-schedules.svg" "step (×0.1 at the milestones)" "08-schedules' key: the default gamma 0.1"
  # The key restates gamma: from the run.
  run_lab 08 --quiet --set 'gamma=0.5'
  expect_rc 0 "gamma = 0.5 runs"
  expect_svg_text "$OUT/08-schedules.svg" "step (×0.5 at the milestones)" "gamma = 0.5: 08-schedules' key says ×0.5"
  expect_no_svg_text "$OUT/08-schedules.svg" "×0.1" "... and not the default's ×0.1"
fi

# ---- Bad parameters are caught before anything is written --------------------------------
expect_bad_param 08 'warmup=100' 'warmup = T'
expect_bad_param 08 'milestones={60, 30}' 'decreasing milestones'
expect_bad_param 08 'examples=10' 'as many examples as features'
