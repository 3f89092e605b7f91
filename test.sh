#!/usr/bin/env bash
# Runs every test with a JDK 21+: the H2 suite, then the PostgreSQL half (the database tests again
# on PostgreSQL, plus the tests tagged "postgres") when a server answers on 127.0.0.1:5432 with
# trust authentication for user postgres and a database "test". Without one, that half is skipped
# and a banner says so. --postgres insists on the PostgreSQL half (fails when there is no server).
set -euo pipefail
cd "$(dirname "$0")"
. scripts/jdk.sh
. scripts/fonts.sh
find_jdk
ensure_cjk_font

insist=no
if [ "${1:-}" = "--postgres" ]; then
    shift
    insist=yes
fi

postgres_answers() {
    if command -v pg_isready >/dev/null 2>&1; then
        pg_isready -q -h 127.0.0.1 -p 5432 -U postgres -d test 2>/dev/null
    else
        (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null
    fi
}

skipped_banner() {
    cat >&2 <<'BANNER'

##########################################################################################
##
##   PostgreSQL half SKIPPED: no PostgreSQL server answers on 127.0.0.1:5432.
##   Only the H2 half ran. The tally, ledger-import, lifecycle, organization, exchange,
##   search, row-level-security and migrate-to tests did NOT run on PostgreSQL.
##   Start PostgreSQL (trust auth for user postgres, database "test") and run again.
##
##########################################################################################

BANNER
}

extra=()
if postgres_answers; then
    extra+=(-DexcludedGroups=none -DskipPostgresHalf=false)
    echo "PostgreSQL answers on 127.0.0.1:5432: running the H2 half and the PostgreSQL half."
elif [ "$insist" = yes ]; then
    echo "--postgres: no PostgreSQL server answers on 127.0.0.1:5432." >&2
    exit 1
else
    skipped_banner
fi
echo "Using JDK at $JAVA_HOME"
status=0
mvn -B -ntp "${extra[@]}" "$@" verify || status=$?
if [ ${#extra[@]} -eq 0 ]; then
    skipped_banner
fi
exit $status
