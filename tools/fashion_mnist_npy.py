#!/usr/bin/python3
"""Turns Debian's Fashion-MNIST (package dataset-fashion-mnist, idx files in
/usr/share/datasets/fashion-mnist) into the .npy files kiln's int8 tools read.

  fashion_mnist_npy.py OUT_DIR [--calib N] [--data-dir DIR]

writes
  OUT_DIR/calib/00000.npy ...   the first N (default 500) training images, one
                                float32 [1, 1, 28, 28] file each (kiln's
                                --calibration folder)
  OUT_DIR/test_x.npy            the 10k test images, float32 [10000, 1, 28, 28]
  OUT_DIR/test_y.npy            their labels, int64 [10000]

Images are normalized as examples/models/fmnist_cnn.onnx expects:
(pixel / 255 - MEAN) / STD, MEAN and STD below (the training set's statistics,
rounded; tools/train_fashion_mnist.py imports them from here so training and
evaluation cannot drift apart). Exit 77 when the dataset is not installed.
"""
import argparse
import gzip
import os
import struct
import sys

import numpy as np

DATA_DIR = '/usr/share/datasets/fashion-mnist'
MEAN = 0.2860
STD = 0.3530
FILES = {
    'train_images': 'train-images-idx3-ubyte.gz',
    'train_labels': 'train-labels-idx1-ubyte.gz',
    'test_images': 't10k-images-idx3-ubyte.gz',
    'test_labels': 't10k-labels-idx1-ubyte.gz',
}


def read_idx(path):
    """Reads one (gzipped) idx file: big-endian magic 0x00 0x00 type ndim, then
    ndim big-endian uint32 dimensions, then the uint8 payload."""
    with gzip.open(path, 'rb') as f:
        raw = f.read()
    zero, dtype, ndim = struct.unpack('>HBB', raw[:4])
    if zero != 0 or dtype != 0x08:
        raise ValueError('%s: not an idx file of uint8 (magic %02x %02x)' %
                         (path, zero, dtype))
    dims = struct.unpack('>%dI' % ndim, raw[4:4 + 4 * ndim])
    data = np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * ndim)
    if data.size != int(np.prod(dims)):
        raise ValueError('%s: %d bytes of payload for shape %s' % (path, data.size, dims))
    return data.reshape(dims)


def available(data_dir=DATA_DIR):
    return all(os.path.exists(os.path.join(data_dir, f)) for f in FILES.values())


def load(split, data_dir=DATA_DIR):
    """split 'train' or 'test' -> (images uint8 [N, 28, 28], labels int64 [N])."""
    x = read_idx(os.path.join(data_dir, FILES[split + '_images']))
    y = read_idx(os.path.join(data_dir, FILES[split + '_labels'])).astype(np.int64)
    if x.shape[0] != y.shape[0] or x.shape[1:] != (28, 28):
        raise ValueError('%s: images %s vs labels %s' % (split, x.shape, y.shape))
    return x, y


def normalize(images_u8):
    """uint8 [N, 28, 28] -> float32 [N, 1, 28, 28], the model's input."""
    x = images_u8.astype(np.float32) / np.float32(255.0)
    x = (x - np.float32(MEAN)) / np.float32(STD)
    return x[:, None, :, :].astype(np.float32)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('out_dir')
    ap.add_argument('--calib', type=int, default=500,
                    help='number of training images for calibration (first N)')
    ap.add_argument('--data-dir', default=DATA_DIR)
    args = ap.parse_args()
    if not available(args.data_dir):
        print('SKIP: Fashion-MNIST not found in %s (apt-get install dataset-fashion-mnist)'
              % args.data_dir)
        return 77
    train_x, _ = load('train', args.data_dir)
    test_x, test_y = load('test', args.data_dir)
    calib_dir = os.path.join(args.out_dir, 'calib')
    os.makedirs(calib_dir, exist_ok=True)
    for old in os.listdir(calib_dir):
        if old.endswith('.npy'):
            os.remove(os.path.join(calib_dir, old))
    calib = normalize(train_x[:args.calib])
    for i in range(calib.shape[0]):
        np.save(os.path.join(calib_dir, '%05d.npy' % i), calib[i:i + 1])
    np.save(os.path.join(args.out_dir, 'test_x.npy'), normalize(test_x))
    np.save(os.path.join(args.out_dir, 'test_y.npy'), test_y)
    print('fashion_mnist_npy: %d calibration images, %d test images in %s' %
          (calib.shape[0], test_x.shape[0], args.out_dir))
    return 0


if __name__ == '__main__':
    sys.exit(main())
