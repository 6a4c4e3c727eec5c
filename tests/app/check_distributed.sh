#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Experts as ranks (issue 17), as a user runs them:
#  1. `train --ranks 3` gives the summary and the recorded steps of `train`;
#  2. a worker killed with SIGKILL stops the run with a message naming it, in
#     bounded time, and `--resume --ranks 2` finishes it as if nothing happened;
#  3. three ranks as three hosts: network namespaces joined by veth pairs,
#     each rank started by hand with `worker` (skipped where namespaces are not allowed).
# Usage: check_distributed.sh CLI SOURCE WORK
set -euo pipefail
cli=$1 source=$2 work=$3/distributed
rm -rf "$work" && mkdir -p "$work"
task=(--config "$source/resources/tasks/toy.json" --set training.total_steps=40
      --set training.merge_period=4 --cache-dir "$work/cache")

# Every figure of two summaries within 1e-6, and the same samples.
same_summary() {
  local numbers='[paths(numbers) as $p | {key: ($p | map(tostring) | join(".")), value: getpath($p)}]
                 | map(select(.key | test("seconds") | not)) | from_entries'
  jq -n --slurpfile a "$1" --slurpfile b "$2" "
    (\$a[0] | $numbers) as \$x | (\$b[0] | $numbers) as \$y
    | (\$x | keys) == (\$y | keys)
      and ([\$x | keys[] | (\$x[.] - \$y[.]) | fabs] | max // 0) <= 1e-6
      and \$a[0].samples == \$b[0].samples" | grep -q true
}
steps_of() {
  sqlite3 "$1" "SELECT policy, step, round, average_reward, transformed_means, kl FROM steps
                WHERE policy != 'merged' ORDER BY policy, step"
}

# LibTorch's sums depend on the thread count: every process here computes with one.
"$cli" --threads 1 train "${task[@]}" --db "$work/one/runs.sqlite" --summary "$work/one.json" 2>/dev/null
"$cli" --threads 1 train "${task[@]}" --ranks 3 --db "$work/three/runs.sqlite" --summary "$work/three.json" \
  2>"$work/three.log" || { cat "$work/three.log"; exit 1; }
same_summary "$work/one.json" "$work/three.json" \
  || { echo "3 ranks differ from one process"; diff <(jq -S . "$work/one.json") <(jq -S . "$work/three.json") | head; exit 1; }
diff <(steps_of "$work/one/runs.sqlite") <(steps_of "$work/three/runs.sqlite") >/dev/null \
  || { echo "the steps recorded by 3 ranks differ from one process's"; exit 1; }
grep -q "3 ranks; rank 0 moved" "$work/three.log"
echo "3 ranks equal one process: avg_reward $(jq .avg_reward "$work/three.json"), $(steps_of "$work/three/runs.sqlite" | wc -l) steps"

# A worker killed in the middle of the run.
db=$work/killed/runs.sqlite
"$cli" --threads 1 train "${task[@]}" --ranks 3 --timeout 60 --db "$db" 2>"$work/killed.log" &
launcher=$!
for _ in $(seq 1 1200); do
  merged=$(sqlite3 "$db" "SELECT count(*) FROM merges WHERE round >= 2" 2>/dev/null || echo 0)
  [ "${merged:-0}" -ge 1 ] && break
  sleep 0.05
done
pkill -9 -P "$launcher" -f "worker --rank 2" || { echo "no rank-2 worker to kill"; exit 1; }
killed_at=$(date +%s)
set +e
wait "$launcher"
rc=$?
set -e
seconds=$(( $(date +%s) - killed_at ))
[ "$rc" -eq 3 ] || { echo "the launcher ended with $rc, not 3"; cat "$work/killed.log"; exit 1; }
grep -q "rank 2 was killed by signal 9" "$work/killed.log" \
  || { echo "the message does not name the lost rank:"; cat "$work/killed.log"; exit 1; }
grep -q "can go on from its last merge" "$work/killed.log"
# The worker that survived noticed the loss itself, and said so.
grep -q "rank 1 ended with exit code 3" "$work/killed.log" \
  || { echo "rank 1 did not end on its own:"; cat "$work/killed.log"; exit 1; }
grep -q "rank 1 lost contact with the other ranks" "$work/killed.log"
[ "$seconds" -le 60 ] || { echo "the run took $seconds s to stop, more than its 60 s timeout"; exit 1; }
rounds=$(sqlite3 "$db" "SELECT max(round) FROM merges")
[ "$rounds" -lt 10 ] || { echo "the run finished before the kill"; exit 1; }
echo "a killed worker stopped the run after merge round $rounds, in $seconds s"

"$cli" --threads 1 train --resume latest --ranks 2 --db "$db" --cache-dir "$work/cache" \
  --summary "$work/resumed.json" 2>"$work/resumed.log" || { cat "$work/resumed.log"; exit 1; }
same_summary "$work/one.json" "$work/resumed.json" \
  || { echo "the run resumed on 2 ranks differs from the uninterrupted one"; exit 1; }
steps=$(sqlite3 "$db" "SELECT count(*) FROM steps WHERE policy != 'merged'")
[ "$steps" -eq 120 ] || { echo "expected 120 expert steps recorded once each, found $steps"; exit 1; }
echo "resumed on 2 ranks, equal to the uninterrupted run"

# Three hosts: a namespace each, veth pairs into a fourth that bridges them.
ns=pl-$$
cleanup() { for n in 0 1 2 s; do ip netns del "$ns-$n" 2>/dev/null || true; done; }
trap cleanup EXIT
if ! ip netns add "$ns-s" 2>/dev/null; then
  echo "SKIP three hosts: this machine does not allow network namespaces (ip netns add)"
  exit 0
fi
ip -n "$ns-s" link add name bridge type bridge && ip -n "$ns-s" link set bridge up
for n in 0 1 2; do
  ip netns add "$ns-$n"
  ip link add "pl$$h$n" netns "$ns-$n" type veth peer name "pl$$s$n" netns "$ns-s"
  ip -n "$ns-s" link set "pl$$s$n" master bridge up
  ip -n "$ns-$n" addr add "10.77.0.$((n + 1))/24" dev "pl$$h$n"
  ip -n "$ns-$n" link set "pl$$h$n" up
  ip -n "$ns-$n" link set lo up
done
hosts=(--world 3 --master 10.77.0.1:29577 --timeout 60)
ip netns exec "$ns-0" "$cli" --threads 1 worker --rank 0 "${hosts[@]}" "${task[@]}" \
  --db "$work/hosts/runs.sqlite" --summary "$work/hosts.json" 2>"$work/host0.log" &
rank0=$!
for n in 1 2; do
  ip netns exec "$ns-$n" "$cli" --threads 1 worker --rank "$n" "${hosts[@]}" --cache-dir "$work/cache" 2>"$work/host$n.log" &
done
wait "$rank0" || { cat "$work/host0.log" "$work/host1.log"; exit 1; }
wait
grep -q "rank 1 of 3" "$work/host1.log" || { cat "$work/host1.log"; exit 1; }
same_summary "$work/one.json" "$work/hosts.json" \
  || { echo "3 hosts differ from one process"; exit 1; }
echo "3 ranks in 3 network namespaces equal one process"
