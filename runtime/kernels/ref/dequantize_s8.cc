// Int8 -> float32 dequantization (see kiln/ref/dequantize_s8.h).
#include "kiln/ref/dequantize_s8.h"

extern "C" void kiln_dequantize_s8_ref(const kiln_dequantize_s8_params_t* p,
                                       const int8_t* x, float* y) {
  for (int32_t i = 0; i < p->count; ++i) {
    // x - zp is exact in float (|x - zp| <= 255), so one rounding in total.
    y[i] = (float)((int32_t)x[i] - p->zero_point) * p->scale;
  }
}

extern "C" size_t kiln_dequantize_s8_ref_scratch_bytes(
    const kiln_dequantize_s8_params_t* p) {
  (void)p;
  return 0;
}
