#!/usr/bin/env bash
# CLI behaviour of int8 quantization (docs/cli.md): --quantize/--calibration flag
# errors are one clear line with exit code 1 and leave nothing behind; a good
# calibration folder compiles, reports per-layer precision and shows progress.
#   check_int8_cli.sh KILN WORK_DIR
set -uo pipefail
kiln=$1 work=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
model=$root/examples/models/tiny_cnn.onnx
samples=$root/tests/models/make_samples.py
rm -rf "$work" && mkdir -p "$work"
fail() { echo "FAIL: $*"; exit 1; }

# expect_error TAG MESSAGE_PART ARGS...: exit 1, one line naming MESSAGE_PART.
expect_error() {
  local tag=$1 want=$2
  shift 2
  out=$("$kiln" compile "$model" -o "$work/out_$tag" "$@" 2>&1)
  rc=$?
  [ $rc -eq 1 ] || fail "$tag: exit $rc, want 1 ($out)"
  [[ "$out" == *"$want"* ]] || fail "$tag: message does not say '$want': $out"
  [ "$(printf '%s\n' "$out" | wc -l)" -eq 1 ] || fail "$tag: not one line: $out"
  [ ! -e "$work/out_$tag" ] || fail "$tag: a failed compile left output"
}

expect_error no_cal "needs --calibration" --quantize int8
expect_error cal_only "needs --quantize int8" --calibration "$work"
expect_error bad_scheme "only 'int8'" --quantize int4 --calibration "$work"
expect_error missing_dir "does not exist" --quantize int8 --calibration "$work/nowhere"
mkdir -p "$work/empty"
expect_error empty_dir "has no .npy files" --quantize int8 --calibration "$work/empty"
mkdir -p "$work/bad_shape"
/usr/bin/python3 "$samples" "$work/bad_shape/x.npy" 2 1x27x28 -1 1 1 || fail "samples"
expect_error bad_shape "expects [1,1,28,28] per sample" --quantize int8 \
  --calibration "$work/bad_shape"
mkdir -p "$work/ints"
/usr/bin/python3 -c "import numpy as np; np.save('$work/ints/x.npy', np.zeros((1,1,28,28), np.int32))"
expect_error bad_dtype "needs float32" --quantize int8 --calibration "$work/ints"
mkdir -p "$work/cal"
/usr/bin/python3 "$samples" "$work/cal/a.npy" 4 1x28x28 -1 1 1 || fail "samples"
/usr/bin/python3 "$samples" "$work/cal/b.npy" 1 1x1x28x28 -1 1 2 || fail "samples"
expect_error bad_method "minmax" --quantize int8 --calibration "$work/cal" \
  --calibration-method median

# A good compile: progress on stderr, precision per layer in both reports.
"$kiln" compile "$model" -o "$work/q" --quantize int8 --calibration "$work/cal" \
  --calibration-method mse >"$work/q.out" 2>"$work/q.err" || fail "int8 compile: $(cat "$work/q.err")"
grep -q "calibrating (ranges): 5/5 samples" "$work/q.err" || fail "no progress: $(cat "$work/q.err")"
grep -q "quantization: int8 (calibration mse on 5 samples)" "$work/q/report.txt" ||
  fail "report.txt has no quantization line"
/usr/bin/python3 - "$work/q/report.json" <<'PY' || fail "report.json precision"
import json, sys
r = json.load(open(sys.argv[1]))
prec = {l["name"]: l["precision"] for l in r["layers"]}
assert prec["conv1"] == "int8" and prec["softmax"] == "int8", prec
assert "convert" in prec.values(), prec
assert r["quantization"]["calibration_samples"] == 5, r["quantization"]
assert r["quantization"]["layers"]["int8"] >= 8, r["quantization"]
conv = next(l for l in r["layers"] if l["name"] == "conv1")
assert conv["output"]["dtype"] == "s8" and "scale" in conv["output"], conv
PY
# validate flags that need --quantize.
out=$("$kiln" validate "$model" --labels "$work/cal/a.npy" 2>&1) && fail "labels without --quantize"
[[ "$out" == *"need --quantize int8"* ]] || fail "validate message: $out"
# validate --quantize with labels: accuracy of both sides and the documented
# JSON keys; a label count that differs from the samples is a one-line error.
if [ -d "$root/third_party/ort/node_modules/onnxruntime-node" ]; then
  /usr/bin/python3 "$samples" "$work/val.npy" 12 1x1x28x28 -1 1 7 || fail "samples"
  /usr/bin/python3 -c "import numpy as np; np.save('$work/labels.npy', np.arange(12) % 10)"
  /usr/bin/python3 -c "import numpy as np; np.save('$work/labels5.npy', np.arange(5))"
  "$kiln" validate "$model" --quantize int8 --calibration "$work/cal" --data "$work/val.npy" \
    --labels "$work/labels.npy" --json >"$work/v.json" 2>"$work/v.err" ||
    fail "validate --quantize: $(cat "$work/v.err")"
  /usr/bin/python3 - "$work/v.json" <<'PY' || fail "validate JSON"
import json, sys
v = json.load(open(sys.argv[1]))
for k in ("accuracy_float", "accuracy_int8", "top1_agreement", "layers",
          "first_layer_below_threshold", "outputs"):
    assert k in v, k
assert v["samples"] == 12 and 0 <= v["accuracy_int8"] <= 1, v
for l in v["layers"]:
    assert {"name", "sqnr_db", "cosine", "max_abs_error"} <= set(l), l
PY
  out=$("$kiln" validate "$model" --quantize int8 --calibration "$work/cal" \
    --data "$work/val.npy" --labels "$work/labels5.npy" 2>&1) && fail "5 labels for 12 samples"
  [[ "$out" == *"has 5 entries for 12 samples"* ]] || fail "labels message: $out"
fi
echo "ok: int8 CLI flags and errors"
