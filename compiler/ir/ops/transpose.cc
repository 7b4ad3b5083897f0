// Type rule of transpose: out.shape[i] = in.shape[perm[i]].
#include "compiler/ir/op_rules.h"

namespace kiln::ir {

StatusOr<TypeList> InferTranspose(const Graph& g, const Node& node) {
  const TensorType& x = g.type(node.inputs[0]);
  const auto& perm = node.attr<TransposeAttrs>().perm;
  if (static_cast<int64_t>(perm.size()) != x.rank())
    return InvalidArgument("{}: perm has {} entries for rank {}", NodeWhere(node),
                           perm.size(), x.rank());
  std::vector<bool> seen(perm.size(), false);
  TensorType y = x;
  for (size_t i = 0; i < perm.size(); ++i) {
    if (perm[i] < 0 || perm[i] >= x.rank() || seen[perm[i]])
      return InvalidArgument("{}: perm is not a permutation", NodeWhere(node));
    seen[perm[i]] = true;
    y.shape[i] = x.shape[perm[i]];
  }
  // The layout tag of the result is whatever the output declares (the layout
  // pass uses transposes to move between NCHW and NHWC).
  y.layout = g.type(node.outputs[0]).layout;
  return TypeList{y};
}

}  // namespace kiln::ir
