// Int8 reference nearest resize (see kiln/ref/resize_nearest_s8.h): a gather
// through the compiler's index tables.
#include "kiln/ref/resize_nearest_s8.h"

extern "C" void kiln_resize_nearest_s8_ref(
    const kiln_resize_nearest_s8_params_t* p, const int8_t* x, int8_t* y) {
  const int32_t c_n = p->channels;
  for (int32_t n = 0; n < p->batch; ++n) {
    const int8_t* x_n = x + (ptrdiff_t)n * p->in_h * p->in_w * c_n;
    for (int32_t oy = 0; oy < p->out_h; ++oy) {
      const int8_t* row = x_n + (ptrdiff_t)p->src_y[oy] * p->in_w * c_n;
      for (int32_t ox = 0; ox < p->out_w; ++ox) {
        __builtin_memcpy(y, row + (ptrdiff_t)p->src_x[ox] * c_n, (size_t)c_n);
        y += c_n;
      }
    }
  }
}

extern "C" size_t kiln_resize_nearest_s8_ref_scratch_bytes(
    const kiln_resize_nearest_s8_params_t* p) {
  (void)p;
  return 0;
}
