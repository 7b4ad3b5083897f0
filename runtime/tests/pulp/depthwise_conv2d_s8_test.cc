// kiln_depthwise_conv2d_s8_pulp against kiln_depthwise_conv2d_s8_ref in
// kiln-sim: seeded random layers (odd channel counts, channel multipliers,
// kernels 1-5, strides 1-3, dilation, asymmetric padding, batch 2, per-tensor
// and per-channel requantization with weight zero points, no bias, clamps,
// rows too wide for one tile), byte for byte, with guard bytes after the
// output. See pulp_test.h.
#include "kiln/pulp/depthwise_conv2d_s8.h"

#include <stdio.h>

#include "runtime/tests/pulp/pulp_test.h"

namespace {

using kiln_pulp_test::Rng;

#ifndef DW_TEST_CASES
#define DW_TEST_CASES 16
#endif
#ifndef DW_TEST_MACS
#define DW_TEST_MACS 3000  // per case: the reference runs from L2 on one core
#endif

constexpr int32_t kGuard = 16;
constexpr int32_t kMaxIn = 16 * 1024;
constexpr int32_t kMaxW = 4 * 1024;
constexpr int32_t kMaxOut = 16 * 1024;
constexpr int32_t kMaxOc = 256;

int8_t g_in[kMaxIn];
int8_t g_w[kMaxW];
int8_t g_ref[kMaxOut + kGuard];
int8_t g_pulp[kMaxOut + kGuard];
int32_t g_bias[kMaxOc];
int32_t g_mult[kMaxOc];
int32_t g_shift[kMaxOc];
int32_t g_wzp[kMaxOc];

// kind 0: random; 1: 3x3 stride 1 pad 1 (DS-CNN); 2: 3x3 stride 2; 3: few
// output rows (channel-parallel on 8 cores); 4: rows wider than a tile.
bool MakeCase(Rng& r, int32_t kind, kiln_depthwise_conv2d_s8_params_t* p) {
  kiln_depthwise_conv2d_s8_params_t c = {};
  c.batch = r.Chance(15) ? 2 : 1;
  c.in_h = r.Range(1, 14);
  c.in_w = r.Range(1, 14);
  c.in_c = r.Range(1, 24);
  c.ch_mult = r.Chance(20) ? r.Range(2, 3) : 1;
  c.kernel_h = r.Range(1, 5);
  c.kernel_w = r.Chance(50) ? 3 : r.Range(1, 5);
  c.stride_h = r.Range(1, 3);
  c.stride_w = r.Range(1, 3);
  c.dilation_h = r.Chance(15) ? 2 : 1;
  c.dilation_w = r.Chance(15) ? 2 : 1;
  if (kind == 1 || kind == 2 || kind == 4) {
    c.kernel_h = c.kernel_w = 3;
    c.stride_h = c.stride_w = kind == 2 ? 2 : 1;
    c.dilation_h = c.dilation_w = 1;
    c.ch_mult = 1;
    c.in_c = kind == 4 ? 40 : 4 * r.Range(2, 6);
    c.in_w = kind == 4 ? 60 : c.in_w;
    c.in_h = kind == 4 ? 1 : c.in_h;
  }
  if (kind == 3) {
    c.in_h = r.Range(1, 3);
    c.in_c = r.Range(20, 60);
    c.batch = 1;
  }
  const int32_t eff_h = (c.kernel_h - 1) * c.dilation_h + 1;
  const int32_t eff_w = (c.kernel_w - 1) * c.dilation_w + 1;
  c.pad_top = r.Range(0, eff_h - 1);
  c.pad_bottom = r.Range(0, eff_h - 1);
  c.pad_left = r.Range(0, eff_w - 1);
  c.pad_right = r.Range(0, eff_w - 1);
  if (kind == 1 || kind == 2 || kind == 4)
    c.pad_top = c.pad_bottom = c.pad_left = c.pad_right = 1;
  const int32_t span_h = c.in_h + c.pad_top + c.pad_bottom - eff_h;
  const int32_t span_w = c.in_w + c.pad_left + c.pad_right - eff_w;
  if (span_h < 0 || span_w < 0) return false;
  c.out_h = span_h / c.stride_h + 1;
  c.out_w = span_w / c.stride_w + 1;
  const int32_t out_c = c.in_c * c.ch_mult;
  const int32_t macs =
      c.batch * c.out_h * c.out_w * out_c * c.kernel_h * c.kernel_w;
  if (macs > (kind == 4 ? 8 * DW_TEST_MACS : DW_TEST_MACS)) return false;
  if (c.batch * c.in_h * c.in_w * c.in_c > kMaxIn || out_c > kMaxOc ||
      c.kernel_h * c.kernel_w * out_c > kMaxW ||
      c.batch * c.out_h * c.out_w * out_c > kMaxOut) {
    return false;
  }
  c.input_zero_point = r.Range(-128, 127);
  c.output_zero_point = r.Range(-128, 127);
  c.act_min = r.Chance(30) ? r.Range(-128, 0) : KILN_S8_MIN;
  c.act_max = r.Chance(30) ? r.Range(c.act_min, 127) : KILN_S8_MAX;
  c.per_channel = r.Chance(60) ? 1 : 0;
  const int32_t nq = c.per_channel ? out_c : 1;
  for (int32_t i = 0; i < nq; ++i) {
    g_mult[i] = (int32_t)(0x40000000u + (r.Next() & 0x3FFFFFFFu));
    g_shift[i] = r.Range(-14, -4);
    g_wzp[i] = r.Range(-20, 20);
  }
  c.multipliers = g_mult;
  c.shifts = g_shift;
  c.weight_zero_points = r.Chance(25) ? g_wzp : NULL;
  *p = c;
  return true;
}

}  // namespace

int main() {
  Rng r(0xD3B7C0DEu);
  kiln_pulp_test::Summary s;
  for (int32_t i = 0; i < DW_TEST_CASES; ++i) {
    kiln_depthwise_conv2d_s8_params_t p;
    const int32_t kind = i < 5 ? i : 0;
    while (!MakeCase(r, kind, &p)) {
    }
    const int32_t out_c = p.in_c * p.ch_mult;
    const int32_t out_n = p.batch * p.out_h * p.out_w * out_c;
    r.FillS8(g_in, p.batch * p.in_h * p.in_w * p.in_c);
    r.FillS8(g_w, p.kernel_h * p.kernel_w * out_c);
    for (int32_t c = 0; c < out_c; ++c) g_bias[c] = r.Range(-30000, 30000);
    const int32_t* bias = r.Chance(80) ? g_bias : NULL;
    for (int32_t j = 0; j < out_n + kGuard; ++j)
      g_ref[j] = g_pulp[j] = (int8_t)0x55;
    const uint32_t t0 = kiln_pulp_test::Cycles();
    kiln_depthwise_conv2d_s8_ref(&p, g_in, g_w, bias, g_ref);
    const uint32_t t1 = kiln_pulp_test::Cycles();
    kiln_depthwise_conv2d_s8_pulp(&p, g_in, g_w, bias, g_pulp);
    const uint32_t t2 = kiln_pulp_test::Cycles();
    s.ref_cycles += t1 - t0;
    s.pulp_cycles += t2 - t1;
    char what[300];
    snprintf(what, sizeof(what),
             "n%ld %ldx%ldx%ld m%ld k%ldx%ld s%ldx%ld d%ldx%ld pad t%ld l%ld "
             "b%ld r%ld "
             "-> %ldx%ld zp %ld/%ld pc%d wzp%d bias%d act [%ld,%ld]",
             (long)p.batch, (long)p.in_h, (long)p.in_w, (long)p.in_c,
             (long)p.ch_mult, (long)p.kernel_h, (long)p.kernel_w,
             (long)p.stride_h, (long)p.stride_w, (long)p.dilation_h,
             (long)p.dilation_w, (long)p.pad_top, (long)p.pad_left,
             (long)p.pad_bottom, (long)p.pad_right, (long)p.out_h,
             (long)p.out_w, (long)p.input_zero_point, (long)p.output_zero_point,
             (int)p.per_channel, p.weight_zero_points != NULL, bias != NULL,
             (long)p.act_min, (long)p.act_max);
    kiln_pulp_test::Compare(&s, i, what, g_ref, g_pulp, out_n + kGuard);
  }
  return kiln_pulp_test::Finish("depthwise_conv2d_s8", s);
}
