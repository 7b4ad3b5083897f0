#!/usr/bin/python3
"""kiln on x86 vs ONNX Runtime (CPU, 1 thread), latency side by side in one run.

  /usr/bin/python3 bench/x86_vs_ort/bench.py [--build DIR] [--runs N] [--repeats R]
                                              [--only NAME...]

Per model (the MLPerf Tiny four from ../shared/models/mlperf-tiny when present, the
bundled examples, the zoo in examples/models/zoo): `kiln compile --target x86`, one
`kiln run` to build the generated code (its own Makefile: -O2, the reference
kernels), then R rounds that alternate the two engines on the same seeded input:

  kiln  one `kiln run --json` process running the model N times on one arena; its
        latency is the sum of the per-layer wall times the host runner measures
        (KILN_LAYER_BEGIN/END, CLOCK_MONOTONIC), averaged over the N runs: the
        model's compute, without reading and writing .npy files.
  ORT   one `node tools/ort_run.js --bench N` process: 5 warm-up runs, then the mean
        of N session.run() calls, one intra- and inter-op thread, default graph
        optimizations (ORT's own fused and MLAS kernels).

Each engine's figure is the median over the R rounds; the ratio is kiln / ORT (> 1:
kiln is slower). Prints a Markdown table for docs/performance.md. Models kiln cannot
compile are listed with kiln's reason. Not part of any test run.
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile

import numpy as np

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
MLPERF = os.path.join(ROOT, "..", "shared", "models", "mlperf-tiny")
MODELS = [
    ("MLPerf Tiny ResNet-8 (IC)", os.path.join(MLPERF, "pretrainedResnet.onnx")),
    ("MLPerf Tiny DS-CNN (KWS)", os.path.join(MLPERF, "kws_ref_model_float32.onnx")),
    ("MLPerf Tiny MobileNetV1 (VWW)", os.path.join(MLPERF, "vww_96_float.onnx")),
    ("MLPerf Tiny FC autoencoder (AD)", os.path.join(MLPERF, "ad01_fp32.onnx")),
    ("example tiny_cnn", "examples/models/tiny_cnn.onnx"),
    ("example seq_mixer", "examples/models/seq_mixer.onnx"),
    ("example mlp11", "examples/models/mlp11.onnx"),
    ("zoo mobilenet_v2_035_144", "examples/models/zoo/mobilenet_v2_035_144.onnx"),
    ("zoo resnet8", "examples/models/zoo/resnet8.onnx"),
    ("zoo ds_cnn", "examples/models/zoo/ds_cnn.onnx"),
    ("zoo flatten_gemm", "examples/models/zoo/flatten_gemm.onnx"),
    ("zoo fastdepth", "examples/models/zoo/fastdepth.onnx"),
]


def sh(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError(p.stderr.strip().splitlines()[-1] if p.stderr.strip()
                           else f"exit {p.returncode}: {' '.join(cmd)}")
    return p.stdout


def kiln_us(kiln, out, inputs, n_out, runs, work):
    cmd = [kiln, "run", out, "--json"]
    for _ in range(runs):
        cmd += [a for p in inputs for a in ("--input", p)]
        cmd += [a for k in range(n_out) for a in ("--output", os.path.join(work, f"o{k}.npy"))]
    layers = json.loads(sh(cmd))["layers"]
    return sum(l.get("time_us", 0.0) for l in layers)


def ort_us(model, inputs, runs):
    cmd = ["node", os.path.join(ROOT, "tools", "ort_run.js"), model]
    cmd += [a for p in inputs for a in ("--in", p)]
    return json.loads(sh(cmd + ["--bench", str(runs)]))["mean_us"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default="build")
    ap.add_argument("--runs", type=int, default=50, help="inferences per process")
    ap.add_argument("--repeats", type=int, default=5, help="alternating rounds")
    ap.add_argument("--only", nargs="*", help="substrings of model labels")
    a = ap.parse_args()
    kiln = os.path.join(ROOT, a.build, "bin", "kiln")
    print(f"runs per process: {a.runs}, rounds: {a.repeats} (median)", file=sys.stderr)
    print("| model | MACs | kiln ms | ORT ms | kiln/ORT |")
    print("|---|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as work:
        for label, rel in MODELS:
            if a.only and not any(s in label for s in a.only):
                continue
            model = os.path.join(ROOT, rel)
            if not os.path.exists(model):
                print(f"| {label} | absent | | | |")
                continue
            out = os.path.join(work, os.path.splitext(os.path.basename(model))[0])
            try:
                sh([kiln, "compile", model, "-o", out])
            except RuntimeError as e:
                op = re.search(r"\((\S+), opset \d+\): op is not supported", str(e))
                why = f"ONNX op {op.group(1)} unsupported" if op else str(e)[:160]
                print(f"| {label} | not compiled: {why} | | | |")
                continue
            rep = json.load(open(os.path.join(out, "report.json")))
            inputs = []
            for i, info in enumerate(rep["inputs"]):
                x = np.random.default_rng(i).uniform(-1, 1, info["shape"]).astype(np.float32)
                inputs.append(os.path.join(work, f"in{i}.npy"))
                np.save(inputs[-1], x)
            n_out = len(rep["outputs"])
            kiln_us(kiln, out, inputs, n_out, 1, work)  # builds the runner
            ks, os_ = [], []
            for _ in range(a.repeats):
                ks.append(kiln_us(kiln, out, inputs, n_out, a.runs, work))
                os_.append(ort_us(model, inputs, a.runs))
            k, o = statistics.median(ks), statistics.median(os_)
            print(f"| {label} | {rep['totals']['macs']:,} | {k / 1e3:.3f} | "
                  f"{o / 1e3:.3f} | {k / o:.2f} |", flush=True)


if __name__ == "__main__":
    main()
