// Float32 reference softmax over the middle axis of [outer][axis][inner] (see
// kiln/ref/softmax.h); exp values are parked in y, then divided by their sum.
#include "kiln/math.h"
#include "kiln/ref/softmax.h"
#include "runtime/kernels/ref/internal.h"

extern "C" void kiln_softmax_f32_ref(const kiln_softmax_params_t* p,
                                     const float* x, float* y) {
  const int32_t inner = p->inner;
  for (int32_t o = 0; o < p->outer; ++o) {
    for (int32_t i = 0; i < inner; ++i) {
      const ptrdiff_t base = (ptrdiff_t)o * p->axis * inner + i;
      const float* xs = x + base;
      float* ys = y + base;
      float m = -__builtin_inff();
      for (int32_t a = 0; a < p->axis; ++a) {
        const float v = xs[(ptrdiff_t)a * inner];
        if (v > m) m = v;
      }
      float sum = 0.0f;
      for (int32_t a = 0; a < p->axis; ++a) {
        const float e = kiln_expf(xs[(ptrdiff_t)a * inner] - m);
        ys[(ptrdiff_t)a * inner] = e;
        sum += e;
      }
      for (int32_t a = 0; a < p->axis; ++a) ys[(ptrdiff_t)a * inner] /= sum;
    }
  }
}

extern "C" size_t kiln_softmax_f32_ref_scratch_bytes(
    const kiln_softmax_params_t* p) {
  (void)p;
  return 0;
}
