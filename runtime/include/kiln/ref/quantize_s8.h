/* Float32 -> int8 quantization for the boundary of a float island (ONNX
 * QuantizeLinear, per tensor). One of the two int8 kernels that use float. */
#ifndef KILN_REF_QUANTIZE_S8_H_
#define KILN_REF_QUANTIZE_S8_H_

#include "kiln/types.h"

KILN_EXTERN_C_BEGIN

typedef struct kiln_quantize_s8_params_t {
  int32_t count;      /* number of elements */
  float scale;        /* y_scale (> 0) */
  int32_t zero_point; /* y_zero_point */
} kiln_quantize_s8_params_t;

/* y = clamp(round_half_to_even(x / scale) + zero_point, -128, 127), as ONNX
 * QuantizeLinear and ONNX Runtime (a true float division, not x * (1/scale)).
 * +-inf saturate; NaN gives zero_point (ONNX leaves it undefined). Same bits on
 * every IEEE target (-ffp-contract=off, no libm). */
void kiln_quantize_s8_ref(const kiln_quantize_s8_params_t* p, const float* x,
                          int8_t* y);

size_t kiln_quantize_s8_ref_scratch_bytes(const kiln_quantize_s8_params_t* p);

KILN_EXTERN_C_END

#endif /* KILN_REF_QUANTIZE_S8_H_ */
