// Float32 reference fully-connected layer (see kiln/ref/fully_connected.h).
#include "kiln/ref/fully_connected.h"
#include "runtime/kernels/ref/internal.h"

extern "C" void kiln_fully_connected_f32_ref(
    const kiln_fully_connected_params_t* p, const float* input,
    const float* weights, const float* bias, float* output) {
  const int32_t n_in = p->in_features;
  for (int32_t b = 0; b < p->batch; ++b) {
    const float* x = input + (ptrdiff_t)b * n_in;
    for (int32_t o = 0; o < p->out_features; ++o) {
      const float* w = weights + (ptrdiff_t)o * n_in;
      float acc = 0.0f;
      for (int32_t i = 0; i < n_in; ++i) acc += x[i] * w[i];
      if (bias != NULL) acc += bias[o];
      *output++ = kiln_internal::ClampAct(acc, p->act_min, p->act_max);
    }
  }
}

extern "C" size_t kiln_fully_connected_f32_ref_scratch_bytes(
    const kiln_fully_connected_params_t* p) {
  (void)p;
  return 0;
}
