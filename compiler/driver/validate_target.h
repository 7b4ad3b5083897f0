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

// The per-layer comparison itself: `ref_layers`/`dut_layers` are the two
// reports' "layers" lists (one to one), REF_DIR/layer_<i>.bin and
// DUT_DIR/layer_<i>.bin the layers' dumped outputs (all dumped samples, one
// after the other). `first` is null when every layer is identical, else the
// first differing layer: index, name, op, both kernels, and the sample and byte
// offset of its first differing byte (with both values when both dumps reach
// it).
struct LayerComparison {
  nlohmann::json first;
  int64_t differing = 0;  // layers whose bytes differ
};
StatusOr<LayerComparison> CompareLayerDumps(const nlohmann::json& ref_layers,
                                            const std::string& ref_dir,
                                            const nlohmann::json& dut_layers,
                                            const std::string& dut_dir);

}  // namespace kiln::driver
