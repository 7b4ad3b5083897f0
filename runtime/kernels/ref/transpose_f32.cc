// Float32 reference N-D transpose: walks the output in order with an odometer
// whose steps are the permuted input strides (see kiln/ref/transpose.h).
#include "kiln/ref/transpose.h"
#include "runtime/kernels/ref/internal.h"

extern "C" void kiln_transpose_f32_ref(const kiln_transpose_params_t* p,
                                       const float* x, float* y) {
  const int32_t rank = p->rank;
  KILN_DCHECK(rank >= 1 && rank <= KILN_MAX_DIMS);
  ptrdiff_t in_stride[KILN_MAX_DIMS] = {0, 0, 0, 0, 0, 0};
  ptrdiff_t acc = 1;
  for (int32_t d = rank - 1; d >= 0; --d) {
    in_stride[d] = acc;
    acc *= p->in_shape[d];
  }
  int32_t out_shape[KILN_MAX_DIMS] = {0, 0, 0, 0, 0, 0};
  // Input stride of each output dimension.
  ptrdiff_t step[KILN_MAX_DIMS] = {0, 0, 0, 0, 0, 0};
  for (int32_t d = 0; d < rank; ++d) {
    out_shape[d] = p->in_shape[p->perm[d]];
    step[d] = in_stride[p->perm[d]];
  }
  const ptrdiff_t total = acc;
  if (total == 0) return;
  int32_t idx[KILN_MAX_DIMS] = {0, 0, 0, 0, 0, 0};
  ptrdiff_t off = 0;
  const int32_t last = rank - 1;
  const int32_t inner = out_shape[last];
  const ptrdiff_t inner_step = step[last];
  for (ptrdiff_t o = 0; o < total; o += inner) {
    for (int32_t i = 0; i < inner; ++i) y[i] = x[off + i * inner_step];
    y += inner;
    for (int32_t d = last - 1; d >= 0; --d) {
      off += step[d];
      if (++idx[d] < out_shape[d]) break;
      idx[d] = 0;
      off -= step[d] * out_shape[d];
    }
  }
}

extern "C" size_t kiln_transpose_f32_ref_scratch_bytes(
    const kiln_transpose_params_t* p) {
  (void)p;
  return 0;
}
