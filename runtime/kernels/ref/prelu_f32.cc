// Float32 reference PRelu on the shared broadcast iterator (see
// kiln/ref/prelu.h).
#include "kiln/ref/prelu.h"
#include "runtime/kernels/ref/internal.h"

namespace {
struct Op {
  // Same form as ONNX Runtime (x < 0 ? slope * x : x): NaN stays NaN.
  float operator()(float x, float s) const { return (x < 0.0f) ? s * x : x; }
};
}  // namespace

extern "C" void kiln_prelu_f32_ref(const kiln_prelu_params_t* p, const float* x,
                                   const float* slope, float* y) {
  kiln_internal::BroadcastBinary(p, x, slope, y, Op());
}

extern "C" size_t kiln_prelu_f32_ref_scratch_bytes(
    const kiln_prelu_params_t* p) {
  (void)p;
  return 0;
}
