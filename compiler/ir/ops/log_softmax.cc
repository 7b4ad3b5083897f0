// Type rule of log_softmax (opset-13 semantics: one axis).
#include "compiler/ir/op_rules.h"

namespace kiln::ir {

StatusOr<TypeList> InferLogSoftmax(const Graph& g, const Node& node) {
  const TensorType& x = g.type(node.inputs[0]);
  int64_t axis = node.attr<AxisAttrs>().axis;
  if (axis < 0 || axis >= x.rank())
    return InvalidArgument("{}: axis {} out of range for rank {}",
                           NodeWhere(node), axis, x.rank());
  return TypeList{x};
}

}  // namespace kiln::ir
