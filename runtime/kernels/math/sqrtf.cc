// kiln_sqrtf: correctly rounded square root by the bit-by-bit integer method on
// the mantissa (restoring square root, one result bit per step), so it is exact
// on every target including FPU-less rv32im, and agrees with IEEE sqrt bit for
// bit.
#include "kiln/math.h"
#include "runtime/kernels/ref/internal.h"

extern "C" float kiln_sqrtf(float x) {
  using kiln_internal::BitsFloat;
  using kiln_internal::FloatBits;
  const uint32_t ux = FloatBits(x);
  if ((ux & 0x7fffffffu) == 0) return x;  // sqrt(+-0) = +-0
  if (ux >> 31) {
    if ((ux & 0x7fffffffu) > 0x7f800000u) return x + x;  // -NaN stays NaN
    return __builtin_nanf("");                           // sqrt(x < 0) = NaN
  }
  if (ux >= 0x7f800000u) return x + x;  // +inf, NaN
  int32_t m = (int32_t)(ux >> 23);
  uint32_t ix = ux;
  if (m == 0) {  // denormal: normalise
    int32_t i = 0;
    while ((ix & 0x00800000u) == 0) {
      ix <<= 1;
      ++i;
    }
    m -= i - 1;
  }
  m -= 127;
  ix = (ix & 0x007fffffu) | 0x00800000u;
  if (m & 1) ix += ix;    // odd exponent: take one factor 2 into the mantissa
  m = (m - (m & 1)) / 2;  // floor(m / 2) without relying on signed shifts
  // Generate the 25-bit root q of ix * 2^... one bit at a time (24 bits + round
  // bit).
  ix += ix;
  uint32_t q = 0, s = 0, r = 0x01000000u;
  while (r != 0) {
    const uint32_t t = s + r;
    if (t <= ix) {
      s = t + r;
      ix -= t;
      q += r;
    }
    ix += ix;
    r >>= 1;
  }
  if (ix != 0)
    q += (q & 1);  // round to nearest even using the sticky remainder
  uint32_t bits = (q >> 1) + 0x3f000000u;
  bits += (uint32_t)m << 23;
  return BitsFloat(bits);
}
