// Imports ONNX Slice (starts/ends/axes/steps as attributes before opset 10,
// constant inputs after) as IR slice with ONNX's clamping resolved here, and
// Split as one IR slice per output.
#include <algorithm>
#include <limits>

#include "frontends/onnx/op_registry.h"

namespace kiln::onnx_frontend {
namespace {

// Adds `slice` of x into output `out` (a slice of every dim; dims not sliced
// start at 0 with step 1), checking the extents against ONNX's inference.
Status AddSlice(OpContext& ctx, ir::TensorId x, int out,
                const std::vector<int64_t>& starts,
                const std::vector<int64_t>& steps,
                const std::vector<int64_t>& extents, const std::string& name) {
  KILN_ASSIGN_OR_RETURN(ir::TensorId y, ctx.Output(out));
  const ir::Shape& ys = ctx.graph().type(y).shape;
  if (ys != extents)
    return ctx.Error("output {} has shape [{}], the slice gives [{}]", out,
                     fmt::join(ys, ","), fmt::join(extents, ","));
  for (int64_t e : extents)
    if (e == 0)
      return ctx.Unsupported(
          "an empty (zero-sized) output is not supported: kiln has no "
          "zero-sized tensors");
  auto& a =
      ctx.AddNode(ir::OpKind::kSlice, {x}, {y}, name).attr<ir::SliceAttrs>();
  a.starts = starts;
  a.steps = steps;
  return Status::Ok();
}

int64_t Clamp(int64_t v, int64_t lo, int64_t hi) {
  return std::min(std::max(v, lo), hi);
}

}  // namespace

Status ImportSlice(OpContext& ctx) {
  KILN_ASSIGN_OR_RETURN(ir::TensorType xt, ctx.InputType(0));
  const int64_t r = xt.rank();
  std::vector<int64_t> starts, ends, axes, steps;
  if (ctx.opset() < 10) {
    KILN_ASSIGN_OR_RETURN(starts, ctx.AttrInts("starts", {}));
    KILN_ASSIGN_OR_RETURN(ends, ctx.AttrInts("ends", {}));
    KILN_ASSIGN_OR_RETURN(axes, ctx.AttrInts("axes", {}));
  } else {
    KILN_ASSIGN_OR_RETURN(starts, ctx.ConstInts(1));
    KILN_ASSIGN_OR_RETURN(ends, ctx.ConstInts(2));
    if (ctx.HasInput(3)) {
      KILN_ASSIGN_OR_RETURN(axes, ctx.ConstInts(3));
    }
    if (ctx.HasInput(4)) {
      KILN_ASSIGN_OR_RETURN(steps, ctx.ConstInts(4));
    }
  }
  if (axes.empty())
    for (size_t i = 0; i < starts.size(); ++i)
      axes.push_back(static_cast<int64_t>(i));
  if (steps.empty()) steps.assign(starts.size(), 1);
  if (ends.size() != starts.size() || axes.size() != starts.size() ||
      steps.size() != starts.size())
    return ctx.Error("starts, ends, axes and steps differ in length");
  std::vector<int64_t> first(r, 0), step(r, 1), extent = xt.shape;
  std::vector<bool> seen(r, false);
  for (size_t i = 0; i < starts.size(); ++i) {
    KILN_ASSIGN_OR_RETURN(int64_t ax, NormalizeAxis(ctx, axes[i], r));
    if (seen[ax]) return ctx.Error("axis {} is sliced twice", ax);
    seen[ax] = true;
    const int64_t dim = xt.shape[ax], st = steps[i];
    if (st == 0) return ctx.Error("step {} is 0", i);
    // ONNX: negative indices count from the end, then clamp; a negative step
    // clamps the start to dim - 1 and the end to -1 (before the first).
    int64_t s = starts[i], e = ends[i];
    if (s < 0) s = s < -dim ? 0 : s + dim;
    if (e < 0) e = e < -dim ? -1 : e + dim;
    int64_t n;
    if (st > 0) {
      s = Clamp(s, 0, dim);
      e = Clamp(e, 0, dim);
      n = e > s ? (e - s + st - 1) / st : 0;
    } else {
      s = Clamp(s, 0, dim - 1);
      e = Clamp(e, -1, dim - 1);
      n = s > e ? (s - e + (-st) - 1) / (-st) : 0;
    }
    first[ax] = s;
    step[ax] = st;
    extent[ax] = n;
  }
  KILN_ASSIGN_OR_RETURN(ir::TensorId x, ctx.Input(0));
  return AddSlice(ctx, x, 0, first, step, extent, "");
}

Status ImportSplit(OpContext& ctx) {
  KILN_ASSIGN_OR_RETURN(ir::TensorType xt, ctx.InputType(0));
  KILN_ASSIGN_OR_RETURN(int64_t axis, ctx.AttrInt("axis", 0));
  KILN_ASSIGN_OR_RETURN(axis, NormalizeAxis(ctx, axis, xt.rank()));
  const int n = ctx.node().output_size();
  std::vector<int64_t> split;
  if (ctx.opset() < 13) {
    KILN_ASSIGN_OR_RETURN(split, ctx.AttrInts("split", {}));
  } else if (ctx.HasInput(1)) {
    KILN_ASSIGN_OR_RETURN(split, ctx.ConstInts(1));
  }
  const int64_t dim = xt.shape[axis];
  if (split.empty()) {
    if (n == 0 || dim % n != 0)
      return ctx.Error("axis {} of extent {} does not split into {} equal parts",
                       axis, dim, n);
    split.assign(n, dim / n);
  }
  if (static_cast<int>(split.size()) != n)
    return ctx.Error("split has {} entries for {} outputs", split.size(), n);
  int64_t total = 0;
  for (int64_t s : split) {
    if (s < 0) return ctx.Error("split has a negative entry");
    total += s;
  }
  if (total != dim)
    return ctx.Error("split sums to {}, axis {} has extent {}", total, axis,
                     dim);
  KILN_ASSIGN_OR_RETURN(ir::TensorId x, ctx.Input(0));
  std::vector<int64_t> first(xt.rank(), 0), step(xt.rank(), 1);
  int64_t offset = 0;
  for (int i = 0; i < n; ++i) {
    std::vector<int64_t> extent = xt.shape;
    extent[axis] = split[i];
    first[axis] = offset;
    offset += split[i];
    if (!ctx.OutputUsed(i)) continue;
    // The first output's slice keeps the node's name.
    std::string name =
        i == 0 ? "" : ctx.graph().UniqueNodeName(fmt::format("{}_{}", ctx.name(), i));
    KILN_RETURN_IF_ERROR(AddSlice(ctx, x, i, first, step, extent, name));
  }
  return Status::Ok();
}

}  // namespace kiln::onnx_frontend
