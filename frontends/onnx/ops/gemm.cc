// Imports ONNX Gemm: Y = alpha * A' * B' + beta * C, attributes kept as-is (the
// canonicalization pass turns the common case into fully_connected).
#include "frontends/onnx/op_registry.h"

namespace kiln::onnx_frontend {

Status ImportGemm(OpContext& ctx) {
  KILN_ASSIGN_OR_RETURN(float alpha, ctx.AttrFloat("alpha", 1.0f));
  KILN_ASSIGN_OR_RETURN(float beta, ctx.AttrFloat("beta", 1.0f));
  KILN_ASSIGN_OR_RETURN(int64_t trans_a, ctx.AttrInt("transA", 0));
  KILN_ASSIGN_OR_RETURN(int64_t trans_b, ctx.AttrInt("transB", 0));
  // libonnx 1.12 checks neither operand ranks nor C's shape.
  KILN_ASSIGN_OR_RETURN(ir::TensorType at, ctx.InputType(0));
  KILN_ASSIGN_OR_RETURN(ir::TensorType bt, ctx.InputType(1));
  if (at.rank() != 2 || bt.rank() != 2)
    return ctx.Error("A [{}] and B [{}] must be 2-D", fmt::join(at.shape, ","),
                     fmt::join(bt.shape, ","));
  const int64_t ka = at.shape[trans_a ? 0 : 1], kb = bt.shape[trans_b ? 1 : 0];
  if (ka != kb)
    return ctx.Error(
        "inner dimensions differ: A [{}]{} and B [{}]{} ({} vs {})",
        fmt::join(at.shape, ","), trans_a ? " transposed" : "",
        fmt::join(bt.shape, ","), trans_b ? " transposed" : "", ka, kb);
  if (ctx.HasInput(2)) {
    KILN_ASSIGN_OR_RETURN(ir::TensorType ct, ctx.InputType(2));
    const ir::Shape mn = {at.shape[trans_a ? 1 : 0], bt.shape[trans_b ? 0 : 1]};
    bool fits = ct.rank() <= 2;
    for (int64_t i = 0; fits && i < ct.rank(); ++i) {
      int64_t d = ct.shape[ct.rank() - 1 - i];
      fits = d == 1 || d == mn[1 - i];
    }
    if (!fits)
      return ctx.Error("C [{}] does not broadcast to the result [{}]",
                       fmt::join(ct.shape, ","), fmt::join(mn, ","));
  }
  KILN_ASSIGN_OR_RETURN(ir::TensorId a, ctx.Input(0));
  KILN_ASSIGN_OR_RETURN(ir::TensorId b, ctx.Input(1));
  KILN_ASSIGN_OR_RETURN(ir::TensorId c,
                        ctx.Input(2));  // optional from opset 11
  KILN_ASSIGN_OR_RETURN(ir::TensorId y, ctx.Output(0));
  std::vector<ir::TensorId> ins{a, b};
  if (c != ir::kNoTensor) ins.push_back(c);
  auto& attrs = ctx.AddNode(ir::OpKind::kGemm, ins, {y}).attr<ir::GemmAttrs>();
  attrs.alpha = alpha;
  attrs.beta = beta;
  attrs.trans_a = trans_a != 0;
  attrs.trans_b = trans_b != 0;
  return Status::Ok();
}

}  // namespace kiln::onnx_frontend
