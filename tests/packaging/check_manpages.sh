#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The man pages format without a groff warning, and paretolab-cli(1) names
# every subcommand and every option that the program's own --help lists, so
# that the page cannot fall behind the program.
# Usage: check_manpages.sh CLI GUI MAN_DIR
set -euo pipefail
cli=$1 gui=$2 man=$3
for page in "$man"/*.1; do
  warnings=$(groff -man -ww -z "$page" 2>&1)
  if [ -n "$warnings" ]; then
    echo "$page: $warnings"
    exit 1
  fi
done

# The page as text, where \- is a plain hyphen.
text=$(groff -man -Tutf8 -P-cbou "$man/paretolab-cli.1" 2>/dev/null | sed 's/‐/-/g')
options_of() { "$@" --help | grep -oE '^ +(-[a-z],)?--[a-z][a-z-]*' | grep -oE -- '--[a-z-]+'; }
subcommands=$("$cli" --help | awk '/^Subcommands:/ { listing = 1; next } listing && NF { print $1 }')
[ -n "$subcommands" ] || { echo "no subcommands in $cli --help"; exit 1; }
missing=0
for subcommand in $subcommands; do
  if ! grep -q "^ *paretolab-cli $subcommand\b" <<<"$text"; then
    echo "paretolab-cli.1 has no section for '$subcommand'"
    missing=1
  fi
  for option in $(options_of "$cli" "$subcommand"); do
    if ! grep -qe "$option\b" <<<"$text"; then
      echo "paretolab-cli.1 does not name '$subcommand $option'"
      missing=1
    fi
  done
done
gui_text=$(groff -man -Tutf8 -P-cbou "$man/paretolab.1" 2>/dev/null | sed 's/‐/-/g')
for option in $(QT_QPA_PLATFORM=offscreen options_of "$gui"); do
  if ! grep -qe "$option\b" <<<"$gui_text"; then
    echo "paretolab.1 does not name '$option'"
    missing=1
  fi
done
[ "$missing" = 0 ]
echo "the man pages name every subcommand and option of --help"
