// Unit tests of the pooling kernels (max, average, global) and
// softmax/log-softmax: hand-computed windows incl. padding, dilation,
// count_include_pad and ceil-mode overhang, plus naive double-precision softmax
// for strided axes.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "kiln/kernels_ref.h"
#include "runtime/tests/test_util.h"

namespace {

using kiln_test::ExpectNear;
using kiln_test::kInf;
using kiln_test::kNan;
using kiln_test::RandomVector;

std::vector<float> Iota(int n, float start = 1.0f) {
  std::vector<float> v(n);
  for (int i = 0; i < n; ++i) v[i] = start + i;
  return v;
}

// n h w c oh ow kh kw sh sw dh dw pt pl pb pr
kiln_maxpool2d_params_t MaxP(int h, int w, int c, int oh, int ow, int kh,
                             int kw, int sh, int sw, int dh, int dw, int pt,
                             int pl, int pb, int pr) {
  return kiln_maxpool2d_params_t{1,  h,  w,  c,  oh, ow, kh, kw,    sh,
                                 sw, dh, dw, pt, pl, pb, pr, -kInf, kInf};
}

TEST(MaxPool2dTest, TwoByTwoStrideTwo) {
  auto x = Iota(16);  // 4x4, one channel
  std::vector<float> y(4);
  auto p = MaxP(4, 4, 1, 2, 2, 2, 2, 2, 2, 1, 1, 0, 0, 0, 0);
  kiln_maxpool2d_f32_ref(&p, x.data(), y.data());
  ExpectNear({6, 8, 14, 16}, y, 0);
}

TEST(MaxPool2dTest, PaddingNeverWins) {
  // 3x3 window, pad 1 on a 3x3 input: each output is the max of its
  // neighbourhood; with all-negative input the padding (conceptually -inf) must
  // not give 0.
  auto x = Iota(9);
  std::vector<float> y(9);
  auto p = MaxP(3, 3, 1, 3, 3, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1);
  kiln_maxpool2d_f32_ref(&p, x.data(), y.data());
  ExpectNear({5, 6, 6, 8, 9, 9, 8, 9, 9}, y, 0);
  for (auto& v : x) v = -v;
  kiln_maxpool2d_f32_ref(&p, x.data(), y.data());
  ExpectNear({-1, -1, -2, -1, -1, -2, -4, -4, -5}, y, 0);
}

TEST(MaxPool2dTest, DilationAndChannels) {
  // 4x4x2 (channel 1 = 100 + channel 0), 2x2 window with dilation 2, stride 1.
  std::vector<float> x(32);
  for (int i = 0; i < 16; ++i) {
    x[2 * i] = 1.0f + i;
    x[2 * i + 1] = 101.0f + i;
  }
  std::vector<float> y(8);
  auto p = MaxP(4, 4, 2, 2, 2, 2, 2, 1, 1, 2, 2, 0, 0, 0, 0);
  kiln_maxpool2d_f32_ref(&p, x.data(), y.data());
  ExpectNear({11, 111, 12, 112, 15, 115, 16, 116}, y, 0);
}

TEST(MaxPool2dTest, NanPropagatesAndClamp) {
  // 1x4 row, window 2 stride 1: windows {NaN,2} {2,-3} {-3,NaN}; clamp at 1.5
  // keeps NaN (std::min/max order) and clips 2.
  const float x[4] = {kNan, 2, -3, kNan};
  float y[3];
  kiln_maxpool2d_params_t p = MaxP(1, 4, 1, 1, 3, 1, 2, 1, 1, 1, 1, 0, 0, 0, 0);
  p.act_max = 1.5f;
  kiln_maxpool2d_f32_ref(&p, x, y);
  EXPECT_TRUE(std::isnan(y[0]));
  EXPECT_EQ(y[1], 1.5f);
  EXPECT_TRUE(std::isnan(y[2]));
}

TEST(MaxPool2dTest, WindowWhollyInPaddingGivesLowest) {
  // 1x3 row, window 2, stride 2, pads 0/2 (ceil mode overhang): the last window
  // covers columns 4 and 5, both outside the input.
  const float x[3] = {-kInf, 1, 2};
  float y[3];
  auto p = MaxP(1, 3, 1, 1, 3, 1, 2, 1, 2, 1, 1, 0, 0, 0, 2);
  kiln_maxpool2d_f32_ref(&p, x, y);
  EXPECT_EQ(y[0], 1.0f);
  EXPECT_EQ(y[1], 2.0f);
  EXPECT_EQ(y[2], -3.40282347e+38f);
}

kiln_avgpool2d_params_t AvgP(int h, int w, int oh, int ow, int kh, int kw,
                             int sh, int sw, int pt, int pl, int pb, int pr,
                             int cip) {
  return kiln_avgpool2d_params_t{1, h, w,  1,  oh, ow, kh,  kw,    sh,  sw,
                                 1, 1, pt, pl, pb, pr, cip, -kInf, kInf};
}

TEST(AvgPool2dTest, NoPadding) {
  auto x = Iota(9);
  std::vector<float> y(4);
  auto p = AvgP(3, 3, 2, 2, 2, 2, 1, 1, 0, 0, 0, 0, 0);
  kiln_avgpool2d_f32_ref(&p, x.data(), y.data());
  ExpectNear({3, 4, 6, 7}, y, 0);
}

TEST(AvgPool2dTest, CountIncludePad) {
  // 3x3 window, pad 1, input 1..9. Corner (0,0) covers 1,2,4,5 = 12.
  auto x = Iota(9);
  std::vector<float> y(9);
  auto p = AvgP(3, 3, 3, 3, 3, 3, 1, 1, 1, 1, 1, 1, 0);
  kiln_avgpool2d_f32_ref(&p, x.data(), y.data());
  EXPECT_FLOAT_EQ(y[0], 12.0f / 4);
  EXPECT_FLOAT_EQ(y[1], 21.0f / 6);  // 1+2+3+4+5+6
  EXPECT_FLOAT_EQ(y[4], 45.0f / 9);
  p.count_include_pad = 1;
  kiln_avgpool2d_f32_ref(&p, x.data(), y.data());
  EXPECT_FLOAT_EQ(y[0], 12.0f / 9);
  EXPECT_FLOAT_EQ(y[1], 21.0f / 9);
  EXPECT_FLOAT_EQ(y[8], (5.0f + 6 + 8 + 9) / 9);
}

TEST(AvgPool2dTest, CeilModeOverhang) {
  // 1x5 row, window 1x2, stride 2, ceil mode -> 3 outputs; the last window
  // holds only x[4]. Without count_include_pad it averages the one tap; with
  // it, the divisor is the whole window (2), as ONNX Runtime does.
  auto x = Iota(5);
  std::vector<float> y(3);
  auto p = AvgP(1, 5, 1, 3, 1, 2, 1, 2, 0, 0, 0, 0, 0);
  kiln_avgpool2d_f32_ref(&p, x.data(), y.data());
  ExpectNear({1.5f, 3.5f, 5.0f}, y, 0);
  p.count_include_pad = 1;
  kiln_avgpool2d_f32_ref(&p, x.data(), y.data());
  ExpectNear({1.5f, 3.5f, 2.5f}, y, 0);
  // Pads 1/1, ceil mode -> 4 outputs: windows {-1,0} {1,2} {3,4} {5,6}.
  std::vector<float> z(4);
  p = AvgP(1, 5, 1, 4, 1, 2, 1, 2, 0, 1, 0, 1, 1);
  kiln_avgpool2d_f32_ref(&p, x.data(), z.data());
  ExpectNear({0.5f, 2.5f, 4.5f, 0.0f}, z, 0);
  p.count_include_pad = 0;
  kiln_avgpool2d_f32_ref(&p, x.data(), z.data());
  ExpectNear({1.0f, 2.5f, 4.5f, 0.0f}, z, 0);
  // Dilation 2, ceil mode, count_include_pad: 1x6 = 1..6, window 2 -> windows
  // {0,2} {2,4} {4,6}: (1+3)/2, (3+5)/2, 5/2.
  auto w = Iota(6);
  p = AvgP(1, 6, 1, 3, 1, 2, 1, 2, 0, 0, 0, 0, 1);
  p.dilation_w = 2;
  kiln_avgpool2d_f32_ref(&p, w.data(), y.data());
  ExpectNear({2.0f, 4.0f, 2.5f}, y, 0);
}

// Naive NHWC pooling written directly from the ONNX definition: window taps,
// padding excluded from max, avg divisor by count_include_pad.
std::vector<float> NaivePool(bool is_max, const std::vector<float>& x, int n,
                             int h, int w, int c, int oh, int ow, int k, int s,
                             int d, int pad, int cip) {
  std::vector<float> y;
  for (int b = 0; b < n; ++b)
    for (int oy = 0; oy < oh; ++oy)
      for (int ox = 0; ox < ow; ++ox)
        for (int ch = 0; ch < c; ++ch) {
          double sum = 0;
          float m = -3.40282347e+38f;
          int taps = 0;
          for (int ky = 0; ky < k; ++ky)
            for (int kx = 0; kx < k; ++kx) {
              const int iy = oy * s - pad + ky * d, ix = ox * s - pad + kx * d;
              if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
              const float v = x[((b * h + iy) * w + ix) * c + ch];
              sum += v;
              m = std::fmax(m, v);
              ++taps;
            }
          const int div = cip ? k * k : taps;
          y.push_back(is_max ? m : (div ? (float)(sum / div) : 0.0f));
        }
  return y;
}

TEST(PoolTest, MultiChannelMatchesNaive) {
  const int n = 2, h = 7, w = 6, c = 3;
  auto x = RandomVector(n * h * w * c, 17);
  for (int k : {2, 3})
    for (int s : {1, 2})
      for (int d : {1, 2})
        for (int pad : {0, 1})
          for (int cip : {0, 1}) {
            const int oh = (h + 2 * pad - (d * (k - 1) + 1)) / s + 1;
            const int ow = (w + 2 * pad - (d * (k - 1) + 1)) / s + 1;
            std::vector<float> y(n * oh * ow * c);
            const kiln_avgpool2d_params_t a = {
                n, h, w,   c,   oh,  ow,  k,   k,     s,   s,
                d, d, pad, pad, pad, pad, cip, -kInf, kInf};
            kiln_avgpool2d_f32_ref(&a, x.data(), y.data());
            ExpectNear(
                NaivePool(false, x, n, h, w, c, oh, ow, k, s, d, pad, cip), y);
            const kiln_maxpool2d_params_t m = {n,   h,   w,   c,   oh,    ow,
                                               k,   k,   s,   s,   d,     d,
                                               pad, pad, pad, pad, -kInf, kInf};
            kiln_maxpool2d_f32_ref(&m, x.data(), y.data());
            ExpectNear(
                NaivePool(true, x, n, h, w, c, oh, ow, k, s, d, pad, cip), y,
                0);
          }
}

TEST(GlobalPoolTest, AvgAndMax) {
  // Batch 2, 2 positions, 2 channels.
  const float x[8] = {1, 10, 3, 30, -1, -2, -3, kNan};
  float y[4];
  const kiln_global_avgpool_params_t pa = {2, 2, 2, -kInf, kInf};
  kiln_global_avgpool_f32_ref(&pa, x, y);
  EXPECT_EQ(y[0], 2.0f);
  EXPECT_EQ(y[1], 20.0f);
  EXPECT_EQ(y[2], -2.0f);
  EXPECT_TRUE(std::isnan(y[3]));
  const kiln_global_maxpool_params_t pm = {2, 2, 2, -kInf, 25.0f};
  kiln_global_maxpool_f32_ref(&pm, x, y);
  EXPECT_EQ(y[0], 3.0f);
  EXPECT_EQ(y[1], 25.0f);
  EXPECT_EQ(y[2], -1.0f);
  EXPECT_TRUE(std::isnan(y[3]));  // NaN propagates
  EXPECT_EQ(kiln_global_maxpool_f32_ref_scratch_bytes(&pm), 0u);
}

TEST(SoftmaxTest, HandValuesAndStability) {
  // softmax([1, 2, 3]) = e^(x-3) / (e^-2 + e^-1 + 1).
  const float e[3] = {0.0900305732f, 0.244728471f, 0.665240956f};
  float y[3];
  const kiln_softmax_params_t p = {1, 3, 1};
  const float x[3] = {1, 2, 3};
  kiln_softmax_f32_ref(&p, x, y);
  for (int i = 0; i < 3; ++i) EXPECT_NEAR(y[i], e[i], 1e-7f);
  const float big[3] = {1000, 1001, 1002};  // exp(1000) would overflow
  kiln_softmax_f32_ref(&p, big, y);
  for (int i = 0; i < 3; ++i) EXPECT_NEAR(y[i], e[i], 1e-7f);
  const float ninf[3] = {0, -kInf, 0};
  kiln_softmax_f32_ref(&p, ninf, y);
  ExpectNear({0.5f, 0.0f, 0.5f}, {y[0], y[1], y[2]}, 0);
  const float nan[3] = {0, kNan, 0};
  kiln_softmax_f32_ref(&p, nan, y);
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(std::isnan(y[i]));
}

TEST(SoftmaxTest, LogSoftmaxHandValues) {
  const float x[3] = {1, 2, 3};
  float y[3];
  const kiln_log_softmax_params_t p = {1, 3, 1};
  kiln_log_softmax_f32_ref(&p, x, y);
  const float e[3] = {-2.40760596f, -1.40760596f, -0.40760596f};
  for (int i = 0; i < 3; ++i) EXPECT_NEAR(y[i], e[i], 1e-6f);
  const float big[3] = {-1000, 0, 1000};
  kiln_log_softmax_f32_ref(&p, big, y);
  EXPECT_EQ(y[2], 0.0f);
  EXPECT_EQ(y[1], -1000.0f);
}

TEST(SoftmaxTest, StridedAxisMatchesNaive) {
  // [outer 3][axis 5][inner 4], axis in the middle; also in place.
  const int outer = 3, axis = 5, inner = 4;
  auto x = RandomVector(outer * axis * inner, 5);
  for (auto& v : x) v *= 10.0f;
  std::vector<float> soft(x.size()), logsoft(x.size());
  for (int o = 0; o < outer; ++o)
    for (int i = 0; i < inner; ++i) {
      double m = -1e30, s = 0;
      for (int a = 0; a < axis; ++a)
        m = std::fmax(m, x[(o * axis + a) * inner + i]);
      for (int a = 0; a < axis; ++a)
        s += std::exp(x[(o * axis + a) * inner + i] - m);
      for (int a = 0; a < axis; ++a) {
        const int k = (o * axis + a) * inner + i;
        soft[k] = (float)(std::exp(x[k] - m) / s);
        logsoft[k] = (float)(x[k] - m - std::log(s));
      }
    }
  std::vector<float> y(x.size());
  const kiln_softmax_params_t p = {outer, axis, inner};
  kiln_softmax_f32_ref(&p, x.data(), y.data());
  ExpectNear(soft, y, 1e-6f);
  const kiln_log_softmax_params_t q = {outer, axis, inner};
  kiln_log_softmax_f32_ref(&q, x.data(), y.data());
  ExpectNear(logsoft, y, 1e-6f);
  std::vector<float> inplace = x;
  kiln_softmax_f32_ref(&p, inplace.data(), inplace.data());
  ExpectNear(soft, inplace, 1e-6f);
}

}  // namespace
