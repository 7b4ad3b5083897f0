// The requantization of the PULP conv / fully-connected kernels, per output
// channel (internal to runtime/kernels/pulp): exactly kiln_requantize_s8
// (kiln/requant.h), reorganised for a 32-bit core with the per-channel
// constants (and the output zero point) precomputed once per weight tile.
//
// kiln_requantize_s8 rounds P = acc * multiplier half away from zero at
// r = 31 - shift bits: y = sign(P) * ((|P| + 2^(r-1)) >> r). For P < 0 this is
// -floor((-P + h) / 2^r) = ceil((P - h) / 2^r) = floor((P + h - 1) / 2^r) with
// h = 2^(r-1) (because 2^r - h = h), so for every P
//   y = (P + h - [P < 0]) >> r        (arithmetic shift).
//
// Fast form. Write multiplier = m * 2^t with m odd (t = its trailing zeros):
// P / 2^r = acc * m / 2^r' with r' = r - t, so the same rounding of P' = acc * m
// at r' bits gives the same y. When r' >= 33, h' = 2^(r'-1) has a zero low
// word, and the low word of P' + h' - [P' < 0] only matters through a borrow
// when the low word of P' is 0; as m is odd that needs acc = 0 (mod 2^32), i.e.
// P' = 0, which is not negative. So
//   y = (hi(acc * m) + 2^(r'-33)) >> (r' - 32)
// exactly: one mulh, one add, one shift. |acc * m| < 2^62 bounds the high word
// below 2^30 in magnitude, and |y| <= 2^30, so the reference's int32 saturation
// never acts. The output zero point is folded into the added constant
// (zp * 2^rs added before a shift by rs is zp added after it) when that cannot
// overflow (rs <= 22: |2^(rs-1) + zp * 2^rs| < 2^30). Every real layer takes
// this form (scale = in_scale * w_scale / out_scale below 2^-2 and a multiplier
// with a few trailing zeros at most); all other channels call
// kiln_requantize_s8 itself. runtime/tests/pulp/conv2d_s8_test.cc compares
// both on random, extreme and near-tie values.
#ifndef KILN_KERNELS_PULP_REQUANT_PULP_H_
#define KILN_KERNELS_PULP_REQUANT_PULP_H_

#include <stdint.h>

#include "kiln/requant.h"

#if defined(__riscv)
#include "runtime/platform/pulp/xpulp.h"
#endif

namespace kiln_pulp {

struct ChanQuant {
  int32_t corr;   // bias - izp * sum(w) + K * izp * wzp (kernel-specific)
  int32_t wzp;    // weight zero point
  int32_t m;      // fast form: the odd part of the multiplier
  int32_t add;    // fast form: 2^(rs-1) + zp * 2^rs
  int32_t rs;     // fast form: r' - 32 in [1, 22]; 0: call kiln_requantize_s8
  int32_t mult;   // the reference multiplier and shift
  int32_t shift;
};

inline void MakeChanQuant(int32_t mult, int32_t shift, int32_t zp, ChanQuant* q) {
  q->mult = mult;
  q->shift = shift;
  q->rs = 0;
  q->m = 0;
  q->add = 0;
  int32_t m = mult;
  int32_t r = 31 - shift;
  while (m != 0 && (m & 1) == 0) {
    m >>= 1;  // exact: the bit shifted out is 0 (also for a negative m)
    --r;
  }
  const int32_t rs = r - 32;
  if (rs < 1 || rs > 22) return;
  q->m = m;
  q->rs = rs;
  q->add = (int32_t)((1u << (rs - 1)) + (uint32_t)zp * (1u << rs));
}

// The high word of acc * m (mulh on RISC-V).
__attribute__((always_inline)) inline int32_t MulHi(int32_t acc, int32_t m) {
  return (int32_t)(((int64_t)acc * m) >> 32);
}

// clamp(v, lo, hi) for lo, hi within int8 as the reference does it (first the
// lower bound, then the upper): on RISC-V cv.clip to [-128, 127], then the
// byte-lane max / min with lo4 = lo and hi4 = hi in every lane (the low lane is
// the result; the others are never stored).
// The result is an int8 value in an int32 (or, on RISC-V, a word whose low byte
// is it): callers store it as a byte.
__attribute__((always_inline)) inline int32_t ClampS8(int32_t v, int32_t lo, int32_t hi,
                                                       uint32_t lo4, uint32_t hi4) {
#if defined(__riscv)
  (void)lo;
  (void)hi;
  const uint32_t c = (uint32_t)XPULP_CLIP(v, 8);
  return (int32_t)xpulp_min_b(xpulp_max_b(c, lo4), hi4);
#else
  (void)lo4;
  (void)hi4;
  v = v < lo ? lo : v;
  v = v > hi ? hi : v;
  return v;
#endif
}

inline uint32_t SplatS8(int32_t v) { return 0x01010101u * (uint32_t)(uint8_t)v; }

// kiln_requantize_s8(acc, q.mult, q.shift, zp, lo, hi) for the zp that q was
// made with, lo4 / hi4 = SplatS8(lo / hi), in the low byte of the result (store
// it as (int8_t); the upper bytes are unspecified).
__attribute__((always_inline)) inline int32_t Requant(const ChanQuant& q, int32_t acc,
                                                     int32_t zp, int32_t lo, int32_t hi,
                                                     uint32_t lo4, uint32_t hi4) {
  if (__builtin_expect(q.rs > 0, 1)) {
    const int32_t v =
        (int32_t)((uint32_t)MulHi(acc, q.m) + (uint32_t)q.add) >> q.rs;
    return ClampS8(v, lo, hi, lo4, hi4);
  }
  return kiln_requantize_s8(acc, q.mult, q.shift, zp, lo, hi);
}

}  // namespace kiln_pulp

#endif  // KILN_KERNELS_PULP_REQUANT_PULP_H_
