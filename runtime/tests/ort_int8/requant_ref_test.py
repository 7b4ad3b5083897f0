#!/usr/bin/python3
"""kiln's one requantization routine (kiln/requant.h) against an exact-integer
Python model written from its documented semantics (docs/runtime.md):

  kiln_multiply_by_quantized_multiplier(x, m, shift)
      = round_half_away_from_zero(x * m * 2^(shift - 31)), saturated to int32
  kiln_requantize_s8(acc, m, shift, zp, lo, hi)
      = clamp(sat_int32(that + zp), lo, hi)

The model uses Python's unbounded integers and divmod on the exact rational
x * m / 2^(31 - shift) (not the routine's add-half-and-shift on a magnitude), so
it shares no arithmetic trick with the C code. Inputs: random values over every
magnitude, exact ties of both signs built by construction, and edges (INT32_MIN,
INT32_MAX, 0, +-1, multipliers 0 / 1 / 2^30 / INT32_MAX / INT32_MIN / negative,
shifts -31 and 30, saturation of int32 and of int8, activation clamps).
Every result must be identical.

  requant_ref_test.py --driver BUILD/int8_driver --work DIR
"""
import argparse
import os
import random
import subprocess
import sys

import numpy as np

INT32_MIN, INT32_MAX = -2**31, 2**31 - 1
SHIFT_MIN, SHIFT_MAX = -31, 30


def round_half_away(num, den):
    """num / den (den > 0) rounded to nearest, ties away from zero, exactly."""
    q, r = divmod(abs(num), den)
    if 2 * r >= den:
        q += 1
    return q if num >= 0 else -q


def sat32(v):
    return max(INT32_MIN, min(INT32_MAX, v))


def mbqm(x, m, shift):
    # x * m * 2^(shift - 31) = x * m / 2^(31 - shift); 31 - shift is in [1, 62].
    return sat32(round_half_away(x * m, 2 ** (31 - shift)))


def requantize_s8(x, m, shift, zp, lo, hi):
    return max(lo, min(hi, sat32(mbqm(x, m, shift) + zp)))


def cases(rng):
    rows = []

    def add(x, m, s, zp=0, lo=-128, hi=127):
        rows.append((x, m, s, zp, lo, hi))

    edges_x = [0, 1, -1, 2, -2, 127, -128, 255, -255, 2**20, -2**20, 2**30, -2**30,
               INT32_MAX, INT32_MIN, INT32_MIN + 1, INT32_MAX - 1]
    edges_m = [0, 1, -1, 2**30, 2**30 + 1, 2**31 - 1, INT32_MIN, -2**30, 1518500250,
               1073741823, 1431655765]
    for x in edges_x:
        for m in edges_m:
            for s in (SHIFT_MIN, -30, -20, -8, -1, 0, 1, 2, 8, 20, 29, SHIFT_MAX):
                add(x, m, s, rng.randint(-128, 127))
    # Random: x over all magnitudes, multipliers as kiln_quantize_multiplier
    # makes them ([2^30, 2^31)) and anywhere in int32, every shift.
    for _ in range(60000):
        x = rng.choice([1, -1]) * rng.randint(0, 2 ** rng.randint(0, 31))
        x = sat32(x)
        if rng.random() < 0.8:
            m = rng.randint(2**30, 2**31 - 1)
        else:
            m = rng.randint(INT32_MIN, INT32_MAX)
        s = rng.randint(SHIFT_MIN, SHIFT_MAX)
        zp = rng.randint(-128, 127)
        lo = rng.choice([-128, zp, rng.randint(-128, 127)])
        hi = rng.choice([127, rng.randint(lo, 127)])
        add(x, m, s, zp, lo, hi)
    # Exact ties: x = ox * 2^a, m = om * 2^b (ox, om odd), so x * m = odd *
    # 2^(a + b); with r = 31 - shift = a + b + 1 the quotient is k + 1/2.
    for _ in range(20000):
        a = rng.randint(0, 30)
        b = rng.randint(0, 30)
        if a + b > 61:
            continue
        ox = rng.choice([1, -1]) * (2 * rng.randint(0, (2**(31 - a) - 2) // 2) + 1)
        om = rng.choice([1, 1, 1, -1]) * (2 * rng.randint(0, (2**(31 - b) - 2) // 2) + 1)
        x, m = ox * 2**a, om * 2**b
        if not (INT32_MIN <= x <= INT32_MAX and INT32_MIN <= m <= INT32_MAX):
            continue
        s = 31 - (a + b + 1)
        if SHIFT_MIN <= s <= SHIFT_MAX:
            add(x, m, s, rng.randint(-128, 127))
    # Small ties in the int8 range (what kernels hit): x / 2 for odd x, etc.
    for x in range(-600, 601):
        add(x, 2**30, 0, 0)          # x / 2: ties for every odd x
        add(x, 2**30, -1, 3)         # x / 4
        add(x, 3 * 2**28, -2, -5)    # 3x / 32
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--driver', required=True)
    ap.add_argument('--work', required=True)
    args = ap.parse_args()
    rng = random.Random(20261129)
    rows = cases(rng)
    d = os.path.join(args.work, 'requant')
    os.makedirs(d, exist_ok=True)
    np.array(rows, dtype=np.int64).astype(np.int32).tofile(os.path.join(d, 'req.bin'))
    with open(os.path.join(d, 'case.txt'), 'w') as f:
        f.write('op requant\n')
    r = subprocess.run([args.driver, d], capture_output=True, text=True)
    if r.returncode != 0:
        print('driver failed: ' + r.stderr.strip())
        return 1
    got = np.fromfile(os.path.join(d, 'y.bin'), dtype=np.int32).reshape(-1, 2)
    if got.shape[0] != len(rows):
        print('driver wrote %d rows for %d' % (got.shape[0], len(rows)))
        return 1
    bad = 0
    ties = 0
    for (x, m, s, zp, lo, hi), (g32, g8) in zip(rows, got.tolist()):
        e32 = mbqm(x, m, s)
        e8 = requantize_s8(x, m, s, zp, lo, hi)
        if 2 * (abs(x * m) % 2**(31 - s)) == 2**(31 - s):
            ties += 1
        if g32 != e32 or g8 != e8:
            bad += 1
            if bad <= 10:
                print('MISMATCH x=%d m=%d shift=%d zp=%d act=[%d,%d]: kiln %d/%d, '
                      'exact %d/%d' % (x, m, s, zp, lo, hi, g32, g8, e32, e8))
    print('requantization: %d inputs (%d exact ties), %d mismatches' %
          (len(rows), ties, bad))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
