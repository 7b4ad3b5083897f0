#!/usr/bin/env bash
# Refreshes docs/report.png (shown by the README) from the browser test.
# usage: tests/report/update_screenshot.sh [BUILD_DIR]
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$repo/build}
"$repo/tests/report/check_report_html.sh" "$build/compiler/driver/kiln" "$repo" \
  "$build/tests/report/screenshot" "$repo/docs/report.png"
