// Lowers conv_transpose (NHWC, IHWO weights) to kiln_conv_transpose2d; 1-D is
// the H = 1 case.
#include "compiler/codegen/kernel_call.h"
#include "compiler/ir/op_rules.h"

namespace kiln::codegen {

StatusOr<KernelCall> LowerConvTranspose(const ir::Graph& g,
                                        const ir::Node& node,
                                        const LowerOptions& opts) {
  KILN_RETURN_IF_ERROR(RequireF32(g, node));
  const auto& a = node.attr<ir::ConvAttrs>();
  if (!g.IsConst(node.inputs[1]))
    return Unimplemented(
        "{}: weights computed at run time are not supported; kiln needs "
        "constant (initializer) weights",
        ir::NodeWhere(node));
  if (a.layout != "nhwc")
    return Internal(
        "{}: conv_transpose in layout '{}' reached codegen; the layout-nhwc "
        "pass must run first",
        ir::NodeWhere(node), a.layout);
  const ir::Shape& x = g.type(node.inputs[0]).shape;
  const ir::Shape& y = g.type(node.outputs[0]).shape;
  if (x.size() != 3 && x.size() != 4)
    return Unimplemented("{}: only 1-D and 2-D transposed convolutions",
                         ir::NodeWhere(node));
  const bool d2 = x.size() == 4;
  auto sp = [&](const std::vector<int64_t>& v, int i) {
    return d2 ? v[i] : (i == 0 ? 1 : v[0]);
  };
  const int64_t kh = sp(a.kernel_shape, 0), kw = sp(a.kernel_shape, 1);
  const int64_t cin = x.back(), cout = y.back();
  KernelCall call;
  call.kernel = KernelName("conv_transpose2d", opts);
  call.params_type = "kiln_conv_transpose2d_params_t";
  call.header = "kiln/ref/conv_transpose2d.h";
  call.params = {IntField("batch", x[0]),
                 IntField("in_h", d2 ? x[1] : 1),
                 IntField("in_w", d2 ? x[2] : x[1]),
                 IntField("in_c", cin),
                 IntField("out_h", d2 ? y[1] : 1),
                 IntField("out_w", d2 ? y[2] : y[1]),
                 IntField("out_c", cout),
                 IntField("kernel_h", kh),
                 IntField("kernel_w", kw),
                 IntField("stride_h", sp(a.strides, 0)),
                 IntField("stride_w", sp(a.strides, 1)),
                 IntField("dilation_h", sp(a.dilations, 0)),
                 IntField("dilation_w", sp(a.dilations, 1)),
                 IntField("pad_top", d2 ? a.pads[0] : 0),
                 IntField("pad_left", d2 ? a.pads[1] : a.pads[0]),
                 IntField("groups", a.group),
                 FloatField("act_min", a.act_min),
                 FloatField("act_max", a.act_max)};
  call.args = {In(node.inputs[0]), In(node.inputs[1]), OptIn(node.input(2)),
               Out(node.outputs[0])};
  // Every input pixel meets every tap once.
  call.macs = ir::NumElements(x) * kh * kw * (cout / a.group);
  return call;
}

}  // namespace kiln::codegen
