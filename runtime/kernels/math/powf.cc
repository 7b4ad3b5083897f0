// kiln_powf: C99 special cases first; exact repeated multiplication for small
// integer exponents (x^2 is then x*x rounded once, as in ONNX Runtime), sqrt
// for y = 0.5, and exp(y * log|x|) otherwise, whose relative error grows with
// |y * ln x|.
#include "kiln/math.h"
#include "runtime/kernels/ref/internal.h"

namespace {
inline bool IsNan(float v) { return v != v; }
}  // namespace

extern "C" float kiln_powf(float x, float y) {
  using kiln_internal::BitsFloat;
  using kiln_internal::FloatBits;
  if (y == 0.0f) return 1.0f;  // even for NaN x
  if (x == 1.0f) return 1.0f;  // even for NaN y
  if (IsNan(x) || IsNan(y)) return x + y;
  const float ay = BitsFloat(FloatBits(y) & 0x7fffffffu);
  const float ax = BitsFloat(FloatBits(x) & 0x7fffffffu);
  const bool x_neg = (FloatBits(x) >> 31) != 0;
  const float kInf = __builtin_inff();
  // Integer-ness of y: every float with |y| >= 2^24 is an even integer.
  bool y_int, y_odd;
  if (ay >= 16777216.0f) {
    y_int = true;
    y_odd = false;
  } else {
    const int32_t n = (int32_t)ay;
    y_int = ((float)n == ay);
    y_odd = y_int && (n & 1);
  }
  if (ay == kInf) {
    if (ax == 1.0f) return 1.0f;  // (-1)^+-inf = 1
    const bool grows = (ax > 1.0f) == (y > 0.0f);
    return grows ? kInf : 0.0f;
  }
  if (ax == 0.0f) {
    if (y < 0.0f) return (y_odd && x_neg) ? -kInf : kInf;
    return y_odd ? x : 0.0f;
  }
  if (ax == kInf) {
    const float mag = (y < 0.0f) ? 0.0f : kInf;
    return (x_neg && y_odd) ? -mag : mag;
  }
  if (x_neg && !y_int)
    return __builtin_nanf("");  // negative base, fractional y
  float r;
  if (y_int && ay <= 4.0f) {
    // Small integer powers by repeated multiplication: error <= (n-1)
    // roundings.
    const int32_t n = (int32_t)ay;
    r = ax;
    for (int32_t i = 1; i < n; ++i) r *= ax;
    if (y < 0.0f) r = 1.0f / r;
  } else if (y == 0.5f) {
    r = kiln_sqrtf(ax);
  } else {
    r = kiln_expf(y * kiln_logf(ax));
  }
  return (x_neg && y_odd) ? -r : r;
}
