/* Int8 reference 2-D max pooling, NHWC. Max commutes with the (monotonic)
 * quantization, so input and output share scale and zero point. */
#ifndef KILN_REF_MAXPOOL2D_S8_H_
#define KILN_REF_MAXPOOL2D_S8_H_

#include "kiln/requant.h"
#include "kiln/types.h"

KILN_EXTERN_C_BEGIN

typedef struct kiln_maxpool2d_s8_params_t {
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
  int32_t act_min;    /* fused clamp in the int8 domain */
  int32_t act_max;
} kiln_maxpool2d_s8_params_t;

/* Max of the in-bounds taps (padding is never selected), starting from -128 so
 * a window wholly in the padding (ceil mode) gives -128; then the clamp. */
void kiln_maxpool2d_s8_ref(const kiln_maxpool2d_s8_params_t* p,
                           const int8_t* input, int8_t* output);

size_t kiln_maxpool2d_s8_ref_scratch_bytes(const kiln_maxpool2d_s8_params_t* p);

KILN_EXTERN_C_END

#endif /* KILN_REF_MAXPOOL2D_S8_H_ */
