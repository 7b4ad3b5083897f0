// Type rule of conv_transpose: ONNX ConvTranspose with output_padding and
// output_shape already folded into the (possibly negative) pads, so per
// spatial axis out = stride * (in - 1) + dilation * (kernel - 1) + 1 - pads.
#include "compiler/ir/op_rules.h"

namespace kiln::ir {

StatusOr<TypeList> InferConvTranspose(const Graph& g, const Node& node) {
  const auto& a = node.attr<ConvAttrs>();
  const TensorType& x = g.type(node.inputs[0]);
  const TensorType& w = g.type(node.inputs[1]);
  KILN_ASSIGN_OR_RETURN(ActivationAxes ax, AxesOf(a.layout, x.rank(), node));
  int ns = ax.num_spatial;
  if (w.rank() != x.rank())
    return InvalidArgument("{}: weight rank {} != input rank {}",
                           NodeWhere(node), w.rank(), x.rank());
  // Weight axes: I, then (O/group, spatial...) for nchw, (spatial..., O/group)
  // for nhwc.
  int w_out = a.layout == "nchw" ? 1 : ns + 1;
  int w_sp = a.layout == "nchw" ? 2 : 1;
  int64_t cin = x.shape[ax.channel];
  int64_t cout = w.shape[w_out] * a.group;
  if (a.group < 1 || cin % a.group != 0 || w.shape[0] != cin)
    return InvalidArgument(
        "{}: input channels {}, weight input channels {} and group {} disagree",
        NodeWhere(node), cin, w.shape[0], a.group);
  if (static_cast<int>(a.kernel_shape.size()) != ns ||
      static_cast<int>(a.strides.size()) != ns ||
      static_cast<int>(a.dilations.size()) != ns ||
      static_cast<int>(a.pads.size()) != 2 * ns)
    return InvalidArgument(
        "{}: kernel_shape/strides/dilations need {} values and pads {}",
        NodeWhere(node), ns, 2 * ns);
  if (node.input(2) != kNoTensor && g.type(node.inputs[2]).shape != Shape{cout})
    return InvalidArgument("{}: bias must have shape [{}]", NodeWhere(node),
                           cout);
  TensorType y = x;
  y.shape[ax.channel] = cout;
  for (int i = 0; i < ns; ++i) {
    if (w.shape[w_sp + i] != a.kernel_shape[i])
      return InvalidArgument("{}: kernel_shape disagrees with the weights",
                             NodeWhere(node));
    if (a.strides[i] < 1 || a.dilations[i] < 1)
      return InvalidArgument("{}: strides and dilations must be positive",
                             NodeWhere(node));
    int64_t out = a.strides[i] * (x.shape[ax.first_spatial + i] - 1) +
                  a.dilations[i] * (a.kernel_shape[i] - 1) + 1 - a.pads[i] -
                  a.pads[ns + i];
    if (out < 1)
      return InvalidArgument("{}: output extent {} on spatial axis {}",
                             NodeWhere(node), out, i);
    y.shape[ax.first_spatial + i] = out;
  }
  y.quant = {};
  return TypeList{y};
}

}  // namespace kiln::ir
