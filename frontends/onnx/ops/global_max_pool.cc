// Imports ONNX GlobalMaxPool: max over all spatial axes of an NC... input.
#include "frontends/onnx/op_registry.h"

namespace kiln::onnx_frontend {

Status ImportGlobalMaxPool(OpContext& ctx) {
  KILN_ASSIGN_OR_RETURN(ir::TensorType x, ctx.InputType(0));
  if (x.rank() < 3)
    return ctx.Error("input rank {} is below 3 (N x C x spatial...)", x.rank());
  KILN_ASSIGN_OR_RETURN(ir::TensorId xi, ctx.Input(0));
  KILN_ASSIGN_OR_RETURN(ir::TensorId y, ctx.Output(0));
  ctx.AddNode(ir::OpKind::kGlobalMaxPool, {xi}, {y})
      .attr<ir::LayoutAttrs>()
      .layout = "nchw";
  return Status::Ok();
}

}  // namespace kiln::onnx_frontend
