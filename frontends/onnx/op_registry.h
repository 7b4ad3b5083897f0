// The table of ONNX op importers, generated from onnx_ops.def.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/support/status.h"
#include "frontends/onnx/op_context.h"

namespace kiln::onnx_frontend {

using OpImporter = Status (*)(OpContext& ctx);

// Which inputs of an op are tensors the IR reads at run time, and which must be
// known at compile time (see onnx_ops.def). Bit i of a mask is input i; bit 31
// stands for every input from 31 on.
struct InputSpec {
  uint32_t data;      // walked for liveness and imported as IR tensors
  uint32_t constant;  // must be constants when the model is compiled
};
constexpr uint32_t kAllInputs = 0xffffffffu;
// Every input is a run-time tensor.
constexpr InputSpec kAllData{kAllInputs, 0};
// Only input 0 is; the others are constants the importer reads as attributes
// (Reshape's shape, Clip's bounds): their producers are not imported, so
// shape-computing subgraphs stay dead.
constexpr InputSpec kFirstData{1u, kAllInputs & ~1u};
// Input 0 is read for its static type only (Shape, Size): the op is folded at
// import whatever computes that input, which stays dead unless used elsewhere.
constexpr InputSpec kTypeOnly{0u, 0u};
// An op kiln folds and runs only trivially (Cast to the same type: a copy);
// to C++ it is kAllData, the conformance tier does not run its cases.
constexpr InputSpec kFoldOnly{kAllInputs, 0};
// No input is: the importer evaluates the op at compile time (shape ops).
constexpr InputSpec kNoData{0u, kAllInputs};
// Every input is an IR tensor, and the listed ones must be constants (weights).
template <typename... I>
constexpr InputSpec ConstAt(I... i) {
  return InputSpec{kAllInputs, ((1u << i) | ...)};
}

struct OnnxOpInfo {
  const char* onnx_type;
  OpImporter import;
  int64_t min_opset, max_opset;
  InputSpec inputs;
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
// Whether input `i` must be a compile-time constant.
bool IsConstInput(const OnnxOpInfo& info, int i);
// The declared reasons (onnx_ops.def, KILN_ONNX_LIMIT) for which kiln refuses
// some nodes of `onnx_type`: attribute values and element types it does not
// support. Refusals for those reasons must quote the reason verbatim.
std::vector<std::string> OnnxOpLimits(std::string_view onnx_type);

}  // namespace kiln::onnx_frontend
