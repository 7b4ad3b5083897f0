// Float32 reference 2-D convolution: the plain seven-loop form, written for
// clarity and a fixed summation order rather than speed (see
// kiln/ref/conv2d.h).
#include "kiln/ref/conv2d.h"
#include "runtime/kernels/ref/internal.h"

extern "C" void kiln_conv2d_f32_ref(const kiln_conv2d_params_t* p,
                                    const float* input, const float* weights,
                                    const float* bias, float* output) {
  KILN_DCHECK(p->groups > 0 && p->in_c % p->groups == 0 &&
              p->out_c % p->groups == 0);
  const int32_t cin_g = p->in_c / p->groups;
  const int32_t cout_g = p->out_c / p->groups;
  for (int32_t n = 0; n < p->batch; ++n) {
    const float* in_n = input + (ptrdiff_t)n * p->in_h * p->in_w * p->in_c;
    for (int32_t oy = 0; oy < p->out_h; ++oy) {
      const int32_t iy0 = oy * p->stride_h - p->pad_top;
      for (int32_t ox = 0; ox < p->out_w; ++ox) {
        const int32_t ix0 = ox * p->stride_w - p->pad_left;
        for (int32_t oc = 0; oc < p->out_c; ++oc) {
          const int32_t g = oc / cout_g;
          const float* w_oc =
              weights + (ptrdiff_t)oc * p->kernel_h * p->kernel_w * cin_g;
          float acc = 0.0f;
          for (int32_t ky = 0; ky < p->kernel_h; ++ky) {
            const int32_t iy = iy0 + ky * p->dilation_h;
            if (iy < 0 || iy >= p->in_h) continue;
            for (int32_t kx = 0; kx < p->kernel_w; ++kx) {
              const int32_t ix = ix0 + kx * p->dilation_w;
              if (ix < 0 || ix >= p->in_w) continue;
              const float* x =
                  in_n + ((ptrdiff_t)iy * p->in_w + ix) * p->in_c + g * cin_g;
              const float* w =
                  w_oc + ((ptrdiff_t)ky * p->kernel_w + kx) * cin_g;
              for (int32_t ic = 0; ic < cin_g; ++ic) acc += x[ic] * w[ic];
            }
          }
          if (bias != NULL) acc += bias[oc];
          *output++ = kiln_internal::ClampAct(acc, p->act_min, p->act_max);
        }
      }
    }
  }
}

extern "C" size_t kiln_conv2d_f32_ref_scratch_bytes(
    const kiln_conv2d_params_t* p) {
  (void)p;
  return 0;
}
