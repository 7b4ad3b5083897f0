/* Float32 reference log softmax over one axis of a tensor viewed as
 * [outer][axis][inner], numerically stable: y = (x - max) - log(sum(exp(x -
 * max))). */
#ifndef KILN_REF_LOG_SOFTMAX_H_
#define KILN_REF_LOG_SOFTMAX_H_

#include "kiln/types.h"

KILN_EXTERN_C_BEGIN

typedef struct kiln_log_softmax_params_t {
  int32_t outer; /* product of the dimensions before the axis */
  int32_t axis;  /* extent of the normalised axis */
  int32_t inner; /* product of the dimensions after it (1: innermost axis) */
} kiln_log_softmax_params_t;

/* max by value > max (NaN skipped there, but it still poisons the sum, so a row
 * with a NaN is all NaN as in ONNX Runtime); the sum of exp runs over the axis
 * ascending, in float, with kiln_expf/kiln_logf. y may equal x (in place). */
void kiln_log_softmax_f32_ref(const kiln_log_softmax_params_t* p,
                              const float* x, float* y);

size_t kiln_log_softmax_f32_ref_scratch_bytes(
    const kiln_log_softmax_params_t* p);

KILN_EXTERN_C_END

#endif /* KILN_REF_LOG_SOFTMAX_H_ */
