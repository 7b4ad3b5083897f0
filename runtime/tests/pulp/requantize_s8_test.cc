// kiln_requantize_s8_pulp against kiln_requantize_s8_ref in kiln-sim: seeded
// random counts (below and above the table threshold, odd), zero points,
// multipliers and shifts (also left shifts), clamps, out of place and in
// place, byte for byte, with guard bytes. See pulp_test.h.
#include "kiln/pulp/requantize_s8.h"

#include <stdio.h>
#include <string.h>

#include "runtime/tests/pulp/pulp_test.h"

namespace {

#ifndef RQ_TEST_CASES
#define RQ_TEST_CASES 16
#endif

constexpr int32_t kGuard = 16;
constexpr int32_t kMax = 20 * 1024;

int8_t g_x[kMax];
int8_t g_ref[kMax + kGuard];
int8_t g_pulp[kMax + kGuard];

}  // namespace

int main() {
  kiln_pulp_test::Rng r(0x5E0A11CEu);
  kiln_pulp_test::Summary s;
  for (int32_t i = 0; i < RQ_TEST_CASES; ++i) {
    kiln_requantize_s8_params_t p = {};
    p.count = r.Chance(40) ? r.Range(1, 1023) : r.Range(1024, 2600);
    p.input_zero_point = r.Range(-128, 127);
    p.output_zero_point = r.Range(-128, 127);
    p.multiplier = (int32_t)(0x40000000u + (r.Next() & 0x3FFFFFFFu));
    p.shift = r.Range(-8, 3);
    p.act_min = r.Chance(30) ? r.Range(-128, 0) : KILN_S8_MIN;
    p.act_max = r.Chance(30) ? r.Range(p.act_min, 127) : KILN_S8_MAX;
    const bool in_place = r.Chance(40);
    r.FillS8(g_x, p.count);
    for (int32_t j = 0; j < p.count + kGuard; ++j)
      g_ref[j] = g_pulp[j] = (int8_t)0x55;
    if (in_place) memcpy(g_pulp, g_x, (size_t)p.count);
    const uint32_t t0 = kiln_pulp_test::Cycles();
    kiln_requantize_s8_ref(&p, g_x, g_ref);
    const uint32_t t1 = kiln_pulp_test::Cycles();
    kiln_requantize_s8_pulp(&p, in_place ? g_pulp : g_x, g_pulp);
    const uint32_t t2 = kiln_pulp_test::Cycles();
    s.ref_cycles += t1 - t0;
    s.pulp_cycles += t2 - t1;
    char what[160];
    snprintf(what, sizeof(what),
             "count %ld zp %ld/%ld mult %ld shift %ld act [%ld,%ld]%s",
             (long)p.count, (long)p.input_zero_point, (long)p.output_zero_point,
             (long)p.multiplier, (long)p.shift, (long)p.act_min,
             (long)p.act_max, in_place ? " in place" : "");
    kiln_pulp_test::Compare(&s, i, what, g_ref, g_pulp, p.count + kGuard);
  }
  return kiln_pulp_test::Finish("requantize_s8", s);
}
