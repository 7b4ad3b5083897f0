// Float32 reference reduction over a set of axes (see kiln/ref/reduce.h): the
// dims are split into kept and reduced lists; an outer odometer walks the kept
// dims (the output order), an inner one the reduced dims.
#include "kiln/ref/reduce.h"
#include "runtime/kernels/ref/internal.h"

namespace {

inline float Combine(int32_t op, float acc, float v) {
  switch (op) {
    case KILN_REDUCE_MAX:
      return kiln_internal::MaxPropagateNan(acc, v);
    case KILN_REDUCE_MIN:
      return (v < acc || v != v) ? v : acc;
    case KILN_REDUCE_PROD:
      return acc * v;
    default:  // SUM, MEAN
      return acc + v;
  }
}

// Odometer over `n` dims with extents `shape` and element strides `stride`;
// returns the offset change of one step (carries included).
struct Walker {
  int32_t n;
  int32_t shape[KILN_MAX_DIMS] = {0, 0, 0, 0, 0, 0};
  ptrdiff_t stride[KILN_MAX_DIMS] = {0, 0, 0, 0, 0, 0};
  int32_t idx[KILN_MAX_DIMS] = {0, 0, 0, 0, 0, 0};
  ptrdiff_t off;

  void Reset() {
    for (int32_t d = 0; d < n; ++d) idx[d] = 0;
    off = 0;
  }
  void Step() {
    for (int32_t d = n - 1; d >= 0; --d) {
      off += stride[d];
      if (++idx[d] < shape[d]) return;
      idx[d] = 0;
      off -= stride[d] * shape[d];
    }
  }
};

}  // namespace

extern "C" void kiln_reduce_f32_ref(const kiln_reduce_params_t* p,
                                    const float* x, float* y) {
  KILN_DCHECK(p->rank >= 1 && p->rank <= KILN_MAX_DIMS);
  Walker kept, red;
  kept.n = 0;
  red.n = 0;
  ptrdiff_t stride = 1;
  ptrdiff_t strides[KILN_MAX_DIMS] = {0, 0, 0, 0, 0, 0};
  for (int32_t d = p->rank - 1; d >= 0; --d) {
    strides[d] = stride;
    stride *= p->in_shape[d];
  }
  ptrdiff_t n_out = 1, n_red = 1;
  for (int32_t d = 0; d < p->rank; ++d) {
    Walker& w = ((p->axes_mask >> d) & 1) ? red : kept;
    w.shape[w.n] = p->in_shape[d];
    w.stride[w.n] = strides[d];
    ++w.n;
    (((p->axes_mask >> d) & 1) ? n_red : n_out) *= p->in_shape[d];
  }
  if (n_out <= 0 || n_red <= 0) return;
  kept.Reset();
  for (ptrdiff_t o = 0; o < n_out; ++o) {
    const float* base = x + kept.off;
    red.Reset();
    float acc = base[0];
    for (ptrdiff_t r = 1; r < n_red; ++r) {
      red.Step();
      acc = Combine(p->op, acc, base[red.off]);
    }
    if (p->op == KILN_REDUCE_MEAN) acc /= (float)n_red;
    *y++ = acc;
    kept.Step();
  }
}

extern "C" size_t kiln_reduce_f32_ref_scratch_bytes(
    const kiln_reduce_params_t* p) {
  (void)p;
  return 0;
}
