// Helpers shared by the int8 reference kernels (not part of the public API):
// the numpy broadcast iterator of add_s8/mul_s8, and QuantizeLinear's float
// rounding used by quantize_s8.
#ifndef KILN_KERNELS_REF_INTERNAL_S8_H_
#define KILN_KERNELS_REF_INTERNAL_S8_H_

#include <stddef.h>
#include <stdint.h>

#include "kiln/types.h"

namespace kiln_internal {

// Visits every output element of a numpy-broadcast binary op in row-major order
// and stores y[i] = op(a[ia], b[ib]); shapes are right-aligned to rank, extent
// 1 broadcasts. Same odometer as the float BroadcastBinary.
template <typename Op>
inline void BroadcastBinaryS8(int32_t rank, const int32_t* out_shape,
                              const int32_t* a_shape, const int32_t* b_shape,
                              const int8_t* a, const int8_t* b, int8_t* y,
                              Op op) {
  KILN_DCHECK(rank >= 1 && rank <= KILN_MAX_DIMS);
  ptrdiff_t sa[KILN_MAX_DIMS] = {0, 0, 0, 0, 0, 0};
  ptrdiff_t sb[KILN_MAX_DIMS] = {0, 0, 0, 0, 0, 0};
  ptrdiff_t acc_a = 1;
  ptrdiff_t acc_b = 1;
  for (int32_t d = rank - 1; d >= 0; --d) {
    sa[d] = (a_shape[d] == 1) ? 0 : acc_a;
    sb[d] = (b_shape[d] == 1) ? 0 : acc_b;
    acc_a *= a_shape[d];
    acc_b *= b_shape[d];
  }
  ptrdiff_t outer = 1;
  for (int32_t d = 0; d < rank - 1; ++d) outer *= out_shape[d];
  const int32_t inner = out_shape[rank - 1];
  const ptrdiff_t ia_step = sa[rank - 1];
  const ptrdiff_t ib_step = sb[rank - 1];
  int32_t idx[KILN_MAX_DIMS] = {0, 0, 0, 0, 0, 0};
  ptrdiff_t off_a = 0;
  ptrdiff_t off_b = 0;
  for (ptrdiff_t o = 0; o < outer; ++o) {
    const int8_t* pa = a + off_a;
    const int8_t* pb = b + off_b;
    for (int32_t i = 0; i < inner; ++i) {
      y[i] = op((int32_t)pa[i * ia_step], (int32_t)pb[i * ib_step]);
    }
    y += inner;
    for (int32_t d = rank - 2; d >= 0; --d) {
      off_a += sa[d];
      off_b += sb[d];
      if (++idx[d] < out_shape[d]) break;
      idx[d] = 0;
      off_a -= sa[d] * out_shape[d];
      off_b -= sb[d] * out_shape[d];
    }
  }
}

}  // namespace kiln_internal

#endif  // KILN_KERNELS_REF_INTERNAL_S8_H_
