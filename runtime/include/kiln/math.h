/* kiln's own float32 math functions. Range reduction plus polynomials in pure
 * float and integer operations (no libm, no FMA, no double), so every target --
 * x86, Cortex-M with or without FPU, rv32im soft-float -- computes the same
 * bits.
 *
 * Accuracy, measured against the host's glibc over the ranges of
 * runtime/tests/math_test.cc (>= 1e6 points each plus edge cases; see
 * docs/runtime.md): kiln_expf      <= 1 ULP          (all finite inputs;
 * denormal results <= 1 ULP) kiln_logf      <= 1 ULP          (all positive
 * inputs incl. denormals) kiln_sqrtf     0 ULP             (correctly rounded,
 * bit-by-bit integer method) kiln_tanhf     <= 3 ULP          (relative error <
 * 3e-7) kiln_sigmoidf  <= 4 ULP          (relative error < 5e-7) kiln_erff
 * relative < 1e-6   for |erf(x)| >= 1e-30; absolute < 1e-7 overall kiln_powf
 * relative < (1 + |y*ln x|) * 2e-7 (exp(y*log x) in float); exact results for
 * small integer exponents within a few ULP Special values follow C99 Annex F:
 * NaN in gives NaN out, expf(-inf) = 0, expf(+inf) = +inf, logf(0) = -inf,
 * logf(x < 0) = NaN, sqrtf(-0) = -0, and so on. */
#ifndef KILN_MATH_H_
#define KILN_MATH_H_

#include "kiln/types.h"

KILN_EXTERN_C_BEGIN

float kiln_expf(float x);
float kiln_logf(float x);
float kiln_sqrtf(float x);
float kiln_tanhf(float x);
/* 1 / (1 + exp(-x)), written to keep relative accuracy for very negative x. */
float kiln_sigmoidf(float x);
float kiln_erff(float x);
/* C99 powf semantics (pow(x, +-0) = 1, pow(1, y) = 1, pow(-x, integer y)
 * signed, pow(negative, non-integer) = NaN, zeros and infinities per Annex F).
 */
float kiln_powf(float x, float y);

KILN_EXTERN_C_END

#endif /* KILN_MATH_H_ */
