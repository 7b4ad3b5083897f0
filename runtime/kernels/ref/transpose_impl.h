// The N-D transpose of the reference kernels, for any element type (internal:
// transpose_f32.cc and transpose_s8.cc instantiate it). A transpose moves
// elements without looking at them, so one odometer serves every type.
#ifndef KILN_KERNELS_REF_TRANSPOSE_IMPL_H_
#define KILN_KERNELS_REF_TRANSPOSE_IMPL_H_

#include <stddef.h>
#include <stdint.h>

#include "kiln/ref/transpose.h"

namespace kiln_internal {

// Walks the output in order with an odometer whose steps are the permuted input
// strides; the innermost output dimension is a tight strided gather.
template <typename T>
inline void Transpose(const kiln_transpose_params_t* p, const T* x, T* y) {
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

}  // namespace kiln_internal

#endif  // KILN_KERNELS_REF_TRANSPOSE_IMPL_H_
