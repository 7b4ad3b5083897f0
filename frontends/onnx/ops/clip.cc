// Imports ONNX Clip: bounds are attributes before opset 11 and optional
// constant inputs from opset 11 on; both become IR attributes (integer bounds,
// opset 12+, in the exact int_min/int_max).
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

// Reads optional integer scalar bound input `i` into `*bound`.
Status ReadIntBound(OpContext& ctx, int i, int64_t* bound) {
  if (!ctx.HasInput(i)) return Status::Ok();
  KILN_ASSIGN_OR_RETURN(std::vector<int64_t> v, ctx.ConstInts(i));
  if (v.size() != 1)
    return ctx.Error("input {} must be a scalar, has {} values", i, v.size());
  *bound = v[0];
  return Status::Ok();
}

}  // namespace

Status ImportClip(OpContext& ctx) {
  KILN_ASSIGN_OR_RETURN(ir::TensorType x, ctx.InputType(0));
  if (x.dtype == ir::DType::kBool)
    return ctx.Unsupported(
        "Clip of {} tensors is not supported (only float and integers)",
        ir::DTypeName(x.dtype));
  if (x.dtype != ir::DType::kF32) {
    // Integer inputs exist from opset 12 on, where the bounds are inputs.
    ir::ClipAttrs bounds;
    KILN_RETURN_IF_ERROR(ReadIntBound(ctx, 1, &bounds.int_min));
    KILN_RETURN_IF_ERROR(ReadIntBound(ctx, 2, &bounds.int_max));
    KILN_ASSIGN_OR_RETURN(ir::TensorId xi, ctx.Input(0));
    KILN_ASSIGN_OR_RETURN(ir::TensorId y, ctx.Output(0));
    ctx.AddNode(ir::OpKind::kClip, {xi}, {y}).attr<ir::ClipAttrs>() = bounds;
    return Status::Ok();
  }
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
