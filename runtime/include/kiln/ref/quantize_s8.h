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
/* One element: round(x / scale) half to even, + zero_point, saturated to int8;
 * NaN gives the zero point. Adding and subtracting 1.5 * 2^23 rounds any
 * |v| <= 2^22 to an integer in the current (round-to-nearest-even) mode, with
 * no libm (the same bits on soft-float targets); the pair must not be folded
 * (no -ffast-math). Shared by every quantize kernel so they cannot disagree. */
static inline int8_t kiln_quantize_one_s8(float x, float scale,
                                          int32_t zero_point) {
  const float kMagic = 12582912.0f;
  float v = x / scale;
  if (v != v) v = 0.0f;
  /* Saturate first (also +-inf): beyond +-512 the int8 result is clamped
   * whatever the zero point is. */
  v = (v < -512.0f) ? -512.0f : v;
  v = (v > 512.0f) ? 512.0f : v;
  const float r = (v + kMagic) - kMagic;
  int32_t q = (int32_t)r + zero_point;
  q = (q < (-128)) ? (-128) : q;
  q = (q > 127) ? 127 : q;
  return (int8_t)q;
}

void kiln_quantize_s8_ref(const kiln_quantize_s8_params_t* p, const float* x,
                          int8_t* y);

size_t kiln_quantize_s8_ref_scratch_bytes(const kiln_quantize_s8_params_t* p);

KILN_EXTERN_C_END

#endif /* KILN_REF_QUANTIZE_S8_H_ */
