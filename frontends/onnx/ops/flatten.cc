// Imports ONNX Flatten as IR reshape to the 2-D output type ONNX inferred (the
// layout pass keeps ONNX's element order when the input becomes NHWC).
#include "frontends/onnx/op_registry.h"

namespace kiln::onnx_frontend {

Status ImportFlatten(OpContext& ctx) {
  KILN_ASSIGN_OR_RETURN(ir::TensorId x, ctx.Input(0));
  KILN_ASSIGN_OR_RETURN(ir::TensorId y, ctx.Output(0));
  ctx.AddNode(ir::OpKind::kReshape, {x}, {y});
  return Status::Ok();
}

}  // namespace kiln::onnx_frontend
