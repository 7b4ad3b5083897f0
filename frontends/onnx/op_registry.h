// The table of ONNX op importers, generated from onnx_ops.def.
#pragma once

#include <string>
#include <string_view>

#include "compiler/support/status.h"
#include "frontends/onnx/op_context.h"

namespace kiln::onnx_frontend {

using OpImporter = Status (*)(OpContext& ctx);

// Which inputs of an op are tensors the IR reads at run time (see
// onnx_ops.def).
enum class DataInputs { kAllData, kFirstData };

struct OnnxOpInfo {
  const char* onnx_type;
  OpImporter import;
  int64_t min_opset, max_opset;
  DataInputs inputs;
};

#define KILN_ONNX_OP(type, fn, min_opset, max_opset, inputs) \
  Status fn(OpContext& ctx);
#include "frontends/onnx/onnx_ops.def"
#undef KILN_ONNX_OP

// The importer of a default-domain op type, or nullptr.
const OnnxOpInfo* FindOnnxOp(std::string_view onnx_type);
// "Add, AveragePool, ..." for error messages.
std::string SupportedOnnxOps();
// Whether input `i` of an op is data (walked for liveness and imported).
bool IsDataInput(const OnnxOpInfo& info, int i);

}  // namespace kiln::onnx_frontend
