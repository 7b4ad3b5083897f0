// Imports ONNX Gather of a run-time tensor with constant indices (picking
// channels, the last time step, a row of a table) as IR slices: one strided
// slice when the indices are an arithmetic progression, else one slice per
// index joined by a concat; a reshape then gives ONNX's output shape
// (data[:axis] + indices.shape + data[axis+1:]). Gather of constants (shape
// values) is folded at import (const_fold.cc).
#include "frontends/onnx/op_registry.h"

namespace kiln::onnx_frontend {

Status ImportGather(OpContext& ctx) {
  KILN_ASSIGN_OR_RETURN(ir::TensorType xt, ctx.InputType(0));
  KILN_ASSIGN_OR_RETURN(std::vector<int64_t> idx, ctx.ConstInts(1));
  KILN_ASSIGN_OR_RETURN(int64_t attr_axis, ctx.AttrInt("axis", 0));
  if (xt.rank() == 0) return ctx.Error("input 0 is a scalar");
  KILN_ASSIGN_OR_RETURN(int64_t axis, NormalizeAxis(ctx, attr_axis, xt.rank()));
  const int64_t n = xt.shape[axis];
  for (int64_t& j : idx) {
    if (j < -n || j >= n)
      return ctx.Error("index {} is out of range for dimension {} of size {}",
                       j, axis, n);
    if (j < 0) j += n;
  }
  KILN_ASSIGN_OR_RETURN(ir::TensorId x, ctx.Input(0));
  KILN_ASSIGN_OR_RETURN(ir::TensorId y, ctx.Output(0));
  if (idx.empty())
    return ctx.Unsupported(
        "an empty (zero-sized) output is not supported: kiln has no "
        "zero-sized tensors");
  const int64_t count = static_cast<int64_t>(idx.size());
  int64_t step = count > 1 ? idx[1] - idx[0] : 1;
  bool progression = step != 0;
  for (int64_t k = 1; k < count && progression; ++k)
    progression = idx[k] - idx[k - 1] == step;
  const int max_parts = ir::GetOpInfo(ir::OpKind::kConcat).max_inputs;
  if (!progression && count > max_parts)
    return ctx.Unsupported(
        "{} indices that are not evenly spaced; kiln gathers at most {} "
        "scattered indices",
        count, max_parts);
  auto slice = [&](int64_t start, int64_t stride, int64_t extent,
                   const std::string& suffix) {
    ir::TensorType t = xt;
    t.layout = ir::Layout::kNone;
    t.shape[axis] = extent;
    ir::TensorId out = ctx.NewTensor(ctx.graph().tensor(y).name + suffix, t);
    auto& a = ctx.AddNode(ir::OpKind::kSlice, {x}, {out},
                          ctx.graph().UniqueNodeName(ctx.name() + suffix))
                  .attr<ir::SliceAttrs>();
    a.starts.assign(xt.shape.size(), 0);
    a.steps.assign(xt.shape.size(), 1);
    a.starts[axis] = start;
    a.steps[axis] = stride;
    return out;
  };
  ir::TensorId gathered;
  if (progression) {
    gathered = slice(idx[0], step, count, "_slice");
  } else {
    std::vector<ir::TensorId> parts;
    for (int64_t k = 0; k < count; ++k)
      parts.push_back(slice(idx[k], 1, 1, "_" + std::to_string(k)));
    ir::TensorType t = xt;
    t.layout = ir::Layout::kNone;
    t.shape[axis] = count;
    gathered = ctx.NewTensor(ctx.graph().tensor(y).name + "_parts", t);
    ctx.AddNode(ir::OpKind::kConcat, parts, {gathered},
                ctx.graph().UniqueNodeName(ctx.name() + "_concat"))
        .attr<ir::AxisAttrs>()
        .axis = axis;
  }
  ctx.AddNode(ir::OpKind::kReshape, {gathered}, {y});
  return Status::Ok();
}

}  // namespace kiln::onnx_frontend
