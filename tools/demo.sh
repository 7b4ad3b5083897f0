#!/usr/bin/env bash
# `make demo`: compiles the bundled example model, runs it natively, prints its output
# and where the report is, and checks it against ONNX Runtime.
#   tools/demo.sh [BUILD_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build}
kiln=$root/$build/bin/kiln
out=$root/out/demo
model=$root/examples/models/tiny_cnn.onnx
input=$root/examples/models/tiny_cnn_input.npy

echo "== kiln compile examples/models/tiny_cnn.onnx --target x86 -o out/demo"
"$kiln" compile "$model" --target x86 -o "$out" --force
echo
echo "== kiln run out/demo --input examples/models/tiny_cnn_input.npy"
"$kiln" run "$out" --input "$input" --output "$out/probs.npy"
/usr/bin/python3 - "$out/probs.npy" <<'PY'
import sys
import numpy as np
p = np.load(sys.argv[1]).reshape(-1)
print("class probabilities:", np.array2string(p, precision=4, suppress_small=True))
print("predicted class:", int(p.argmax()))
PY
echo
echo "== kiln validate (the same model, 3 random inputs, against ONNX Runtime)"
"$kiln" validate "$model" --samples 3
echo
echo "generated sources: out/demo/   report: out/demo/report.txt (and report.json)"
