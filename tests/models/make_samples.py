#!/usr/bin/python3
"""Writes deterministic synthetic sample inputs as one .npy batch.

  make_samples.py OUT.npy N SHAPE(1x32x32x3) LO HI SEED

Values come from a 32-bit linear congruential generator in integer arithmetic,
scaled to [LO, HI) in float32: the same bytes on every machine and numpy
version (the codegen golden snapshot of an int8 model depends on them).
Shape is one sample's; the file is [N, ...shape].
"""
import sys

import numpy as np


def main():
    out, n, shape, lo, hi, seed = sys.argv[1:7]
    dims = [int(d) for d in shape.split("x")]
    count = int(n) * int(np.prod(dims))
    state = int(seed) & 0xFFFFFFFF
    vals = np.empty(count, dtype=np.float64)
    for i in range(count):
        state = (1664525 * state + 1013904223) & 0xFFFFFFFF
        vals[i] = (state >> 8) / float(1 << 24)  # 24 bits: exact in float32
    lo, hi = float(lo), float(hi)
    x = (np.float32(lo) + vals.astype(np.float32) * np.float32(hi - lo)).astype(np.float32)
    np.save(out, x.reshape([int(n)] + dims))


if __name__ == "__main__":
    main()
