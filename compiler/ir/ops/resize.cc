// Type rule of resize: batch and channels are kept, the spatial extents are
// the output's own type (ONNX computes them from scales or sizes, which kiln
// keeps only as the coordinate mapping's scales).
#include <algorithm>
#include <iterator>

#include "compiler/ir/op_rules.h"

namespace kiln::ir {

StatusOr<TypeList> InferResize(const Graph& g, const Node& node) {
  const auto& a = node.attr<ResizeAttrs>();
  const TensorType& x = g.type(node.inputs[0]);
  KILN_ASSIGN_OR_RETURN(ActivationAxes ax, AxesOf(a.layout, x.rank(), node));
  if (ax.num_spatial > 2)
    return InvalidArgument("{}: resizes 1 or 2 spatial axes, not {}",
                           NodeWhere(node), ax.num_spatial);
  if (a.mode != "nearest" && a.mode != "linear" && a.mode != "cubic")
    return InvalidArgument("{}: unknown mode '{}'", NodeWhere(node), a.mode);
  static const char* kCoord[] = {"half_pixel",           "asymmetric",
                                 "align_corners",        "pytorch_half_pixel",
                                 "tf_half_pixel_for_nn", "tf_crop_and_resize"};
  static const char* kNearest[] = {"round_prefer_floor", "round_prefer_ceil",
                                   "floor", "ceil", "simple"};
  if (std::find(std::begin(kCoord), std::end(kCoord), a.coord_mode) ==
      std::end(kCoord))
    return InvalidArgument("{}: unknown coord_mode '{}'", NodeWhere(node),
                           a.coord_mode);
  if (std::find(std::begin(kNearest), std::end(kNearest), a.nearest_mode) ==
      std::end(kNearest))
    return InvalidArgument("{}: unknown nearest_mode '{}'", NodeWhere(node),
                           a.nearest_mode);
  if (!(a.scale_h > 0.0f) || !(a.scale_w > 0.0f))
    return InvalidArgument("{}: scales must be positive", NodeWhere(node));
  const TensorType& out = g.type(node.outputs[0]);
  TensorType y = x;
  if (out.rank() != x.rank())
    return InvalidArgument("{}: output rank {} != input rank {}",
                           NodeWhere(node), out.rank(), x.rank());
  for (int i = 0; i < ax.num_spatial; ++i) {
    int d = ax.first_spatial + i;
    if (out.shape[d] < 1)
      return InvalidArgument("{}: output extent {} on axis {}", NodeWhere(node),
                             out.shape[d], d);
    y.shape[d] = out.shape[d];
  }
  return TypeList{y};
}

}  // namespace kiln::ir
