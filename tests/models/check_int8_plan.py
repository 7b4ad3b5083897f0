#!/usr/bin/python3
"""Models tier, int8 memory plans ([planner] acceptance 1 and 2 for int8).

  check_int8_plan.py KILN MODEL.onnx WORK_DIR LO HI

1. `kiln compile --quantize int8` with synthetic calibration data (16 samples,
   seed 1, uniform in [LO, HI): the model's input range, as the models_int8_
   tests). report.json: kiln's plan <= 1.02 x the lower bound of its order, or
   proven optimal by the exact search; the chosen order's bound <= the import
   order's; and, re-derived here from the buffers alone, no two buffers live at
   a common step share a byte, every buffer lies inside the arena, and the
   lower bound is the largest sum of live sizes.
2. The same compile with `--planner none` (every buffer its own bytes: no
   reuse, no views, nothing in place, no concat slices) runs the same input:
   outputs must be byte-identical to the planned build's.
Exits 77 (ctest: skipped) when the model is absent.
"""
import json
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.stderr.write(f"command failed ({p.returncode}): {' '.join(cmd)}\n"
                         f"{p.stdout}\n{p.stderr}\n")
        sys.exit(1)
    return p


def fail(msg):
    print(f"FAIL: {msg}")
    sys.exit(1)


def check_buffers(r):
    bufs = r["buffers"]
    for i, a in enumerate(bufs):
        if a["offset"] < 0 or a["offset"] + a["size"] > r["arena_bytes"]:
            fail(f"buffer {a['tensor']} [{a['offset']}, +{a['size']}) is outside the "
                 f"arena of {r['arena_bytes']} bytes")
        for b in bufs[i + 1:]:
            if not a["size"] or not b["size"]:
                continue
            if a["last_step"] < b["first_step"] or b["last_step"] < a["first_step"]:
                continue
            if a["offset"] < b["offset"] + b["size"] and b["offset"] < a["offset"] + a["size"]:
                fail(f"buffers {a['tensor']} and {b['tensor']} are live together and overlap")
    live = [0] * max(len(r["layers"]), 1)
    for b in bufs:
        for s in range(b["first_step"], b["last_step"] + 1):
            live[s] += b["size"]
    if r["lower_bound_bytes"] != max(live):
        fail(f"lower_bound_bytes {r['lower_bound_bytes']} != largest live sum {max(live)}")


def main():
    kiln, model, work, lo, hi = sys.argv[1:6]
    name = os.path.basename(model)
    if not os.path.exists(model):
        print(f"SKIPPED: {model} is not present (the MLPerf Tiny models live in "
              f"../shared/models, which CI provides)")
        sys.exit(77)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(os.path.join(work, "cal"))
    import onnx
    m = onnx.load(model)
    inits = {i.name for i in m.graph.initializer}
    inputs = [i for i in m.graph.input if i.name not in inits]
    if len(inputs) != 1:
        fail("this check handles single-input models")
    shape = [d.dim_value or 1 for d in inputs[0].type.tensor_type.shape.dim]
    one = shape[1:] if shape[0] == 1 else shape
    mk = lambda path, n, seed: run(["/usr/bin/python3", os.path.join(HERE, "make_samples.py"),
                                    path, str(n), "x".join(str(d) for d in one), lo, hi,
                                    str(seed)])
    mk(os.path.join(work, "cal", "cal.npy"), 16, 1)
    x = os.path.join(work, "x.npy")
    mk(x, 1, 2)
    import numpy as np
    np.save(x, np.load(x).reshape(shape))

    outs = {}
    reports = {}
    for planner in ("kiln", "none"):
        d = os.path.join(work, planner)
        run([kiln, "compile", model, "-o", d, "--quantize", "int8", "--calibration",
             os.path.join(work, "cal"), "--planner", planner, "--no-progress"])
        reports[planner] = r = json.load(open(os.path.join(d, "report.json")))
        check_buffers(r)
        n_out = len(r["outputs"])
        outs[planner] = [os.path.join(work, f"out_{planner}_{k}.npy") for k in range(n_out)]
        cmd = [kiln, "run", d, "--input", x]
        for p in outs[planner]:
            cmd += ["--output", p]
        run(cmd)
    r = reports["kiln"]
    if r["quantization"]["layers"].get("int8", 0) == 0:
        fail("no layer runs in int8")
    for a, b in zip(outs["kiln"], outs["none"]):
        if open(a, "rb").read() != open(b, "rb").read():
            fail(f"{os.path.basename(a)}: the kiln plan and the no-reuse plan differ")
    p = r["planners"]
    kb, lb = p["kiln"], p["lower_bound"]
    if r["arena_bytes"] != kb or not (p["exact"]["optimal"] or kb <= 1.02 * lb):
        fail(f"arena {r['arena_bytes']}, kiln plan {kb} bytes vs lower bound {lb}")
    o = p["order"]
    if o["lower_bound"] > o["input_order_lower_bound"]:
        fail(f"the chosen order's bound {o['lower_bound']} exceeds the import "
             f"order's {o['input_order_lower_bound']}")
    print(f"{name} int8: {r['quantization']['layers']} layers; kiln plan {kb} bytes "
          f"(greedy by size {p['greedy_by_size']}, lower bound {lb}, "
          f"{'optimal' if p['exact']['optimal'] else 'kiln/bound %.4f' % (kb / lb)}); "
          f"order bound {o['lower_bound']} <= import order {o['input_order_lower_bound']}; "
          f"no-reuse plan {reports['none']['arena_bytes']} bytes gives identical outputs")
    print("PASS")


if __name__ == "__main__":
    main()
