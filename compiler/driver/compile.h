// `kiln compile`: ONNX file → IR → default pipeline → C++ sources + reports, written
// atomically into the output folder.
#pragma once

#include <map>
#include <string>

#include "backends/common/target.h"
#include "compiler/ir/graph.h"
#include "compiler/support/status.h"

namespace kiln::driver {

struct CompileOptions {
  std::string model_path;
  std::string target = "x86";
  std::string out_dir;
  bool force = false;
  std::map<std::string, ir::Shape> input_shapes;  // --input-shape
  int64_t sram_budget = 0;  // --sram-budget in bytes; 0: no budget
  // --planner: "kiln" (default), "greedy" (greedy by size, the TFLite Micro
  // baseline) or "none" (no reuse: every buffer its own bytes).
  std::string planner = "kiln";
  // --quantize int8: "" (float) or "int8"; then calibration_dir is required.
  std::string quantize;
  std::string calibration_dir;
  std::string calibration_method = "percentile";  // minmax | percentile | mse
  bool progress = true;  // calibration progress on stderr
};

struct CompileResult {
  std::string model_prefix;  // C prefix of the emitted symbols
  std::string report_txt;
};

StatusOr<const backends::Target*> FindTarget(const std::string& name);
StatusOr<CompileResult> Compile(const CompileOptions& opts);

// "65536", "64K", "64k", "1M", "1.5M" → bytes (K = 1024). For --sram-budget.
StatusOr<int64_t> ParseByteSize(const std::string& text);

// The marker file that says a folder was written by kiln (so it may be replaced).
constexpr const char* kMarkerFile = ".kiln-output";

}  // namespace kiln::driver
