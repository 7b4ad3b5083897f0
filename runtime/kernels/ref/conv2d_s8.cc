// Int8 reference 2-D convolution (see kiln/ref/conv2d_s8.h): the int32
// accumulation of (x - zp_x) * (w - zp_w) over the window, then the one
// requantization routine. Written for clarity; optimised kernels are tested
// against it bit for bit.
#include "kiln/ref/conv2d_s8.h"

extern "C" void kiln_conv2d_s8_ref(const kiln_conv2d_s8_params_t* p,
                                   const int8_t* input, const int8_t* weights,
                                   const int32_t* bias, int8_t* output) {
  KILN_DCHECK(p->groups > 0 && p->in_c % p->groups == 0 &&
              p->out_c % p->groups == 0);
  const int32_t cin_g = p->in_c / p->groups;
  const int32_t cout_g = p->out_c / p->groups;
  const int32_t in_zp = p->input_zero_point;
  const ptrdiff_t w_stride = (ptrdiff_t)p->kernel_h * p->kernel_w * cin_g;
  for (int32_t n = 0; n < p->batch; ++n) {
    const int8_t* in_n = input + (ptrdiff_t)n * p->in_h * p->in_w * p->in_c;
    for (int32_t oy = 0; oy < p->out_h; ++oy) {
      const int32_t iy0 = oy * p->stride_h - p->pad_top;
      for (int32_t ox = 0; ox < p->out_w; ++ox) {
        const int32_t ix0 = ox * p->stride_w - p->pad_left;
        for (int32_t oc = 0; oc < p->out_c; ++oc) {
          const int32_t g = oc / cout_g;
          const int32_t qi = p->per_channel ? oc : 0;
          const int32_t w_zp =
              p->weight_zero_points != NULL ? p->weight_zero_points[qi] : 0;
          const int8_t* w_oc = weights + (ptrdiff_t)oc * w_stride;
          int32_t acc = 0;
          for (int32_t ky = 0; ky < p->kernel_h; ++ky) {
            const int32_t iy = iy0 + ky * p->dilation_h;
            // A padding tap is x = input_zp, whose term (x - zp) * w is 0:
            // skipping it is exact, also for non-zero weight zero points.
            if (iy < 0 || iy >= p->in_h) continue;
            for (int32_t kx = 0; kx < p->kernel_w; ++kx) {
              const int32_t ix = ix0 + kx * p->dilation_w;
              if (ix < 0 || ix >= p->in_w) continue;
              const int8_t* x =
                  in_n + ((ptrdiff_t)iy * p->in_w + ix) * p->in_c + g * cin_g;
              const int8_t* w = w_oc + ((ptrdiff_t)ky * p->kernel_w + kx) * cin_g;
              for (int32_t ic = 0; ic < cin_g; ++ic) {
                acc += ((int32_t)x[ic] - in_zp) * ((int32_t)w[ic] - w_zp);
              }
            }
          }
          if (bias != NULL) acc += bias[oc];
          output[oc] = kiln_requantize_s8(acc, p->multipliers[qi], p->shifts[qi],
                                          p->output_zero_point, p->act_min,
                                          p->act_max);
        }
        output += p->out_c;
      }
    }
  }
}

extern "C" size_t kiln_conv2d_s8_ref_scratch_bytes(
    const kiln_conv2d_s8_params_t* p) {
  (void)p;
  return 0;
}
