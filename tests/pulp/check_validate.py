#!/usr/bin/python3
"""pulp tier: `kiln validate --target pulp --quantize int8 --per-layer`.

  check_validate.py KILN WORK_DIR

fmnist_cnn with synthetic calibration (16 samples) on 2 synthetic inputs, one
core: every layer's output on the simulated cluster must equal the x86 int8
build's, byte for byte (exit 0, `passed`, no `first_difference`, every layer of
the report compared, outputs identical). Also: --per-layer without --target
pulp is refused.
"""
import json
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def fail(msg):
    print(f"FAIL: {msg}")
    sys.exit(1)


def main():
    kiln, work = sys.argv[1:3]
    if shutil.which("riscv64-unknown-elf-gcc") is None:
        print("SKIPPED: riscv64-unknown-elf-gcc is not installed")
        sys.exit(77)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(os.path.join(work, "cal"))
    model = os.path.join(ROOT, "examples/models/fmnist_cnn.onnx")
    subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "tests/models/make_samples.py"),
                    os.path.join(work, "cal", "cal.npy"), "16", "1x28x28", "-1", "1", "1"],
                   check=True)
    base = [kiln, "validate", model, "--quantize", "int8", "--calibration",
            os.path.join(work, "cal"), "--per-layer", "--samples", "2", "--layer-samples", "2"]
    p = subprocess.run(base + ["--target", "pulp", "--cores", "1", "--json", "--work-dir",
                               os.path.join(work, "v")], capture_output=True, text=True)
    if p.returncode != 0:
        fail(f"exit {p.returncode}: {p.stdout}{p.stderr}")
    r = json.loads(p.stdout)
    report = json.load(open(os.path.join(work, "v", "pulp", "report.json")))
    if not r["passed"] or r["first_difference"] is not None or not r["outputs_identical"]:
        fail(f"differences: {r}")
    if r["layers_compared"] != len(report["layers"]) or r["layer_samples"] != 2:
        fail(f"compared {r['layers_compared']} layers of {len(report['layers'])}")
    # The dumps exist and are not empty for the layers that compute.
    for i, l in enumerate(report["layers"]):
        f = os.path.join(work, "v", "pulp_layers", f"layer_{i}.bin")
        if l["output_bytes"] and os.path.getsize(f) != 2 * l["output_bytes"]:
            fail(f"layer {i} ({l['name']}): dump has {os.path.getsize(f)} bytes, expected "
                 f"2 x {l['output_bytes']}")
    print(f"ok: {r['layers_compared']} layers identical on pulp and x86")
    p = subprocess.run(base, capture_output=True, text=True)
    if p.returncode == 0 or "--target pulp" not in p.stderr:
        fail(f"--per-layer on x86 not refused: {p.returncode} {p.stderr}")
    print("PASS")


if __name__ == "__main__":
    main()
