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
# tiny_cnn also as int8, calibrated on deterministic synthetic data.
mkdir -p "$work/calibration"
/usr/bin/python3 "$root/tests/models/make_samples.py" "$work/calibration/x.npy" 8 1x28x28 \
  -1 1 1
for model in "$root"/examples/models/*.onnx tiny_cnn_int8; do
  name=$(basename "$model" .onnx)
  out=$work/$name
  src=$name flags=()
  if [ "$name" = tiny_cnn_int8 ]; then
    src=tiny_cnn flags=(--quantize int8 --calibration "$work/calibration")
  fi
  # The source path is part of the banner: compile from the repo root with a
  # relative path so the snapshot does not depend on where the checkout lives.
  (cd "$root" && "$kiln" compile "examples/models/$src.onnx" -o "$out" "${flags[@]}" \
    >/dev/null)
  name=$src
  files=("$name.h" "$name.cc" "${name}_weights.cc" "$name.mk" CMakeLists.txt report.txt
         report.json)
  name=$(basename "$model" .onnx)
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
