#!/usr/bin/python3
"""pulp tier, errors: what the pulp target refuses, with one-line messages.

  check_refusals.py KILN WORK_DIR

1. A float model: refused, naming the first node and its op, asking for
   --quantize int8 (exit 2).
2. An int8 model with a float island (a Sigmoid between two convolutions):
   refused naming the sigmoid node (exit 2).
3. Weights that cannot fit the 512 KiB L2 (a 640x800 fully connected layer,
   512,000 int8 weights): refused at compile time (exit 1).
4. `kiln run` without the simulator (KILN_SIM_DIR pointing elsewhere): a clear
   error naming kiln-sim-8; `--cores 3`: refused.
Models are built here with onnx.helper; no simulation runs.
"""
import os
import shutil
import subprocess
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def fail(msg):
    print(f"FAIL: {msg}")
    sys.exit(1)


def kiln(args, env=None):
    return subprocess.run([KILN] + args, capture_output=True, text=True, env=env)


def expect(p, code, *needles):
    err = p.stderr.strip()
    if p.returncode != code:
        fail(f"exit {p.returncode} (expected {code}): {err}")
    if len(err.splitlines()) != 1:
        fail(f"not one line: {err!r}")
    for n in needles:
        if n not in err:
            fail(f"{n!r} not in {err!r}")
    print(f"ok: {err}")


def save(graph, path):
    m = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    onnx.checker.check_model(m)
    onnx.save(m, path)


def main():
    global KILN
    KILN, work = sys.argv[1:3]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(os.path.join(work, "cal"))
    rng = np.random.default_rng(1)

    # 1. float model
    fm = os.path.join(ROOT, "examples/models/fmnist_cnn.onnx")
    expect(kiln(["compile", fm, "--target", "pulp", "-o", os.path.join(work, "f")]), 2,
           "node '/features/features.0/Conv' (conv)", "no FPU", "--quantize int8")

    # 2. float island: conv -> sigmoid -> conv
    w1 = numpy_helper.from_array(rng.standard_normal((4, 3, 3, 3)).astype(np.float32), "w1")
    w2 = numpy_helper.from_array(rng.standard_normal((4, 4, 3, 3)).astype(np.float32), "w2")
    g = helper.make_graph(
        [helper.make_node("Conv", ["x", "w1"], ["a"], name="conv_a", pads=[1, 1, 1, 1]),
         helper.make_node("Sigmoid", ["a"], ["s"], name="squash"),
         helper.make_node("Conv", ["s", "w2"], ["y"], name="conv_b", pads=[1, 1, 1, 1])],
        "island", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 3, 8, 8])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 4, 8, 8])], [w1, w2])
    island = os.path.join(work, "island.onnx")
    save(g, island)
    np.save(os.path.join(work, "cal", "c.npy"),
            rng.uniform(-1, 1, (4, 1, 3, 8, 8)).astype(np.float32))
    expect(kiln(["compile", island, "--target", "pulp", "--quantize", "int8", "--calibration",
                 os.path.join(work, "cal"), "--no-progress", "-o", os.path.join(work, "i")]),
           2, "node 'squash' (sigmoid)", "stays in float", "no FPU")

    # 3. weights beyond the L2
    w = numpy_helper.from_array(rng.standard_normal((800, 640)).astype(np.float32), "w")
    b = numpy_helper.from_array(np.zeros(800, np.float32), "b")
    g = helper.make_graph(
        [helper.make_node("Gemm", ["x", "w", "b"], ["y"], name="big", transB=1)], "big",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 640])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 800])], [w, b])
    big = os.path.join(work, "big.onnx")
    save(g, big)
    os.makedirs(os.path.join(work, "calbig"))
    np.save(os.path.join(work, "calbig", "c.npy"),
            rng.uniform(-1, 1, (4, 1, 640)).astype(np.float32))
    expect(kiln(["compile", big, "--target", "pulp", "--quantize", "int8", "--calibration",
                 os.path.join(work, "calbig"), "--no-progress", "-o", os.path.join(work, "b")]),
           1, "L2", "bytes")

    # 4. kiln run without the simulator; a core count the cluster does not have
    small = os.path.join(work, "small")
    g = helper.make_graph(
        [helper.make_node("Conv", ["x", "w1"], ["y"], name="conv_a", pads=[1, 1, 1, 1])],
        "small", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 3, 8, 8])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 4, 8, 8])], [w1])
    save(g, small + ".onnx")
    p = kiln(["compile", small + ".onnx", "--target", "pulp", "--quantize", "int8",
              "--calibration", os.path.join(work, "cal"), "--no-progress", "-o", small])
    if p.returncode != 0:
        fail(p.stderr)
    x = os.path.join(work, "x.npy")
    np.save(x, rng.uniform(-1, 1, (1, 3, 8, 8)).astype(np.float32))
    env = dict(os.environ, KILN_SIM_DIR=os.path.join(work, "nowhere"))
    expect(kiln(["run", small, "--input", x, "--output", os.path.join(work, "y.npy")], env),
           1, "kiln-sim-8", "not found", "KILN_SIM_DIR")
    expect(kiln(["run", small, "--cores", "3", "--input", x, "--output",
                 os.path.join(work, "y.npy")]), 1, "--cores 3")
    print("PASS")


if __name__ == "__main__":
    main()
