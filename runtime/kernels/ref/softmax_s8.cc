// Int8 reference softmax (see kiln/ref/softmax_s8.h): table exp, 64-bit integer
// normalisation, then the one requantization routine. On 32-bit targets the
// 64-bit division is libgcc's __udivdi3 (integer, exact).
#include "kiln/ref/softmax_s8.h"

extern "C" void kiln_softmax_s8_ref(const kiln_softmax_s8_params_t* p,
                                    const int8_t* x, const int32_t* exp_lut,
                                    int8_t* y) {
  const int32_t inner = p->inner;
  for (int32_t o = 0; o < p->outer; ++o) {
    for (int32_t in = 0; in < inner; ++in) {
      const ptrdiff_t base = (ptrdiff_t)o * p->axis * inner + in;
      int32_t m = KILN_S8_MIN;
      for (int32_t a = 0; a < p->axis; ++a) {
        const int32_t v = x[base + (ptrdiff_t)a * inner];
        m = (v > m) ? v : m;
      }
      uint64_t sum = 0;
      for (int32_t a = 0; a < p->axis; ++a) {
        sum += (uint64_t)(uint32_t)exp_lut[m - x[base + (ptrdiff_t)a * inner]];
      }
      // sum >= exp_lut[0] = 2^20 > 0 (the maximum's own term).
      for (int32_t a = 0; a < p->axis; ++a) {
        const uint64_t e =
            (uint64_t)(uint32_t)exp_lut[m - x[base + (ptrdiff_t)a * inner]];
        const uint64_t prob =
            ((e << KILN_SOFTMAX_S8_PROB_BITS) + sum / 2) / sum;
        y[base + (ptrdiff_t)a * inner] =
            kiln_requantize_s8((int32_t)prob, p->multiplier, p->shift,
                               p->output_zero_point, KILN_S8_MIN, KILN_S8_MAX);
      }
    }
  }
}

extern "C" size_t kiln_softmax_s8_ref_scratch_bytes(
    const kiln_softmax_s8_params_t* p) {
  (void)p;
  return 0;
}
