// Imports ONNX Softmax and LogSoftmax. Opset 13 normalizes along one axis, as IR softmax does.
// Before opset 13 the input is coerced to 2-D [d0*..*d(axis-1), d(axis)*..]
// and normalized over the second dim: the same as a one-axis softmax when the
// dims after `axis` are all 1, else lowered to reshape + softmax + reshape.
#include "frontends/onnx/op_registry.h"

namespace kiln::onnx_frontend {

namespace {

Status ImportNormalization(OpContext& ctx, ir::OpKind op) {
  KILN_ASSIGN_OR_RETURN(ir::TensorType x, ctx.InputType(0));
  const bool legacy = ctx.opset() < 13;
  KILN_ASSIGN_OR_RETURN(int64_t axis, ctx.AttrInt("axis", legacy ? 1 : -1));
  KILN_ASSIGN_OR_RETURN(axis, NormalizeAxis(ctx, axis, x.rank()));
  KILN_ASSIGN_OR_RETURN(ir::TensorId xi, ctx.Input(0));
  KILN_ASSIGN_OR_RETURN(ir::TensorId y, ctx.Output(0));
  int64_t outer = 1, inner = 1;
  for (int64_t d = 0; d < x.rank(); ++d)
    (d < axis ? outer : inner) *= x.shape[d];
  const bool one_axis = !legacy || inner == x.shape[axis];
  if (one_axis) {
    ctx.AddNode(op, {xi}, {y}).attr<ir::AxisAttrs>().axis =
        axis;
    return Status::Ok();
  }
  // The softmax keeps the ONNX node's name; the views get derived names.
  ir::TensorType flat = x;
  flat.shape = {outer, inner};
  flat.layout = ir::Layout::kNone;
  ir::TensorId x2 = ctx.NewTensor(ctx.graph().tensor(xi).name + "_2d", flat);
  ir::TensorId y2 = ctx.NewTensor(ctx.graph().tensor(y).name + "_2d", flat);
  ctx.AddNode(ir::OpKind::kReshape, {xi}, {x2},
              ctx.graph().UniqueNodeName(ctx.name() + "_to_2d"));
  ctx.AddNode(op, {x2}, {y2}).attr<ir::AxisAttrs>().axis = 1;
  ctx.AddNode(ir::OpKind::kReshape, {y2}, {y},
              ctx.graph().UniqueNodeName(ctx.name() + "_from_2d"));
  return Status::Ok();
}

}  // namespace

Status ImportSoftmax(OpContext& ctx) {
  return ImportNormalization(ctx, ir::OpKind::kSoftmax);
}
Status ImportLogSoftmax(OpContext& ctx) {
  return ImportNormalization(ctx, ir::OpKind::kLogSoftmax);
}

}  // namespace kiln::onnx_frontend
