#!/usr/bin/python3
"""kiln's pulp firmware on the simulated cluster: cycles and MAC/cycle per model and
per layer, on 8 cores (kiln-sim-8) and on 1 core (kiln-sim), side by side.

  /usr/bin/python3 bench/pulp/bench.py [--build DIR] [--only NAME...] [--cores 8 1]
                                       [--layers]

Per model (fmnist_cnn from examples/models, and the MLPerf Tiny AD, DS-CNN and
ResNet-8 from ../shared/models/mlperf-tiny when present): `kiln compile --target
pulp --quantize int8` with 16 synthetic calibration samples in the model's input
range (tests/models/make_samples.py, seed 1), then one `kiln run --json` per core
count on one synthetic input (seed 2). The cycles are the harness's mcycle reads on
core 0 (docs/pulp.md): the whole inference and each layer. Each layer names the
kernel it calls (`_pulp`: a cluster kernel of runtime/kernels/pulp/kernels.def;
`_ref`: the reference kernel on core 0 only). Prints Markdown tables for
docs/performance.md ("PULP: models on the cluster"). Not part of any test run:
with reference kernels only, a large model takes long to simulate.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
MLPERF = os.path.join(ROOT, "..", "shared", "models", "mlperf-tiny")
MODELS = [  # name, path, calibration/input range
    ("fmnist_cnn", os.path.join(ROOT, "examples/models/fmnist_cnn.onnx"), (0, 1)),
    ("AD (ad01)", os.path.join(MLPERF, "ad01_fp32.onnx"), (-1, 1)),
    ("DS-CNN (kws)", os.path.join(MLPERF, "kws_ref_model_float32.onnx"), (-1, 1)),
    ("ResNet-8", os.path.join(MLPERF, "pretrainedResnet.onnx"), (0, 255)),
]


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)}: {p.stderr.strip()}")
    return p.stdout


def input_shape(model):
    import onnx
    m = onnx.load(model)
    inits = {i.name for i in m.graph.initializer}
    inp = [i for i in m.graph.input if i.name not in inits][0]
    shape = [d.dim_value or 1 for d in inp.type.tensor_type.shape.dim]
    return shape[1:] if shape[0] == 1 else shape


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--only", nargs="*")
    ap.add_argument("--cores", nargs="*", type=int, default=[8, 1])
    ap.add_argument("--layers", action="store_true", help="per-layer tables too")
    ap.add_argument("--work", help="keep the compiled models here")
    a = ap.parse_args()
    kiln = os.path.join(a.build, "bin", "kiln")
    work = a.work or tempfile.mkdtemp(prefix="kiln-pulp-bench-")
    samples = os.path.join(ROOT, "tests/models/make_samples.py")
    results = []
    for name, path, (lo, hi) in MODELS:
        if a.only and not any(o.lower() in name.lower() for o in a.only):
            continue
        if not os.path.exists(path):
            print(f"skipped {name}: {path} is absent", file=sys.stderr)
            continue
        d = os.path.join(work, name.split()[0].lower())
        os.makedirs(os.path.join(d, "cal"), exist_ok=True)
        dims = "x".join(str(v) for v in input_shape(path))
        run(["/usr/bin/python3", samples, os.path.join(d, "cal", "cal.npy"), "16", dims,
             str(lo), str(hi), "1"])
        x = os.path.join(d, "x.npy")
        run(["/usr/bin/python3", samples, x, "1", dims, str(lo), str(hi), "2"])
        out = os.path.join(d, "model")
        run([kiln, "compile", path, "--target", "pulp", "--quantize", "int8",
             "--calibration", os.path.join(d, "cal"), "--no-progress", "-o", out])
        per_core = {}
        for c in a.cores:
            print(f"{name}: {c} core(s)...", file=sys.stderr, flush=True)
            r = json.loads(run([kiln, "run", out, "--json", "--cores", str(c), "--input", x,
                                "--output", os.path.join(d, f"y{c}.npy")]))
            per_core[c] = r
        report = json.load(open(os.path.join(out, "report.json")))
        results.append((name, report, per_core))
    if not a.work:
        shutil.rmtree(work, ignore_errors=True)

    cs = a.cores
    hdr = "| model | MACs |" + "".join(f" cycles ({c}c) | MAC/cycle ({c}c) |" for c in cs)
    if 8 in cs and 1 in cs:
        hdr += " speed-up 8c/1c |"
    print(hdr)
    print("|" + "---|" * (hdr.count("|") - 1))
    for name, report, pc in results:
        macs = report["macs"]
        row = f"| {name} | {macs} |"
        for c in cs:
            cyc = pc[c]["cycles"]
            row += f" {cyc} | {macs / cyc:.3f} |"
        if 8 in cs and 1 in cs:
            row += f" {pc[1]['cycles'] / pc[8]['cycles']:.2f}x |"
        print(row)
    if a.layers:
        for name, report, pc in results:
            print(f"\n{name}:\n")
            h = "| layer | op | kernel | MACs |" + "".join(
                f" cycles ({c}c) | MAC/cycle ({c}c) |" for c in cs)
            if 8 in cs and 1 in cs:
                h += " speed-up |"
            print(h)
            print("|" + "---|" * (h.count("|") - 1))
            for i, l in enumerate(report["layers"]):
                row = f"| {l['name']} | {l['op']} | {l['kernel']} | {l['macs']} |"
                for c in cs:
                    cyc = pc[c]["layers"][i]["cycles"]
                    mpc = f"{l['macs'] / cyc:.3f}" if l["macs"] and cyc else "-"
                    row += f" {cyc} | {mpc} |"
                if 8 in cs and 1 in cs:
                    c1, c8 = pc[1]["layers"][i]["cycles"], pc[8]["layers"][i]["cycles"]
                    row += f" {c1 / c8:.2f}x |" if c8 else " - |"
                print(row)


if __name__ == "__main__":
    main()
