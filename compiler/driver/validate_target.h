// `kiln validate MODEL --target T --quantize int8 --calibration CAL
// --per-layer`: the int8 build for T against the x86 int8 build (same
// calibration, same inputs), byte for byte, every layer's output; names the
// first layer that differs. The tool for "the device disagrees with the
// reference".
#pragma once

#include <nlohmann/json.hpp>

#include "compiler/driver/run.h"

namespace kiln::driver {

// Returns the `--json` object (docs/cli.md); `passed` is true when every layer
// and output of every compared sample is identical.
StatusOr<nlohmann::json> ValidatePerLayer(const ValidateOptions& o);

std::string ValidatePerLayerText(const nlohmann::json& r);

}  // namespace kiln::driver
