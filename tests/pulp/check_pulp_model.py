#!/usr/bin/python3
"""pulp tier: one model, int8, on the simulated PULP cluster against the x86 build.

  check_pulp_model.py KILN MODEL.onnx WORK_DIR --cal-range LO HI --samples N
                      [--fmnist] [--cores 1|8]

1. Calibration and validation inputs: synthetic, uniform in [LO, HI) (16 and N
   samples, seeds 1 and 2; tests/models/make_samples.py), or with --fmnist the
   first 32 Fashion-MNIST training images and the first N test images
   (tools/fashion_mnist_npy.py).
2. The model compiled with the same calibration for x86 and for pulp; both run the
   N samples plus sample 0 again; on pulp in one boot of the simulator. Every
   output must be byte-identical between the two builds, and the pulp run's last
   output identical to its first (statelessness: A, B, ..., A).
3. Firmware totals: report.json's flash_bytes equals the sum of .text, .rodata,
   .init_array, .data and .tdata read here from `riscv64-unknown-elf-size -A`;
   the painted-stack high-water marks (core 0 and the workers) are at most the
   reported worst cases; `kiln run --json` has cycles for the model and every
   layer, and the layers' cycles do not exceed the model's.
Exits 77 (skipped) when the model, the dataset or riscv64-unknown-elf-gcc is absent.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("kiln")
    ap.add_argument("model")
    ap.add_argument("work")
    ap.add_argument("--cal-range", nargs=2, type=float, default=[-1.0, 1.0])
    ap.add_argument("--samples", type=int, default=5)
    ap.add_argument("--fmnist", action="store_true")
    ap.add_argument("--cores", default="8")
    a = ap.parse_args()
    if not os.path.exists(a.model):
        print(f"SKIPPED: {a.model} is not present (the MLPerf Tiny models live in "
              f"../shared/models, which CI provides)")
        sys.exit(77)
    if shutil.which("riscv64-unknown-elf-gcc") is None:
        print("SKIPPED: riscv64-unknown-elf-gcc is not installed")
        sys.exit(77)
    shutil.rmtree(a.work, ignore_errors=True)
    os.makedirs(a.work)
    cal = os.path.join(a.work, "cal")
    if a.fmnist:
        p = subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "tools", "fashion_mnist_npy.py"),
                            a.work, "--calib", "32"], capture_output=True, text=True)
        if p.returncode == 77:
            print("SKIPPED: dataset-fashion-mnist is not installed")
            sys.exit(77)
        if p.returncode != 0:
            fail(f"fashion_mnist_npy.py: {p.stderr}")
        cal = os.path.join(a.work, "calib")
        data = np.load(os.path.join(a.work, "test_x.npy"))[:a.samples]
    else:
        import onnx
        m = onnx.load(a.model)
        inits = {i.name for i in m.graph.initializer}
        inputs = [i for i in m.graph.input if i.name not in inits]
        shape = [d.dim_value or 1 for d in inputs[0].type.tensor_type.shape.dim]
        one = shape[1:] if shape[0] == 1 else shape
        dims = "x".join(str(d) for d in one)
        os.makedirs(cal)
        lo, hi = (str(v) for v in a.cal_range)
        run(["/usr/bin/python3", os.path.join(ROOT, "tests/models/make_samples.py"),
             os.path.join(cal, "cal.npy"), "16", dims, lo, hi, "1"])
        path = os.path.join(a.work, "data.npy")
        run(["/usr/bin/python3", os.path.join(ROOT, "tests/models/make_samples.py"),
             path, str(a.samples), dims, lo, hi, "2"])
        data = np.load(path)
    # One file per sample, shaped as the model's input; sample 0 again at the end.
    files = []
    for k in range(a.samples):
        f = os.path.join(a.work, f"in_{k}.npy")
        x = data[k:k + 1]
        np.save(f, x.reshape((1,) + x.shape[1:]) if a.fmnist else x)
        files.append(f)
    files.append(files[0])

    outs = {}
    for target in ("x86", "pulp"):
        d = os.path.join(a.work, target)
        run([a.kiln, "compile", a.model, "--target", target, "--quantize", "int8",
             "--calibration", cal, "--no-progress", "-o", d])
        cmd = [a.kiln, "run", d, "--json"] + (["--cores", a.cores] if target == "pulp" else [])
        names = []
        for k, f in enumerate(files):
            o = os.path.join(a.work, f"{target}_out_{k}.npy")
            names.append(o)
            cmd += ["--input", f, "--output", o]
        r = json.loads(run(cmd).stdout)
        outs[target] = [np.load(o) for o in names]
        if target == "pulp":
            res, report_dir = r, d
    n = a.samples
    for k in range(n + 1):
        x, p = outs["x86"][k], outs["pulp"][k]
        if x.dtype != p.dtype or x.shape != p.shape or x.tobytes() != p.tobytes():
            fail(f"sample {k}: pulp output differs from x86 (max abs diff "
                 f"{np.max(np.abs(x.astype(np.float64) - p.astype(np.float64)))})")
    if outs["pulp"][0].tobytes() != outs["pulp"][n].tobytes():
        fail("statelessness: the first and the last run of sample 0 differ on pulp")
    if n > 1 and outs["pulp"][0].tobytes() == outs["pulp"][1].tobytes():
        fail("samples 0 and 1 give the same output: the check could not see a stale state")
    print(f"{os.path.basename(a.model)}: {n} samples + A again, pulp == x86 byte for byte; "
          f"{res['cycles']} cycles/inference on {res['cores']} core(s), "
          f"{res['macs'] / res['cycles']:.3f} MAC/cycle")

    # Firmware totals.
    report = json.load(open(os.path.join(report_dir, "report.json")))
    elf = os.path.join(report_dir, "build", report["name"] + ".elf")
    sizes = {}
    for line in run(["riscv64-unknown-elf-size", "-A", elf]).stdout.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0].startswith(".") and parts[1].isdigit():
            sizes[parts[0]] = int(parts[1])
    flash = sum(sizes.get(s, 0) for s in (".text", ".rodata", ".init_array", ".data", ".tdata"))
    if report["flash_bytes"] != flash:
        fail(f"flash_bytes {report['flash_bytes']} != size -A sum {flash}")
    st = report["firmware"]["stack"]
    hw = res["stack_high_water"]
    if st["core0_bytes"] is None or st["worker_bytes"] is None:
        fail(f"the worst-case stack is not bounded: {st}")
    if not 0 < hw["core0_bytes"] <= st["core0_bytes"]:
        fail(f"core 0 stack high-water {hw['core0_bytes']} not in (0, {st['core0_bytes']}]")
    if hw["worker_bytes"] > st["worker_bytes"]:
        fail(f"worker stack high-water {hw['worker_bytes']} > {st['worker_bytes']}")
    ram = sum(sizes.get(s, 0) for s in (".data", ".tdata", ".tbss", ".bss"))
    if report["ram_total_bytes"] != ram + st["core0_bytes"] + 7 * st["worker_bytes"]:
        fail(f"ram_total_bytes {report['ram_total_bytes']} != sections {ram} + stacks")
    layer_cycles = [l.get("cycles") for l in res["layers"]]
    if any(c is None for c in layer_cycles) or sum(layer_cycles) > res["cycles"]:
        fail(f"layer cycles {layer_cycles} missing or above the model's {res['cycles']}")
    print(f"flash {flash} B, RAM {report['ram_total_bytes']} B, stack core 0 "
          f"{hw['core0_bytes']} <= {st['core0_bytes']} B, workers {hw['worker_bytes']} <= "
          f"{st['worker_bytes']} B")
    print("PASS")


if __name__ == "__main__":
    main()
