// Imports ONNX's Reduce ops. ReduceSum/Mean/Max/Min/Prod are IR reduce;
// ReduceL1, ReduceL2, ReduceSumSquare and ReduceLogSum are a reduce sum
// between elementwise ops (abs or x*x before; sqrt or log after), which is
// their ONNX definition. (ReduceLogSumExp would be exp before and log after,
// but python3-onnx 1.12 tests it in double only, so it is not claimed.) Axes are an attribute, or (ReduceSum from
// opset 13) a constant input; no axes reduce everything unless
// noop_with_empty_axes.
#include <algorithm>

#include "frontends/onnx/op_registry.h"

namespace kiln::onnx_frontend {
namespace {

struct ReduceSpec {
  const char* kind;         // IR reduce kind
  ir::OpKind pre, post;     // kIdentity: none; kMul before: x * x
};

Status ImportReduce(OpContext& ctx, const ReduceSpec& spec) {
  KILN_ASSIGN_OR_RETURN(ir::TensorType xt, ctx.InputType(0));
  if (xt.dtype != ir::DType::kF32)
    return ctx.Unsupported(
        "{} of {} tensors is not supported (only float)",
        ctx.node().op_type(), ir::DTypeName(xt.dtype));
  KILN_ASSIGN_OR_RETURN(int64_t keepdims, ctx.AttrInt("keepdims", 1));
  KILN_ASSIGN_OR_RETURN(int64_t noop, ctx.AttrInt("noop_with_empty_axes", 0));
  std::vector<int64_t> axes;
  if (ctx.node().op_type() == "ReduceSum" && ctx.opset() >= 13) {
    if (ctx.HasInput(1)) {
      KILN_ASSIGN_OR_RETURN(axes, ctx.ConstInts(1));
    }
  } else {
    KILN_ASSIGN_OR_RETURN(axes, ctx.AttrInts("axes", {}));
  }
  const int64_t r = xt.rank();
  for (int64_t& a : axes) {
    KILN_ASSIGN_OR_RETURN(a, NormalizeAxis(ctx, a, r));
  }
  std::sort(axes.begin(), axes.end());
  if (std::adjacent_find(axes.begin(), axes.end()) != axes.end())
    return ctx.Error("an axis is listed twice");
  KILN_ASSIGN_OR_RETURN(ir::TensorId x, ctx.Input(0));
  KILN_ASSIGN_OR_RETURN(ir::TensorId y, ctx.Output(0));
  if (axes.empty() && noop) {
    // Nothing reduced: only the elementwise parts remain.
    if (spec.pre == ir::OpKind::kIdentity && spec.post == ir::OpKind::kIdentity) {
      ctx.AddNode(ir::OpKind::kIdentity, {x}, {y});
      return Status::Ok();
    }
  } else if (axes.empty()) {
    for (int64_t d = 0; d < r; ++d) axes.push_back(d);
  }
  ir::Graph& g = ctx.graph();
  const std::string& yname = g.tensor(y).name;
  ir::TensorId in = x;
  if (spec.pre != ir::OpKind::kIdentity) {
    ir::TensorType t = xt;
    t.layout = ir::Layout::kNone;
    ir::TensorId pre = ctx.NewTensor(yname + "_pre", t);
    std::vector<ir::TensorId> ins = {x};
    if (spec.pre == ir::OpKind::kMul) ins.push_back(x);
    ctx.AddNode(spec.pre, ins, {pre}, g.UniqueNodeName(ctx.name() + "_pre"));
    in = pre;
  }
  ir::TensorId red = y;
  if (spec.post != ir::OpKind::kIdentity) {
    ir::TensorType t = g.type(y);
    red = ctx.NewTensor(yname + "_sum", t);
  }
  if (axes.empty()) {
    ctx.AddNode(ir::OpKind::kIdentity, {in}, {red});
  } else {
    auto& a = ctx.AddNode(ir::OpKind::kReduce, {in}, {red})
                  .attr<ir::ReduceAttrs>();
    a.kind = spec.kind;
    a.axes = axes;
    a.keepdims = keepdims;
  }
  if (spec.post != ir::OpKind::kIdentity)
    ctx.AddNode(spec.post, {red}, {y}, g.UniqueNodeName(ctx.name() + "_post"));
  return Status::Ok();
}

constexpr ir::OpKind kNone = ir::OpKind::kIdentity;

}  // namespace

Status ImportReduceSum(OpContext& ctx) {
  return ImportReduce(ctx, {"sum", kNone, kNone});
}
Status ImportReduceMean(OpContext& ctx) {
  return ImportReduce(ctx, {"mean", kNone, kNone});
}
Status ImportReduceMax(OpContext& ctx) {
  return ImportReduce(ctx, {"max", kNone, kNone});
}
Status ImportReduceMin(OpContext& ctx) {
  return ImportReduce(ctx, {"min", kNone, kNone});
}
Status ImportReduceProd(OpContext& ctx) {
  return ImportReduce(ctx, {"prod", kNone, kNone});
}
Status ImportReduceL1(OpContext& ctx) {
  return ImportReduce(ctx, {"sum", ir::OpKind::kAbs, kNone});
}
Status ImportReduceL2(OpContext& ctx) {
  return ImportReduce(ctx, {"sum", ir::OpKind::kMul, ir::OpKind::kSqrt});
}
Status ImportReduceSumSquare(OpContext& ctx) {
  return ImportReduce(ctx, {"sum", ir::OpKind::kMul, kNone});
}
Status ImportReduceLogSum(OpContext& ctx) {
  return ImportReduce(ctx, {"sum", kNone, ir::OpKind::kLog});
}

}  // namespace kiln::onnx_frontend
