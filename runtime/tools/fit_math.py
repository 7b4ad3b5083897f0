#!/usr/bin/env python3
"""Fits the polynomial pieces of kiln_erff and kiln_tanhf (runtime/kernels/math/) with mpmath's
Chebyshev fit (near-minimax). Host-only; its output is pasted into erff.cc and tanhf.cc. Run:
python3 runtime/tools/fit_math.py"""
import mpmath as mp

mp.mp.dps = 40

def g(t):  # erf(sqrt(t))/sqrt(t), smooth in t = x^2
    if t == 0:
        return 2 / mp.sqrt(mp.pi)
    s = mp.sqrt(t)
    return mp.erf(s) / s

def show(name, coeffs, err):
    print(f"// {name}: max abs fit error {mp.nstr(err, 3)}")
    print("  " + ", ".join(f"{float(c):.9e}f" for c in coeffs))

# Small piece: erf(x) = x * P(x^2), |x| < 1.
c, err = mp.chebyfit(g, [0, 1], 8, error=True)
show("P(t), t=x^2 in [0,1], highest degree first", c, err)
# Tail pieces: erf(x) = Q_i(x - mid_i) on [a_i, b_i).
for a, b in [(1, 2), (2, 3), (3, 4)]:
    mid = mp.mpf(a + b) / 2
    c, err = mp.chebyfit(lambda u: mp.erf(u + mid), [a - mid, b - mid], 11, error=True)
    show(f"Q on [{a},{b}) in u = x - {float(mid)}", c, err)
# Where erf(x) rounds to 1.0f: 1 - erf(x) < 2^-25.
x = mp.findroot(lambda x: 1 - mp.erf(x) - mp.mpf(2) ** -25, 3.9)
print("erf(x) == 1.0f for x >=", mp.nstr(x, 10))

# kiln_tanhf small piece: tanh(x) = x + x * t * R(t), t = x^2 <= 0.36 (|x| < 0.6).
def r(t):
    if t == 0:
        return mp.mpf(-1) / 3
    s = mp.sqrt(t)
    return (mp.tanh(s) / s - 1) / t
c, err = mp.chebyfit(r, [0, 0.36], 7, error=True)
show("tanh R(t), t=x^2 in [0,0.36]", c, err)
