// Int8 reference concat (see kiln/ref/concat_s8.h): one slice per input per
// outer index, each element through the one requantization routine.
#include "kiln/ref/concat_s8.h"

extern "C" void kiln_concat_s8_ref(const kiln_concat_s8_params_t* p,
                                   const int8_t* const* inputs,
                                   int8_t* output) {
  for (int32_t o = 0; o < p->outer; ++o) {
    for (int32_t k = 0; k < p->num_inputs; ++k) {
      const int32_t n = p->slice_elems[k];
      const int8_t* x = inputs[k] + (ptrdiff_t)o * n;
      const int32_t zp = p->input_zero_points[k];
      const int32_t mult = p->multipliers[k];
      const int32_t shift = p->shifts[k];
      for (int32_t i = 0; i < n; ++i) {
        output[i] = kiln_requantize_s8((int32_t)x[i] - zp, mult, shift,
                                       p->output_zero_point, KILN_S8_MIN,
                                       KILN_S8_MAX);
      }
      output += n;
    }
  }
}

extern "C" size_t kiln_concat_s8_ref_scratch_bytes(
    const kiln_concat_s8_params_t* p) {
  (void)p;
  return 0;
}
