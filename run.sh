#!/usr/bin/env bash
# Builds MediationDesk if needed and starts it on the embedded database in the per-user data
# folder (or runs a command: ./run.sh summary --by committee …).
set -euo pipefail
cd "$(dirname "$0")"
. scripts/jdk.sh
find_jdk
jar=target/mediationdesk.jar
if [ ! -f "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -print -quit)" ]; then
    mvn -B -ntp -q -DskipTests package
fi
exec "$JAVA_HOME/bin/java" -jar "$jar" "$@"
