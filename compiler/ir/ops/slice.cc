// Type rule of slice: every index the output reads lies inside the input.
#include "compiler/ir/op_rules.h"

namespace kiln::ir {

StatusOr<TypeList> InferSlice(const Graph& g, const Node& node) {
  const TensorType& x = g.type(node.inputs[0]);
  TensorType y = g.type(node.outputs[0]);
  const auto& a = node.attr<SliceAttrs>();
  const size_t r = x.shape.size();
  if (a.starts.size() != r || a.steps.size() != r || y.shape.size() != r)
    return InvalidArgument("{}: starts, steps and the output need rank {}",
                           NodeWhere(node), r);
  for (size_t d = 0; d < r; ++d) {
    if (a.steps[d] == 0)
      return InvalidArgument("{}: step {} is 0", NodeWhere(node), d);
    if (y.shape[d] == 0) continue;
    int64_t last = a.starts[d] + (y.shape[d] - 1) * a.steps[d];
    if (a.starts[d] < 0 || a.starts[d] >= x.shape[d] || last < 0 ||
        last >= x.shape[d])
      return InvalidArgument(
          "{}: dimension {} reads indices {}..{} of an extent {}",
          NodeWhere(node), d, a.starts[d], last, x.shape[d]);
  }
  y.dtype = x.dtype;
  y.quant = x.quant;
  return TypeList{y};
}

}  // namespace kiln::ir
