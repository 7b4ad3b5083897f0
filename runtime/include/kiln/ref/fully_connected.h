/* Float32 reference fully-connected layer: y[b][o] = sum_i x[b][i] * w[o][i] +
 * bias[o], weights [out][in] like ONNX Gemm with transB = 1, fused activation
 * clamp. */
#ifndef KILN_REF_FULLY_CONNECTED_H_
#define KILN_REF_FULLY_CONNECTED_H_

#include "kiln/types.h"

KILN_EXTERN_C_BEGIN

typedef struct kiln_fully_connected_params_t {
  int32_t batch;        /* rows of the input */
  int32_t in_features;  /* input features */
  int32_t out_features; /* output features */
  float act_min;        /* fused activation clamp after bias */
  float act_max;
} kiln_fully_connected_params_t;

/* input [batch][in], weights [out][in], bias [out] or NULL, output
 * [batch][out]. Sum over i ascending, in float, no FMA, from 0.0f; then + bias;
 * then the clamp. */
void kiln_fully_connected_f32_ref(const kiln_fully_connected_params_t* p,
                                  const float* input, const float* weights,
                                  const float* bias, float* output);

size_t kiln_fully_connected_f32_ref_scratch_bytes(
    const kiln_fully_connected_params_t* p);

KILN_EXTERN_C_END

#endif /* KILN_REF_FULLY_CONNECTED_H_ */
