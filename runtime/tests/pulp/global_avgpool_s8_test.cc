// kiln_global_avgpool_s8_pulp against kiln_global_avgpool_s8_ref in kiln-sim:
// seeded random [N][HW][C] (odd and small channel counts, which take the
// spatial split on 8 cores, large ones the channel split), zero points,
// requantization and clamps, byte for byte, with guard bytes after the
// output. See pulp_test.h.
#include "kiln/pulp/global_avgpool_s8.h"

#include <stdio.h>

#include "runtime/tests/pulp/pulp_test.h"

namespace {

#ifndef GAP_TEST_CASES
#define GAP_TEST_CASES 16
#endif

constexpr int32_t kGuard = 16;
constexpr int32_t kMaxIn = 8 * 1024;
constexpr int32_t kMaxOut = 2048;

int8_t g_in[kMaxIn];
int8_t g_ref[kMaxOut + kGuard];
int8_t g_pulp[kMaxOut + kGuard];

}  // namespace

int main() {
  kiln_pulp_test::Rng r(0x6A7C0DE5u);
  kiln_pulp_test::Summary s;
  for (int32_t i = 0; i < GAP_TEST_CASES; ++i) {
    kiln_global_avgpool_s8_params_t p = {};
    do {
      p.batch = r.Chance(20) ? 2 : 1;
      p.channels = r.Chance(30) ? r.Range(1, 12) : r.Range(13, 130);
      if (i == 0) p.channels = 64;    // ResNet-8 / DS-CNN head
      if (i == 1) p.channels = 1100;  // more than one pass per core
      p.spatial = i == 0 ? 125 : (i == 1 ? 3 : r.Range(1, 200));
    } while (p.batch * p.spatial * p.channels > kMaxIn ||
             p.batch * p.channels > kMaxOut);
    p.input_zero_point = r.Range(-128, 127);
    p.output_zero_point = r.Range(-128, 127);
    p.multiplier = (int32_t)(0x40000000u + (r.Next() & 0x3FFFFFFFu));
    p.shift = r.Range(-12, 0);
    p.act_min = r.Chance(30) ? r.Range(-128, 0) : KILN_S8_MIN;
    p.act_max = r.Chance(30) ? r.Range(p.act_min, 127) : KILN_S8_MAX;
    const int32_t out_n = p.batch * p.channels;
    r.FillS8(g_in, p.batch * p.spatial * p.channels);
    for (int32_t j = 0; j < out_n + kGuard; ++j)
      g_ref[j] = g_pulp[j] = (int8_t)0x55;
    const uint32_t t0 = kiln_pulp_test::Cycles();
    kiln_global_avgpool_s8_ref(&p, g_in, g_ref);
    const uint32_t t1 = kiln_pulp_test::Cycles();
    kiln_global_avgpool_s8_pulp(&p, g_in, g_pulp);
    const uint32_t t2 = kiln_pulp_test::Cycles();
    s.ref_cycles += t1 - t0;
    s.pulp_cycles += t2 - t1;
    char what[200];
    snprintf(what, sizeof(what),
             "n%ld hw%ld c%ld zp %ld/%ld mult %ld shift %ld act [%ld,%ld]",
             (long)p.batch, (long)p.spatial, (long)p.channels,
             (long)p.input_zero_point, (long)p.output_zero_point,
             (long)p.multiplier, (long)p.shift, (long)p.act_min,
             (long)p.act_max);
    kiln_pulp_test::Compare(&s, i, what, g_ref, g_pulp, out_n + kGuard);
  }
  return kiln_pulp_test::Finish("global_avgpool_s8", s);
}
