// Tests of the op importers: attributes, defaults and lowerings, checked on
// the IR text.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "frontends/onnx/tests/test_util.h"

namespace kiln::onnx_frontend::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(ConvTest, AutoPadSameUpperAndLower) {
  for (const char* mode : {"SAME_UPPER", "SAME_LOWER"}) {
    ModelBuilder b;
    b.Input("x", {1, 3, 8, 8}).Output("y").Weights("w", {4, 3, 3, 3});
    auto& n = b.Node("Conv", {"x", "w"}, {"y"}, "c1");
    SetString(n, "auto_pad", mode);
    SetInts(n, "strides", {2, 2});
    std::string text = ImportText(b);
    // out = ceil(8 / 2) = 4; total padding 1: the odd pixel at the end for
    // SAME_UPPER, at the beginning for SAME_LOWER.
    EXPECT_THAT(text, HasSubstr(fmt::format(
                          "%y: f32[1,4,4,4]#nchw = conv(%x, %w) {{kernel_shape "
                          "= [3, 3], strides = [2, 2], pads = [{}], dilations "
                          "= [1, 1]}} @c1",
                          std::string(mode) == "SAME_UPPER" ? "0, 0, 1, 1"
                                                            : "1, 1, 0, 0")))
        << mode;
  }
}

TEST(ConvTest, ValidAndExplicitPadsWithBias) {
  ModelBuilder b;
  b.Input("x", {1, 2, 5, 5}).Output("y").Output("z");
  b.Weights("w", {4, 2, 3, 3}).Weights("b", {4});
  SetString(b.Node("Conv", {"x", "w", "b"}, {"y"}), "auto_pad", "VALID");
  auto& n = b.Node("Conv", {"x", "w"}, {"z"});
  SetInts(n, "pads", {1, 2, 0, 1});
  SetInts(n, "kernel_shape", {3, 3});
  SetInts(n, "dilations", {2, 1});
  std::string text = ImportText(b);
  EXPECT_THAT(text, HasSubstr("%y: f32[1,4,3,3]#nchw = conv(%x, %w, %b) "
                              "{kernel_shape = [3, 3], strides = [1, 1], pads "
                              "= [0, 0, 0, 0], dilations = [1, 1]} @Conv_0"));
  EXPECT_THAT(text, HasSubstr("%z: f32[1,4,2,6]#nchw = conv(%x, %w) "
                              "{kernel_shape = [3, 3], strides = [1, 1], pads "
                              "= [1, 2, 0, 1], dilations = [2, 1]} @Conv_1"));
}

TEST(ConvTest, DepthwiseAnd1D) {
  ModelBuilder b;
  b.Input("x", {1, 4, 6, 6}).Input("s", {1, 2, 10}).Output("y").Output("z");
  b.Weights("dw", {4, 1, 3, 3}).Weights("w1", {3, 2, 5});
  SetInt(b.Node("Conv", {"x", "dw"}, {"y"}), "group", 4);
  SetInts(b.Node("Conv", {"s", "w1"}, {"z"}), "strides", {2});
  std::string text = ImportText(b);
  EXPECT_THAT(text,
              HasSubstr("%y: f32[1,4,4,4]#nchw = conv(%x, %dw) "
                        "{kernel_shape = [3, 3], strides = [1, 1], pads "
                        "= [0, 0, 0, 0], dilations = [1, 1], group = 4}"));
  EXPECT_THAT(text, HasSubstr("%z: f32[1,3,3] = conv(%s, %w1) {kernel_shape = "
                              "[5], strides = [2], pads = [0, 0], dilations = "
                              "[1]}"));
}

TEST(GemmTest, AttributesAreKept) {
  ModelBuilder b;
  b.Input("a", {3, 2}).Output("y");
  b.Weights("B", {4, 3}).Weights("C", {4});
  auto& n = b.Node("Gemm", {"a", "B", "C"}, {"y"}, "fc");
  SetFloat(n, "alpha", 0.5f);
  SetFloat(n, "beta", 2.0f);
  SetInt(n, "transA", 1);
  SetInt(n, "transB", 1);
  EXPECT_THAT(ImportText(b),
              HasSubstr("%y: f32[2,4] = gemm(%a, %B, %C) {alpha = 0.5, beta = "
                        "2, trans_a = 1, trans_b = 1} @fc"));
}

TEST(GemmTest, MatMulAndOptionalC) {
  ModelBuilder b;
  b.Input("a", {2, 3}).Output("y").Output("z").Weights("B", {3, 5});
  b.Node("Gemm", {"a", "B"}, {"y"});
  b.Node("MatMul", {"a", "B"}, {"z"});
  std::string text = ImportText(b);
  EXPECT_THAT(text, HasSubstr("%y: f32[2,5] = gemm(%a, %B) @Gemm_0"));
  EXPECT_THAT(text, HasSubstr("%z: f32[2,5] = matmul(%a, %B) @MatMul_1"));
}

TEST(FlattenTest, IsAReshapeToTheInferredShape) {
  ModelBuilder b;
  b.Input("x", {2, 3, 4, 5}).Output("y").Output("z");
  b.Node("Flatten", {"x"}, {"y"});
  SetInt(b.Node("Flatten", {"x"}, {"z"}), "axis", 2);
  std::string text = ImportText(b);
  EXPECT_THAT(text, HasSubstr("%y: f32[2,60] = reshape(%x) @Flatten_0"));
  EXPECT_THAT(text, HasSubstr("%z: f32[6,20] = reshape(%x) @Flatten_1"));
}

TEST(SoftmaxTest, Opset11CoercesTo2D) {
  ModelBuilder b(11);
  b.Input("x", {2, 3, 4}).Output("y");
  SetInt(b.Node("Softmax", {"x"}, {"y"}, "sm"), "axis", 1);
  std::string text = ImportText(b);
  EXPECT_THAT(text, HasSubstr("%x_2d: f32[2,12] = reshape(%x) @sm_to_2d\n"));
  EXPECT_THAT(text,
              HasSubstr("%y_2d: f32[2,12] = softmax(%x_2d) {axis = 1} @sm\n"));
  EXPECT_THAT(text, HasSubstr("%y: f32[2,3,4] = reshape(%y_2d) @sm_from_2d\n"));
}

TEST(SoftmaxTest, Opset11LastAxisIsOneSoftmax) {
  ModelBuilder b(11);
  b.Input("x", {2, 3, 4}).Output("y").Output("z");
  SetInt(b.Node("Softmax", {"x"}, {"y"}), "axis", -1);
  b.Node("Softmax", {"x"}, {"z"});  // default axis 1 at opset 11: coerced
  std::string text = ImportText(b);
  EXPECT_THAT(text, HasSubstr("%y: f32[2,3,4] = softmax(%x) {axis = 2} "
                              "@Softmax_0"));
  EXPECT_THAT(text, HasSubstr("softmax(%x_2d) {axis = 1} @Softmax_1"));
}

TEST(SoftmaxTest, Opset13IsOneAxis) {
  ModelBuilder b(13);
  b.Input("x", {2, 3, 4}).Output("y").Output("z");
  SetInt(b.Node("Softmax", {"x"}, {"y"}), "axis", 1);
  b.Node("Softmax", {"x"}, {"z"});  // default axis -1
  std::string text = ImportText(b);
  EXPECT_THAT(text, HasSubstr("%y: f32[2,3,4] = softmax(%x) {axis = 1} "
                              "@Softmax_0"));
  EXPECT_THAT(text, HasSubstr("%z: f32[2,3,4] = softmax(%x) {axis = 2} "
                              "@Softmax_1"));
  EXPECT_THAT(text, Not(HasSubstr("reshape")));
}

TEST(ClipTest, AttributesBeforeOpset11) {
  ModelBuilder b(10);
  b.Input("x", {4}).Output("y");
  auto& n = b.Node("Clip", {"x"}, {"y"});
  SetFloat(n, "min", 0);
  SetFloat(n, "max", 6);
  EXPECT_THAT(ImportText(b),
              HasSubstr("%y: f32[4] = clip(%x) {min = 0, max = 6} @Clip_0"));
}

TEST(ClipTest, ConstantInputsFromOpset11) {
  ModelBuilder b(13);
  b.Input("x", {4}).Output("y").Output("z");
  b.Floats("lo", {}, {-1});
  auto& c = b.Node("Constant", {}, {"hi"});
  SetFloat(c, "value_float", 6);
  b.Node("Clip", {"x", "lo", "hi"}, {"y"});
  b.Node("Clip", {"x", "", "hi"}, {"z"});
  std::string text = ImportText(b);
  EXPECT_THAT(text, HasSubstr("%y: f32[4] = clip(%x) {min = -1, max = 6}"));
  EXPECT_THAT(text, HasSubstr("%z: f32[4] = clip(%x) {max = 6}"));
  // The bounds are attributes, not constants of the graph.
  EXPECT_THAT(text, Not(HasSubstr("const")));
}

TEST(PoolTest, AverageMaxAndGlobal) {
  ModelBuilder b;
  b.Input("x", {1, 2, 7, 7}).Output("a").Output("m").Output("g");
  auto& avg = b.Node("AveragePool", {"x"}, {"a"});
  SetInts(avg, "kernel_shape", {3, 3});
  SetInts(avg, "strides", {2, 2});
  SetInt(avg, "ceil_mode", 1);
  SetInt(avg, "count_include_pad", 1);
  SetInts(avg, "pads", {1, 1, 1, 1});
  auto& mp = b.Node("MaxPool", {"x"}, {"m", "indices"});  // indices unused
  SetInts(mp, "kernel_shape", {2, 2});
  SetString(mp, "auto_pad", "SAME_UPPER");
  SetInts(mp, "strides", {2, 2});
  b.Node("GlobalAveragePool", {"x"}, {"g"});
  std::string text = ImportText(b);
  EXPECT_THAT(text, HasSubstr("%a: f32[1,2,4,4]#nchw = avgpool(%x) "
                              "{kernel_shape = [3, 3], strides = [2, 2], pads "
                              "= [1, 1, 1, 1], dilations = [1, 1], ceil_mode "
                              "= 1, count_include_pad = 1}"));
  EXPECT_THAT(text, HasSubstr("%m: f32[1,2,4,4]#nchw = maxpool(%x) "
                              "{kernel_shape = [2, 2], strides = [2, 2], pads "
                              "= [0, 0, 1, 1], dilations = [1, 1]}"));
  EXPECT_THAT(text, HasSubstr("%g: f32[1,2,1,1]#nchw = global_avgpool(%x)"));
}

TEST(TransposeTest, DefaultPermReversesAxes) {
  ModelBuilder b;
  b.Input("x", {2, 3, 4}).Output("y").Output("z");
  b.Node("Transpose", {"x"}, {"y"});
  SetInts(b.Node("Transpose", {"x"}, {"z"}), "perm", {0, 2, 1});
  std::string text = ImportText(b);
  EXPECT_THAT(text, HasSubstr("%y: f32[4,3,2] = transpose(%x) {perm = [2, 1, "
                              "0]}"));
  EXPECT_THAT(text, HasSubstr("%z: f32[2,4,3] = transpose(%x) {perm = [0, 2, "
                              "1]}"));
}

TEST(ConcatTest, NegativeAxisIsNormalized) {
  ModelBuilder b;
  b.Input("x", {1, 2, 3}).Input("w", {1, 2, 5}).Output("y");
  SetInt(b.Node("Concat", {"x", "w"}, {"y"}), "axis", -1);
  EXPECT_THAT(ImportText(b),
              HasSubstr("%y: f32[1,2,8] = concat(%x, %w) {axis = 2}"));
}

TEST(BatchNormTest, InferenceFormWithEpsilon) {
  ModelBuilder b;
  b.Input("x", {1, 3, 2, 2}).Output("y");
  for (const char* p : {"scale", "bias", "mean", "var"}) b.Weights(p, {3});
  SetFloat(b.Node("BatchNormalization", {"x", "scale", "bias", "mean", "var"},
                  {"y"}),
           "epsilon", 1e-3f);
  EXPECT_THAT(ImportText(b),
              HasSubstr("%y: f32[1,3,2,2]#nchw = batchnorm(%x, %scale, %bias, "
                        "%mean, %var) {epsilon = 0.00100000005}"));
}

TEST(DropoutTest, InferenceOnlyWithUnusedMask) {
  ModelBuilder b(12);
  b.Input("x", {4}).Output("y");
  b.Floats("ratio", {}, {0.5f});
  b.Node("Dropout", {"x", "ratio"}, {"d", "mask"});
  b.Node("Identity", {"d"}, {"y"});
  std::string text = ImportText(b);
  EXPECT_THAT(text, HasSubstr("%d: f32[4] = dropout(%x) @Dropout_0"));
  EXPECT_THAT(text, HasSubstr("%y: f32[4] = identity(%d) @Identity_1"));
  EXPECT_THAT(text, Not(HasSubstr("mask")));
}

}  // namespace
}  // namespace kiln::onnx_frontend::testing

namespace kiln::onnx_frontend::testing {
namespace {

// One small CNN with every op, at each opset whose schemas changed something
// the importers read (Clip bounds, Softmax axis, BatchNormalization, Dropout).
class AllOpsetsTest : public ::testing::TestWithParam<int64_t> {};

TEST_P(AllOpsetsTest, SmallCnnImportsAndVerifies) {
  const int64_t opset = GetParam();
  ModelBuilder b(opset);
  b.Input("x", {1, 2, 8, 8}).Output("y");
  b.Weights("w", {4, 2, 3, 3}).Weights("b", {4}).Weights("fc", {5, 16});
  b.Weights("fc_b", {5});
  for (const char* p : {"scale", "bias", "mean", "var"}) b.Weights(p, {4});
  auto& conv = b.Node("Conv", {"x", "w", "b"}, {"c"});
  SetInts(conv, "pads", {1, 1, 1, 1});
  b.Node("BatchNormalization", {"c", "scale", "bias", "mean", "var"}, {"bn"});
  if (opset < 11) {
    auto& clip = b.Node("Clip", {"bn"}, {"r6"});
    SetFloat(clip, "min", 0);
    SetFloat(clip, "max", 6);
  } else {
    b.Floats("zero", {}, {0}).Floats("six", {}, {6});
    b.Node("Clip", {"bn", "zero", "six"}, {"r6"});
  }
  b.Node("Add", {"r6", "c"}, {"sum"});
  b.Node("Relu", {"sum"}, {"r"});
  auto& pool = b.Node("MaxPool", {"r"}, {"p"});
  SetInts(pool, "kernel_shape", {2, 2});
  SetInts(pool, "strides", {4, 4});
  auto& avg = b.Node("AveragePool", {"r"}, {"a"});
  SetInts(avg, "kernel_shape", {4, 4});
  SetInts(avg, "strides", {4, 4});
  SetInt(b.Node("Concat", {"p", "a"}, {"cat"}), "axis", 1);
  b.Node("GlobalAveragePool", {"cat"}, {"gap"});
  b.Node("Transpose", {"cat"}, {"t"});
  b.Node("Flatten", {"t"}, {"flat"});
  b.Node("Dropout", {"flat"}, {"d"});
  SetInt(b.Node("Gemm", {"d", "fc", "fc_b"}, {"g"}), "transB", 1);
  b.Node("Identity", {"g"}, {"i"});
  b.Node("Softmax", {"i"}, {"y"});
  b.Output("gap");
  ImportReport report;
  auto g = Import(b, &report);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(report.opset, opset);
  EXPECT_EQ(g->nodes.size(), 15u);
  ir::PrintOptions po;
  po.elide_constants_over = 16;
  std::string text = ir::PrintGraph(*g, po);
  EXPECT_THAT(text, HasSubstr("%r6: f32[1,4,8,8]#nchw = clip(%bn) {min = 0, "
                              "max = 6}"));
  EXPECT_THAT(text, HasSubstr("%y: f32[2,5] = softmax(%i) {axis = 1}"));
  EXPECT_THAT(text,
              HasSubstr("%gap: f32[1,8,1,1]#nchw = global_avgpool(%cat)"));
}

INSTANTIATE_TEST_SUITE_P(Opsets, AllOpsetsTest,
                         ::testing::Values(7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
                                           17));

}  // namespace
}  // namespace kiln::onnx_frontend::testing
