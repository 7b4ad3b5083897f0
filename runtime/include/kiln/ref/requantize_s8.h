/* Int8 reference requantization of a tensor to another scale and zero point
 * (ONNX DequantizeLinear -> QuantizeLinear with different parameters, or in
 * front of a kernel that needs matching input/output scales). */
#ifndef KILN_REF_REQUANTIZE_S8_H_
#define KILN_REF_REQUANTIZE_S8_H_

#include "kiln/requant.h"
#include "kiln/types.h"

KILN_EXTERN_C_BEGIN

typedef struct kiln_requantize_s8_params_t {
  int32_t count;             /* number of elements */
  int32_t input_zero_point;  /* input zero point */
  int32_t output_zero_point; /* output zero point */
  int32_t multiplier;        /* Q31 of in_scale / out_scale */
  int32_t shift;
  int32_t act_min;           /* fused clamp in the int8 domain */
  int32_t act_max;
} kiln_requantize_s8_params_t;

/* y = kiln_requantize_s8(x - input_zp, multiplier, shift, output_zp, act_min,
 * act_max). May run in place. */
void kiln_requantize_s8_ref(const kiln_requantize_s8_params_t* p,
                            const int8_t* x, int8_t* y);

size_t kiln_requantize_s8_ref_scratch_bytes(
    const kiln_requantize_s8_params_t* p);

KILN_EXTERN_C_END

#endif /* KILN_REF_REQUANTIZE_S8_H_ */
