#!/usr/bin/python3
"""Models tier: one whole network end to end on x86, against ONNX Runtime.

  check_model.py KILN MODEL.onnx WORK_DIR [--samples N]

1. `kiln compile` twice: every emitted file is byte-identical (determinism).
2. `kiln validate --samples N`: each output within 1e-4 relative of ONNX Runtime.
   The outputs are not degenerate (for kiln's and ONNX Runtime's alike): finite, not
   all zero, spread over their elements (std >= 1e-3 * mean|y| per sample, when an
   output has more than one element) and dependent on the input (std over the N
   samples, averaged over elements, >= 1e-3 * mean|y|). A model whose activations
   die or saturate would pass a tolerance check on constants; this catches it.
3. One process runs inputs A, B, A (on validate's build) on one arena pre-filled with 0xA5 (the runner's
   default): the outputs of the two A runs are byte-identical, and differ from B's
   (so the check can fail).
4. Memory plan: `--planner none` (every buffer its own bytes) gives byte-identical
   outputs on input A; report.json's kiln plan is <= 1.02 x the lower bound of
   its order or proven optimal, and the chosen order's lower bound is <= the
   import order's. (plan-memory checks every plan with memory::CheckPlan.)
Exits 77 (ctest: skipped) with a reason when the model file is absent.
"""
import filecmp
import json
import os
import shutil
import subprocess
import sys

import numpy as np


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.stderr.write(f"command failed ({p.returncode}): {' '.join(cmd)}\n"
                         f"{p.stdout}\n{p.stderr}\n")
        sys.exit(1)
    return p.stdout


def degenerate(ys):
    """Why the outputs `ys` (one array per sample) are degenerate, or None."""
    y = np.stack([a.astype(np.float64) for a in ys])
    if not np.all(np.isfinite(y)):
        return "not finite"
    mean_abs = np.abs(y).mean()
    if mean_abs == 0:
        return "all zero"
    for s, a in enumerate(y):
        if a.size > 1 and a.std() < 1e-3 * np.abs(a).mean():
            return (f"sample {s}: std {a.std():.3g} < 1e-3 * mean|y| "
                    f"({np.abs(a).mean():.3g}): constant over its elements")
    if len(y) > 1 and y.std(axis=0).mean() < 1e-3 * mean_abs:
        return (f"std over samples {y.std(axis=0).mean():.3g} < 1e-3 * mean|y| "
                f"({mean_abs:.3g}): the output does not depend on the input")
    return None


def spread(ys):
    y = np.stack([a.astype(np.float64) for a in ys])
    m = np.abs(y).mean()
    return (f"mean|y| {m:.3g}, min std/mean|y| per sample "
            f"{min(a.std() / max(np.abs(a).mean(), 1e-30) for a in y):.3g}, "
            f"std over samples/mean|y| {y.std(axis=0).mean() / m:.3g}")


def main():
    kiln, model, work = sys.argv[1], sys.argv[2], sys.argv[3]
    samples = int(sys.argv[sys.argv.index("--samples") + 1]) if "--samples" in sys.argv else 5
    if not os.path.exists(model):
        print(f"SKIPPED: {model} is not present (the MLPerf Tiny models live in "
              f"../shared/models, which CI provides)")
        sys.exit(77)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    a_dir, b_dir = os.path.join(work, "a"), os.path.join(work, "b")
    run([kiln, "compile", model, "-o", a_dir])
    run([kiln, "compile", model, "-o", b_dir])
    cmp = filecmp.dircmp(a_dir, b_dir)
    def diffs(c):
        out = list(c.diff_files) + list(c.left_only) + list(c.right_only)
        for sub in c.subdirs.values():
            out += diffs(sub)
        return out
    # dircmp compares shallowly by stat; compare contents explicitly.
    bad = []
    for root, _, files in os.walk(a_dir):
        for f in files:
            pa = os.path.join(root, f)
            pb = os.path.join(b_dir, os.path.relpath(pa, a_dir))
            if not os.path.exists(pb) or not filecmp.cmp(pa, pb, shallow=False):
                bad.append(os.path.relpath(pa, a_dir))
    bad += diffs(cmp)
    if bad:
        print(f"FAIL: compiling twice gave different files: {sorted(set(bad))}")
        sys.exit(1)
    print(f"determinism: two compiles are byte-identical ({model})")

    vdir = os.path.join(work, "validate")
    out = run([kiln, "validate", model, "--samples", str(samples), "--json",
               "--work-dir", vdir])
    v = json.loads(out)
    for o in v["outputs"]:
        print(f"validate: {o['name']}: max abs error {o['max_abs_error']:.3g}, "
              f"relative {o['relative_error']:.3g} over {v['samples']} samples")
    if not v["passed"]:
        print("FAIL: outputs differ from ONNX Runtime beyond 1e-4 relative")
        sys.exit(1)
    for k, o in enumerate(v["outputs"]):
        for who in ("kiln", "ort"):
            ys = [np.load(os.path.join(vdir, f"{who}_{s}_{k}.npy"))
                  for s in range(v["samples"])]
            problem = degenerate(ys)
            if problem:
                print(f"FAIL: output {o['name']} ({who}) is degenerate: {problem}")
                sys.exit(1)
        print(f"not degenerate: {o['name']}: {spread(ys)}")

    report = json.load(open(os.path.join(a_dir, "report.json")))
    rng = np.random.default_rng(7)
    def make(tag):
        paths = []
        for i, info in enumerate(report["inputs"]):
            assert info["dtype"] == "f32", info
            x = rng.uniform(-1, 1, info["shape"]).astype(np.float32)
            p = os.path.join(work, f"{tag}_{i}.npy")
            np.save(p, x)
            paths.append(p)
        return paths
    a_in, b_in = make("A"), make("B")
    n_out = len(report["outputs"])
    outs = {t: [os.path.join(work, f"out_{t}_{k}.npy") for k in range(n_out)]
            for t in ("A1", "B", "A2")}
    # validate's compile of the same model (byte-identical, checked above) is
    # built already: run it rather than building a_dir too.
    cmd = [kiln, "run", os.path.join(vdir, "model")]
    for tag, ins in (("A1", a_in), ("B", b_in), ("A2", a_in)):
        for p in ins:
            cmd += ["--input", p]
        for p in outs[tag]:
            cmd += ["--output", p]
    run(cmd)
    for k in range(n_out):
        a1 = open(outs["A1"][k], "rb").read()
        a2 = open(outs["A2"][k], "rb").read()
        b = open(outs["B"][k], "rb").read()
        if a1 != a2:
            print(f"FAIL: output {k}: run A after B differs from the first run A (state)")
            sys.exit(1)
        if a1 == b:
            print(f"FAIL: output {k}: inputs A and B gave identical outputs")
            sys.exit(1)
    print("state: A, B, A on one 0xA5-filled arena: both A runs byte-identical")

    n_dir = os.path.join(work, "noreuse")
    run([kiln, "compile", model, "-o", n_dir, "--planner", "none"])
    n_report = json.load(open(os.path.join(n_dir, "report.json")))
    cmd = [kiln, "run", n_dir]
    n_outs = [os.path.join(work, f"out_N_{k}.npy") for k in range(n_out)]
    for p in a_in:
        cmd += ["--input", p]
    for p in n_outs:
        cmd += ["--output", p]
    run(cmd)
    for k in range(n_out):
        if open(outs["A1"][k], "rb").read() != open(n_outs[k], "rb").read():
            print(f"FAIL: output {k}: the kiln plan and the no-reuse plan differ")
            sys.exit(1)
    p = report["planners"]
    kb, lb = p["kiln"], p["lower_bound"]
    if report["arena_bytes"] != kb or not (p["exact"]["optimal"] or kb <= 1.02 * lb):
        print(f"FAIL: arena {report['arena_bytes']}, kiln plan {kb} bytes vs lower bound {lb}")
        sys.exit(1)
    o = p["order"]
    if o["lower_bound"] > o["input_order_lower_bound"]:
        print(f"FAIL: the chosen order's bound {o['lower_bound']} exceeds the "
              f"import order's {o['input_order_lower_bound']}")
        sys.exit(1)
    print(f"memory: kiln plan {kb} bytes (greedy by size {p['greedy_by_size']}, "
          f"lower bound {lb}, {'optimal' if p['exact']['optimal'] else 'not proven optimal'}); "
          f"no-reuse plan {n_report['arena_bytes']} bytes gives identical outputs")
    print("PASS")


if __name__ == "__main__":
    main()
