#!/usr/bin/python3
"""Writes kiln's bundled example models (examples/models/*.onnx) with python3-onnx.

The models are small, deterministic (fixed seeds) and cover the spine's ops in the
patterns PyTorch exports produce: NCHW inputs with a symbolic batch, Conv+BN+ReLU6,
depthwise convs, residual Add, Concat, Flatten into Gemm, MatMul, Dropout/Identity,
Softmax in opset 11 and 13 forms. Weights are random (no training data here): the
models exist to exercise the compiler, and their reference outputs always come from
ONNX Runtime, never from kiln.

Usage: /usr/bin/python3 tools/make_example_models.py [OUT_DIR]
"""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def _init(rng, name, shape, scale=None):
    fan_in = int(np.prod(shape[1:])) if len(shape) > 1 else int(shape[0])
    scale = scale if scale is not None else 1.0 / np.sqrt(max(fan_in, 1))
    data = rng.uniform(-scale, scale, size=shape).astype(np.float32)
    return numpy_helper.from_array(data, name)


def _bn(rng, prefix, c):
    return [
        numpy_helper.from_array(rng.uniform(0.5, 1.5, c).astype(np.float32), prefix + "_scale"),
        numpy_helper.from_array(rng.uniform(-0.2, 0.2, c).astype(np.float32), prefix + "_bias"),
        numpy_helper.from_array(rng.uniform(-0.1, 0.1, c).astype(np.float32), prefix + "_mean"),
        numpy_helper.from_array(rng.uniform(0.5, 1.5, c).astype(np.float32), prefix + "_var"),
    ]


def _save(model, path):
    onnx.checker.check_model(model)
    model = onnx.shape_inference.infer_shapes(model, strict_mode=True)
    # Stable bytes: no producer version that could change with the onnx package.
    model.producer_name = "kiln-tools"
    model.producer_version = "1"
    onnx.save(model, path)


def tiny_cnn(rng):
    """A small image classifier: 1x1x28x28 → 10 classes."""
    n = []
    inits = [
        _init(rng, "c1_w", [8, 1, 3, 3]), _init(rng, "c1_b", [8]),
        _init(rng, "dw_w", [8, 1, 3, 3]),
        _init(rng, "pw_w", [16, 8, 1, 1]), _init(rng, "pw_b", [16]),
        _init(rng, "res_w", [16, 16, 3, 3]), _init(rng, "res_b", [16]),
        _init(rng, "fc_w", [10, 16]), _init(rng, "fc_b", [10]),
    ] + _bn(rng, "dw_bn", 8)
    inits.append(numpy_helper.from_array(np.array(0.0, np.float32), "six_lo"))
    inits.append(numpy_helper.from_array(np.array(6.0, np.float32), "six_hi"))
    n.append(helper.make_node("Conv", ["input", "c1_w", "c1_b"], ["c1"], name="conv1",
                              pads=[1, 1, 1, 1]))
    n.append(helper.make_node("Relu", ["c1"], ["r1"], name="relu1"))
    n.append(helper.make_node("MaxPool", ["r1"], ["p1"], name="pool1", kernel_shape=[2, 2],
                              strides=[2, 2]))
    n.append(helper.make_node("Conv", ["p1", "dw_w"], ["dw"], name="dwconv", group=8,
                              pads=[1, 1, 1, 1], strides=[2, 2]))
    n.append(helper.make_node("BatchNormalization",
                              ["dw", "dw_bn_scale", "dw_bn_bias", "dw_bn_mean", "dw_bn_var"],
                              ["dwbn"], name="dw_bn", epsilon=1e-3))
    n.append(helper.make_node("Clip", ["dwbn", "six_lo", "six_hi"], ["dwr"], name="relu6"))
    n.append(helper.make_node("Conv", ["dwr", "pw_w", "pw_b"], ["pw"], name="pwconv"))
    n.append(helper.make_node("Relu", ["pw"], ["pwr"], name="pw_relu"))
    n.append(helper.make_node("Conv", ["pwr", "res_w", "res_b"], ["res"], name="resconv",
                              pads=[1, 1, 1, 1]))
    n.append(helper.make_node("Add", ["res", "pwr"], ["sum"], name="residual"))
    n.append(helper.make_node("Relu", ["sum"], ["sumr"], name="res_relu"))
    n.append(helper.make_node("GlobalAveragePool", ["sumr"], ["gap"], name="gap"))
    n.append(helper.make_node("Flatten", ["gap"], ["flat"], name="flatten", axis=1))
    n.append(helper.make_node("Gemm", ["flat", "fc_w", "fc_b"], ["logits"], name="fc",
                              transB=1))
    n.append(helper.make_node("Softmax", ["logits"], ["probs"], name="softmax", axis=1))
    g = helper.make_graph(
        n, "tiny_cnn",
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["N", 1, 28, 28])],
        [helper.make_tensor_value_info("probs", TensorProto.FLOAT, ["N", 10])], inits)
    return helper.make_model(g, opset_imports=[helper.make_opsetid("", 13)])


def seq_mixer(rng):
    """1-D conv over a sequence, transpose, matmul and a concat of two branches."""
    inits = [
        _init(rng, "conv_w", [12, 4, 3]), _init(rng, "conv_b", [12]),
        _init(rng, "mm_w", [12, 6]),
        _init(rng, "side_w", [12, 2]),
    ]
    n = [
        helper.make_node("Conv", ["seq", "conv_w", "conv_b"], ["c"], name="conv1d",
                         pads=[1, 1], dilations=[1]),
        helper.make_node("Relu", ["c"], ["cr"], name="relu"),
        helper.make_node("Transpose", ["cr"], ["t"], name="to_time_major", perm=[0, 2, 1]),
        helper.make_node("MatMul", ["t", "mm_w"], ["m1"], name="proj"),
        helper.make_node("MatMul", ["t", "side_w"], ["m2"], name="side"),
        helper.make_node("Concat", ["m1", "m2"], ["cat"], name="concat", axis=-1),
        helper.make_node("AveragePool", ["cr"], ["ap"], name="avgpool", kernel_shape=[3],
                         pads=[1, 1], count_include_pad=0),
        helper.make_node("Softmax", ["cat"], ["out"], name="softmax", axis=-1),
    ]
    g = helper.make_graph(
        n, "seq_mixer",
        [helper.make_tensor_value_info("seq", TensorProto.FLOAT, [1, 4, 20])],
        [helper.make_tensor_value_info("out", TensorProto.FLOAT, [1, 20, 8]),
         helper.make_tensor_value_info("ap", TensorProto.FLOAT, [1, 12, 20])], inits)
    return helper.make_model(g, opset_imports=[helper.make_opsetid("", 13)])


def mlp11(rng):
    """An opset-11 MLP: Gemm without transB, Dropout, Identity, Softmax(axis=1)."""
    inits = [
        _init(rng, "w1", [32, 24]), _init(rng, "b1", [24]),
        _init(rng, "w2", [24, 5]), _init(rng, "b2", [5]),
    ]
    n = [
        helper.make_node("Gemm", ["x", "w1", "b1"], ["h"], name="fc1", alpha=0.5, beta=2.0),
        helper.make_node("Relu", ["h"], ["hr"], name="relu"),
        helper.make_node("Dropout", ["hr"], ["hd"], name="dropout", ratio=0.25),
        helper.make_node("Identity", ["hd"], ["hi"], name="identity"),
        helper.make_node("Gemm", ["hi", "w2", "b2"], ["z"], name="fc2"),
        helper.make_node("Softmax", ["z"], ["y"], name="softmax", axis=1),
    ]
    g = helper.make_graph(
        n, "mlp11",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["batch", 32])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["batch", 5])], inits)
    return helper.make_model(g, opset_imports=[helper.make_opsetid("", 11)])


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "examples", "models")
    os.makedirs(out, exist_ok=True)
    for i, make in enumerate([tiny_cnn, seq_mixer, mlp11]):
        rng = np.random.default_rng(1234 + i)
        _save(make(rng), os.path.join(out, make.__name__ + ".onnx"))
    # A fixed sample input for the demo and the firmware example: a centred blob.
    yy, xx = np.mgrid[0:28, 0:28]
    img = np.exp(-((yy - 13.5) ** 2 + (xx - 10.0) ** 2) / 40.0).astype(np.float32)
    np.save(os.path.join(out, "tiny_cnn_input.npy"), img.reshape(1, 1, 28, 28))
    # The same input as a C array for the firmware example (examples/firmware_app).
    app = os.path.join(out, "..", "firmware_app", "sample_input.h")
    if os.path.isdir(os.path.dirname(app)):
        vals = ",\n    ".join(
            ", ".join("%.9gf" % v for v in row) for row in img.reshape(-1, 7))
        with open(app, "w") as f:
            f.write("// A 28x28 test image (a centred blob), written by\n"
                    "// tools/make_example_models.py: the same data as\n"
                    "// examples/models/tiny_cnn_input.npy.\n#pragma once\n\n"
                    "static const float kSampleInput[28 * 28] = {\n    %s};\n" % vals)


if __name__ == "__main__":
    main()
