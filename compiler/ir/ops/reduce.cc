// Type rule of reduce: the reduced axes become 1 (keepdims) or go.
#include <algorithm>

#include "compiler/ir/op_rules.h"

namespace kiln::ir {

StatusOr<TypeList> InferReduce(const Graph& g, const Node& node) {
  const TensorType& x = g.type(node.inputs[0]);
  const auto& a = node.attr<ReduceAttrs>();
  if (a.kind != "sum" && a.kind != "mean" && a.kind != "max" &&
      a.kind != "min" && a.kind != "prod")
    return InvalidArgument("{}: unknown kind '{}'", NodeWhere(node), a.kind);
  for (size_t i = 0; i < a.axes.size(); ++i)
    if (a.axes[i] < 0 || a.axes[i] >= x.rank() ||
        (i > 0 && a.axes[i] <= a.axes[i - 1]))
      return InvalidArgument("{}: axes must be sorted, distinct, in [0, {})",
                             NodeWhere(node), x.rank());
  TensorType y = x;
  y.shape.clear();
  for (int64_t d = 0; d < x.rank(); ++d) {
    bool reduced =
        std::find(a.axes.begin(), a.axes.end(), d) != a.axes.end();
    if (!reduced) {
      y.shape.push_back(x.shape[d]);
    } else if (a.keepdims) {
      y.shape.push_back(1);
    }
  }
  y.layout = g.type(node.outputs[0]).layout;
  return TypeList{y};
}

}  // namespace kiln::ir
