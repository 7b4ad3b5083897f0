// Imports ONNX Squeeze and Unsqueeze as IR reshape to the output type ONNX
// inferred (axes from the attribute before opset 13, from the constant input
// after): only the dims change, never the element order, so they are views
// exactly like Reshape and Flatten (one view rule in plan-memory).
#include "frontends/onnx/op_registry.h"

namespace kiln::onnx_frontend {
namespace {

Status ImportAsView(OpContext& ctx) {
  KILN_ASSIGN_OR_RETURN(ir::TensorId x, ctx.Input(0));
  auto out = ctx.Output(0);
  if (!out.ok()) {
    // Unknown output shape: most often axes computed from run-time data.
    if (ctx.HasInput(1)) KILN_RETURN_IF_ERROR(ctx.ConstInts(1).status());
    return out.status();
  }
  const ir::TensorType& from = ctx.graph().type(x);
  const ir::TensorType& to = ctx.graph().type(*out);
  if (from.num_elements() != to.num_elements())
    return ctx.Error("cannot reshape [{}] ({} elements) to [{}]",
                     fmt::join(from.shape, ","), from.num_elements(),
                     fmt::join(to.shape, ","));
  ctx.AddNode(ir::OpKind::kReshape, {x}, {*out});
  return Status::Ok();
}

}  // namespace

Status ImportSqueeze(OpContext& ctx) { return ImportAsView(ctx); }
Status ImportUnsqueeze(OpContext& ctx) { return ImportAsView(ctx); }

}  // namespace kiln::onnx_frontend
