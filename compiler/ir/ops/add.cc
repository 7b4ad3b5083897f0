// Type rule of add: numpy broadcasting.
#include "compiler/ir/op_rules.h"

namespace kiln::ir {

StatusOr<TypeList> InferAdd(const Graph& g, const Node& node) {
  const TensorType& a = g.type(node.inputs[0]);
  const TensorType& b = g.type(node.inputs[1]);
  if (a.dtype != b.dtype)
    return InvalidArgument("{}: operand types {} and {} differ", NodeWhere(node),
                           DTypeName(a.dtype), DTypeName(b.dtype));
  KILN_ASSIGN_OR_RETURN(Shape s, BroadcastShapes(a.shape, b.shape, node));
  TensorType y = a.shape == s ? a : b;
  y.shape = s;
  return TypeList{y};
}

}  // namespace kiln::ir
