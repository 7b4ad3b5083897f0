// Int8 reference fully-connected layer (see kiln/ref/fully_connected_s8.h):
// an int32 dot product of zero-point-corrected values per output, then the one
// requantization routine.
#include "kiln/ref/fully_connected_s8.h"

extern "C" void kiln_fully_connected_s8_ref(
    const kiln_fully_connected_s8_params_t* p, const int8_t* input,
    const int8_t* weights, const int32_t* bias, int8_t* output) {
  const int32_t k_n = p->in_features;
  for (int32_t b = 0; b < p->batch; ++b) {
    const int8_t* x = input + (ptrdiff_t)b * k_n;
    for (int32_t o = 0; o < p->out_features; ++o) {
      const int32_t qi = p->per_channel ? o : 0;
      const int32_t w_zp =
          p->weight_zero_points != NULL ? p->weight_zero_points[qi] : 0;
      const int8_t* w = weights + (ptrdiff_t)o * k_n;
      int32_t acc = 0;
      for (int32_t k = 0; k < k_n; ++k) {
        acc += ((int32_t)x[k] - p->input_zero_point) * ((int32_t)w[k] - w_zp);
      }
      if (bias != NULL) acc += bias[o];
      output[o] = kiln_requantize_s8(acc, p->multipliers[qi], p->shifts[qi],
                                     p->output_zero_point, p->act_min,
                                     p->act_max);
    }
    output += p->out_features;
  }
}

extern "C" size_t kiln_fully_connected_s8_ref_scratch_bytes(
    const kiln_fully_connected_s8_params_t* p) {
  (void)p;
  return 0;
}
