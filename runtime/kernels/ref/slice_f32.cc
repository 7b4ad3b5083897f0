// Float32 reference N-D strided slice (see kiln/ref/slice.h): an odometer over
// the output whose per-dimension input step is steps[d] * stride[d].
#include "kiln/ref/slice.h"
#include "runtime/kernels/ref/internal.h"

extern "C" void kiln_slice_f32_ref(const kiln_slice_params_t* p, const float* x,
                                   float* y) {
  const int32_t rank = p->rank;
  KILN_DCHECK(rank >= 1 && rank <= KILN_MAX_DIMS);
  ptrdiff_t step[KILN_MAX_DIMS] = {0, 0, 0, 0, 0, 0};
  ptrdiff_t acc = 1;
  ptrdiff_t base = 0;
  ptrdiff_t total = 1;
  for (int32_t d = rank - 1; d >= 0; --d) {
    step[d] = (ptrdiff_t)p->steps[d] * acc;
    base += (ptrdiff_t)p->starts[d] * acc;
    acc *= p->in_shape[d];
    total *= p->out_shape[d];
  }
  if (total <= 0) return;
  const int32_t last = rank - 1;
  const int32_t inner = p->out_shape[last];
  const ptrdiff_t inner_step = step[last];
  int32_t idx[KILN_MAX_DIMS] = {0, 0, 0, 0, 0, 0};
  ptrdiff_t off = base;
  for (ptrdiff_t o = 0; o < total; o += inner) {
    for (int32_t i = 0; i < inner; ++i) y[i] = x[off + i * inner_step];
    y += inner;
    for (int32_t d = last - 1; d >= 0; --d) {
      off += step[d];
      if (++idx[d] < p->out_shape[d]) break;
      idx[d] = 0;
      off -= step[d] * p->out_shape[d];
    }
  }
}

extern "C" size_t kiln_slice_f32_ref_scratch_bytes(
    const kiln_slice_params_t* p) {
  (void)p;
  return 0;
}
