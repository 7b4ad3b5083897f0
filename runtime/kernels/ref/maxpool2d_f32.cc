// Float32 reference 2-D max pooling, NHWC (see kiln/ref/maxpool2d.h).
#include "kiln/ref/maxpool2d.h"
#include "runtime/kernels/ref/internal.h"

extern "C" void kiln_maxpool2d_f32_ref(const kiln_maxpool2d_params_t* p,
                                       const float* input, float* output) {
  const int32_t c_n = p->channels;
  for (int32_t n = 0; n < p->batch; ++n) {
    const float* in_n = input + (ptrdiff_t)n * p->in_h * p->in_w * c_n;
    for (int32_t oy = 0; oy < p->out_h; ++oy) {
      const int32_t iy0 = oy * p->stride_h - p->pad_top;
      for (int32_t ox = 0; ox < p->out_w; ++ox) {
        const int32_t ix0 = ox * p->stride_w - p->pad_left;
        // The output pixel's channels hold the running maxima (taps in (ky, kx)
        // order per channel; the channel loop is contiguous).
        float* y = output;
        for (int32_t c = 0; c < c_n; ++c) y[c] = kiln_internal::kMaxPoolInit;
        for (int32_t ky = 0; ky < p->kernel_h; ++ky) {
          const int32_t iy = iy0 + ky * p->dilation_h;
          if (iy < 0 || iy >= p->in_h) continue;  // padding never wins
          for (int32_t kx = 0; kx < p->kernel_w; ++kx) {
            const int32_t ix = ix0 + kx * p->dilation_w;
            if (ix < 0 || ix >= p->in_w) continue;
            const float* x = in_n + ((ptrdiff_t)iy * p->in_w + ix) * c_n;
            for (int32_t c = 0; c < c_n; ++c) {
              y[c] = kiln_internal::MaxPropagateNan(y[c], x[c]);
            }
          }
        }
        for (int32_t c = 0; c < c_n; ++c) {
          y[c] = kiln_internal::ClampAct(y[c], p->act_min, p->act_max);
        }
        output += c_n;
      }
    }
  }
}

extern "C" size_t kiln_maxpool2d_f32_ref_scratch_bytes(
    const kiln_maxpool2d_params_t* p) {
  (void)p;
  return 0;
}
