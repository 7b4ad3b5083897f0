#!/usr/bin/python3
"""Writes tests/models/shape_plumbing.onnx with Debian's python3-torch: a small CNN
whose forward pass is full of the dynamic-shape plumbing PyTorch exports emit when
the batch dimension is dynamic, so kiln must fold it at compile time:

  x.view(x.size(0), -1)            Shape -> Gather -> Unsqueeze -> Concat -> Reshape
  torch.flatten(y, 1)              Flatten
  y.reshape(b, y.shape[1], -1)     the same chain with two gathered dims
  torch.arange(w) as a float bias  Range (+ Cast), Shape -> Gather feeding it
  torch.zeros(y.shape) + ...       ConstantOfShape of a computed shape
  torch.where(arange == k, a, b)   Equal and Where on constants
  bias.expand(b, -1, h, w)         Expand of a parameter to a computed shape
  y[:, :1].expand(-1, c, -1, -1)   Expand of an activation (kiln: x * ones)
  y.select(1, 3), y[:, idx]        Gather of an activation with constant indices

Weights are random (seeded); the reference outputs come from ONNX Runtime in the
models tier (tests/models/check_model.py), never from kiln. The export uses
dynamic_axes for the batch, so the exporter cannot fold the shape computations
itself; the script checks that the file still contains them.

The output is committed (CI has no torch). Usage:
  /usr/bin/python3 tools/make_shape_plumbing_model.py [OUT.onnx]
"""
import io
import os
import sys

import onnx
import torch
from torch import nn

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
OUT = os.path.join(ROOT, "tests", "models", "shape_plumbing.onnx")
# Ops the file must contain, or the test would not test the folding.
REQUIRED = {"Shape", "Gather", "Unsqueeze", "Concat", "Reshape", "Flatten", "Range",
            "ConstantOfShape", "Equal", "Where", "Expand", "Cast"}


class ShapePlumbing(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 8, 3, padding=1)
        self.conv2 = nn.Conv2d(8, 16, 3, stride=2, padding=1)
        self.bias = nn.Parameter(torch.randn(1, 16, 1, 1) * 0.1)
        self.fc = nn.Linear(16 * 8 * 8, 10)
        self.fc_flat = nn.Linear(16 * 8 * 8, 10)
        self.fc_mean = nn.Linear(16, 10)
        self.fc_pick = nn.Linear(3 * 8 * 8, 10)
        self.register_buffer("idx", torch.tensor([0, 5, 2]))

    def forward(self, x):
        y = torch.relu(self.conv1(x))
        y = torch.relu(self.conv2(y))
        b, c, h, w = y.shape
        # A float position bias from Range, and a row mask from Equal/Where.
        pos = torch.arange(w, dtype=torch.int64).to(torch.float32) / w
        rows = torch.arange(h)
        scale = torch.where(rows == 2, torch.tensor(2.0), torch.tensor(0.5))
        zeros = torch.zeros(y.shape[1:])
        y = y * scale.view(1, 1, h, 1) + pos.view(1, 1, 1, w) + zeros
        y = y + self.bias.expand(b, -1, h, w)
        y = y + y[:, :1].expand(-1, c, -1, -1) * 0.25
        picked = y[:, self.idx]
        one = y.select(1, 3)
        flat = y.view(y.size(0), -1)
        out = self.fc(flat) + self.fc_flat(torch.flatten(y, 1))
        out = out + self.fc_mean(y.reshape(b, y.shape[1], -1).mean(-1))
        out = out + self.fc_pick(picked.reshape(picked.size(0), -1))
        return out + one.sum(dim=(1, 2)).unsqueeze(1)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else OUT
    torch.manual_seed(2026)
    model = ShapePlumbing().eval()
    buf = io.BytesIO()
    with torch.no_grad():
        torch.onnx.export(model, torch.zeros(1, 3, 16, 16), buf, opset_version=13,
                          input_names=["x"], output_names=["y"],
                          dynamic_axes={"x": {0: "batch"}, "y": {0: "batch"}})
    m = onnx.load_from_string(buf.getvalue())
    onnx.checker.check_model(m)
    ops = {n.op_type for n in m.graph.node}
    missing = REQUIRED - ops
    if missing:
        sys.exit(f"the export no longer contains {sorted(missing)}; adjust the model")
    onnx.save(m, out)
    print(f"{out}: {len(m.graph.node)} nodes, ops {', '.join(sorted(ops))}")


if __name__ == "__main__":
    main()
