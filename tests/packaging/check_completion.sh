#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The bash completion of paretolab-cli, as bash runs it on Tab: subcommands,
# a subcommand's options (read from its --help), and the words of --what. A
# machine without bash-completion skips (exit 77) with a message.
# Usage: check_completion.sh CLI COMPLETION
set -euo pipefail
cli=$1 completion=$2
framework=/usr/share/bash-completion/bash_completion
if [ ! -r "$framework" ]; then
  echo "SKIP: bash-completion is not installed ($framework)"
  exit 77
fi
PATH=$(dirname "$cli"):$PATH
# shellcheck source=/dev/null
source "$framework"
# shellcheck source=/dev/null
source "$completion"

complete_line() {
  COMP_LINE=$1
  read -r -a COMP_WORDS <<<"$1"
  [[ $1 == *" " ]] && COMP_WORDS+=("")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  _paretolab_cli paretolab-cli "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
  printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' '
}
expect() {
  local got
  got=$(complete_line "$1")
  if [[ " $got" != *" $2 "* ]]; then
    echo "'$1<Tab>' offers [$got], not $2"
    exit 1
  fi
  echo "'$1<Tab>': $got"
}
expect "paretolab-cli tr" train
expect "paretolab-cli " sample
expect "paretolab-cli train --con" --config
expect "paretolab-cli train --config toy --su" --summary
expect "paretolab-cli sample --cou" --count
expect "paretolab-cli export --what " front
expect "paretolab-cli experiment --methods " iterativers
echo "bash completion: ok"
