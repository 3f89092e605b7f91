#!/usr/bin/env bash
# Runs every test (the H2 suite; PostgreSQL tests too with --postgres) with a JDK 21+.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/jdk.sh
. scripts/fonts.sh
find_jdk
ensure_cjk_font
extra=()
if [ "${1:-}" = "--postgres" ]; then
    shift
    extra+=(-DexcludedGroups=none)
fi
echo "Using JDK at $JAVA_HOME"
exec mvn -B -ntp "${extra[@]}" "$@" verify
