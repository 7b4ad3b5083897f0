// Unit tests of kiln_conv2d_f32_ref and kiln_depthwise_conv2d_f32_ref:
// hand-computed cases plus comparison with a naive NCHW/OIHW convolution over
// an explicitly zero-padded input (the ONNX formulation, written independently
// of the kernels).
#include <gtest/gtest.h>

#include <vector>

#include "kiln/ref/conv2d.h"
#include "kiln/ref/conv_transpose2d.h"
#include "kiln/ref/depthwise_conv2d.h"
#include "runtime/tests/test_util.h"

namespace {

using kiln_test::ExpectNear;
using kiln_test::kInf;
using kiln_test::kNan;
using kiln_test::RandomVector;

struct ConvShape {
  int n, c, h, w;      // input, NCHW
  int oc, kh, kw;      // weights OIHW with I = c / groups
  int sh, sw, dh, dw;  // strides, dilations
  int pt, pl, pb, pr;  // pads
  int groups;
  int OutH() const { return (h + pt + pb - (dh * (kh - 1) + 1)) / sh + 1; }
  int OutW() const { return (w + pl + pr - (dw * (kw - 1) + 1)) / sw + 1; }
};

// ONNX Conv on NCHW input and OIHW weights; returns NCHW output.
std::vector<float> NaiveConvNchw(const ConvShape& s,
                                 const std::vector<float>& x,
                                 const std::vector<float>& w,
                                 const std::vector<float>* bias) {
  const int ph = s.h + s.pt + s.pb, pw = s.w + s.pl + s.pr;
  std::vector<float> padded((size_t)s.n * s.c * ph * pw, 0.0f);
  for (int n = 0; n < s.n; ++n)
    for (int c = 0; c < s.c; ++c)
      for (int y = 0; y < s.h; ++y)
        for (int xx = 0; xx < s.w; ++xx)
          padded[((size_t)(n * s.c + c) * ph + y + s.pt) * pw + xx + s.pl] =
              x[((size_t)(n * s.c + c) * s.h + y) * s.w + xx];
  const int oh = s.OutH(), ow = s.OutW(), cg = s.c / s.groups,
            og = s.oc / s.groups;
  std::vector<float> out((size_t)s.n * s.oc * oh * ow);
  for (int n = 0; n < s.n; ++n)
    for (int o = 0; o < s.oc; ++o)
      for (int y = 0; y < oh; ++y)
        for (int xx = 0; xx < ow; ++xx) {
          double acc = bias ? (*bias)[o] : 0.0;
          const int g = o / og;
          for (int i = 0; i < cg; ++i)
            for (int ky = 0; ky < s.kh; ++ky)
              for (int kx = 0; kx < s.kw; ++kx)
                acc += (double)padded[((size_t)(n * s.c + g * cg + i) * ph +
                                       y * s.sh + ky * s.dh) *
                                          pw +
                                      xx * s.sw + kx * s.dw] *
                       w[(((size_t)o * cg + i) * s.kh + ky) * s.kw + kx];
          out[((size_t)(n * s.oc + o) * oh + y) * ow + xx] = (float)acc;
        }
  return out;
}

// Layout conversions done by the compiler, reimplemented here.
std::vector<float> NchwToNhwc(const std::vector<float>& x, int n, int c, int h,
                              int w) {
  std::vector<float> y(x.size());
  for (int a = 0; a < n; ++a)
    for (int b = 0; b < c; ++b)
      for (int i = 0; i < h; ++i)
        for (int j = 0; j < w; ++j)
          y[((size_t)(a * h + i) * w + j) * c + b] =
              x[((size_t)(a * c + b) * h + i) * w + j];
  return y;
}

kiln_conv2d_params_t Params(const ConvShape& s, float lo, float hi) {
  return kiln_conv2d_params_t{
      s.n,  s.h,  s.w,  s.c,  s.OutH(), s.OutW(), s.oc, s.kh,     s.kw, s.sh,
      s.sw, s.dh, s.dw, s.pt, s.pl,     s.pb,     s.pr, s.groups, lo,   hi};
}

// OIHW -> OHWI.
std::vector<float> OihwToOhwi(const std::vector<float>& w, int o, int i, int kh,
                              int kw) {
  std::vector<float> r(w.size());
  for (int a = 0; a < o; ++a)
    for (int b = 0; b < i; ++b)
      for (int y = 0; y < kh; ++y)
        for (int x = 0; x < kw; ++x)
          r[(((size_t)a * kh + y) * kw + x) * i + b] =
              w[(((size_t)a * i + b) * kh + y) * kw + x];
  return r;
}

void CheckConvAgainstNaive(const ConvShape& s, bool with_bias, uint32_t seed) {
  const int cg = s.c / s.groups;
  auto x = RandomVector((size_t)s.n * s.c * s.h * s.w, seed);
  auto w = RandomVector((size_t)s.oc * cg * s.kh * s.kw, seed + 1);
  auto b = RandomVector(s.oc, seed + 2);
  auto expected_nchw = NaiveConvNchw(s, x, w, with_bias ? &b : nullptr);
  auto expected = NchwToNhwc(expected_nchw, s.n, s.oc, s.OutH(), s.OutW());
  std::vector<float> out(expected.size(), -99.0f);
  const auto p = Params(s, -kInf, kInf);
  auto xn = NchwToNhwc(x, s.n, s.c, s.h, s.w);
  auto wo = OihwToOhwi(w, s.oc, cg, s.kh, s.kw);
  kiln_conv2d_f32_ref(&p, xn.data(), wo.data(), with_bias ? b.data() : nullptr,
                      out.data());
  ExpectNear(expected, out);
  EXPECT_EQ(kiln_conv2d_f32_ref_scratch_bytes(&p), 0u);
}

TEST(Conv2dTest, HandComputed2x2Ones) {
  // 3x3 input 1..9, 2x2 kernel of ones: each output is the sum of a 2x2 window.
  const float x[9] = {1, 2, 3, 4, 5, 6, 7, 8, 9};
  const float w[4] = {1, 1, 1, 1};
  const kiln_conv2d_params_t p = {1, 3, 3, 1, 2, 2, 1, 2, 2,     1,
                                  1, 1, 1, 0, 0, 0, 0, 1, -kInf, kInf};
  float y[4];
  kiln_conv2d_f32_ref(&p, x, w, nullptr, y);
  EXPECT_EQ(y[0], 12.0f);
  EXPECT_EQ(y[1], 16.0f);
  EXPECT_EQ(y[2], 24.0f);
  EXPECT_EQ(y[3], 28.0f);
}

TEST(Conv2dTest, HandComputedPaddingBiasAndRelu6) {
  // 3x3 ones, 3x3 kernel of ones, pad 1: corners see 4 taps, edges 6, centre 9.
  // Bias -5 then ReLU6: corners 0 (clamped from -1), edges 1, centre 4.
  const float x[9] = {1, 1, 1, 1, 1, 1, 1, 1, 1};
  const float w[9] = {1, 1, 1, 1, 1, 1, 1, 1, 1};
  const float bias[1] = {-5.0f};
  const kiln_conv2d_params_t p = {1, 3, 3, 1, 3, 3, 1, 3, 3,    1,
                                  1, 1, 1, 1, 1, 1, 1, 1, 0.0f, 6.0f};
  float y[9];
  kiln_conv2d_f32_ref(&p, x, w, bias, y);
  const float expected[9] = {0, 1, 0, 1, 4, 1, 0, 1, 0};
  for (int i = 0; i < 9; ++i) EXPECT_EQ(y[i], expected[i]) << i;
}

TEST(Conv2dTest, HandComputedMultiChannelOhwi) {
  // One pixel, 2 input channels, 3 output channels, 1x1 kernel: a matrix-vector
  // product with OHWI weights [3][1][1][2].
  const float x[2] = {2.0f, 3.0f};
  const float w[6] = {1, 0, 0, 1, 1, -1};
  const kiln_conv2d_params_t p = {1, 1, 1, 2, 1, 1, 3, 1, 1,     1,
                                  1, 1, 1, 0, 0, 0, 0, 1, -kInf, kInf};
  float y[3];
  kiln_conv2d_f32_ref(&p, x, w, nullptr, y);
  EXPECT_EQ(y[0], 2.0f);
  EXPECT_EQ(y[1], 3.0f);
  EXPECT_EQ(y[2], -1.0f);
}

TEST(Conv2dTest, NanPropagatesThroughRelu) {
  const float x[1] = {kNan};
  const float w[1] = {1.0f};
  const kiln_conv2d_params_t p = {1, 1, 1, 1, 1, 1, 1, 1, 1,    1,
                                  1, 1, 1, 0, 0, 0, 0, 1, 0.0f, kInf};
  float y[1];
  kiln_conv2d_f32_ref(&p, x, w, nullptr, y);
  EXPECT_TRUE(std::isnan(y[0]));
}

TEST(Conv2dTest, MatchesNaive) {
  // n c h w  oc kh kw  sh sw dh dw  pt pl pb pr  groups
  const ConvShape cases[] = {
      {1, 3, 7, 6, 4, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1},   // same padding
      {2, 4, 8, 8, 6, 3, 3, 2, 2, 1, 1, 0, 1, 1, 0, 1},   // stride 2, asym pads
      {1, 2, 9, 9, 3, 3, 3, 1, 1, 2, 2, 2, 2, 2, 2, 1},   // dilation 2
      {1, 3, 7, 5, 2, 2, 3, 2, 1, 3, 1, 0, 2, 1, 0, 1},   // mixed everything
      {1, 4, 5, 5, 6, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 2},   // groups 2
      {2, 6, 6, 6, 6, 3, 3, 1, 2, 1, 1, 1, 0, 1, 2, 3},   // groups 3
      {1, 8, 4, 4, 8, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 8},   // groups = channels
      {1, 3, 1, 16, 5, 1, 5, 1, 2, 1, 2, 0, 2, 0, 2, 1},  // 1-D conv (H = 1)
      {1, 2, 3, 3, 2, 5, 5, 1, 1, 1, 1, 2, 2, 2, 2, 1},   // kernel > input
  };
  uint32_t seed = 1;
  for (const auto& s : cases) {
    SCOPED_TRACE(seed);
    CheckConvAgainstNaive(s, true, seed);
    CheckConvAgainstNaive(s, false, seed + 100);
    ++seed;
  }
}

TEST(DepthwiseConv2dTest, HandComputedChannelMultiplier) {
  // 2x2 input with 2 channels, multiplier 2, 2x2 kernel, no padding: one output
  // pixel with 4 channels; channel oc reads input channel oc / 2.
  // input NHWC: pixel (0,0)=(1,10) (0,1)=(2,20) (1,0)=(3,30) (1,1)=(4,40)
  const float x[8] = {1, 10, 2, 20, 3, 30, 4, 40};
  // weights [kh][kw][out_c=4]: oc0 all ones, oc1 picks tap (0,0), oc2 ones*0.1,
  // oc3 picks tap (1,1).
  const float w[16] = {1, 1, 0.5f, 0, 1, 0, 0.5f, 0,
                       1, 0, 0.5f, 0, 1, 0, 0.5f, 1};
  const float bias[4] = {0, 0, 0, 0.5f};
  const kiln_depthwise_conv2d_params_t p = {1, 2, 2, 2, 1, 1, 2, 2,     2,   1,
                                            1, 1, 1, 0, 0, 0, 0, -kInf, kInf};
  float y[4];
  kiln_depthwise_conv2d_f32_ref(&p, x, w, bias, y);
  EXPECT_EQ(y[0], 10.0f);  // 1 + 2 + 3 + 4
  EXPECT_EQ(y[1], 1.0f);   // tap (0,0) of channel 0
  EXPECT_EQ(y[2], 50.0f);  // 0.5 * (10 + 20 + 30 + 40)
  EXPECT_EQ(y[3], 40.5f);  // tap (1,1) of channel 1, + bias
}

TEST(DepthwiseConv2dTest, MatchesNaiveGroupedConv) {
  struct Case {
    int n, c, h, w, mult, kh, kw, sh, sw, dh, dw, pt, pl, pb, pr;
  };
  const Case cases[] = {
      {1, 4, 7, 7, 1, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1},
      {2, 3, 8, 6, 2, 3, 3, 2, 2, 1, 1, 0, 0, 1, 1},
      {1, 2, 9, 9, 3, 3, 3, 1, 1, 2, 2, 2, 2, 2, 2},
      {1, 5, 1, 12, 1, 1, 5, 1, 1, 1, 1, 0, 2, 0, 2},
      {1, 3, 6, 5, 1, 5, 3, 2, 1, 1, 2, 2, 0, 1, 2},
  };
  uint32_t seed = 50;
  for (const auto& k : cases) {
    SCOPED_TRACE(seed);
    const int oc = k.c * k.mult;
    ConvShape s{k.n,  k.c,  k.h,  k.w,  oc,   k.kh, k.kw, k.sh,
                k.sw, k.dh, k.dw, k.pt, k.pl, k.pb, k.pr, k.c};
    auto x = RandomVector((size_t)k.n * k.c * k.h * k.w, seed);
    auto w = RandomVector((size_t)oc * k.kh * k.kw, seed + 1);  // OIHW, I = 1
    auto b = RandomVector(oc, seed + 2);
    auto expected =
        NchwToNhwc(NaiveConvNchw(s, x, w, &b), k.n, oc, s.OutH(), s.OutW());
    // OIHW [oc][1][kh][kw] -> [kh][kw][oc].
    std::vector<float> whwo(w.size());
    for (int o = 0; o < oc; ++o)
      for (int i = 0; i < k.kh * k.kw; ++i)
        whwo[(size_t)i * oc + o] = w[o * k.kh * k.kw + i];
    auto xn = NchwToNhwc(x, k.n, k.c, k.h, k.w);
    const kiln_depthwise_conv2d_params_t p = {
        k.n,  k.h,  k.w,  k.c,  s.OutH(), s.OutW(), k.mult, k.kh,  k.kw, k.sh,
        k.sw, k.dh, k.dw, k.pt, k.pl,     k.pb,     k.pr,   -1.0f, 1.0f};
    // Clamp [-1, 1] on both sides.
    for (auto& v : expected) v = v < -1.0f ? -1.0f : (v > 1.0f ? 1.0f : v);
    std::vector<float> out(expected.size());
    kiln_depthwise_conv2d_f32_ref(&p, xn.data(), whwo.data(), b.data(),
                                  out.data());
    ExpectNear(expected, out);
    ++seed;
  }
}

// ONNX ConvTranspose written as the scatter the ONNX spec describes: every
// input pixel adds x * w[ky][kx] at (iy * stride + ky * dilation) of the full
// output, which is then cropped by the pads (negative pads add zero rows).
// NCHW input, IOHW weights (O = out_c / groups), NCHW output.
struct ConvTShape {
  int n, c, h, w, oc, kh, kw, sh, sw, dh, dw, pt, pl, pb, pr, groups;
  int FullH() const { return (h - 1) * sh + dh * (kh - 1) + 1; }
  int FullW() const { return (w - 1) * sw + dw * (kw - 1) + 1; }
  int OutH() const { return FullH() - pt - pb; }
  int OutW() const { return FullW() - pl - pr; }
};

std::vector<float> NaiveConvTransposeNchw(const ConvTShape& s,
                                          const std::vector<float>& x,
                                          const std::vector<float>& w,
                                          const std::vector<float>& bias) {
  const int fh = s.FullH(), fw = s.FullW(), cg = s.c / s.groups,
            og = s.oc / s.groups;
  std::vector<double> full((size_t)s.n * s.oc * fh * fw, 0.0);
  for (int n = 0; n < s.n; ++n)
    for (int ic = 0; ic < s.c; ++ic)
      for (int y = 0; y < s.h; ++y)
        for (int xx = 0; xx < s.w; ++xx)
          for (int o = 0; o < og; ++o)
            for (int ky = 0; ky < s.kh; ++ky)
              for (int kx = 0; kx < s.kw; ++kx) {
                int oc = (ic / cg) * og + o;
                int fy = y * s.sh + ky * s.dh, fx = xx * s.sw + kx * s.dw;
                full[((size_t)(n * s.oc + oc) * fh + fy) * fw + fx] +=
                    (double)x[((size_t)(n * s.c + ic) * s.h + y) * s.w + xx] *
                    w[(((size_t)ic * og + o) * s.kh + ky) * s.kw + kx];
              }
  const int oh = s.OutH(), ow = s.OutW();
  std::vector<float> out((size_t)s.n * s.oc * oh * ow);
  for (int n = 0; n < s.n; ++n)
    for (int oc = 0; oc < s.oc; ++oc)
      for (int y = 0; y < oh; ++y)
        for (int xx = 0; xx < ow; ++xx) {
          int fy = y + s.pt, fx = xx + s.pl;
          double v = (fy >= 0 && fy < fh && fx >= 0 && fx < fw)
                         ? full[((size_t)(n * s.oc + oc) * fh + fy) * fw + fx]
                         : 0.0;
          out[((size_t)(n * s.oc + oc) * oh + y) * ow + xx] =
              (float)(v + bias[oc]);
        }
  return out;
}

TEST(ConvTranspose2dTest, OnnxDocExample) {
  // ONNX ConvTranspose doc (test_convtranspose): x = 0..8 (1x1x3x3), weights
  // all ones (1x2x3x3): the full 5x5 output, both channels.
  std::vector<float> x = {0, 1, 2, 3, 4, 5, 6, 7, 8};
  std::vector<float> w(18, 1.0f);  // IHWO = [1][3][3][2]
  const kiln_conv_transpose2d_params_t p = {
      1, 3, 3, 1, 5, 5, 2, 3, 3, 1, 1, 1, 1, 0, 0, 1, -kInf, kInf};
  std::vector<float> out(50);
  kiln_conv_transpose2d_f32_ref(&p, x.data(), w.data(), nullptr, out.data());
  const float row[25] = {0,  1,  3,  3,  2,  3,  8,  15, 12, 7,  9,  21, 36,
                         27, 15, 9,  20, 33, 24, 13, 6,  13, 21, 15, 8};
  for (int i = 0; i < 25; ++i) {
    EXPECT_EQ(out[2 * i], row[i]) << i;
    EXPECT_EQ(out[2 * i + 1], row[i]) << i;
  }
}

TEST(ConvTranspose2dTest, MatchesScatterReference) {
  // n c h w oc kh kw sh sw dh dw pt pl pb pr groups
  const ConvTShape cases[] = {
      {1, 3, 4, 5, 4, 3, 3, 2, 2, 1, 1, 1, 1, 1, 1, 1},
      {2, 4, 3, 3, 6, 2, 3, 3, 2, 1, 1, 0, 0, -1, -2, 2},  // output_padding
      {1, 2, 5, 4, 2, 3, 2, 1, 2, 2, 1, 2, 0, 1, 0, 2},    // depthwise-like
      {1, 3, 1, 6, 3, 1, 4, 1, 3, 1, 2, 0, 1, 0, 2, 3},    // 1-D (H = 1)
      {1, 1, 3, 3, 2, 3, 3, 3, 2, 1, 1, -1, 0, 0, -1, 1},  // output_shape
  };
  uint32_t seed = 40;
  for (const auto& s : cases) {
    SCOPED_TRACE(seed);
    const int og = s.oc / s.groups;
    auto x = RandomVector((size_t)s.n * s.c * s.h * s.w, seed);
    auto w = RandomVector((size_t)s.c * og * s.kh * s.kw, seed + 1);  // IOHW
    auto b = RandomVector(s.oc, seed + 2);
    auto expected = NchwToNhwc(NaiveConvTransposeNchw(s, x, w, b), s.n, s.oc,
                               s.OutH(), s.OutW());
    std::vector<float> ihwo(w.size());  // IOHW -> IHWO
    for (int i = 0; i < s.c; ++i)
      for (int o = 0; o < og; ++o)
        for (int k = 0; k < s.kh * s.kw; ++k)
          ihwo[((size_t)i * s.kh * s.kw + k) * og + o] =
              w[((size_t)i * og + o) * s.kh * s.kw + k];
    auto xn = NchwToNhwc(x, s.n, s.c, s.h, s.w);
    const kiln_conv_transpose2d_params_t p = {
        s.n,  s.h,  s.w,  s.c,  s.OutH(), s.OutW(), s.oc,   s.kh,  s.kw,
        s.sh, s.sw, s.dh, s.dw, s.pt,     s.pl,     s.groups, -kInf, kInf};
    std::vector<float> out(expected.size());
    kiln_conv_transpose2d_f32_ref(&p, xn.data(), ihwo.data(), b.data(),
                                  out.data());
    ExpectNear(expected, out);
    ++seed;
  }
}

}  // namespace
