#!/usr/bin/python3
"""Arena planning per model: greedy by size (TFLite Micro's baseline) vs kiln's
plan vs the lower bound of kiln's order, in bytes, from `kiln compile`'s
report.json (planners object). Also the lower bound of the import order, to
show what the schedule pass gains.

  bench/planner/planner_bench.py [--kiln build/bin/kiln] [--work DIR] [MODEL.onnx ...]

Without models: the MLPerf Tiny four (../shared/models/mlperf-tiny), every
examples/models/*.onnx and examples/models/zoo/*.onnx. Adds int8 rows
(`kiln compile --quantize int8`, calibrated on 16 synthetic samples in the
model's input range, as the models tier does: tests/models/make_samples.py).
Prints a Markdown table.
"""
import argparse
import glob
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def default_models():
    models = sorted(glob.glob(os.path.join(ROOT, "../shared/models/mlperf-tiny/*.onnx")))
    models += sorted(glob.glob(os.path.join(ROOT, "examples/models/*.onnx")))
    # zoo/pending holds models kiln does not compile yet.
    models += sorted(glob.glob(os.path.join(ROOT, "examples/models/zoo/*.onnx")))
    return models


def has_int8(kiln):
    p = subprocess.run([kiln, "compile", "--help"], capture_output=True, text=True)
    return "--quantize" in p.stdout


# Input ranges the models were trained on (the models tier's int8 tests); the
# others take features around [-1, 1].
INPUT_RANGE = {"pretrainedResnet": (0, 255), "vww_96_float": (0, 1)}


def calibration_dir(model, work):
    """16 synthetic samples in the model's input range, for --calibration."""
    import onnx
    name = os.path.splitext(os.path.basename(model))[0]
    d = os.path.join(work, f"{name}_cal")
    if os.path.exists(os.path.join(d, "cal.npy")):
        return d
    os.makedirs(d, exist_ok=True)
    m = onnx.load(model)
    inits = {i.name for i in m.graph.initializer}
    inputs = [i for i in m.graph.input if i.name not in inits]
    if len(inputs) != 1:
        return None
    shape = [x.dim_value or 1 for x in inputs[0].type.tensor_type.shape.dim]
    one = shape[1:] if shape and shape[0] == 1 else shape
    lo, hi = INPUT_RANGE.get(name, (-1, 1))
    subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "tests/models/make_samples.py"),
                    os.path.join(d, "cal.npy"), "16", "x".join(str(v) for v in one),
                    str(lo), str(hi), "1"], check=True)
    return d


def compile_report(kiln, model, out, extra):
    p = subprocess.run([kiln, "compile", model, "-o", out, "--force"] + extra,
                       capture_output=True, text=True)
    if p.returncode != 0:
        return None, p.stderr.strip().splitlines()[-1] if p.stderr.strip() else "failed"
    return json.load(open(os.path.join(out, "report.json"))), None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kiln", default=os.path.join(ROOT, "build/bin/kiln"))
    ap.add_argument("--work", default="/tmp/kiln-planner-bench")
    ap.add_argument("models", nargs="*")
    a = ap.parse_args()
    models = a.models or default_models()
    int8 = has_int8(a.kiln)
    print("| model | dtype | greedy by size | kiln | lower bound | kiln / bound | "
          "greedy / kiln | exact | import-order bound | largest scratch |")
    print("|---|---|---:|---:|---:|---:|---:|---|---:|---:|")
    worst = 0.0
    for m in models:
        name = os.path.splitext(os.path.basename(m))[0]
        variants = [("float", [])]
        cal = calibration_dir(m, a.work) if int8 else None
        if cal:
            variants.append(("int8", ["--quantize", "int8", "--calibration", cal,
                                      "--no-progress"]))
        for tag, extra in variants:
            out = os.path.join(a.work, f"{name}_{tag}")
            r, err = compile_report(a.kiln, m, out, extra)
            if r is None:
                print(f"| {name} | {tag} | - | - | - | - | - | {err} | - | - |")
                continue
            p = r["planners"]
            g, k, lb = p["greedy_by_size"], p["kiln"], p["lower_bound"]
            ratio = k / lb if lb else 1.0
            worst = max(worst, ratio if not p["exact"]["optimal"] else 0.0)
            exact = "optimal" if p["exact"]["optimal"] else \
                f"gap {p['exact']['gap_bytes']} B"
            print(f"| {name} | {tag} | {g} | {k} | {lb} | {ratio:.3f} | "
                  f"{(g / k if k else 1.0):.3f} | {exact} | "
                  f"{p['order']['input_order_lower_bound']} | "
                  f"{max([l.get('scratch_bytes', 0) for l in r['layers']] + [0])} |")
    print(f"\nworst kiln / bound among plans not proven optimal: {worst:.3f}")


if __name__ == "__main__":
    sys.exit(main())
