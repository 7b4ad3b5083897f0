// Imports ONNX Transpose; without `perm` ONNX reverses the axes.
#include <numeric>

#include "frontends/onnx/op_registry.h"

namespace kiln::onnx_frontend {

Status ImportTranspose(OpContext& ctx) {
  KILN_ASSIGN_OR_RETURN(ir::TensorType x, ctx.InputType(0));
  std::vector<int64_t> reversed(static_cast<size_t>(x.rank()));
  std::iota(reversed.rbegin(), reversed.rend(), 0);
  KILN_ASSIGN_OR_RETURN(std::vector<int64_t> perm,
                        ctx.AttrInts("perm", reversed));
  std::vector<bool> seen(reversed.size(), false);
  bool valid = perm.size() == reversed.size();
  for (int64_t p : perm) {
    valid = valid && p >= 0 && p < x.rank() && !seen[p];
    if (valid) seen[p] = true;
  }
  if (!valid)
    return ctx.Error("perm [{}] is not a permutation of the {} axes",
                     fmt::join(perm, ","), x.rank());
  KILN_ASSIGN_OR_RETURN(ir::TensorId xi, ctx.Input(0));
  KILN_ASSIGN_OR_RETURN(ir::TensorId y, ctx.Output(0));
  ctx.AddNode(ir::OpKind::kTranspose, {xi}, {y})
      .attr<ir::TransposeAttrs>()
      .perm = perm;
  return Status::Ok();
}

}  // namespace kiln::onnx_frontend
