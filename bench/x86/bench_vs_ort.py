#!/usr/bin/python3
"""kiln (x86, reference kernels) vs ONNX Runtime (CPU, 1 thread, default graph
optimizations), measured side by side in one run, plus the memory plan against its
lower bound. Prints a Markdown table for docs/performance.md.

  /usr/bin/python3 bench/x86/bench_vs_ort.py [BUILD_DIR] [--runs N]

kiln time: the host runner's per-layer wall times (KILN_LAYER_BEGIN/END hooks), summed,
mean over N runs after the build. ORT time: mean of N session.run() after 5 warm-ups.
Both single-threaded on the same input. Models absent from ../shared are skipped.
"""
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
MODELS = [
    ("ResNet-8", "../shared/models/mlperf-tiny/pretrainedResnet.onnx"),
    ("DS-CNN (KWS)", "../shared/models/mlperf-tiny/kws_ref_model_float32.onnx"),
    ("MobileNetV1 (VWW)", "../shared/models/mlperf-tiny/vww_96_float.onnx"),
    ("FC autoencoder (AD)", "../shared/models/mlperf-tiny/ad01_fp32.onnx"),
    ("tiny_cnn (example)", "examples/models/tiny_cnn.onnx"),
]


def sh(cmd):
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def main():
    build = sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("-") else "build"
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 50
    kiln = os.path.join(ROOT, build, "bin", "kiln")
    print("| model | MACs | kiln µs | ORT µs | kiln/ORT time | arena bytes | "
          "lower bound | arena/bound |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as work:
        for label, rel in MODELS:
            model = os.path.join(ROOT, rel)
            if not os.path.exists(model):
                print(f"| {label} | skipped: {rel} absent | | | | | | |")
                continue
            out = os.path.join(work, os.path.basename(model))
            sh([kiln, "compile", model, "-o", out])
            rep = json.load(open(os.path.join(out, "report.json")))
            xs = []
            for i, info in enumerate(rep["inputs"]):
                x = np.random.default_rng(i).uniform(-1, 1, info["shape"]).astype(np.float32)
                p = os.path.join(work, f"in{i}.npy")
                np.save(p, x)
                xs.append(p)
            cmd = [kiln, "run", out, "--json"]
            for r in range(runs):
                for p in xs:
                    cmd += ["--input", p]
                for k in range(len(rep["outputs"])):
                    cmd += ["--output", os.path.join(work, f"o{k}.npy")]
            kiln_us = sum(l.get("time_us", 0) for l in json.loads(sh(cmd))["layers"])
            ort_cmd = ["node", os.path.join(ROOT, "tools", "ort_run.js"), model]
            for p in xs:
                ort_cmd += ["--in", p]
            ort_us = json.loads(sh(ort_cmd + ["--bench", str(runs)]))["mean_us"]
            t = rep["totals"]
            print(f"| {label} | {t['macs']:,} | {kiln_us:.0f} | {ort_us:.0f} | "
                  f"{kiln_us / ort_us:.2f} | {t['arena_bytes']:,} | "
                  f"{t['arena_lower_bound']:,} | "
                  f"{t['arena_bytes'] / max(t['arena_lower_bound'], 1):.3f} |")


if __name__ == "__main__":
    main()
