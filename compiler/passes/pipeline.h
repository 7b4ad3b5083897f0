// The pass manager: runs passes by name (from passes.def) and the default
// pipeline, verifying the graph after each pass.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "compiler/ir/graph.h"
#include "compiler/support/status.h"

namespace kiln::passes {

struct PassOptions {
  std::string target = "x86";
  // Alignment in bytes of every arena offset (plan-memory).
  int64_t arena_alignment = 16;
  // Verify the graph after each pass (off only to debug a broken pass's
  // output).
  bool verify_each = true;
};

// Runs the pass called `name`, then verifies. NotFound for an unknown name.
Status RunPass(std::string_view name, ir::Graph& g, const PassOptions& opts);
// Runs every pass of passes.def in order, verifying after each.
Status RunDefaultPipeline(ir::Graph& g, const PassOptions& opts);
// Text names of all passes, in pipeline order.
std::vector<std::string> PassNames();
// One-line description of the pass `name` ("" if unknown).
std::string PassDescription(std::string_view name);

}  // namespace kiln::passes
