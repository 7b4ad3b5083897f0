// Float32 reference broadcasting min: NaN in either operand propagates, as in
// ONNX Runtime's Min; iteration is the shared broadcast iterator in internal.h.
#include "kiln/ref/min.h"
#include "runtime/kernels/ref/internal.h"

namespace {
struct Op {
  float operator()(float x, float y) const {
    return (x != x || y != y) ? x + y : ((y < x) ? y : x);
  }
};
}  // namespace

extern "C" void kiln_min_f32_ref(const kiln_min_params_t* p, const float* a,
                                 const float* b, float* y) {
  kiln_internal::BroadcastBinary(p, a, b, y, Op());
}

extern "C" size_t kiln_min_f32_ref_scratch_bytes(const kiln_min_params_t* p) {
  (void)p;
  return 0;
}
