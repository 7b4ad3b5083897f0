/* The one int8 requantization routine of the kiln runtime: every int8 kernel
 * turns its int32 accumulator into int8 through kiln_requantize_s8 (or, for the
 * intermediate of add, kiln_multiply_by_quantized_multiplier), so all kernels
 * round identically and every target gives the same bits. Plain C, inline. */
#ifndef KILN_REQUANT_H_
#define KILN_REQUANT_H_

#include "kiln/types.h"

/* int8 range, for act_min/act_max "no activation". */
#define KILN_S8_MIN (-128)
#define KILN_S8_MAX 127

/* Valid range of a requantization shift (see kiln_quantize_multiplier). */
#define KILN_REQUANT_SHIFT_MIN (-31)
#define KILN_REQUANT_SHIFT_MAX 30

/* y = round_half_away_from_zero(x * multiplier * 2^(shift - 31)), saturated to
 * int32. multiplier is a Q31 fixed-point number (normally in [2^30, 2^31) as
 * made by kiln_quantize_multiplier; any int32 is accepted), shift is in
 * [KILN_REQUANT_SHIFT_MIN, KILN_REQUANT_SHIFT_MAX]: negative = right shift,
 * positive = left shift.
 *
 * Method: one exact 64-bit product and ONE rounding (not TFLite's two-step
 * SaturatingRoundingDoublingHighMul + RoundingDivideByPOT, which rounds twice).
 * With r = 31 - shift in [1, 62] and P = x * multiplier (|P| <= 2^62), the
 * magnitude |P| + 2^(r-1) < 2^63 fits in uint64, and
 *   y = sign(P) * ((|P| + 2^(r-1)) >> r)
 * is round-half-away-from-zero of P / 2^r, exactly. Ties: 2.5 -> 3, -2.5 -> -3.
 * It agrees with CMSIS-NN's single-rounding requantize except at negative ties
 * (CMSIS rounds half up there), and with TFLite's double rounding except where
 * the double rounding is off by one. Integer only: on 32-bit targets the
 * compiler emits a 32x32->64 multiply and 64-bit shifts (no division). */
static inline int32_t kiln_multiply_by_quantized_multiplier(int32_t x,
                                                           int32_t multiplier,
                                                           int32_t shift) {
  const int64_t prod = (int64_t)x * (int64_t)multiplier;
  const int32_t r = 31 - shift;
  /* |prod| without overflow: |prod| <= 2^62 even for INT32_MIN * INT32_MIN. */
  const uint64_t mag = (prod < 0) ? (uint64_t)0 - (uint64_t)prod : (uint64_t)prod;
  const uint64_t q = (mag + ((uint64_t)1 << (r - 1))) >> r;
  if (prod < 0) {
    return (q > (uint64_t)2147483648u) ? INT32_MIN : (int32_t)(0 - q);
  }
  return (q > (uint64_t)INT32_MAX) ? INT32_MAX : (int32_t)q;
}

/* The int8 requantization: kiln_multiply_by_quantized_multiplier, then + the
 * output zero point (saturating in int32), then the fused activation clamp
 * [act_min, act_max], which must lie within [-128, 127] (no activation is
 * [-128, 127]; ReLU is [zero_point, 127]; ReLU6 is [zp, zp + round(6/scale)]
 * clamped to int8). */
static inline int8_t kiln_requantize_s8(int32_t acc, int32_t multiplier,
                                        int32_t shift, int32_t zero_point,
                                        int32_t act_min, int32_t act_max) {
  int64_t v = (int64_t)kiln_multiply_by_quantized_multiplier(acc, multiplier,
                                                             shift) +
              zero_point;
  v = (v < act_min) ? act_min : v;
  v = (v > act_max) ? act_max : v;
  return (int8_t)v;
}

#endif /* KILN_REQUANT_H_ */
