/* Float32 reference per-channel affine y = x * scale[c] + bias[c] over NHWC
 * (channel innermost), for a BatchNormalization the compiler cannot fold into a
 * conv. */
#ifndef KILN_REF_SCALE_BIAS_H_
#define KILN_REF_SCALE_BIAS_H_

#include "kiln/types.h"

KILN_EXTERN_C_BEGIN

typedef struct kiln_scale_bias_params_t {
  int32_t outer;    /* product of all dims but the channel dim (N*H*W) */
  int32_t channels; /* C, the innermost dim */
  float act_min;    /* fused activation clamp */
  float act_max;
} kiln_scale_bias_params_t;

/* x, y [outer][channels]; scale [channels]; bias [channels] or NULL. The
 * product is rounded before the add (no FMA). y may equal x. */
void kiln_scale_bias_f32_ref(const kiln_scale_bias_params_t* p, const float* x,
                             const float* scale, const float* bias, float* y);

size_t kiln_scale_bias_f32_ref_scratch_bytes(const kiln_scale_bias_params_t* p);

KILN_EXTERN_C_END

#endif /* KILN_REF_SCALE_BIAS_H_ */
