// Float32 reference global max pooling, NHWC (see kiln/ref/global_maxpool.h).
#include "kiln/ref/global_maxpool.h"
#include "runtime/kernels/ref/internal.h"

extern "C" void kiln_global_maxpool_f32_ref(
    const kiln_global_maxpool_params_t* p, const float* input, float* output) {
  const int32_t c_n = p->channels;
  for (int32_t n = 0; n < p->batch; ++n) {
    const float* in_n = input + (ptrdiff_t)n * p->spatial * c_n;
    for (int32_t c = 0; c < c_n; ++c) output[c] = kiln_internal::kMaxPoolInit;
    for (int32_t s = 0; s < p->spatial; ++s) {
      const float* x = in_n + (ptrdiff_t)s * c_n;
      for (int32_t c = 0; c < c_n; ++c) {
        output[c] = kiln_internal::MaxPropagateNan(output[c], x[c]);
      }
    }
    for (int32_t c = 0; c < c_n; ++c) {
      output[c] = kiln_internal::ClampAct(output[c], p->act_min, p->act_max);
    }
    output += c_n;
  }
}

extern "C" size_t kiln_global_maxpool_f32_ref_scratch_bytes(
    const kiln_global_maxpool_params_t* p) {
  (void)p;
  return 0;
}
