// Calibration for post-training int8 quantization: runs the float graph on
// sample inputs with compiler/eval and derives one clipping range per tensor
// (minmax, percentile or mse), which quantize-int8 turns into scale/zero point.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/eval/eval.h"
#include "compiler/ir/graph.h"
#include "compiler/support/status.h"

namespace kiln::quant {

enum class CalibrationMethod { kMinMax, kPercentile, kMse };
const char* CalibrationMethodName(CalibrationMethod m);  // "minmax", ...
StatusOr<CalibrationMethod> ParseCalibrationMethod(std::string_view s);

struct CalibrationOptions {
  // percentile is the default: one outlier in the calibration set must not
  // stretch the scale of a whole tensor (minmax), and it is cheaper than mse.
  CalibrationMethod method = CalibrationMethod::kPercentile;
  // Share of the values kept inside the range, split evenly between the two
  // tails: 99.99 clips the lowest and the highest 0.005 %.
  double percentile = 99.99;
  // Histogram resolution between the observed min and max.
  int num_bins = 2048;
  // Called after each sample of each pass over the data (minmax makes one pass,
  // the histogram methods two: ranges, then histograms) with a short phase name.
  std::function<void(std::string_view phase, int done, int total)> progress;
};

// The clipping range [min, max] of one tensor's real values.
struct TensorRange {
  float min = 0.0f, max = 0.0f;
  bool operator==(const TensorRange& o) const {
    return min == o.min && max == o.max;
  }
};

// What calibration hands to quantize-int8: a range per tensor name (graph
// inputs and node outputs of the calibrated graph). Sorted by name, so
// printing it is deterministic.
struct CalibrationResult {
  std::string method;  // how the ranges were chosen, for reports
  int num_samples = 0;
  std::map<std::string, TensorRange> ranges;
};

// Runs `g` (float, as it stands when quantize-int8 will run: fused, after the
// layout pass) on every sample (one buffer per graph input, as for
// eval::EvalGraph) and returns the range of every f32 graph input and node
// output. Ranges always contain 0, so 0 is exactly representable.
StatusOr<CalibrationResult> Calibrate(
    const ir::Graph& g, const std::vector<std::vector<eval::Buffer>>& samples,
    const CalibrationOptions& opts = {});

// A histogram of values over [lo, hi] in equal bins (exposed for tests).
struct Histogram {
  float lo = 0.0f, hi = 0.0f;
  std::vector<double> counts;
  double BinWidth() const {
    return counts.empty() ? 0.0 : (double(hi) - lo) / counts.size();
  }
  void Add(const float* v, int64_t n);
};

// The range keeping `percentile` % of the histogram's mass (half the rest cut
// from each tail), at bin edges, widened to contain 0.
TensorRange PercentileRange(const Histogram& h, double percentile);
// The range [a*lo, a*hi] (lo, hi: the histogram's bounds widened to contain
// 0), a in (0, 1] on a grid of 256, minimizing the expected squared error of
// asymmetric int8 quantization of the histogram's values: clipping error of
// the mass outside plus scale^2/12 rounding noise for each value.
TensorRange MseRange(const Histogram& h);
// Expected squared quantization error of the histogram's values with range r.
double QuantizationMse(const Histogram& h, TensorRange r);

}  // namespace kiln::quant
