// int8 conv (kiln_conv2d_s8_ref, or kiln_depthwise_conv2d_s8_ref when every
// group has one input channel) and fully_connected (kiln_fully_connected_s8_ref):
// per-output-channel multipliers Q31(in_scale * w_scale[oc] / out_scale) computed
// here with the runtime's routine, the fused clamp in the output's grid.
#include <cstring>

#include "compiler/codegen/lower/int8.h"
#include "compiler/ir/op_rules.h"

namespace kiln::codegen {
namespace {

// The quantization fields every weighted int8 kernel ends with.
StatusOr<std::vector<ParamField>> WeightQuantFields(const ir::Graph& g,
                                                    const ir::Node& node,
                                                    int64_t channels, float act_min,
                                                    float act_max) {
  KILN_ASSIGN_OR_RETURN(QParams x, PerTensor(g, node, node.inputs[0]));
  KILN_ASSIGN_OR_RETURN(QParams y, PerTensor(g, node, node.outputs[0]));
  const ir::TensorType& w = g.type(node.inputs[1]);
  if (w.dtype != ir::DType::kS8 || w.quant.empty())
    return Unimplemented("{}: weights '{}' are {}; int8 kernels need s8 weights",
                         ir::NodeWhere(node), g.tensor(node.inputs[1]).name,
                         w.ToString());
  bool per_channel = w.quant.scale.size() > 1;
  if (per_channel && static_cast<int64_t>(w.quant.scale.size()) != channels)
    return Unimplemented("{}: {} weight scales for {} output channels",
                         ir::NodeWhere(node), w.quant.scale.size(), channels);
  bool symmetric = true;
  for (int32_t z : w.quant.zero_point) symmetric &= z == 0;
  if (node.input(2) != ir::kNoTensor && g.type(node.inputs[2]).dtype != ir::DType::kS32)
    return Unimplemented("{}: bias must be s32 for the int8 kernels", ir::NodeWhere(node));
  std::vector<int64_t> mults, shifts, zps;
  for (size_t c = 0; c < w.quant.scale.size(); ++c) {
    KILN_ASSIGN_OR_RETURN(Multiplier m,
                          QuantizeMultiplier(node, x.scale * double(w.quant.scale[c]) /
                                                       y.scale));
    mults.push_back(m.mult);
    shifts.push_back(m.shift);
    zps.push_back(w.quant.zero_point[std::min(c, w.quant.zero_point.size() - 1)]);
  }
  int64_t lo, hi;
  ClampS8(act_min, act_max, y, &lo, &hi);
  std::vector<ParamField> f = {IntField("input_zero_point", x.zero_point),
                               IntField("output_zero_point", y.zero_point),
                               IntField("act_min", lo),
                               IntField("act_max", hi),
                               IntField("per_channel", per_channel ? 1 : 0),
                               IntArrayPtrField("multipliers", mults),
                               IntArrayPtrField("shifts", shifts)};
  f.push_back(symmetric ? NullPtrField("weight_zero_points")
                        : IntArrayPtrField("weight_zero_points", zps));
  return f;
}

}  // namespace

StatusOr<KernelCall> LowerConvS8(const ir::Graph& g, const ir::Node& node) {
  const auto& a = node.attr<ir::ConvAttrs>();
  if (!g.IsConst(node.inputs[1]))
    return Unimplemented("{}: int8 convolution needs constant weights",
                         ir::NodeWhere(node));
  if (a.layout != "nhwc")
    return Internal("{}: conv in layout '{}' reached codegen; the layout-nhwc "
                    "pass must run first",
                    ir::NodeWhere(node), a.layout);
  const ir::Shape& x = g.type(node.inputs[0]).shape;
  const ir::Shape& y = g.type(node.outputs[0]).shape;
  const ir::Shape& w = g.type(node.inputs[1]).shape;
  if (x.size() != 3 && x.size() != 4)
    return Unimplemented("{}: only 1-D and 2-D convolutions are supported",
                         ir::NodeWhere(node));
  bool d2 = x.size() == 4;
  auto sp = [&](const std::vector<int64_t>& v, int i) {
    return d2 ? v[i] : (i == 0 ? 1 : v[0]);
  };
  int64_t cin = x.back(), cout = y.back();
  int64_t kh = sp(a.kernel_shape, 0), kw = sp(a.kernel_shape, 1);
  bool depthwise = a.group == cin && a.group > 1 && w.back() == 1;
  KILN_ASSIGN_OR_RETURN(std::vector<ParamField> qf,
                        WeightQuantFields(g, node, cout, a.act_min, a.act_max));
  KernelCall call;
  call.params = {IntField("batch", x[0]),           IntField("in_h", d2 ? x[1] : 1),
                 IntField("in_w", d2 ? x[2] : x[1]), IntField("in_c", cin),
                 IntField("out_h", d2 ? y[1] : 1),   IntField("out_w", d2 ? y[2] : y[1])};
  call.params.push_back(depthwise ? IntField("ch_mult", cout / cin)
                                  : IntField("out_c", cout));
  std::vector<ParamField> window = {
      IntField("kernel_h", kh),
      IntField("kernel_w", kw),
      IntField("stride_h", sp(a.strides, 0)),
      IntField("stride_w", sp(a.strides, 1)),
      IntField("dilation_h", sp(a.dilations, 0)),
      IntField("dilation_w", sp(a.dilations, 1)),
      IntField("pad_top", d2 ? a.pads[0] : 0),
      IntField("pad_left", d2 ? a.pads[1] : a.pads[0]),
      IntField("pad_bottom", d2 ? a.pads[2] : 0),
      IntField("pad_right", d2 ? a.pads[3] : a.pads[1])};
  call.params.insert(call.params.end(), window.begin(), window.end());
  if (!depthwise) call.params.push_back(IntField("groups", a.group));
  call.params.insert(call.params.end(), qf.begin(), qf.end());
  std::string base = depthwise ? "depthwise_conv2d" : "conv2d";
  call.kernel = "kiln_" + base + "_s8_ref";
  call.params_type = "kiln_" + base + "_s8_params_t";
  call.header = "kiln/ref/" + base + "_s8.h";
  if (depthwise) {
    // OHWI [cout][kh][kw][1] -> HWO [kh][kw][cout], the kernel's order.
    const ir::Tensor& wt = g.tensor(node.inputs[1]);
    PackedConstant pk{node.inputs[1], std::vector<uint8_t>(wt.data.size())};
    for (int64_t o = 0; o < cout; ++o)
      for (int64_t k = 0; k < kh * kw; ++k) pk.data[k * cout + o] = wt.data[o * kh * kw + k];
    call.packed.push_back(std::move(pk));
  }
  call.args = {In(node.inputs[0]), In(node.inputs[1]), OptIn(node.input(2)),
               Out(node.outputs[0])};
  call.macs = ir::NumElements(y) * kh * kw * (cin / a.group);
  return call;
}

StatusOr<KernelCall> LowerFullyConnectedS8(const ir::Graph& g, const ir::Node& node) {
  const auto& a = node.attr<ir::ActAttrs>();
  const ir::Shape& w = g.type(node.inputs[1]).shape;
  int64_t batch = g.type(node.inputs[0]).num_elements() / w[1];
  KILN_ASSIGN_OR_RETURN(std::vector<ParamField> qf,
                        WeightQuantFields(g, node, w[0], a.act_min, a.act_max));
  KernelCall call;
  call.kernel = "kiln_fully_connected_s8_ref";
  call.params_type = "kiln_fully_connected_s8_params_t";
  call.header = "kiln/ref/fully_connected_s8.h";
  call.params = {IntField("batch", batch), IntField("in_features", w[1]),
                 IntField("out_features", w[0])};
  call.params.insert(call.params.end(), qf.begin(), qf.end());
  call.args = {In(node.inputs[0]), In(node.inputs[1]), OptIn(node.input(2)),
               Out(node.outputs[0])};
  call.macs = batch * w[0] * w[1];
  return call;
}

}  // namespace kiln::codegen
