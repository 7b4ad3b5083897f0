// Imports ONNX's broadcasting binaries Sub, Mul, Div, Pow, PRelu, and the
// variadic Max/Min, which are chained into binary max/min nodes.
#include <algorithm>

#include "frontends/onnx/op_registry.h"

namespace kiln::onnx_frontend {
namespace {

// Operands of different element types are malformed for these ops (ONNX's
// checker says so too); Pow, whose exponent may have another type, is imported
// without this check.
Status RequireSameTypes(OpContext& ctx, int n) {
  KILN_ASSIGN_OR_RETURN(ir::TensorType a, ctx.InputType(0));
  for (int i = 1; i < n; ++i) {
    KILN_ASSIGN_OR_RETURN(ir::TensorType b, ctx.InputType(i));
    if (a.dtype != b.dtype)
      return ctx.Error("operands of types {} and {}; the op needs one type",
                       ir::DTypeName(a.dtype), ir::DTypeName(b.dtype));
  }
  return Status::Ok();
}

Status ImportBinary(OpContext& ctx, ir::OpKind op) {
  if (op != ir::OpKind::kPow) KILN_RETURN_IF_ERROR(RequireSameTypes(ctx, 2));
  KILN_ASSIGN_OR_RETURN(ir::TensorId a, ctx.Input(0));
  KILN_ASSIGN_OR_RETURN(ir::TensorId b, ctx.Input(1));
  KILN_ASSIGN_OR_RETURN(ir::TensorId y, ctx.Output(0));
  ctx.AddNode(op, {a, b}, {y});
  return Status::Ok();
}

// numpy broadcasting of two shapes already checked by ONNX's shape inference.
ir::Shape Broadcast(ir::Shape a, ir::Shape b) {
  if (a.size() < b.size()) std::swap(a, b);
  b.insert(b.begin(), a.size() - b.size(), 1);
  for (size_t i = 0; i < a.size(); ++i) a[i] = std::max(a[i], b[i]);
  return a;
}

// max/min(x0, x1, ..., xn) = op(...op(op(x0, x1), x2)..., xn); one input is a
// copy.
Status ImportVariadic(OpContext& ctx, ir::OpKind op) {
  const int n = ctx.node().input_size();
  if (n < 1) return ctx.Error("needs at least one input");
  for (int i = 0; i < n; ++i)
    if (!ctx.HasInput(i)) return ctx.Error("input {} is empty", i);
  KILN_RETURN_IF_ERROR(RequireSameTypes(ctx, n));
  KILN_ASSIGN_OR_RETURN(ir::TensorId acc, ctx.Input(0));
  KILN_ASSIGN_OR_RETURN(ir::TensorId y, ctx.Output(0));
  if (n == 1) {
    ctx.AddNode(ir::OpKind::kIdentity, {acc}, {y});
    return Status::Ok();
  }
  for (int i = 1; i < n; ++i) {
    KILN_ASSIGN_OR_RETURN(ir::TensorId b, ctx.Input(i));
    ir::TensorId out = y;
    std::string name = ctx.name();
    if (i + 1 < n) {
      // Intermediate results get derived names; the last node keeps the ONNX
      // node's name.
      ir::TensorType t = ctx.graph().type(acc);
      t.shape = Broadcast(t.shape, ctx.graph().type(b).shape);
      t.layout = ir::Layout::kNone;
      out = ctx.NewTensor(ctx.graph().tensor(y).name + "_" + std::to_string(i), t);
      name = ctx.graph().UniqueNodeName(ctx.name() + "_" + std::to_string(i));
    }
    ctx.AddNode(op, {acc, b}, {out}, name);
    acc = out;
  }
  return Status::Ok();
}

}  // namespace

Status ImportSub(OpContext& ctx) { return ImportBinary(ctx, ir::OpKind::kSub); }
Status ImportMul(OpContext& ctx) { return ImportBinary(ctx, ir::OpKind::kMul); }
Status ImportDiv(OpContext& ctx) { return ImportBinary(ctx, ir::OpKind::kDiv); }
Status ImportPow(OpContext& ctx) { return ImportBinary(ctx, ir::OpKind::kPow); }
Status ImportPRelu(OpContext& ctx) { return ImportBinary(ctx, ir::OpKind::kPRelu); }
Status ImportMax(OpContext& ctx) { return ImportVariadic(ctx, ir::OpKind::kMax); }
Status ImportMin(OpContext& ctx) { return ImportVariadic(ctx, ir::OpKind::kMin); }

}  // namespace kiln::onnx_frontend
