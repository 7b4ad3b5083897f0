/* Int8 reference depthwise 2-D convolution (groups == in_c, channel
 * multiplier), NHWC activations, HWO weights like the float32 kernel and
 * CMSIS-NN/TFLite, per-channel requantization. */
#ifndef KILN_REF_DEPTHWISE_CONV2D_S8_H_
#define KILN_REF_DEPTHWISE_CONV2D_S8_H_

#include "kiln/requant.h"
#include "kiln/types.h"

KILN_EXTERN_C_BEGIN

typedef struct kiln_depthwise_conv2d_s8_params_t {
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
  int32_t pad_top;    /* rows of input_zero_point above */
  int32_t pad_left;   /* columns of input_zero_point left */
  int32_t pad_bottom; /* informational */
  int32_t pad_right;  /* informational */
  int32_t input_zero_point;  /* activation zero point */
  int32_t output_zero_point; /* output zero point */
  int32_t act_min;           /* fused clamp in the int8 domain */
  int32_t act_max;
  int32_t per_channel;       /* 1: arrays have out_c entries; 0: one entry */
  const int32_t* multipliers;        /* Q31 of in_scale * w_scale / out_scale */
  const int32_t* shifts;             /* matching shifts */
  const int32_t* weight_zero_points; /* NULL = symmetric weights */
} kiln_depthwise_conv2d_s8_params_t;

/* input   int8 [batch][in_h][in_w][in_c]
 * weights int8 [kernel_h][kernel_w][out_c], oc = ic * ch_mult + m
 * bias    int32 [out_c] or NULL
 * output  int8 [batch][out_h][out_w][out_c]
 * acc = bias[oc] + sum over in-bounds (ky, kx) of (x - input_zp) * (w - w_zp),
 * then kiln_requantize_s8 as in kiln_conv2d_s8_ref. */
void kiln_depthwise_conv2d_s8_ref(const kiln_depthwise_conv2d_s8_params_t* p,
                                  const int8_t* input, const int8_t* weights,
                                  const int32_t* bias, int8_t* output);

size_t kiln_depthwise_conv2d_s8_ref_scratch_bytes(
    const kiln_depthwise_conv2d_s8_params_t* p);

KILN_EXTERN_C_END

#endif /* KILN_REF_DEPTHWISE_CONV2D_S8_H_ */
