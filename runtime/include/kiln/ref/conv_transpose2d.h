/* Float32 reference 2-D transposed convolution (ONNX ConvTranspose): NHWC
 * activations, IHWO weights, groups, stride, dilation, pads that may be
 * negative (ONNX's output_padding and output_shape grow the output beyond the
 * input's reach: those positions get the bias only), optional bias, fused
 * activation clamp. A 1-D transposed convolution is the H = 1 case. */
#ifndef KILN_REF_CONV_TRANSPOSE2D_H_
#define KILN_REF_CONV_TRANSPOSE2D_H_

#include "kiln/types.h"

KILN_EXTERN_C_BEGIN

typedef struct kiln_conv_transpose2d_params_t {
  int32_t batch;      /* N */
  int32_t in_h;       /* input height */
  int32_t in_w;       /* input width */
  int32_t in_c;       /* input channels (all groups) */
  int32_t out_h;      /* output height (the compiler's) */
  int32_t out_w;      /* output width */
  int32_t out_c;      /* output channels (all groups) */
  int32_t kernel_h;   /* kernel height */
  int32_t kernel_w;   /* kernel width */
  int32_t stride_h;   /* vertical stride (input step in the output) */
  int32_t stride_w;   /* horizontal stride */
  int32_t dilation_h; /* vertical dilation (1 = dense) */
  int32_t dilation_w; /* horizontal dilation */
  int32_t pad_top;    /* rows cropped above the full output (may be < 0) */
  int32_t pad_left;   /* columns cropped left (may be < 0) */
  int32_t groups;     /* in_c and out_c are multiples of groups */
  float act_min;      /* fused activation clamp after bias, -inf for none */
  float act_max;      /* +inf for none */
} kiln_conv_transpose2d_params_t;

/* input   [batch][in_h][in_w][in_c]
 * weights [in_c][kernel_h][kernel_w][out_c / groups]   (IHWO)
 * bias    [out_c] or NULL
 * output  [batch][out_h][out_w][out_c]
 * Output (oy, ox) receives input (iy, ix) through tap (ky, kx) when
 * oy + pad_top = iy * stride_h + ky * dilation_h (likewise for x). Each output
 * sums its taps in (ky, kx, ic) order in float, without FMA, from 0.0f; then
 * + bias, then the clamp. */
void kiln_conv_transpose2d_f32_ref(const kiln_conv_transpose2d_params_t* p,
                                   const float* input, const float* weights,
                                   const float* bias, float* output);

/* Scratch bytes the kernel needs (0: none). Callable on the host. */
size_t kiln_conv_transpose2d_f32_ref_scratch_bytes(
    const kiln_conv_transpose2d_params_t* p);

KILN_EXTERN_C_END

#endif /* KILN_REF_CONV_TRANSPOSE2D_H_ */
