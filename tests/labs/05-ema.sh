# tests/labs/05-ema.sh — lab 05: every number its text quotes, its tables
# and figures, and params.lua against the schema in lab.c. Expected values
# are computed here, in awk, from the formulas (the averages are recomputed
# from the table's temperatures).
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

calc() { awk "BEGIN { printf \"%.17g\", $1 }"; }

# ---- The default run ------------------------------------------------------------------
run_lab 05 --no-plot
expect_rc 0 "default run exits 0"
DEFAULT_OUT=$OUT
expect_tables year start numbers
expect_stubs_announced 05-ema ema_update ema_bias_corrected

# ---- 1. The data: the seasonal curve m - A cos(2 pi (k - d) / 365) ------------------------
Y=$OUT/year.tsv
expect_trace_rows "$Y" 365 "year.tsv: 365 days"
err=$(awk -F'\t' 'NR > 1 { t = 12 - 10 * cos(2 * 3.14159265358979324 * ($1 - 15) / 365)
  d = $2 - t; if (d < 0) d = -d; if (d > m) m = d } END { printf "%.3g", m + 0 }' "$Y")
expect_awk "the truth column is 12 - 10 cos(2 pi (k - 15) / 365) (max error $err)" "e < 1e-12" -v e="$err"
sd=$(awk -F'\t' 'NR > 1 { d = $3 - $2; s += d; q += d * d; n++ } END { m = s / n; printf "%.6g", sqrt(q / n - m * m) }' "$Y")
expect_awk "the noise x - truth has standard deviation about 3 (got $sd)" "s > 2.6 && s < 3.4" -v s="$sd"

# ---- 2. The averages ---------------------------------------------------------------------
# Recompute each average from the table's x column with v = b v + (1 - b) x.
i=0
for b in 0.5 0.9 0.98; do
  i=$((i + 1))
  d=$(awk -F'\t' -v b="$b" -v c=$((3 + i)) 'NR > 1 { v = b * v + (1 - b) * $3
    e = v - $c; if (e < 0) e = -e; if (e > m) m = e } END { printf "%.3g", m + 0 }' "$Y")
  expect_awk "ema_$i (beta = $b) is v = b v + (1 - b) x of the data (max difference $d)" "e < 1e-12" -v e="$d"
  expect_number "window_$i" "$(calc "1 / (1 - $b)")" 1e-12 "beta = $b: window 1/(1 - beta)"
  expect_number "window_weight_$i" "$(calc "1 - $b ^ int(1 / (1 - $b) + 0.5)")" 1e-12 \
    "beta = $b: weight of the last 1/(1 - beta) values"
  expect_number "lag_$i" "$(calc "$b / (1 - $b)")" 1e-12 "beta = $b: mean age beta/(1 - beta)"
  expect_number "noise_theory_$i" "$(calc "3 * sqrt((1 - $b) / (1 + $b))")" 1e-12 \
    "beta = $b: noise left sigma sqrt((1 - beta)/(1 + beta))"
  # The lag error: the average of the noise-free curve against the curve, days 101-365.
  le=$(awk -v b="$b" 'BEGIN { for (k = 1; k <= 365; k++) { t = 12 - 10 * cos(2 * 3.14159265358979324 * (k - 15) / 365)
    v = b * v + (1 - b) * t; if (k >= 101) { s += (v - t)^2; n++ } } printf "%.17g", sqrt(s / n) }')
  expect_number "lag_error_$i" "$le" 1e-9 "beta = $b: lag error = $le (the average of the seasonal curve)"
  # Total error from the table.
  te=$(awk -F'\t' -v c=$((3 + i)) 'NR > 1 && $1 >= 101 { s += ($c - $2)^2; n++ } END { printf "%.17g", sqrt(s / n) }' "$Y")
  expect_number "total_error_$i" "$te" 1e-9 "beta = $b: total error from year.tsv"
  # The measured noise left is a random quantity: within a factor 2 of the theory.
  expect_awk "beta = $b: noise left within a factor 2 of the theory" "m > t / 2 && m < 2 * t" \
    -v m="$(number "noise_left_$i")" -v t="$(number "noise_theory_$i")"
done
expect_number window_1 2 1e-12 "beta = 0.5 averages about 2 values"
expect_number window_2 10 1e-12 "beta = 0.9 averages about 10 values"
expect_number window_3 50 1e-12 "beta = 0.98 averages about 50 values"
expect_number lag_2 9 1e-12 "beta = 0.9 lags 9 days"
expect_number lag_3 49 1e-12 "beta = 0.98 lags 49 days"
expect_number noise_theory_1 "$(calc "3 * sqrt(1 / 3)")" 1e-12 "beta = 0.5 keeps sqrt(1/3) = 58 % of the noise"
expect_awk "beta = 0.9 has the smallest total error" "b < a && b < c" \
  -v a="$(number total_error_1)" -v b="$(number total_error_2)" -v c="$(number total_error_3)"
# beta = 0.98: its maximum comes about six weeks late and some 2 degrees short.
read -r late short <<<"$(awk -F'\t' 'NR > 1 { if ($2 > mt) { mt = $2; kt = $1 } if ($6 > me) { me = $6; ke = $1 } }
  END { print ke - kt, mt - me }' "$Y")"
expect_awk "beta = 0.98 peaks about six weeks late ($late days)" "l >= 30 && l <= 56" -v l="$late"
expect_awk "beta = 0.98 peaks some 2 degrees short ($short)" "s >= 1.2 && s <= 3.2" -v s="$short"

# ---- 3. Bias correction ---------------------------------------------------------------------
expect_number weight_sum_1 0.1 1e-12 "weights of v_1 add up to 0.1"
expect_number weight_sum_2 0.19 1e-12 "weights of v_2 add up to 0.19"
expect_number correction_factor_2 "$(calc "1 / (1 - 0.9^2)")" 1e-12 "correction 1/0.19 at k = 2"
expect_close "$(printf '%.2f' "$(number correction_factor_2)")" 5.26 0 "... printed as 5.26"
expect_number correction_factor_100 "$(calc "1 / (1 - 0.9^100)")" 1e-12 "correction at k = 100"
expect_close "$(printf '%.6f' "$(number correction_factor_100)")" 1.000027 0 "... printed as 1.000027"
k=1; for b in 0.9 0.98 0.999; do
  want=$(awk -v b="$b" 'BEGIN { k = 1; while (1 / (1 - b^k) >= 1.01) k++; print k }')
  expect_number "steps_to_one_percent_$k" "$want" 0 "beta = $b: correction below 1 % after $want steps"
  k=$((k + 1))
done
expect_number steps_to_one_percent_1 44 0 "beta = 0.9: 44 steps"
expect_number steps_to_one_percent_2 229 0 "beta = 0.98: 229 days, most of the year"
expect_number steps_to_one_percent_3 4613 0 "beta2 = 0.999: thousands of steps"
S=$OUT/start.tsv
expect_trace_rows "$S" 100 "start.tsv: the first 100 days"
x1=$(awk -F'\t' 'NR == 2 { print $3 }' "$S")
expect_number first_temperature "$x1" 1e-15 "x_1 from the table"
expect_number first_uncorrected "$(calc "0.02 * $x1")" 1e-12 "v_1 = 0.02 x_1"
expect_number first_corrected "$x1" 1e-12 "corrected v_1 = x_1"
expect_number weight_sum_day_10 "$(calc "1 - 0.98^10")" 1e-12 "v_10's weights add up to 1 - 0.98^10 = 18 %"
d=$(awk -F'\t' 'NR > 1 { v = 0.98 * v + 0.02 * $3; c = v / (1 - 0.98^$1)
  e1 = v - $4; e2 = c - $5; if (e1 < 0) e1 = -e1; if (e2 < 0) e2 = -e2
  if (e1 > m) m = e1; if (e2 / (1 + (c < 0 ? -c : c)) > m) m = e2 / (1 + (c < 0 ? -c : c)) }
  END { printf "%.3g", m + 0 }' "$S")
expect_awk "start.tsv: uncorrected and corrected averages recomputed (max difference $d)" "e < 1e-10" -v e="$d"
expect_awk "the corrected start is closer to the seasonal curve" "c < u" \
  -v c="$(number start_error_corrected)" -v u="$(number start_error_uncorrected)"

# ---- params.lua spells out the schema's defaults -----------------------------------------
expect_params_lua 05 05-ema "$DEFAULT_OUT"

# ---- Another seed: another year, the same climate and the same conclusions ---------------
run_lab 05 --no-plot --quiet --seed 7
expect_rc 0 "--seed 7 exits 0"
expect_awk "seed 7: another year" "a != b" -v a="$(number first_temperature)" \
  -v b="$(awk -F'\t' 'NR == 2 { print $3 }' "$S")"
expect_awk "seed 7: beta = 0.9 still has the smallest total error" "b < a && b < c" \
  -v a="$(number total_error_1)" -v b="$(number total_error_2)" -v c="$(number total_error_3)"
expect_number lag_error_2 "$(awk -v b=0.9 'BEGIN { for (k = 1; k <= 365; k++) { t = 12 - 10 * cos(2 * 3.14159265358979324 * (k - 15) / 365)
    v = b * v + (1 - b) * t; if (k >= 101) { s += (v - t)^2; n++ } } printf "%.17g", sqrt(s / n) }')" 1e-9 \
  "seed 7: the lag error does not depend on the noise"

# ---- The question of part 2: no noise, the lag is the whole error -------------------------
run_lab 05 --no-plot --quiet --set noise_sd=0 --set 'betas={0.9}'
expect_rc 0 "noise_sd = 0, betas = {0.9} runs"
expect_number noise_left_1 0 1e-15 "no noise: nothing left to average away"
expect_awk "no noise: total error = lag error, about slope x lag / sqrt 2" \
  "t == l && t > 0.9 && t < 1.4" -v t="$(number total_error_1)" -v l="$(number lag_error_1)"

# ---- Figures ---------------------------------------------------------------------------
if figure_run 05; then
  expect_figures 05-ema-year 05-bias-correction
  expect_legible_figures
  expect_quiet_figures "not implemented yet"
fi

# ---- Bad parameters are caught before anything is written --------------------------------
expect_bad_param 05 'betas={}' 'betas = {}'
expect_bad_param 05 'betas={1}' 'betas = {1}'
expect_bad_param 05 'settle_day=400' 'settle_day after the last day'
expect_bad_param 05 'correction_at={2.5}' 'correction_at = {2.5}'
