#!/usr/bin/env bash
# Regenerates the codegen golden snapshots from the current kiln build.
#   tests/codegen/update_golden.sh [BUILD_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build}
exec "$root/tests/codegen/check_golden.sh" "$build/bin/kiln" "$root/tests/codegen/golden" \
  "$build/tests/codegen/golden-work" update
