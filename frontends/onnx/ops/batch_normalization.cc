// Imports ONNX BatchNormalization in inference form (scale, bias, mean, var,
// epsilon); training outputs and the opset-7 non-spatial form are rejected.
#include "frontends/onnx/op_registry.h"

namespace kiln::onnx_frontend {

Status ImportBatchNormalization(OpContext& ctx) {
  for (int i = 1; i < ctx.node().output_size(); ++i)
    if (ctx.OutputUsed(i))
      return ctx.Unsupported(
          "output {} (training statistics) is used; kiln imports "
          "BatchNormalization for inference, output 0 only",
          i);
  if (ctx.opset() < 9) {
    KILN_ASSIGN_OR_RETURN(int64_t spatial, ctx.AttrInt("spatial", 1));
    if (spatial != 1) return ctx.Unsupported("spatial = 0 is not supported");
  }
  KILN_ASSIGN_OR_RETURN(int64_t training, ctx.AttrInt("training_mode", 0));
  if (training != 0)
    return ctx.Unsupported(
        "training_mode = 1; kiln compiles models for inference only");
  KILN_ASSIGN_OR_RETURN(float epsilon, ctx.AttrFloat("epsilon", 1e-5f));
  KILN_ASSIGN_OR_RETURN(ir::TensorType x, ctx.InputType(0));
  if (x.rank() < 2) return ctx.Error("input rank {} is below 2", x.rank());
  std::vector<ir::TensorId> ins;
  for (int i = 0; i < 5; ++i) {
    if (!ctx.HasInput(i)) return ctx.Error("input {} is missing", i);
    // libonnx 1.12 does not check the per-channel parameters' shapes.
    if (i > 0) {
      KILN_ASSIGN_OR_RETURN(ir::TensorType p, ctx.InputType(i));
      if (p.shape != ir::Shape{x.shape[1]})
        return ctx.Error("input {} has shape [{}], expected [{}] (channels)", i,
                         fmt::join(p.shape, ","), x.shape[1]);
    }
    KILN_ASSIGN_OR_RETURN(ir::TensorId in, ctx.Input(i));
    ins.push_back(in);
  }
  KILN_ASSIGN_OR_RETURN(ir::TensorId y, ctx.Output(0));
  auto& a = ctx.AddNode(ir::OpKind::kBatchNormalization, ins, {y})
                .attr<ir::BatchNormAttrs>();
  a.epsilon = epsilon;
  a.layout = "nchw";
  return Status::Ok();
}

}  // namespace kiln::onnx_frontend
