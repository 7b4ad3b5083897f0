// Unit tests of the broadcasting binary kernels (add, sub, mul, div, pow, max,
// min, prelu), the unary op kernel and scale_bias: hand-computed values, a
// naive index-arithmetic broadcast in the test, and NaN/inf behaviour matching
// ONNX Runtime's Relu/Clip.
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

kiln_broadcast_params_t MakeBroadcast(const std::vector<int>& out,
                                      const std::vector<int>& a,
                                      const std::vector<int>& b,
                                      float lo = -kInf, float hi = kInf) {
  kiln_broadcast_params_t p = {};
  p.rank = (int32_t)out.size();
  for (size_t d = 0; d < out.size(); ++d) {
    p.out_shape[d] = out[d];
    p.a_shape[d] = a[d];
    p.b_shape[d] = b[d];
  }
  p.act_min = lo;
  p.act_max = hi;
  return p;
}

TEST(BinaryTest, AddRowBroadcast) {
  // [2][3] + [1][3]
  const float a[6] = {1, 2, 3, 4, 5, 6};
  const float b[3] = {10, 20, 30};
  float y[6];
  auto p = MakeBroadcast({2, 3}, {2, 3}, {1, 3});
  kiln_add_f32_ref(&p, a, b, y);
  const float e[6] = {11, 22, 33, 14, 25, 36};
  for (int i = 0; i < 6; ++i) EXPECT_EQ(y[i], e[i]);
}

TEST(BinaryTest, SubColumnAgainstRowOuterBroadcast) {
  // [3][1] - [1][2] -> [3][2]: both inputs broadcast.
  const float a[3] = {1, 2, 3};
  const float b[2] = {10, 100};
  float y[6];
  auto p = MakeBroadcast({3, 2}, {3, 1}, {1, 2});
  kiln_sub_f32_ref(&p, a, b, y);
  const float e[6] = {-9, -99, -8, -98, -7, -97};
  for (int i = 0; i < 6; ++i) EXPECT_EQ(y[i], e[i]);
}

TEST(BinaryTest, MulScalarWithRelu6) {
  const float a[4] = {-1, 1, 2, 5};
  const float b[1] = {2};
  float y[4];
  auto p = MakeBroadcast({4}, {4}, {1}, 0.0f, 6.0f);
  kiln_mul_f32_ref(&p, a, b, y);
  EXPECT_EQ(y[0], 0.0f);
  EXPECT_EQ(y[1], 2.0f);
  EXPECT_EQ(y[2], 4.0f);
  EXPECT_EQ(y[3], 6.0f);
}

TEST(BinaryTest, DivIeeeSpecials) {
  const float a[4] = {1, -1, 0, 6};
  const float b[4] = {0, 0, 0, 4};
  float y[4];
  auto p = MakeBroadcast({4}, {4}, {4});
  kiln_div_f32_ref(&p, a, b, y);
  EXPECT_EQ(y[0], kInf);
  EXPECT_EQ(y[1], -kInf);
  EXPECT_TRUE(std::isnan(y[2]));
  EXPECT_EQ(y[3], 1.5f);
}

TEST(BinaryTest, InPlaceOnFullShapeInput) {
  float a[4] = {1, 2, 3, 4};
  const float b[2] = {1, 2};
  auto p = MakeBroadcast({2, 2}, {2, 2}, {1, 2});
  kiln_add_f32_ref(&p, a, b, a);
  EXPECT_EQ(a[0], 2.0f);
  EXPECT_EQ(a[1], 4.0f);
  EXPECT_EQ(a[2], 4.0f);
  EXPECT_EQ(a[3], 6.0f);
}

// Naive broadcast: decompose the flat output index into coordinates.
template <typename F>
std::vector<float> NaiveBroadcast(const std::vector<int>& out,
                                  const std::vector<int>& as,
                                  const std::vector<int>& bs,
                                  const std::vector<float>& a,
                                  const std::vector<float>& b, F f) {
  size_t total = 1;
  for (int d : out) total *= d;
  std::vector<float> y(total);
  for (size_t i = 0; i < total; ++i) {
    size_t r = i, ai = 0, bi = 0, am = 1, bm = 1;
    for (int d = (int)out.size() - 1; d >= 0; --d) {
      const size_t c = r % out[d];
      r /= out[d];
      ai += (as[d] == 1 ? 0 : c) * am;
      bi += (bs[d] == 1 ? 0 : c) * bm;
      am *= as[d];
      bm *= bs[d];
    }
    y[i] = f(a[ai], b[bi]);
  }
  return y;
}

size_t Count(const std::vector<int>& s) {
  size_t n = 1;
  for (int d : s) n *= d;
  return n;
}

TEST(BinaryTest, SixDimBroadcastAllOpsMatchNaive) {
  const std::vector<int> out = {2, 3, 1, 4, 2, 5};
  const std::vector<int> as = {2, 1, 1, 4, 1, 5};
  const std::vector<int> bs = {1, 3, 1, 1, 2, 5};
  auto a = RandomVector(Count(as), 3);
  auto b = RandomVector(Count(bs), 4);
  for (auto& v : b) v += 2.0f;  // keep divisors away from 0
  auto p = MakeBroadcast(out, as, bs);
  std::vector<float> y(Count(out));
  kiln_add_f32_ref(&p, a.data(), b.data(), y.data());
  ExpectNear(
      NaiveBroadcast(out, as, bs, a, b, [](float x, float z) { return x + z; }),
      y, 0);
  kiln_sub_f32_ref(&p, a.data(), b.data(), y.data());
  ExpectNear(
      NaiveBroadcast(out, as, bs, a, b, [](float x, float z) { return x - z; }),
      y, 0);
  kiln_mul_f32_ref(&p, a.data(), b.data(), y.data());
  ExpectNear(
      NaiveBroadcast(out, as, bs, a, b, [](float x, float z) { return x * z; }),
      y, 0);
  kiln_div_f32_ref(&p, a.data(), b.data(), y.data());
  ExpectNear(
      NaiveBroadcast(out, as, bs, a, b, [](float x, float z) { return x / z; }),
      y, 0);
  EXPECT_EQ(kiln_add_f32_ref_scratch_bytes(&p), 0u);
}

TEST(BinaryTest, PowMaxMinWithSpecials) {
  // Values checked against ONNX Runtime 1.20.1 (Pow/Max/Min) by hand.
  const float a[7] = {kNan, 1, kNan, -kInf, 2, -2, 1.1f};
  const float b[7] = {1, kNan, kNan, 3, kInf, 3, 2};
  float y[7];
  auto p = MakeBroadcast({7}, {7}, {7});
  kiln_max_f32_ref(&p, a, b, y);
  ExpectNear({kNan, kNan, kNan, 3, kInf, 3, 2}, std::vector<float>(y, y + 7),
             0);
  kiln_min_f32_ref(&p, a, b, y);
  ExpectNear({kNan, kNan, kNan, -kInf, 2, -2, 1.1f},
             std::vector<float>(y, y + 7), 0);
  kiln_pow_f32_ref(&p, a, b, y);
  EXPECT_TRUE(std::isnan(y[0]));
  EXPECT_EQ(y[1], 1.0f);  // pow(1, NaN) = 1
  EXPECT_TRUE(std::isnan(y[2]));
  EXPECT_EQ(y[3], -kInf);
  EXPECT_EQ(y[4], kInf);
  EXPECT_EQ(y[5], -8.0f);
  EXPECT_EQ(y[6], 1.1f * 1.1f);  // one rounding, as ORT: 1.21000004
  // Broadcast exponent [2][2] ^ [1]: squares; ReLU-style clamp at 5.
  const float x[4] = {-3, 1.5f, 2, 0};
  const float two[1] = {2};
  auto q = MakeBroadcast({2, 2}, {2, 2}, {1, 1}, -kInf, 5.0f);
  kiln_pow_f32_ref(&q, x, two, y);
  ExpectNear({5, 2.25f, 4, 0}, std::vector<float>(y, y + 4), 0);
  EXPECT_EQ(kiln_pow_f32_ref_scratch_bytes(&q), 0u);
}

TEST(BinaryTest, ClampKeepsNanLikeOrtRelu) {
  const float a[3] = {kNan, -kInf, kInf};
  const float b[1] = {0};
  float y[3];
  auto p = MakeBroadcast({3}, {3}, {1}, 0.0f, kInf);
  kiln_add_f32_ref(&p, a, b, y);
  EXPECT_TRUE(std::isnan(y[0]));
  EXPECT_EQ(y[1], 0.0f);
  EXPECT_EQ(y[2], kInf);
}

TEST(PreluTest, PerChannelSlopeNhwc) {
  // x [1][2][3] (H*W = 2, C = 3), slope [3].
  const float x[6] = {-1, -2, 3, 4, -5, -6};
  const float s[3] = {0.5f, 0.0f, 2.0f};
  float y[6];
  auto p = MakeBroadcast({2, 3}, {2, 3}, {1, 3});
  kiln_prelu_f32_ref(&p, x, s, y);
  const float e[6] = {-0.5f, 0.0f, 3.0f, 4.0f, 0.0f, -12.0f};
  for (int i = 0; i < 6; ++i) EXPECT_EQ(y[i], e[i]) << i;
  const float xn[2] = {kNan, -0.0f};
  const float s1[1] = {0.25f};
  auto q = MakeBroadcast({2}, {2}, {1});
  kiln_prelu_f32_ref(&q, xn, s1, y);
  EXPECT_TRUE(std::isnan(y[0]));
  EXPECT_EQ(y[1], 0.0f);
}

std::vector<float> RunUnary(int op, const std::vector<float>& x,
                            float alpha = 0, float beta = 0, float lo = -kInf,
                            float hi = kInf) {
  const kiln_unary_params_t p = {op, (int32_t)x.size(), alpha, beta, lo, hi};
  std::vector<float> y(x.size());
  kiln_unary_f32_ref(&p, x.data(), y.data());
  return y;
}

const std::vector<float> kSpecial = {-3.0f, -0.5f, -0.0f, 0.0f, 0.25f,
                                     2.0f,  kInf,  -kInf, kNan};

TEST(UnaryTest, ReluAndClipLikeOnnxRuntime) {
  auto y = RunUnary(KILN_UNARY_RELU, kSpecial);
  ExpectNear({0, 0, -0.0f, 0, 0.25f, 2, kInf, 0, kNan}, y, 0);
  y = RunUnary(KILN_UNARY_CLIP, kSpecial, 0, 0, -1.0f, 1.0f);
  ExpectNear({-1, -0.5f, -0.0f, 0, 0.25f, 1, 1, -1, kNan}, y, 0);
  y = RunUnary(KILN_UNARY_IDENTITY, kSpecial, 0, 0, 0.0f, 6.0f);  // ReLU6
  ExpectNear({0, 0, -0.0f, 0, 0.25f, 2, 6, 0, kNan}, y, 0);
}

TEST(UnaryTest, LeakyReluHardSigmoidHardSwish) {
  auto y = RunUnary(KILN_UNARY_LEAKY_RELU, kSpecial, 0.1f);
  ExpectNear({-0.3f, -0.05f, -0.0f, 0, 0.25f, 2, kInf, -kInf, kNan}, y, 1e-7f);
  // HardSigmoid(alpha 0.2, beta 0.5): max(0, min(1, 0.2x + 0.5)).
  y = RunUnary(KILN_UNARY_HARD_SIGMOID, kSpecial, 0.2f, 0.5f);
  ExpectNear({0, 0.4f, 0.5f, 0.5f, 0.55f, 0.9f, 1, 0, kNan}, y, 1e-7f);
  // HardSwish = x * HardSigmoid(1/6, 0.5): -3 -> 0, -0.5 -> -0.5 * 5/12, 2 -> 2
  // * 5/6.
  const std::vector<float> x = {-4, -3, -0.5f, 0, 2, 3, 4, kNan};
  y = RunUnary(KILN_UNARY_HARD_SWISH, x, 1.0f / 6.0f, 0.5f);
  ExpectNear(
      {-0.0f, -0.0f, -0.5f * 5.0f / 12.0f, 0, 2.0f * 5.0f / 6.0f, 3, 4, kNan},
      y, 1e-6f);
}

TEST(UnaryTest, MathOpsAgreeWithLibm) {
  std::vector<float> x = RandomVector(1000, 77);
  for (auto& v : x) v *= 8.0f;
  std::vector<float> pos(x.size());
  for (size_t i = 0; i < x.size(); ++i) pos[i] = std::fabs(x[i]) + 1e-3f;
  struct {
    int op;
    double (*f)(double);
    bool positive;
  } cases[] = {
      {KILN_UNARY_EXP, [](double v) { return std::exp(v); }, false},
      {KILN_UNARY_TANH, [](double v) { return std::tanh(v); }, false},
      {KILN_UNARY_SIGMOID, [](double v) { return 1 / (1 + std::exp(-v)); },
       false},
      {KILN_UNARY_ERF, [](double v) { return std::erf(v); }, false},
      {KILN_UNARY_LOG, [](double v) { return std::log(v); }, true},
      {KILN_UNARY_SQRT, [](double v) { return std::sqrt(v); }, true},
      {KILN_UNARY_NEG, [](double v) { return -v; }, false},
      {KILN_UNARY_ABS, [](double v) { return std::fabs(v); }, false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.op);
    const auto& in = c.positive ? pos : x;
    std::vector<float> expected(in.size());
    for (size_t i = 0; i < in.size(); ++i) expected[i] = (float)c.f(in[i]);
    ExpectNear(expected, RunUnary(c.op, in), 1e-6f);
  }
}

TEST(UnaryTest, SpecialValues) {
  auto y = RunUnary(KILN_UNARY_EXP, {kInf, -kInf, kNan, 0});
  ExpectNear({kInf, 0, kNan, 1}, y, 0);
  y = RunUnary(KILN_UNARY_LOG, {0, -1, kInf, kNan});
  ExpectNear({-kInf, kNan, kInf, kNan}, y, 0);
  y = RunUnary(KILN_UNARY_SQRT, {-1, kInf, 4});
  ExpectNear({kNan, kInf, 2}, y, 0);
  y = RunUnary(KILN_UNARY_SIGMOID, {kInf, -kInf, kNan, 0});
  ExpectNear({1, 0, kNan, 0.5f}, y, 0);
  y = RunUnary(KILN_UNARY_TANH, {kInf, -kInf, kNan});
  ExpectNear({1, -1, kNan}, y, 0);
  y = RunUnary(KILN_UNARY_ERF, {kInf, -kInf, kNan});
  ExpectNear({1, -1, kNan}, y, 0);
  y = RunUnary(KILN_UNARY_ABS, {-0.0f, -kInf, kNan});
  EXPECT_FALSE(std::signbit(y[0]));
  EXPECT_EQ(y[1], kInf);
  EXPECT_TRUE(std::isnan(y[2]));
  y = RunUnary(KILN_UNARY_NEG, {0.0f, kInf});
  EXPECT_TRUE(std::signbit(y[0]));
  EXPECT_EQ(y[1], -kInf);
  // Fused clamp after a math op: sigmoid then clamp to [0.25, 0.75].
  y = RunUnary(KILN_UNARY_SIGMOID, {-10, 0, 10}, 0, 0, 0.25f, 0.75f);
  ExpectNear({0.25f, 0.5f, 0.75f}, y, 0);
}

TEST(UnaryTest, InPlace) {
  std::vector<float> x = {-1, 2};
  const kiln_unary_params_t p = {KILN_UNARY_RELU, 2, 0, 0, -kInf, kInf};
  kiln_unary_f32_ref(&p, x.data(), x.data());
  EXPECT_EQ(x[0], 0.0f);
  EXPECT_EQ(x[1], 2.0f);
  EXPECT_EQ(kiln_unary_f32_ref_scratch_bytes(&p), 0u);
}

TEST(ScaleBiasTest, PerChannelAffine) {
  // [2 pixels][3 channels]: y = x * s[c] + b[c], then clamp to [-10, 10].
  const float x[6] = {1, 2, 3, 4, 5, 6};
  const float s[3] = {2, -1, 10};
  const float b[3] = {0.5f, 1, -1};
  float y[6];
  const kiln_scale_bias_params_t p = {2, 3, -10.0f, 10.0f};
  kiln_scale_bias_f32_ref(&p, x, s, b, y);
  const float e[6] = {2.5f, -1, 10, 8.5f, -4, 10};
  for (int i = 0; i < 6; ++i) EXPECT_EQ(y[i], e[i]) << i;
  const kiln_scale_bias_params_t q = {2, 3, -kInf, kInf};
  kiln_scale_bias_f32_ref(&q, x, s, nullptr, y);
  EXPECT_EQ(y[2], 30.0f);
  EXPECT_EQ(y[5], 60.0f);
}

}  // namespace
