// Imports ONNX's elementwise math unaries: LeakyRelu, Sigmoid, Tanh,
// HardSigmoid, HardSwish, Exp, Log, Sqrt, Neg, Abs, Erf.
#include "frontends/onnx/op_registry.h"

namespace kiln::onnx_frontend {
namespace {

StatusOr<ir::Node*> ImportUnary(OpContext& ctx, ir::OpKind op) {
  KILN_ASSIGN_OR_RETURN(ir::TensorId x, ctx.Input(0));
  KILN_ASSIGN_OR_RETURN(ir::TensorId y, ctx.Output(0));
  return &ctx.AddNode(op, {x}, {y});
}

Status Plain(OpContext& ctx, ir::OpKind op) {
  return ImportUnary(ctx, op).status();
}

// alpha/beta attributes with ONNX's defaults.
Status WithAlphaBeta(OpContext& ctx, ir::OpKind op, float alpha, float beta) {
  KILN_ASSIGN_OR_RETURN(alpha, ctx.AttrFloat("alpha", alpha));
  KILN_ASSIGN_OR_RETURN(beta, ctx.AttrFloat("beta", beta));
  KILN_ASSIGN_OR_RETURN(ir::Node * n, ImportUnary(ctx, op));
  auto& a = n->attr<ir::AlphaBetaAttrs>();
  a.alpha = alpha;
  a.beta = beta;
  return Status::Ok();
}

}  // namespace

Status ImportLeakyRelu(OpContext& ctx) {
  return WithAlphaBeta(ctx, ir::OpKind::kLeakyRelu, 0.01f, 0.0f);
}
Status ImportHardSigmoid(OpContext& ctx) {
  return WithAlphaBeta(ctx, ir::OpKind::kHardSigmoid, 0.2f, 0.5f);
}
Status ImportSigmoid(OpContext& ctx) { return Plain(ctx, ir::OpKind::kSigmoid); }
Status ImportTanh(OpContext& ctx) { return Plain(ctx, ir::OpKind::kTanh); }
Status ImportHardSwish(OpContext& ctx) { return Plain(ctx, ir::OpKind::kHardSwish); }
Status ImportExp(OpContext& ctx) { return Plain(ctx, ir::OpKind::kExp); }
Status ImportLog(OpContext& ctx) { return Plain(ctx, ir::OpKind::kLog); }
Status ImportSqrt(OpContext& ctx) { return Plain(ctx, ir::OpKind::kSqrt); }
Status ImportNeg(OpContext& ctx) { return Plain(ctx, ir::OpKind::kNeg); }
Status ImportAbs(OpContext& ctx) { return Plain(ctx, ir::OpKind::kAbs); }
Status ImportErf(OpContext& ctx) { return Plain(ctx, ir::OpKind::kErf); }

}  // namespace kiln::onnx_frontend
