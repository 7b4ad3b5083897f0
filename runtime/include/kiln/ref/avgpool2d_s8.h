/* Int8 reference 2-D average pooling, NHWC; input and output share scale and
 * zero point (the TFLite/CMSIS-NN convention: the compiler inserts
 * kiln_requantize_s8_ref where ONNX's differ). */
#ifndef KILN_REF_AVGPOOL2D_S8_H_
#define KILN_REF_AVGPOOL2D_S8_H_

#include "kiln/requant.h"
#include "kiln/types.h"

KILN_EXTERN_C_BEGIN

typedef struct kiln_avgpool2d_s8_params_t {
  int32_t batch;      /* N */
  int32_t in_h;       /* input height */
  int32_t in_w;       /* input width */
  int32_t channels;   /* C (input == output) */
  int32_t out_h;      /* output height */
  int32_t out_w;      /* output width */
  int32_t kernel_h;   /* window height */
  int32_t kernel_w;   /* window width */
  int32_t stride_h;   /* vertical stride */
  int32_t stride_w;   /* horizontal stride */
  int32_t dilation_h; /* vertical dilation */
  int32_t dilation_w; /* horizontal dilation */
  int32_t pad_top;    /* rows above */
  int32_t pad_left;   /* columns left */
  int32_t pad_bottom; /* informational */
  int32_t pad_right;  /* informational */
  int32_t count_include_pad; /* 1: divide by kernel_h * kernel_w */
  int32_t zero_point;        /* of input and output */
  int32_t act_min;           /* fused clamp in the int8 domain */
  int32_t act_max;
} kiln_avgpool2d_s8_params_t;

/* acc = sum over in-bounds taps of (x - zero_point) in int32 (padding is real
 * 0, i.e. contributes 0); count = count_include_pad ? kernel_h * kernel_w : the
 * number of in-bounds taps; out = zero_point + acc / count rounded half away
 * from zero (an exact integer division, not a requantization: the scale does
 * not change), then the clamp. Rounding the zero-point-corrected value makes
 * it symmetric around real 0 (TFLite rounds the raw sum instead); it differs
 * from ONNX's QuantizeLinear (half to even) only at exact ties. */
void kiln_avgpool2d_s8_ref(const kiln_avgpool2d_s8_params_t* p,
                           const int8_t* input, int8_t* output);

size_t kiln_avgpool2d_s8_ref_scratch_bytes(const kiln_avgpool2d_s8_params_t* p);

KILN_EXTERN_C_END

#endif /* KILN_REF_AVGPOOL2D_S8_H_ */
