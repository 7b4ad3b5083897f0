/* Int8 reference elementwise addition with numpy broadcasting, each input with
 * its own scale and zero point (ONNX DequantizeLinear -> Add -> QuantizeLinear,
 * QLinearAdd), by the TFLite/CMSIS-NN add scheme. */
#ifndef KILN_REF_ADD_S8_H_
#define KILN_REF_ADD_S8_H_

#include "kiln/requant.h"
#include "kiln/types.h"

KILN_EXTERN_C_BEGIN

typedef struct kiln_add_s8_params_t {
  int32_t rank;                     /* 1..KILN_MAX_DIMS */
  int32_t out_shape[KILN_MAX_DIMS]; /* output shape */
  int32_t a_shape[KILN_MAX_DIMS];   /* first input's shape (1 = broadcast) */
  int32_t b_shape[KILN_MAX_DIMS];   /* second input's shape (1 = broadcast) */
  int32_t a_zero_point;             /* zero point of a */
  int32_t a_multiplier;             /* Q31 of a_scale / (2 * max(a_s, b_s)) */
  int32_t a_shift;
  int32_t b_zero_point;             /* zero point of b */
  int32_t b_multiplier;             /* Q31 of b_scale / (2 * max(a_s, b_s)) */
  int32_t b_shift;
  int32_t left_shift;               /* 20 (headroom of the common scale) */
  int32_t output_zero_point;
  int32_t output_multiplier; /* Q31 of 2 max(a_s, b_s) / (2^left_shift out_s) */
  int32_t output_shift;
  int32_t act_min;                  /* fused clamp in the int8 domain */
  int32_t act_max;
} kiln_add_s8_params_t;

/* y = kiln_requantize_s8(A + B, output_multiplier, output_shift, out_zp, ...)
 * with A = kiln_multiply_by_quantized_multiplier((a - a_zp) << left_shift,
 * a_multiplier, a_shift) and B likewise: both inputs are first brought to a
 * common fine scale 2 max(a_s, b_s) / 2^left_shift (each multiplier <= 0.5, so
 * the sum cannot overflow), so there are three roundings, each by the one
 * routine. kiln_add_s8_multipliers in kiln/quant_host.h fills the fields.
 * May run in place on a full-shape input. */
void kiln_add_s8_ref(const kiln_add_s8_params_t* p, const int8_t* a,
                     const int8_t* b, int8_t* y);

size_t kiln_add_s8_ref_scratch_bytes(const kiln_add_s8_params_t* p);

KILN_EXTERN_C_END

#endif /* KILN_REF_ADD_S8_H_ */
