// The importer table from onnx_ops.def and its lookups.
#include "frontends/onnx/op_registry.h"

#include <fmt/format.h>

namespace kiln::onnx_frontend {
namespace {

constexpr OnnxOpInfo kOps[] = {
#define KILN_ONNX_OP(type, fn, min_opset, max_opset, inputs) \
  {type, fn, min_opset, max_opset, DataInputs::inputs},
#include "frontends/onnx/onnx_ops.def"
#undef KILN_ONNX_OP
};

}  // namespace

const OnnxOpInfo* FindOnnxOp(std::string_view onnx_type) {
  for (const OnnxOpInfo& op : kOps)
    if (onnx_type == op.onnx_type) return &op;
  return nullptr;
}

std::string SupportedOnnxOps() {
  std::vector<std::string> names;
  for (const OnnxOpInfo& op : kOps) names.push_back(op.onnx_type);
  return fmt::format("{}", fmt::join(names, ", "));
}

bool IsDataInput(const OnnxOpInfo& info, int i) {
  return info.inputs == DataInputs::kAllData || i == 0;
}

}  // namespace kiln::onnx_frontend
