// Unit tests of kiln_fully_connected_f32_ref and kiln_matmul_f32_ref:
// hand-computed products and a naive numpy-style broadcasting matmul written in
// the test.
#include <gtest/gtest.h>

#include <vector>

#include "kiln/ref/fully_connected.h"
#include "kiln/ref/matmul.h"
#include "runtime/tests/test_util.h"

namespace {

using kiln_test::ExpectNear;
using kiln_test::kInf;
using kiln_test::RandomVector;

TEST(FullyConnectedTest, HandComputed) {
  // x = [[1, 2, 3], [-1, 0, 1]], W = [[1, 0, -1], [2, 2, 2]] ([out][in]), b =
  // [1, -20].
  const float x[6] = {1, 2, 3, -1, 0, 1};
  const float w[6] = {1, 0, -1, 2, 2, 2};
  const float b[2] = {1, -20};
  float y[4];
  kiln_fully_connected_params_t p = {2, 3, 2, -kInf, kInf};
  kiln_fully_connected_f32_ref(&p, x, w, b, y);
  EXPECT_EQ(y[0], -1.0f);   // 1 - 3 + 1
  EXPECT_EQ(y[1], -8.0f);   // 12 - 20
  EXPECT_EQ(y[2], -1.0f);   // -1 - 1 + 1
  EXPECT_EQ(y[3], -20.0f);  // 0 - 20
  // No bias, ReLU.
  p.act_min = 0.0f;
  kiln_fully_connected_f32_ref(&p, x, w, nullptr, y);
  EXPECT_EQ(y[0], 0.0f);
  EXPECT_EQ(y[1], 12.0f);
  EXPECT_EQ(y[2], 0.0f);
  EXPECT_EQ(y[3], 0.0f);
  EXPECT_EQ(kiln_fully_connected_f32_ref_scratch_bytes(&p), 0u);
}

TEST(FullyConnectedTest, MatchesNaive) {
  const int batch = 3, in = 37, out = 11;
  auto x = RandomVector(batch * in, 7);
  auto w = RandomVector(out * in, 8);
  auto b = RandomVector(out, 9);
  std::vector<float> expected(batch * out);
  for (int r = 0; r < batch; ++r)
    for (int o = 0; o < out; ++o) {
      double acc = b[o];
      for (int i = 0; i < in; ++i) acc += (double)x[r * in + i] * w[o * in + i];
      expected[r * out + o] = (float)acc;
    }
  std::vector<float> y(batch * out);
  const kiln_fully_connected_params_t p = {batch, in, out, -kInf, kInf};
  kiln_fully_connected_f32_ref(&p, x.data(), w.data(), b.data(), y.data());
  ExpectNear(expected, y);
}

TEST(MatmulTest, HandComputed2x3x2) {
  const float a[6] = {1, 2, 3, 4, 5, 6};     // [2][3]
  const float b[6] = {7, 8, 9, 10, 11, 12};  // [3][2]
  float y[4];
  const kiln_matmul_params_t p = {
      0, {0, 0, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 0}, 2, 3, 2, -kInf, kInf};
  kiln_matmul_f32_ref(&p, a, b, nullptr, y);
  EXPECT_EQ(y[0], 58.0f);
  EXPECT_EQ(y[1], 64.0f);
  EXPECT_EQ(y[2], 139.0f);
  EXPECT_EQ(y[3], 154.0f);
  // Bias per column and a clamp.
  const float bias[2] = {-58.0f, 0.0f};
  const kiln_matmul_params_t q = {
      0, {0, 0, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 0}, 2, 3, 2, 1.0f, 100.0f};
  kiln_matmul_f32_ref(&q, a, b, bias, y);
  EXPECT_EQ(y[0], 1.0f);
  EXPECT_EQ(y[1], 64.0f);
  EXPECT_EQ(y[2], 81.0f);
  EXPECT_EQ(y[3], 100.0f);
}

// Naive numpy matmul with broadcasting over leading dims: A [ab..][m][k], B
// [bb..][k][n] with batch shapes right-aligned to `out_batch`.
std::vector<float> NaiveMatmul(const std::vector<int>& out_batch,
                               const std::vector<int>& a_batch,
                               const std::vector<int>& b_batch,
                               const std::vector<float>& a,
                               const std::vector<float>& b, int m, int k,
                               int n) {
  const int nb = (int)out_batch.size();
  size_t total = 1;
  for (int d : out_batch) total *= d;
  std::vector<float> y(total * m * n);
  for (size_t t = 0; t < total; ++t) {
    // Decompose t into a multi-index, then index A and B with broadcasting.
    std::vector<int> idx(nb);
    size_t r = t;
    for (int d = nb - 1; d >= 0; --d) {
      idx[d] = r % out_batch[d];
      r /= out_batch[d];
    }
    size_t ai = 0, bi = 0;
    for (int d = 0; d < nb; ++d) {
      ai = ai * a_batch[d] + (a_batch[d] == 1 ? 0 : idx[d]);
      bi = bi * b_batch[d] + (b_batch[d] == 1 ? 0 : idx[d]);
    }
    for (int i = 0; i < m; ++i)
      for (int j = 0; j < n; ++j) {
        double acc = 0;
        for (int q = 0; q < k; ++q)
          acc += (double)a[(ai * m + i) * k + q] * b[(bi * k + q) * n + j];
        y[(t * m + i) * n + j] = (float)acc;
      }
  }
  return y;
}

TEST(MatmulTest, BatchedWithBroadcast) {
  // A [2][1][3][4][5], B [3][1][5][6] -> Y [2][3][3][4][6]; leading dims
  // [2,1,3] vs [1,3,1] (B right-aligned) broadcast to [2,3,3].
  const int m = 4, k = 5, n = 6;
  const std::vector<int> out_batch = {2, 3, 3}, a_batch = {2, 1, 3},
                         b_batch = {1, 3, 1};
  auto a = RandomVector(2 * 1 * 3 * m * k, 21);
  auto b = RandomVector(3 * 1 * k * n, 22);
  auto expected = NaiveMatmul(out_batch, a_batch, b_batch, a, b, m, k, n);
  // Element strides per batch dim, 0 where the operand broadcasts.
  const kiln_matmul_params_t p = {3,
                                  {2, 3, 3, 0},
                                  {1 * 3 * m * k, 0, m * k, 0},
                                  {0, k * n, 0, 0},
                                  m,
                                  k,
                                  n,
                                  -kInf,
                                  kInf};
  std::vector<float> y(expected.size());
  kiln_matmul_f32_ref(&p, a.data(), b.data(), nullptr, y.data());
  ExpectNear(expected, y);
}

TEST(MatmulTest, FourBatchDims) {
  const int m = 2, k = 3, n = 2;
  const std::vector<int> out_batch = {2, 2, 3, 2}, a_batch = {2, 2, 3, 2},
                         b_batch = {1, 2, 1, 2};
  auto a = RandomVector(24 * m * k, 31);
  auto b = RandomVector(4 * k * n, 32);
  auto expected = NaiveMatmul(out_batch, a_batch, b_batch, a, b, m, k, n);
  const kiln_matmul_params_t p = {4,
                                  {2, 2, 3, 2},
                                  {12 * m * k, 6 * m * k, 2 * m * k, m * k},
                                  {0, 2 * k * n, 0, k * n},
                                  m,
                                  k,
                                  n,
                                  -kInf,
                                  kInf};
  std::vector<float> y(expected.size());
  kiln_matmul_f32_ref(&p, a.data(), b.data(), nullptr, y.data());
  ExpectNear(expected, y);
  EXPECT_EQ(kiln_matmul_f32_ref_scratch_bytes(&p), 0u);
}

}  // namespace
