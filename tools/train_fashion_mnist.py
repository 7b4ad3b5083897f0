#!/usr/bin/python3
"""Trains kiln's real-data int8 example: a small CNN (conv, depthwise conv,
BatchNorm, ReLU/ReLU6, max and average pooling, fully connected; < 20k
parameters) on Fashion-MNIST from Debian's dataset-fashion-mnist with
python3-torch, exports it to ONNX, and records next to it (a JSON file) the
figures kiln's int8 path is checked against:

  - float accuracy on the 10k test set, computed by PyTorch (the oracle the
    `models` test compares `kiln validate`'s accuracy_float with),
  - PyTorch's own int8 post-training static quantization (FX graph mode,
    engine onednn, calibrated on the same first 500 training images kiln is
    calibrated on) on the same test set: the side-by-side anchor,
  - parameter and MAC counts.

CI does not train: the .onnx and .json are committed. Everything is seeded
and single-process, so a rerun on the same torch build gives the same model.

  /usr/bin/python3 tools/train_fashion_mnist.py [--out-dir examples/models]
      [--epochs 6] [--threads 1]

Input: float32 [N, 1, 28, 28], (pixel / 255 - 0.2860) / 0.3530 (see
tools/fashion_mnist_npy.py, which makes the .npy files kiln reads).
Output: logits [N, 10] (no softmax: argmax is the class).
"""
import argparse
import copy
import json
import os
import random
import sys
import time

import numpy as np
import torch
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fashion_mnist_npy as fmnist  # noqa: E402

SEED = 20261129
NAME = 'fmnist_cnn'
CALIB_IMAGES = 500


class Net(nn.Module):
    """28x28 -> conv3x3/2 (16) -> dw3x3 + pw1x1 (32) -> maxpool -> dw3x3 +
    pw1x1 (64) -> avgpool 2x2 (7x7 -> 3x3) -> fc (576 -> 10). The strided
    first conv keeps training affordable on two CPU cores."""

    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 16, 3, stride=2, padding=1, bias=False), nn.BatchNorm2d(16),
            nn.ReLU(),
            nn.Conv2d(16, 16, 3, padding=1, groups=16, bias=False), nn.BatchNorm2d(16),
            nn.ReLU6(),
            nn.Conv2d(16, 32, 1, bias=False), nn.BatchNorm2d(32), nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Conv2d(32, 32, 3, padding=1, groups=32, bias=False), nn.BatchNorm2d(32),
            nn.ReLU6(),
            nn.Conv2d(32, 64, 1, bias=False), nn.BatchNorm2d(64), nn.ReLU(),
            nn.AvgPool2d(2),
        )
        self.classifier = nn.Linear(64 * 3 * 3, 10)

    def forward(self, x):
        return self.classifier(torch.flatten(self.features(x), 1))


def count_macs(model):
    """Multiply-accumulates of one 1x1x28x28 inference: conv and linear layers
    (BatchNorm folds into the convs; pooling and activations are not MACs)."""
    macs = []

    def conv_hook(m, _inp, out):
        k = m.kernel_size[0] * m.kernel_size[1] * m.in_channels // m.groups
        macs.append(out.numel() * k)

    def fc_hook(m, _inp, out):
        macs.append(out.numel() * m.in_features)

    hooks = []
    for m in model.modules():
        if isinstance(m, nn.Conv2d):
            hooks.append(m.register_forward_hook(conv_hook))
        elif isinstance(m, nn.Linear):
            hooks.append(m.register_forward_hook(fc_hook))
    with torch.no_grad():
        model.eval()(torch.zeros(1, 1, 28, 28))
    for h in hooks:
        h.remove()
    return int(sum(macs))


def accuracy(model, x, y, batch=1000):
    correct = 0
    with torch.no_grad():
        for i in range(0, x.shape[0], batch):
            pred = model(x[i:i + batch]).argmax(dim=1)
            correct += int((pred == y[i:i + batch]).sum())
    return 100.0 * correct / x.shape[0], correct


def seed_everything(threads):
    random.seed(SEED)
    np.random.seed(SEED)
    torch.manual_seed(SEED)
    torch.set_num_threads(threads)
    torch.use_deterministic_algorithms(True)


def train(model, x, y, epochs, batch=256, lr=5e-3):
    gen = torch.Generator().manual_seed(SEED)
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=1e-4)
    steps = epochs * ((x.shape[0] + batch - 1) // batch)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=lr, total_steps=steps)
    loss_fn = nn.CrossEntropyLoss()
    for epoch in range(epochs):
        model.train()
        t0 = time.time()
        perm = torch.randperm(x.shape[0], generator=gen)
        flips = torch.rand(x.shape[0], generator=gen) < 0.5
        total = 0.0
        for i in range(0, x.shape[0], batch):
            idx = perm[i:i + batch]
            xb = x[idx]
            # Horizontal flips: clothes are left-right symmetric classes.
            fb = flips[idx]
            xb = torch.where(fb[:, None, None, None], xb.flip(3), xb)
            opt.zero_grad()
            loss = loss_fn(model(xb), y[idx])
            loss.backward()
            opt.step()
            sched.step()
            total += float(loss) * idx.numel()
            if (i // batch) % 50 == 0:
                print('  epoch %d  %5d / %d  loss %.4f' % (epoch + 1, i, x.shape[0],
                                                          float(loss)), flush=True)
        print('epoch %2d  loss %.4f  %.0f s' % (epoch + 1, total / x.shape[0],
                                                time.time() - t0), flush=True)


def pytorch_int8(model, calib, test_x, test_y):
    """PyTorch's own post-training static quantization, FX graph mode, engine
    onednn (Debian's torch has a broken qnnpack), calibrated on `calib`."""
    from torch.ao.quantization import get_default_qconfig_mapping
    from torch.ao.quantization.quantize_fx import convert_fx, prepare_fx
    torch.backends.quantized.engine = 'onednn'
    m = copy.deepcopy(model).eval()
    prepared = prepare_fx(m, get_default_qconfig_mapping('onednn'),
                          example_inputs=(calib[:1],))
    with torch.no_grad():
        for i in range(0, calib.shape[0], 100):
            prepared(calib[i:i + 100])
    q = convert_fx(prepared)
    return accuracy(q, test_x, test_y)


def drop_noop_pads(path):
    """torch.onnx (1.13) writes AvgPool2d as an all-zero constant Pad followed
    by AveragePool; the Pad changes nothing, so rewire its consumers to its
    input and drop it (and its now unused Constant), then re-check the model."""
    import onnx
    from onnx import numpy_helper
    model = onnx.load(path)
    g = model.graph
    consts = {n.output[0]: n for n in g.node if n.op_type == 'Constant'}
    inits = {t.name: t for t in g.initializer}

    def const_value(name):
        if name in consts:
            return numpy_helper.to_array(consts[name].attribute[0].t)
        if name in inits:
            return numpy_helper.to_array(inits[name])
        return None

    rename = {}
    keep = []
    for n in g.node:
        pads = const_value(n.input[1]) if n.op_type == 'Pad' and len(n.input) > 1 else None
        mode = [a.s for a in n.attribute if a.name == 'mode']
        if (pads is not None and not pads.any() and mode in ([], [b'constant']) and
                n.output[0] not in [o.name for o in g.output]):
            rename[n.output[0]] = n.input[0]
            continue
        keep.append(n)
    for n in keep:
        for i, name in enumerate(n.input):
            while name in rename:
                name = rename[name]
            n.input[i] = name
    used = {name for n in keep for name in n.input} | {o.name for o in g.output}
    keep = [n for n in keep if n.op_type != 'Constant' or n.output[0] in used]
    del g.node[:]
    g.node.extend(keep)
    del g.value_info[:]
    onnx.checker.check_model(model)
    model = onnx.shape_inference.infer_shapes(model, strict_mode=True)
    onnx.save(model, path)
    return len(rename)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--out-dir', default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), '..', 'examples', 'models'))
    ap.add_argument('--epochs', type=int, default=6)
    ap.add_argument('--threads', type=int, default=1)
    args = ap.parse_args()
    if not fmnist.available():
        print('Fashion-MNIST not found in %s: apt-get install dataset-fashion-mnist'
              % fmnist.DATA_DIR)
        return 1
    seed_everything(args.threads)
    train_u8, train_y = fmnist.load('train')
    test_u8, test_y = fmnist.load('test')
    x = torch.from_numpy(fmnist.normalize(train_u8))
    y = torch.from_numpy(train_y)
    tx = torch.from_numpy(fmnist.normalize(test_u8))
    ty = torch.from_numpy(test_y)

    model = Net()
    params = sum(p.numel() for p in model.parameters())
    macs = count_macs(model)
    print('%s: %d parameters, %d MACs per image' % (NAME, params, macs))
    assert params <= 20000, params
    train(model, x, y, args.epochs)
    model.eval()
    acc_f, correct_f = accuracy(model, tx, ty)
    print('float accuracy (PyTorch): %.2f %%' % acc_f)
    calib = x[:CALIB_IMAGES]
    acc_q, correct_q = pytorch_int8(model, calib, tx, ty)
    print('int8 accuracy (PyTorch FX PTQ, onednn): %.2f %%' % acc_q)

    os.makedirs(args.out_dir, exist_ok=True)
    onnx_path = os.path.join(args.out_dir, NAME + '.onnx')
    torch.onnx.export(model, tx[:1], onnx_path, input_names=['image'],
                      output_names=['logits'], opset_version=13,
                      dynamic_axes={'image': {0: 'N'}, 'logits': {0: 'N'}})
    print('removed %d no-op Pad node(s)' % drop_noop_pads(onnx_path))
    record = {
        'model': NAME + '.onnx',
        'dataset': 'Fashion-MNIST (Debian dataset-fashion-mnist)',
        'input': 'float32 [N, 1, 28, 28] = (pixel / 255 - %.4f) / %.4f' %
                 (fmnist.MEAN, fmnist.STD),
        'test_images': int(tx.shape[0]),
        'calibration_images': 'first %d training images' % CALIB_IMAGES,
        'parameters': int(params),
        'macs': int(macs),
        'accuracy_float': round(acc_f, 2),
        'correct_float': int(correct_f),
        'accuracy_int8_pytorch_onednn': round(acc_q, 2),
        'correct_int8_pytorch_onednn': int(correct_q),
        'pytorch_int8': 'FX graph mode post-training static quantization, '
                        'get_default_qconfig_mapping("onednn")',
        'torch_version': torch.__version__,
        'epochs': args.epochs,
        'seed': SEED,
        'made_by': 'tools/train_fashion_mnist.py',
    }
    with open(os.path.join(args.out_dir, NAME + '.json'), 'w') as f:
        json.dump(record, f, indent=2)
        f.write('\n')
    print('wrote %s and %s.json' % (onnx_path, NAME))
    return 0


if __name__ == '__main__':
    sys.exit(main())
