#!/usr/bin/env bash
# Re-takes the README's screenshots (docs/screenshots/*.png): the real window, headless at
# 1366×768 on a fresh demo database, every screen of the navigation plus the first-run wizard.
# PDF report samples are made by scripts/report-samples.sh. Another screen or language:
#   GEOMETRY=1024x768-32 TOUR_LANGUAGE=en scripts/screenshots.sh /tmp/shots
# (GEOMETRY=1093x614-32 is a 1366×768 laptop at 125 % scaling.)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
find_jdk
. scripts/fonts.sh
ensure_cjk_font
mvn -B -ntp -q -DskipTests test-compile
mvn -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/tour.classpath
"$JAVA_HOME/bin/java" \
    -Dtestfx.headless=true -Dtestfx.robot=glass -Dglass.platform=Monocle -Dmonocle.platform=Headless \
    -Dprism.order=sw -Dprism.text=t2k -Djava.awt.headless=true -Dheadless.geometry="${GEOMETRY:-1366x768-32}" -Dtour.language="${TOUR_LANGUAGE:-zh}" \
    -Duser.language=zh -Duser.country=CN -Dfile.encoding=UTF-8 \
    -cp "target/test-classes:target/classes:$(cat target/tour.classpath)" \
    cn.mediationdesk.gui.ScreenshotTour "${1:-docs/screenshots}"
