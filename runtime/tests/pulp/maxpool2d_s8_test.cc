// kiln_maxpool2d_s8_pulp against kiln_maxpool2d_s8_ref in kiln-sim: seeded
// random max pooling on pool_case.h's shapes, byte for byte, with guard bytes
// after the output. See pulp_test.h.
#include "kiln/pulp/maxpool2d_s8.h"

#include <stdio.h>

#include "runtime/tests/pulp/pool_case.h"
#include "runtime/tests/pulp/pulp_test.h"

namespace {

#ifndef POOL_TEST_CASES
#define POOL_TEST_CASES 20
#endif

constexpr int32_t kGuard = 16;
constexpr int32_t kMaxElems = 16 * 1024;

int8_t g_in[kMaxElems];
int8_t g_ref[kMaxElems + kGuard];
int8_t g_pulp[kMaxElems + kGuard];

}  // namespace

int main() {
  kiln_pulp_test::Rng r(0x3A11F00Du);
  kiln_pulp_test::Summary s;
  for (int32_t i = 0; i < POOL_TEST_CASES; ++i) {
    kiln_pulp_test::PoolCase c;
    const int32_t kind = i < 5 ? i : 0;
    while (!kiln_pulp_test::MakePoolCase(r, kind, kMaxElems, 8000, &c)) {
    }
    kiln_maxpool2d_s8_params_t p = {};
    kiln_pulp_test::SetPoolParams(c, &p);
    const char* extra = "";
    const int32_t in_n = c.batch * c.in_h * c.in_w * c.channels;
    const int32_t out_n = c.batch * c.out_h * c.out_w * c.channels;
    r.FillS8(g_in, in_n);
    for (int32_t j = 0; j < out_n + kGuard; ++j)
      g_ref[j] = g_pulp[j] = (int8_t)0x55;
    const uint32_t t0 = kiln_pulp_test::Cycles();
    kiln_maxpool2d_s8_ref(&p, g_in, g_ref);
    const uint32_t t1 = kiln_pulp_test::Cycles();
    kiln_maxpool2d_s8_pulp(&p, g_in, g_pulp);
    const uint32_t t2 = kiln_pulp_test::Cycles();
    s.ref_cycles += t1 - t0;
    s.pulp_cycles += t2 - t1;
    char what[400];
    kiln_pulp_test::DescribePool(c, extra, what, sizeof(what));
    kiln_pulp_test::Compare(&s, i, what, g_ref, g_pulp, out_n + kGuard);
  }
  return kiln_pulp_test::Finish("maxpool2d_s8", s);
}
