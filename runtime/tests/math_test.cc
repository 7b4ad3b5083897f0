// Accuracy tests of kiln's own math functions against the host's libm evaluated
// in double precision (an independent oracle), over >= 1e6 points each plus
// edge cases (zeros, denormals, infinities, NaN, overflow/underflow
// thresholds).
#include "kiln/math.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

namespace {

uint32_t Bits(float f) {
  uint32_t u;
  std::memcpy(&u, &f, 4);
  return u;
}
float FromBits(uint32_t u) {
  float f;
  std::memcpy(&f, &u, 4);
  return f;
}

// Error of `got` against the exact value `ref`, in ULPs of the float nearest to
// ref (denormal ULP below 2^-126). Special values must match exactly.
double UlpError(float got, double ref) {
  if (std::isnan(ref)) return std::isnan(got) ? 0 : 1e9;
  const float rf = static_cast<float>(ref);
  if (std::isinf(rf)) return (got == rf) ? 0 : 1e9;
  int e;
  std::frexp(rf == 0 ? ref : static_cast<double>(rf), &e);
  double ulp = std::ldexp(1.0, e - 24);
  if (std::fabs(ref) < std::ldexp(1.0, -126)) ulp = std::ldexp(1.0, -149);
  return std::fabs(static_cast<double>(got) - ref) / ulp;
}

struct SweepResult {
  double max_ulp = 0;
  float worst = 0;
  long points = 0;
};

// Visits every float whose magnitude lies in [lo, hi] at a bit-pattern stride
// that gives about `n` points per sign (so every binade is covered), both signs
// if asked.
template <typename F, typename R>
SweepResult Sweep(float lo, float hi, bool both_signs, long n, F f, R ref) {
  SweepResult res;
  const uint32_t a = Bits(lo), b = Bits(hi);
  const uint32_t stride = (b - a) / static_cast<uint32_t>(n) + 1;
  for (uint64_t u = a; u <= b; u += stride) {
    for (int s = 0; s < (both_signs ? 2 : 1); ++s) {
      const float x = s ? -FromBits(static_cast<uint32_t>(u))
                        : FromBits(static_cast<uint32_t>(u));
      const double e = UlpError(f(x), ref(static_cast<double>(x)));
      if (e > res.max_ulp) {
        res.max_ulp = e;
        res.worst = x;
      }
      ++res.points;
    }
  }
  return res;
}

constexpr float kInf = std::numeric_limits<float>::infinity();
const float kNan = std::numeric_limits<float>::quiet_NaN();
const float kDenormMin = std::numeric_limits<float>::denorm_min();

TEST(MathTest, ExpAccuracy) {
  // Whole finite domain, from the underflow to the overflow threshold and
  // beyond.
  SweepResult r = Sweep(
      0.0f, 110.0f, true, 2000000, [](float x) { return kiln_expf(x); },
      [](double x) { return std::exp(x); });
  EXPECT_GE(r.points, 1000000);
  EXPECT_LE(r.max_ulp, 1.0) << "worst x = " << r.worst;
}

TEST(MathTest, ExpSpecialValues) {
  EXPECT_EQ(kiln_expf(0.0f), 1.0f);
  EXPECT_EQ(kiln_expf(-0.0f), 1.0f);
  EXPECT_EQ(kiln_expf(kInf), kInf);
  EXPECT_EQ(kiln_expf(-kInf), 0.0f);
  EXPECT_TRUE(std::isnan(kiln_expf(kNan)));
  // Overflow threshold: 0x42b17217 is the largest x with a finite result.
  const float last_finite = FromBits(0x42b17217u);
  EXPECT_EQ(kiln_expf(last_finite), std::exp(last_finite));
  EXPECT_LT(kiln_expf(last_finite), kInf);
  EXPECT_EQ(kiln_expf(FromBits(0x42b17218u)), kInf);
  // Underflow: results round to the smallest denormal down to -103.972077
  // (ln 2^-150), to 0 below.
  EXPECT_EQ(kiln_expf(-103.97f), kDenormMin);
  EXPECT_EQ(kiln_expf(-103.0f), std::exp(-103.0f));
  EXPECT_EQ(kiln_expf(-87.5f),
            std::exp(-87.5f));  // near the normal/denormal edge
  EXPECT_EQ(kiln_expf(-103.98f), 0.0f);
  EXPECT_EQ(kiln_expf(-104.0f), 0.0f);
  EXPECT_EQ(kiln_expf(kDenormMin), 1.0f);
  EXPECT_EQ(kiln_expf(1.0f), 2.71828183f);
}

TEST(MathTest, LogAccuracy) {
  // Every binade of positive floats, denormals included.
  SweepResult r = Sweep(
      kDenormMin, std::numeric_limits<float>::max(), false, 4000000,
      [](float x) { return kiln_logf(x); },
      [](double x) { return std::log(x); });
  EXPECT_GE(r.points, 1000000);
  EXPECT_LE(r.max_ulp, 1.0) << "worst x = " << r.worst;
  // Densely around 1, where log is small and cancellation bites.
  r = Sweep(
      0.5f, 2.0f, false, 2000000, [](float x) { return kiln_logf(x); },
      [](double x) { return std::log(x); });
  EXPECT_LE(r.max_ulp, 1.0) << "worst x = " << r.worst;
}

TEST(MathTest, LogSpecialValues) {
  EXPECT_EQ(kiln_logf(1.0f), 0.0f);
  EXPECT_EQ(kiln_logf(0.0f), -kInf);
  EXPECT_EQ(kiln_logf(-0.0f), -kInf);
  EXPECT_EQ(kiln_logf(kInf), kInf);
  EXPECT_TRUE(std::isnan(kiln_logf(-1.0f)));
  EXPECT_TRUE(std::isnan(kiln_logf(-kInf)));
  EXPECT_TRUE(std::isnan(kiln_logf(kNan)));
  EXPECT_EQ(kiln_logf(kDenormMin), std::log(kDenormMin));
  EXPECT_NEAR(kiln_logf(2.0f), 0.693147181f, 1e-7f);
}

TEST(MathTest, SqrtIsCorrectlyRounded) {
  // Bit-identical to IEEE sqrt (the host's sqrtf instruction) everywhere
  // tested.
  long points = 0;
  const uint32_t stride = 0x7f800000u / 4000000u;
  for (uint32_t u = 0; u < 0x7f800000u; u += stride) {
    const float x = FromBits(u);
    ASSERT_EQ(Bits(kiln_sqrtf(x)), Bits(std::sqrt(x))) << "x = " << x;
    ++points;
  }
  for (uint32_t u = 1; u < 100000; ++u) {  // low denormals one by one
    ASSERT_EQ(Bits(kiln_sqrtf(FromBits(u))), Bits(std::sqrt(FromBits(u))));
  }
  EXPECT_GE(points, 1000000);
  EXPECT_EQ(Bits(kiln_sqrtf(-0.0f)), Bits(-0.0f));
  EXPECT_EQ(kiln_sqrtf(kInf), kInf);
  EXPECT_TRUE(std::isnan(kiln_sqrtf(-1.0f)));
  EXPECT_TRUE(std::isnan(kiln_sqrtf(-kDenormMin)));
  EXPECT_TRUE(std::isnan(kiln_sqrtf(kNan)));
  EXPECT_EQ(kiln_sqrtf(4.0f), 2.0f);
}

TEST(MathTest, TanhAccuracy) {
  SweepResult r = Sweep(
      0.0f, 50.0f, true, 2000000, [](float x) { return kiln_tanhf(x); },
      [](double x) { return std::tanh(x); });
  EXPECT_GE(r.points, 1000000);
  EXPECT_LE(r.max_ulp, 2.0) << "worst x = " << r.worst;
  EXPECT_EQ(kiln_tanhf(kInf), 1.0f);
  EXPECT_EQ(kiln_tanhf(-kInf), -1.0f);
  EXPECT_EQ(kiln_tanhf(1e30f), 1.0f);
  EXPECT_EQ(Bits(kiln_tanhf(-0.0f)), Bits(-0.0f));
  EXPECT_EQ(kiln_tanhf(kDenormMin), kDenormMin);
  EXPECT_TRUE(std::isnan(kiln_tanhf(kNan)));
}

TEST(MathTest, SigmoidAccuracy) {
  SweepResult r = Sweep(
      0.0f, 120.0f, true, 2000000, [](float x) { return kiln_sigmoidf(x); },
      [](double x) { return 1.0 / (1.0 + std::exp(-x)); });
  EXPECT_GE(r.points, 1000000);
  EXPECT_LE(r.max_ulp, 3.0) << "worst x = " << r.worst;
  EXPECT_EQ(kiln_sigmoidf(0.0f), 0.5f);
  EXPECT_EQ(kiln_sigmoidf(kInf), 1.0f);
  EXPECT_EQ(kiln_sigmoidf(-kInf), 0.0f);
  EXPECT_EQ(kiln_sigmoidf(-200.0f), 0.0f);
  EXPECT_GT(kiln_sigmoidf(-100.0f), 0.0f);  // 3.7e-44 is a denormal, not 0
  EXPECT_TRUE(std::isnan(kiln_sigmoidf(kNan)));
}

TEST(MathTest, ErfAccuracy) {
  SweepResult r = Sweep(
      0.0f, 10.0f, true, 2000000, [](float x) { return kiln_erff(x); },
      [](double x) { return std::erf(x); });
  EXPECT_GE(r.points, 1000000);
  EXPECT_LE(r.max_ulp, 3.0) << "worst x = " << r.worst;
  double max_abs = 0;
  for (int i = 0; i <= 1000000; ++i) {
    const float x = -6.0f + 12.0f * static_cast<float>(i) / 1000000.0f;
    max_abs = std::fmax(max_abs, std::fabs(kiln_erff(x) - std::erf((double)x)));
  }
  EXPECT_LT(max_abs, 2e-7);
  EXPECT_EQ(kiln_erff(kInf), 1.0f);
  EXPECT_EQ(kiln_erff(-kInf), -1.0f);
  EXPECT_EQ(Bits(kiln_erff(-0.0f)), Bits(-0.0f));
  EXPECT_EQ(kiln_erff(3.92f), 1.0f);
  EXPECT_TRUE(std::isnan(kiln_erff(kNan)));
  EXPECT_GT(kiln_erff(kDenormMin), 0.0f);
}

TEST(MathTest, PowAccuracy) {
  // Relative error <= 4 * (1 + |y ln x|) * 2^-24 on random bases and exponents.
  uint32_t s = 12345;
  auto rnd = [&s]() {
    s = s * 1664525u + 1013904223u;
    return (s >> 8) / 16777216.0;
  };
  long points = 0;
  double worst = 0;
  for (int i = 0; i < 1500000; ++i) {
    const float x = static_cast<float>(std::exp(rnd() * 20 - 10));
    float y = static_cast<float>(rnd() * 20 - 10);
    if (i % 4 == 0) y = static_cast<float>(static_cast<int>(rnd() * 16 - 8));
    const double ref = std::pow(static_cast<double>(x), static_cast<double>(y));
    if (!(ref > 1e-37 && ref < 1e37)) continue;
    const double rel = std::fabs(kiln_powf(x, y) - ref) / ref;
    const double bound = (1 + std::fabs(y * std::log(static_cast<double>(x)))) *
                         std::ldexp(1.0, -24);
    worst = std::fmax(worst, rel / bound);
    ++points;
  }
  EXPECT_GE(points, 1000000);
  EXPECT_LE(worst, 4.0);
}

TEST(MathTest, PowSpecialValues) {
  EXPECT_EQ(kiln_powf(3.0f, 2.0f), 9.0f);
  EXPECT_EQ(kiln_powf(1.1f, 2.0f), 1.1f * 1.1f);
  EXPECT_EQ(kiln_powf(-2.0f, 3.0f), -8.0f);
  EXPECT_EQ(kiln_powf(-2.0f, -2.0f), 0.25f);
  EXPECT_EQ(kiln_powf(4.0f, 0.5f), 2.0f);
  EXPECT_EQ(kiln_powf(kNan, 0.0f), 1.0f);
  EXPECT_EQ(kiln_powf(1.0f, kNan), 1.0f);
  EXPECT_TRUE(std::isnan(kiln_powf(-2.0f, 0.5f)));
  EXPECT_TRUE(std::isnan(kiln_powf(kNan, 2.0f)));
  EXPECT_EQ(kiln_powf(0.0f, -1.0f), kInf);
  EXPECT_EQ(kiln_powf(-0.0f, -1.0f), -kInf);
  EXPECT_EQ(kiln_powf(-0.0f, -2.0f), kInf);
  EXPECT_EQ(Bits(kiln_powf(-0.0f, 3.0f)), Bits(-0.0f));
  EXPECT_EQ(kiln_powf(0.0f, 2.5f), 0.0f);
  EXPECT_EQ(kiln_powf(-1.0f, kInf), 1.0f);
  EXPECT_EQ(kiln_powf(0.5f, kInf), 0.0f);
  EXPECT_EQ(kiln_powf(2.0f, kInf), kInf);
  EXPECT_EQ(kiln_powf(2.0f, -kInf), 0.0f);
  EXPECT_EQ(kiln_powf(-kInf, 3.0f), -kInf);
  EXPECT_EQ(kiln_powf(-kInf, -3.0f), -0.0f);
  EXPECT_EQ(kiln_powf(kInf, -1.0f), 0.0f);
  EXPECT_EQ(kiln_powf(2.0f, 200.0f), kInf);   // overflow
  EXPECT_EQ(kiln_powf(2.0f, -200.0f), 0.0f);  // underflow
  EXPECT_NEAR(kiln_powf(2.0f, 10.0f), 1024.0f, 1024.0f * 2e-6f);
}

}  // namespace
