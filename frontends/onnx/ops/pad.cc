// Imports ONNX Pad: pads and the constant value are attributes before opset
// 11 and constant inputs after; modes constant, reflect and edge.
#include "frontends/onnx/op_registry.h"

namespace kiln::onnx_frontend {

Status ImportPad(OpContext& ctx) {
  KILN_ASSIGN_OR_RETURN(ir::TensorType xt, ctx.InputType(0));
  if (xt.dtype != ir::DType::kF32 && xt.dtype != ir::DType::kS32)
    return ctx.Unsupported("Pad of {} tensors is not supported (only float and int32)",
                           ir::DTypeName(xt.dtype));
  KILN_ASSIGN_OR_RETURN(std::string mode, ctx.AttrString("mode", "constant"));
  if (mode != "constant" && mode != "reflect" && mode != "edge")
    return ctx.Error("mode '{}' is not one of constant, reflect, edge", mode);
  std::vector<int64_t> pads;
  float value = 0.0f;
  if (ctx.opset() < 11) {
    KILN_ASSIGN_OR_RETURN(pads, ctx.AttrInts(ctx.opset() < 2 ? "paddings" : "pads", {}));
    KILN_ASSIGN_OR_RETURN(value, ctx.AttrFloat("value", 0.0f));
  } else {
    KILN_ASSIGN_OR_RETURN(pads, ctx.ConstInts(1));
    if (ctx.HasInput(2)) {
      KILN_ASSIGN_OR_RETURN(std::vector<float> v, ctx.ConstFloats(2));
      if (v.size() != 1)
        return ctx.Error("constant_value has {} elements, expected 1",
                         v.size());
      value = v[0];
    }
  }
  const int64_t r = xt.rank();
  if (static_cast<int64_t>(pads.size()) != 2 * r)
    return ctx.Error("pads has {} entries for rank {}", pads.size(), r);
  for (int64_t d = 0; d < r; ++d) {
    int64_t in = xt.shape[d];
    if (in + pads[d] + pads[r + d] <= 0)
      return ctx.Unsupported(
          "an empty (zero-sized) output is not supported: kiln has no "
          "zero-sized tensors");
    if ((pads[d] > 0 || pads[r + d] > 0) && mode == "reflect" && in < 2)
      return ctx.Error("reflect pads axis {} of extent {} (needs 2 or more)",
                       d, in);
  }
  KILN_ASSIGN_OR_RETURN(ir::TensorId x, ctx.Input(0));
  KILN_ASSIGN_OR_RETURN(ir::TensorId y, ctx.Output(0));
  auto& a = ctx.AddNode(ir::OpKind::kPad, {x}, {y}).attr<ir::PadAttrs>();
  a.pads = pads;
  a.mode = mode;
  a.value = value;
  return Status::Ok();
}

}  // namespace kiln::onnx_frontend
