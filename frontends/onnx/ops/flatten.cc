// Imports ONNX Flatten as IR reshape to the 2-D output type ONNX inferred (the
// layout pass keeps ONNX's element order when the input becomes NHWC).
#include "frontends/onnx/op_registry.h"

namespace kiln::onnx_frontend {

Status ImportFlatten(OpContext& ctx) {
  KILN_ASSIGN_OR_RETURN(ir::TensorId x, ctx.Input(0));
  KILN_ASSIGN_OR_RETURN(ir::TensorId y, ctx.Output(0));
  // libonnx 1.12 does not compare element counts.
  const ir::TensorType& from = ctx.graph().type(x);
  const ir::TensorType& to = ctx.graph().type(y);
  if (from.num_elements() != to.num_elements())
    return ctx.Error("cannot reshape [{}] ({} elements) to [{}]",
                     fmt::join(from.shape, ","), from.num_elements(),
                     fmt::join(to.shape, ","));
  ctx.AddNode(ir::OpKind::kReshape, {x}, {y});
  return Status::Ok();
}

}  // namespace kiln::onnx_frontend
