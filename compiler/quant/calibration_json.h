// JSON form of a calibration result, so ranges can be saved, reused across
// compiles, edited, and given to kiln-opt's quantize-int8 in lit tests:
//   {"method": "percentile", "num_samples": 100,
//    "ranges": {"x": [-1.5, 2.25], "conv1_out": [0, 6]}}
#pragma once

#include <string>
#include <string_view>

#include "compiler/quant/calibrate.h"
#include "compiler/support/status.h"

namespace kiln::quant {

std::string CalibrationToJson(const CalibrationResult& r);
// `source` names the text in error messages (a file name).
StatusOr<CalibrationResult> CalibrationFromJson(std::string_view text,
                                                std::string_view source);

}  // namespace kiln::quant
