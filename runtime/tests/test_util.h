// Helpers shared by the reference-kernel unit tests: deterministic
// pseudo-random data and tolerant comparison. Expected values never come from
// the kernels themselves.
#ifndef KILN_RUNTIME_TESTS_TEST_UTIL_H_
#define KILN_RUNTIME_TESTS_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

namespace kiln_test {

constexpr float kInf = std::numeric_limits<float>::infinity();
const float kNan = std::numeric_limits<float>::quiet_NaN();

// Small LCG so data is identical on every host; values in [-1, 1).
inline std::vector<float> RandomVector(size_t n, uint32_t seed) {
  std::vector<float> v(n);
  uint32_t s = seed * 2654435761u + 1;
  for (auto& x : v) {
    s = s * 1664525u + 1013904223u;
    x = static_cast<float>((s >> 8) / 8388608.0 - 1.0);
  }
  return v;
}

// Element-wise comparison with a relative+absolute tolerance (summation order
// of the naive references differs from the kernels'); NaN must match NaN.
inline void ExpectNear(const std::vector<float>& expected,
                       const std::vector<float>& actual, float tol = 1e-5f) {
  ASSERT_EQ(expected.size(), actual.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    if (std::isnan(expected[i])) {
      EXPECT_TRUE(std::isnan(actual[i])) << "at " << i;
    } else if (std::isinf(expected[i])) {
      EXPECT_EQ(expected[i], actual[i]) << "at " << i;
    } else {
      EXPECT_NEAR(expected[i], actual[i], tol * (1.0f + std::fabs(expected[i])))
          << "at " << i;
    }
  }
}

}  // namespace kiln_test

#endif  // KILN_RUNTIME_TESTS_TEST_UTIL_H_
