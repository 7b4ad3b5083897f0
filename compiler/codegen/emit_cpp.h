// Emits a planned IR graph as static C++ (design brief §6): <name>.h, <name>.cc,
// <name>_weights.cc, a CMakeLists.txt and a Makefile fragment.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "compiler/codegen/kernel_call.h"
#include "compiler/ir/graph.h"
#include "compiler/support/status.h"

namespace kiln::codegen {

struct EmitOptions {
  std::string target = "x86";
  LowerOptions lower;
  std::string source_name;  // the model file, for the banner
  // Attribute placing weights (e.g. in a flash or L2 section); empty: none.
  std::string weight_attribute;
  // Kernels the target implements itself, by the base name of their reference
  // kernel (kiln_<base>_ref): such calls become kiln_<base>_<kernel_impl>, declared
  // in kiln/<kernel_impl>/<base>.h, with the same params struct and arguments
  // (e.g. the pulp target's runtime/kernels/pulp/kernels.def). Empty: none.
  std::string kernel_impl;
  std::set<std::string> kernel_impl_bases;
};

struct LayerInfo {
  std::string name, op, kernel;
  int64_t macs = 0;
  std::vector<ir::Shape> input_shapes;
  ir::Shape output_shape;
  int64_t weight_bytes = 0;
  int64_t output_bytes = 0;
};

struct EmitResult {
  std::map<std::string, std::string> files;  // relative path → contents
  std::vector<LayerInfo> layers;
  int64_t weight_bytes = 0;
  int64_t macs = 0;
};

StatusOr<EmitResult> EmitCpp(const ir::Graph& g, const EmitOptions& opts);

// A C identifier derived from `s` (non-identifier characters become '_').
std::string CIdentifier(const std::string& s);

}  // namespace kiln::codegen
