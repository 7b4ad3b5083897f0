// Imports ONNX Add (multidirectional broadcasting from opset 7).
#include "frontends/onnx/op_registry.h"

namespace kiln::onnx_frontend {

Status ImportAdd(OpContext& ctx) {
  KILN_ASSIGN_OR_RETURN(ir::TensorId a, ctx.Input(0));
  KILN_ASSIGN_OR_RETURN(ir::TensorId b, ctx.Input(1));
  KILN_ASSIGN_OR_RETURN(ir::TensorId y, ctx.Output(0));
  ctx.AddNode(ir::OpKind::kAdd, {a, b}, {y});
  return Status::Ok();
}

}  // namespace kiln::onnx_frontend
