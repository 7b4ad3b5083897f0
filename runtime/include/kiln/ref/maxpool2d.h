/* Float32 reference 2-D max pooling over NHWC with strides, dilations and
 * asymmetric padding (ceil mode is the compiler's: it sets out_h/out_w and the
 * pads). */
#ifndef KILN_REF_MAXPOOL2D_H_
#define KILN_REF_MAXPOOL2D_H_

#include "kiln/types.h"

KILN_EXTERN_C_BEGIN

typedef struct kiln_maxpool2d_params_t {
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
  int32_t pad_top;    /* rows above (never selected) */
  int32_t pad_left;   /* columns left */
  int32_t pad_bottom; /* informational */
  int32_t pad_right;  /* informational */
  float act_min;      /* fused activation clamp */
  float act_max;
} kiln_maxpool2d_params_t;

/* input [batch][in_h][in_w][channels], output [batch][out_h][out_w][channels].
 * Padding taps are skipped. The max starts at -FLT_MAX (as in ONNX Runtime: a
 * window wholly in the padding gives -FLT_MAX) and propagates NaN: a window
 * with a NaN tap gives NaN. */
void kiln_maxpool2d_f32_ref(const kiln_maxpool2d_params_t* p,
                            const float* input, float* output);

size_t kiln_maxpool2d_f32_ref_scratch_bytes(const kiln_maxpool2d_params_t* p);

KILN_EXTERN_C_END

#endif /* KILN_REF_MAXPOOL2D_H_ */
