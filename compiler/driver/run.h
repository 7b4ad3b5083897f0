// `kiln run` and `kiln validate`: build the emitted code for its target, run it on
// .npy files, and (validate) compare with ONNX Runtime.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "compiler/support/status.h"

namespace kiln::driver {

struct RunOptions {
  std::string dir;
  std::vector<std::string> inputs, outputs;
  bool quiet = false;
  int cores = 8;  // simulated targets (pulp): 1 or 8
};
// Returns the `--json` object: target, outputs, macs, layers (name, op, macs, and
// time_us on x86 or cycles on pulp), pulp: cycles, cores, stack. A target that
// builds firmware (pulp) also gets its firmware totals written into report.json.
StatusOr<nlohmann::json> RunCompiled(const RunOptions& o);

struct ValidateOptions {
  std::string model_path;
  std::string target = "x86";
  std::string data_dir;  // <input name>.npy per input, or random inputs when empty
  int samples = 1;
  uint64_t seed = 1;
  double tolerance = 1e-4;  // max abs error / max abs reference
  std::string work_dir;     // kept when set; a temp folder otherwise
  std::vector<std::pair<std::string, std::vector<int64_t>>> input_shapes;
  // --quantize int8 (validate_int8.h): calibration as for `kiln compile`; data
  // is a folder of .npy inputs or one .npy batch (random samples when empty);
  // labels a .npy of class indices.
  std::string quantize;
  std::string calibration_dir;
  std::string calibration_method = "percentile";
  std::string labels;
  double sqnr_threshold = 20.0;  // dB
  int layer_samples = 32;        // samples compared per layer
  bool progress = true;
  bool per_layer = false;  // --per-layer: the target against x86, byte for byte
  int cores = 8;           // simulated targets (pulp): 1 or 8
};
// Returns the `--json` object; `passed` says whether every output is in tolerance.
StatusOr<nlohmann::json> Validate(const ValidateOptions& o);

// Copies the firmware totals of the last build (DIR/build/firmware.json, written
// by a firmware target's run) into DIR/report.json (flash_bytes, ram_total_bytes,
// firmware) and redraws report.txt/.html. Nothing to do without a firmware build.
Status MergeFirmwareTotals(const std::string& dir, nlohmann::json* report);

// Path of tools/ort_run.js and whether ONNX Runtime is installed.
StatusOr<std::string> OrtRunner();

}  // namespace kiln::driver
