// kiln_quantize_s8_pulp against kiln_quantize_s8_ref in kiln-sim: seeded random
// counts (odd, several tiles per core), scales over many magnitudes, zero
// points, and inputs with exact .5 ties, values far beyond the int8 range,
// +-inf, NaN and signed zeros, byte for byte, with guard bytes. See
// pulp_test.h.
#include "kiln/pulp/quantize_s8.h"

#include <stdio.h>
#include <string.h>

#include "runtime/tests/pulp/pulp_test.h"

namespace {

#ifndef Q_TEST_CASES
#define Q_TEST_CASES 8
#endif

constexpr int32_t kGuard = 16;
constexpr int32_t kMax = 3000;

float g_x[kMax];
int8_t g_ref[kMax + kGuard];
int8_t g_pulp[kMax + kGuard];

float Special(kiln_pulp_test::Rng& r, float scale) {
  switch (r.Range(0, 5)) {
    case 0: return __builtin_inff();
    case 1: return -__builtin_inff();
    case 2: return __builtin_nanf("");
    case 3: return r.Chance(50) ? 0.0f : -0.0f;
    case 4: return (float)r.Range(-100000, 100000) * scale;  // far out of range
    default: return ((float)r.Range(-140, 140) + 0.5f) * scale;  // a tie
  }
}

}  // namespace

int main() {
  kiln_pulp_test::Rng r(0x0A7E5EEDu);
  kiln_pulp_test::Summary s;
  for (int32_t i = 0; i < Q_TEST_CASES; ++i) {
    kiln_quantize_s8_params_t p = {};
    p.count = r.Chance(30) ? r.Range(1, 300) : r.Range(300, kMax);
    // Scales from about 2^-12 to 2^4, with random mantissas.
    p.scale = (float)r.Range(1000, 9999) / (float)(1 << r.Range(10, 26));
    p.zero_point = r.Range(-128, 127);
    for (int32_t j = 0; j < p.count; ++j) {
      g_x[j] = r.Chance(5) ? Special(r, p.scale)
                           : (float)r.Range(-(1 << 20), 1 << 20) / (float)(1 << 20) *
                                 160.0f * p.scale;
    }
    for (int32_t j = 0; j < p.count + kGuard; ++j)
      g_ref[j] = g_pulp[j] = (int8_t)0x55;
    const uint32_t t0 = kiln_pulp_test::Cycles();
    kiln_quantize_s8_ref(&p, g_x, g_ref);
    const uint32_t t1 = kiln_pulp_test::Cycles();
    kiln_quantize_s8_pulp(&p, g_x, g_pulp);
    const uint32_t t2 = kiln_pulp_test::Cycles();
    s.ref_cycles += t1 - t0;
    s.pulp_cycles += t2 - t1;
    char what[96];
    snprintf(what, sizeof(what), "count %ld scale %.9g zp %ld", (long)p.count,
             (double)p.scale, (long)p.zero_point);
    kiln_pulp_test::Compare(&s, i, what, g_ref, g_pulp, p.count + kGuard);
  }
  return kiln_pulp_test::Finish("quantize_s8", s);
}
