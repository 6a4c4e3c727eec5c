#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Kill a training process with SIGKILL after its second merge, check the
# database, resume it, and compare with an uninterrupted run of the same seed:
# the final metrics and samples must be identical.
# Usage: check_kill_resume.sh CLI SOURCE WORK
set -euo pipefail
cli=$1 source=$2 work=$3/kill-resume
rm -rf "$work" && mkdir -p "$work"
task=(--config "$source/resources/tasks/toy.json" --set training.total_steps=40
      --set training.merge_period=4 --set training.subset_size=2 --cache-dir "$work/cache")

"$cli" train "${task[@]}" --db "$work/straight/runs.sqlite" --summary "$work/straight.json" 2>/dev/null

"$cli" train "${task[@]}" --db "$work/killed/runs.sqlite" 2>/dev/null &
child=$!
for _ in $(seq 1 600); do
  merged=$(sqlite3 "$work/killed/runs.sqlite" "SELECT count(*) FROM merges WHERE round >= 2" 2>/dev/null || echo 0)
  [ "${merged:-0}" -ge 1 ] && break
  sleep 0.05
done
kill -9 "$child"
wait "$child" 2>/dev/null || true
rounds=$(sqlite3 "$work/killed/runs.sqlite" "SELECT max(round) FROM merges")
[ "$rounds" -lt 10 ] || { echo "the run finished before it was killed"; exit 1; }
status=$(sqlite3 "$work/killed/runs.sqlite" "SELECT status FROM runs")
[ "$status" = running ] || { echo "a killed run should still say running, says $status"; exit 1; }
integrity=$(sqlite3 "$work/killed/runs.sqlite" "PRAGMA integrity_check")
[ "$integrity" = ok ] || { echo "integrity_check after SIGKILL: $integrity"; exit 1; }
echo "killed after merge round $rounds; integrity_check ok"

"$cli" train --resume latest --db "$work/killed/runs.sqlite" --cache-dir "$work/cache" \
  --summary "$work/resumed.json" 2>"$work/resume.log" || { cat "$work/resume.log"; exit 1; }
grep -q "resumed after merge round" "$work/resume.log"

compare() {
  jq -S "{avg_reward, icv, per_objective, per_objective_raw, hypervolume, samples}" "$1"
}
if ! diff <(compare "$work/straight.json") <(compare "$work/resumed.json") >/dev/null; then
  echo "the resumed run differs from the uninterrupted one"
  diff <(compare "$work/straight.json") <(compare "$work/resumed.json") | head -20
  exit 1
fi
steps=$(sqlite3 "$work/killed/runs.sqlite" "SELECT count(*) FROM steps WHERE policy != 'merged'")
[ "$steps" -eq 80 ] || { echo "expected 80 expert steps recorded once each, found $steps"; exit 1; }
status=$(sqlite3 "$work/killed/runs.sqlite" "SELECT status FROM runs")
[ "$status" = finished ] || { echo "resumed run ends as $status"; exit 1; }
echo "resumed run equals the uninterrupted run: $(jq .avg_reward "$work/resumed.json")"

# The stored run as a user reads it back.
db=$work/killed/runs.sqlite
[ "$("$cli" runs --db "$db" --json | jq -r '.[0].status')" = finished ]
"$cli" export --db "$db" --run 1 --what front --format csv --out "$work/front.csv" 2>/dev/null
head -1 "$work/front.csv" | grep -q "^policy,step,round,average_reward,icv,objective_balance,kl,entropy,ones,alternation,pattern,non_dominated$" \
  || { echo "front CSV header: $(head -1 "$work/front.csv")"; exit 1; }
[ "$(wc -l < "$work/front.csv")" -eq 12 ] || { echo "expected the prior and 10 rounds on the front"; exit 1; }
"$cli" export --db "$db" --run 1 --what samples --format txt --out "$work/samples.txt" 2>/dev/null
[ "$(wc -l < "$work/samples.txt")" -eq 1408 ] || { echo "expected 11 x 128 samples"; exit 1; }
"$cli" export --db "$db" --run 1 --what metrics --format jsonl --out "$work/metrics.jsonl" 2>/dev/null
experts=$(jq -s '[.[] | select(.policy == "expert:ones" and (.transformed_means.ones | type) == "number")] | length' "$work/metrics.jsonl")
[ "$experts" -gt 0 ] || { echo "no expert rows with values in the metrics export"; exit 1; }
echo "runs and export read the stored run back"

# A damaged checkpoint is refused with a clear message (exit 2), not loaded.
last=$(sqlite3 "$db" "SELECT checkpoint FROM merges WHERE checkpoint != '' ORDER BY round DESC LIMIT 1")
printf 'XX' | dd of="$last" bs=1 seek=100 conv=notrunc 2>/dev/null
set +e
"$cli" train --resume 1 --db "$db" --cache-dir "$work/cache" 2>"$work/corrupt.log"
rc=$?
set -e
[ "$rc" -eq 2 ] && grep -q "does not match the sha256" "$work/corrupt.log" \
  || { echo "a damaged checkpoint gave rc $rc: $(cat "$work/corrupt.log")"; exit 1; }
echo "a damaged checkpoint is refused"
