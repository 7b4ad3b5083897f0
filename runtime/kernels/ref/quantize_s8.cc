// Float32 -> int8 quantization (see kiln/ref/quantize_s8.h); the per-element
// rounding is kiln_quantize_one_s8, shared with the PULP kernel.
#include "kiln/ref/quantize_s8.h"

extern "C" void kiln_quantize_s8_ref(const kiln_quantize_s8_params_t* p,
                                     const float* x, int8_t* y) {
  for (int32_t i = 0; i < p->count; ++i) {
    y[i] = kiln_quantize_one_s8(x[i], p->scale, p->zero_point);
  }
}

extern "C" size_t kiln_quantize_s8_ref_scratch_bytes(
    const kiln_quantize_s8_params_t* p) {
  (void)p;
  return 0;
}
