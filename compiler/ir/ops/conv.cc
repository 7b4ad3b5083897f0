// Type rule of conv: ONNX Conv semantics in NCHW/OIHW or NHWC/OHWI layout.
#include "compiler/ir/op_rules.h"

namespace kiln::ir {

StatusOr<TypeList> InferConv(const Graph& g, const Node& node) {
  const auto& a = node.attr<ConvAttrs>();
  const TensorType& x = g.type(node.inputs[0]);
  const TensorType& w = g.type(node.inputs[1]);
  KILN_ASSIGN_OR_RETURN(ActivationAxes ax, AxesOf(a.layout, x.rank(), node));
  int ns = ax.num_spatial;
  if (w.rank() != x.rank())
    return InvalidArgument("{}: weight rank {} != input rank {}", NodeWhere(node),
                           w.rank(), x.rank());
  // Weight axes: O, then (I, spatial...) for nchw, (spatial..., I) for nhwc.
  int w_in = a.layout == "nchw" ? 1 : ns + 1;
  int w_sp = a.layout == "nchw" ? 2 : 1;
  int64_t cin = x.shape[ax.channel], cout = w.shape[0];
  if (a.group < 1 || cin % a.group != 0 || cout % a.group != 0 ||
      w.shape[w_in] * a.group != cin)
    return InvalidArgument(
        "{}: input channels {}, weight input channels {} and group {} disagree",
        NodeWhere(node), cin, w.shape[w_in], a.group);
  if (static_cast<int>(a.kernel_shape.size()) != ns ||
      static_cast<int>(a.strides.size()) != ns ||
      static_cast<int>(a.dilations.size()) != ns ||
      static_cast<int>(a.pads.size()) != 2 * ns)
    return InvalidArgument(
        "{}: kernel_shape/strides/dilations need {} values and pads {}",
        NodeWhere(node), ns, 2 * ns);
  if (node.input(2) != kNoTensor &&
      g.type(node.inputs[2]).shape != Shape{cout})
    return InvalidArgument("{}: bias must have shape [{}]", NodeWhere(node),
                           cout);
  TensorType y = x;
  y.shape[ax.channel] = cout;
  for (int i = 0; i < ns; ++i) {
    if (w.shape[w_sp + i] != a.kernel_shape[i])
      return InvalidArgument("{}: kernel_shape disagrees with the weights",
                             NodeWhere(node));
    y.shape[ax.first_spatial + i] = WindowOutput(
        x.shape[ax.first_spatial + i], a.kernel_shape[i], a.strides[i],
        a.dilations[i], a.pads[i], a.pads[ns + i], false);
  }
  y.quant = {};
  return TypeList{y};
}

}  // namespace kiln::ir
