// Imports ONNX Expand of a run-time float tensor as a broadcasting multiply by
// ones: x * 1 is x exactly in IEEE arithmetic (NaN, +-0 and +-inf included),
// and the ones tensor only spans the dimensions that actually grow, so no
// kernel is needed. Expand of constants is folded at import (const_fold.cc).
#include <algorithm>

#include "frontends/onnx/op_registry.h"

namespace kiln::onnx_frontend {

Status ImportExpand(OpContext& ctx) {
  KILN_ASSIGN_OR_RETURN(ir::TensorType xt, ctx.InputType(0));
  KILN_ASSIGN_OR_RETURN(std::vector<int64_t> dims, ctx.ConstInts(1));
  if (xt.dtype != ir::DType::kF32)
    return ctx.Unsupported(
        "Expand of a run-time {} tensor: only float32 kernels exist on this "
        "target (kiln expands constants at compile time)",
        ir::DTypeName(xt.dtype));
  KILN_ASSIGN_OR_RETURN(ir::TensorId x, ctx.Input(0));
  KILN_ASSIGN_OR_RETURN(ir::TensorId y, ctx.Output(0));
  const ir::Shape& ys = ctx.graph().type(y).shape;
  if (ys == xt.shape) {
    ctx.AddNode(ir::OpKind::kIdentity, {x}, {y});
    return Status::Ok();
  }
  // ones[k] = y[k] where x (right-aligned) is 1 there and y is not, else 1.
  ir::Shape xs(ys.size() - std::min(ys.size(), xt.shape.size()), 1);
  xs.insert(xs.end(), xt.shape.begin(), xt.shape.end());
  if (xs.size() != ys.size())
    return ctx.Error("output rank {} is below the input rank {}", ys.size(),
                     xt.shape.size());
  ir::TensorType ones;
  ones.dtype = ir::DType::kF32;
  for (size_t k = 0; k < ys.size(); ++k)
    ones.shape.push_back(xs[k] == ys[k] ? 1 : ys[k]);
  std::vector<uint8_t> bytes;
  const float one = 1.0f;
  const auto* b = reinterpret_cast<const uint8_t*>(&one);
  for (int64_t k = 0; k < ones.num_elements(); ++k)
    bytes.insert(bytes.end(), b, b + sizeof(one));
  ir::TensorId c = ctx.NewConstant(ctx.graph().tensor(y).name + "_ones", ones,
                                   std::move(bytes));
  ctx.AddNode(ir::OpKind::kMul, {x, c}, {y});
  return Status::Ok();
}

}  // namespace kiln::onnx_frontend
