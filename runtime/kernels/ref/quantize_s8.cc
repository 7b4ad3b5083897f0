// Float32 -> int8 quantization (see kiln/ref/quantize_s8.h). Rounds half to
// even with the 1.5 * 2^23 trick instead of libm's nearbyintf, so it has no
// library dependency and gives the same bits on soft-float targets.
#include "kiln/ref/quantize_s8.h"

extern "C" void kiln_quantize_s8_ref(const kiln_quantize_s8_params_t* p,
                                     const float* x, int8_t* y) {
  // Adding and subtracting 1.5 * 2^23 rounds any |v| <= 2^22 to an integer in
  // the current (round-to-nearest-even) mode; -fno-fast-math keeps the pair.
  const float kMagic = 12582912.0f;
  for (int32_t i = 0; i < p->count; ++i) {
    float v = x[i] / p->scale;
    if (v != v) v = 0.0f;  // NaN: zero point
    // Saturate first (also +-inf): beyond +-512 the int8 result is clamped
    // whatever the zero point is.
    v = (v < -512.0f) ? -512.0f : v;
    v = (v > 512.0f) ? 512.0f : v;
    const float r = (v + kMagic) - kMagic;
    int32_t q = (int32_t)r + p->zero_point;
    q = (q < (-128)) ? (-128) : q;
    q = (q > 127) ? 127 : q;
    y[i] = (int8_t)q;
  }
}

extern "C" size_t kiln_quantize_s8_ref_scratch_bytes(
    const kiln_quantize_s8_params_t* p) {
  (void)p;
  return 0;
}
