/* Float32 reference elementwise min with numpy broadcasting up to KILN_MAX_DIMS
 * and a fused activation clamp: y = clamp(min(a, b); NaN in either input gives
 * NaN, as ONNX Runtime's Min). */
#ifndef KILN_REF_MIN_H_
#define KILN_REF_MIN_H_

#include "kiln/ref/broadcast.h"
#include "kiln/types.h"

KILN_EXTERN_C_BEGIN

typedef kiln_broadcast_params_t kiln_min_params_t;

/* a, b, y dense row-major with the shapes in p (see kiln/ref/broadcast.h). y
 * may alias an input only if that input has the output's full shape. */
void kiln_min_f32_ref(const kiln_min_params_t* p, const float* a,
                      const float* b, float* y);

size_t kiln_min_f32_ref_scratch_bytes(const kiln_min_params_t* p);

KILN_EXTERN_C_END

#endif /* KILN_REF_MIN_H_ */
