/* kiln's own float32 math functions: range reduction plus polynomials in pure
 * float and integer operations (no libm, no FMA, no double), so every target
 * (x86, Cortex-M with or without FPU, rv32im soft-float) computes the same
 * bits.
 *
 * Accuracy against the host's libm in double, as enforced by
 * runtime/tests/math_test.cc over >= 1e6 points each plus edge cases
 * (measured maximum in brackets; details in docs/runtime.md):
 *   kiln_expf      <= 1 ULP, all finite inputs incl. denormal results  [0.87]
 *   kiln_logf      <= 1 ULP, all positive inputs incl. denormals       [0.80]
 *   kiln_sqrtf     correctly rounded (bit-identical to IEEE sqrt)      [0.5]
 *   kiln_tanhf     <= 2 ULP (relative < 1.5e-7)                        [1.3]
 *   kiln_sigmoidf  <= 3 ULP (relative < 2e-7), also for tiny results   [2.1]
 *   kiln_erff      <= 3 ULP (relative < 2e-7), absolute < 2e-7         [2.5]
 *   kiln_powf      relative <= 4 * (1 + |y ln x|) * 2^-24              [2.9]
 *                  (x^n for integer |n| <= 4 by repeated multiplication)
 * Special values follow C99 Annex F: NaN in gives NaN out, expf(-inf) = 0,
 * expf(+inf) = +inf, logf(+-0) = -inf, logf(x < 0) = NaN, sqrtf(-0) = -0,
 * tanhf/erff(+-inf) = +-1, sigmoidf(-inf) = 0. */
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
