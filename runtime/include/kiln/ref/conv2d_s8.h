/* Int8 reference 2-D convolution (NHWC activations, OHWI weights, groups,
 * stride, dilation, asymmetric padding with the input zero point, int32 bias,
 * per-channel or per-tensor requantization, fused activation clamp). */
#ifndef KILN_REF_CONV2D_S8_H_
#define KILN_REF_CONV2D_S8_H_

#include "kiln/requant.h"
#include "kiln/types.h"

KILN_EXTERN_C_BEGIN

typedef struct kiln_conv2d_s8_params_t {
  int32_t batch;      /* N */
  int32_t in_h;       /* input height */
  int32_t in_w;       /* input width */
  int32_t in_c;       /* input channels (all groups) */
  int32_t out_h;      /* output height */
  int32_t out_w;      /* output width */
  int32_t out_c;      /* output channels (all groups) */
  int32_t kernel_h;   /* kernel height */
  int32_t kernel_w;   /* kernel width */
  int32_t stride_h;   /* vertical stride */
  int32_t stride_w;   /* horizontal stride */
  int32_t dilation_h; /* vertical dilation (1 = dense) */
  int32_t dilation_w; /* horizontal dilation */
  int32_t pad_top;    /* rows of input_zero_point above */
  int32_t pad_left;   /* columns of input_zero_point left */
  int32_t pad_bottom; /* informational: out_h says it */
  int32_t pad_right;  /* informational */
  int32_t groups;     /* in_c and out_c are multiples of groups */
  int32_t input_zero_point;  /* activation zero point, [-128, 127] */
  int32_t output_zero_point; /* [-128, 127] */
  int32_t act_min;           /* fused clamp in the int8 domain, >= -128 */
  int32_t act_max;           /* <= 127 */
  int32_t per_channel;       /* 1: the arrays below have out_c entries; 0: 1 */
  const int32_t* multipliers;  /* Q31 of in_scale * w_scale[oc] / out_scale */
  const int32_t* shifts;       /* matching shifts (kiln/requant.h) */
  const int32_t* weight_zero_points; /* NULL = symmetric weights (all 0) */
} kiln_conv2d_s8_params_t;

/* input   int8 [batch][in_h][in_w][in_c]
 * weights int8 [out_c][kernel_h][kernel_w][in_c / groups]   (OHWI)
 * bias    int32 [out_c] (scale in_scale * w_scale[oc], zero point 0) or NULL
 * output  int8 [batch][out_h][out_w][out_c]
 * acc = bias[oc] + sum over in-bounds taps of (x - input_zp) * (w - w_zp[oc])
 * in int32 (padding taps hold input_zp and so contribute exactly 0); then
 * out = kiln_requantize_s8(acc, multipliers[i], shifts[i], output_zero_point,
 * act_min, act_max) with i = per_channel ? oc : 0. */
void kiln_conv2d_s8_ref(const kiln_conv2d_s8_params_t* p, const int8_t* input,
                        const int8_t* weights, const int32_t* bias,
                        int8_t* output);

size_t kiln_conv2d_s8_ref_scratch_bytes(const kiln_conv2d_s8_params_t* p);

KILN_EXTERN_C_END

#endif /* KILN_REF_CONV2D_S8_H_ */
