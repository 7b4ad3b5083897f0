/* Float32 reference 2-D average pooling over NHWC with strides, dilations,
 * asymmetric padding and ONNX's count_include_pad (ceil mode is the compiler's
 * business). */
#ifndef KILN_REF_AVGPOOL2D_H_
#define KILN_REF_AVGPOOL2D_H_

#include "kiln/types.h"

KILN_EXTERN_C_BEGIN

typedef struct kiln_avgpool2d_params_t {
  int32_t batch;             /* N */
  int32_t in_h;              /* input height */
  int32_t in_w;              /* input width */
  int32_t channels;          /* C */
  int32_t out_h;             /* output height */
  int32_t out_w;             /* output width */
  int32_t kernel_h;          /* window height */
  int32_t kernel_w;          /* window width */
  int32_t stride_h;          /* vertical stride */
  int32_t stride_w;          /* horizontal stride */
  int32_t dilation_h;        /* vertical dilation (ONNX AveragePool >= 19) */
  int32_t dilation_w;        /* horizontal dilation */
  int32_t pad_top;           /* rows above */
  int32_t pad_left;          /* columns left */
  int32_t pad_bottom;        /* rows below (informational) */
  int32_t pad_right;         /* columns right (informational) */
  int32_t count_include_pad; /* 1: divide by the window size */
  float act_min;             /* fused activation clamp */
  float act_max;
} kiln_avgpool2d_params_t;

/* Sum of the in-bounds taps in (ky, kx) order, in float, divided by the number
 * of in-bounds taps, or with count_include_pad by kernel_h * kernel_w -- also
 * where a ceil-mode window hangs beyond the pads, as ONNX Runtime 1.20 does.
 * A window with no in-bounds tap gives 0. */
void kiln_avgpool2d_f32_ref(const kiln_avgpool2d_params_t* p,
                            const float* input, float* output);

size_t kiln_avgpool2d_f32_ref_scratch_bytes(const kiln_avgpool2d_params_t* p);

KILN_EXTERN_C_END

#endif /* KILN_REF_AVGPOOL2D_H_ */
