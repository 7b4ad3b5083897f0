// Float32 reference per-channel affine (see kiln/ref/scale_bias.h).
#include "kiln/ref/scale_bias.h"
#include "runtime/kernels/ref/internal.h"

extern "C" void kiln_scale_bias_f32_ref(const kiln_scale_bias_params_t* p,
                                        const float* x, const float* scale,
                                        const float* bias, float* y) {
  const int32_t c_n = p->channels;
  for (int32_t o = 0; o < p->outer; ++o) {
    for (int32_t c = 0; c < c_n; ++c) {
      float v = x[c] * scale[c];
      if (bias != NULL) v += bias[c];
      y[c] = kiln_internal::ClampAct(v, p->act_min, p->act_max);
    }
    x += c_n;
    y += c_n;
  }
}

extern "C" size_t kiln_scale_bias_f32_ref_scratch_bytes(
    const kiln_scale_bias_params_t* p) {
  (void)p;
  return 0;
}
