#!/usr/bin/env bash
# Builds MediationDesk if needed and starts it on the embedded database in the per-user data
# folder (or runs a command: ./run.sh summary --by committee …).
# Starts with a class-data-sharing archive kept in the per-user cache folder: the first start
# writes it as it exits, later starts map the classes from it instead of loading them one by one
# (the window appears sooner). The JVM writes a new one by itself when the jar changes.
# MEDIATIONDESK_CDS=off starts without it.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/jdk.sh
find_jdk
jar=target/mediationdesk.jar
if [ ! -f "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -print -quit)" ]; then
    mvn -B -ntp -q -DskipTests package
fi

# The window and the commands load different classes: one archive for each.
kind=desktop
skip_value=no
for arg in "$@"; do
    if [ "$skip_value" = yes ]; then skip_value=no; continue; fi
    case "$arg" in
        --db) skip_value=yes ;;
        --db=*|--debug) ;;
        *) kind=command; break ;;
    esac
done
cds=()
if [ "${MEDIATIONDESK_CDS:-on}" != off ]; then
    cache="${XDG_CACHE_HOME:-$HOME/.cache}/mediationdesk"
    if mkdir -p "$cache" 2>/dev/null && [ -w "$cache" ]; then
        cds=(-XX:SharedArchiveFile="$cache/$kind.jsa" -XX:+AutoCreateSharedArchive -Xlog:cds=off -Xlog:cds+dynamic=off)
    fi
fi
exec "$JAVA_HOME/bin/java" "${cds[@]}" -jar "$jar" "$@"
