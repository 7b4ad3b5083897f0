// Int8 reference depthwise 2-D convolution (see kiln/ref/depthwise_conv2d_s8.h):
// per output channel, the int32 sum of (x - zp_x) * (w - zp_w) over the window,
// then the one requantization routine.
#include "kiln/ref/depthwise_conv2d_s8.h"

extern "C" void kiln_depthwise_conv2d_s8_ref(
    const kiln_depthwise_conv2d_s8_params_t* p, const int8_t* input,
    const int8_t* weights, const int32_t* bias, int8_t* output) {
  const int32_t out_c = p->in_c * p->ch_mult;
  const int32_t in_zp = p->input_zero_point;
  for (int32_t n = 0; n < p->batch; ++n) {
    const int8_t* in_n = input + (ptrdiff_t)n * p->in_h * p->in_w * p->in_c;
    for (int32_t oy = 0; oy < p->out_h; ++oy) {
      const int32_t iy0 = oy * p->stride_h - p->pad_top;
      for (int32_t ox = 0; ox < p->out_w; ++ox) {
        const int32_t ix0 = ox * p->stride_w - p->pad_left;
        for (int32_t oc = 0; oc < out_c; ++oc) {
          const int32_t ic = oc / p->ch_mult;
          const int32_t qi = p->per_channel ? oc : 0;
          const int32_t w_zp =
              p->weight_zero_points != NULL ? p->weight_zero_points[qi] : 0;
          int32_t acc = 0;
          for (int32_t ky = 0; ky < p->kernel_h; ++ky) {
            const int32_t iy = iy0 + ky * p->dilation_h;
            if (iy < 0 || iy >= p->in_h) continue;  // pad = zp: term is 0
            for (int32_t kx = 0; kx < p->kernel_w; ++kx) {
              const int32_t ix = ix0 + kx * p->dilation_w;
              if (ix < 0 || ix >= p->in_w) continue;
              const int32_t x =
                  in_n[((ptrdiff_t)iy * p->in_w + ix) * p->in_c + ic];
              const int32_t w =
                  weights[((ptrdiff_t)ky * p->kernel_w + kx) * out_c + oc];
              acc += (x - in_zp) * (w - w_zp);
            }
          }
          if (bias != NULL) acc += bias[oc];
          output[oc] = kiln_requantize_s8(acc, p->multipliers[qi], p->shifts[qi],
                                          p->output_zero_point, p->act_min,
                                          p->act_max);
        }
        output += out_c;
      }
    }
  }
}

extern "C" size_t kiln_depthwise_conv2d_s8_ref_scratch_bytes(
    const kiln_depthwise_conv2d_s8_params_t* p) {
  (void)p;
  return 0;
}
