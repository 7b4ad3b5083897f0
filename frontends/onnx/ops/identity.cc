// Imports ONNX Identity (kept: canonicalization removes it, and a graph output
// that is an Identity keeps its own name).
#include "frontends/onnx/op_registry.h"

namespace kiln::onnx_frontend {

Status ImportIdentity(OpContext& ctx) {
  KILN_ASSIGN_OR_RETURN(ir::TensorId x, ctx.Input(0));
  KILN_ASSIGN_OR_RETURN(ir::TensorId y, ctx.Output(0));
  ctx.AddNode(ir::OpKind::kIdentity, {x}, {y});
  return Status::Ok();
}

}  // namespace kiln::onnx_frontend
