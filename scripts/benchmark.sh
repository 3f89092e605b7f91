#!/usr/bin/env bash
# Runs the benchmarks of issue 12 (every *Benchmark class, then the whole-process timings) at
# 10,000, 100,000 and 1,000,000 leads and writes the results table into docs/benchmarks.md.
# The generated data sets are kept in $BENCHMARK_DIR (default /tmp/mediationdesk-benchmark) and
# reused by later runs. Options go to BenchmarkReport: --sizes 10000,100000 --include REGEX
# --quick (one short iteration each, to try the command) --no-process --out FILE.
# A full run takes about an hour on a 2-core machine; run it on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
find_jdk
export BENCHMARK_DIR="${BENCHMARK_DIR:-/tmp/mediationdesk-benchmark}"
mkdir -p "$BENCHMARK_DIR"
echo "Using JDK at $JAVA_HOME; data sets in $BENCHMARK_DIR"
# The shaded jar is what the start-up timing runs; -DskipTests still compiles the benchmarks.
mvn -B -ntp -q -DskipTests package
mvn -B -ntp -q exec:exec -Dexec.executable="$JAVA_HOME/bin/java" -Dexec.classpathScope=test \
    "-Dexec.args=-Xmx2g -Dbenchmark.dir=$BENCHMARK_DIR -cp %classpath cn.mediationdesk.benchmark.BenchmarkReport $*"
