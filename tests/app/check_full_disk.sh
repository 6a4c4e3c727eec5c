#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A run whose directory is on a small filesystem that fills up: the run stops
# with a clear message, the database and the last recorded checkpoint stay
# sound, and once space is freed the run resumes and equals an uninterrupted
# one. The filesystem is a 16 MB tmpfs in a private mount namespace; where
# mounting is not allowed the test is skipped (exit 77) with a message.
# Usage: check_full_disk.sh CLI SOURCE WORK
set -euo pipefail
cli=$1 source=$2 work=$3/full-disk

if [ -z "${PARETOLAB_IN_MOUNT_NAMESPACE:-}" ]; then
  rm -rf "$work" && mkdir -p "$work"
  if ! unshare --mount --propagation private true 2>/dev/null; then
    echo "SKIP: this machine does not allow a private mount namespace (unshare --mount), so no small filesystem can be mounted"
    exit 77
  fi
  exec env PARETOLAB_IN_MOUNT_NAMESPACE=1 unshare --mount --propagation private bash "$0" "$@"
fi

disk=$work/disk
mkdir -p "$disk"
if ! mount -t tmpfs -o size=16m paretolab-full-disk "$disk"; then
  echo "SKIP: a tmpfs cannot be mounted here"
  exit 77
fi
task=(--config "$source/resources/tasks/toy.json" --set training.total_steps=24 --cache-dir "$work/cache")

"$cli" train "${task[@]}" --db "$work/straight/runs.sqlite" --summary "$work/straight.json" 2>/dev/null

# Round checkpoints of the toy task take 2.1 MB each: the filler leaves room
# for about three of them, and the run has six rounds.
head -c 9000000 /dev/zero > "$disk/filler"
db=$disk/runs.sqlite
if "$cli" train "${task[@]}" --db "$db" 2>"$work/full.log"; then
  echo "the run should have stopped when the disk filled"
  exit 1
fi
cat "$work/full.log"
grep -Eq "error: .*(No space left on device|disk is full)" "$work/full.log" \
  || { echo "the message does not say the disk is full"; exit 1; }
grep -q "run 1 can go on from its last merge: paretolab-cli train --resume 1 --db $db" "$work/full.log" \
  || { echo "the message does not say how to go on"; exit 1; }

integrity=$(sqlite3 "$db" "PRAGMA integrity_check")
[ "$integrity" = ok ] || { echo "integrity_check on the full disk: $integrity"; exit 1; }
IFS='|' read -r round checkpoint sha <<<"$(sqlite3 "$db" \
  "SELECT round, checkpoint, checkpoint_sha256 FROM merges WHERE checkpoint IS NOT NULL ORDER BY round DESC LIMIT 1")"
[ "${round:-0}" -ge 1 ] && [ "$round" -lt 6 ] || { echo "expected a stop within the run, last round ${round:-none}"; exit 1; }
[ "$(sha256sum "$checkpoint" | cut -d' ' -f1)" = "$sha" ] \
  || { echo "the last recorded checkpoint $checkpoint does not match its sha256"; exit 1; }
echo "the disk filled after merge round $round; integrity_check ok; its checkpoint matches its sha256"

rm "$disk/filler"
"$cli" train --resume 1 --db "$db" --cache-dir "$work/cache" --summary "$work/resumed.json" \
  2>"$work/resume.log" || { cat "$work/resume.log"; exit 1; }
grep -q "resumed after merge round $round" "$work/resume.log"
compare() {
  jq -S "{avg_reward, icv, per_objective, per_objective_raw, hypervolume, samples}" "$1"
}
if ! diff <(compare "$work/straight.json") <(compare "$work/resumed.json") >/dev/null; then
  echo "the resumed run differs from the uninterrupted one"
  exit 1
fi
steps=$(sqlite3 "$db" "SELECT count(*) FROM steps WHERE policy != 'merged'")
[ "$steps" -eq 72 ] || { echo "expected 72 expert steps recorded once each, found $steps"; exit 1; }
echo "after freeing space the run resumed and equals the uninterrupted run: $(jq .avg_reward "$work/resumed.json")"
