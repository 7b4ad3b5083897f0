// Tests of the importers of the ops added after the first set (ops_test.cc):
// GlobalMaxPool, LogSoftmax, standalone BatchNormalization, Squeeze/Unsqueeze,
// Slice, Split, Pad, the Reduce family, n-ary Max/Min, Resize/Upsample and
// ConvTranspose. Expected IR values are worked out from the ONNX spec in the
// comments, not copied from kiln's output.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "frontends/onnx/tests/test_util.h"

namespace kiln::onnx_frontend::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(GlobalMaxPoolTest, SpatialAxesBecomeOne) {
  ModelBuilder b;
  b.Input("x", {1, 3, 5, 4}).Output("y");
  b.Node("GlobalMaxPool", {"x"}, {"y"}, "g");
  EXPECT_THAT(ImportText(b),
              HasSubstr("%y: f32[1,3,1,1]#nchw = global_maxpool(%x) @g"));
}

TEST(LogSoftmaxTest, NegativeAxisOpset13) {
  ModelBuilder b;
  b.Input("x", {2, 3, 4}).Output("y");
  SetInt(b.Node("LogSoftmax", {"x"}, {"y"}, "l"), "axis", -2);
  EXPECT_THAT(ImportText(b),
              HasSubstr("%y: f32[2,3,4] = log_softmax(%x) {axis = 1} @l"));
}

TEST(BatchNormTest, StandaloneStaysABatchnorm) {
  // Not after a conv: the importer keeps a batchnorm node (the passes turn it
  // into scale_bias), with its four constant inputs.
  ModelBuilder b;
  b.Input("x", {1, 2, 3, 3}).Output("y");
  for (const char* p : {"s", "b", "m", "v"}) b.Weights(p, {2});
  b.Node("BatchNormalization", {"x", "s", "b", "m", "v"}, {"y"}, "bn");
  EXPECT_THAT(ImportText(b), HasSubstr("%y: f32[1,2,3,3]#nchw = batchnorm(%x, "
                                       "%s, %b, %m, %v) @bn"));
}

TEST(SqueezeTest, AxesAttributeBeforeOpset13AndInputAfter) {
  {
    ModelBuilder b(11);
    b.Input("x", {1, 3, 1, 2}).Output("y").Output("z");
    SetInts(b.Node("Squeeze", {"x"}, {"y"}, "sq"), "axes", {0, -2});
    SetInts(b.Node("Unsqueeze", {"x"}, {"z"}, "un"), "axes", {1, 5});
    std::string text = ImportText(b);
    EXPECT_THAT(text, HasSubstr("%y: f32[3,2] = reshape(%x) @sq"));
    // Unsqueeze axes index the output [1, 1, 3, 1, 2, 1].
    EXPECT_THAT(text, HasSubstr("%z: f32[1,1,3,1,2,1] = reshape(%x) @un"));
  }
  {
    ModelBuilder b(13);
    b.Input("x", {1, 3, 1, 2}).Output("y");
    b.Ints("axes", {1}, {2});
    b.Node("Squeeze", {"x", "axes"}, {"y"}, "sq");
    std::string text = ImportText(b);
    EXPECT_THAT(text, HasSubstr("%y: f32[1,3,2] = reshape(%x) @sq"));
    EXPECT_THAT(text, Not(HasSubstr("const")));  // axes is an attribute
  }
}

TEST(SliceTest, ClampedStartsAndNegativeSteps) {
  // x [4, 10]: axis 1 from 8 down to (not including) 1 by -3: 8, 5, 2 (3
  // elements); axis 0 from -3 (= 1) to a huge end clamped to 4: 1, 2, 3.
  ModelBuilder b;
  b.Input("x", {4, 10}).Output("y");
  b.Ints("starts", {2}, {8, -3}).Ints("ends", {2}, {1, 1000});
  b.Ints("axes", {2}, {1, 0}).Ints("steps", {2}, {-3, 1});
  b.Node("Slice", {"x", "starts", "ends", "axes", "steps"}, {"y"}, "s");
  EXPECT_THAT(ImportText(b), HasSubstr("%y: f32[3,3] = slice(%x) {starts = "
                                       "[1, 8], steps = [1, -3]} @s"));
}

TEST(SplitTest, UnequalPartsFromTheInput) {
  // x [2, 7] split on axis 1 into 2, 5: slices starting at 0 and 2.
  ModelBuilder b;
  b.Input("x", {2, 7}).Output("a").Output("c");
  b.Ints("split", {2}, {2, 5});
  SetInt(b.Node("Split", {"x", "split"}, {"a", "c"}, "sp"), "axis", 1);
  std::string text = ImportText(b);
  EXPECT_THAT(text, HasSubstr("%a: f32[2,2] = slice(%x) {starts = [0, 0], "
                              "steps = [1, 1]} @sp"));
  EXPECT_THAT(text, HasSubstr("%c: f32[2,5] = slice(%x) {starts = [0, 2], "
                              "steps = [1, 1]} @sp_1"));
}

TEST(PadTest, AttributesBeforeOpset11AndInputsAfter) {
  {
    ModelBuilder b(10);
    b.Input("x", {1, 2, 3}).Output("y");
    auto& n = b.Node("Pad", {"x"}, {"y"}, "p");
    SetInts(n, "pads", {0, 0, 1, 0, 1, 2});
    SetString(n, "mode", "reflect");
    EXPECT_THAT(ImportText(b),
                HasSubstr("%y: f32[1,3,6] = pad(%x) {pads = [0, 0, 1, 0, 1, "
                          "2], mode = \"reflect\"} @p"));
  }
  {
    ModelBuilder b(13);
    b.Input("x", {2, 2}).Output("y");
    b.Ints("pads", {4}, {1, 0, 0, -1}).Floats("v", {}, {2.5f});
    b.Node("Pad", {"x", "pads", "v"}, {"y"}, "p");
    // Negative pads crop: [2 + 1, 2 - 1].
    EXPECT_THAT(ImportText(b), HasSubstr("%y: f32[3,1] = pad(%x) {pads = [1, "
                                         "0, 0, -1], value = 2.5} @p"));
  }
}

TEST(ReduceTest, KindsAxesAndKeepdims) {
  ModelBuilder b(13);
  b.Input("x", {2, 3, 4}).Output("m").Output("s").Output("l2");
  auto& mean = b.Node("ReduceMean", {"x"}, {"m"}, "mean");
  SetInts(mean, "axes", {-1, 0});
  SetInt(mean, "keepdims", 0);
  b.Ints("axes", {1}, {1});
  b.Node("ReduceSum", {"x", "axes"}, {"s"}, "sum");  // axes input (opset 13)
  SetInts(b.Node("ReduceL2", {"x"}, {"l2"}, "l2n"), "axes", {2});
  std::string text = ImportText(b);
  EXPECT_THAT(text, HasSubstr("%m: f32[3] = reduce(%x) {kind = \"mean\", axes "
                              "= [0, 2], keepdims = 0} @mean"));
  EXPECT_THAT(text, HasSubstr("%s: f32[2,1,4] = reduce(%x) {axes = [1]} @sum"));
  // ReduceL2 = sqrt(sum(x * x)).
  EXPECT_THAT(text, HasSubstr("= mul(%x, %x) @l2n_pre"));
  EXPECT_THAT(text, HasSubstr("= sqrt("));
}

TEST(MaxMinTest, ThreeInputsChain) {
  // max(a, b, c) = max(max(a, b), c); broadcasting [3] against [2, 3].
  ModelBuilder b;
  b.Input("a", {2, 3})
      .Input("b", {3})
      .Input("c", {2, 1})
      .Output("y")
      .Output("z");
  b.Node("Max", {"a", "b", "c"}, {"y"}, "mx");
  b.Node("Min", {"a", "b", "c"}, {"z"}, "mn");
  std::string text = ImportText(b);
  EXPECT_THAT(text, HasSubstr("%y_1: f32[2,3] = max(%a, %b) @mx_1"));
  EXPECT_THAT(text, HasSubstr("%y: f32[2,3] = max(%y_1, %c) @mx"));
  EXPECT_THAT(text, HasSubstr("%z_1: f32[2,3] = min(%a, %b) @mn_1"));
  EXPECT_THAT(text, HasSubstr("%z: f32[2,3] = min(%z_1, %c) @mn"));
}

TEST(ResizeTest, ScalesSizesAndModes) {
  ModelBuilder b(13);
  b.Input("x", {1, 2, 3, 4}).Output("a").Output("c").Output("d");
  b.Floats("scales", {4}, {1, 1, 2, 1.5f});
  b.Ints("sizes", {4}, {1, 2, 5, 2});
  b.Floats("none", {0}, {});
  // Scales (2, 1.5): out = floor(3 * 2), floor(4 * 1.5) = 6, 6.
  auto& lin = b.Node("Resize", {"x", "", "scales"}, {"a"}, "lin");
  SetString(lin, "mode", "linear");
  SetString(lin, "coordinate_transformation_mode", "align_corners");
  // Sizes (5, 2) with an empty scales tensor: scales 5 / 3 and 2 / 4.
  auto& nn = b.Node("Resize", {"x", "", "none", "sizes"}, {"c"}, "nn");
  SetString(nn, "nearest_mode", "ceil");
  // Defaults: nearest, half_pixel, round_prefer_floor.
  b.Node("Resize", {"x", "", "scales"}, {"d"}, "def");
  std::string text = ImportText(b);
  EXPECT_THAT(text, HasSubstr("%a: f32[1,2,6,6]#nchw = resize(%x) {mode = "
                              "\"linear\", coord_mode = \"align_corners\", "
                              "scale_h = 2, scale_w = 1.5} @lin"));
  EXPECT_THAT(text, HasSubstr("%c: f32[1,2,5,2]#nchw = resize(%x) "
                              "{nearest_mode = \"ceil\", scale_h = 1.66666663, "
                              "scale_w = 0.5} @nn"));
  EXPECT_THAT(text, HasSubstr("%d: f32[1,2,6,6]#nchw = resize(%x) {scale_h = "
                              "2, scale_w = 1.5} @def"));
  EXPECT_THAT(text, Not(HasSubstr("const")));
}

TEST(ResizeTest, Opset10AndUpsampleUseSimpleRounding) {
  {
    ModelBuilder b(10);
    b.Input("x", {1, 1, 2, 4}).Output("y");
    b.Floats("scales", {4}, {1, 1, 0.6f, 0.6f});
    b.Node("Resize", {"x", "scales"}, {"y"}, "r");
    // floor(2 * 0.6) = 1, floor(4 * 0.6) = 2.
    EXPECT_THAT(ImportText(b),
                HasSubstr("%y: f32[1,1,1,2]#nchw = resize(%x) {coord_mode = "
                          "\"asymmetric\", nearest_mode = \"simple\", scale_h "
                          "= 0.600000024, scale_w = 0.600000024} @r"));
  }
  {
    ModelBuilder b(7);
    b.Input("x", {1, 1, 2, 2}).Output("y");
    auto& n = b.Node("Upsample", {"x"}, {"y"}, "u");
    SetFloats(n, "scales", {1, 1, 2, 3});
    SetString(n, "mode", "linear");
    EXPECT_THAT(ImportText(b),
                HasSubstr("%y: f32[1,1,4,6]#nchw = resize(%x) {mode = "
                          "\"linear\", coord_mode = \"asymmetric\", "
                          "nearest_mode = \"simple\", scale_h = 2, scale_w = "
                          "3} @u"));
  }
}

TEST(ResizeTest, RefusalsNameNodeAndReason) {
  auto refusal = [](const std::string& mode, const std::string& coord,
                    std::vector<float> scales) {
    ModelBuilder b(13);
    b.Input("x", {1, 2, 3, 4}).Output("y");
    b.Floats("scales", {4}, scales);
    auto& n = b.Node("Resize", {"x", "", "scales"}, {"y"}, "up");
    SetString(n, "mode", mode);
    SetString(n, "coordinate_transformation_mode", coord);
    auto g = Import(b);
    EXPECT_FALSE(g.ok());
    return g.ok() ? std::string() : g.status().message();
  };
  EXPECT_THAT(refusal("bicubic", "half_pixel", {1, 1, 2, 2}),
              HasSubstr("node 'up' (Resize, opset 13): mode 'bicubic' is not "
                        "one of nearest, linear, cubic"));
  EXPECT_THAT(refusal("nearest", "half_pixel", {1, 2, 2, 2}),
              HasSubstr("kiln resizes the spatial axes only"));
  // tf_crop_and_resize without roi (input 1 empty).
  EXPECT_THAT(refusal("linear", "tf_crop_and_resize", {1, 1, 2, 2}),
              HasSubstr("tf_crop_and_resize needs the roi input"));
}

TEST(ResizeTest, CubicAndCropAndResizeAttributes) {
  ModelBuilder b(13);
  b.Input("x", {1, 2, 4, 4}).Output("a").Output("c").Output("d");
  b.Floats("scales", {4}, {1, 1, 2, 2});
  // roi: starts of N, C, H, W, then their ends.
  b.Floats("roi", {8}, {0, 0, 0.25f, 0.5f, 1, 1, 0.75f, 1.5f});
  b.Ints("sizes", {4}, {1, 2, 3, 3});
  b.Floats("none", {0}, {});
  auto& cu = b.Node("Resize", {"x", "", "scales"}, {"a"}, "cu");
  SetString(cu, "mode", "cubic");
  SetFloat(cu, "cubic_coeff_a", -0.5f);
  SetInt(cu, "exclude_outside", 1);
  SetFloat(cu, "extrapolation_value", 3);  // tf_crop_and_resize only: dropped
  auto& cr = b.Node("Resize", {"x", "roi", "none", "sizes"}, {"c"}, "crop");
  SetString(cr, "mode", "linear");
  SetString(cr, "coordinate_transformation_mode", "tf_crop_and_resize");
  SetFloat(cr, "extrapolation_value", 10);
  SetFloat(cr, "cubic_coeff_a", -0.5f);  // cubic only: dropped
  // Cubic with ONNX's defaults (a = -0.75, exclude_outside = 0): only the mode
  // differs from the IR defaults.
  auto& cd = b.Node("Resize", {"x", "", "scales"}, {"d"}, "cdef");
  SetString(cd, "mode", "cubic");
  std::string text = ImportText(b);
  EXPECT_THAT(text, HasSubstr("%a: f32[1,2,8,8]#nchw = resize(%x) {mode = "
                              "\"cubic\", scale_h = 2, scale_w = 2, cubic_a = "
                              "-0.5, exclude_outside = 1} @cu"));
  // Sizes 3 x 3 of 4 x 4: scales 0.75; H's box [0.25, 0.75], W's [0.5, 1.5].
  EXPECT_THAT(text, HasSubstr("%c: f32[1,2,3,3]#nchw = resize(%x) {mode = "
                              "\"linear\", coord_mode = \"tf_crop_and_resize\", "
                              "scale_h = 0.75, scale_w = 0.75, roi_start_h = "
                              "0.25, roi_end_h = 0.75, roi_start_w = 0.5, "
                              "roi_end_w = 1.5, extrapolation_value = 10} @crop"));
  EXPECT_THAT(text, HasSubstr("%d: f32[1,2,8,8]#nchw = resize(%x) {mode = "
                              "\"cubic\", scale_h = 2, scale_w = 2} @cdef"));
}

TEST(ResizeTest, CropAndResizeRefusesCroppingBatchOrChannels) {
  auto import = [](std::vector<float> roi) {
    ModelBuilder b(13);
    b.Input("x", {1, 2, 4, 4}).Output("y");
    b.Floats("roi", {static_cast<int64_t>(roi.size())}, roi);
    b.Floats("none", {0}, {});
    b.Ints("sizes", {4}, {1, 2, 3, 3});
    auto& n = b.Node("Resize", {"x", "roi", "none", "sizes"}, {"y"}, "crop");
    SetString(n, "coordinate_transformation_mode", "tf_crop_and_resize");
    auto g = Import(b);
    return g.ok() ? std::string("ok") : g.status().message();
  };
  EXPECT_EQ(import({0, 0, 0.1f, 0.1f, 1, 1, 0.9f, 0.9f}), "ok");
  EXPECT_THAT(import({0, 0.5f, 0.1f, 0.1f, 1, 1, 0.9f, 0.9f}),
              HasSubstr("axis 1 (batch or channels) is resized: kiln resizes "
                        "the spatial axes only"));
  EXPECT_THAT(import({0.1f, 0.1f, 0.9f, 0.9f}),
              HasSubstr("roi has 4 values; tf_crop_and_resize needs 2 per "
                        "input axis (8)"));
}

TEST(ConvTransposeTest, PadsOutputPaddingAndOutputShape) {
  ModelBuilder b;
  b.Input("x", {1, 4, 3, 3}).Output("a").Output("c").Output("d");
  b.Weights("w", {4, 3, 3, 3}).Weights("bias", {6});
  // group 2: weights [in 4, out/group 3, 3, 3], 6 outputs. strides (3, 2),
  // pads (1, 2, 1, 2), output_padding (1, 0): out = 3 * 2 + 3 - 2 + 1 = 8 and
  // 2 * 2 + 3 - 4 = 3; the output_padding lowers the end pad to 0.
  auto& a = b.Node("ConvTranspose", {"x", "w", "bias"}, {"a"}, "ct");
  SetInt(a, "group", 2);
  SetInts(a, "strides", {3, 2});
  SetInts(a, "pads", {1, 2, 1, 2});
  SetInts(a, "output_padding", {1, 0});
  std::string text;
  // output_shape (10, 8) with strides (3, 2): full = 9, 7; total = -1 each:
  // ONNX puts the extra row/column at the end (pads 0, 0, -1, -1).
  b.Weights("w1", {4, 1, 3, 3});
  auto& c = b.Node("ConvTranspose", {"x", "w1"}, {"c"}, "os");
  SetInts(c, "strides", {3, 2});
  SetInts(c, "output_shape", {10, 8});
  // SAME_UPPER, stride 2: out = 6, total = 5 + 3 - 6... = 1: the smaller half
  // (0) first.
  auto& d = b.Node("ConvTranspose", {"x", "w1"}, {"d"}, "same");
  SetString(d, "auto_pad", "SAME_UPPER");
  SetInts(d, "strides", {2, 2});
  text = ImportText(b);
  EXPECT_THAT(text, HasSubstr("%a: f32[1,6,8,3]#nchw = conv_transpose(%x, %w, "
                              "%bias) {kernel_shape = [3, 3], strides = [3, "
                              "2], pads = [1, 2, 0, 2], dilations = [1, 1], "
                              "group = 2} @ct"));
  EXPECT_THAT(text,
              HasSubstr("%c: f32[1,1,10,8]#nchw = conv_transpose(%x, "
                        "%w1) {kernel_shape = [3, 3], strides = [3, 2], "
                        "pads = [0, 0, -1, -1], dilations = [1, 1]} @os"));
  EXPECT_THAT(text,
              HasSubstr("%d: f32[1,1,6,6]#nchw = conv_transpose(%x, "
                        "%w1) {kernel_shape = [3, 3], strides = [2, 2], "
                        "pads = [0, 0, 1, 1], dilations = [1, 1]} @same"));
}

}  // namespace
}  // namespace kiln::onnx_frontend::testing
