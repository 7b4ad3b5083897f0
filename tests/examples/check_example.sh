#!/usr/bin/env bash
# examples tier: compiles tiny_cnn, builds examples/firmware_app against the emitted
# CMake file (the user's flow), runs it, and checks its class equals the argmax that
# ONNX Runtime gives for the same input.
#   check_example.sh KILN WORK_DIR
set -euo pipefail
kiln=$1 work=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$work" && mkdir -p "$work"
"$kiln" compile "$root/examples/models/tiny_cnn.onnx" -o "$work/tiny_cnn" >/dev/null
cmake -S "$root/examples/firmware_app" -B "$work/app" -G Ninja \
  -DKILN_MODEL_DIR="$work/tiny_cnn" >/dev/null
cmake --build "$work/app" >/dev/null
got=$("$work/app/firmware_app")
echo "firmware_app: $got"
node "$root/tools/ort_run.js" "$root/examples/models/tiny_cnn.onnx" \
  --in "$root/examples/models/tiny_cnn_input.npy" --out "$work/ort.npy"
want=$(/usr/bin/python3 -c "import numpy as np; print(int(np.load('$work/ort.npy').argmax()))")
echo "ONNX Runtime: class $want"
if [[ "$got" != "class $want "* ]]; then
  echo "FAIL: the example printed '$got', ONNX Runtime gives class $want"
  exit 1
fi
echo PASS
