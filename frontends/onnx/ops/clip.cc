// Imports ONNX Clip: bounds are attributes before opset 11 and optional
// constant inputs from opset 11 on; both become IR attributes.
#include "frontends/onnx/op_registry.h"

namespace kiln::onnx_frontend {
namespace {

// Reads optional scalar bound input `i` into `*bound`.
Status ReadBound(OpContext& ctx, int i, float* bound) {
  if (!ctx.HasInput(i)) return Status::Ok();
  KILN_ASSIGN_OR_RETURN(std::vector<float> v, ctx.ConstFloats(i));
  if (v.size() != 1)
    return ctx.Error("input {} must be a scalar, has {} values", i, v.size());
  *bound = v[0];
  return Status::Ok();
}

}  // namespace

Status ImportClip(OpContext& ctx) {
  KILN_ASSIGN_OR_RETURN(ir::TensorType x, ctx.InputType(0));
  if (x.dtype != ir::DType::kF32)
    return ctx.Unsupported("Clip of {} tensors is not supported (only float)",
                           ir::DTypeName(x.dtype));
  float lo = -ir::kInf, hi = ir::kInf;
  if (ctx.opset() < 11) {
    KILN_ASSIGN_OR_RETURN(lo, ctx.AttrFloat("min", -ir::kInf));
    KILN_ASSIGN_OR_RETURN(hi, ctx.AttrFloat("max", ir::kInf));
  } else {
    KILN_RETURN_IF_ERROR(ReadBound(ctx, 1, &lo));
    KILN_RETURN_IF_ERROR(ReadBound(ctx, 2, &hi));
  }
  KILN_ASSIGN_OR_RETURN(ir::TensorId xi, ctx.Input(0));
  KILN_ASSIGN_OR_RETURN(ir::TensorId y, ctx.Output(0));
  auto& a = ctx.AddNode(ir::OpKind::kClip, {xi}, {y}).attr<ir::ClipAttrs>();
  a.min = lo;
  a.max = hi;
  return Status::Ok();
}

}  // namespace kiln::onnx_frontend
