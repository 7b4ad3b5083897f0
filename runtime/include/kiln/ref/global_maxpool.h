/* Float32 reference global max pooling over the spatial positions of an NHWC
 * tensor: [batch][spatial][channels] -> [batch][channels] (ONNX GlobalMaxPool).
 */
#ifndef KILN_REF_GLOBAL_MAXPOOL_H_
#define KILN_REF_GLOBAL_MAXPOOL_H_

#include "kiln/types.h"

KILN_EXTERN_C_BEGIN

typedef struct kiln_global_maxpool_params_t {
  int32_t batch;    /* N */
  int32_t spatial;  /* H * W (any number of spatial dims, flattened) */
  int32_t channels; /* C */
  float act_min;    /* fused activation clamp */
  float act_max;
} kiln_global_maxpool_params_t;

/* Max from -FLT_MAX over the positions; NaN propagates (like maxpool2d). */
void kiln_global_maxpool_f32_ref(const kiln_global_maxpool_params_t* p,
                                 const float* input, float* output);

size_t kiln_global_maxpool_f32_ref_scratch_bytes(
    const kiln_global_maxpool_params_t* p);

KILN_EXTERN_C_END

#endif /* KILN_REF_GLOBAL_MAXPOOL_H_ */
