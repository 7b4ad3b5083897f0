/* Host-only helpers for the compiler's int8 backend: turning real scale ratios
 * into the (Q31 multiplier, shift) pairs of kiln/requant.h and filling the
 * params of the int8 kernels. They use double, so firmware never includes this
 * header (no runtime kernel does); plain C, no libm. */
#ifndef KILN_QUANT_HOST_H_
#define KILN_QUANT_HOST_H_

#include "kiln/requant.h"

/* Splits real_multiplier > 0 into multiplier * 2^(shift - 31) with multiplier a
 * Q31 value in [2^30, 2^31) (the significand rounded half away from zero to 31
 * bits) and shift in [KILN_REQUANT_SHIFT_MIN, KILN_REQUANT_SHIFT_MAX], so that
 * kiln_multiply_by_quantized_multiplier(x, *mult, *shift) ~= x * real.
 * real_multiplier == 0, or so small that shift < -31, gives (0, 0): every
 * result is 0. Returns 0 on success, -1 if real_multiplier is negative, NaN or
 * >= 2^30 (shift would exceed 30); then *mult = *shift = 0. Identity (1.0) is
 * (2^30, 1), exact. */
static inline int kiln_quantize_multiplier(double real_multiplier,
                                           int32_t* mult, int32_t* shift) {
  double q = real_multiplier;
  int32_t e = 0;
  int64_t m;
  *mult = 0;
  *shift = 0;
  if (!(q >= 0.0)) return -1; /* negative or NaN */
  if (q == 0.0) return 0;
  if (q >= 1073741824.0) return -1; /* 2^30 */
  /* Normalise to q in [0.5, 1) by exact power-of-two scaling (frexp without
   * libm). */
  while (q >= 1.0) {
    q *= 0.5;
    ++e;
  }
  while (q < 0.5) {
    q *= 2.0;
    --e;
    if (e < KILN_REQUANT_SHIFT_MIN - 2) return 0; /* underflows to 0 */
  }
  /* q * 2^31 is exact in double; + 0.5 then truncation rounds half up, which
   * is half away from zero for positive values. */
  m = (int64_t)(q * 2147483648.0 + 0.5);
  if (m == ((int64_t)1 << 31)) {
    m >>= 1;
    ++e;
  }
  if (e < KILN_REQUANT_SHIFT_MIN) return 0;
  if (e > KILN_REQUANT_SHIFT_MAX) return -1;
  *mult = (int32_t)m;
  *shift = e;
  return 0;
}

/* The TFLite int8 add scheme (kiln_add_s8_ref): both inputs are shifted left
 * by left_shift = 20 and rescaled to a common scale 2 * max(sa, sb) / 2^20, added
 * in int32, and the sum is requantized to the output. Fills the six
 * multiplier/shift fields; returns 0 or -1 (out-of-range multiplier). */
static inline int kiln_add_s8_multipliers(double scale_a, double scale_b,
                                          double scale_out, int32_t* left_shift,
                                          int32_t* a_mult, int32_t* a_shift,
                                          int32_t* b_mult, int32_t* b_shift,
                                          int32_t* out_mult,
                                          int32_t* out_shift) {
  const double twice_max = 2.0 * (scale_a > scale_b ? scale_a : scale_b);
  int rc = 0;
  *left_shift = 20;
  rc |= kiln_quantize_multiplier(scale_a / twice_max, a_mult, a_shift);
  rc |= kiln_quantize_multiplier(scale_b / twice_max, b_mult, b_shift);
  rc |= kiln_quantize_multiplier(twice_max / (1048576.0 * scale_out), out_mult,
                                 out_shift);
  return rc;
}

/* Fills a 256-entry int8 lookup table for kiln_lut_s8_ref: table[x + 128] =
 * clamp(round_half_to_even(f((x - in_zp) * in_scale) / out_scale) + out_zp)
 * (QuantizeLinear's rounding, so a table-driven Sigmoid/Tanh/HardSwish equals
 * ONNX's DequantizeLinear -> op -> QuantizeLinear when f matches the op). f is
 * any host function, e.g. a wrapper of tanh. */
static inline void kiln_fill_lut_s8(double (*f)(double), double in_scale,
                                    int32_t in_zp, double out_scale,
                                    int32_t out_zp, int8_t table[256]) {
  int32_t i;
  for (i = 0; i < 256; ++i) {
    const double y = f((double)(i - 128 - in_zp) * in_scale) / out_scale;
    double r;
    int64_t q;
    if (y != y) {
      q = 0; /* f gave NaN: the zero point */
    } else if (y > 1e9) {
      q = 1000000000;
    } else if (y < -1e9) {
      q = -1000000000;
    } else {
      /* round half to even without libm */
      q = (int64_t)(y < 0 ? -y : y);
      r = (y < 0 ? -y : y) - (double)q;
      if (r > 0.5 || (r == 0.5 && (q & 1))) ++q;
      if (y < 0) q = -q;
    }
    q += out_zp;
    table[i] = (int8_t)(q < -128 ? -128 : (q > 127 ? 127 : q));
  }
}

#endif /* KILN_QUANT_HOST_H_ */
