#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# `cmake --install` to a temporary prefix, then the installed programs run with
# the build and source trees out of sight (each covered by an empty tmpfs in a
# private mount namespace, as if moved away), and so are the corpora that
# scripts/setup extracted: the CLI's --version, a toy run from the bundled
# task, a screenshot of the molecule task with the shipped prior, and the DNA
# and summaries tasks loaded from the installed corpora. Where no mount
# namespace can be made, the test is skipped (exit 77) with a message.
# Usage: check_install.sh BUILD SOURCE WORK
set -euo pipefail
build=$1 source=$2 work=$3/install

if [ -z "${PARETOLAB_IN_MOUNT_NAMESPACE:-}" ]; then
  if ! unshare --mount --propagation private true 2>/dev/null; then
    echo "SKIP: this machine does not allow a private mount namespace (unshare --mount), so the build tree cannot be hidden from the installed programs"
    exit 77
  fi
  rm -rf "$work" && mkdir -p "$work"
  # The prefix lies outside both trees, so that hiding them leaves it in view.
  prefix=$(mktemp -d /tmp/paretolab-prefix.XXXXXX)
  trap 'rm -rf "$prefix"' EXIT
  cmake --install "$build" --prefix "$prefix" >"$work/install.log"
  PARETOLAB_IN_MOUNT_NAMESPACE=1 PARETOLAB_PREFIX=$prefix \
    unshare --mount --propagation private bash "$0" "$@"
  exit
fi

prefix=$PARETOLAB_PREFIX
libdir=$(find "$prefix" -name libparetolab_sentencepiece.so -printf '%h\n' | head -n 1)
for file in bin/paretolab bin/paretolab-cli \
  share/paretolab/tasks/index.json share/paretolab/tasks/molecules.json \
  share/paretolab/priors/chembl.plckpt share/paretolab/priors/chembl-heldout.smi \
  share/paretolab/translations/paretolab_de.qm share/paretolab/data-sources.md \
  share/paretolab/data/chembl-21-500k.smi share/paretolab/data/hum1.dat \
  share/paretolab/data/dm3_upstream2000.fa.gz share/paretolab/data/pfm_vertebrates.txt \
  share/paretolab/data/summaries/Translation-en share/paretolab/data/summaries/brown/README \
  share/icons/hicolor/scalable/apps/org.paretolab.ParetoLab.svg \
  share/applications/org.paretolab.ParetoLab.desktop \
  share/metainfo/org.paretolab.ParetoLab.metainfo.xml \
  share/man/man1/paretolab.1.gz share/man/man1/paretolab-cli.1.gz \
  share/bash-completion/completions/paretolab-cli \
  share/doc/paretolab/copyright share/doc/paretolab/changelog.Debian.gz; do
  if [ ! -e "$prefix/$file" ]; then
    echo "the install lacks $file"
    exit 1
  fi
done
if [ "$libdir" != "$prefix/lib/paretolab" ] && [[ $libdir != "$prefix"/lib/*/paretolab ]]; then
  echo "the SentencePiece wrapper is not in lib/paretolab or lib/<multiarch>/paretolab: ${libdir:-missing}"
  exit 1
fi

# Out of sight: what the programs could otherwise fall back on.
mount -t tmpfs paretolab-hidden-build "$build"
mount -t tmpfs paretolab-hidden-source "$source"
# and the corpora that scripts/setup extracted: the install must carry its own.
if [ -d /usr/local/share/paretolab ]; then
  mount -t tmpfs paretolab-hidden-data /usr/local/share/paretolab
fi
mkdir -p "$work"
export HOME=$work/home XDG_DATA_HOME=$work/data XDG_CACHE_HOME=$work/cache XDG_CONFIG_HOME=$work/config
export QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=$work/runtime
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
unset PARETOLAB_RESOURCES
cd "$work"

version=$("$prefix/bin/paretolab-cli" --version)
echo "$version"
[[ $version == "paretolab-cli "[0-9]* ]]

"$prefix/bin/paretolab-cli" train --config toy --set training.total_steps=8 \
  --db "$work/runs.sqlite" --summary "$work/summary.json" >"$work/train.log" 2>&1 ||
  { cat "$work/train.log"; exit 1; }
grep -q '"steps"' "$work/summary.json" || { echo "the toy run wrote no summary"; exit 1; }
echo "paretolab-cli train --config toy: ok"

shown=$("$prefix/bin/paretolab" --task molecules --screenshot "$work/molecules.png")
echo "$shown"
[[ $shown == *"ParetoLab — Molecules"*"prior: $prefix/share/paretolab/priors/chembl.plckpt" ]] ||
  { echo "the screenshot does not show the molecule task with the shipped prior"; exit 1; }
[ "$(head -c 4 "$work/molecules.png" | od -An -tx1 | tr -d ' ')" = 89504e47 ]

# The other bundled tasks load from the installed corpora.
for task in dna summaries; do
  shown=$("$prefix/bin/paretolab" --task "$task" --screenshot "$work/$task.png")
  echo "$shown"
  [[ $shown == *"ParetoLab — "*"prior: "* ]] || { echo "the installed copy cannot load the $task task"; exit 1; }
done
echo "the installed programs run without the build tree"
