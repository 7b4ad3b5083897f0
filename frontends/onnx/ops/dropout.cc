// Imports ONNX Dropout for inference: output 0 only (the mask must be unused),
// and from opset 12 a training_mode input, if any, must be constant false.
#include "frontends/onnx/op_registry.h"

namespace kiln::onnx_frontend {

Status ImportDropout(OpContext& ctx) {
  if (ctx.OutputUsed(1))
    return ctx.Unsupported(
        "the mask output is used; kiln imports Dropout for inference, output "
        "0 only");
  if (ctx.opset() >= 12 && ctx.HasInput(2)) {
    auto training = ctx.ConstInts(2);
    if (!training.ok())
      return ctx.Unsupported(
          "training_mode ('{}') is not a constant; kiln compiles models for "
          "inference only, so it must be absent or constant false",
          ctx.node().input(2));
    if (training->size() != 1 || (*training)[0] != 0)
      return ctx.Unsupported(
          "training_mode is true; kiln compiles models for inference only");
  }
  KILN_ASSIGN_OR_RETURN(ir::TensorId x, ctx.Input(0));
  KILN_ASSIGN_OR_RETURN(ir::TensorId y, ctx.Output(0));
  ctx.AddNode(ir::OpKind::kDropout, {x}, {y});
  return Status::Ok();
}

}  // namespace kiln::onnx_frontend
