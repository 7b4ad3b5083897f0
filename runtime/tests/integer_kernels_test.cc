// Unit tests of the plain-integer reference kernels (add/sub/mul/div/max/min,
// pow with integer and mixed operand types, clip, uint8 max pooling). Expected
// values were computed with numpy (its integer arithmetic wraps like ONNX
// Runtime's; Div is checked against C truncation, numpy's // floors), or by a
// naive loop in the test; kiln's own definitions where C++ and ONNX leave a
// result undefined (x / 0, MIN / -1, 0^-n, float -> int overflow) are checked
// by hand.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "kiln/kernels_ref.h"

namespace {

kiln_broadcast_params_t Flat(int n) {
  kiln_broadcast_params_t p = {};
  p.rank = 1;
  p.out_shape[0] = p.a_shape[0] = p.b_shape[0] = n;
  p.act_min = -KILN_INF;
  p.act_max = KILN_INF;
  return p;
}

template <typename T>
std::vector<T> V(std::initializer_list<T> v) {
  return std::vector<T>(v);
}

TEST(IntegerBinaryTest, AddSubMulWrapAround) {
  kiln_broadcast_params_t p4 = Flat(4), p3 = Flat(3), p2 = Flat(2);
  uint8_t a[4] = {250, 10, 255, 0}, b[4] = {10, 250, 1, 0}, y[4];
  kiln_add_u8_ref(&p4, a, b, y);
  EXPECT_EQ(V<uint8_t>({y[0], y[1], y[2], y[3]}), V<uint8_t>({4, 4, 0, 0}));
  uint8_t sa[3] = {3, 0, 200}, sb[3] = {5, 1, 100}, sy[3];
  kiln_sub_u8_ref(&p3, sa, sb, sy);
  EXPECT_EQ(V<uint8_t>({sy[0], sy[1], sy[2]}), V<uint8_t>({254, 255, 100}));
  int8_t ia[2] = {127, -128}, ib[2] = {1, -1}, iy[2];
  kiln_add_i8_ref(&p2, ia, ib, iy);
  EXPECT_EQ(V<int8_t>({iy[0], iy[1]}), V<int8_t>({-128, 127}));
  int16_t ma[3] = {300, -300, 32767}, mb[3] = {300, 300, 2}, my[3];
  kiln_mul_i16_ref(&p3, ma, mb, my);
  EXPECT_EQ(V<int16_t>({my[0], my[1], my[2]}), V<int16_t>({24464, -24464, -2}));
  int32_t na[2] = {65536, -7}, nb[2] = {65536, 3}, ny[2];
  kiln_mul_i32_ref(&p2, na, nb, ny);
  EXPECT_EQ(V<int32_t>({ny[0], ny[1]}), V<int32_t>({0, -21}));
  int64_t la[3] = {INT64_C(1) << 62, 3, (INT64_C(1) << 40) + 3};
  int64_t lb[3] = {4, -5, (INT64_C(1) << 30) + 7}, ly[3];
  kiln_mul_i64_ref(&p3, la, lb, ly);
  EXPECT_EQ(V<int64_t>({ly[0], ly[1], ly[2]}),
            V<int64_t>({0, -15, INT64_C(7699802619925)}));
}

TEST(IntegerBinaryTest, DivTruncatesAndIsDefinedEverywhere) {
  kiln_broadcast_params_t p = Flat(6);
  int32_t a[6] = {-7, 7, -7, 9, INT32_MIN, 5}, b[6] = {2, -2, -2, 3, -1, 0},
          y[6];
  kiln_div_i32_ref(&p, a, b, y);
  // C truncation (ONNX Runtime), then kiln's MIN / -1 = MIN and x / 0 = 0.
  EXPECT_EQ(V<int32_t>({y[0], y[1], y[2], y[3], y[4], y[5]}),
            V<int32_t>({-3, -3, 3, 3, INT32_MIN, 0}));
  kiln_broadcast_params_t p3 = Flat(3);
  uint8_t ua[3] = {200, 7, 255}, ub[3] = {3, 8, 1}, uy[3];
  kiln_div_u8_ref(&p3, ua, ub, uy);
  EXPECT_EQ(V<uint8_t>({uy[0], uy[1], uy[2]}), V<uint8_t>({66, 0, 255}));
  int64_t la[2] = {INT64_MIN, -9}, lb[2] = {-1, 4}, ly[2];
  kiln_broadcast_params_t p2 = Flat(2);
  kiln_div_i64_ref(&p2, la, lb, ly);
  EXPECT_EQ(ly[0], INT64_MIN);
  EXPECT_EQ(ly[1], -2);
}

TEST(IntegerBinaryTest, MaxMinBroadcastRow) {
  // [2][3] op [3] (right-aligned to [1][3]).
  kiln_broadcast_params_t p = {};
  p.rank = 2;
  p.out_shape[0] = 2;
  p.out_shape[1] = 3;
  p.a_shape[0] = 2;
  p.a_shape[1] = 3;
  p.b_shape[0] = 1;
  p.b_shape[1] = 3;
  const int8_t a[6] = {1, -5, 3, -128, 127, 0}, b[3] = {0, 0, 4};
  int8_t y[6];
  kiln_max_i8_ref(&p, a, b, y);
  EXPECT_EQ(std::vector<int8_t>(y, y + 6), V<int8_t>({1, 0, 4, 0, 127, 4}));
  kiln_min_i8_ref(&p, a, b, y);
  EXPECT_EQ(std::vector<int8_t>(y, y + 6), V<int8_t>({0, -5, 3, -128, 0, 0}));
}

TEST(IntegerBinaryTest, BroadcastMatchesNaiveIndexing) {
  // [2][3][4] - [2][1][4] and [3][1], int64, against index arithmetic here.
  kiln_broadcast_params_t p = {};
  p.rank = 3;
  const int out[3] = {2, 3, 4}, as[3] = {2, 1, 4}, bs[3] = {1, 3, 1};
  for (int d = 0; d < 3; ++d) {
    p.out_shape[d] = out[d];
    p.a_shape[d] = as[d];
    p.b_shape[d] = bs[d];
  }
  std::vector<int64_t> a(8), b(3), y(24);
  for (int i = 0; i < 8; ++i) a[i] = INT64_C(1000000000000) * (i + 1) - i * i;
  for (int i = 0; i < 3; ++i) b[i] = -7 * i + 2;
  kiln_sub_i64_ref(&p, a.data(), b.data(), y.data());
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j < 3; ++j)
      for (int k = 0; k < 4; ++k)
        EXPECT_EQ(y[(i * 3 + j) * 4 + k], a[i * 4 + k] - b[j]) << i << j << k;
}

TEST(IntegerPowTest, IntegerExponentsWrapLikeNumpy) {
  kiln_broadcast_params_t p3 = Flat(3), p2 = Flat(2), p4 = Flat(4);
  int32_t a[3] = {3, -2, 7}, e[3] = {20, 3, 0}, y[3];
  kiln_pow_i32_ref(&p3, a, e, y);
  EXPECT_EQ(V<int32_t>({y[0], y[1], y[2]}), V<int32_t>({-808182895, -8, 1}));
  int64_t la[2] = {3, -3}, le[2] = {40, 41}, ly[2];
  kiln_pow_i64_ref(&p2, la, le, ly);
  EXPECT_EQ(ly[0], INT64_C(-6289078614652622815));
  EXPECT_EQ(ly[1], INT64_C(420491770248316829));
  uint8_t ua[4] = {3, 2, 0, 255}, ue[4] = {5, 8, 0, 2}, uy[4];
  kiln_pow_u8_ref(&p4, ua, ue, uy);
  EXPECT_EQ(V<uint8_t>({uy[0], uy[1], uy[2], uy[3]}),
            V<uint8_t>({243, 0, 1, 1}));
  int16_t sa[2] = {10, -7}, sy[2];
  int64_t se[2] = {5, 3};
  kiln_pow_i16_i64_ref(&p2, sa, se, sy);
  EXPECT_EQ(V<int16_t>({sy[0], sy[1]}), V<int16_t>({-31072, -343}));
}

TEST(IntegerPowTest, NegativeExponentsTruncate) {
  kiln_broadcast_params_t p = Flat(6);
  int32_t a[6] = {2, 1, -1, -1, 0, -3}, e[6] = {-1, -5, -3, -2, -1, -2}, y[6];
  kiln_pow_i32_ref(&p, a, e, y);
  // 0.5 -> 0, 1, -1, 1, kiln's 0^-1 = 0, 1/9 -> 0.
  EXPECT_EQ(std::vector<int32_t>(y, y + 6), V<int32_t>({0, 1, -1, 1, 0, 0}));
}

TEST(IntegerPowTest, MixedTypes) {
  kiln_broadcast_params_t p = Flat(3);
  float fa[3] = {2.0f, 0.5f, -3.0f}, fy[3];
  int32_t fe[3] = {3, -2, 3};
  kiln_pow_f32_i32_ref(&p, fa, fe, fy);
  EXPECT_EQ(std::vector<float>(fy, fy + 3),
            std::vector<float>({8.0f, 4.0f, -27.0f}));
  int64_t fe64[3] = {3, -2, 3};
  kiln_pow_f32_i64_ref(&p, fa, fe64, fy);
  EXPECT_EQ(std::vector<float>(fy, fy + 3),
            std::vector<float>({8.0f, 4.0f, -27.0f}));
  int32_t ia[3] = {2, 10, 9}, iy[3];
  float ie[3] = {0.5f, 2.0f, 0.5f};
  kiln_pow_i32_f32_ref(&p, ia, ie, iy);
  EXPECT_EQ(V<int32_t>({iy[0], iy[1], iy[2]}), V<int32_t>({1, 100, 3}));
  // NaN (a negative base to a fractional power) -> 0; beyond the range
  // saturates.
  int8_t ba[3] = {-8, 2, -2}, by[3];
  float be[3] = {0.5f, 10.0f, 11.0f};
  kiln_pow_i8_f32_ref(&p, ba, be, by);
  EXPECT_EQ(V<int8_t>({by[0], by[1], by[2]}), V<int8_t>({0, 127, -128}));
}

TEST(IntegerClipTest, BoundsAndMinAboveMax) {
  kiln_clip_params_t p = {-5, 5, 5};
  const int8_t x[5] = {-128, -6, 0, 6, 127};
  int8_t y[5];
  kiln_clip_i8_ref(&p, x, y);
  EXPECT_EQ(std::vector<int8_t>(y, y + 5), V<int8_t>({-5, -5, 0, 5, 5}));
  // min > max: every value becomes max (numpy.clip, ONNX).
  kiln_clip_params_t q = {10, 3, 3};
  const int64_t lx[3] = {INT64_MIN, 5, INT64_MAX};
  int64_t ly[3];
  kiln_clip_i64_ref(&q, lx, ly);
  EXPECT_EQ(V<int64_t>({ly[0], ly[1], ly[2]}), V<int64_t>({3, 3, 3}));
  kiln_clip_params_t r = {INT64_MIN, INT64_C(4000000000), 2};
  const int64_t rx[2] = {INT64_C(5000000000), INT64_C(-5000000000)};
  int64_t ry[2];
  kiln_clip_i64_ref(&r, rx, ry);
  EXPECT_EQ(ry[0], INT64_C(4000000000));
  EXPECT_EQ(ry[1], INT64_C(-5000000000));
}

TEST(IntegerMaxPoolTest, Uint8MatchesNaiveWindowMax) {
  // 1 x 5 x 5 x 2 NHWC, 3x3 window, stride 2, pads 1 (padding never selected).
  kiln_maxpool2d_u8_params_t p = {1, 5, 5, 2, 3, 3, 3, 3, 2,
                                  2, 1, 1, 1, 1, 1, 1, 0, 255};
  std::vector<uint8_t> x(50), y(18);
  for (int i = 0; i < 50; ++i) x[i] = static_cast<uint8_t>((i * 97 + 31) % 256);
  kiln_maxpool2d_u8_ref(&p, x.data(), y.data());
  for (int oy = 0; oy < 3; ++oy)
    for (int ox = 0; ox < 3; ++ox)
      for (int c = 0; c < 2; ++c) {
        int m = 0;
        for (int ky = 0; ky < 3; ++ky)
          for (int kx = 0; kx < 3; ++kx) {
            int iy = oy * 2 - 1 + ky, ix = ox * 2 - 1 + kx;
            if (iy >= 0 && iy < 5 && ix >= 0 && ix < 5)
              m = std::max<int>(m, x[(iy * 5 + ix) * 2 + c]);
          }
        EXPECT_EQ(y[(oy * 3 + ox) * 2 + c], m) << oy << ox << c;
      }
}

}  // namespace
