// The requantization of the PULP conv / fully-connected kernels, per output
// channel (internal to runtime/kernels/pulp): exactly kiln_requantize_s8
// (kiln/requant.h), reorganised for a 32-bit core with the per-channel
// constants precomputed once per weight tile.
//
// kiln_requantize_s8 rounds P = acc * multiplier half away from zero at
// r = 31 - shift bits: y = sign(P) * ((|P| + 2^(r-1)) >> r). For P < 0 this is
// -floor((-P + h) / 2^r) = ceil((P - h) / 2^r) = floor((P + h - 1) / 2^r) with
// h = 2^(r-1) (because 2^r - h = h), so for every P
//   y = (P + h - [P < 0]) >> r        (arithmetic shift)
// with no magnitude or branch on the sign. When r >= 32 (shift <= -1, every
// real layer: the scale in_scale * w_scale / out_scale is below 1/2), |P| <= 2^62
// gives |y| <= 2^30, so the int32 saturation of the reference never acts, and
// the shift only needs the high word of the 64-bit sum: y = hi(P + c) >> (r - 32).
// Other shifts fall back to kiln_requantize_s8 itself. runtime/tests/pulp/
// conv2d_s8_test.cc compares both on random, extreme and tie-constructed values.
#ifndef KILN_KERNELS_PULP_REQUANT_PULP_H_
#define KILN_KERNELS_PULP_REQUANT_PULP_H_

#include <stdint.h>

#include "kiln/requant.h"

namespace kiln_pulp {

struct ChanQuant {
  int32_t corr;   // bias - izp * sum(w) + K * izp * wzp (kernel-specific)
  int32_t mult;   // Q31 multiplier
  int32_t rs;     // r - 32 in [0, 31], or -1: use kiln_requantize_s8 (shift)
  int32_t shift;  // the reference shift
  uint32_t h_lo;  // h = 2^(r-1) as a 64-bit number
  int32_t h_hi;
  int32_t wzp;    // weight zero point
};

inline void MakeChanQuant(int32_t mult, int32_t shift, ChanQuant* q) {
  q->mult = mult;
  q->shift = shift;
  const int32_t r = 31 - shift;
  if (r < 32) {
    q->rs = -1;
    q->h_lo = 0;
    q->h_hi = 0;
    return;
  }
  q->rs = r - 32;
  const uint64_t h = (uint64_t)1 << (r - 1);
  q->h_lo = (uint32_t)h;
  q->h_hi = (int32_t)(h >> 32);
}

__attribute__((always_inline)) inline int8_t Requant(const ChanQuant& q, int32_t acc,
                                                     int32_t zp, int32_t lo, int32_t hi) {
  int32_t y;
  if (__builtin_expect(q.rs >= 0, 1)) {
    const int64_t p = (int64_t)acc * q.mult;
    const uint32_t p_lo = (uint32_t)p;
    const int32_t p_hi = (int32_t)(p >> 32);
    // c = h - [p < 0] as a 64-bit number: the sign word is 0 or -1.
    const int32_t neg = p_hi >> 31;
    const uint32_t c_lo = q.h_lo + (uint32_t)neg;
    const int32_t c_hi = q.h_hi + neg + (int32_t)(c_lo < q.h_lo && neg != 0);
    const uint32_t s_lo = p_lo + c_lo;
    const int32_t s_hi = p_hi + c_hi + (int32_t)(s_lo < p_lo);
    y = s_hi >> q.rs;
  } else {
    return kiln_requantize_s8(acc, q.mult, q.shift, zp, lo, hi);
  }
  int32_t v = y + zp;
  v = v < lo ? lo : v;
  v = v > hi ? hi : v;
  return (int8_t)v;
}

}  // namespace kiln_pulp

#endif  // KILN_KERNELS_PULP_REQUANT_PULP_H_
