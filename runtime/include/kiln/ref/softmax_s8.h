/* Int8 reference softmax (int8 in, int8 out) without float: exp through a
 * 256-entry table of the (non-positive) differences to the row maximum, which
 * the compiler computes on the host, then an integer normalisation and the one
 * requantization routine. */
#ifndef KILN_REF_SOFTMAX_S8_H_
#define KILN_REF_SOFTMAX_S8_H_

#include "kiln/requant.h"
#include "kiln/types.h"

KILN_EXTERN_C_BEGIN

/* Fixed-point format of the normalised probability handed to the requant. */
#define KILN_SOFTMAX_S8_PROB_BITS 23

typedef struct kiln_softmax_s8_params_t {
  int32_t outer;             /* product of the dimensions before the axis */
  int32_t axis;              /* extent of the normalised axis, <= 2^20 */
  int32_t inner;             /* product of the dimensions after it */
  int32_t output_zero_point; /* e.g. -128 for scale 1/256 */
  int32_t multiplier;        /* Q31 of 1 / (out_scale * 2^23) */
  int32_t shift;
} kiln_softmax_s8_params_t;

/* exp_lut[d] = round(2^20 * exp(-beta * in_scale * d)) for d = 0..255
 * (exp_lut[0] = 2^20; entries may be 0). Per row: m = max x; S = sum of
 * exp_lut[m - x] (64-bit); each probability is prob = round_half_up(exp_lut[m
 * - x] * 2^23 / S) (an exact 64-bit integer division), and y =
 * kiln_requantize_s8(prob, multiplier, shift, output_zero_point, -128, 127).
 * The input zero point cancels in m - x. Against an exact softmax of the
 * dequantized input the result is within 1 LSB (table rounding 2^-21 relative,
 * prob rounding 2^-24). Must not run in place over a row it still reads:
 * y != x. */
void kiln_softmax_s8_ref(const kiln_softmax_s8_params_t* p, const int8_t* x,
                         const int32_t* exp_lut, int8_t* y);

size_t kiln_softmax_s8_ref_scratch_bytes(const kiln_softmax_s8_params_t* p);

KILN_EXTERN_C_END

#endif /* KILN_REF_SOFTMAX_S8_H_ */
