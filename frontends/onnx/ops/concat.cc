// Imports ONNX Concat with its axis normalized to [0, rank).
#include "frontends/onnx/op_registry.h"

namespace kiln::onnx_frontend {

Status ImportConcat(OpContext& ctx) {
  if (!ctx.Attr("axis")) return ctx.Error("attribute 'axis' is required");
  KILN_ASSIGN_OR_RETURN(int64_t axis, ctx.AttrInt("axis", 0));
  KILN_ASSIGN_OR_RETURN(ir::TensorType first, ctx.InputType(0));
  KILN_ASSIGN_OR_RETURN(axis, NormalizeAxis(ctx, axis, first.rank()));
  const int max_inputs = ir::GetOpInfo(ir::OpKind::kConcat).max_inputs;
  if (ctx.node().input_size() > max_inputs)
    return ctx.Unsupported("{} inputs; kiln's concat takes at most {}",
                           ctx.node().input_size(), max_inputs);
  std::vector<ir::TensorId> ins;
  for (int i = 0; i < ctx.node().input_size(); ++i) {
    if (!ctx.HasInput(i)) return ctx.Error("input {} is empty", i);
    KILN_ASSIGN_OR_RETURN(ir::TensorId in, ctx.Input(i));
    ins.push_back(in);
  }
  KILN_ASSIGN_OR_RETURN(ir::TensorId y, ctx.Output(0));
  ctx.AddNode(ir::OpKind::kConcat, ins, {y}).attr<ir::AxisAttrs>().axis = axis;
  return Status::Ok();
}

}  // namespace kiln::onnx_frontend
