#!/usr/bin/python3
"""Writes kiln's model zoo (examples/models/zoo/*.onnx) with Debian's python3-torch.

Five networks of the shapes tinyML deployments use, defined here from their papers'
descriptions (no code copied, torchvision not needed):

  mobilenet_v2_035_144  MobileNetV2, width 0.35, 1x3x144x144 -> 1000 logits
  resnet8               the MLPerf Tiny image-classification ResNet, 1x3x32x32 -> 10
  ds_cnn                the MLPerf Tiny keyword-spotting DS-CNN, 1x1x49x10 -> 12 probs
  flatten_gemm          a LeNet-like net whose Flatten of CxHxW feeds a Gemm, 1x3x32x32
  fastdepth             a FastDepth-like encoder-decoder (depthwise encoder, 5x5
                        depthwise decoder, nearest-neighbour x2 upsampling, additive
                        skip connections), 1x3x64x64 -> 1x1x64x64 depth

Weights are random (seeded; no data sets here): the models exercise the compiler on
realistic graphs, and their reference outputs always come from ONNX Runtime, never
from kiln. BatchNorm statistics come from one train-mode pass over a seeded batch of
uniform [-1, 1) inputs (momentum 1, so the running statistics are that batch's), so
every layer's activations are normalized and stay alive (no dead ReLUs, no vanishing
outputs) on the inputs the tests use.

The outputs are committed (CI has no torch); rerun this script only to change the zoo.
It is deterministic: the same torch version writes the same bytes.
Export: torch.onnx, opset 13, fixed shapes (no dynamic axes), eval mode, constant
folding on; each file passes onnx.checker and strict shape inference. The script prints
each model's parameter count, MACs and size (docs: examples/models/zoo/README.md).

Usage: /usr/bin/python3 tools/make_zoo_models.py [OUT_DIR]
"""
import io
import os
import sys

import numpy as np
import onnx
import torch
from torch import nn
import torch.nn.functional as F

OPSET = 13


def conv_bn(cin, cout, k, stride=1, groups=1, act="relu", pad=None):
    pad = (k - 1) // 2 if pad is None else pad
    layers = [nn.Conv2d(cin, cout, k, stride, pad, groups=groups, bias=False),
              nn.BatchNorm2d(cout)]
    if act == "relu":
        layers.append(nn.ReLU())
    elif act == "relu6":
        layers.append(nn.ReLU6())
    return nn.Sequential(*layers)


def divisible(v, d=8):
    """Channels rounded to a multiple of d, never more than 10 % below v."""
    n = max(d, int(v + d / 2) // d * d)
    return n + d if n < 0.9 * v else n


class InvertedResidual(nn.Module):
    """MobileNetV2 block: 1x1 expand, 3x3 depthwise, linear 1x1 project."""

    def __init__(self, cin, cout, stride, expand):
        super().__init__()
        hidden = cin * expand
        layers = []
        if expand != 1:
            layers.append(conv_bn(cin, hidden, 1, act="relu6"))
        layers += [conv_bn(hidden, hidden, 3, stride, groups=hidden, act="relu6"),
                   conv_bn(hidden, cout, 1, act=None)]
        self.body = nn.Sequential(*layers)
        self.residual = stride == 1 and cin == cout

    def forward(self, x):
        y = self.body(x)
        return x + y if self.residual else y


class MobileNetV2(nn.Module):
    # (expansion t, channels c, repeats n, first stride s) from the paper's Table 2.
    SETTINGS = [(1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2),
                (6, 96, 3, 1), (6, 160, 3, 2), (6, 320, 1, 1)]

    def __init__(self, width=0.35, classes=1000):
        super().__init__()
        c = divisible(32 * width)
        layers = [conv_bn(3, c, 3, 2, act="relu6")]
        for t, ch, n, s in self.SETTINGS:
            out = divisible(ch * width)
            for i in range(n):
                layers.append(InvertedResidual(c, out, s if i == 0 else 1, t))
                c = out
        last = 1280  # kept at 1280 for widths below 1, as in the paper
        layers.append(conv_bn(c, last, 1, act="relu6"))
        self.features = nn.Sequential(*layers)
        self.dropout = nn.Dropout(0.2)
        self.classifier = nn.Linear(last, classes)

    def forward(self, x):
        x = self.features(x)
        x = F.adaptive_avg_pool2d(x, 1).flatten(1)
        return self.classifier(self.dropout(x))


class ResBlock(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.a = conv_bn(cin, cout, 3, stride)
        self.b = conv_bn(cout, cout, 3, act=None)
        self.skip = (conv_bn(cin, cout, 1, stride, act=None)
                     if stride != 1 or cin != cout else nn.Identity())

    def forward(self, x):
        return F.relu(self.b(self.a(x)) + self.skip(x))


class ResNet8(nn.Module):
    """MLPerf Tiny IC: conv16, three residual stacks (16, 32/2, 64/2), pool, fc."""

    def __init__(self, classes=10):
        super().__init__()
        self.stem = conv_bn(3, 16, 3)
        self.stacks = nn.Sequential(ResBlock(16, 16, 1), ResBlock(16, 32, 2),
                                    ResBlock(32, 64, 2))
        self.fc = nn.Linear(64, classes)

    def forward(self, x):
        x = self.stacks(self.stem(x))
        # No padding, so count_include_pad changes nothing but the export: with
        # True (the default) torch 1.13 writes a Pad of zeros before AveragePool.
        x = F.avg_pool2d(x, 8, count_include_pad=False).flatten(1)
        return self.fc(x)


class DSCNN(nn.Module):
    """MLPerf Tiny KWS: 10x4/2 conv64, four depthwise-separable blocks, average
    pool over the whole 25x5 map, fc 12, softmax."""

    def __init__(self, classes=12):
        super().__init__()
        layers = [conv_bn(1, 64, (10, 4), 2, pad=(5, 1))]
        for _ in range(4):
            layers += [conv_bn(64, 64, 3, groups=64), conv_bn(64, 64, 1)]
        self.features = nn.Sequential(*layers)
        self.fc = nn.Linear(64, classes)

    def forward(self, x):
        x = self.features(x)
        x = F.avg_pool2d(x, x.shape[2:], count_include_pad=False).flatten(1)  # see ResNet8
        return F.softmax(self.fc(x), dim=1)


class FlattenGemm(nn.Module):
    """Conv/pool features flattened in C, H, W order into fully connected layers:
    the order a layout change to NHWC must preserve."""

    def __init__(self, classes=10):
        super().__init__()
        self.c1 = nn.Conv2d(3, 8, 5)
        self.c2 = nn.Conv2d(8, 16, 5)
        self.f1 = nn.Linear(16 * 5 * 5, 120)
        self.f2 = nn.Linear(120, 84)
        self.f3 = nn.Linear(84, classes)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.c1(x)), 2)
        x = F.max_pool2d(F.relu(self.c2(x)), 2)
        x = torch.flatten(x, 1)
        return self.f3(F.relu(self.f2(F.relu(self.f1(x)))))


class FastDepth(nn.Module):
    """Encoder: depthwise-separable stride-2 stages (MobileNet-like). Decoder: per
    stage a 5x5 depthwise + 1x1 pointwise conv, then nearest x2 upsampling, with
    the encoder features of the same resolution added back (skip connections)."""

    def __init__(self):
        super().__init__()
        def ds(cin, cout, stride):
            return nn.Sequential(conv_bn(cin, cin, 3, stride, groups=cin),
                                 conv_bn(cin, cout, 1))
        self.e0 = conv_bn(3, 16, 3, 2)   # 32x32
        self.e1 = ds(16, 32, 2)          # 16x16
        self.e2 = ds(32, 64, 2)          # 8x8
        self.e3 = ds(64, 128, 2)         # 4x4
        def up(cin, cout):
            return nn.Sequential(conv_bn(cin, cin, 5, groups=cin),
                                 conv_bn(cin, cout, 1))
        self.d3 = up(128, 64)            # -> 8x8, + e2
        self.d2 = up(64, 32)             # -> 16x16, + e1
        self.d1 = up(32, 16)             # -> 32x32, + e0
        self.d0 = up(16, 8)              # -> 64x64
        self.head = nn.Conv2d(8, 1, 1)

    def forward(self, x):
        x0 = self.e0(x)
        x1 = self.e1(x0)
        x2 = self.e2(x1)
        x3 = self.e3(x2)
        y = F.interpolate(self.d3(x3), scale_factor=2, mode="nearest") + x2
        y = F.interpolate(self.d2(y), scale_factor=2, mode="nearest") + x1
        y = F.interpolate(self.d1(y), scale_factor=2, mode="nearest") + x0
        y = F.interpolate(self.d0(y), scale_factor=2, mode="nearest")
        return self.head(y)


# (name, network, input shape, ops kiln does not import yet). A model that needs
# such ops goes to OUT_DIR/pending/, out of the way of the tiers that compile every
# zoo model; it moves up (and gets its models-tier test) once kiln imports them.
ZOO = [
    ("mobilenet_v2_035_144", MobileNetV2, [1, 3, 144, 144], []),
    ("resnet8", ResNet8, [1, 3, 32, 32], []),
    ("ds_cnn", DSCNN, [1, 1, 49, 10], []),
    ("flatten_gemm", FlattenGemm, [1, 3, 32, 32], []),
    ("fastdepth", FastDepth, [1, 3, 64, 64], []),
]


def randomize_and_calibrate(model, shape, gen):
    """Random BatchNorm affine parameters, then statistics of one seeded batch."""
    for m in model.modules():
        if isinstance(m, nn.BatchNorm2d):
            with torch.no_grad():
                m.weight.uniform_(0.5, 1.5, generator=gen)
                m.bias.uniform_(-0.1, 0.3, generator=gen)
            m.momentum = 1.0
    batch = torch.rand([16] + shape[1:], generator=gen) * 2 - 1
    model.train()
    with torch.no_grad():
        model(batch)
    model.eval()


def macs(model):
    """Multiply-accumulates of Conv, Gemm and MatMul from the inferred shapes."""
    g = onnx.shape_inference.infer_shapes(model).graph
    shapes = {}
    for v in list(g.input) + list(g.value_info) + list(g.output):
        shapes[v.name] = [d.dim_value for d in v.type.tensor_type.shape.dim]
    for t in g.initializer:
        shapes[t.name] = list(t.dims)
    total = 0
    for n in g.node:
        if n.op_type == "Conv":
            w = shapes[n.input[1]]
            total += int(np.prod(shapes[n.output[0]])) * int(np.prod(w[1:]))
        elif n.op_type in ("Gemm", "MatMul"):
            a = shapes[n.input[0]]
            total += int(np.prod(shapes[n.output[0]])) * a[-1]
    return total


def export(name, make, shape, out_dir, seed):
    torch.manual_seed(seed)
    gen = torch.Generator().manual_seed(seed)
    model = make()
    randomize_and_calibrate(model, shape, gen)
    buf = io.BytesIO()
    with torch.no_grad():
        torch.onnx.export(model, torch.zeros(shape), buf, opset_version=OPSET,
                          input_names=["input"], output_names=["output"],
                          do_constant_folding=True)
    m = onnx.load_from_string(buf.getvalue())
    onnx.checker.check_model(m)
    onnx.shape_inference.infer_shapes(m, check_type=True, strict_mode=True)
    path = os.path.join(out_dir, name + ".onnx")
    onnx.save(m, path)
    params = sum(int(np.prod(t.dims)) for t in m.graph.initializer)
    ops = sorted({n.op_type for n in m.graph.node})
    print(f"| {name} | {'x'.join(map(str, shape))} | {params:,} | {macs(m):,} | "
          f"{os.path.getsize(path) / 1e6:.2f} MB | {', '.join(ops)} |")


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "examples", "models", "zoo")
    os.makedirs(out, exist_ok=True)
    torch.set_num_threads(1)
    print("| model | input | parameters | MACs | file | ONNX ops |")
    print("|---|---|---:|---:|---:|---|")
    for i, (name, make, shape, missing) in enumerate(ZOO):
        folder = os.path.join(out, "pending") if missing else out
        os.makedirs(folder, exist_ok=True)
        export(name, make, shape, folder, 2026 + i)


if __name__ == "__main__":
    main()
