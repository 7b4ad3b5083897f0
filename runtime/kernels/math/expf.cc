// kiln_expf: Cody-Waite reduction x = k*ln2 + r with |r| <= ln2/2, then the
// classic rational approximation of exp(r) (the fdlibm/FreeBSD scheme, < 1
// ULP), scaled by 2^k through the exponent bits. Pure float/int arithmetic for
// bit-identical targets.
#include "kiln/math.h"
#include "runtime/kernels/ref/internal.h"

namespace {
// ln2 split so that k * kLn2Hi is exact for |k| < 2^8 (kLn2Hi has 16 trailing
// zeros).
constexpr float kLn2Hi = 6.9314575195e-01f;  // 0x3f317200
constexpr float kLn2Lo = 1.4286067653e-06f;  // 0x35bfbe8e
constexpr float kInvLn2 = 1.4426950216e+00f;
// Remez coefficients of r*(exp(r)+1)/(exp(r)-1) ~ 2 + P1 r^2 + P2 r^4 on |r| <=
// ln2/2.
constexpr float kP1 = 1.6666625440e-1f;
constexpr float kP2 = -2.7667332906e-3f;
constexpr float kOverflow = 8.8722831726e+01f;    // 0x42b17217: above, +inf
constexpr float kUnderflow = -1.0397208405e+02f;  // 0xc2cff1b5: below, +0
}  // namespace

extern "C" float kiln_expf(float x) {
  using kiln_internal::BitsFloat;
  using kiln_internal::FloatBits;
  const uint32_t ux = FloatBits(x);
  const uint32_t ax = ux & 0x7fffffffu;
  if (ax >= 0x7f800000u) {               // inf or NaN
    if (ax > 0x7f800000u) return x + x;  // NaN (quietened)
    return (ux >> 31) ? 0.0f : x;        // exp(-inf) = 0, exp(+inf) = +inf
  }
  if (x > kOverflow) return __builtin_inff();
  if (x < kUnderflow) return 0.0f;
  if (ax < 0x39000000u)
    return 1.0f + x;  // |x| < 2^-13: exp(x) = 1 + x to 1/2 ULP

  // Range reduction. k = round(x / ln2); hi - lo = r exactly to ~2^-40
  // relative.
  int32_t k;
  float hi, lo;
  if (ax > 0x3eb17218u) {  // |x| > ln2/2
    const float half = (ux >> 31) ? -0.5f : 0.5f;
    k = (int32_t)(kInvLn2 * x +
                  half);  // truncation toward zero of x/ln2 +- 1/2
    const float t = (float)k;
    hi = x - t * kLn2Hi;
    lo = t * kLn2Lo;
  } else {
    k = 0;
    hi = x;
    lo = 0.0f;
  }
  const float r = hi - lo;
  const float t = r * r;
  const float c = r - t * (kP1 + t * kP2);
  if (k == 0) return 1.0f - ((r * c) / (c - 2.0f) - r);
  const float y = 1.0f - ((lo - (r * c) / (2.0f - c)) - hi);
  // Scale by 2^k. k in [-150, 128]; the two-step cases keep intermediate
  // results in range (k = 128 overflows the exponent field; k < -125 gives
  // denormals).
  if (k >= -125) {
    if (k == 128) return y * 2.0f * BitsFloat(0x7f000000u);  // y * 2^128
    return y * BitsFloat((uint32_t)(0x7f + k) << 23);
  }
  return y * BitsFloat((uint32_t)(0x7f + k + 100) << 23) *
         BitsFloat(0x0d800000u);  // 2^(k+100) * 2^-100
}
