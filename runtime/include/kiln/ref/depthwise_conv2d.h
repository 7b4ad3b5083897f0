/* Float32 reference depthwise 2-D convolution (groups == in_c, with a channel
 * multiplier), NHWC activations, weights channel-innermost like
 * CMSIS-NN/TFLite. */
#ifndef KILN_REF_DEPTHWISE_CONV2D_H_
#define KILN_REF_DEPTHWISE_CONV2D_H_

#include "kiln/types.h"

KILN_EXTERN_C_BEGIN

typedef struct kiln_depthwise_conv2d_params_t {
  int32_t batch;      /* N */
  int32_t in_h;       /* input height */
  int32_t in_w;       /* input width */
  int32_t in_c;       /* input channels */
  int32_t out_h;      /* output height */
  int32_t out_w;      /* output width */
  int32_t ch_mult;    /* channel multiplier: out_c = in_c * ch_mult */
  int32_t kernel_h;   /* kernel height */
  int32_t kernel_w;   /* kernel width */
  int32_t stride_h;   /* vertical stride */
  int32_t stride_w;   /* horizontal stride */
  int32_t dilation_h; /* vertical dilation */
  int32_t dilation_w; /* horizontal dilation */
  int32_t pad_top;    /* zero rows above */
  int32_t pad_left;   /* zero columns left */
  int32_t pad_bottom; /* informational */
  int32_t pad_right;  /* informational */
  float act_min;      /* fused activation clamp after bias */
  float act_max;
} kiln_depthwise_conv2d_params_t;

/* input   [batch][in_h][in_w][in_c]
 * weights [kernel_h][kernel_w][out_c]  with out channel oc = ic * ch_mult + m
 * (this is ONNX's OIHW weight [out_c][1][kh][kw] transposed to HWO, the layout
 * of CMSIS-NN/TFLite depthwise kernels: channel innermost, so SIMD runs over c)
 * bias    [out_c] or NULL
 * output  [batch][out_h][out_w][out_c], must not overlap the input (its
 *         channels are the accumulators)
 * Sum over (ky, kx) in that order, in float, no FMA, from 0.0f; padding taps
 * skipped; then + bias, then the clamp. */
void kiln_depthwise_conv2d_f32_ref(const kiln_depthwise_conv2d_params_t* p,
                                   const float* input, const float* weights,
                                   const float* bias, float* output);

size_t kiln_depthwise_conv2d_f32_ref_scratch_bytes(
    const kiln_depthwise_conv2d_params_t* p);

KILN_EXTERN_C_END

#endif /* KILN_REF_DEPTHWISE_CONV2D_H_ */
