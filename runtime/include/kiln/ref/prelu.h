/* Float32 reference PRelu: y = x < 0 ? slope * x : x, slope broadcast to x
 * numpy-style (typically per channel, [C] against NHWC), then the fused
 * activation clamp. */
#ifndef KILN_REF_PRELU_H_
#define KILN_REF_PRELU_H_

#include "kiln/ref/broadcast.h"
#include "kiln/types.h"

KILN_EXTERN_C_BEGIN

/* a_shape is x's shape (== out_shape), b_shape the slope's, right-aligned. */
typedef kiln_broadcast_params_t kiln_prelu_params_t;

void kiln_prelu_f32_ref(const kiln_prelu_params_t* p, const float* x,
                        const float* slope, float* y);

size_t kiln_prelu_f32_ref_scratch_bytes(const kiln_prelu_params_t* p);

KILN_EXTERN_C_END

#endif /* KILN_REF_PRELU_H_ */
