// Helpers shared by the float32 reference kernels (not part of the public API):
// the fused-activation clamp and the numpy broadcast iterator used by
// add/sub/mul/div/prelu.
#ifndef KILN_KERNELS_REF_INTERNAL_H_
#define KILN_KERNELS_REF_INTERNAL_H_

#include <stddef.h>
#include <stdint.h>

#include "kiln/ref/broadcast.h"
#include "kiln/types.h"

namespace kiln_internal {

// Fused activation clamp. Written as max(x, lo) then min(., hi) with the
// comparison order of std::max/std::min, so NaN passes through unchanged
// exactly as in ONNX Runtime's Relu (max(x, 0)) and Clip; -inf/+inf bounds make
// it the identity.
inline float ClampAct(float v, float lo, float hi) {
  v = (v < lo) ? lo : v;
  v = (hi < v) ? hi : v;
  return v;
}

// Start value of max pooling: the lowest finite float, as in ONNX Runtime, so a
// window that lies wholly in the padding (possible in ceil mode) gives
// -FLT_MAX.
constexpr float kMaxPoolInit = -3.40282347e+38f;

// Running max that propagates NaN (like numpy and kiln's ReduceMax): once a NaN
// tap is seen the result stays NaN. ONNX Runtime's SIMD max pooling keeps or
// drops NaN depending on lane order, so there is no order to match there.
inline float MaxPropagateNan(float m, float v) {
  return (v > m || v != v) ? v : m;
}

// Visits every output element of a numpy-broadcast binary op in row-major order
// and stores y[i] = ClampAct(op(a[ia], b[ib])). Dimensions where an input has
// extent 1 get stride 0. The innermost dimension is a tight loop; outer ones
// advance an odometer.
template <typename Op>
inline void BroadcastBinary(const kiln_broadcast_params_t* p, const float* a,
                            const float* b, float* y, Op op) {
  const int32_t rank = p->rank;
  KILN_DCHECK(rank >= 1 && rank <= KILN_MAX_DIMS);
  ptrdiff_t sa[KILN_MAX_DIMS] = {0, 0, 0, 0, 0, 0};
  ptrdiff_t sb[KILN_MAX_DIMS] = {0, 0, 0, 0, 0, 0};
  ptrdiff_t acc_a = 1;
  ptrdiff_t acc_b = 1;
  for (int32_t d = rank - 1; d >= 0; --d) {
    sa[d] = (p->a_shape[d] == 1) ? 0 : acc_a;
    sb[d] = (p->b_shape[d] == 1) ? 0 : acc_b;
    acc_a *= p->a_shape[d];
    acc_b *= p->b_shape[d];
  }
  ptrdiff_t outer = 1;
  for (int32_t d = 0; d < rank - 1; ++d) outer *= p->out_shape[d];
  const int32_t inner = p->out_shape[rank - 1];
  const ptrdiff_t ia_step = sa[rank - 1];
  const ptrdiff_t ib_step = sb[rank - 1];
  const float lo = p->act_min;
  const float hi = p->act_max;

  int32_t idx[KILN_MAX_DIMS] = {0, 0, 0, 0, 0, 0};
  ptrdiff_t off_a = 0;
  ptrdiff_t off_b = 0;
  for (ptrdiff_t o = 0; o < outer; ++o) {
    const float* pa = a + off_a;
    const float* pb = b + off_b;
    for (int32_t i = 0; i < inner; ++i) {
      y[i] = ClampAct(op(pa[i * ia_step], pb[i * ib_step]), lo, hi);
    }
    y += inner;
    // Advance the odometer over dimensions 0..rank-2.
    for (int32_t d = rank - 2; d >= 0; --d) {
      off_a += sa[d];
      off_b += sb[d];
      if (++idx[d] < p->out_shape[d]) break;
      idx[d] = 0;
      off_a -= sa[d] * p->out_shape[d];
      off_b -= sb[d] * p->out_shape[d];
    }
  }
}

// Reinterprets float bits without undefined behaviour (memcpy folds to a move).
inline uint32_t FloatBits(float f) {
  uint32_t u;
  __builtin_memcpy(&u, &f, sizeof(u));
  return u;
}
inline float BitsFloat(uint32_t u) {
  float f;
  __builtin_memcpy(&f, &u, sizeof(f));
  return f;
}

}  // namespace kiln_internal

#endif  // KILN_KERNELS_REF_INTERNAL_H_
