// ONNX Where: kiln evaluates it at import when its inputs are constants
// (const_fold.cc); a run-time Where reads a bool condition, which no kernel
// takes, so this importer only refuses, naming the run-time input.
#include "frontends/onnx/op_registry.h"

namespace kiln::onnx_frontend {

Status ImportWhere(OpContext& ctx) { return ctx.NoRunTimeKernel(); }

}  // namespace kiln::onnx_frontend
