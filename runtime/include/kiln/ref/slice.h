/* Float32 reference N-D strided slice (rank up to KILN_MAX_DIMS): ONNX Slice
 * after the compiler has clamped starts and computed the output shape; steps
 * may be negative. */
#ifndef KILN_REF_SLICE_H_
#define KILN_REF_SLICE_H_

#include "kiln/types.h"

KILN_EXTERN_C_BEGIN

typedef struct kiln_slice_params_t {
  int32_t rank;                     /* 1..KILN_MAX_DIMS */
  int32_t in_shape[KILN_MAX_DIMS];  /* input shape */
  int32_t out_shape[KILN_MAX_DIMS]; /* output shape */
  int32_t starts[KILN_MAX_DIMS];    /* first input index, in [0, in_shape) */
  int32_t steps[KILN_MAX_DIMS];     /* non-zero; negative walks backwards */
} kiln_slice_params_t;

/* y[o] = x[starts + o * steps] per dimension; every index must be in range. */
void kiln_slice_f32_ref(const kiln_slice_params_t* p, const float* x, float* y);

size_t kiln_slice_f32_ref_scratch_bytes(const kiln_slice_params_t* p);

KILN_EXTERN_C_END

#endif /* KILN_REF_SLICE_H_ */
