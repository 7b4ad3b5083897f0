// uint8 reference 2-D max pooling (see kiln/ref/maxpool2d_u8.h): integer max
// over the in-bounds taps.
#include "kiln/ref/maxpool2d_u8.h"

extern "C" void kiln_maxpool2d_u8_ref(const kiln_maxpool2d_u8_params_t* p,
                                      const uint8_t* input, uint8_t* output) {
  const int32_t c_n = p->channels;
  for (int32_t n = 0; n < p->batch; ++n) {
    const uint8_t* in_n = input + (ptrdiff_t)n * p->in_h * p->in_w * c_n;
    for (int32_t oy = 0; oy < p->out_h; ++oy) {
      const int32_t iy0 = oy * p->stride_h - p->pad_top;
      for (int32_t ox = 0; ox < p->out_w; ++ox) {
        const int32_t ix0 = ox * p->stride_w - p->pad_left;
        for (int32_t c = 0; c < c_n; ++c) {
          int32_t m = 0;
          for (int32_t ky = 0; ky < p->kernel_h; ++ky) {
            const int32_t iy = iy0 + ky * p->dilation_h;
            if (iy < 0 || iy >= p->in_h) continue;
            for (int32_t kx = 0; kx < p->kernel_w; ++kx) {
              const int32_t ix = ix0 + kx * p->dilation_w;
              if (ix < 0 || ix >= p->in_w) continue;
              const int32_t v = in_n[((ptrdiff_t)iy * p->in_w + ix) * c_n + c];
              m = (v > m) ? v : m;
            }
          }
          m = (m < p->act_min) ? p->act_min : m;
          m = (m > p->act_max) ? p->act_max : m;
          output[c] = (uint8_t)m;
        }
        output += c_n;
      }
    }
  }
}

extern "C" size_t kiln_maxpool2d_u8_ref_scratch_bytes(
    const kiln_maxpool2d_u8_params_t* p) {
  (void)p;
  return 0;
}
