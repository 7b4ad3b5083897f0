#!/usr/bin/python3
"""Models tier, int8: one network quantized end to end on x86, against ONNX Runtime.

  check_int8.py KILN MODEL.onnx WORK_DIR LO HI [--samples N] [--min-sqnr DB]

1. Synthetic calibration data (16 samples, seed 1) and different validation data
   (N samples, seed 2), uniform in [LO, HI): the model's input range.
2. `kiln validate --quantize int8 --json`: ONNX Runtime runs the float model, kiln
   the int8 build; every output's SQNR must reach --min-sqnr (default 20 dB), and
   the per-layer table must cover every int8 layer of the report with a finite
   SQNR, cosine and max abs error.
3. The compiled int8 code runs inputs A, B, A in one process on one dirty arena:
   both A outputs byte-identical, B's different.
Exits 77 (ctest: skipped) when the model or ONNX Runtime is absent.
"""
import json
import math
import os
import shutil
import subprocess
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def run(cmd, ok=(0,)):
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode not in ok:
        sys.stderr.write(f"command failed ({p.returncode}): {' '.join(cmd)}\n"
                         f"{p.stdout}\n{p.stderr}\n")
        sys.exit(1)
    return p


def samples(path, n, shape, lo, hi, seed):
    run(["/usr/bin/python3", os.path.join(HERE, "make_samples.py"), path, str(n),
         "x".join(str(d) for d in shape), str(lo), str(hi), str(seed)])


def main():
    kiln, model, work, lo, hi = sys.argv[1:6]
    opt = lambda k, d: sys.argv[sys.argv.index(k) + 1] if k in sys.argv else d
    n = int(opt("--samples", 32))
    min_sqnr = float(opt("--min-sqnr", 20.0))
    if not os.path.exists(model):
        print(f"SKIPPED: {model} is not present (the MLPerf Tiny models live in "
              f"../shared/models, which CI provides)")
        sys.exit(77)
    if not os.path.exists(os.path.join(ROOT, "third_party/ort/node_modules/onnxruntime-node")):
        print("SKIPPED: onnxruntime-node is not installed (tools/setup.sh)")
        sys.exit(77)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(os.path.join(work, "cal"))
    import onnx
    m = onnx.load(model)
    inits = {i.name for i in m.graph.initializer}
    inputs = [i for i in m.graph.input if i.name not in inits]
    if len(inputs) != 1:
        print("FAIL: this check handles single-input models")
        sys.exit(1)
    shape = [d.dim_value or 1 for d in inputs[0].type.tensor_type.shape.dim]
    samples(os.path.join(work, "cal", "cal.npy"), 16, shape[1:] if shape[0] == 1 else shape,
            lo, hi, 1)
    data = os.path.join(work, "data.npy")
    samples(data, n, shape[1:] if shape[0] == 1 else shape, lo, hi, 2)

    vdir = os.path.join(work, "validate")
    p = run([kiln, "validate", model, "--quantize", "int8", "--calibration",
             os.path.join(work, "cal"), "--data", data, "--work-dir", vdir, "--json"],
            ok=(0, 4))
    v = json.loads(p.stdout)
    print(f"{os.path.basename(model)}: {v['samples']} samples, top-1 agreement "
          f"{v['top1_agreement']}")
    report = json.load(open(os.path.join(vdir, "model", "report.json")))
    int8_layers = [l["name"] for l in report["layers"] if l["precision"] == "int8"]
    compared = {l["name"]: l for l in v["layers"]}
    for l in v["layers"]:
        print(f"  {l['name']:<28} {l['op']:<16} {l['precision']:<6} "
              f"{l['sqnr_db']:7.2f} dB  cos {l['cosine']:.5f}  max {l['max_abs_error']:.4g}")
        for k in ("sqnr_db", "cosine", "max_abs_error"):
            if not math.isfinite(l[k]):
                print(f"FAIL: layer {l['name']}: {k} = {l[k]}")
                sys.exit(1)
    missing = [n for n in int8_layers if n not in compared]
    # A reshape that is a view of a compared value adds nothing; every computing
    # int8 layer must be traced to its ONNX value.
    missing = [n for n in missing
               if next(l for l in report["layers"] if l["name"] == n)["op"] != "reshape"]
    if not int8_layers or missing:
        print(f"FAIL: int8 layers without a per-layer comparison: {missing} "
              f"(int8 layers: {len(int8_layers)})")
        sys.exit(1)
    print(f"first layer below {v['sqnr_threshold']} dB: {v['first_layer_below_threshold']}")
    bad = False
    for o in v["outputs"]:
        print(f"output {o['name']}: SQNR {o['sqnr_db']:.2f} dB, cosine {o['cosine']:.5f}, "
              f"max abs error {o['max_abs_error']:.4g}")
        bad |= not o["sqnr_db"] >= min_sqnr
    if bad:
        print(f"FAIL: an output's SQNR is below {min_sqnr} dB")
        sys.exit(1)

    # A, B, A on the compiled int8 code (already built by validate).
    x = np.load(data)
    # B: the first sample whose int8 output (from validate's batch run) differs
    # from A's, so that identical A and B outputs would show.
    yq = np.load(os.path.join(vdir, "kiln_out_0.npy"))
    diff = [k for k in range(1, len(yq)) if not np.array_equal(yq[k], yq[0])]
    if not diff:
        print("FAIL: every validation sample gave the same int8 output")
        sys.exit(1)
    a, b = os.path.join(work, "a.npy"), os.path.join(work, "b.npy")
    np.save(a, x[0].reshape(shape))
    np.save(b, x[diff[0]].reshape(shape))
    outs = [os.path.join(work, f"y{i}.npy") for i in range(3)]
    run([kiln, "run", os.path.join(vdir, "model"), "--input", a, "--output", outs[0],
         "--input", b, "--output", outs[1], "--input", a, "--output", outs[2]])
    y = [open(o, "rb").read() for o in outs]
    if y[0] != y[2]:
        print("FAIL: the same input gave different int8 outputs on a reused arena")
        sys.exit(1)
    if y[0] == y[1]:
        print("FAIL: inputs A and B gave identical outputs (the check cannot fail)")
        sys.exit(1)
    print("stateless: A, B, A on one arena: both A outputs identical")


if __name__ == "__main__":
    main()
