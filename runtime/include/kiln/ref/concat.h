/* Float32 reference concatenation along one axis, as outer x (axis_i * inner)
 * slices: for each outer index, each input in turn contributes one contiguous
 * slice. */
#ifndef KILN_REF_CONCAT_H_
#define KILN_REF_CONCAT_H_

#include "kiln/types.h"

KILN_EXTERN_C_BEGIN

typedef struct kiln_concat_params_t {
  int32_t outer;              /* product of the dimensions before the axis */
  int32_t num_inputs;         /* number of inputs */
  const int32_t* slice_elems; /* per input: axis extent * inner */
} kiln_concat_params_t;

/* inputs[k] is [outer][slice_elems[k]]; output is [outer][sum_k
 * slice_elems[k]]. Output must not overlap any input. */
void kiln_concat_f32_ref(const kiln_concat_params_t* p,
                         const float* const* inputs, float* output);

size_t kiln_concat_f32_ref_scratch_bytes(const kiln_concat_params_t* p);

KILN_EXTERN_C_END

#endif /* KILN_REF_CONCAT_H_ */
