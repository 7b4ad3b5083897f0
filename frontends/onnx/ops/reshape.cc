// Imports ONNX Reshape as IR reshape, whose target is its output type: ONNX
// shape inference (with data propagation) has already resolved 0 and -1 and
// shapes computed by Shape -> Gather -> Concat, so the shape input is never
// imported.
#include <algorithm>

#include "frontends/onnx/op_registry.h"

namespace kiln::onnx_frontend {

Status ImportReshape(OpContext& ctx) {
  // allowzero = 1 keeps a 0 in the target as a zero-sized dim; kiln has no
  // zero-sized tensors (a 0 input dim is read as dynamic and becomes 1).
  KILN_ASSIGN_OR_RETURN(int64_t allowzero, ctx.AttrInt("allowzero", 0));
  if (allowzero != 0) {
    auto target = ctx.ConstInts(1);
    if (target.ok() &&
        std::find(target->begin(), target->end(), 0) != target->end())
      return ctx.Unsupported(
          "allowzero = 1 with a 0 in the shape (a zero-sized tensor) is not "
          "supported");
  }
  KILN_ASSIGN_OR_RETURN(ir::TensorId x, ctx.Input(0));
  auto out = ctx.Output(0);
  if (!out.ok()) {
    // Unknown output shape: most often a target computed from run-time data.
    auto target = ctx.ConstInts(1);
    return target.ok() ? out.status() : target.status();
  }
  ir::TensorId y = *out;
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
