// Type rule of pad: out[d] = in[d] + begin[d] + end[d].
#include "compiler/ir/op_rules.h"

namespace kiln::ir {

StatusOr<TypeList> InferPad(const Graph& g, const Node& node) {
  TensorType y = g.type(node.inputs[0]);
  const auto& a = node.attr<PadAttrs>();
  const size_t r = y.shape.size();
  if (a.pads.size() != 2 * r)
    return InvalidArgument("{}: pads has {} entries for rank {}",
                           NodeWhere(node), a.pads.size(), r);
  if (a.mode != "constant" && a.mode != "reflect" && a.mode != "edge")
    return InvalidArgument("{}: unknown mode '{}'", NodeWhere(node), a.mode);
  for (size_t d = 0; d < r; ++d) {
    int64_t in = y.shape[d];
    y.shape[d] += a.pads[d] + a.pads[r + d];
    if (y.shape[d] < 0)
      return InvalidArgument("{}: dimension {} crops below 0", NodeWhere(node),
                             d);
    bool pads = a.pads[d] > 0 || a.pads[r + d] > 0;
    if (pads && a.mode == "reflect" && in < 2)
      return InvalidArgument("{}: reflect needs an extent of 2 or more",
                             NodeWhere(node));
    if (pads && a.mode == "edge" && in < 1)
      return InvalidArgument("{}: edge needs a non-empty extent",
                             NodeWhere(node));
  }
  y.layout = g.type(node.outputs[0]).layout;
  return TypeList{y};
}

}  // namespace kiln::ir
