// Type rule of fully_connected: x [..., in] · Wᵀ with W [out, in] → [..., out].
#include "compiler/ir/op_rules.h"

namespace kiln::ir {

StatusOr<TypeList> InferFullyConnected(const Graph& g, const Node& node) {
  const TensorType& x = g.type(node.inputs[0]);
  const TensorType& w = g.type(node.inputs[1]);
  if (w.rank() != 2 || x.rank() < 1 || x.shape.back() != w.shape[1])
    return InvalidArgument("{}: input [{}] does not match weights [{}]",
                           NodeWhere(node), fmt::join(x.shape, ","),
                           fmt::join(w.shape, ","));
  if (node.input(2) != kNoTensor && g.type(node.inputs[2]).shape != Shape{w.shape[0]})
    return InvalidArgument("{}: bias must have shape [{}]", NodeWhere(node),
                           w.shape[0]);
  TensorType y = x;
  y.shape.back() = w.shape[0];
  y.layout = Layout::kNone;
  y.quant = {};
  return TypeList{y};
}

}  // namespace kiln::ir
