// Type rule of gemm: Y = alpha·A'·B' + beta·C with optional transposes.
#include "compiler/ir/op_rules.h"

namespace kiln::ir {

StatusOr<TypeList> InferGemm(const Graph& g, const Node& node) {
  const auto& a = node.attr<GemmAttrs>();
  const TensorType& A = g.type(node.inputs[0]);
  const TensorType& B = g.type(node.inputs[1]);
  if (A.rank() != 2 || B.rank() != 2)
    return InvalidArgument("{}: A and B must be 2-D", NodeWhere(node));
  int64_t m = a.trans_a ? A.shape[1] : A.shape[0];
  int64_t k = a.trans_a ? A.shape[0] : A.shape[1];
  int64_t kb = a.trans_b ? B.shape[1] : B.shape[0];
  int64_t n = a.trans_b ? B.shape[0] : B.shape[1];
  if (k != kb)
    return InvalidArgument("{}: inner dimensions {} and {} differ",
                           NodeWhere(node), k, kb);
  TensorType y = A;
  y.shape = {m, n};
  y.layout = Layout::kNone;
  if (node.input(2) != kNoTensor) {
    KILN_ASSIGN_OR_RETURN(Shape s,
                          BroadcastShapes(g.type(node.inputs[2]).shape, y.shape, node));
    if (s != y.shape)
      return InvalidArgument("{}: C does not broadcast to [{}, {}]",
                             NodeWhere(node), m, n);
  }
  return TypeList{y};
}

}  // namespace kiln::ir
