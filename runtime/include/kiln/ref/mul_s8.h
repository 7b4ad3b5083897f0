/* Int8 reference elementwise multiplication with numpy broadcasting (ONNX
 * DequantizeLinear -> Mul -> QuantizeLinear, QLinearMul). */
#ifndef KILN_REF_MUL_S8_H_
#define KILN_REF_MUL_S8_H_

#include "kiln/requant.h"
#include "kiln/types.h"

KILN_EXTERN_C_BEGIN

typedef struct kiln_mul_s8_params_t {
  int32_t rank;                     /* 1..KILN_MAX_DIMS */
  int32_t out_shape[KILN_MAX_DIMS]; /* output shape */
  int32_t a_shape[KILN_MAX_DIMS];   /* first input's shape (1 = broadcast) */
  int32_t b_shape[KILN_MAX_DIMS];   /* second input's shape (1 = broadcast) */
  int32_t a_zero_point;             /* zero point of a */
  int32_t b_zero_point;             /* zero point of b */
  int32_t output_zero_point;
  int32_t output_multiplier;        /* Q31 of a_scale * b_scale / out_scale */
  int32_t output_shift;
  int32_t act_min;                  /* fused clamp in the int8 domain */
  int32_t act_max;
} kiln_mul_s8_params_t;

/* y = kiln_requantize_s8((a - a_zp) * (b - b_zp), output_multiplier,
 * output_shift, output_zero_point, act_min, act_max): one rounding. May run in
 * place on a full-shape input. */
void kiln_mul_s8_ref(const kiln_mul_s8_params_t* p, const int8_t* a,
                     const int8_t* b, int8_t* y);

size_t kiln_mul_s8_ref_scratch_bytes(const kiln_mul_s8_params_t* p);

KILN_EXTERN_C_END

#endif /* KILN_REF_MUL_S8_H_ */
