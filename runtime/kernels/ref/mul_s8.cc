// Int8 reference broadcast multiplication (see kiln/ref/mul_s8.h): the int32
// product of zero-point-corrected values, requantized once.
#include "kiln/ref/mul_s8.h"
#include "runtime/kernels/ref/internal_s8.h"

namespace {

struct MulOp {
  const kiln_mul_s8_params_t* p;
  int8_t operator()(int32_t a, int32_t b) const {
    return kiln_requantize_s8((a - p->a_zero_point) * (b - p->b_zero_point),
                              p->output_multiplier, p->output_shift,
                              p->output_zero_point, p->act_min, p->act_max);
  }
};

}  // namespace

extern "C" void kiln_mul_s8_ref(const kiln_mul_s8_params_t* p, const int8_t* a,
                                const int8_t* b, int8_t* y) {
  kiln_internal::BroadcastBinaryS8(p->rank, p->out_shape, p->a_shape,
                                   p->b_shape, a, b, y, MulOp{p});
}

extern "C" size_t kiln_mul_s8_ref_scratch_bytes(const kiln_mul_s8_params_t* p) {
  (void)p;
  return 0;
}
