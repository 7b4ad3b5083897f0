// Type rule of matmul: numpy matmul with batch broadcasting.
#include "compiler/ir/op_rules.h"

namespace kiln::ir {

StatusOr<TypeList> InferMatMul(const Graph& g, const Node& node) {
  Shape a = g.type(node.inputs[0]).shape, b = g.type(node.inputs[1]).shape;
  if (a.empty() || b.empty())
    return InvalidArgument("{}: scalar operands", NodeWhere(node));
  bool a1 = a.size() == 1, b1 = b.size() == 1;
  if (a1) a.insert(a.begin(), 1);
  if (b1) b.push_back(1);
  if (a.back() != b[b.size() - 2])
    return InvalidArgument("{}: inner dimensions {} and {} differ",
                           NodeWhere(node), a.back(), b[b.size() - 2]);
  Shape ba(a.begin(), a.end() - 2), bb(b.begin(), b.end() - 2);
  KILN_ASSIGN_OR_RETURN(Shape out, BroadcastShapes(ba, bb, node));
  if (!a1) out.push_back(a[a.size() - 2]);
  if (!b1) out.push_back(b.back());
  TensorType y = g.type(node.inputs[0]);
  y.shape = out;
  y.layout = Layout::kNone;
  return TypeList{y};
}

}  // namespace kiln::ir
