// Imports ONNX Gemm: Y = alpha * A' * B' + beta * C, attributes kept as-is (the
// canonicalization pass turns the common case into fully_connected).
#include "frontends/onnx/op_registry.h"

namespace kiln::onnx_frontend {

Status ImportGemm(OpContext& ctx) {
  KILN_ASSIGN_OR_RETURN(float alpha, ctx.AttrFloat("alpha", 1.0f));
  KILN_ASSIGN_OR_RETURN(float beta, ctx.AttrFloat("beta", 1.0f));
  KILN_ASSIGN_OR_RETURN(int64_t trans_a, ctx.AttrInt("transA", 0));
  KILN_ASSIGN_OR_RETURN(int64_t trans_b, ctx.AttrInt("transB", 0));
  KILN_ASSIGN_OR_RETURN(ir::TensorId a, ctx.Input(0));
  KILN_ASSIGN_OR_RETURN(ir::TensorId b, ctx.Input(1));
  KILN_ASSIGN_OR_RETURN(ir::TensorId c, ctx.Input(2));  // optional from opset 11
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
