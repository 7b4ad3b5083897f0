#!/usr/bin/python3
"""Models tier, int8 on real data: examples/models/fmnist_cnn.onnx (trained by
tools/train_fashion_mnist.py on Fashion-MNIST) quantized by kiln, calibrated on
the first 500 training images, evaluated on the full 10k test set.

  check_fmnist_int8.py KILN MODEL.onnx RECORD.json WORK_DIR

1. tools/fashion_mnist_npy.py makes the calibration folder and the test set
   from Debian's dataset-fashion-mnist (exit 77 = skipped when it is absent).
2. `kiln validate MODEL --quantize int8 --calibration CALIB --data TEST_X
   --labels TEST_Y --json`.
3. accuracy_float equals, within 0.01 points, the float accuracy PyTorch
   measured when training (RECORD.json: an oracle kiln did not compute), and
   accuracy_int8 >= accuracy_float - 0.5 points.
"""
import json
import os
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def points(v):
    """Accuracy in percentage points, whether kiln reports a fraction or %."""
    v = float(v)
    return 100.0 * v if v <= 1.0 else v


def main():
    kiln, model, record_path, work = sys.argv[1:5]
    os.makedirs(work, exist_ok=True)
    p = subprocess.run(['/usr/bin/python3', os.path.join(REPO, 'tools', 'fashion_mnist_npy.py'),
                        work], capture_output=True, text=True)
    if p.returncode == 77:
        print(p.stdout.strip())
        return 77
    if p.returncode != 0:
        sys.stderr.write('fashion_mnist_npy.py failed:\n%s%s' % (p.stdout, p.stderr))
        return 1
    with open(record_path) as f:
        record = json.load(f)
    cmd = [kiln, 'validate', model, '--quantize', 'int8',
           '--calibration', os.path.join(work, 'calib'),
           '--data', os.path.join(work, 'test_x.npy'),
           '--labels', os.path.join(work, 'test_y.npy'), '--json']
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.stderr.write('command failed (%d): %s\n%s\n%s\n' %
                         (p.returncode, ' '.join(cmd), p.stdout, p.stderr))
        return 1
    try:
        result = json.loads(p.stdout)
    except ValueError:
        sys.stderr.write('kiln validate --json did not print one JSON object:\n%s\n' % p.stdout)
        return 1
    acc_f = points(result['accuracy_float'])
    acc_q = points(result['accuracy_int8'])
    torch_f = float(record['accuracy_float'])
    print('float accuracy: kiln %.2f %%, PyTorch %.2f %%' % (acc_f, torch_f))
    print('int8 accuracy:  kiln %.2f %% (PyTorch onednn PTQ %.2f %%)' %
          (acc_q, float(record['accuracy_int8_pytorch_onednn'])))
    if 'top1_agreement' in result:
        print('top-1 agreement float/int8: %s' % result['top1_agreement'])
    layers = sorted(result.get('layers', []), key=lambda l: l.get('sqnr_db', 0.0))
    for layer in layers[:5]:
        print('  lowest SQNR: %-40s %6.1f dB' % (layer.get('name'), layer.get('sqnr_db', 0.0)))
    ok = True
    if abs(acc_f - torch_f) > 0.01 + 1e-9:
        print('FAIL: kiln float accuracy %.2f differs from PyTorch %.2f' % (acc_f, torch_f))
        ok = False
    if acc_q < acc_f - 0.5:
        print('FAIL: int8 accuracy %.2f is more than 0.5 points below float %.2f' %
              (acc_q, acc_f))
        ok = False
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
