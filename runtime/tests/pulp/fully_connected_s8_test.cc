// kiln_fully_connected_s8_pulp against kiln_fully_connected_s8_ref in kiln-sim:
// seeded random layers (odd and word-multiple in/out sizes, batch 1-3,
// per-tensor and per-channel requantization, non-zero input/output/weight zero
// points, fused clamps, with and without bias), byte for byte. See pulp_test.h.
#include <stdio.h>

#include "kiln/pulp/fully_connected_s8.h"
#include "runtime/tests/pulp/pulp_test.h"

namespace {

using kiln_pulp_test::Rng;

#ifndef FC_TEST_CASES
#define FC_TEST_CASES 24
#endif
#ifndef FC_TEST_MACS
#define FC_TEST_MACS 16000
#endif
#ifndef FC_TEST_SEED
#define FC_TEST_SEED 1129u
#endif

constexpr int32_t kMaxIn = 8 * 1024;
constexpr int32_t kMaxW = 64 * 1024;
constexpr int32_t kMaxOut = 1024;

int8_t g_in[kMaxIn] __attribute__((aligned(4)));
int8_t g_w[kMaxW] __attribute__((aligned(4)));
int8_t g_ref[kMaxOut];
int8_t g_pulp[kMaxOut];
int32_t g_bias[kMaxOut];
int32_t g_mult[kMaxOut];
int32_t g_shift[kMaxOut];
int32_t g_wzp[kMaxOut];

int32_t BitLength(uint32_t v) {
  int32_t n = 0;
  while (v != 0) {
    ++n;
    v >>= 1;
  }
  return n;
}

// kind 0: random; 1: an in_features too large for one L1 weight tile (several
// channel tiles); 2: batch 1, word-multiple sizes (the models' case).
bool MakeCase(Rng& r, int32_t kind, kiln_fully_connected_s8_params_t* p) {
  kiln_fully_connected_s8_params_t c = {};
  c.batch = r.Chance(70) ? 1 : r.Range(2, 3);
  c.in_features = r.Chance(50) ? 4 * r.Range(1, 80) : r.Range(1, 301);
  c.out_features = r.Chance(50) ? 4 * r.Range(1, 16) : r.Range(1, 67);
  if (kind == 1) {
    c.batch = 1;
    c.in_features = 4000;
    c.out_features = 15;
  } else if (kind == 2) {
    c.batch = 1;
    c.in_features = 64 * r.Range(1, 4);
    c.out_features = 4 * r.Range(2, 12);
  }
  const int32_t macs = c.batch * c.in_features * c.out_features;
  if (macs > FC_TEST_MACS && kind != 1) return false;
  if (c.batch * c.in_features > kMaxIn || c.in_features * c.out_features > kMaxW ||
      c.batch * c.out_features > kMaxOut) {
    return false;
  }
  c.input_zero_point = r.Chance(25) ? 0 : r.Range(-128, 127);
  c.output_zero_point = r.Chance(25) ? 0 : r.Range(-128, 127);
  c.act_min = -128;
  c.act_max = 127;
  if (r.Chance(40)) {
    c.act_min = r.Range(-128, 20);
    c.act_max = r.Range(c.act_min, 127);
  }
  c.per_channel = r.Chance(50);
  const int32_t nq = c.per_channel ? c.out_features : 1;
  const int32_t base_shift = 6 - (BitLength((uint32_t)c.in_features) / 2 + 13);
  for (int32_t i = 0; i < nq; ++i) {
    g_mult[i] = (int32_t)(0x40000000u + (r.Next() & 0x3FFFFFFFu));
    int32_t s = base_shift + r.Range(-2, 2);
    if (r.Chance(5)) s = r.Range(0, 3);  // scale >= 1/2: the other requant path
    s = s < KILN_REQUANT_SHIFT_MIN ? KILN_REQUANT_SHIFT_MIN : s;
    g_shift[i] = s > KILN_REQUANT_SHIFT_MAX ? KILN_REQUANT_SHIFT_MAX : s;
    g_wzp[i] = r.Chance(20) ? 0 : r.Range(-40, 40);
  }
  c.multipliers = g_mult;
  c.shifts = g_shift;
  c.weight_zero_points = r.Chance(25) ? g_wzp : NULL;
  *p = c;
  return true;
}

}  // namespace

int main() {
  Rng r(FC_TEST_SEED);
  kiln_pulp_test::Summary s;
  for (int32_t i = 0; i < FC_TEST_CASES; ++i) {
    kiln_fully_connected_s8_params_t p;
    const int32_t kind = i < 3 ? i : (i % 4 == 0 ? 2 : 0);
    while (!MakeCase(r, kind, &p)) {
    }
    const int32_t out_n = p.batch * p.out_features;
    r.FillS8(g_in, p.batch * p.in_features);
    r.FillS8(g_w, p.in_features * p.out_features);
    const bool with_bias = r.Chance(80);
    for (int32_t c = 0; c < p.out_features; ++c) g_bias[c] = r.Range(-40000, 40000);
    for (int32_t j = 0; j < out_n; ++j) g_ref[j] = g_pulp[j] = (int8_t)0x55;
    const int32_t* bias = with_bias ? g_bias : NULL;
    uint32_t t0 = kiln_pulp_test::Cycles();
    kiln_fully_connected_s8_ref(&p, g_in, g_w, bias, g_ref);
    uint32_t t1 = kiln_pulp_test::Cycles();
    kiln_fully_connected_s8_pulp(&p, g_in, g_w, bias, g_pulp);
    uint32_t t2 = kiln_pulp_test::Cycles();
    s.ref_cycles += t1 - t0;
    s.pulp_cycles += t2 - t1;
    char what[200];
    snprintf(what, sizeof(what),
             "batch %ld in %ld out %ld izp %ld ozp %ld act [%ld,%ld] per_channel %ld "
             "wzp %s bias %s",
             (long)p.batch, (long)p.in_features, (long)p.out_features,
             (long)p.input_zero_point, (long)p.output_zero_point, (long)p.act_min,
             (long)p.act_max, (long)p.per_channel, p.weight_zero_points ? "yes" : "no",
             with_bias ? "yes" : "no");
    kiln_pulp_test::Compare(&s, i, what, g_ref, g_pulp, out_n);
  }
  return kiln_pulp_test::Finish("fully_connected_s8", s);
}
