# Sourced by run.sh and test.sh: finds a JDK 21 or newer and exports JAVA_HOME.
# Order: $JAVA_HOME, the `java` on PATH, then the usual install folders (newest first).

jdk_major() { # prints the feature version of the JDK at $1, or nothing
    [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
    "$1/bin/java" -XshowSettings:properties -version 2>&1 \
        | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

find_jdk() {
    local candidate major
    local -a candidates=()
    [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
    if command -v javac >/dev/null 2>&1; then
        candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
    fi
    for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
                     /Library/Java/JavaVirtualMachines/*/Contents/Home; do
        [ -d "$candidate" ] && candidates+=("$candidate")
    done
    local best="" best_major=0
    for candidate in "${candidates[@]}"; do
        major=$(jdk_major "$candidate")
        if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
            best="$candidate"; best_major="$major"
        fi
    done
    if [ -z "$best" ]; then
        cat >&2 <<'MSG'
MediationDesk needs a JDK 21 or newer, and none was found (looked at $JAVA_HOME, the java on
PATH, /usr/lib/jvm, /opt and ~/.sdkman). Install one, for example:
    Debian/Ubuntu/Kylin/UOS:  sudo apt-get install openjdk-21-jdk
    Windows/macOS:            Eclipse Temurin 21 from adoptium.net
then run this again, or point JAVA_HOME at it.
MSG
        return 1
    fi
    export JAVA_HOME="$best"
    export PATH="$JAVA_HOME/bin:$PATH"
}
