#!/usr/bin/env bash
# Prints every kind of report and case document over the demo jurisdiction (2022, as of 2022-12-31)
# and a sample case, and renders one page of each as a PNG into docs/reports/ (needs pdftoppm, from
# poppler-utils). BUILD_DIR=… builds elsewhere than target/.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
find_jdk
build="${BUILD_DIR:-target}"
command -v pdftoppm >/dev/null || { echo "pdftoppm is missing: sudo apt-get install poppler-utils" >&2; exit 1; }
mvn -B -ntp -q -DbuildDir="$build" test-compile dependency:build-classpath -Dmdep.outputFile="$build/classpath.txt"
pdfs="$build/report-samples"
"$JAVA_HOME/bin/java" -Duser.language=zh -Duser.country=CN \
    -cp "$build/classes:$build/test-classes:$(cat "$build/classpath.txt")" \
    cn.mediationdesk.logic.report.ReportSamples "$pdfs"
mkdir -p docs/reports
render() { # PDF, page, PNG name
    pdftoppm -png -r 80 -f "$2" -l "$2" -singlefile "$pdfs/$1" "docs/reports/$3"
}
render district-summary.pdf 1 district-summary
render community-page.pdf 1 community-page
render stats-table.pdf 1 stats-table
render agreement.pdf 1 agreement
render case-file.pdf 1 case-file-cover
render case-file.pdf 2 case-file-contents
render acceptance.pdf 1 acceptance-form
# the whole 卷宗 of the sample case: its items and one bound scan of each kind of page
render case-file.pdf 3 case-file-application
render case-file.pdf 5 case-file-rights-notice
render case-file.pdf 7 case-file-photo
render case-file.pdf 10 case-file-session
render case-file.pdf 16 case-file-court-paper
render case-file.pdf 21 case-file-closing-report
echo "PNGs in docs/reports/, PDFs in $pdfs/"
