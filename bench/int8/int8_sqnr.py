#!/usr/bin/python3
"""int8 accuracy of the MLPerf Tiny models: `kiln validate --quantize int8` per model.

  bench/int8/int8_sqnr.py BUILD_DIR [--samples N] [--method M] [--markdown]

Calibration: 64 synthetic samples (tests/models/make_samples.py, seed 1) in each
model's input range; validation: N other samples (seed 2). VWW additionally runs on
photos from Debian's opencv-doc (/usr/share/doc/opencv-doc/examples/data/*.jpg,
resized to 96x96, scaled to [0, 1]; half calibrate, the other half validate) when the
package is installed. Prints per model the output SQNR, cosine, top-1 agreement, the
worst layer and the first layer below 20 dB.
"""
import glob
import json
import os
import subprocess
import sys

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MLPERF = os.path.join(ROOT, "..", "shared", "models", "mlperf-tiny")
MODELS = [("ResNet-8", "pretrainedResnet.onnx", [32, 32, 3], 0, 255),
          ("DS-CNN (KWS)", "kws_ref_model_float32.onnx", [49, 10, 1], -1, 1),
          ("MobileNetV1 (VWW)", "vww_96_float.onnx", [96, 96, 3], 0, 1),
          ("FC autoencoder (AD)", "ad01_fp32.onnx", [640], -1, 1)]


def samples(path, n, shape, lo, hi, seed):
    subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "tests/models/make_samples.py"),
                    path, str(n), "x".join(map(str, shape)), str(lo), str(hi), str(seed)],
                   check=True)


def validate(kiln, model, cal, data, method, work):
    p = subprocess.run([kiln, "validate", model, "--quantize", "int8", "--calibration", cal,
                        "--calibration-method", method, "--data", data, "--json",
                        "--work-dir", work], capture_output=True, text=True)
    if p.returncode not in (0, 4):
        sys.exit(f"kiln validate failed: {p.stderr}")
    return json.loads(p.stdout)


def row(name, data_kind, v):
    o = v["outputs"][0]
    worst = min(v["layers"], key=lambda l: l["sqnr_db"])
    q = v["quantization"]["layers"]
    return (f"| {name} | {data_kind} | {q.get('int8', 0)} / {q.get('float', 0)} / "
            f"{q.get('convert', 0)} | {o['sqnr_db']:.1f} | {o['cosine']:.4f} | "
            f"{100 * (v['top1_agreement'] or 0):.1f} % | {worst['name']} "
            f"({worst['sqnr_db']:.1f}) | {v['first_layer_below_threshold'] or '–'} |")


def main():
    build = sys.argv[1]
    n = int(sys.argv[sys.argv.index("--samples") + 1]) if "--samples" in sys.argv else 200
    method = sys.argv[sys.argv.index("--method") + 1] if "--method" in sys.argv else "percentile"
    kiln = os.path.join(build, "bin", "kiln")
    work = os.path.join(build, "bench-int8")
    os.makedirs(work, exist_ok=True)
    print("| model | data | layers int8 / float / convert | output SQNR dB | cosine | "
          "top-1 agreement | worst layer (dB) | first layer < 20 dB |")
    print("|---|---|---|---:|---:|---:|---|---|")
    for name, f, shape, lo, hi in MODELS:
        tag = f.split(".")[0]
        cal = os.path.join(work, tag + "_cal")
        os.makedirs(cal, exist_ok=True)
        samples(os.path.join(cal, "x.npy"), 64, shape, lo, hi, 1)
        data = os.path.join(work, tag + "_data.npy")
        samples(data, n, shape, lo, hi, 2)
        v = validate(kiln, os.path.join(MLPERF, f), cal, data, method,
                     os.path.join(work, tag))
        print(row(name, f"synthetic, {v['samples']}", v), flush=True)
    photos = sorted(glob.glob("/usr/share/doc/opencv-doc/examples/data/*.jpg"))
    if len(photos) >= 8:
        from PIL import Image
        imgs = np.stack([np.asarray(Image.open(p).convert("RGB").resize((96, 96)),
                                    dtype=np.float32) / 255.0 for p in photos])
        cal = os.path.join(work, "vww_photo_cal")
        os.makedirs(cal, exist_ok=True)
        np.save(os.path.join(cal, "x.npy"), imgs[0::2])
        np.save(os.path.join(work, "vww_photo_data.npy"), imgs[1::2])
        v = validate(kiln, os.path.join(MLPERF, "vww_96_float.onnx"), cal,
                     os.path.join(work, "vww_photo_data.npy"), method,
                     os.path.join(work, "vww_photos"))
        print(row("MobileNetV1 (VWW)", f"opencv-doc photos, {len(imgs[0::2])} cal / "
                  f"{v['samples']} val", v))


if __name__ == "__main__":
    main()
