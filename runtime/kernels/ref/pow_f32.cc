// Float32 reference broadcasting pow via kiln_powf (x^2 is x*x rounded once,
// like ONNX Runtime); iteration is the shared broadcast iterator in internal.h.
#include "kiln/math.h"
#include "kiln/ref/pow.h"
#include "runtime/kernels/ref/internal.h"

namespace {
struct Op {
  float operator()(float x, float y) const { return kiln_powf(x, y); }
};
}  // namespace

extern "C" void kiln_pow_f32_ref(const kiln_pow_params_t* p, const float* a,
                                 const float* b, float* y) {
  kiln_internal::BroadcastBinary(p, a, b, y, Op());
}

extern "C" size_t kiln_pow_f32_ref_scratch_bytes(const kiln_pow_params_t* p) {
  (void)p;
  return 0;
}
