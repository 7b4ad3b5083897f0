// kiln_conv2d_s8_pulp against kiln_conv2d_s8_ref in kiln-sim: seeded random
// layers (odd channel counts, kernel sizes 1-5, strides 1-3, dilation,
// asymmetric padding, groups, 1x1 pointwise, batch 2, per-tensor and
// per-channel requantization, non-zero input/output/weight zero points, fused
// clamps), byte for byte. See pulp_test.h.
#include <stdio.h>

#include "kiln/pulp/conv2d_s8.h"
#include "runtime/kernels/pulp/requant_pulp.h"
#include "runtime/tests/pulp/pulp_test.h"

namespace {

using kiln_pulp_test::Rng;

#ifndef CONV_TEST_CASES
#define CONV_TEST_CASES 24
#endif
#ifndef CONV_TEST_MACS
#define CONV_TEST_MACS 9000  // per case: the reference runs from L2 on one core
#endif
#ifndef CONV_TEST_SEED
#define CONV_TEST_SEED 20261129u
#endif

constexpr int32_t kMaxIn = 24 * 1024;
constexpr int32_t kMaxW = 24 * 1024;
constexpr int32_t kMaxOut = 16 * 1024;
constexpr int32_t kMaxOc = 512;

int8_t g_in[kMaxIn] __attribute__((aligned(4)));
int8_t g_w[kMaxW] __attribute__((aligned(4)));
int8_t g_ref[kMaxOut];
int8_t g_pulp[kMaxOut];
int32_t g_bias[kMaxOc];
int32_t g_mult[kMaxOc];
int32_t g_shift[kMaxOc];
int32_t g_wzp[kMaxOc];

int32_t BitLength(uint32_t v) {
  int32_t n = 0;
  while (v != 0) {
    ++n;
    v >>= 1;
  }
  return n;
}

int32_t Macs(const kiln_conv2d_s8_params_t& p) {
  return p.batch * p.out_h * p.out_w * p.out_c * p.kernel_h * p.kernel_w *
         (p.in_c / p.groups);
}

// A random layer within the buffers and the MAC budget; `kind` forces a shape
// family for the first cases (0: random, 1: 1x1 pointwise, 2: 3x3 pad 1,
// 3: fully-connected-like 1x1 on a 1x1 image, 4: large 3x3 (several bands in
// small-L1 builds)).
bool MakeCase(Rng& r, int32_t kind, kiln_conv2d_s8_params_t* p) {
  kiln_conv2d_s8_params_t c = {};
  c.batch = r.Chance(15) ? 2 : 1;
  c.groups = 1;
  c.kernel_h = r.Range(1, 3) == 1 ? 1 : r.Range(1, 5);
  c.kernel_w = r.Chance(70) ? c.kernel_h : r.Range(1, 5);
  c.stride_h = r.Chance(60) ? 1 : r.Range(1, 3);
  c.stride_w = r.Chance(70) ? c.stride_h : r.Range(1, 3);
  c.dilation_h = r.Chance(80) ? 1 : r.Range(2, 3);
  c.dilation_w = r.Chance(80) ? c.dilation_h : r.Range(1, 3);
  c.in_c = r.Chance(50) ? 4 * r.Range(1, 8) : r.Range(1, 27);
  c.out_c = r.Chance(50) ? 4 * r.Range(1, 6) : r.Range(1, 23);
  c.in_h = r.Range(1, 14);
  c.in_w = r.Range(1, 14);
  if (r.Chance(10)) {
    const int32_t g = r.Range(2, 4);
    c.groups = g;
    c.in_c = g * r.Range(1, 5);
    c.out_c = g * r.Range(1, 5);
  }
  if (kind == 1) {
    c.kernel_h = c.kernel_w = 1;
    c.dilation_h = c.dilation_w = 1;
    c.in_c = 4 * r.Range(2, 12);
    c.groups = 1;
  } else if (kind == 2) {
    c.kernel_h = c.kernel_w = 3;
    c.stride_h = c.stride_w = 1;
    c.dilation_h = c.dilation_w = 1;
    c.in_c = 8;
    c.out_c = 8;
    c.in_h = c.in_w = 6;
    c.groups = 1;
  } else if (kind == 3) {
    c.kernel_h = c.kernel_w = 1;
    c.stride_h = c.stride_w = 1;
    c.in_h = c.in_w = 1;
    c.in_c = r.Range(20, 300);
    c.out_c = r.Range(5, 33);
    c.groups = 1;
  } else if (kind == 4) {
    c.kernel_h = c.kernel_w = 3;
    c.stride_h = c.stride_w = 1;
    c.dilation_h = c.dilation_w = 1;
    c.in_c = 8;
    c.out_c = 12;
    c.in_h = 12;
    c.in_w = 11;
    c.groups = 1;
  }
  const int32_t ext_h = (c.kernel_h - 1) * c.dilation_h + 1;
  const int32_t ext_w = (c.kernel_w - 1) * c.dilation_w + 1;
  c.pad_top = r.Range(0, ext_h - 1);
  c.pad_bottom = r.Range(0, ext_h - 1);
  c.pad_left = r.Range(0, ext_w - 1);
  c.pad_right = r.Range(0, ext_w - 1);
  if (kind == 2 || kind == 4) c.pad_top = c.pad_bottom = c.pad_left = c.pad_right = 1;
  if (kind == 3) c.pad_top = c.pad_bottom = c.pad_left = c.pad_right = 0;
  const int32_t span_h = c.in_h + c.pad_top + c.pad_bottom - ext_h;
  const int32_t span_w = c.in_w + c.pad_left + c.pad_right - ext_w;
  if (span_h < 0 || span_w < 0) return false;
  c.out_h = span_h / c.stride_h + 1;
  c.out_w = span_w / c.stride_w + 1;
  if (Macs(c) > CONV_TEST_MACS && kind != 2 && kind != 4) return false;
  if (c.batch * c.in_h * c.in_w * c.in_c > kMaxIn) return false;
  if (c.out_c * c.kernel_h * c.kernel_w * (c.in_c / c.groups) > kMaxW) return false;
  if (c.batch * c.out_h * c.out_w * c.out_c > kMaxOut) return false;
  c.input_zero_point = r.Chance(25) ? 0 : r.Range(-128, 127);
  c.output_zero_point = r.Chance(25) ? 0 : r.Range(-128, 127);
  c.act_min = -128;
  c.act_max = 127;
  if (r.Chance(40)) {
    c.act_min = r.Range(-128, 20);
    c.act_max = r.Range(c.act_min, 127);
  }
  c.per_channel = r.Chance(50);
  const int32_t nq = c.per_channel ? c.out_c : 1;
  // Scale so that outputs spread over the int8 range: |acc| is about
  // sqrt(K) * 74^2, the multiplier is in [2^30, 2^31).
  const int32_t k = c.kernel_h * c.kernel_w * (c.in_c / c.groups);
  const int32_t base_shift = 6 - (BitLength((uint32_t)k) / 2 + 13);
  const bool with_wzp = r.Chance(25);
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
  c.weight_zero_points = with_wzp ? g_wzp : NULL;
  *p = c;
  return true;
}

void Describe(const kiln_conv2d_s8_params_t& c, bool bias, char* buf, size_t n) {
  snprintf(buf, n,
           "n%ld %ldx%ldx%ld -> %ldx%ldx%ld k%ldx%ld s%ldx%ld d%ldx%ld pad t%ld l%ld b%ld "
           "r%ld g%ld izp %ld ozp %ld act [%ld,%ld] per_channel %ld wzp %s bias %s",
           (long)c.batch, (long)c.in_h, (long)c.in_w, (long)c.in_c, (long)c.out_h,
           (long)c.out_w, (long)c.out_c, (long)c.kernel_h, (long)c.kernel_w,
           (long)c.stride_h, (long)c.stride_w, (long)c.dilation_h, (long)c.dilation_w,
           (long)c.pad_top, (long)c.pad_left, (long)c.pad_bottom, (long)c.pad_right,
           (long)c.groups, (long)c.input_zero_point, (long)c.output_zero_point,
           (long)c.act_min, (long)c.act_max, (long)c.per_channel,
           c.weight_zero_points ? "yes" : "no", bias ? "yes" : "no");
}

#ifndef CONV_TEST_REQUANT_CHECKS
#if defined(__riscv)
#define CONV_TEST_REQUANT_CHECKS 3000
#else
#define CONV_TEST_REQUANT_CHECKS 2000000
#endif
#endif

// The kernels' requantization (requant_pulp.h) against kiln_requantize_s8 on
// random operands, every shift, the extreme accumulators and multipliers,
// multipliers with trailing zero bits (the fast form strips them), exact ties
// (multiplier 2^30, small accumulators: P / 2^r = k + 1/2) and near-ties of the
// fast form (acc = the nearest integers to (k + 1/2) * 2^r / multiplier, where a
// wrong rounding constant or a lost borrow shows), and random fused clamps.
// Returns the number of differences (printing the first).
int32_t RequantCheck(Rng& r) {
  int32_t bad = 0;
  int32_t fast = 0;
  for (int32_t i = 0; i < CONV_TEST_REQUANT_CHECKS; ++i) {
    int32_t acc = (int32_t)r.Next();
    int32_t m = (int32_t)r.Next();
    int32_t shift = r.Range(KILN_REQUANT_SHIFT_MIN, KILN_REQUANT_SHIFT_MAX);
    const int32_t kind = r.Range(0, 8);
    if (kind == 0) acc = r.Range(-1000, 1000);
    if (kind == 1) acc = (i & 1) ? INT32_MIN : INT32_MAX;
    if (kind == 2) m = 1 << 30;
    if (kind == 3) m = (int32_t)(0x40000000u | (r.Next() & 0x3FFFFFFFu));
    if (kind == 4) m = (i & 2) ? INT32_MIN : INT32_MAX;
    if (kind == 5) m = (int32_t)((0x40000000u | (r.Next() & 0x3FFFFFFFu)) &
                                 ~((1u << r.Range(0, 12)) - 1u));
    if (kind >= 6) {
      // Near a tie: acc * m / 2^rr = k + 1/2 + (a fraction of 1 / m).
      m = (int32_t)((0x40000000u | (r.Next() & 0x3FFFFFFFu)) &
                    ~((1u << r.Range(0, 4)) - 1u));
      if (kind == 7) m = -m;
      shift = r.Range(-21, -2);  // rr = 31 - shift in [33, 52]
      const int32_t rr = 31 - shift;
      const int64_t k2 = 2 * (int64_t)r.Range(-200, 200) + 1;
      const int64_t tie = k2 * ((int64_t)1 << (rr - 1));  // |tie| < 2^61
      const int64_t a = tie / m + r.Range(-1, 1);
      if (a < INT32_MIN || a > INT32_MAX) continue;
      acc = (int32_t)a;
    }
    const int32_t zp = r.Range(-128, 127);
    int32_t lo = -128, hi = 127;
    if (r.Chance(20)) {
      lo = r.Range(-128, 20);
      hi = r.Range(lo, 127);
    }
    kiln_pulp::ChanQuant q;
    kiln_pulp::MakeChanQuant(m, shift, zp, &q);
    fast += q.rs > 0;
    const int8_t got = (int8_t)kiln_pulp::Requant(q, acc, zp, lo, hi, kiln_pulp::SplatS8(lo),
                                          kiln_pulp::SplatS8(hi));
    const int8_t want = kiln_requantize_s8(acc, m, shift, zp, lo, hi);
    // The int8 clamp hides large values: compare the rounded product too, with
    // zp 0 and no clamp, when it is within int8.
    const int32_t y = kiln_multiply_by_quantized_multiplier(acc, m, shift);
    kiln_pulp::ChanQuant q0;
    kiln_pulp::MakeChanQuant(m, shift, 0, &q0);
    const int8_t got0 = (int8_t)kiln_pulp::Requant(q0, acc, 0, -128, 127, kiln_pulp::SplatS8(-128),
                                           kiln_pulp::SplatS8(127));
    const bool small = y >= -128 && y <= 127;
    if (got != want || (small && got0 != (int8_t)y)) {
      if (bad == 0) {
        printf("requant mismatch: acc %ld mult %ld shift %ld zp %ld act [%ld,%ld]: ref %d "
               "pulp %d (fast form %d)\n",
               (long)acc, (long)m, (long)shift, (long)zp, (long)lo, (long)hi, want, got,
               q.rs > 0);
      }
      ++bad;
    }
  }
  printf("conv2d_s8: requantization: %ld checks on the fast form\n", (long)fast);
  return bad;
}

}  // namespace

int main() {
  Rng r(CONV_TEST_SEED);
  kiln_pulp_test::Summary s;
  int32_t tiled = 0, generic = 0, banded = 0, oc_tiled = 0, channels = 0;
  for (int32_t i = 0; i < CONV_TEST_CASES; ++i) {
    kiln_conv2d_s8_params_t p;
    const int32_t kind = i < 5 ? i : 0;
    while (!MakeCase(r, kind, &p)) {
    }
    const int32_t in_n = p.batch * p.in_h * p.in_w * p.in_c;
    const int32_t w_n = p.out_c * p.kernel_h * p.kernel_w * (p.in_c / p.groups);
    const int32_t out_n = p.batch * p.out_h * p.out_w * p.out_c;
    r.FillS8(g_in, in_n);
    r.FillS8(g_w, w_n);
    const bool with_bias = r.Chance(80);
    for (int32_t c = 0; c < p.out_c; ++c) g_bias[c] = r.Range(-40000, 40000);
    for (int32_t j = 0; j < out_n; ++j) g_ref[j] = g_pulp[j] = (int8_t)0x55;
    const int32_t* bias = with_bias ? g_bias : NULL;
    uint32_t t0 = kiln_pulp_test::Cycles();
    kiln_conv2d_s8_ref(&p, g_in, g_w, bias, g_ref);
    uint32_t t1 = kiln_pulp_test::Cycles();
    kiln_conv2d_s8_pulp(&p, g_in, g_w, bias, g_pulp);
    uint32_t t2 = kiln_pulp_test::Cycles();
    s.ref_cycles += t1 - t0;
    s.pulp_cycles += t2 - t1;
    kiln_pulp_conv_plan_t plan;
    kiln_conv2d_s8_pulp_plan(&p, (int32_t)kiln_num_cores(), &plan);
    (plan.path == KILN_PULP_CONV_TILED ? tiled : generic)++;
    if (plan.path == KILN_PULP_CONV_TILED) {
      banded += plan.band_rows < p.out_h;
      oc_tiled += plan.oc_tile < p.out_c;
      channels += plan.axis == KILN_PULP_AXIS_CHANNELS;
    }
    char what[400];
    Describe(p, with_bias, what, sizeof(what));
    kiln_pulp_test::Compare(&s, i, what, g_ref, g_pulp, out_n);
  }
  const int32_t requant_bad = RequantCheck(r);
  printf("conv2d_s8: requantization: %ld of %ld differ\n", (long)requant_bad,
         (long)CONV_TEST_REQUANT_CHECKS);
  s.failed += requant_bad;
  printf("conv2d_s8: %ld tiled (%ld in several bands, %ld in several channel tiles, %ld "
         "on the channel axis), %ld generic cases\n",
         (long)tiled, (long)banded, (long)oc_tiled, (long)channels, (long)generic);
  return kiln_pulp_test::Finish("conv2d_s8", s);
}
