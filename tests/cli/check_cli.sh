#!/usr/bin/env bash
# CLI behaviour that users rely on: refusing a foreign output folder, leaving nothing
# behind on a failed compile, clear errors with exit codes, and the documented JSON of
# `run` and `validate` (docs/cli.md).
#   check_cli.sh KILN WORK_DIR
set -uo pipefail
kiln=$1 work=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
model=$root/examples/models/mlp11.onnx
rm -rf "$work" && mkdir -p "$work"
fail() { echo "FAIL: $*"; exit 1; }

# 1. A folder kiln did not write is refused (exit 1), untouched; --force replaces it.
mkdir -p "$work/foreign" && echo keep >"$work/foreign/notes.txt"
out=$("$kiln" compile "$model" -o "$work/foreign" 2>&1) && fail "foreign folder accepted"
[[ "$out" == *"was not written by kiln"*"--force"* ]] || fail "unclear message: $out"
[ "$(cat "$work/foreign/notes.txt")" = keep ] || fail "foreign folder was modified"
"$kiln" compile "$model" -o "$work/foreign" --force >/dev/null || fail "--force refused"
[ -f "$work/foreign/mlp11.h" ] && [ ! -e "$work/foreign/notes.txt" ] || fail "--force"
# A kiln folder is replaced without --force.
"$kiln" compile "$model" -o "$work/foreign" >/dev/null || fail "recompile into own folder"

# 2. A failed compile leaves nothing: a truncated model, a missing file.
head -c 300 "$model" >"$work/truncated.onnx"
out=$("$kiln" compile "$work/truncated.onnx" -o "$work/t_out" 2>&1)
rc=$?
[ $rc -eq 1 ] || fail "truncated model: exit $rc ($out)"
[[ "$out" == *truncated.onnx* ]] || fail "error does not name the file: $out"
[ ! -e "$work/t_out" ] || fail "a failed compile left $work/t_out"
ls -a "$work" | grep -q kiln-tmp && fail "a failed compile left a temp folder"
out=$("$kiln" compile "$work/missing.onnx" -o "$work/m_out" 2>&1) && fail "missing file accepted"
[[ "$out" == *missing.onnx* ]] || fail "missing file message: $out"
# An unknown target is a user error naming the choices.
out=$("$kiln" compile "$model" --target z80 -o "$work/z" 2>&1) && fail "z80 accepted"
[[ "$out" == *"available: x86"* ]] || fail "target message: $out"

# 3. --input-shape fixes the symbolic batch; the report says which shape was used.
"$kiln" compile "$model" -o "$work/b3" --input-shape x=3x32 >/dev/null || fail "input-shape"
/usr/bin/python3 - "$work/b3/report.json" <<'PY' || fail "report input shape"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["input_shapes"]["x"] == [3, 32], r["input_shapes"]
assert r["outputs"][0]["shape"] == [3, 5], r["outputs"]
PY
"$kiln" compile "$model" -o "$work/b1" >/dev/null
grep -qi "symbolic\|dynamic" "$work/b1/report.json" || fail "report does not note the symbolic batch"

# 4. run --json and validate --json carry the documented keys.
/usr/bin/python3 -c "import numpy as np; np.save('$work/x.npy', np.linspace(-1, 1, 32, dtype=np.float32).reshape(1, 32))"
"$kiln" run "$work/b1" --input "$work/x.npy" --output "$work/y.npy" --json >"$work/run.json" ||
  fail "run --json"
/usr/bin/python3 - "$work/run.json" <<'PY' || fail "run --json keys"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["target"] == "x86" and r["macs"] > 0, r
assert r["outputs"][0]["name"] == "y"
assert all({"name", "op", "macs"} <= set(l) for l in r["layers"]), r["layers"]
assert [l["name"] for l in r["layers"]][0] == "fc1", r["layers"]
PY
# Recompiling an unchanged model rebuilds nothing: unchanged files keep their mtime.
before=$(stat -c %Y.%y "$work/b1/build/runner")
sleep 1
"$kiln" compile "$model" -o "$work/b1" >/dev/null || fail "recompile b1"
"$kiln" run "$work/b1" --input "$work/x.npy" --output "$work/y2.npy" >/dev/null || fail "rerun"
[ "$(stat -c %Y.%y "$work/b1/build/runner")" = "$before" ] ||
  fail "an unchanged recompile rebuilt the runner"
# Another model compiled into the same folder builds and runs (no stale build/).
"$kiln" compile "$root/examples/models/tiny_cnn.onnx" -o "$work/b1" >/dev/null ||
  fail "compile tiny_cnn over mlp11"
/usr/bin/python3 -c "import numpy as np; np.save('$work/img.npy', np.zeros((1, 1, 28, 28), np.float32))"
"$kiln" run "$work/b1" --input "$work/img.npy" --output "$work/p.npy" >/dev/null ||
  fail "run after compiling another model into the folder"
"$kiln" compile "$model" -o "$work/b1" >/dev/null || fail "recompile mlp11 into b1"
# A wrong input shape is refused with the expected shape in the message.
/usr/bin/python3 -c "import numpy as np; np.save('$work/bad.npy', np.zeros((2, 7), np.float32))"
out=$("$kiln" run "$work/b1" --input "$work/bad.npy" --output "$work/y.npy" 2>&1) &&
  fail "wrong input shape accepted"
[[ "$out" == *"[1,32]"* ]] || fail "input shape message: $out"
"$kiln" validate "$model" --json --samples 2 >"$work/val.json" || fail "validate --json"
/usr/bin/python3 - "$work/val.json" <<'PY' || fail "validate --json keys"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["passed"] is True and r["samples"] == 2, r
o = r["outputs"][0]
assert {"name", "max_abs_error", "relative_error", "passed"} <= set(o), o
PY
echo PASS
