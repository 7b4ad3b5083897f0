// Type rule of batchnorm (inference form): scale, bias, mean, var per channel.
#include "compiler/ir/op_rules.h"

namespace kiln::ir {

StatusOr<TypeList> InferBatchNormalization(const Graph& g, const Node& node) {
  const TensorType& x = g.type(node.inputs[0]);
  const auto& a = node.attr<BatchNormAttrs>();
  int64_t c = x.rank() >= 2 ? x.shape[a.layout == "nhwc" ? x.rank() - 1 : 1] : 1;
  for (size_t i = 1; i < 5; ++i)
    if (g.type(node.inputs[i]).shape != Shape{c})
      return InvalidArgument("{}: parameter {} must have shape [{}]",
                             NodeWhere(node), i, c);
  return TypeList{x};
}

}  // namespace kiln::ir
