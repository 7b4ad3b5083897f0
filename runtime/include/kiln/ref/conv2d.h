/* Float32 reference 2-D convolution (NHWC activations, OHWI weights, groups,
 * stride, dilation, asymmetric padding, optional bias, fused activation clamp).
 * A 1-D convolution is the H = 1 case. */
#ifndef KILN_REF_CONV2D_H_
#define KILN_REF_CONV2D_H_

#include "kiln/types.h"

KILN_EXTERN_C_BEGIN

typedef struct kiln_conv2d_params_t {
  int32_t batch;      /* N */
  int32_t in_h;       /* input height */
  int32_t in_w;       /* input width */
  int32_t in_c;       /* input channels (all groups) */
  int32_t out_h;      /* output height (the compiler's, incl. ceil/auto_pad) */
  int32_t out_w;      /* output width */
  int32_t out_c;      /* output channels (all groups) */
  int32_t kernel_h;   /* kernel height */
  int32_t kernel_w;   /* kernel width */
  int32_t stride_h;   /* vertical stride */
  int32_t stride_w;   /* horizontal stride */
  int32_t dilation_h; /* vertical dilation (1 = dense) */
  int32_t dilation_w; /* horizontal dilation */
  int32_t pad_top;    /* zero rows above */
  int32_t pad_left;   /* zero columns left */
  int32_t pad_bottom; /* zero rows below (informational: out_h says it) */
  int32_t pad_right;  /* zero columns right (informational) */
  int32_t groups;     /* in_c and out_c are multiples of groups */
  float act_min;      /* fused activation clamp after bias, -inf for none */
  float act_max;      /* +inf for none */
} kiln_conv2d_params_t;

/* input  [batch][in_h][in_w][in_c]
 * weights [out_c][kernel_h][kernel_w][in_c / groups]   (OHWI)
 * bias   [out_c] or NULL
 * output [batch][out_h][out_w][out_c]
 * Each output is sum over (ky, kx, ic) in that order (the weight order) of x*w,
 * in float, without FMA, starting from 0.0f; taps in the padding are skipped
 * (zero padding); then + bias, then the clamp. */
void kiln_conv2d_f32_ref(const kiln_conv2d_params_t* p, const float* input,
                         const float* weights, const float* bias,
                         float* output);

/* Scratch bytes the kernel needs (0: none). Callable on the host. */
size_t kiln_conv2d_f32_ref_scratch_bytes(const kiln_conv2d_params_t* p);

KILN_EXTERN_C_END

#endif /* KILN_REF_CONV2D_H_ */
