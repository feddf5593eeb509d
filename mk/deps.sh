#!/bin/sh
# mk/deps.sh — install, in one apt-get run, the Debian packages whose
# command or pkg-config module is missing; a machine that has everything is
# left alone. One run for all of them, because two apt-get runs started by a
# parallel make would fight over dpkg's lock.
#
#   sh mk/deps.sh "MODULE:PACKAGE ..." "COMMAND:PACKAGE ..."
set -u
missing=
for pair in $1; do
    pkg-config --exists "${pair%%:*}" 2>/dev/null || missing="$missing ${pair#*:}"
done
for pair in $2; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || missing="$missing ${pair#*:}"
done
[ -n "$missing" ] || exit 0
# pkg-config itself answers the module checks above.
command -v pkg-config >/dev/null 2>&1 || missing="$missing pkg-config"
echo "baogao: installing build dependencies:$missing"
if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
$SUDO apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing
