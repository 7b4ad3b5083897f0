/* Float32 reference global average pooling over the spatial positions of an
 * NHWC tensor: [batch][spatial][channels] -> [batch][channels] (ONNX
 * GlobalAveragePool). */
#ifndef KILN_REF_GLOBAL_AVGPOOL_H_
#define KILN_REF_GLOBAL_AVGPOOL_H_

#include "kiln/types.h"

KILN_EXTERN_C_BEGIN

typedef struct kiln_global_avgpool_params_t {
  int32_t batch;    /* N */
  int32_t spatial;  /* H * W (any number of spatial dims, flattened) */
  int32_t channels; /* C */
  float act_min;    /* fused activation clamp */
  float act_max;
} kiln_global_avgpool_params_t;

/* Sum over positions in ascending order, in float, then divided by `spatial`.
 */
void kiln_global_avgpool_f32_ref(const kiln_global_avgpool_params_t* p,
                                 const float* input, float* output);

size_t kiln_global_avgpool_f32_ref_scratch_bytes(
    const kiln_global_avgpool_params_t* p);

KILN_EXTERN_C_END

#endif /* KILN_REF_GLOBAL_AVGPOOL_H_ */
