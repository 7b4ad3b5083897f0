// Unit tests of the one int8 requantization routine (kiln/requant.h) and of the
// host helper kiln_quantize_multiplier (kiln/quant_host.h): edge values by
// hand, and 1e6 random inputs against an exact 128-bit reference.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>

#include "kiln/quant_host.h"
#include "kiln/requant.h"
#include "runtime/tests/int8_test_util.h"

namespace {

using kiln_test::Lcg;
using kiln_test::RefMulByQuantizedMultiplier;
using kiln_test::RefRequantS8;

constexpr int32_t kHalf = 1 << 30;  // Q31 0.5

int32_t Mbqm(int32_t x, int32_t m, int32_t s) {
  return kiln_multiply_by_quantized_multiplier(x, m, s);
}

TEST(Requant, RoundingTiesAwayFromZero) {
  // mult 0.5, shift 0: x / 2.
  EXPECT_EQ(Mbqm(1, kHalf, 0), 1);    // 0.5 -> 1
  EXPECT_EQ(Mbqm(-1, kHalf, 0), -1);  // -0.5 -> -1
  EXPECT_EQ(Mbqm(3, kHalf, 0), 2);    // 1.5 -> 2
  EXPECT_EQ(Mbqm(-3, kHalf, 0), -2);
  EXPECT_EQ(Mbqm(5, kHalf, 0), 3);  // 2.5 -> 3 (not to even)
  EXPECT_EQ(Mbqm(-5, kHalf, 0), -3);
  // x / 4: 1.25 -> 1, 1.75 -> 2, -1.25 -> -1, -1.75 -> -2, +-0.25 -> 0.
  EXPECT_EQ(Mbqm(5, kHalf, -1), 1);
  EXPECT_EQ(Mbqm(7, kHalf, -1), 2);
  EXPECT_EQ(Mbqm(-5, kHalf, -1), -1);
  EXPECT_EQ(Mbqm(-7, kHalf, -1), -2);
  EXPECT_EQ(Mbqm(1, kHalf, -1), 0);
  EXPECT_EQ(Mbqm(-1, kHalf, -1), 0);
  EXPECT_EQ(Mbqm(-2, kHalf, -1), -1);  // -0.5 -> -1
  EXPECT_EQ(Mbqm(0, INT32_MAX, 30), 0);
}

TEST(Requant, IdentityAndPowersOfTwo) {
  Lcg g(1);
  for (int i = 0; i < 1000; ++i) {
    const int32_t x = (int32_t)g.Next();
    EXPECT_EQ(Mbqm(x, kHalf, 1), x);  // 1.0 exactly
  }
  EXPECT_EQ(Mbqm(3, kHalf, 2), 6);          // x2
  EXPECT_EQ(Mbqm(-3, kHalf, 30), -(3 << 29));  // net left shift 29
  EXPECT_EQ(Mbqm(1 << 20, kHalf, -20), 1);  // 2^20 * 2^-21 = 0.5 -> 1
}

TEST(Requant, Saturation) {
  EXPECT_EQ(Mbqm(INT32_MAX, INT32_MAX, 30), INT32_MAX);
  EXPECT_EQ(Mbqm(INT32_MIN, INT32_MAX, 30), INT32_MIN);
  EXPECT_EQ(Mbqm(INT32_MIN, INT32_MIN, 30), INT32_MAX);  // +2^61
  EXPECT_EQ(Mbqm(INT32_MAX, INT32_MIN, 30), INT32_MIN);
  EXPECT_EQ(Mbqm(INT32_MIN, kHalf, 1), INT32_MIN);  // exact, no saturation
  EXPECT_EQ(Mbqm(INT32_MIN, kHalf, 2), INT32_MIN);  // -2^32 saturates
  EXPECT_EQ(Mbqm(INT32_MAX, kHalf, 2), INT32_MAX);
  // The s8 wrapper saturates after the zero point and clamps to the act range.
  EXPECT_EQ(kiln_requantize_s8(INT32_MAX, INT32_MAX, 30, 127, -128, 127), 127);
  EXPECT_EQ(kiln_requantize_s8(INT32_MIN, INT32_MAX, 30, -128, -128, 127),
            -128);
  EXPECT_EQ(kiln_requantize_s8(1000, kHalf, 1, 0, -128, 127), 127);
  EXPECT_EQ(kiln_requantize_s8(-1000, kHalf, 1, 0, -128, 127), -128);
  EXPECT_EQ(kiln_requantize_s8(-1000, kHalf, 1, 0, -3, 127), -3);  // ReLU at zp
  EXPECT_EQ(kiln_requantize_s8(50, kHalf, 1, 10, -128, 40), 40);   // ReLU6-like
  EXPECT_EQ(kiln_requantize_s8(7, kHalf, 0, -5, -128, 127), -1);   // 3.5->4, -5
}

TEST(Requant, LargeAndNegativeShifts) {
  // shift -31 (right shift by 62): (2^31 - 1)^2 / 2^62 just below 1 -> 1.
  EXPECT_EQ(Mbqm(INT32_MAX, INT32_MAX, -31), 1);
  EXPECT_EQ(Mbqm(INT32_MIN, INT32_MIN, -31), 1);   // exactly 1
  EXPECT_EQ(Mbqm(INT32_MIN, INT32_MAX, -31), -1);  // -(1 - 2^-31) -> -1
  EXPECT_EQ(Mbqm(1 << 30, kHalf, -31), 0);         // 2^-2 -> 0
  EXPECT_EQ(Mbqm(INT32_MIN, kHalf, -31), -1);      // -0.5 -> -1 (tie)
  EXPECT_EQ(Mbqm(INT32_MAX, kHalf, -31), 0);       // just below 0.5
  // shift 30 (right shift by 1).
  EXPECT_EQ(Mbqm(1, 1, 30), 1);   // 0.5 -> 1
  EXPECT_EQ(Mbqm(-1, 1, 30), -1);
  EXPECT_EQ(Mbqm(1, 3, 30), 2);  // 1.5 -> 2
}

TEST(Requant, MultiplierExtremes) {
  EXPECT_EQ(Mbqm(12345, 0, 10), 0);
  // INT32_MAX is 1 - 2^-31 in Q31; INT32_MIN is exactly -1.
  EXPECT_EQ(Mbqm(1, INT32_MAX, 0), 1);
  EXPECT_EQ(Mbqm(1, INT32_MAX, -1), 0);  // 0.5 - 2^-32 -> 0
  EXPECT_EQ(Mbqm(-1, INT32_MAX, -1), 0);
  EXPECT_EQ(Mbqm(2, INT32_MAX, -1), 1);  // 1 - 2^-31 -> 1
  EXPECT_EQ(Mbqm(1, INT32_MIN, 0), -1);
  EXPECT_EQ(Mbqm(1, INT32_MIN, -1), -1);  // -0.5 -> -1
  EXPECT_EQ(Mbqm(-1, INT32_MIN, -1), 1);  // +0.5 -> 1
  EXPECT_EQ(Mbqm(1, 1, -31), 0);
  EXPECT_EQ(Mbqm(100, -kHalf, 1), -100);
}

TEST(Requant, MatchesExact128BitReference) {
  Lcg g(42);
  for (int i = 0; i < 1000000; ++i) {
    // Mix of full-range, accumulator-sized and tiny values.
    int32_t x = (int32_t)g.Next();
    if (i % 3 == 1) x >>= 12;
    if (i % 3 == 2) x >>= 24;
    int32_t m = (int32_t)g.Next();
    if (i % 2 == 0) m = (int32_t)((g.Next() >> 1) | 0x40000000u);  // normalised
    const int32_t s = g.Uniform(KILN_REQUANT_SHIFT_MIN, KILN_REQUANT_SHIFT_MAX);
    ASSERT_EQ(Mbqm(x, m, s), RefMulByQuantizedMultiplier(x, m, s))
        << x << " " << m << " " << s;
    const int32_t zp = g.Uniform(-128, 127);
    ASSERT_EQ(kiln_requantize_s8(x, m, s, zp, -128, 127),
              RefRequantS8(x, m, s, zp, -128, 127));
  }
  // Exact ties: x * m a multiple of 2^(r-1) but not of 2^r.
  for (int i = 0; i < 100000; ++i) {
    const int32_t s = g.Uniform(-20, 0);
    const int32_t r = 31 - s;
    const int32_t m = kHalf;  // 2^30: x * 2^30 / 2^r = x / 2^(r-30)
    const int32_t k = r - 30;
    int32_t x = (int32_t)(g.Next() >> 12) | (1 << (k - 1));
    x &= ~((1 << (k - 1)) - 1);
    x |= (1 << (k - 1));
    if (i & 1) x = -x;
    ASSERT_EQ(Mbqm(x, m, s), RefMulByQuantizedMultiplier(x, m, s)) << x;
  }
}

TEST(QuantizeMultiplier, ExactAndEdgeCases) {
  int32_t m = -1, s = -1;
  EXPECT_EQ(kiln_quantize_multiplier(1.0, &m, &s), 0);
  EXPECT_EQ(m, kHalf);
  EXPECT_EQ(s, 1);
  EXPECT_EQ(kiln_quantize_multiplier(0.5, &m, &s), 0);
  EXPECT_EQ(m, kHalf);
  EXPECT_EQ(s, 0);
  EXPECT_EQ(kiln_quantize_multiplier(0.0, &m, &s), 0);
  EXPECT_EQ(m, 0);
  EXPECT_EQ(s, 0);
  EXPECT_EQ(kiln_quantize_multiplier(1e-30, &m, &s), 0);  // underflows to 0
  EXPECT_EQ(m, 0);
  EXPECT_EQ(kiln_quantize_multiplier(-1.0, &m, &s), -1);
  EXPECT_EQ(kiln_quantize_multiplier(std::nan(""), &m, &s), -1);
  EXPECT_EQ(kiln_quantize_multiplier(2e9, &m, &s), -1);
  // Rounding up to 2^31 renormalises.
  EXPECT_EQ(kiln_quantize_multiplier(1.0 - 1e-12, &m, &s), 0);
  EXPECT_EQ(m, kHalf);
  EXPECT_EQ(s, 1);
  // Largest allowed and smallest non-zero.
  EXPECT_EQ(kiln_quantize_multiplier(std::ldexp(1.0, 29), &m, &s), 0);
  EXPECT_EQ(s, 30);
  EXPECT_EQ(kiln_quantize_multiplier(std::ldexp(1.0, -32), &m, &s), 0);
  EXPECT_EQ(m, kHalf);
  EXPECT_EQ(s, -31);
}

TEST(QuantizeMultiplier, RelativeErrorAndRequantAccuracy) {
  Lcg g(7);
  for (int i = 0; i < 100000; ++i) {
    const double real = std::ldexp(1.0 + g.Next() / 4294967296.0,
                                   g.Uniform(-30, 20));
    int32_t m = 0, s = 0;
    ASSERT_EQ(kiln_quantize_multiplier(real, &m, &s), 0);
    ASSERT_GE(m, kHalf);
    const double back = std::ldexp((double)m, s - 31);
    ASSERT_LE(std::fabs(back - real) / real, std::ldexp(1.0, -31));
    // x * real, rounded: the fixed-point path is within 1 of the exact value.
    const int32_t x = g.Uniform(-100000, 100000);
    const double exact = x * real;
    if (std::fabs(exact) < 1e9) {
      ASSERT_LE(std::fabs(Mbqm(x, m, s) - std::round(exact)), 1.0)
          << x << " " << real;
    }
  }
}

}  // namespace
