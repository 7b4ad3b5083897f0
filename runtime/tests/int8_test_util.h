// Helpers of the int8 kernel tests: an exact 128-bit reference of the
// requantization (written from the definition, independent of kiln/requant.h),
// and deterministic random int8 data.
#ifndef KILN_RUNTIME_TESTS_INT8_TEST_UTIL_H_
#define KILN_RUNTIME_TESTS_INT8_TEST_UTIL_H_

#include <cstdint>
#include <vector>

namespace kiln_test {

// round_half_away_from_zero(x * mult / 2^(31 - shift)), saturated to int32,
// by exact 128-bit quotient and remainder.
inline int32_t RefMulByQuantizedMultiplier(int32_t x, int32_t mult,
                                           int32_t shift) {
  const __int128 num = (__int128)x * mult;
  const __int128 den = (__int128)1 << (31 - shift);
  __int128 q = num / den;  // truncates toward zero
  const __int128 rem = num % den;
  const __int128 abs_rem = rem < 0 ? -rem : rem;
  if (2 * abs_rem >= den) q += (num < 0) ? -1 : 1;
  if (q > INT32_MAX) return INT32_MAX;
  if (q < INT32_MIN) return INT32_MIN;
  return (int32_t)q;
}

inline int8_t RefRequantS8(int32_t acc, int32_t mult, int32_t shift, int32_t zp,
                           int32_t lo, int32_t hi) {
  int64_t v = (int64_t)RefMulByQuantizedMultiplier(acc, mult, shift) + zp;
  if (v < lo) v = lo;
  if (v > hi) v = hi;
  return (int8_t)v;
}

// Small LCG so data is identical on every host.
struct Lcg {
  uint64_t s;
  explicit Lcg(uint64_t seed) : s(seed * 6364136223846793005ull + 1442695040888963407ull) {}
  uint32_t Next() {
    s = s * 6364136223846793005ull + 1442695040888963407ull;
    return (uint32_t)(s >> 32);
  }
  int32_t Uniform(int32_t lo, int32_t hi) {  // inclusive
    return lo + (int32_t)(Next() % (uint32_t)(hi - lo + 1));
  }
};

inline std::vector<int8_t> RandomS8(size_t n, uint64_t seed, int lo = -128,
                                    int hi = 127) {
  Lcg g(seed);
  std::vector<int8_t> v(n);
  for (auto& x : v) x = (int8_t)g.Uniform(lo, hi);
  return v;
}

}  // namespace kiln_test

#endif  // KILN_RUNTIME_TESTS_INT8_TEST_UTIL_H_
