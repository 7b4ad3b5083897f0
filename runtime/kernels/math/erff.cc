// kiln_erff: erf(x) = x * P(x^2) for |x| < 1 and one polynomial in (|x| - mid)
// on each of [1,2), [2,3), [3,3.92); erf(x) rounds to +-1 beyond 3.9192.
// Coefficients are Chebyshev fits from runtime/tools/fit_math.py (fit errors
// <= 1.3e-10 absolute).
#include "kiln/math.h"
#include "runtime/kernels/ref/internal.h"

namespace {
// Horner evaluation, highest degree first, in float (no FMA:
// -ffp-contract=off).
template <int N>
inline float Poly(const float (&c)[N], float u) {
  float r = c[0];
  for (int i = 1; i < N; ++i) r = r * u + c[i];
  return r;
}

constexpr float kSmall[] = {
    -9.667044571e-06f, 1.126595903e-04f, -8.484080406e-04f, 5.221031808e-03f,
    -2.686543073e-02f, 1.128378250e-01f, -3.761263847e-01f, 1.128379167e+00f};
constexpr float kTail1[] = {
    -4.358005143e-05f, 1.540339842e-03f,  -2.374689619e-03f, -4.701123305e-03f,
    1.932746979e-02f,  -1.487085004e-02f, -4.459891604e-02f, 1.387522073e-01f,
    -1.783954331e-01f, 1.189302867e-01f,  9.661051465e-01f};
constexpr float kTail2[] = {
    6.919432340e-05f,  -2.454109717e-04f, 2.630653678e-04f,  5.410861645e-04f,
    -2.798751783e-03f, 6.117498245e-03f,  -8.622363407e-03f, 8.350082737e-03f,
    -5.445710722e-03f, 2.178284316e-03f,  9.995930480e-01f};
constexpr float kTail3[] = {
    -4.309066958e-06f, 1.554528646e-05f, -3.434428575e-05f, 5.814646632e-05f,
    -7.773483156e-05f, 8.212097440e-05f, -6.771823347e-05f, 4.229530850e-05f,
    -1.889798843e-05f, 5.399429253e-06f, 9.999992569e-01f};
}  // namespace

extern "C" float kiln_erff(float x) {
  const uint32_t ux = kiln_internal::FloatBits(x);
  const uint32_t ax = ux & 0x7fffffffu;
  if (ax > 0x7f800000u) return x + x;  // NaN
  const float a = kiln_internal::BitsFloat(ax);
  float y;
  if (a < 1.0f) {
    // For tiny x, 8x * P(0) / 8 keeps denormal inputs from losing bits early.
    if (ax < 0x31800000u) return (8.0f * x + 1.0270333367e+00f * x) * 0.125f;
    return x * Poly(kSmall, x * x);
  } else if (a < 2.0f) {
    y = Poly(kTail1, a - 1.5f);
  } else if (a < 3.0f) {
    y = Poly(kTail2, a - 2.5f);
  } else if (a < 3.9192059f) {
    y = Poly(kTail3, a - 3.5f);
  } else {
    y = 1.0f;
  }
  return (ux >> 31) ? -y : y;
}
