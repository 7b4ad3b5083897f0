// Unit tests of host evaluation: small nodes with hand-computed results, and
// the same conv/pool evaluated in NCHW and NHWC form giving the same values.
#include "compiler/eval/eval.h"

#include <gtest/gtest.h>

#include "compiler/ir/parser.h"

namespace kiln::eval {
namespace {

std::vector<float> RunGraph(const char* text,
                            const std::vector<std::vector<float>>& in,
                            size_t output = 0) {
  auto g = ir::ParseGraph(text);
  EXPECT_TRUE(g.ok()) << g.status().message();
  std::vector<Buffer> bufs, out;
  for (const auto& v : in) bufs.push_back(ToBuffer(v));
  Status s = EvalGraph(*g, bufs, &out);
  EXPECT_TRUE(s.ok()) << s.ToString();
  if (!s.ok() || out.size() <= output) return {};
  return ToFloats(out[output]);
}

TEST(Eval, ConvNchwMatchesHandComputation) {
  // 1 input channel 2x2, 2 output channels of 1x1 weights 1 and -2, bias 0.5 /
  // 0.
  auto y = RunGraph(R"(graph @m {
  input %x: f32[1,1,2,2]
  const %w: f32[2,1,1,1] = dense<1, -2>
  const %b: f32[2] = dense<0.5, 0>
  %y: f32[1,2,2,2] = conv(%x, %w, %b) {kernel_shape = [1, 1], strides = [1, 1], pads = [0, 0, 0, 0], dilations = [1, 1]} @c
  output %y
})",
                    {{1, 2, 3, 4}});
  EXPECT_EQ(y, (std::vector<float>{1.5, 2.5, 3.5, 4.5, -2, -4, -6, -8}));
}

TEST(Eval, ConvAndPoolAgreeAcrossLayouts) {
  // A 3x3 conv with padding and stride 2 on a 2-channel 5x5 input, then
  // maxpool, once in NCHW (OIHW) and once in NHWC (OHWI); compared after
  // transposing.
  std::string w;
  for (int i = 0; i < 2 * 2 * 3 * 3; ++i)
    w += (i ? ", " : "") + std::to_string((i * 7 % 11) - 5);
  std::string nchw = R"(graph @m {
  input %x: f32[1,2,5,5]
  const %w: f32[2,2,3,3] = dense<)" +
                     w + R"(>
  %y: f32[1,2,3,3] = conv(%x, %w) {kernel_shape = [3, 3], strides = [2, 2], pads = [1, 1, 1, 1], dilations = [1, 1], act_min = -3} @c
  %p: f32[1,2,2,2] = maxpool(%y) {kernel_shape = [2, 2], strides = [1, 1], pads = [0, 0, 0, 0], dilations = [1, 1]} @p
  %t: f32[1,2,2,2] = transpose(%p) {perm = [0, 2, 3, 1]} @t
  output %t
})";
  std::string nhwc = R"(graph @m {
  input %x: f32[1,2,5,5]
  const %w: f32[2,2,3,3] = dense<)" +
                     w + R"(>
  %xt: f32[1,5,5,2] = transpose(%x) {perm = [0, 2, 3, 1]} @tx
  %wt: f32[2,3,3,2] = transpose(%w) {perm = [0, 2, 3, 1]} @tw
  %y: f32[1,3,3,2] = conv(%xt, %wt) {kernel_shape = [3, 3], strides = [2, 2], pads = [1, 1, 1, 1], dilations = [1, 1], layout = "nhwc", act_min = -3} @c
  %p: f32[1,2,2,2] = maxpool(%y) {kernel_shape = [2, 2], strides = [1, 1], pads = [0, 0, 0, 0], dilations = [1, 1], layout = "nhwc"} @p
  output %p
})";
  std::vector<float> x(50);
  for (int i = 0; i < 50; ++i) x[i] = static_cast<float>((i * 13) % 17) - 8.0f;
  auto a = RunGraph(nchw.c_str(), {x}), b = RunGraph(nhwc.c_str(), {x});
  ASSERT_EQ(a.size(), 8u);
  EXPECT_EQ(a, b);
}

TEST(Eval, GemmWithTransposesAlphaBeta) {
  // A [1,2] = [1, 2]; B given as [3,2] with transB: rows (1,0), (0,1), (1,1).
  // alpha = 2: 2 * [1, 2, 3]; beta * C = 0.5 * [2, 2, 2].
  auto y = RunGraph(R"(graph @m {
  input %a: f32[1,2]
  const %b: f32[3,2] = dense<1, 0, 0, 1, 1, 1>
  const %c: f32[3] = dense<2, 2, 2>
  %y: f32[1,3] = gemm(%a, %b, %c) {alpha = 2, beta = 0.5, trans_b = 1} @g
  output %y
})",
                    {{1, 2}});
  EXPECT_EQ(y, (std::vector<float>{3, 5, 7}));
}

TEST(Eval, MatMulBroadcastsBatch) {
  // [2,1,2] x [2,2] -> [2,1,2].
  auto y = RunGraph(R"(graph @m {
  input %a: f32[2,1,2]
  const %b: f32[2,2] = dense<1, 2, 3, 4>
  %y: f32[2,1,2] = matmul(%a, %b) @mm
  output %y
})",
                    {{1, 0, 0, 1}});
  EXPECT_EQ(y, (std::vector<float>{1, 2, 3, 4}));
}

TEST(Eval, BatchNormSoftmaxConcatAdd) {
  auto y = RunGraph(R"(graph @m {
  input %x: f32[1,2,1,1]
  const %g: f32[2] = dense<2, 1>
  const %b: f32[2] = dense<1, 0>
  const %m: f32[2] = dense<1, 0>
  const %v: f32[2] = dense<1, 1>
  const %one: f32[1] = dense<1>
  %bn: f32[1,2,1,1] = batchnorm(%x, %g, %b, %m, %v) {epsilon = 0} @bn
  %c: f32[1,4,1,1] = concat(%bn, %x) {axis = 1} @cat
  %a: f32[1,4,1,1] = add(%c, %one) {act_max = 4} @add
  output %a
})",
                    {{3, 5}});
  // bn: (3-1)*2+1 = 5, (5-0)*1+0 = 5; concat with x: 5 5 3 5; +1 clamp 4.
  EXPECT_EQ(y, (std::vector<float>{4, 4, 4, 4}));
  auto s = RunGraph(R"(graph @m {
  input %x: f32[1,2]
  %y: f32[1,2] = softmax(%x) {axis = 1} @s
  output %y
})",
                    {{0, 0}});
  EXPECT_EQ(s, (std::vector<float>{0.5, 0.5}));
}

TEST(Eval, UnsupportedDtypeIsUnimplemented) {
  auto g = ir::ParseGraph(R"(graph @m {
  input %x: s8[4]
  %y: s8[4] = relu(%x) @r
  output %y
})");
  ASSERT_TRUE(g.ok());
  std::vector<Buffer> out;
  Status s = EvalGraph(*g, {Buffer(4)}, &out);
  EXPECT_EQ(s.code(), StatusCode::kUnimplemented);
}

TEST(Eval, WrongInputSizeIsAnError) {
  auto g = ir::ParseGraph(R"(graph @m {
  input %x: f32[4]
  %y: f32[4] = relu(%x) @r
  output %y
})");
  ASSERT_TRUE(g.ok());
  std::vector<Buffer> out;
  EXPECT_EQ(EvalGraph(*g, {Buffer(3)}, &out).code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace kiln::eval
