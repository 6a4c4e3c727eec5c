#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The desktop entry passes desktop-file-validate, and the AppStream metainfo
# passes appstreamcli validate (without the network, which would check the
# screenshot addresses); its newest release is the project's version. A
# machine without a validator skips (exit 77) with a message.
# Usage: check_desktop_metadata.sh PACKAGING_DIR VERSION
set -euo pipefail
packaging=$1 version=$2
missing=()
command -v desktop-file-validate >/dev/null || missing+=("desktop-file-validate (Debian desktop-file-utils)")
command -v appstreamcli >/dev/null || missing+=("appstreamcli (Debian appstream)")
if [ ${#missing[@]} -gt 0 ]; then
  echo "SKIP: not installed: ${missing[*]}"
  exit 77
fi

desktop-file-validate "$packaging/org.paretolab.ParetoLab.desktop"
echo "desktop-file-validate: ok"
appstreamcli validate --no-net --explain "$packaging/org.paretolab.ParetoLab.metainfo.xml"

newest=$(grep -o '<release version="[^"]*"' "$packaging/org.paretolab.ParetoLab.metainfo.xml" |
  head -n 1 | cut -d'"' -f2)
if [ "$newest" != "$version" ]; then
  echo "the metainfo's newest release is $newest, the project's version $version: add a <release>"
  exit 1
fi
changelog=$(head -n 1 "$packaging/debian/changelog" | sed -E 's/.*\(([^-)]*)-[0-9]+\).*/\1/')
if [ "$changelog" != "$version" ]; then
  echo "packaging/debian/changelog starts at $changelog, the project's version is $version"
  exit 1
fi
echo "the metainfo and the Debian changelog name version $version"
