// int8 maxpool/avgpool (same scale in and out: no requantization) and
// global_avgpool (one requantization by Q31(in_s / (out_s * H*W))).
#include "compiler/codegen/lower/int8.h"
#include "compiler/ir/op_rules.h"

namespace kiln::codegen {

StatusOr<KernelCall> LowerPoolS8(const ir::Graph& g, const ir::Node& node, bool is_max) {
  const auto& a = node.attr<ir::PoolAttrs>();
  if (a.layout != "nhwc")
    return Internal("{}: pool in layout '{}' reached codegen; the layout-nhwc "
                    "pass must run first",
                    ir::NodeWhere(node), a.layout);
  const ir::Shape& x = g.type(node.inputs[0]).shape;
  const ir::Shape& y = g.type(node.outputs[0]).shape;
  if (x.size() != 4 && x.size() != 3)
    return Unimplemented("{}: only 1-D and 2-D pooling", ir::NodeWhere(node));
  KILN_ASSIGN_OR_RETURN(QParams xq, PerTensor(g, node, node.inputs[0]));
  KILN_ASSIGN_OR_RETURN(QParams yq, PerTensor(g, node, node.outputs[0]));
  if (xq.scale != yq.scale || xq.zero_point != yq.zero_point)
    return Internal("{}: int8 pooling needs equal input and output quantization",
                    ir::NodeWhere(node));
  bool d2 = x.size() == 4;
  auto sp = [&](const std::vector<int64_t>& v, int i) {
    return d2 ? v[i] : (i == 0 ? 1 : v[0]);
  };
  KernelCall call;
  std::string base = is_max ? "maxpool2d" : "avgpool2d";
  call.kernel = "kiln_" + base + "_s8_ref";
  call.params_type = "kiln_" + base + "_s8_params_t";
  call.header = "kiln/ref/" + base + "_s8.h";
  call.params = {IntField("batch", x[0]),
                 IntField("in_h", d2 ? x[1] : 1),
                 IntField("in_w", d2 ? x[2] : x[1]),
                 IntField("channels", x.back()),
                 IntField("out_h", d2 ? y[1] : 1),
                 IntField("out_w", d2 ? y[2] : y[1]),
                 IntField("kernel_h", sp(a.kernel_shape, 0)),
                 IntField("kernel_w", sp(a.kernel_shape, 1)),
                 IntField("stride_h", sp(a.strides, 0)),
                 IntField("stride_w", sp(a.strides, 1)),
                 IntField("dilation_h", sp(a.dilations, 0)),
                 IntField("dilation_w", sp(a.dilations, 1)),
                 IntField("pad_top", d2 ? a.pads[0] : 0),
                 IntField("pad_left", d2 ? a.pads[1] : a.pads[0]),
                 IntField("pad_bottom", d2 ? a.pads[2] : 0),
                 IntField("pad_right", d2 ? a.pads[3] : a.pads[1])};
  if (!is_max) {
    call.params.push_back(IntField("count_include_pad", a.count_include_pad));
    call.params.push_back(IntField("zero_point", xq.zero_point));
  }
  call.params.push_back(IntField("act_min", -128));
  call.params.push_back(IntField("act_max", 127));
  call.args = {In(node.inputs[0]), Out(node.outputs[0])};
  return call;
}

StatusOr<KernelCall> LowerGlobalAveragePoolS8(const ir::Graph& g,
                                              const ir::Node& node) {
  const auto& a = node.attr<ir::LayoutAttrs>();
  const ir::Shape& x = g.type(node.inputs[0]).shape;
  int64_t c = a.layout == "nhwc" ? x.back() : x[1];
  int64_t spatial = ir::NumElements(x) / (x[0] * c);
  if (a.layout != "nhwc" && spatial != 1 && c != 1)
    return Internal("{}: global pool in layout '{}' reached codegen",
                    ir::NodeWhere(node), a.layout);
  KILN_ASSIGN_OR_RETURN(QParams xq, PerTensor(g, node, node.inputs[0]));
  KILN_ASSIGN_OR_RETURN(QParams yq, PerTensor(g, node, node.outputs[0]));
  KILN_ASSIGN_OR_RETURN(Multiplier m,
                        QuantizeMultiplier(node, xq.scale / (yq.scale * spatial)));
  KernelCall call;
  call.kernel = "kiln_global_avgpool_s8_ref";
  call.params_type = "kiln_global_avgpool_s8_params_t";
  call.header = "kiln/ref/global_avgpool_s8.h";
  call.params = {IntField("batch", x[0]),
                 IntField("spatial", spatial),
                 IntField("channels", c),
                 IntField("input_zero_point", xq.zero_point),
                 IntField("output_zero_point", yq.zero_point),
                 IntField("multiplier", m.mult),
                 IntField("shift", m.shift),
                 IntField("act_min", -128),
                 IntField("act_max", 127)};
  call.args = {In(node.inputs[0]), Out(node.outputs[0])};
  return call;
}

}  // namespace kiln::codegen
