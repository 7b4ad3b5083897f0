// kiln_add_s8_pulp against kiln_add_s8_ref in kiln-sim: seeded random
// broadcast shapes (equal shapes, per-channel and scalar operands, lower-rank
// operands, both operands broadcast on different axes), sizes below and above
// the table threshold, zero points, rescales and clamps, out of place and in
// place on either full-shape operand, byte for byte, with guard bytes. See
// pulp_test.h.
#include "kiln/pulp/add_s8.h"

#include <stdio.h>
#include <string.h>

#include "runtime/tests/pulp/pulp_test.h"

namespace {

using kiln_pulp_test::Rng;

#ifndef ADD_TEST_CASES
#define ADD_TEST_CASES 20
#endif

constexpr int32_t kGuard = 16;
constexpr int32_t kMax = 3 * 1024;

int8_t g_a[kMax];
int8_t g_b[kMax];
int8_t g_ref[kMax + kGuard];
int8_t g_pulp[kMax + kGuard];

int32_t Elems(const int32_t* shape, int32_t rank) {
  int32_t n = 1;
  for (int32_t d = 0; d < rank; ++d) n *= shape[d];
  return n;
}

// kind 0: random; 1: equal shapes (residual add); 2: [N,H,W,C] + [C];
// 3: tensor + scalar.
void MakeShapes(Rng& r, int32_t kind, kiln_add_s8_params_t* p) {
  do {
    p->rank = r.Range(1, 4);
    for (int32_t d = 0; d < p->rank; ++d) {
      p->out_shape[d] = r.Chance(20) ? 1 : r.Range(1, 24);
      p->a_shape[d] = r.Chance(30) ? 1 : p->out_shape[d];
      p->b_shape[d] = r.Chance(30) ? 1 : p->out_shape[d];
    }
    if (kind == 1 || kind == 2 || kind == 3) {
      p->rank = 4;
      p->out_shape[0] = 1;
      p->out_shape[1] = r.Range(2, 16);
      p->out_shape[2] = r.Range(2, 16);
      p->out_shape[3] = r.Range(1, 40);
      for (int32_t d = 0; d < 4; ++d) {
        p->a_shape[d] = p->out_shape[d];
        p->b_shape[d] = kind == 1 ? p->out_shape[d] : 1;
      }
      if (kind == 2) p->b_shape[3] = p->out_shape[3];
    }
    // Half the random cases: b of lower rank, right-aligned (leading 1s).
    if (kind == 0 && r.Chance(30)) p->b_shape[0] = 1;
  } while (Elems(p->out_shape, p->rank) > kMax);
}

}  // namespace

int main() {
  Rng r(0xADD5EEDu);
  kiln_pulp_test::Summary s;
  for (int32_t i = 0; i < ADD_TEST_CASES; ++i) {
    kiln_add_s8_params_t p = {};
    MakeShapes(r, i < 4 ? i : 0, &p);
    p.a_zero_point = r.Range(-128, 127);
    p.b_zero_point = r.Range(-128, 127);
    p.output_zero_point = r.Range(-128, 127);
    p.left_shift = 20;
    p.a_multiplier = (int32_t)(0x40000000u + (r.Next() & 0x3FFFFFFFu));
    p.b_multiplier = (int32_t)(0x40000000u + (r.Next() & 0x3FFFFFFFu));
    p.a_shift = r.Range(-6, -1);
    p.b_shift = r.Range(-6, -1);
    p.output_multiplier = (int32_t)(0x40000000u + (r.Next() & 0x3FFFFFFFu));
    p.output_shift = r.Range(-22, -18);
    // Now and then a scale outside the one-mulh form of requant_pulp.h (which
    // then calls kiln_requantize_s8): very small (r - 32 > 22) or >= 1/2.
    if (r.Chance(15)) p.output_shift = r.Range(-31, 0);
    p.act_min = r.Chance(30) ? r.Range(-128, 0) : KILN_S8_MIN;
    p.act_max = r.Chance(30) ? r.Range(p.act_min, 127) : KILN_S8_MAX;
    const int32_t n = Elems(p.out_shape, p.rank);
    const int32_t na = Elems(p.a_shape, p.rank), nb = Elems(p.b_shape, p.rank);
    r.FillS8(g_a, na);
    r.FillS8(g_b, nb);
    for (int32_t j = 0; j < n + kGuard; ++j)
      g_ref[j] = g_pulp[j] = (int8_t)0x55;
    // In place: y over an operand with the output's shape.
    int32_t in_place = 0;
    if (r.Chance(40)) {
      if (na == n) {
        in_place = 1;
        memcpy(g_pulp, g_a, (size_t)n);
      } else if (nb == n) {
        in_place = 2;
        memcpy(g_pulp, g_b, (size_t)n);
      }
    }
    const uint32_t t0 = kiln_pulp_test::Cycles();
    kiln_add_s8_ref(&p, g_a, g_b, g_ref);
    const uint32_t t1 = kiln_pulp_test::Cycles();
    kiln_add_s8_pulp(&p, in_place == 1 ? g_pulp : g_a,
                     in_place == 2 ? g_pulp : g_b, g_pulp);
    const uint32_t t2 = kiln_pulp_test::Cycles();
    s.ref_cycles += t1 - t0;
    s.pulp_cycles += t2 - t1;
    char what[240];
    int k = snprintf(what, sizeof(what), "out");
    for (int32_t d = 0; d < p.rank; ++d)
      k += snprintf(what + k, sizeof(what) - k, " %ld", (long)p.out_shape[d]);
    k += snprintf(what + k, sizeof(what) - k, " a");
    for (int32_t d = 0; d < p.rank; ++d)
      k += snprintf(what + k, sizeof(what) - k, " %ld", (long)p.a_shape[d]);
    k += snprintf(what + k, sizeof(what) - k, " b");
    for (int32_t d = 0; d < p.rank; ++d)
      k += snprintf(what + k, sizeof(what) - k, " %ld", (long)p.b_shape[d]);
    snprintf(what + k, sizeof(what) - k, " act [%ld,%ld] in place %ld",
             (long)p.act_min, (long)p.act_max, (long)in_place);
    kiln_pulp_test::Compare(&s, i, what, g_ref, g_pulp, n + kGuard);
  }
  return kiln_pulp_test::Finish("add_s8", s);
}
