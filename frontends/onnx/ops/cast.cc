// Imports ONNX Cast of a run-time tensor. Casts of constants (int64 shapes,
// masks) are folded at import (const_fold.cc); at run time kiln holds float32
// activations only, so a cast to the tensor's own type is a copy and any
// other is refused.
#include "frontends/onnx/op_registry.h"

namespace kiln::onnx_frontend {

Status ImportCast(OpContext& ctx) {
  KILN_ASSIGN_OR_RETURN(ir::TensorType xt, ctx.InputType(0));
  KILN_ASSIGN_OR_RETURN(ir::TensorId x, ctx.Input(0));
  KILN_ASSIGN_OR_RETURN(ir::TensorId y, ctx.Output(0));
  ir::DType to = ctx.graph().type(y).dtype;
  if (to != xt.dtype)
    return ctx.Unsupported(
        "Cast of a run-time {} tensor to {}: only float32 kernels exist on "
        "this target (kiln casts constants at compile time)",
        ir::DTypeName(xt.dtype), ir::DTypeName(to));
  ctx.AddNode(ir::OpKind::kIdentity, {x}, {y});
  return Status::Ok();
}

}  // namespace kiln::onnx_frontend
