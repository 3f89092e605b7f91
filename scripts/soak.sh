#!/usr/bin/env bash
# Crash-safety soak: the kill rounds of CrashSafetyTest (saving leads, importing a ledger, migrating
# an earlier release's database, compacting on close), one operation after another, for as long as
# asked. Each round kills a child JVM with SIGKILL at a random moment and checks the database.
#   scripts/soak.sh [--minutes M] [--seed S]      (defaults: 30 minutes, a seed from the clock)
# The seed is printed first: the same seed replays the same moments (as far as timing allows).
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=30
seed=$(date +%s)
while [ $# -gt 0 ]; do
    case "$1" in
        --minutes) minutes="$2"; shift 2 ;;
        --seed) seed="$2"; shift 2 ;;
        *) echo "usage: scripts/soak.sh [--minutes M] [--seed S]" >&2; exit 2 ;;
    esac
done
. scripts/jdk.sh
find_jdk
echo "Using JDK at $JAVA_HOME; soaking for $minutes minutes with seed $seed"
mkdir -p target
set +e
mvn -B -ntp test -Dtest=CrashSafetyTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dcrash.minutes="$minutes" -Dcrash.seed="$seed" 2>&1 | tee target/soak.log
status=${PIPESTATUS[0]}
echo "Seed $seed; exit $status; the whole log is in target/soak.log"
exit "$status"
