/* Float32 reference batched matrix multiply Y[b] = A[b] x B[b] (+ bias, then
 * the fused clamp), with numpy broadcasting over up to
 * KILN_MATMUL_MAX_BATCH_DIMS leading dims expressed as per-dimension element
 * strides (0 = broadcast). */
#ifndef KILN_REF_MATMUL_H_
#define KILN_REF_MATMUL_H_

#include "kiln/types.h"

KILN_EXTERN_C_BEGIN

typedef struct kiln_matmul_params_t {
  /* Leading (batch) dims, 0..KILN_MATMUL_MAX_BATCH_DIMS. */
  int32_t batch_dims;
  /* The output's leading dims. */
  int32_t batch_shape[KILN_MATMUL_MAX_BATCH_DIMS];
  /* Elements between consecutive A matrices per batch dim, 0 = broadcast. */
  int32_t a_batch_stride[KILN_MATMUL_MAX_BATCH_DIMS];
  /* Same for B. */
  int32_t b_batch_stride[KILN_MATMUL_MAX_BATCH_DIMS];
  int32_t m;     /* rows of A and Y */
  int32_t k;     /* columns of A, rows of B */
  int32_t n;     /* columns of B and Y */
  float act_min; /* fused activation clamp */
  float act_max;
} kiln_matmul_params_t;

/* Each A matrix is [m][k], each B matrix [k][n] (both row-major, at the offsets
 * the strides give), Y is dense [batch_shape...][m][n] and must not overlap A
 * or B (its rows are the accumulators). bias is [n] or NULL. Each output is sum
 * over k ascending of a*b, in float, no FMA, from 0.0f; then
 * + bias; then clamp. */
void kiln_matmul_f32_ref(const kiln_matmul_params_t* p, const float* a,
                         const float* b, const float* bias, float* y);

size_t kiln_matmul_f32_ref_scratch_bytes(const kiln_matmul_params_t* p);

KILN_EXTERN_C_END

#endif /* KILN_REF_MATMUL_H_ */
