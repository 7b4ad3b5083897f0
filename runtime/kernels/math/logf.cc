// kiln_logf: x = 2^k * (1 + f) with 1 + f in [sqrt(2)/2, sqrt(2)), log(1 + f)
// through s = f / (2 + f) and a Remez polynomial in s^2 (the fdlibm/FreeBSD
// scheme, < 1 ULP). Pure float/int arithmetic for bit-identical targets.
#include "kiln/math.h"
#include "runtime/kernels/ref/internal.h"

namespace {
constexpr float kLn2Hi = 6.9313812256e-01f;  // 0x3f317180, k * kLn2Hi exact
constexpr float kLn2Lo = 9.0580006145e-06f;  // 0x3717f7d1
constexpr float kTwo25 = 3.355443200e+07f;   // 2^25, normalises denormals
// Remez coefficients of (log(1+f) - 2s - s*... ) in powers of s^2.
constexpr float kLg1 = 6.6666662693e-01f;  // 0xaaaaaa.0p-24
constexpr float kLg2 = 4.0000972152e-01f;  // 0xccce13.0p-25
constexpr float kLg3 = 2.8498786688e-01f;  // 0x91e9ee.0p-25
constexpr float kLg4 = 2.4279078841e-01f;  // 0xf89e26.0p-26
}  // namespace

extern "C" float kiln_logf(float x) {
  using kiln_internal::BitsFloat;
  using kiln_internal::FloatBits;
  uint32_t ix = FloatBits(x);
  int32_t k = 0;
  if (ix < 0x00800000u || (ix >> 31)) {  // zero, denormal or negative
    if ((ix & 0x7fffffffu) == 0) return -__builtin_inff();  // log(+-0) = -inf
    if (ix >> 31) {
      if ((ix & 0x7fffffffu) > 0x7f800000u) return x + x;  // -NaN stays NaN
      return __builtin_nanf("");                           // log(x < 0) = NaN
    }
    k -= 25;  // denormal: scale into normal range
    x *= kTwo25;
    ix = FloatBits(x);
  }
  if (ix >= 0x7f800000u) return x + x;  // +inf or NaN
  k += (int32_t)(ix >> 23) - 127;
  ix &= 0x007fffffu;
  // Choose the exponent so that the mantissa m lies in [sqrt(2)/2, sqrt(2)).
  const uint32_t i = (ix + (0x95f64u << 3)) & 0x800000u;
  x = BitsFloat(ix | (i ^ 0x3f800000u));
  k += (int32_t)(i >> 23);
  const float f = x - 1.0f;
  const float dk = (float)k;
  if ((0x007fffffu & (0x8000u + ix)) < 0xc000u) {  // |f| < 2^-9: short series
    if (f == 0.0f) {
      if (k == 0) return 0.0f;
      return dk * kLn2Hi + dk * kLn2Lo;
    }
    const float r = f * f * (0.5f - 0.33333333333333333f * f);
    if (k == 0) return f - r;
    return dk * kLn2Hi - ((r - dk * kLn2Lo) - f);
  }
  const float s = f / (2.0f + f);
  const float z = s * s;
  const float w = z * z;
  const float t1 = w * (kLg2 + w * kLg4);
  const float t2 = z * (kLg1 + w * kLg3);
  const float r = t2 + t1;
  const int32_t ii = (int32_t)ix - (0x6147a << 3);
  const int32_t jj = (0x6b851 << 3) - (int32_t)ix;
  if ((ii | jj) > 0) {  // mantissa far from 1: use the 0.5*f^2 correction
    const float hfsq = 0.5f * f * f;
    if (k == 0) return f - (hfsq - s * (hfsq + r));
    return dk * kLn2Hi - ((hfsq - (s * (hfsq + r) + dk * kLn2Lo)) - f);
  }
  if (k == 0) return f - s * (f - r);
  return dk * kLn2Hi - ((s * (f - r) - dk * kLn2Lo) - f);
}
