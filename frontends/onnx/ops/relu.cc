// Imports ONNX Relu.
#include "frontends/onnx/op_registry.h"

namespace kiln::onnx_frontend {

Status ImportRelu(OpContext& ctx) {
  KILN_ASSIGN_OR_RETURN(ir::TensorId x, ctx.Input(0));
  KILN_ASSIGN_OR_RETURN(ir::TensorId y, ctx.Output(0));
  ctx.AddNode(ir::OpKind::kRelu, {x}, {y});
  return Status::Ok();
}

}  // namespace kiln::onnx_frontend
