// ONNX Equal: kiln evaluates it at import when its inputs are constants (masks
// and shape tests in exported models, const_fold.cc) and has no run-time
// comparison kernel (bool tensors are not activations kiln computes), so this
// importer only refuses, naming the run-time input.
#include "frontends/onnx/op_registry.h"

namespace kiln::onnx_frontend {

Status ImportEqual(OpContext& ctx) { return ctx.NoRunTimeKernel(); }

}  // namespace kiln::onnx_frontend
