// Type rule of global_maxpool: spatial axes reduce to 1.
#include "compiler/ir/op_rules.h"

namespace kiln::ir {

StatusOr<TypeList> InferGlobalMaxPool(const Graph& g, const Node& node) {
  const auto& a = node.attr<LayoutAttrs>();
  TensorType y = g.type(node.inputs[0]);
  KILN_ASSIGN_OR_RETURN(ActivationAxes ax, AxesOf(a.layout, y.rank(), node));
  for (int i = 0; i < ax.num_spatial; ++i) y.shape[ax.first_spatial + i] = 1;
  return TypeList{y};
}

}  // namespace kiln::ir
