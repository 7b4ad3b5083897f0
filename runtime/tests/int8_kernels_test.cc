// Unit tests of the int8 reference kernels against naive formulas written here
// with integer math (explicitly padded inputs, NCHW-style loops, the 128-bit
// requantization reference of int8_test_util.h), never the kernels' output.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "kiln/kernels_ref.h"
#include "kiln/quant_host.h"
#include "runtime/tests/int8_test_util.h"

namespace {

using kiln_test::Lcg;
using kiln_test::RandomS8;
using kiln_test::RefMulByQuantizedMultiplier;
using kiln_test::RefRequantS8;

struct ConvCase {
  int n, h, w, c, oc, kh, kw, sh, sw, dh, dw, pt, pl, pb, pr, groups;
  bool per_channel, weight_zp;
  int OutH() const { return (h + pt + pb - (dh * (kh - 1) + 1)) / sh + 1; }
  int OutW() const { return (w + pl + pr - (dw * (kw - 1) + 1)) / sw + 1; }
};

struct QuantParams {
  std::vector<int32_t> mult, shift, wzp;
};

QuantParams MakeQuant(int count, Lcg& g, bool weight_zp) {
  QuantParams q;
  for (int i = 0; i < count; ++i) {
    int32_t m, s;
    // Typical conv output multipliers: in_s * w_s / out_s in [1e-4, 0.05].
    const double real = std::ldexp(1.0 + g.Next() / 4294967296.0, g.Uniform(-13, -5));
    kiln_quantize_multiplier(real, &m, &s);
    q.mult.push_back(m);
    q.shift.push_back(s);
    q.wzp.push_back(weight_zp ? g.Uniform(-20, 20) : 0);
  }
  return q;
}

// Naive grouped conv on an input explicitly padded with the input zero point
// (pad taps included, not skipped). input NHWC, weights OHWI.
std::vector<int8_t> NaiveConv(const ConvCase& s, const std::vector<int8_t>& x,
                              const std::vector<int8_t>& w,
                              const std::vector<int32_t>& bias, int in_zp,
                              int out_zp, int lo, int hi, const QuantParams& q) {
  const int ph = s.h + s.pt + s.pb, pw = s.w + s.pl + s.pr;
  std::vector<int32_t> padded((size_t)s.n * ph * pw * s.c, in_zp);
  for (int n = 0; n < s.n; ++n)
    for (int y = 0; y < s.h; ++y)
      for (int xx = 0; xx < s.w; ++xx)
        for (int c = 0; c < s.c; ++c)
          padded[(((size_t)n * ph + y + s.pt) * pw + xx + s.pl) * s.c + c] =
              x[(((size_t)n * s.h + y) * s.w + xx) * s.c + c];
  const int oh = s.OutH(), ow = s.OutW(), cg = s.c / s.groups,
            og = s.oc / s.groups;
  std::vector<int8_t> out((size_t)s.n * oh * ow * s.oc);
  for (int n = 0; n < s.n; ++n)
    for (int y = 0; y < oh; ++y)
      for (int xx = 0; xx < ow; ++xx)
        for (int o = 0; o < s.oc; ++o) {
          const int qi = s.per_channel ? o : 0;
          int64_t acc = bias.empty() ? 0 : bias[o];
          const int g = o / og;
          for (int ky = 0; ky < s.kh; ++ky)
            for (int kx = 0; kx < s.kw; ++kx)
              for (int i = 0; i < cg; ++i) {
                const int32_t xv = padded[(((size_t)n * ph + y * s.sh + ky * s.dh) * pw +
                                           xx * s.sw + kx * s.dw) * s.c + g * cg + i];
                const int32_t wv = w[(((size_t)o * s.kh + ky) * s.kw + kx) * cg + i];
                acc += (int64_t)(xv - in_zp) * (wv - q.wzp[qi]);
              }
          out[(((size_t)n * oh + y) * ow + xx) * s.oc + o] =
              RefRequantS8((int32_t)acc, q.mult[qi], q.shift[qi], out_zp, lo, hi);
        }
  return out;
}

void RunConvCase(const ConvCase& s, uint64_t seed) {
  Lcg g(seed);
  const int cg = s.c / s.groups;
  auto x = RandomS8((size_t)s.n * s.h * s.w * s.c, seed + 1);
  auto w = RandomS8((size_t)s.oc * s.kh * s.kw * cg, seed + 2, -127, 127);
  std::vector<int32_t> bias(s.oc);
  for (auto& b : bias) b = g.Uniform(-5000, 5000);
  const int nq = s.per_channel ? s.oc : 1;
  QuantParams q = MakeQuant(nq, g, s.weight_zp);
  const int in_zp = g.Uniform(-30, 30), out_zp = g.Uniform(-20, 20);
  const int lo = (seed & 1) ? out_zp : -128, hi = 127;  // ReLU half the time
  kiln_conv2d_s8_params_t p = {s.n, s.h, s.w, s.c, s.OutH(), s.OutW(), s.oc,
                               s.kh, s.kw, s.sh, s.sw, s.dh, s.dw, s.pt, s.pl,
                               s.pb, s.pr, s.groups, in_zp, out_zp, lo, hi,
                               s.per_channel ? 1 : 0, q.mult.data(),
                               q.shift.data(),
                               s.weight_zp ? q.wzp.data() : nullptr};
  std::vector<int8_t> y((size_t)s.n * s.OutH() * s.OutW() * s.oc, 99);
  kiln_conv2d_s8_ref(&p, x.data(), w.data(), bias.data(), y.data());
  EXPECT_EQ(y, NaiveConv(s, x, w, bias, in_zp, out_zp, lo, hi, q));
  // Without bias.
  kiln_conv2d_s8_ref(&p, x.data(), w.data(), nullptr, y.data());
  EXPECT_EQ(y, NaiveConv(s, x, w, {}, in_zp, out_zp, lo, hi, q));
}

TEST(Conv2dS8, HandComputed) {
  // 1x2x2x1 input, one 2x2 filter, scale ratio 1.0 (mult 2^30, shift 1).
  const int8_t x[4] = {1, 2, 3, 4};
  const int8_t w[4] = {1, -1, 2, 3};
  const int32_t bias[1] = {10};
  const int32_t mult[1] = {1 << 30}, shift[1] = {1};
  kiln_conv2d_s8_params_t p = {1, 2, 2, 1, 1, 1, 1, 2, 2, 1, 1, 1, 1, 0, 0,
                               0, 0, 1, 1, -5, -128, 127, 0, mult, shift,
                               nullptr};
  int8_t y[1];
  kiln_conv2d_s8_ref(&p, x, w, bias, y);
  // (0)(1) + (1)(-1) + (2)(2) + (3)(3) + 10 = 22, + zp -5 = 17.
  EXPECT_EQ(y[0], 17);
  // Halve it: 11 - 5 = 6; 21/2 = 10.5 -> 11 (away from zero).
  const int32_t half[1] = {1 << 30}, shift0[1] = {0};
  p.multipliers = half;
  p.shifts = shift0;
  kiln_conv2d_s8_ref(&p, x, w, bias, y);
  EXPECT_EQ(y[0], 6);
  const int32_t bias2[1] = {9};
  kiln_conv2d_s8_ref(&p, x, w, bias2, y);
  EXPECT_EQ(y[0], 6);  // 21 / 2 = 10.5 -> 11, - 5
}

TEST(Conv2dS8, PaddingUsesInputZeroPoint) {
  // 3x3 kernel of ones over a 1x1 input with pad 1: only the centre tap is real.
  const int8_t x[1] = {20};
  int8_t w[9];
  for (auto& v : w) v = 1;
  const int32_t mult[1] = {1 << 30}, shift[1] = {1}, wzp[1] = {-2};
  kiln_conv2d_s8_params_t p = {1, 1, 1, 1, 1, 1, 1, 3, 3, 1, 1, 1, 1, 1, 1,
                               1, 1, 1, 7, 0, -128, 127, 0, mult, shift, wzp};
  int8_t y[1];
  kiln_conv2d_s8_ref(&p, x, w, nullptr, y);
  EXPECT_EQ(y[0], (20 - 7) * (1 + 2));  // pads (= zp 7) contribute nothing
}

TEST(Conv2dS8, RandomAgainstNaive) {
  const ConvCase cases[] = {
      {1, 5, 5, 3, 4, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, true, false},
      {2, 7, 6, 4, 6, 3, 2, 2, 1, 1, 2, 0, 1, 2, 1, 2, true, true},
      {1, 8, 8, 8, 8, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 4, false, true},
      {1, 1, 9, 5, 7, 1, 3, 1, 2, 1, 1, 0, 1, 0, 1, 1, false, false},  // 1-D
      {1, 4, 4, 16, 32, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, true, false},
      {1, 6, 5, 6, 9, 2, 3, 1, 1, 1, 1, 1, 0, 1, 2, 3, true, true},
  };
  uint64_t seed = 100;
  for (const auto& c : cases) {
    SCOPED_TRACE(seed);
    RunConvCase(c, seed++);
  }
}

TEST(DepthwiseConv2dS8, RandomAgainstNaiveGroupedConv) {
  struct Dw {
    int n, h, w, c, mult, kh, kw, sh, sw, dh, dw, pt, pl, pb, pr;
    bool per_channel, weight_zp;
  };
  const Dw cases[] = {{1, 6, 6, 4, 1, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, true, false},
                      {2, 7, 5, 3, 2, 3, 2, 2, 1, 1, 2, 1, 0, 1, 1, true, true},
                      {1, 5, 5, 8, 1, 5, 5, 2, 2, 1, 1, 2, 2, 2, 2, false, true}};
  uint64_t seed = 200;
  for (const auto& d : cases) {
    Lcg g(seed);
    const int oc = d.c * d.mult;
    ConvCase s = {d.n, d.h, d.w, d.c, oc, d.kh, d.kw, d.sh, d.sw, d.dh, d.dw,
                  d.pt, d.pl, d.pb, d.pr, d.c, d.per_channel, d.weight_zp};
    auto x = RandomS8((size_t)d.n * d.h * d.w * d.c, seed + 1);
    auto w_hwo = RandomS8((size_t)d.kh * d.kw * oc, seed + 2, -127, 127);
    // HWO -> OHWI with one input channel per group.
    std::vector<int8_t> w_ohwi(w_hwo.size());
    for (int ky = 0; ky < d.kh; ++ky)
      for (int kx = 0; kx < d.kw; ++kx)
        for (int o = 0; o < oc; ++o)
          w_ohwi[((size_t)o * d.kh + ky) * d.kw + kx] =
              w_hwo[((size_t)ky * d.kw + kx) * oc + o];
    std::vector<int32_t> bias(oc);
    for (auto& b : bias) b = g.Uniform(-3000, 3000);
    QuantParams q = MakeQuant(d.per_channel ? oc : 1, g, d.weight_zp);
    const int in_zp = g.Uniform(-30, 30), out_zp = g.Uniform(-20, 20);
    kiln_depthwise_conv2d_s8_params_t p = {
        d.n, d.h, d.w, d.c, s.OutH(), s.OutW(), d.mult, d.kh, d.kw, d.sh, d.sw,
        d.dh, d.dw, d.pt, d.pl, d.pb, d.pr, in_zp, out_zp, -128, 127,
        d.per_channel ? 1 : 0, q.mult.data(), q.shift.data(),
        d.weight_zp ? q.wzp.data() : nullptr};
    std::vector<int8_t> y((size_t)d.n * s.OutH() * s.OutW() * oc);
    kiln_depthwise_conv2d_s8_ref(&p, x.data(), w_hwo.data(), bias.data(),
                                 y.data());
    EXPECT_EQ(y, NaiveConv(s, x, w_ohwi, bias, in_zp, out_zp, -128, 127, q))
        << seed;
    ++seed;
  }
}

TEST(FullyConnectedS8, RandomAgainstNaive) {
  for (int per_channel = 0; per_channel < 2; ++per_channel) {
    for (int wzp_on = 0; wzp_on < 2; ++wzp_on) {
      Lcg g(300 + per_channel * 2 + wzp_on);
      const int batch = 3, k = 37, n = 11;
      auto x = RandomS8((size_t)batch * k, 7 + wzp_on);
      auto w = RandomS8((size_t)n * k, 8 + per_channel, -127, 127);
      std::vector<int32_t> bias(n);
      for (auto& b : bias) b = g.Uniform(-2000, 2000);
      QuantParams q = MakeQuant(per_channel ? n : 1, g, wzp_on);
      const int in_zp = -3, out_zp = 4;
      kiln_fully_connected_s8_params_t p = {
          batch, k, n, in_zp, out_zp, -100, 100, per_channel,
          q.mult.data(), q.shift.data(), wzp_on ? q.wzp.data() : nullptr};
      std::vector<int8_t> y((size_t)batch * n);
      kiln_fully_connected_s8_ref(&p, x.data(), w.data(), bias.data(), y.data());
      for (int b = 0; b < batch; ++b)
        for (int o = 0; o < n; ++o) {
          const int qi = per_channel ? o : 0;
          int32_t acc = bias[o];
          for (int i = 0; i < k; ++i)
            acc += (x[b * k + i] - in_zp) * (w[o * k + i] - q.wzp[qi]);
          EXPECT_EQ(y[b * n + o], RefRequantS8(acc, q.mult[qi], q.shift[qi],
                                               out_zp, -100, 100));
        }
    }
  }
}

TEST(AddS8, BroadcastAgainstSchemeAndRealValue) {
  const double sa = 0.05, sb = 0.013, so = 0.07;
  const int za = -7, zb = 12, zo = 3;
  kiln_add_s8_params_t p = {4, {2, 3, 4, 5}, {2, 1, 4, 5}, {1, 3, 1, 5},
                            za, 0, 0, zb, 0, 0, 0, zo, 0, 0, -128, 127};
  ASSERT_EQ(kiln_add_s8_multipliers(sa, sb, so, &p.left_shift, &p.a_multiplier,
                                    &p.a_shift, &p.b_multiplier, &p.b_shift,
                                    &p.output_multiplier, &p.output_shift),
            0);
  auto a = RandomS8(2 * 4 * 5, 11);
  auto b = RandomS8(3 * 5, 12);
  std::vector<int8_t> y(2 * 3 * 4 * 5);
  kiln_add_s8_ref(&p, a.data(), b.data(), y.data());
  int exact_hits = 0;
  for (int i0 = 0; i0 < 2; ++i0)
    for (int i1 = 0; i1 < 3; ++i1)
      for (int i2 = 0; i2 < 4; ++i2)
        for (int i3 = 0; i3 < 5; ++i3) {
          const int32_t av = a[(i0 * 4 + i2) * 5 + i3];
          const int32_t bv = b[i1 * 5 + i3];
          const int8_t got = y[((i0 * 3 + i1) * 4 + i2) * 5 + i3];
          // The scheme, with the 128-bit reference.
          const int32_t sum =
              RefMulByQuantizedMultiplier((av - za) * (1 << 20), p.a_multiplier,
                                          p.a_shift) +
              RefMulByQuantizedMultiplier((bv - zb) * (1 << 20), p.b_multiplier,
                                          p.b_shift);
          EXPECT_EQ(got, RefRequantS8(sum, p.output_multiplier, p.output_shift,
                                      zo, -128, 127));
          // And within 1 LSB of the real-valued result.
          double r = std::nearbyint(((av - za) * sa + (bv - zb) * sb) / so) + zo;
          r = std::fmin(127, std::fmax(-128, r));
          EXPECT_LE(std::fabs(got - r), 1.0);
          exact_hits += (got == r);
        }
  EXPECT_GE(exact_hits, 110);  // of 120
}

TEST(MulS8, BroadcastAgainstNaive) {
  int32_t m, s;
  kiln_quantize_multiplier(0.05 * 0.02 / 0.01, &m, &s);
  kiln_mul_s8_params_t p = {2, {3, 4}, {3, 4}, {1, 4}, 5, -9, -2, m, s, -128, 100};
  auto a = RandomS8(12, 21);
  auto b = RandomS8(4, 22);
  std::vector<int8_t> y(12);
  kiln_mul_s8_ref(&p, a.data(), b.data(), y.data());
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 4; ++j)
      EXPECT_EQ(y[i * 4 + j],
                RefRequantS8((a[i * 4 + j] - 5) * (b[j] + 9), m, s, -2, -128, 100));
}

struct PoolCase {
  int n, h, w, c, kh, kw, sh, sw, dh, dw, pt, pl, pb, pr, oh, ow;
};

TEST(PoolS8, MaxAndAvgAgainstNaive) {
  const PoolCase cases[] = {{1, 5, 5, 3, 2, 2, 2, 2, 1, 1, 0, 0, 0, 0, 2, 2},
                            {2, 6, 7, 2, 3, 3, 2, 2, 1, 1, 1, 1, 1, 1, 3, 4},
                            {1, 7, 7, 4, 3, 2, 2, 3, 2, 1, 1, 0, 1, 1, 4, 3},
                            // ceil mode: last window hangs over the pads
                            {1, 5, 5, 1, 2, 2, 2, 2, 1, 1, 0, 0, 1, 1, 3, 3}};
  uint64_t seed = 400;
  for (const auto& c : cases) {
    auto x = RandomS8((size_t)c.n * c.h * c.w * c.c, seed++);
    const int zp = -11;
    kiln_maxpool2d_s8_params_t mp = {c.n, c.h, c.w, c.c, c.oh, c.ow, c.kh, c.kw,
                                     c.sh, c.sw, c.dh, c.dw, c.pt, c.pl, c.pb,
                                     c.pr, -100, 120};
    for (int cip = 0; cip < 2; ++cip) {
      kiln_avgpool2d_s8_params_t ap = {c.n, c.h, c.w, c.c, c.oh, c.ow, c.kh,
                                       c.kw, c.sh, c.sw, c.dh, c.dw, c.pt, c.pl,
                                       c.pb, c.pr, cip, zp, -128, 127};
      std::vector<int8_t> ym((size_t)c.n * c.oh * c.ow * c.c), ya(ym.size());
      kiln_maxpool2d_s8_ref(&mp, x.data(), ym.data());
      kiln_avgpool2d_s8_ref(&ap, x.data(), ya.data());
      for (int n = 0; n < c.n; ++n)
        for (int oy = 0; oy < c.oh; ++oy)
          for (int ox = 0; ox < c.ow; ++ox)
            for (int ch = 0; ch < c.c; ++ch) {
              int mx = -128, taps = 0;
              int64_t sum = 0;
              for (int ky = 0; ky < c.kh; ++ky)
                for (int kx = 0; kx < c.kw; ++kx) {
                  const int iy = oy * c.sh - c.pt + ky * c.dh;
                  const int ix = ox * c.sw - c.pl + kx * c.dw;
                  if (iy < 0 || ix < 0 || iy >= c.h || ix >= c.w) continue;
                  const int v = x[(((size_t)n * c.h + iy) * c.w + ix) * c.c + ch];
                  mx = std::max(mx, v);
                  sum += v - zp;
                  ++taps;
                }
              const size_t o = (((size_t)n * c.oh + oy) * c.ow + ox) * c.c + ch;
              EXPECT_EQ(ym[o], std::min(120, std::max(-100, mx)));
              const int count = cip ? c.kh * c.kw : taps;
              // Round half away via double (exact for these magnitudes).
              const double avg = (double)sum / count;
              const int q = (int)(avg < 0 ? -std::floor(-avg + 0.5)
                                          : std::floor(avg + 0.5));
              EXPECT_EQ(ya[o], std::min(127, std::max(-128, q + zp)))
                  << sum << "/" << count;
            }
    }
  }
}

TEST(PoolS8, AvgRoundingTies) {
  // 1x1x2x1 window of 2: averages of (x - zp) = +-0.5, +-1.5 round away from 0.
  const int8_t pairs[4][2] = {{0, 1}, {0, -1}, {1, 2}, {-1, -2}};
  const int8_t expect[4] = {1, -1, 2, -2};
  for (int i = 0; i < 4; ++i) {
    kiln_avgpool2d_s8_params_t ap = {1, 1, 2, 1, 1, 1, 1, 2, 1, 1, 1, 1,
                                     0, 0, 0, 0, 0, 0, -128, 127};
    int8_t y[1];
    kiln_avgpool2d_s8_ref(&ap, pairs[i], y);
    EXPECT_EQ(y[0], expect[i]) << i;
    ap.zero_point = 10;  // shifting data and zp together shifts the result
    int8_t shifted[2] = {(int8_t)(pairs[i][0] + 10), (int8_t)(pairs[i][1] + 10)};
    kiln_avgpool2d_s8_ref(&ap, shifted, y);
    EXPECT_EQ(y[0], expect[i] + 10) << i;
  }
}

TEST(GlobalAvgPoolS8, AgainstNaive) {
  const int n = 2, hw = 49, c = 5;
  auto x = RandomS8((size_t)n * hw * c, 500);
  int32_t m, s;
  kiln_quantize_multiplier(0.03 / (0.02 * hw), &m, &s);
  kiln_global_avgpool_s8_params_t p = {n, hw, c, 6, -4, m, s, -128, 127};
  std::vector<int8_t> y((size_t)n * c);
  kiln_global_avgpool_s8_ref(&p, x.data(), y.data());
  for (int b = 0; b < n; ++b)
    for (int ch = 0; ch < c; ++ch) {
      int32_t acc = 0;
      for (int i = 0; i < hw; ++i) acc += x[((size_t)b * hw + i) * c + ch] - 6;
      EXPECT_EQ(y[b * c + ch], RefRequantS8(acc, m, s, -4, -128, 127));
    }
}

TEST(RequantizeS8, AgainstNaive) {
  auto x = RandomS8(256, 1);
  for (int i = 0; i < 256; ++i) x[i] = (int8_t)(i - 128);
  int32_t m, s;
  kiln_quantize_multiplier(0.1 / 0.3, &m, &s);
  kiln_requantize_s8_params_t p = {256, 3, -7, m, s, -128, 127};
  std::vector<int8_t> y(256);
  kiln_requantize_s8_ref(&p, x.data(), y.data());
  for (int i = 0; i < 256; ++i)
    EXPECT_EQ(y[i], RefRequantS8(x[i] - 3, m, s, -7, -128, 127));
}

TEST(QuantizeS8, RoundHalfToEvenAndSaturation) {
  const float kInf = INFINITY;
  const std::vector<float> x = {0.5f, 1.5f, 2.5f, -0.5f, -1.5f, -2.5f, 0.49999997f,
                                1e9f, -1e9f, kInf, -kInf, 63.5f, 64.5f, -64.5f};
  kiln_quantize_s8_params_t p = {(int32_t)x.size(), 0.5f, 0};
  std::vector<int8_t> y(x.size());
  kiln_quantize_s8_ref(&p, x.data(), y.data());
  // x / 0.5 = 1, 3, 5, -1, -3, -5 exactly (no ties); 2*63.5 = 127, 129 -> 127.
  const std::vector<int8_t> e1 = {1, 3, 5, -1, -3, -5, 1, 127, -128, 127, -128,
                                  127, 127, -128};
  EXPECT_EQ(y, e1);
  p.scale = 1.0f;
  p.zero_point = -10;
  kiln_quantize_s8_ref(&p, x.data(), y.data());
  // 0.5 -> 0, 1.5 -> 2, 2.5 -> 2, -0.5 -> -0, -1.5 -> -2, -2.5 -> -2 (even).
  const std::vector<int8_t> e2 = {-10, -8, -8, -10, -12, -12, -10, 127, -128,
                                  127, -128, 54, 54, -74};
  EXPECT_EQ(y, e2);
  const float nan_in[1] = {NAN};
  int8_t yn[1];
  kiln_quantize_s8_params_t pn = {1, 0.1f, 7};
  kiln_quantize_s8_ref(&pn, nan_in, yn);
  EXPECT_EQ(yn[0], 7);
  // Random values against nearbyint (round half to even) of the float quotient.
  Lcg g(9);
  std::vector<float> r(10000);
  for (auto& v : r) v = ((int32_t)g.Next()) / 2147483648.0f * 20.0f;
  kiln_quantize_s8_params_t pr = {(int32_t)r.size(), 0.07f, 5};
  std::vector<int8_t> yr(r.size());
  kiln_quantize_s8_ref(&pr, r.data(), yr.data());
  for (size_t i = 0; i < r.size(); ++i) {
    const float q = std::nearbyint(r[i] / 0.07f) + 5;
    EXPECT_EQ(yr[i], (int8_t)std::fmin(127.0f, std::fmax(-128.0f, q)));
  }
}

TEST(DequantizeS8, Formula) {
  std::vector<int8_t> x(256);
  for (int i = 0; i < 256; ++i) x[i] = (int8_t)(i - 128);
  kiln_dequantize_s8_params_t p = {256, 0.037f, -5};
  std::vector<float> y(256);
  kiln_dequantize_s8_ref(&p, x.data(), y.data());
  for (int i = 0; i < 256; ++i) EXPECT_EQ(y[i], (float)(i - 128 + 5) * 0.037f);
}

double Tanh(double v) { return std::tanh(v); }
double HardSwish(double v) {
  return v * std::fmin(1.0, std::fmax(0.0, v / 6.0 + 0.5));
}

TEST(LutS8, TanhAndHardSwishTables) {
  int8_t table[256];
  kiln_fill_lut_s8(Tanh, 0.03, -3, 1.0 / 128, 0, table);
  std::vector<int8_t> x(256);
  for (int i = 0; i < 256; ++i) x[i] = (int8_t)(127 - i);
  std::vector<int8_t> y(256);
  kiln_lut_s8_params_t p = {256};
  kiln_lut_s8_ref(&p, x.data(), table, y.data());
  for (int i = 0; i < 256; ++i) {
    const double e = std::nearbyint(std::tanh((x[i] + 3) * 0.03) * 128);
    EXPECT_EQ(y[i], (int8_t)std::fmin(127, std::fmax(-128, e)));
  }
  kiln_fill_lut_s8(HardSwish, 0.05, 10, 0.04, -20, table);
  kiln_lut_s8_ref(&p, x.data(), table, y.data());
  for (int i = 0; i < 256; ++i) {
    const double e = std::nearbyint(HardSwish((x[i] - 10) * 0.05) / 0.04) - 20;
    EXPECT_EQ(y[i], (int8_t)std::fmin(127, std::fmax(-128, e)));
  }
}

TEST(ConcatS8, RequantizesMismatchedInputs) {
  // outer 2; input 0: 3 elems/slice, same scale and zp (identity); input 1: 2
  // elems/slice, scale ratio 0.5 and another zero point.
  const int8_t a[6] = {-128, 0, 127, 5, -5, 1};
  const int8_t b[4] = {10, 11, -128, 127};
  const int8_t* ins[2] = {a, b};
  const int32_t slices[2] = {3, 2}, zps[2] = {4, -2}, mults[2] = {1 << 30, 1 << 30},
                shifts[2] = {1, 0};
  kiln_concat_s8_params_t p = {2, 2, 4, slices, zps, mults, shifts};
  int8_t y[10];
  kiln_concat_s8_ref(&p, ins, y);
  const int8_t e[10] = {-128, 0, 127, 6, 7, 5, -5, 1, -59, 69};
  // b: (10+2)/2+4 = 10, (13/2 = 6.5 -> 7)+4 = 11 ... computed below.
  int8_t expect[10];
  for (int o = 0; o < 2; ++o) {
    for (int i = 0; i < 3; ++i)
      expect[o * 5 + i] = RefRequantS8(a[o * 3 + i] - 4, 1 << 30, 1, 4, -128, 127);
    for (int i = 0; i < 2; ++i)
      expect[o * 5 + 3 + i] =
          RefRequantS8(b[o * 2 + i] + 2, 1 << 30, 0, 4, -128, 127);
  }
  (void)e;
  for (int i = 0; i < 10; ++i) EXPECT_EQ(y[i], expect[i]) << i;
  EXPECT_EQ(y[0], -128);  // identity input copied unchanged
  EXPECT_EQ(y[2], 127);
  EXPECT_EQ(y[3], 10);  // (10 + 2) / 2 + 4
  EXPECT_EQ(y[4], 11);  // 13 / 2 = 6.5 -> 7, + 4
}

TEST(PadS8, ConstantWithZeroPointAndReflect) {
  const int8_t x[6] = {1, 2, 3, 4, 5, 6};  // 2x3
  kiln_pad_s8_params_t p = {2, {2, 3}, {1, 0}, {0, 2}, KILN_PAD_CONSTANT, -7};
  int8_t y[15];
  kiln_pad_s8_ref(&p, x, y);
  const int8_t e[15] = {-7, -7, -7, -7, -7, 1, 2, 3, -7, -7, 4, 5, 6, -7, -7};
  for (int i = 0; i < 15; ++i) EXPECT_EQ(y[i], e[i]) << i;
  kiln_pad_s8_params_t r = {2, {2, 3}, {0, 2}, {0, 1}, KILN_PAD_REFLECT, 0};
  int8_t yr[12];
  kiln_pad_s8_ref(&r, x, yr);
  const int8_t er[12] = {3, 2, 1, 2, 3, 2, 6, 5, 4, 5, 6, 5};
  for (int i = 0; i < 12; ++i) EXPECT_EQ(yr[i], er[i]) << i;
}

TEST(ResizeNearestS8, GathersByTables) {
  const int8_t x[8] = {1, -1, 2, -2, 3, -3, 4, -4};  // 1x2x2x2
  const int32_t sy[3] = {0, 0, 1}, sx[3] = {1, 0, 1};
  kiln_resize_nearest_s8_params_t p = {1, 2, 2, 2, 3, 3, sy, sx};
  int8_t y[18];
  kiln_resize_nearest_s8_ref(&p, x, y);
  const int8_t e[18] = {2, -2, 1, -1, 2, -2, 2, -2, 1, -1,
                        2, -2, 4, -4, 3, -3, 4, -4};
  for (int i = 0; i < 18; ++i) EXPECT_EQ(y[i], e[i]) << i;
}

TEST(SoftmaxS8, WithinOneLsbOfExactAndSumsToOne) {
  const double in_scale = 0.1, out_scale = 1.0 / 256;
  const int out_zp = -128;
  int32_t lut[256];
  for (int d = 0; d < 256; ++d)
    lut[d] = (int32_t)std::nearbyint(std::ldexp(std::exp(-in_scale * d), 20));
  int32_t m, s;
  ASSERT_EQ(kiln_quantize_multiplier(1.0 / (out_scale * (1 << 23)), &m, &s), 0);
  const int outer = 4, axis = 10, inner = 3;
  auto x = RandomS8((size_t)outer * axis * inner, 600);
  kiln_softmax_s8_params_t p = {outer, axis, inner, out_zp, m, s};
  std::vector<int8_t> y(x.size());
  kiln_softmax_s8_ref(&p, x.data(), lut, y.data());
  int exact = 0;
  for (int o = 0; o < outer; ++o)
    for (int in = 0; in < inner; ++in) {
      double mx = -1e9, sum = 0;
      for (int a = 0; a < axis; ++a)
        mx = std::max(mx, (double)x[(o * axis + a) * inner + in]);
      for (int a = 0; a < axis; ++a)
        sum += std::exp(in_scale * (x[(o * axis + a) * inner + in] - mx));
      for (int a = 0; a < axis; ++a) {
        const size_t i = (o * axis + a) * inner + in;
        const double pr = std::exp(in_scale * (x[i] - mx)) / sum;
        const double q = std::fmin(127, std::nearbyint(pr / out_scale) + out_zp);
        EXPECT_LE(std::fabs(y[i] - q), 1.0) << i;
        exact += (y[i] == q);
        // Bit-exact against the documented integer method.
        uint64_t ssum = 0;
        for (int b = 0; b < axis; ++b)
          ssum += lut[(int)mx - x[(o * axis + b) * inner + in]];
        const uint64_t e = lut[(int)mx - x[i]];
        const int32_t prob = (int32_t)(((e << 23) + ssum / 2) / ssum);
        EXPECT_EQ(y[i], RefRequantS8(prob, m, s, out_zp, -128, 127));
      }
    }
  EXPECT_GE(exact, (int)(0.95 * x.size()));
}

}  // namespace
