// Int8 reference N-D pad (see kiln/ref/pad_s8.h): every output index is mapped
// back to an input index per dimension by the mode, or to the fill value.
#include "kiln/ref/pad_s8.h"

namespace {

// Maps output coordinate i - begin to an input coordinate in [0, n), or -1
// (fill).
inline int32_t MapIndex(int32_t i, int32_t n, int32_t mode) {
  if (i >= 0 && i < n) return i;
  if (mode == KILN_PAD_EDGE) return (i < 0) ? 0 : n - 1;
  if (mode == KILN_PAD_REFLECT) {
    if (n == 1) return 0;
    const int32_t period = 2 * (n - 1);
    int32_t r = i % period;
    if (r < 0) r += period;
    return (r < n) ? r : period - r;
  }
  return -1;
}

}  // namespace

extern "C" void kiln_pad_s8_ref(const kiln_pad_s8_params_t* p, const int8_t* x,
                                 int8_t* y) {
  const int32_t rank = p->rank;
  KILN_DCHECK(rank >= 1 && rank <= KILN_MAX_DIMS);
  KILN_DCHECK(p->mode >= KILN_PAD_CONSTANT && p->mode <= KILN_PAD_EDGE);
  int32_t out_shape[KILN_MAX_DIMS] = {0, 0, 0, 0, 0, 0};
  ptrdiff_t in_stride[KILN_MAX_DIMS] = {0, 0, 0, 0, 0, 0};
  ptrdiff_t acc = 1;
  ptrdiff_t total = 1;
  for (int32_t d = rank - 1; d >= 0; --d) {
    in_stride[d] = acc;
    acc *= p->in_shape[d];
    out_shape[d] = p->in_shape[d] + p->pad_begin[d] + p->pad_end[d];
    total *= out_shape[d];
  }
  if (total <= 0) return;
  int32_t idx[KILN_MAX_DIMS] = {0, 0, 0, 0, 0, 0};
  for (ptrdiff_t o = 0; o < total; ++o) {
    ptrdiff_t off = 0;
    bool fill = false;
    for (int32_t d = 0; d < rank; ++d) {
      const int32_t i =
          MapIndex(idx[d] - p->pad_begin[d], p->in_shape[d], p->mode);
      if (i < 0) {
        fill = true;
        break;
      }
      off += i * in_stride[d];
    }
    *y++ = fill ? (int8_t)p->value : x[off];
    for (int32_t d = rank - 1; d >= 0; --d) {
      if (++idx[d] < out_shape[d]) break;
      idx[d] = 0;
    }
  }
}

extern "C" size_t kiln_pad_s8_ref_scratch_bytes(const kiln_pad_s8_params_t* p) {
  (void)p;
  return 0;
}
