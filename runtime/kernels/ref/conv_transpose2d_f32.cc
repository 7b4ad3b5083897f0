// Float32 reference 2-D transposed convolution (see
// kiln/ref/conv_transpose2d.h), written as a gather: each output pixel finds
// the input pixels and taps that reach it, so every output is written once
// (no zero fill, no scratch) and its sum has a fixed order.
#include "kiln/ref/conv_transpose2d.h"
#include "runtime/kernels/ref/internal.h"

namespace {

// The input index reached from output position `o` through tap `k`, or -1.
inline int32_t SourceIndex(int32_t o, int32_t k, int32_t pad, int32_t stride,
                           int32_t dilation, int32_t in_len) {
  const int32_t t = o + pad - k * dilation;
  if (t < 0 || t % stride != 0) return -1;
  const int32_t i = t / stride;
  return (i < in_len) ? i : -1;
}

}  // namespace

extern "C" void kiln_conv_transpose2d_f32_ref(
    const kiln_conv_transpose2d_params_t* p, const float* input,
    const float* weights, const float* bias, float* output) {
  KILN_DCHECK(p->groups > 0 && p->in_c % p->groups == 0 &&
              p->out_c % p->groups == 0 && p->stride_h > 0 && p->stride_w > 0);
  const int32_t cin_g = p->in_c / p->groups;
  const int32_t cout_g = p->out_c / p->groups;
  // Weights of one input channel: kernel_h * kernel_w * cout_g values.
  const ptrdiff_t w_ic = (ptrdiff_t)p->kernel_h * p->kernel_w * cout_g;
  for (int32_t n = 0; n < p->batch; ++n) {
    const float* in_n = input + (ptrdiff_t)n * p->in_h * p->in_w * p->in_c;
    for (int32_t oy = 0; oy < p->out_h; ++oy) {
      for (int32_t ox = 0; ox < p->out_w; ++ox) {
        for (int32_t oc = 0; oc < p->out_c; ++oc) {
          const int32_t g = oc / cout_g;
          const int32_t ocl = oc - g * cout_g;
          float acc = 0.0f;
          for (int32_t ky = 0; ky < p->kernel_h; ++ky) {
            const int32_t iy = SourceIndex(oy, ky, p->pad_top, p->stride_h,
                                           p->dilation_h, p->in_h);
            if (iy < 0) continue;
            for (int32_t kx = 0; kx < p->kernel_w; ++kx) {
              const int32_t ix = SourceIndex(ox, kx, p->pad_left, p->stride_w,
                                             p->dilation_w, p->in_w);
              if (ix < 0) continue;
              const float* x =
                  in_n + ((ptrdiff_t)iy * p->in_w + ix) * p->in_c + g * cin_g;
              const float* w = weights + (ptrdiff_t)g * cin_g * w_ic +
                               ((ptrdiff_t)ky * p->kernel_w + kx) * cout_g +
                               ocl;
              for (int32_t ic = 0; ic < cin_g; ++ic)
                acc += x[ic] * w[ic * w_ic];
            }
          }
          if (bias != NULL) acc += bias[oc];
          output[oc] = kiln_internal::ClampAct(acc, p->act_min, p->act_max);
        }
        output += p->out_c;
      }
    }
  }
}

extern "C" size_t kiln_conv_transpose2d_f32_ref_scratch_bytes(
    const kiln_conv_transpose2d_params_t* p) {
  (void)p;
  return 0;
}
