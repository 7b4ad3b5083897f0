// Int8 reference tensor requantization (see kiln/ref/requantize_s8.h): the one
// requantization routine applied elementwise.
#include "kiln/ref/requantize_s8.h"

extern "C" void kiln_requantize_s8_ref(const kiln_requantize_s8_params_t* p,
                                       const int8_t* x, int8_t* y) {
  for (int32_t i = 0; i < p->count; ++i) {
    y[i] = kiln_requantize_s8((int32_t)x[i] - p->input_zero_point,
                              p->multiplier, p->shift, p->output_zero_point,
                              p->act_min, p->act_max);
  }
}

extern "C" size_t kiln_requantize_s8_ref_scratch_bytes(
    const kiln_requantize_s8_params_t* p) {
  (void)p;
  return 0;
}
