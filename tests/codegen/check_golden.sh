#!/usr/bin/env bash
# codegen golden tier: compiles each model of the corpus and diffs the emitted model
# sources with the stored snapshot. A difference fails; regenerate deliberately with
# tests/codegen/update_golden.sh and review the diff in the commit.
#   check_golden.sh KILN GOLDEN_DIR WORK_DIR [update]
set -euo pipefail
kiln=$1 golden=$2 work=$3 mode=${4:-check}
root=$(cd "$(dirname "$0")/../.." && pwd)
status=0
rm -rf "$work" && mkdir -p "$work"
for model in "$root"/examples/models/*.onnx; do
  name=$(basename "$model" .onnx)
  out=$work/$name
  # The source path is part of the banner: compile from the repo root with a
  # relative path so the snapshot does not depend on where the checkout lives.
  (cd "$root" && "$kiln" compile "examples/models/$name.onnx" -o "$out" >/dev/null)
  files=("$name.h" "$name.cc" "${name}_weights.cc" "$name.mk" CMakeLists.txt report.txt
         report.json)
  if [ "$mode" = update ]; then
    mkdir -p "$golden/$name"
    for f in "${files[@]}"; do cp "$out/$f" "$golden/$name/$f"; done
    echo "updated $golden/$name"
    continue
  fi
  for f in "${files[@]}"; do
    if ! diff -u "$golden/$name/$f" "$out/$f" >"$work/$name.$f.diff" 2>&1; then
      echo "FAIL: $name/$f differs from the golden snapshot:"
      head -40 "$work/$name.$f.diff"
      status=1
    fi
  done
  [ $status -eq 0 ] && echo "ok: $name matches its snapshot"
done
exit $status
