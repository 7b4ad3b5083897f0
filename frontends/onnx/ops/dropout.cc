// Imports ONNX Dropout as inference computes it: y = x, and the mask output,
// when used, is all true (a bool constant the generated code copies out).
// From opset 12 a training_mode input, if any, must be constant; training mode
// is accepted only with a constant ratio of 0, where ONNX defines the same
// result (nothing is dropped), since kiln has no random numbers.
#include "frontends/onnx/op_registry.h"

namespace kiln::onnx_frontend {

Status ImportDropout(OpContext& ctx) {
  if (ctx.opset() >= 12 && ctx.HasInput(2)) {
    auto training = ctx.ConstInts(2);
    if (!training.ok())
      return ctx.Unsupported(
          "training_mode ('{}') is not a constant; kiln compiles models for "
          "inference only, so it must be absent or constant false",
          ctx.node().input(2));
    if (training->size() != 1 || (*training)[0] != 0) {
      auto ratio = ctx.HasInput(1) ? ctx.ConstFloats(1)
                                   : StatusOr<std::vector<float>>({0.5f});
      if (!ratio.ok() || ratio->size() != 1 || (*ratio)[0] != 0.0f)
        return ctx.Unsupported(
            "training_mode is true with a ratio other than 0; kiln compiles "
            "models for inference only");
    }
  }
  KILN_ASSIGN_OR_RETURN(ir::TensorId x, ctx.Input(0));
  KILN_ASSIGN_OR_RETURN(ir::TensorId y, ctx.Output(0));
  ctx.AddNode(ir::OpKind::kDropout, {x}, {y});
  if (ctx.OutputUsed(1)) {
    KILN_ASSIGN_OR_RETURN(ir::TensorId mask, ctx.Output(1));
    ir::TensorType t = ctx.graph().type(mask);
    if (t.dtype != ir::DType::kBool || t.shape != ctx.graph().type(x).shape)
      return ctx.Error("the mask output is {}, expected bool of x's shape",
                       t.ToString());
    t.layout = ir::Layout::kNone;
    ir::TensorId ones = ctx.NewConstant(
        ctx.graph().tensor(mask).name + "_value", t,
        std::vector<uint8_t>(static_cast<size_t>(t.num_elements()), 1));
    ctx.AddNode(ir::OpKind::kIdentity, {ones}, {mask},
                ctx.graph().UniqueNodeName(ctx.name() + "_mask"));
  }
  return Status::Ok();
}

}  // namespace kiln::onnx_frontend
