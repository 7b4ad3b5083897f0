/* Int8 -> float32 dequantization for the boundary of a float island (ONNX
 * DequantizeLinear, per tensor). */
#ifndef KILN_REF_DEQUANTIZE_S8_H_
#define KILN_REF_DEQUANTIZE_S8_H_

#include "kiln/types.h"

KILN_EXTERN_C_BEGIN

typedef struct kiln_dequantize_s8_params_t {
  int32_t count;      /* number of elements */
  float scale;        /* x_scale */
  int32_t zero_point; /* x_zero_point */
} kiln_dequantize_s8_params_t;

/* y = (float)(x - zero_point) * scale: one float rounding, as ONNX Runtime. */
void kiln_dequantize_s8_ref(const kiln_dequantize_s8_params_t* p,
                            const int8_t* x, float* y);

size_t kiln_dequantize_s8_ref_scratch_bytes(
    const kiln_dequantize_s8_params_t* p);

KILN_EXTERN_C_END

#endif /* KILN_REF_DEQUANTIZE_S8_H_ */
