// Type rule of concat: equal shapes except along `axis`, which adds up.
#include "compiler/ir/op_rules.h"

namespace kiln::ir {

StatusOr<TypeList> InferConcat(const Graph& g, const Node& node) {
  int64_t axis = node.attr<AxisAttrs>().axis;
  TensorType y = g.type(node.inputs[0]);
  if (axis < 0 || axis >= y.rank())
    return InvalidArgument("{}: axis {} out of range", NodeWhere(node), axis);
  for (size_t i = 1; i < node.inputs.size(); ++i) {
    const TensorType& t = g.type(node.inputs[i]);
    if (t.rank() != y.rank() || t.dtype != y.dtype)
      return InvalidArgument("{}: input {} has a different rank or type",
                             NodeWhere(node), i);
    for (int64_t d = 0; d < y.rank(); ++d) {
      if (d == axis) continue;
      if (t.shape[d] != y.shape[d])
        return InvalidArgument("{}: input {} differs in dimension {}",
                               NodeWhere(node), i, d);
    }
    y.shape[axis] += t.shape[axis];
  }
  return TypeList{y};
}

}  // namespace kiln::ir
