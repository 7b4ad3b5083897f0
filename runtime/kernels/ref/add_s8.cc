// Int8 reference broadcast addition (see kiln/ref/add_s8.h): the TFLite add
// scheme, every rounding through the one requantization routine.
#include "kiln/ref/add_s8.h"
#include "runtime/kernels/ref/internal_s8.h"

namespace {

struct AddOp {
  const kiln_add_s8_params_t* p;
  int8_t operator()(int32_t a, int32_t b) const {
    // (x - zp) << left_shift written as a multiply: |x - zp| <= 255, so
    // 255 * 2^20 stays far inside int32 and no negative value is shifted.
    const int32_t scale_up = (int32_t)1 << p->left_shift;
    const int32_t av = kiln_multiply_by_quantized_multiplier(
        (a - p->a_zero_point) * scale_up, p->a_multiplier, p->a_shift);
    const int32_t bv = kiln_multiply_by_quantized_multiplier(
        (b - p->b_zero_point) * scale_up, p->b_multiplier, p->b_shift);
    return kiln_requantize_s8(av + bv, p->output_multiplier, p->output_shift,
                              p->output_zero_point, p->act_min, p->act_max);
  }
};

}  // namespace

extern "C" void kiln_add_s8_ref(const kiln_add_s8_params_t* p, const int8_t* a,
                                const int8_t* b, int8_t* y) {
  kiln_internal::BroadcastBinaryS8(p->rank, p->out_shape, p->a_shape,
                                   p->b_shape, a, b, y, AddOp{p});
}

extern "C" size_t kiln_add_s8_ref_scratch_bytes(const kiln_add_s8_params_t* p) {
  (void)p;
  return 0;
}
