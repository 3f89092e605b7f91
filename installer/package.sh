#!/usr/bin/env bash
# Builds a native installer with jpackage (from the JDK 21+ that scripts/jdk.sh finds), bundling a
# Java runtime so that office PCs need nothing installed but MediationDesk itself.
#   installer/package.sh            → the platform's default type (deb on Debian/Kylin/UOS, msi on Windows)
#   installer/package.sh app-image  → a folder that runs without installing
# jpackage builds for the platform it runs on: build the Windows installer on Windows (needs WiX).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
find_jdk
type="${1:-}"
version=$(sed -n 's:.*<version>\([0-9][0-9.]*\)</version>.*:\1:p' pom.xml | head -n 1)
mvn -B -ntp -q -DskipTests package
rm -rf target/installer target/jpackage-input
mkdir -p target/jpackage-input
cp target/mediationdesk.jar target/jpackage-input/
args=(--name MediationDesk --app-version "$version" --vendor "MediationDesk"
      --description "调解台账 — case management for people's mediation committees"
      --input target/jpackage-input --main-jar mediationdesk.jar
      --main-class cn.mediationdesk.Launcher --dest target/installer
      --java-options "-Dfile.encoding=UTF-8")
case "$(uname -s)" in
    Linux*)  args+=(--icon icons/mediationdesk.png); [ -z "$type" ] || [ "$type" = app-image ] || \
             args+=(--linux-shortcut --linux-menu-group Office) ;;
    MINGW*|MSYS*|CYGWIN*) args+=(--icon icons/mediationdesk.ico --win-menu --win-shortcut --win-dir-chooser) ;;
    Darwin*) [ -f icons/mediationdesk.icns ] && args+=(--icon icons/mediationdesk.icns) ;;
esac
[ -n "$type" ] && args+=(--type "$type")
"$JAVA_HOME/bin/jpackage" "${args[@]}"
echo "Built into target/installer:"
ls -1 target/installer
