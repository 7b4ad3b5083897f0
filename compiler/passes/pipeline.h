// The pass manager: runs passes by name (from passes.def) and the default
// pipeline, verifying the graph after each pass.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "compiler/ir/graph.h"
#include "compiler/memory/planner.h"
#include "compiler/quant/calibrate.h"
#include "compiler/quant/quantize.h"
#include "compiler/support/status.h"

namespace kiln::passes {

struct MemoryStats;  // plan_memory.h

struct PassOptions {
  std::string target = "x86";
  // Alignment in bytes of every arena offset (plan-memory).
  int64_t arena_alignment = 16;
  // plan-memory: kiln's plan (default), the greedy-by-size baseline, or no
  // reuse at all (every buffer its own bytes, to test plans against).
  memory::Planner planner = memory::Planner::kKiln;
  // Kernel implementation of the target (codegen::LowerOptions::impl): schedule
  // and plan-memory lower each node with it to size its kernel scratch.
  std::string kernel_impl = "ref";
  // schedule: reorder nodes to lower the peak (off: keep the import order).
  bool schedule = true;
  // When set, schedule and plan-memory record what they found (for reports).
  MemoryStats* memory_stats = nullptr;
  // Verify the graph after each pass (off only to debug a broken pass's
  // output).
  bool verify_each = true;
  // quantize-int8: the ranges from quant::Calibrate (or a JSON file) for the
  // graph as it stands before quantize-int8. Null: no quantization, and the
  // default pipeline skips the pass.
  const quant::CalibrationResult* calibration = nullptr;
  quant::QuantOptions quant;
};

// Runs the pass called `name`, then verifies. NotFound for an unknown name.
Status RunPass(std::string_view name, ir::Graph& g, const PassOptions& opts);
// Runs every pass of passes.def in order, verifying after each; an opt-in pass
// (quantize-int8) only when `opts` enables it (`calibration` set).
Status RunDefaultPipeline(ir::Graph& g, const PassOptions& opts);
// The default pipeline in two parts around the pass `name`: every pass before
// it, and it (if enabled) and every pass after. An int8 compile calibrates in
// between:
//   RunPipelineUntil(g, po, "quantize-int8");
//   auto cal = quant::Calibrate(g, samples, copts);   // fused, laid out graph
//   po.calibration = &*cal;
//   RunPipelineFrom(g, po, "quantize-int8");          // quantize, plan memory
Status RunPipelineUntil(ir::Graph& g, const PassOptions& opts,
                        std::string_view name);
Status RunPipelineFrom(ir::Graph& g, const PassOptions& opts,
                       std::string_view name);
// Text names of all passes, in pipeline order (opt-in passes included).
std::vector<std::string> PassNames();
// The passes RunDefaultPipeline runs with default options (no opt-in passes).
std::vector<std::string> DefaultPassNames();
// One-line description of the pass `name` ("" if unknown).
std::string PassDescription(std::string_view name);

}  // namespace kiln::passes
