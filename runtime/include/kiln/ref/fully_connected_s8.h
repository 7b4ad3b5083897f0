/* Int8 reference fully-connected layer (ONNX Gemm/MatMul with constant
 * weights, QLinearMatMul): batch x in -> out with weights [out][in], int32
 * bias, per-channel or per-tensor requantization. */
#ifndef KILN_REF_FULLY_CONNECTED_S8_H_
#define KILN_REF_FULLY_CONNECTED_S8_H_

#include "kiln/requant.h"
#include "kiln/types.h"

KILN_EXTERN_C_BEGIN

typedef struct kiln_fully_connected_s8_params_t {
  int32_t batch;             /* rows of the input */
  int32_t in_features;       /* K */
  int32_t out_features;      /* N */
  int32_t input_zero_point;  /* activation zero point */
  int32_t output_zero_point; /* output zero point */
  int32_t act_min;           /* fused clamp in the int8 domain */
  int32_t act_max;
  int32_t per_channel;       /* 1: arrays have out_features entries; 0: one */
  const int32_t* multipliers;        /* Q31 of in_scale * w_scale / out_scale */
  const int32_t* shifts;             /* matching shifts */
  const int32_t* weight_zero_points; /* NULL = symmetric weights */
} kiln_fully_connected_s8_params_t;

/* input int8 [batch][in_features], weights int8 [out_features][in_features],
 * bias int32 [out_features] or NULL, output int8 [batch][out_features].
 * acc = bias[o] + sum_k (x - input_zp) * (w - w_zp[o]) in int32, then
 * kiln_requantize_s8 with index per_channel ? o : 0. */
void kiln_fully_connected_s8_ref(const kiln_fully_connected_s8_params_t* p,
                                 const int8_t* input, const int8_t* weights,
                                 const int32_t* bias, int8_t* output);

size_t kiln_fully_connected_s8_ref_scratch_bytes(
    const kiln_fully_connected_s8_params_t* p);

KILN_EXTERN_C_END

#endif /* KILN_REF_FULLY_CONNECTED_S8_H_ */
