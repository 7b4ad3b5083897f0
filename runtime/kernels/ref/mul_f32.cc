// Float32 reference broadcasting mul: the op itself; iteration is the shared
// broadcast iterator in internal.h.
#include "kiln/ref/mul.h"
#include "runtime/kernels/ref/internal.h"

namespace {
struct Op {
  float operator()(float x, float y) const { return x * y; }
};
}  // namespace

extern "C" void kiln_mul_f32_ref(const kiln_mul_params_t* p, const float* a,
                                 const float* b, float* y) {
  kiln_internal::BroadcastBinary(p, a, b, y, Op());
}

extern "C" size_t kiln_mul_f32_ref_scratch_bytes(const kiln_mul_params_t* p) {
  (void)p;
  return 0;
}
