// Int8 reference global average pooling (see kiln/ref/global_avgpool_s8.h):
// int32 sums per channel, requantized once with 1/HW folded into the
// multiplier.
#include "kiln/ref/global_avgpool_s8.h"

extern "C" void kiln_global_avgpool_s8_ref(
    const kiln_global_avgpool_s8_params_t* p, const int8_t* input,
    int8_t* output) {
  const int32_t c_n = p->channels;
  for (int32_t n = 0; n < p->batch; ++n) {
    const int8_t* in_n = input + (ptrdiff_t)n * p->spatial * c_n;
    for (int32_t c = 0; c < c_n; ++c) {
      int32_t acc = 0;
      for (int32_t i = 0; i < p->spatial; ++i) {
        acc += in_n[(ptrdiff_t)i * c_n + c] - p->input_zero_point;
      }
      output[c] = kiln_requantize_s8(acc, p->multiplier, p->shift,
                                     p->output_zero_point, p->act_min,
                                     p->act_max);
    }
    output += c_n;
  }
}

extern "C" size_t kiln_global_avgpool_s8_ref_scratch_bytes(
    const kiln_global_avgpool_s8_params_t* p) {
  (void)p;
  return 0;
}
