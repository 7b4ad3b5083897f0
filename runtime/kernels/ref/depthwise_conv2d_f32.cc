// Float32 reference depthwise convolution with channel multiplier (see
// kiln/ref/depthwise_conv2d.h for layouts and summation order).
#include "kiln/ref/depthwise_conv2d.h"
#include "runtime/kernels/ref/internal.h"

extern "C" void kiln_depthwise_conv2d_f32_ref(
    const kiln_depthwise_conv2d_params_t* p, const float* input,
    const float* weights, const float* bias, float* output) {
  KILN_DCHECK(p->ch_mult > 0);
  const int32_t out_c = p->in_c * p->ch_mult;
  for (int32_t n = 0; n < p->batch; ++n) {
    const float* in_n = input + (ptrdiff_t)n * p->in_h * p->in_w * p->in_c;
    for (int32_t oy = 0; oy < p->out_h; ++oy) {
      const int32_t iy0 = oy * p->stride_h - p->pad_top;
      for (int32_t ox = 0; ox < p->out_w; ++ox) {
        const int32_t ix0 = ox * p->stride_w - p->pad_left;
        // The output pixel's channels are the accumulators: each channel still
        // sums its taps in (ky, kx) order, and the channel loop is contiguous
        // in input, weights and output (SIMD-friendly, same bits).
        float* y = output;
        for (int32_t oc = 0; oc < out_c; ++oc) y[oc] = 0.0f;
        for (int32_t ky = 0; ky < p->kernel_h; ++ky) {
          const int32_t iy = iy0 + ky * p->dilation_h;
          if (iy < 0 || iy >= p->in_h) continue;  // zero padding
          for (int32_t kx = 0; kx < p->kernel_w; ++kx) {
            const int32_t ix = ix0 + kx * p->dilation_w;
            if (ix < 0 || ix >= p->in_w) continue;
            const float* x = in_n + ((ptrdiff_t)iy * p->in_w + ix) * p->in_c;
            const float* w =
                weights + ((ptrdiff_t)ky * p->kernel_w + kx) * out_c;
            if (p->ch_mult == 1) {
              for (int32_t c = 0; c < out_c; ++c) y[c] += x[c] * w[c];
            } else {
              for (int32_t oc = 0; oc < out_c; ++oc) {
                y[oc] += x[oc / p->ch_mult] * w[oc];
              }
            }
          }
        }
        for (int32_t oc = 0; oc < out_c; ++oc) {
          float v = y[oc];
          if (bias != NULL) v += bias[oc];
          y[oc] = kiln_internal::ClampAct(v, p->act_min, p->act_max);
        }
        output += out_c;
      }
    }
  }
}

extern "C" size_t kiln_depthwise_conv2d_f32_ref_scratch_bytes(
    const kiln_depthwise_conv2d_params_t* p) {
  (void)p;
  return 0;
}
