// Float32 reference fully-connected layer (see kiln/ref/fully_connected.h).
#include "kiln/ref/fully_connected.h"
#include "runtime/kernels/ref/internal.h"

namespace {

// Outputs [o, o + kN) of one row: independent accumulators, each summing over i
// ascending, so the bits equal the one-output loop (four at a time is faster).
template <int kN>
inline void FcOutputs(const kiln_fully_connected_params_t* p, const float* x,
                      const float* weights, const float* bias, int32_t o,
                      float* out) {
  const int32_t n_in = p->in_features;
  const float* w = weights + (ptrdiff_t)o * n_in;
  float acc[kN];
  for (int j = 0; j < kN; ++j) acc[j] = 0.0f;
  for (int32_t i = 0; i < n_in; ++i) {
    const float xv = x[i];
    for (int j = 0; j < kN; ++j) acc[j] += xv * w[(ptrdiff_t)j * n_in + i];
  }
  for (int j = 0; j < kN; ++j) {
    float v = acc[j];
    if (bias != NULL) v += bias[o + j];
    out[j] = kiln_internal::ClampAct(v, p->act_min, p->act_max);
  }
}

}  // namespace

extern "C" void kiln_fully_connected_f32_ref(
    const kiln_fully_connected_params_t* p, const float* input,
    const float* weights, const float* bias, float* output) {
  for (int32_t b = 0; b < p->batch; ++b) {
    const float* x = input + (ptrdiff_t)b * p->in_features;
    int32_t o = 0;
    for (; o + 4 <= p->out_features; o += 4) {
      FcOutputs<4>(p, x, weights, bias, o, output + o);
    }
    for (; o < p->out_features; ++o) {
      FcOutputs<1>(p, x, weights, bias, o, output + o);
    }
    output += p->out_features;
  }
}

extern "C" size_t kiln_fully_connected_f32_ref_scratch_bytes(
    const kiln_fully_connected_params_t* p) {
  (void)p;
  return 0;
}
