// Type rules of avgpool and maxpool (ONNX semantics, incl. ceil_mode).
#include "compiler/ir/op_rules.h"

namespace kiln::ir {
namespace {

StatusOr<TypeList> InferPool(const Graph& g, const Node& node) {
  const auto& a = node.attr<PoolAttrs>();
  const TensorType& x = g.type(node.inputs[0]);
  KILN_ASSIGN_OR_RETURN(ActivationAxes ax, AxesOf(a.layout, x.rank(), node));
  int ns = ax.num_spatial;
  if (static_cast<int>(a.kernel_shape.size()) != ns ||
      static_cast<int>(a.strides.size()) != ns ||
      static_cast<int>(a.dilations.size()) != ns ||
      static_cast<int>(a.pads.size()) != 2 * ns)
    return InvalidArgument(
        "{}: kernel_shape/strides/dilations need {} values and pads {}",
        NodeWhere(node), ns, 2 * ns);
  TensorType y = x;
  for (int i = 0; i < ns; ++i)
    y.shape[ax.first_spatial + i] = WindowOutput(
        x.shape[ax.first_spatial + i], a.kernel_shape[i], a.strides[i],
        a.dilations[i], a.pads[i], a.pads[ns + i], a.ceil_mode != 0);
  return TypeList{y};
}

}  // namespace

StatusOr<TypeList> InferAveragePool(const Graph& g, const Node& node) {
  return InferPool(g, node);
}
StatusOr<TypeList> InferMaxPool(const Graph& g, const Node& node) {
  return InferPool(g, node);
}

}  // namespace kiln::ir
