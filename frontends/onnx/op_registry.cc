// The importer table from onnx_ops.def and its lookups.
#include "frontends/onnx/op_registry.h"

#include <fmt/format.h>

namespace kiln::onnx_frontend {
namespace {

constexpr OnnxOpInfo kOps[] = {
#define KILN_ONNX_OP(type, fn, min_opset, max_opset, inputs) \
  {type, fn, min_opset, max_opset, inputs},
#include "frontends/onnx/onnx_ops.def"
#undef KILN_ONNX_OP
};

struct Limit {
  const char* onnx_type;
  const char* reason;
};
constexpr Limit kLimits[] = {
#define KILN_ONNX_OP(type, fn, min_opset, max_opset, inputs)
#define KILN_ONNX_LIMIT(type, reason) {type, reason},
#include "frontends/onnx/onnx_ops.def"
#undef KILN_ONNX_LIMIT
#undef KILN_ONNX_OP
};

bool Bit(uint32_t mask, int i) { return (mask >> (i < 31 ? i : 31)) & 1u; }

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
  return Bit(info.inputs.data, i);
}

bool IsConstInput(const OnnxOpInfo& info, int i) {
  return Bit(info.inputs.constant, i);
}

std::vector<std::string> OnnxOpLimits(std::string_view onnx_type) {
  std::vector<std::string> out;
  for (const Limit& l : kLimits)
    if (onnx_type == l.onnx_type) out.push_back(l.reason);
  return out;
}

}  // namespace kiln::onnx_frontend
