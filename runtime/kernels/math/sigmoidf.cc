// kiln_sigmoidf: 1 / (1 + exp(-x)) for x >= 0 and exp(x) / (1 + exp(x)) for x <
// 0, so the exponential never overflows and tiny results (down to denormals)
// keep their relative accuracy.
#include "kiln/math.h"

extern "C" float kiln_sigmoidf(float x) {
  if (x >= 0.0f) return 1.0f / (1.0f + kiln_expf(-x));
  if (x < 0.0f) {
    const float e = kiln_expf(x);
    return e / (1.0f + e);
  }
  return x + x;  // NaN
}
