// kiln_tanhf: odd polynomial for |x| < 0.6 (fitted by
// runtime/tools/fit_math.py), 1 - 2 / (exp(2|x|) + 1) above, where the
// cancellation is mild; saturates to +-1 naturally as exp overflows.
#include "kiln/math.h"
#include "runtime/kernels/ref/internal.h"

extern "C" float kiln_tanhf(float x) {
  const uint32_t ax = kiln_internal::FloatBits(x) & 0x7fffffffu;
  if (ax > 0x7f800000u) return x + x;  // NaN
  const float a = kiln_internal::BitsFloat(ax);
  if (a < 0.6f) {
    if (ax < 0x39800000u) return x;  // |x| < 2^-12: tanh(x) = x to 1/2 ULP
    // tanh(x) = x + x * t * R(t), t = x^2, R fitted on [0, 0.36] (abs
    // err 3.5e-11).
    const float t = x * x;
    float r = -8.965438806e-04f;
    r = r * t + 3.341779279e-03f;
    r = r * t + -8.804699129e-03f;
    r = r * t + 2.186230766e-02f;
    r = r * t + -5.396782959e-02f;
    r = r * t + 1.333333239e-01f;
    r = r * t + -3.333333333e-01f;
    return x + x * (t * r);
  }
  const float e = kiln_expf(a + a);
  const float y = 1.0f - 2.0f / (e + 1.0f);
  return (x < 0.0f) ? -y : y;
}
