// Type rule of reshape: the target shape is the output's own type; only the
// element count must match.
#include "compiler/ir/op_rules.h"

namespace kiln::ir {

StatusOr<TypeList> InferReshape(const Graph& g, const Node& node) {
  const TensorType& x = g.type(node.inputs[0]);
  TensorType y = g.type(node.outputs[0]);
  if (y.num_elements() != x.num_elements())
    return InvalidArgument("{}: cannot reshape [{}] to [{}]", NodeWhere(node),
                           fmt::join(x.shape, ","), fmt::join(y.shape, ","));
  y.dtype = x.dtype;
  y.quant = x.quant;
  return TypeList{y};
}

}  // namespace kiln::ir
