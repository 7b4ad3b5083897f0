// Calibration methods on hand-computed histograms, and Calibrate on a small
// graph (ranges of inputs and node outputs, determinism, progress, errors).
#include <gtest/gtest.h>

#include "compiler/ir/parser.h"
#include "compiler/quant/calibrate.h"
#include "compiler/quant/calibration_json.h"

namespace kiln::quant {
namespace {

Histogram Hist(float lo, float hi, std::vector<double> counts) {
  Histogram h;
  h.lo = lo;
  h.hi = hi;
  h.counts = std::move(counts);
  return h;
}

TEST(Histogram, AddPutsValuesInEqualBinsAndClampsTheTop) {
  Histogram h = Hist(0, 4, {0, 0, 0, 0});
  float v[] = {0.0f, 0.5f, 1.0f, 2.5f, 3.99f, 4.0f};
  h.Add(v, 6);
  EXPECT_EQ(h.counts, (std::vector<double>{2, 1, 1, 2}));  // 4.0 -> last bin
}

TEST(Percentile, CutsHalfTheRestFromEachTail) {
  // 10 bins of width 1 over [-5, 5]; 1000 values; 98% keeps all but 10 per tail.
  Histogram h = Hist(-5, 5, {5, 5, 100, 200, 190, 190, 200, 100, 5, 5});
  // Lower tail: bins 0+1 hold 10 (not > 10), bin 2 crosses -> starts at -3.
  // Upper tail: bins 9+8 hold 10, bin 7 crosses -> ends at 3.
  TensorRange r = PercentileRange(h, 98.0);
  EXPECT_FLOAT_EQ(r.min, -3.0f);
  EXPECT_FLOAT_EQ(r.max, 3.0f);
  // 100 keeps everything: the histogram's bounds.
  r = PercentileRange(h, 100.0);
  EXPECT_FLOAT_EQ(r.min, -5.0f);
  EXPECT_FLOAT_EQ(r.max, 5.0f);
}

TEST(Percentile, RangeAlwaysContainsZero) {
  Histogram h = Hist(0, 8, {0, 0, 0, 0, 10, 10, 10, 10});
  TensorRange r = PercentileRange(h, 100.0);
  EXPECT_EQ(r.min, 0.0f);
  EXPECT_FLOAT_EQ(r.max, 8.0f);
}

TEST(Mse, ErrorIsClippingPlusRoundingNoise) {
  // One value in the center of bin 3 of [0, 4) -> 3.5; range [0, 2.55]:
  // scale 0.01, clip error (3.5 - 2.55)^2, rounding 0.01^2/12.
  Histogram h = Hist(0, 4, {0, 0, 0, 1});
  double e = QuantizationMse(h, {0.0f, 2.55f});
  EXPECT_NEAR(e, 0.95 * 0.95 + 1e-4 / 12, 1e-6);
}

TEST(Mse, ClipsARareOutlier) {
  // Mass concentrated in [0, 1], a single outlier at ~100: clipping it costs
  // (100 - max)^2 once; keeping it makes every one of the 1e6 values noisier.
  std::vector<double> counts(100, 0.0);
  counts[0] = 1e6;
  counts[99] = 1;
  Histogram h = Hist(0, 100, counts);
  TensorRange r = MseRange(h);
  EXPECT_EQ(r.min, 0.0f);
  EXPECT_LT(r.max, 50.0f);
  EXPECT_LT(QuantizationMse(h, r), QuantizationMse(h, {0.0f, 100.0f}));
  // Uniform mass: (almost) the full range; only the empty half of the top
  // bin (values sit at bin centers) may go.
  Histogram u = Hist(0, 100, std::vector<double>(100, 1.0));
  EXPECT_GE(MseRange(u).max, 99.5f);
}

const char* kGraph = R"(graph @m {
  input %x: f32[1,4]
  const %w: f32[2,4] = dense<1, 1, 1, 1, -1, -1, -1, -1>
  %y: f32[1,2] = fully_connected(%x, %w) {act_min = 0} @fc
  output %y
})";

std::vector<std::vector<eval::Buffer>> Samples() {
  return {{eval::ToBuffer({1, 2, 3, 4})}, {eval::ToBuffer({-1, -2, 0, 0.5f})}};
}

TEST(Calibrate, MinMaxOfInputsAndOutputs) {
  auto g = ir::ParseGraph(kGraph, "m.kir");
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  CalibrationOptions o;
  o.method = CalibrationMethod::kMinMax;
  int calls = 0;
  o.progress = [&](std::string_view phase, int done, int total) {
    ++calls;
    EXPECT_EQ(phase, "ranges");
    EXPECT_EQ(total, 2);
  };
  auto r = Calibrate(*g, Samples(), o);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(r->method, "minmax");
  EXPECT_EQ(r->num_samples, 2);
  ASSERT_EQ(r->ranges.size(), 2u);
  EXPECT_EQ(r->ranges.at("x"), (TensorRange{-2.0f, 4.0f}));
  // y = relu([sum, -sum]): sums 10 and -2.5 -> outputs in [0, 10].
  EXPECT_EQ(r->ranges.at("y"), (TensorRange{0.0f, 10.0f}));
}

TEST(Calibrate, HistogramMethodsAreDeterministicAndWithinMinMax) {
  auto g = ir::ParseGraph(kGraph, "m.kir");
  ASSERT_TRUE(g.ok());
  for (auto m : {CalibrationMethod::kPercentile, CalibrationMethod::kMse}) {
    CalibrationOptions o;
    o.method = m;
    auto a = Calibrate(*g, Samples(), o), b = Calibrate(*g, Samples(), o);
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ(CalibrationToJson(*a), CalibrationToJson(*b));
    for (const auto& [name, range] : a->ranges) {
      EXPECT_LE(range.min, 0.0f) << name;
      EXPECT_GE(range.max, 0.0f) << name;
      EXPECT_GE(range.min, -2.0f) << name;
      EXPECT_LE(range.max, 10.0f) << name;
    }
  }
}

TEST(Calibrate, Errors) {
  auto g = ir::ParseGraph(kGraph, "m.kir");
  ASSERT_TRUE(g.ok());
  EXPECT_FALSE(Calibrate(*g, {}).ok());
  EXPECT_FALSE(Calibrate(*g, {{}}).ok());
  CalibrationOptions o;
  o.percentile = 0;
  EXPECT_FALSE(Calibrate(*g, Samples(), o).ok());
  EXPECT_FALSE(ParseCalibrationMethod("kl").ok());
  EXPECT_EQ(*ParseCalibrationMethod("mse"), CalibrationMethod::kMse);
}

TEST(CalibrationJson, RoundTripsAndRejectsBadRanges) {
  CalibrationResult r;
  r.method = "mse";
  r.num_samples = 3;
  r.ranges["a"] = {-0.1f, 2.5f};
  r.ranges["b c"] = {0.0f, 1e-7f};
  auto back = CalibrationFromJson(CalibrationToJson(r), "r.json");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->ranges, r.ranges);
  EXPECT_EQ(back->method, "mse");
  EXPECT_EQ(back->num_samples, 3);
  EXPECT_FALSE(CalibrationFromJson("{\"ranges\": {\"a\": [2, 1]}}", "x").ok());
  EXPECT_FALSE(CalibrationFromJson("{\"ranges\": {\"a\": 1}}", "x").ok());
  EXPECT_FALSE(CalibrationFromJson("[", "x").ok());
}

}  // namespace
}  // namespace kiln::quant
