// report.json (documented in docs/reports.md) and report.txt of a compile.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "compiler/codegen/emit_cpp.h"
#include "compiler/ir/graph.h"

namespace kiln::driver {

struct ReportInputs {
  std::string model_path, target, model_prefix;
  int64_t opset = 0;
  std::vector<std::string> notes;
  std::map<std::string, ir::Shape> input_shapes_used;
};

nlohmann::json MakeReportJson(const ir::Graph& g, const codegen::EmitResult& e,
                              const ReportInputs& in);
std::string MakeReportText(const nlohmann::json& report);

}  // namespace kiln::driver
