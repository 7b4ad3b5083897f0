/* Float32 reference transpose: an N-D permutation (rank up to KILN_MAX_DIMS),
 * ONNX semantics: output dimension i is input dimension perm[i]. */
#ifndef KILN_REF_TRANSPOSE_H_
#define KILN_REF_TRANSPOSE_H_

#include "kiln/types.h"

KILN_EXTERN_C_BEGIN

typedef struct kiln_transpose_params_t {
  int32_t rank;                    /* 1..KILN_MAX_DIMS */
  int32_t in_shape[KILN_MAX_DIMS]; /* input shape */
  int32_t perm[KILN_MAX_DIMS];     /* output dim i = input dim perm[i] */
} kiln_transpose_params_t;

/* Writes the output in row-major order. x and y must not overlap. */
void kiln_transpose_f32_ref(const kiln_transpose_params_t* p, const float* x,
                            float* y);

size_t kiln_transpose_f32_ref_scratch_bytes(const kiln_transpose_params_t* p);

KILN_EXTERN_C_END

#endif /* KILN_REF_TRANSPOSE_H_ */
