// report.json (documented in docs/reports.md) and report.txt of a compile.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "compiler/codegen/emit_cpp.h"
#include "compiler/ir/graph.h"
#include "compiler/passes/plan_memory.h"
#include "compiler/support/status.h"

namespace kiln::driver {

struct ReportInputs {
  std::string model_path, target, model_prefix;
  int64_t opset = 0;
  std::vector<std::string> notes;
  std::map<std::string, ir::Shape> input_shapes_used;
  // What schedule and plan-memory recorded (null: recomputed where possible).
  const passes::MemoryStats* memory = nullptr;
  nlohmann::json quantization;  // null for a float compile
};

// The planned arena seen step by step: live bytes per step, the peak step, the
// tensor naming each buffer, and the lower bound of this order.
struct ArenaSummary {
  passes::ArenaBuffers arena;
  std::vector<int64_t> live;
  int peak_step = -1;
  std::vector<ir::TensorId> buffer_tensor;
  int64_t lower_bound = 0;
};
// `share`: as plan-memory collected them (false for the no-reuse planner).
ArenaSummary SummarizeArena(const ir::Graph& g, bool share = true);
// What reports call buffer `b`: its first tensor's name, or "<layer>:scratch"
// for a layer's kernel scratch.
std::string BufferName(const ir::Graph& g, const ArenaSummary& sum, size_t b);

// --sram-budget: fails (naming the peak step, the tensors live there and the
// shortfall) when the planned arena exceeds `budget` bytes; budget <= 0: none.
Status CheckSramBudget(const ir::Graph& g, int64_t budget, const std::string& model);

nlohmann::json MakeReportJson(const ir::Graph& g, const codegen::EmitResult& e,
                              const ReportInputs& in);
std::string MakeReportText(const nlohmann::json& report);

// `kiln report DIR`: reads DIR/report.json, rewrites report.txt and
// report.html from it, and returns it.
StatusOr<nlohmann::json> RedrawReport(const std::string& dir);

}  // namespace kiln::driver
