// Unit tests of the data-movement and reduction kernels: transpose, concat,
// pad, slice, reduce and resize. Expected values are hand-derived (several are
// the worked examples of the ONNX operator documentation) or come from naive
// index formulas.
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

std::vector<float> Iota(int n, float start = 0.0f) {
  std::vector<float> v(n);
  for (int i = 0; i < n; ++i) v[i] = start + i;
  return v;
}

TEST(TransposeTest, NchwToNhwcByHand) {
  // [1][2][2][3] NCHW -> perm (0, 2, 3, 1) -> [1][2][3][2].
  auto x = Iota(12);
  std::vector<float> y(12);
  const kiln_transpose_params_t p = {4, {1, 2, 2, 3}, {0, 2, 3, 1}};
  kiln_transpose_f32_ref(&p, x.data(), y.data());
  ExpectNear({0, 6, 1, 7, 2, 8, 3, 9, 4, 10, 5, 11}, y, 0);
}

TEST(TransposeTest, SixDimMatchesNaive) {
  const int in[6] = {2, 3, 1, 4, 2, 3};
  const int perm[6] = {5, 0, 3, 1, 4, 2};
  auto x = RandomVector(2 * 3 * 1 * 4 * 2 * 3, 9);
  int out[6], in_stride[6];
  in_stride[5] = 1;
  for (int d = 4; d >= 0; --d) in_stride[d] = in_stride[d + 1] * in[d + 1];
  for (int d = 0; d < 6; ++d) out[d] = in[perm[d]];
  std::vector<float> expected(x.size());
  for (size_t i = 0; i < x.size(); ++i) {
    size_t r = i, src = 0;
    for (int d = 5; d >= 0; --d) {
      src += (r % out[d]) * in_stride[perm[d]];
      r /= out[d];
    }
    expected[i] = x[src];
  }
  kiln_transpose_params_t p = {6, {}, {}};
  for (int d = 0; d < 6; ++d) {
    p.in_shape[d] = in[d];
    p.perm[d] = perm[d];
  }
  std::vector<float> y(x.size());
  kiln_transpose_f32_ref(&p, x.data(), y.data());
  ExpectNear(expected, y, 0);
  // The int8 kernel moves bytes the same way.
  std::vector<int8_t> xs(x.size()), ys(x.size()), es(x.size());
  for (size_t i = 0; i < x.size(); ++i) xs[i] = static_cast<int8_t>(i * 37 + 11);
  for (size_t i = 0; i < x.size(); ++i) {
    size_t r = i, src = 0;
    for (int d = 5; d >= 0; --d) {
      src += (r % out[d]) * in_stride[perm[d]];
      r /= out[d];
    }
    es[i] = xs[src];
  }
  kiln_transpose_s8_ref(&p, xs.data(), ys.data());
  EXPECT_EQ(es, ys);
  // 2-D matrix transpose by hand.
  const kiln_transpose_params_t q = {2, {2, 3}, {1, 0}};
  const float m[6] = {1, 2, 3, 4, 5, 6};
  float t[6];
  kiln_transpose_f32_ref(&q, m, t);
  ExpectNear({1, 4, 2, 5, 3, 6}, std::vector<float>(t, t + 6), 0);
}

TEST(ConcatTest, InnerAxisOfNhwc) {
  // Two [2 pixels][C] tensors, C = 1 and 2, concatenated on channels.
  const float a[2] = {1, 2};
  const float b[4] = {10, 11, 20, 21};
  const float* inputs[2] = {a, b};
  const int32_t sizes[2] = {1, 2};
  const kiln_concat_params_t p = {2, 2, sizes};
  float y[6];
  kiln_concat_f32_ref(&p, inputs, y);
  ExpectNear({1, 10, 11, 2, 20, 21}, std::vector<float>(y, y + 6), 0);
  // Outer axis (outer = 1): plain back-to-back copy of three inputs.
  const float c[1] = {99};
  const float* three[3] = {b, a, c};
  const int32_t s3[3] = {4, 2, 1};
  const kiln_concat_params_t q = {1, 3, s3};
  float z[7];
  kiln_concat_f32_ref(&q, three, z);
  ExpectNear({10, 11, 20, 21, 1, 2, 99}, std::vector<float>(z, z + 7), 0);
}

TEST(PadTest, OnnxDocExamples) {
  // ONNX Pad docs: x = [[1.0, 1.2], [2.3, 3.4], [4.5, 5.7]], pads = [0, 2, 0,
  // 0].
  const float x[6] = {1.0f, 1.2f, 2.3f, 3.4f, 4.5f, 5.7f};
  kiln_pad_params_t p = {2, {3, 2}, {0, 2}, {0, 0}, KILN_PAD_CONSTANT, 0.0f};
  std::vector<float> y(12);
  kiln_pad_f32_ref(&p, x, y.data());
  ExpectNear({0, 0, 1.0f, 1.2f, 0, 0, 2.3f, 3.4f, 0, 0, 4.5f, 5.7f}, y, 0);
  p.mode = KILN_PAD_REFLECT;
  kiln_pad_f32_ref(&p, x, y.data());
  ExpectNear(
      {1.0f, 1.2f, 1.0f, 1.2f, 2.3f, 3.4f, 2.3f, 3.4f, 4.5f, 5.7f, 4.5f, 5.7f},
      y, 0);
  p.mode = KILN_PAD_EDGE;
  kiln_pad_f32_ref(&p, x, y.data());
  ExpectNear(
      {1.0f, 1.0f, 1.0f, 1.2f, 2.3f, 2.3f, 2.3f, 3.4f, 4.5f, 4.5f, 4.5f, 5.7f},
      y, 0);
}

TEST(PadTest, ReflectBothSidesValueAndCrop) {
  // 1-D [1 2 3 4], reflect 3 before and 2 after: 4 3 2 | 1 2 3 4 | 3 2.
  const float x[4] = {1, 2, 3, 4};
  std::vector<float> y(9);
  const kiln_pad_params_t p = {1, {4}, {3}, {2}, KILN_PAD_REFLECT, 0};
  kiln_pad_f32_ref(&p, x, y.data());
  ExpectNear({4, 3, 2, 1, 2, 3, 4, 3, 2}, y, 0);
  // Constant value -inf (maxpool-style padding) on a 2x2, 1 all round.
  std::vector<float> z(16);
  const kiln_pad_params_t q = {2,    {2, 2}, {1, 1}, {1, 1}, KILN_PAD_CONSTANT,
                               -kInf};
  kiln_pad_f32_ref(&q, x, z.data());
  EXPECT_EQ(z[0], -kInf);
  EXPECT_EQ(z[5], 1.0f);
  EXPECT_EQ(z[6], 2.0f);
  EXPECT_EQ(z[9], 3.0f);
  EXPECT_EQ(z[10], 4.0f);
  EXPECT_EQ(z[15], -kInf);
  // Negative pads crop: [1 2 3 4] with pads (-1, +1 edge) -> 2 3 4 4.
  std::vector<float> c(4);
  const kiln_pad_params_t r = {1, {4}, {-1}, {1}, KILN_PAD_EDGE, 0};
  kiln_pad_f32_ref(&r, x, c.data());
  ExpectNear({2, 3, 4, 4}, c, 0);
}

TEST(PadTest, ThreeDimEdgeMatchesNaive) {
  const int in[3] = {2, 3, 4}, pb[3] = {1, 0, 2}, pe[3] = {0, 2, 1};
  auto x = RandomVector(24, 11);
  int out[3];
  for (int d = 0; d < 3; ++d) out[d] = in[d] + pb[d] + pe[d];
  std::vector<float> expected;
  auto clampi = [](int v, int n) { return v < 0 ? 0 : (v >= n ? n - 1 : v); };
  for (int a = 0; a < out[0]; ++a)
    for (int b = 0; b < out[1]; ++b)
      for (int c = 0; c < out[2]; ++c)
        expected.push_back(
            x[(clampi(a - pb[0], in[0]) * in[1] + clampi(b - pb[1], in[1])) *
                  in[2] +
              clampi(c - pb[2], in[2])]);
  const kiln_pad_params_t p = {3,         {2, 3, 4},     {1, 0, 2},
                               {0, 2, 1}, KILN_PAD_EDGE, 0};
  std::vector<float> y(expected.size());
  kiln_pad_f32_ref(&p, x.data(), y.data());
  ExpectNear(expected, y, 0);
}

TEST(SliceTest, NegativeAndPositiveSteps) {
  // x = [[0..4], [5..9], [10..14]] ([3][5]); rows reversed (start 2, step -1),
  // columns 4, 2, 0 (start 4, step -2) -> [[14 12 10] [9 7 5] [4 2 0]].
  auto x = Iota(15);
  std::vector<float> y(9);
  const kiln_slice_params_t p = {2, {3, 5}, {3, 3}, {2, 4}, {-1, -2}};
  kiln_slice_f32_ref(&p, x.data(), y.data());
  ExpectNear({14, 12, 10, 9, 7, 5, 4, 2, 0}, y, 0);
  // Rows 0..1 step 1, columns 1, 4 (step 3) -> [[1 4] [6 9]].
  std::vector<float> z(4);
  const kiln_slice_params_t q = {2, {3, 5}, {2, 2}, {0, 1}, {1, 3}};
  kiln_slice_f32_ref(&q, x.data(), z.data());
  ExpectNear({1, 4, 6, 9}, z, 0);
}

TEST(SliceTest, FourDimMatchesNaive) {
  const int in[4] = {2, 4, 5, 3}, st[4] = {1, 3, 0, 2}, sp[4] = {-1, -2, 2, -1},
            out[4] = {2, 2, 3, 3};
  auto x = RandomVector(2 * 4 * 5 * 3, 12);
  std::vector<float> expected;
  for (int a = 0; a < out[0]; ++a)
    for (int b = 0; b < out[1]; ++b)
      for (int c = 0; c < out[2]; ++c)
        for (int d = 0; d < out[3]; ++d) {
          const int i0 = st[0] + a * sp[0], i1 = st[1] + b * sp[1],
                    i2 = st[2] + c * sp[2], i3 = st[3] + d * sp[3];
          expected.push_back(x[((i0 * in[1] + i1) * in[2] + i2) * in[3] + i3]);
        }
  kiln_slice_params_t p = {4, {}, {}, {}, {}};
  for (int d = 0; d < 4; ++d) {
    p.in_shape[d] = in[d];
    p.out_shape[d] = out[d];
    p.starts[d] = st[d];
    p.steps[d] = sp[d];
  }
  std::vector<float> y(expected.size());
  kiln_slice_f32_ref(&p, x.data(), y.data());
  ExpectNear(expected, y, 0);
}

TEST(ReduceTest, HandComputed) {
  // x [2][3] = [[1 2 3] [4 5 6]].
  const float x[6] = {1, 2, 3, 4, 5, 6};
  float y[3];
  kiln_reduce_params_t p = {2, {2, 3}, 0x1, KILN_REDUCE_SUM};  // over rows
  kiln_reduce_f32_ref(&p, x, y);
  ExpectNear({5, 7, 9}, std::vector<float>(y, y + 3), 0);
  p.axes_mask = 0x2;  // over columns
  p.op = KILN_REDUCE_MEAN;
  kiln_reduce_f32_ref(&p, x, y);
  ExpectNear({2, 5}, std::vector<float>(y, y + 2), 0);
  p.axes_mask = 0x3;
  p.op = KILN_REDUCE_MAX;
  kiln_reduce_f32_ref(&p, x, y);
  EXPECT_EQ(y[0], 6.0f);
  p.op = KILN_REDUCE_MIN;
  kiln_reduce_f32_ref(&p, x, y);
  EXPECT_EQ(y[0], 1.0f);
  p.op = KILN_REDUCE_PROD;
  kiln_reduce_f32_ref(&p, x, y);
  EXPECT_EQ(y[0], 720.0f);
  const float xn[3] = {1, kNan, 3};
  kiln_reduce_params_t q = {1, {3}, 0x1, KILN_REDUCE_MAX};
  kiln_reduce_f32_ref(&q, xn, y);
  EXPECT_TRUE(std::isnan(y[0]));
  q.op = KILN_REDUCE_MIN;
  kiln_reduce_f32_ref(&q, xn, y);
  EXPECT_TRUE(std::isnan(y[0]));
  EXPECT_EQ(kiln_reduce_f32_ref_scratch_bytes(&q), 0u);
}

TEST(ReduceTest, NonAdjacentAxesMatchNaive) {
  // [2][3][4][5] mean over axes {1, 3}, and sum over axes {0, 2} (NHWC
  // spatial).
  const int s[4] = {2, 3, 4, 5};
  auto x = RandomVector(120, 13);
  auto at = [&](int a, int b, int c, int d) {
    return x[((a * s[1] + b) * s[2] + c) * s[3] + d];
  };
  std::vector<float> mean13, sum02;
  for (int a = 0; a < 2; ++a)
    for (int c = 0; c < 4; ++c) {
      double acc = 0;
      for (int b = 0; b < 3; ++b)
        for (int d = 0; d < 5; ++d) acc += at(a, b, c, d);
      mean13.push_back((float)(acc / 15));
    }
  for (int b = 0; b < 3; ++b)
    for (int d = 0; d < 5; ++d) {
      double acc = 0;
      for (int a = 0; a < 2; ++a)
        for (int c = 0; c < 4; ++c) acc += at(a, b, c, d);
      sum02.push_back((float)acc);
    }
  std::vector<float> y(15);
  kiln_reduce_params_t p = {4, {2, 3, 4, 5}, 0xA, KILN_REDUCE_MEAN};
  y.resize(8);
  kiln_reduce_f32_ref(&p, x.data(), y.data());
  ExpectNear(mean13, y);
  p.axes_mask = 0x5;
  p.op = KILN_REDUCE_SUM;
  y.resize(15);
  kiln_reduce_f32_ref(&p, x.data(), y.data());
  ExpectNear(sum02, y);
}

kiln_resize_params_t ResizeP(int ih, int iw, int oh, int ow, int mode,
                             int coord, int nearest, float sh, float sw) {
  return kiln_resize_params_t{1,     ih,   iw,   1,    oh,   ow, mode, coord,
                              nearest, sh, sw, -0.75f, 0, 0.0f, 1.0f, 0.0f,
                              1.0f, 0.0f};
}

// Bicubic against ONNX's own reference (onnx/backend/test/case/node/resize.py,
// interpolate_nd with cubic_coeffs, run in float64 by python3-onnx 1.12) on
// x[i] = i * i / 4 - i over a 3 x 4 image, so the result is not linear.
TEST(ResizeTest, CubicMatchesOnnxReference) {
  float x[12];
  for (int i = 0; i < 12; ++i) x[i] = i * i * 0.25f - i;
  // A = -0.5, exclude_outside, pytorch_half_pixel, scales (1.5, 0.75).
  std::vector<float> y(12);
  auto p = ResizeP(3, 4, 4, 3, KILN_RESIZE_CUBIC, KILN_RESIZE_PYTORCH_HALF_PIXEL,
                   0, 1.5f, 0.75f);
  p.cubic_a = -0.5f;
  p.exclude_outside = 1;
  kiln_resize_f32_ref(&p, x, y.data());
  ExpectNear({-0.09613613f, -1.134868f, -1.162386f, -0.4684966f, -0.1727941f,
              1.134123f, 1.20516f, 3.668907f, 7.143869f, 7.397336f, 11.84368f,
              17.30124f},
             y, 1e-5f);
  // A = -0.75, align_corners, sizes (2, 5): scales 2 / 3 and 5 / 4.
  std::vector<float> z(10);
  auto q = ResizeP(3, 4, 2, 5, KILN_RESIZE_CUBIC, KILN_RESIZE_ALIGN_CORNERS, 0,
                   2.0f / 3.0f, 1.25f);
  kiln_resize_f32_ref(&q, x, z.data());
  ExpectNear({0.0f, -0.5537109f, -0.96875f, -0.9697266f, -0.75f, 8.0f,
              10.11816f, 13.03125f, 16.3584f, 19.25f},
             z, 1e-5f);
}

// tf_crop_and_resize, cubic: roi H [0.2, 1.3] and W [0.1, 0.8], sizes 3 x 3;
// the last row's source lies below the input: extrapolation_value. Expected
// values from ONNX's reference as above.
TEST(ResizeTest, CropAndResizeMatchesOnnxReference) {
  float x[12];
  for (int i = 0; i < 12; ++i) x[i] = i * i * 0.25f - i;
  std::vector<float> y(9);
  auto p = ResizeP(3, 4, 3, 3, KILN_RESIZE_CUBIC, KILN_RESIZE_TF_CROP_AND_RESIZE,
                   0, 1.0f, 0.75f);
  p.roi_start_h = 0.2f;
  p.roi_end_h = 1.3f;
  p.roi_start_w = 0.1f;
  p.roi_end_w = 0.8f;
  p.extrapolation_value = -7.0f;
  kiln_resize_f32_ref(&p, x, y.data());
  ExpectNear({-0.6269715f, -0.6325768f, 0.07147198f, 4.541265f, 7.480554f,
              11.026f, -7.0f, -7.0f, -7.0f},
             y, 1e-5f);
}

TEST(ResizeTest, OnnxDocNearestUpsample) {
  // resize_upsample_scales_nearest: [[1 2] [3 4]], scales (2, 3), half_pixel,
  // round_prefer_floor.
  const float x[4] = {1, 2, 3, 4};
  std::vector<float> y(24);
  auto p = ResizeP(2, 2, 4, 6, KILN_RESIZE_NEAREST, KILN_RESIZE_HALF_PIXEL,
                   KILN_RESIZE_ROUND_PREFER_FLOOR, 2.0f, 3.0f);
  kiln_resize_f32_ref(&p, x, y.data());
  ExpectNear(
      {1, 1, 1, 2, 2, 2, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 3, 3, 3, 4, 4, 4},
      y, 0);
}

TEST(ResizeTest, OnnxDocNearestDownsampleAndModes) {
  // resize_downsample_scales_nearest: [[1 2 3 4] [5 6 7 8]], scales 0.6 -> [[1
  // 3]].
  const float x[8] = {1, 2, 3, 4, 5, 6, 7, 8};
  std::vector<float> y(2);
  auto p = ResizeP(2, 4, 1, 2, KILN_RESIZE_NEAREST, KILN_RESIZE_HALF_PIXEL,
                   KILN_RESIZE_ROUND_PREFER_FLOOR, 0.6f, 0.6f);
  kiln_resize_f32_ref(&p, x, y.data());
  ExpectNear({1, 3}, y, 0);
  // 1x4 -> 1x8 asymmetric: source x = o / 2 = 0, .5, 1, 1.5, 2, 2.5, 3, 3.5.
  const float r[4] = {10, 20, 30, 40};
  std::vector<float> z(8);
  auto q = ResizeP(1, 4, 1, 8, KILN_RESIZE_NEAREST, KILN_RESIZE_ASYMMETRIC,
                   KILN_RESIZE_FLOOR, 1.0f, 2.0f);
  kiln_resize_f32_ref(&q, r, z.data());
  ExpectNear({10, 10, 20, 20, 30, 30, 40, 40}, z, 0);
  q.nearest_mode = KILN_RESIZE_CEIL;  // 3.5 -> 4, clamped to 3
  kiln_resize_f32_ref(&q, r, z.data());
  ExpectNear({10, 20, 20, 30, 30, 40, 40, 40}, z, 0);
  q.nearest_mode = KILN_RESIZE_ROUND_PREFER_CEIL;  // .5 ties go up
  kiln_resize_f32_ref(&q, r, z.data());
  ExpectNear({10, 20, 20, 30, 30, 40, 40, 40}, z, 0);
  q.nearest_mode = KILN_RESIZE_ROUND_PREFER_FLOOR;  // .5 ties go down
  kiln_resize_f32_ref(&q, r, z.data());
  ExpectNear({10, 10, 20, 20, 30, 30, 40, 40}, z, 0);
  // tf_half_pixel_for_nn: (o + .5) / 2 = .25, .75, ... -> round: 0 1 1 2 2 3 3
  // 4->3.
  q.coord_mode = KILN_RESIZE_TF_HALF_PIXEL_FOR_NN;
  kiln_resize_f32_ref(&q, r, z.data());
  ExpectNear({10, 20, 20, 30, 30, 40, 40, 40}, z, 0);
}

TEST(ResizeTest, SimpleNearestOfResize10AndUpsample) {
  // ONNX Resize-10's doc example: [[1 2 3 4] [5 6 7 8]] scaled by 0.6 gives
  // [[1 3]] (asymmetric source 0 and 1.67: ceil while shrinking).
  const float x[8] = {1, 2, 3, 4, 5, 6, 7, 8};
  std::vector<float> y(2);
  auto p = ResizeP(2, 4, 1, 2, KILN_RESIZE_NEAREST, KILN_RESIZE_ASYMMETRIC,
                   KILN_RESIZE_SIMPLE, 0.6f, 0.6f);
  kiln_resize_f32_ref(&p, x, y.data());
  ExpectNear({1, 3}, y, 0);
  // Upsample by (1, 2.5) floors: sources 0, .4, .8, 1.2, 1.6, 2, 2.4, ... on
  // width; height keeps scale 1.
  std::vector<float> z(10);
  auto q = ResizeP(1, 4, 1, 10, KILN_RESIZE_NEAREST, KILN_RESIZE_ASYMMETRIC,
                   KILN_RESIZE_SIMPLE, 1.0f, 2.5f);
  kiln_resize_f32_ref(&q, x, z.data());
  ExpectNear({1, 1, 1, 2, 2, 3, 3, 3, 4, 4}, z, 0);
}

TEST(ResizeTest, AlignCornersUsesTheScaledLength) {
  // resize_downsample_scales_linear_align_corners: [[1 2 3 4] [5 6 7 8]],
  // scales 0.6: width 4 * 0.6 = 2.4, so output column 1 reads x = 3 / 1.4 =
  // 2.142857: 3.142857 (ONNX's expected output), row 0 only.
  const float x[8] = {1, 2, 3, 4, 5, 6, 7, 8};
  std::vector<float> y(2);
  auto p = ResizeP(2, 4, 1, 2, KILN_RESIZE_LINEAR, KILN_RESIZE_ALIGN_CORNERS, 0,
                   0.6f, 0.6f);
  kiln_resize_f32_ref(&p, x, y.data());
  ExpectNear({1, 1 + 3 / 1.4f}, y, 1e-6f);
}

TEST(ResizeTest, OnnxDocLinear) {
  // resize_upsample_scales_linear (half_pixel): [[1 2] [3 4]], scales 2.
  const float x[4] = {1, 2, 3, 4};
  std::vector<float> y(16);
  auto p = ResizeP(2, 2, 4, 4, KILN_RESIZE_LINEAR, KILN_RESIZE_HALF_PIXEL, 0,
                   2.0f, 2.0f);
  kiln_resize_f32_ref(&p, x, y.data());
  ExpectNear({1, 1.25f, 1.75f, 2, 1.5f, 1.75f, 2.25f, 2.5f, 2.5f, 2.75f, 3.25f,
              3.5f, 3, 3.25f, 3.75f, 4},
             y, 1e-6f);
  // resize_upsample_scales_linear_align_corners.
  p.coord_mode = KILN_RESIZE_ALIGN_CORNERS;
  kiln_resize_f32_ref(&p, x, y.data());
  const float t = 1.0f / 3.0f;
  ExpectNear({1, 1 + t, 1 + 2 * t, 2, 1 + 2 * t, 2, 2 + t, 2 + 2 * t, 2 + t,
              2 + 2 * t, 3, 3 + t, 3, 3 + t, 3 + 2 * t, 4},
             y, 1e-6f);
  // resize_downsample_scales_linear: [[1 2 3 4] [5 6 7 8]], scales 0.6 ->
  // [[2.6666665 4.3333331]].
  const float d[8] = {1, 2, 3, 4, 5, 6, 7, 8};
  std::vector<float> z(2);
  auto q = ResizeP(2, 4, 1, 2, KILN_RESIZE_LINEAR, KILN_RESIZE_HALF_PIXEL, 0,
                   0.6f, 0.6f);
  kiln_resize_f32_ref(&q, d, z.data());
  ExpectNear({2.6666665f, 4.3333331f}, z, 1e-6f);
  // Asymmetric 2x on a row: source o/2 -> 1, 1.5, 2, 2 (clamped at the edge).
  const float r[2] = {1, 2};
  std::vector<float> w(4);
  auto a = ResizeP(1, 2, 1, 4, KILN_RESIZE_LINEAR, KILN_RESIZE_ASYMMETRIC, 0,
                   1.0f, 2.0f);
  kiln_resize_f32_ref(&a, r, w.data());
  ExpectNear({1, 1.5f, 2, 2}, w, 0);
}

TEST(ResizeTest, ChannelsAndBatchNhwc) {
  // 2 batches of 1x2 pixels with 2 channels, nearest 2x in width (asymmetric
  // floor).
  const float x[8] = {1, -1, 2, -2, 3, -3, 4, -4};
  std::vector<float> y(16);
  const kiln_resize_params_t p = {2,
                                  1,
                                  2,
                                  2,
                                  1,
                                  4,
                                  KILN_RESIZE_NEAREST,
                                  KILN_RESIZE_ASYMMETRIC,
                                  KILN_RESIZE_FLOOR,
                                  1.0f,
                                  2.0f,
                                  -0.75f,
                                  0,
                                  0.0f,
                                  1.0f,
                                  0.0f,
                                  1.0f,
                                  0.0f};
  kiln_resize_f32_ref(&p, x, y.data());
  ExpectNear({1, -1, 1, -1, 2, -2, 2, -2, 3, -3, 3, -3, 4, -4, 4, -4}, y, 0);
  EXPECT_EQ(kiln_resize_f32_ref_scratch_bytes(&p), 0u);
}

}  // namespace
