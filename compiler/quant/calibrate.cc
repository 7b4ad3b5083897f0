// Calibration (see calibrate.h): one pass over the samples for min/max, a
// second for histograms between them when the method needs one. Everything is
// accumulated in sample order with fixed bin edges, so the result depends only
// on the graph and the samples.
#include "compiler/quant/calibrate.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace kiln::quant {
namespace {

// The tensors calibration measures: f32 graph inputs and node outputs.
std::vector<bool> Measured(const ir::Graph& g) {
  std::vector<bool> m(g.tensors.size(), false);
  for (ir::TensorId id : g.inputs)
    if (g.type(id).dtype == ir::DType::kF32) m[id] = true;
  for (const ir::Node& n : g.nodes)
    for (ir::TensorId id : n.outputs)
      if (g.type(id).dtype == ir::DType::kF32) m[id] = true;
  return m;
}

// Runs every sample and calls `visit(tensor, values, count)` for each measured
// tensor's value.
template <class Visit>
Status ForEachValue(const ir::Graph& g,
                    const std::vector<std::vector<eval::Buffer>>& samples,
                    const std::vector<bool>& measured, const char* phase,
                    const CalibrationOptions& opts, Visit visit) {
  const int total = static_cast<int>(samples.size());
  for (int s = 0; s < total; ++s) {
    const std::vector<eval::Buffer>& in = samples[s];
    if (in.size() != g.inputs.size())
      return InvalidArgument("calibration sample {} has {} inputs, the graph {}",
                             s, in.size(), g.inputs.size());
    for (size_t i = 0; i < in.size(); ++i) {
      ir::TensorId id = g.inputs[i];
      if (measured[id])
        visit(id, reinterpret_cast<const float*>(in[i].data()),
              static_cast<int64_t>(in[i].size() / sizeof(float)));
    }
    eval::EvalOptions eo;
    eo.on_node = [&](const ir::Node& n, const std::vector<eval::Buffer>& out) {
      for (size_t o = 0; o < n.outputs.size(); ++o)
        if (measured[n.outputs[o]])
          visit(n.outputs[o], reinterpret_cast<const float*>(out[o].data()),
                static_cast<int64_t>(out[o].size() / sizeof(float)));
    };
    std::vector<eval::Buffer> outputs;
    KILN_RETURN_IF_ERROR(eval::EvalGraph(g, in, &outputs, eo).WithContext(
        "calibration sample " + std::to_string(s)));
    if (opts.progress) opts.progress(phase, s + 1, total);
  }
  return Status::Ok();
}

TensorRange WithZero(TensorRange r) {
  return {std::min(r.min, 0.0f), std::max(r.max, 0.0f)};
}

}  // namespace

const char* CalibrationMethodName(CalibrationMethod m) {
  switch (m) {
    case CalibrationMethod::kMinMax:
      return "minmax";
    case CalibrationMethod::kMse:
      return "mse";
    case CalibrationMethod::kPercentile:
      break;
  }
  return "percentile";
}

StatusOr<CalibrationMethod> ParseCalibrationMethod(std::string_view s) {
  for (auto m : {CalibrationMethod::kMinMax, CalibrationMethod::kPercentile,
                 CalibrationMethod::kMse})
    if (s == CalibrationMethodName(m)) return m;
  return InvalidArgument(
      "unknown calibration method '{}'; supported: minmax, percentile, mse", s);
}

void Histogram::Add(const float* v, int64_t n) {
  const int bins = static_cast<int>(counts.size());
  const double w = BinWidth();
  for (int64_t i = 0; i < n; ++i) {
    float x = v[i];
    if (std::isnan(x)) continue;
    int b = w > 0 ? static_cast<int>((double(x) - lo) / w) : 0;
    counts[std::clamp(b, 0, bins - 1)] += 1.0;
  }
}

TensorRange PercentileRange(const Histogram& h, double percentile) {
  const int bins = static_cast<int>(h.counts.size());
  double total = 0;
  for (double c : h.counts) total += c;
  if (total <= 0 || bins == 0) return WithZero({h.lo, h.hi});
  const double tail = total * (100.0 - percentile) / 200.0;
  const double w = h.BinWidth();
  int first = 0, last = bins - 1;
  for (double acc = 0; first < bins; ++first)
    if ((acc += h.counts[first]) > tail) break;
  for (double acc = 0; last >= 0; --last)
    if ((acc += h.counts[last]) > tail) break;
  first = std::min(first, bins - 1);
  last = std::max(last, first);
  TensorRange r{static_cast<float>(h.lo + first * w),
                static_cast<float>(h.lo + (last + 1) * w)};
  if (last == bins - 1) r.max = h.hi;  // no rounding past the observed max
  return WithZero(r);
}

double QuantizationMse(const Histogram& h, TensorRange r) {
  const double scale = (double(r.max) - r.min) / 255.0;
  const double w = h.BinWidth();
  double err = 0;
  for (size_t b = 0; b < h.counts.size(); ++b) {
    if (h.counts[b] == 0) continue;
    double c = h.lo + (b + 0.5) * w;
    double clip = c < r.min ? r.min - c : (c > r.max ? c - r.max : 0.0);
    err += h.counts[b] * (clip * clip + scale * scale / 12.0);
  }
  return err;
}

TensorRange MseRange(const Histogram& h) {
  TensorRange full = WithZero({h.lo, h.hi});
  if (full.max - full.min <= 0) return full;
  constexpr int kSteps = 256;
  TensorRange best = full;
  double best_err = QuantizationMse(h, full);
  // From the widest range down; only a strictly smaller error wins, so ties
  // keep the wider range.
  for (int k = kSteps - 1; k >= 1; --k) {
    float a = static_cast<float>(k) / kSteps;
    TensorRange r{full.min * a, full.max * a};
    double e = QuantizationMse(h, r);
    if (e < best_err) {
      best_err = e;
      best = r;
    }
  }
  return best;
}

StatusOr<CalibrationResult> Calibrate(
    const ir::Graph& g, const std::vector<std::vector<eval::Buffer>>& samples,
    const CalibrationOptions& opts) {
  if (samples.empty())
    return InvalidArgument("calibration needs at least one input sample");
  if (opts.method == CalibrationMethod::kPercentile &&
      !(opts.percentile > 0 && opts.percentile <= 100))
    return InvalidArgument("calibration percentile {} is not in (0, 100]",
                           opts.percentile);
  if (opts.num_bins < 1)
    return InvalidArgument("calibration needs at least one histogram bin");
  const std::vector<bool> measured = Measured(g);
  const float kMax = std::numeric_limits<float>::max();
  std::vector<TensorRange> seen(g.tensors.size(), TensorRange{kMax, -kMax});
  KILN_RETURN_IF_ERROR(ForEachValue(
      g, samples, measured, "ranges", opts,
      [&](ir::TensorId id, const float* v, int64_t n) {
        TensorRange& r = seen[id];
        for (int64_t i = 0; i < n; ++i) {
          if (std::isnan(v[i])) continue;
          // A float range must stay finite: inf saturates to the largest float.
          float x = std::clamp(v[i], -kMax, kMax);
          r.min = std::min(r.min, x);
          r.max = std::max(r.max, x);
        }
      }));
  for (TensorRange& r : seen)
    if (r.min > r.max) r = {0.0f, 0.0f};  // never measured / all NaN

  std::vector<TensorRange> chosen(g.tensors.size());
  if (opts.method == CalibrationMethod::kMinMax) {
    for (size_t t = 0; t < seen.size(); ++t) chosen[t] = WithZero(seen[t]);
  } else {
    std::vector<Histogram> hist(g.tensors.size());
    for (size_t t = 0; t < seen.size(); ++t) {
      if (!measured[t]) continue;
      TensorRange r = WithZero(seen[t]);
      hist[t].lo = r.min;
      hist[t].hi = r.max;
      hist[t].counts.assign(static_cast<size_t>(opts.num_bins), 0.0);
    }
    KILN_RETURN_IF_ERROR(ForEachValue(
        g, samples, measured, "histograms", opts,
        [&](ir::TensorId id, const float* v, int64_t n) {
          hist[id].Add(v, n);
        }));
    for (size_t t = 0; t < seen.size(); ++t) {
      if (!measured[t]) continue;
      chosen[t] = opts.method == CalibrationMethod::kMse
                      ? MseRange(hist[t])
                      : PercentileRange(hist[t], opts.percentile);
    }
  }
  CalibrationResult result;
  result.method = CalibrationMethodName(opts.method);
  result.num_samples = static_cast<int>(samples.size());
  for (size_t t = 0; t < g.tensors.size(); ++t)
    if (measured[t]) result.ranges[g.tensors[t].name] = chosen[t];
  return result;
}

}  // namespace kiln::quant
