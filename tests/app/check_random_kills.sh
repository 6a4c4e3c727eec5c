#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Random-kill durability (issue 18): SIGKILL `paretolab-cli train` at 20
# seeded random moments, resuming after each. After every kill the database
# passes integrity_check and holds no step twice; the finished run equals an
# uninterrupted one. A kill before the first merge leaves nothing to resume:
# the run is then started again, as a user would.
# Usage: check_random_kills.sh CLI SOURCE WORK [SEED]
set -euo pipefail
cli=$1 source=$2 work=$3/random-kills seed=${4:-20261203}
rm -rf "$work" && mkdir -p "$work"
RANDOM=$seed
echo "kill moments seeded with $seed"
task=(--config "$source/resources/tasks/toy.json" --set training.total_steps=120
      --set training.merge_period=4 --cache-dir "$work/cache")
db=$work/killed/runs.sqlite
sql() { sqlite3 "$db" "$1"; }

"$cli" train "${task[@]}" --db "$work/straight/runs.sqlite" --summary "$work/straight.json" 2>/dev/null >/dev/null

kills=0
while [ "$kills" -lt 20 ]; do
  run=$(sql "SELECT id FROM runs ORDER BY id DESC LIMIT 1" 2>/dev/null || true)
  if [ -n "$run" ] && [ "$(sql "SELECT count(*) FROM merges WHERE run = $run AND round >= 1")" -gt 0 ]; then
    start=(--resume "$run" --db "$db" --cache-dir "$work/cache")
  else
    start=("${task[@]}" --db "$db") # nothing to resume yet: start again
  fi
  [ -n "$run" ] && [ "$(sql "SELECT status FROM runs WHERE id = $run")" = finished ] && break
  "$cli" train "${start[@]}" >/dev/null 2>>"$work/train.log" &
  child=$!
  delay=$(printf "%d.%03d" $((RANDOM % 4)) $((RANDOM % 1000)))
  sleep "$delay"
  kill -9 "$child" 2>/dev/null || true
  wait "$child" 2>/dev/null || true
  kills=$((kills + 1))
  if [ ! -f "$db" ]; then # killed while it started: there is nothing to check yet
    echo "kill $kills after $delay s: before the database was created"
    continue
  fi
  integrity=$(sql "PRAGMA integrity_check")
  [ "$integrity" = ok ] || { echo "kill $kills at $delay s: integrity_check says $integrity"; exit 1; }
  twice=$(sql "SELECT run, policy, step, count(*) FROM steps GROUP BY run, policy, step HAVING count(*) > 1")
  [ -z "$twice" ] || { echo "kill $kills at $delay s: steps recorded twice: $twice"; exit 1; }
  run=$(sql "SELECT id FROM runs ORDER BY id DESC LIMIT 1" 2>/dev/null || true)
  echo "kill $kills after $delay s: run ${run:-none}, step $( [ -n "$run" ] && sql "SELECT coalesce(max(step), 0) FROM steps WHERE run = $run" || echo 0)"
done

run=$(sql "SELECT id FROM runs ORDER BY id DESC LIMIT 1")
if [ "$(sql "SELECT status FROM runs WHERE id = $run")" != finished ]; then
  "$cli" train --resume "$run" --db "$db" --cache-dir "$work/cache" >/dev/null 2>>"$work/train.log"
fi
steps=$(sql "SELECT count(*) FROM steps WHERE run = $run AND policy != 'merged'")
[ "$steps" -eq 360 ] || { echo "expected 120 steps x 3 experts recorded once each, found $steps"; exit 1; }
final() { sqlite3 "$1" "SELECT average_reward, transformed_means FROM steps WHERE run = $2 AND policy = 'merged' ORDER BY step DESC LIMIT 1"; }
straight=$(final "$work/straight/runs.sqlite" 1)
[ "$(final "$db" "$run")" = "$straight" ] \
  || { echo "after $kills kills the run ends at $(final "$db" "$run"), the uninterrupted one at $straight"; exit 1; }
echo "after $kills kills, run $run equals the uninterrupted run: $straight"
