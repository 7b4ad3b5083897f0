// `kiln validate --quantize int8`: the float model in ONNX Runtime against
// kiln's int8 build on the target, per output and per layer (SQNR, cosine,
// max abs error), with top-1 agreement and, given labels, accuracy.
#pragma once

#include <nlohmann/json.hpp>

#include "compiler/driver/run.h"

namespace kiln::driver {

// Returns the `--json` object (docs/cli.md); `passed` says whether every
// output's SQNR reaches o.sqnr_threshold.
StatusOr<nlohmann::json> ValidateInt8(const ValidateOptions& o);

// Text form of ValidateInt8's result.
std::string ValidateInt8Text(const nlohmann::json& r);

// SQNR, cosine similarity and max abs error of `q` against `ref`.
struct ErrorStats {
  double signal = 0, noise = 0, dot = 0, qq = 0, max_abs = 0;
  void Add(double ref, double q);
  double SqnrDb() const;  // 10 log10(signal / noise); 200 when exact
  double Cosine() const;
};

}  // namespace kiln::driver
