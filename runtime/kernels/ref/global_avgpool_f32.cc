// Float32 reference global average pooling, NHWC (see
// kiln/ref/global_avgpool.h).
#include "kiln/ref/global_avgpool.h"
#include "runtime/kernels/ref/internal.h"

extern "C" void kiln_global_avgpool_f32_ref(
    const kiln_global_avgpool_params_t* p, const float* input, float* output) {
  const int32_t c_n = p->channels;
  for (int32_t n = 0; n < p->batch; ++n) {
    const float* in_n = input + (ptrdiff_t)n * p->spatial * c_n;
    // Output channels are the accumulators; each sums positions ascending.
    for (int32_t c = 0; c < c_n; ++c) output[c] = 0.0f;
    for (int32_t s = 0; s < p->spatial; ++s) {
      const float* x = in_n + (ptrdiff_t)s * c_n;
      for (int32_t c = 0; c < c_n; ++c) output[c] += x[c];
    }
    for (int32_t c = 0; c < c_n; ++c) {
      output[c] = kiln_internal::ClampAct(output[c] / (float)p->spatial,
                                          p->act_min, p->act_max);
    }
    output += c_n;
  }
}

extern "C" size_t kiln_global_avgpool_f32_ref_scratch_bytes(
    const kiln_global_avgpool_params_t* p) {
  (void)p;
  return 0;
}
