// Lowers conv (NHWC) to kiln_conv2d_gemm (im2col into kernel scratch and a blocked
// matrix product; weights re-packed OHWI → [group][K][cout_g], K-major), or to
// kiln_depthwise_conv2d when every group has one input channel (weights
// re-packed OHWI → HWO, the depthwise kernel's order).
#include <cstring>

#include "compiler/codegen/kernel_call.h"
#include "compiler/codegen/lower/int8.h"
#include "compiler/ir/op_rules.h"

namespace kiln::codegen {

StatusOr<KernelCall> LowerConv(const ir::Graph& g, const ir::Node& node,
                               const LowerOptions& opts) {
  if (IsS8Node(g, node)) return LowerConvS8(g, node);
  KILN_RETURN_IF_ERROR(RequireF32(g, node));
  const auto& a = node.attr<ir::ConvAttrs>();
  if (!g.IsConst(node.inputs[1]))
    return Unimplemented(
        "{}: weights computed at run time are not supported; kiln needs constant "
        "(initializer) convolution weights",
        ir::NodeWhere(node));
  if (a.layout != "nhwc")
    return Internal("{}: conv in layout '{}' reached codegen; the layout-nhwc "
                    "pass must run first",
                    ir::NodeWhere(node), a.layout);
  const ir::Shape& x = g.type(node.inputs[0]).shape;
  const ir::Shape& y = g.type(node.outputs[0]).shape;
  const ir::Shape& w = g.type(node.inputs[1]).shape;
  bool is_2d = x.size() == 4;
  if (x.size() != 3 && x.size() != 4)
    return Unimplemented("{}: only 1-D and 2-D convolutions are supported",
                         ir::NodeWhere(node));
  // 1-D is the H = 1 case of the 2-D kernel.
  auto sp = [&](const std::vector<int64_t>& v, int i, int64_t one) {
    return is_2d ? v[i] : (i == 0 ? one : v[0]);
  };
  int ns = is_2d ? 2 : 1;
  int64_t in_h = is_2d ? x[1] : 1, in_w = is_2d ? x[2] : x[1];
  int64_t out_h = is_2d ? y[1] : 1, out_w = is_2d ? y[2] : y[1];
  int64_t cin = x.back(), cout = y.back();
  int64_t kh = sp(a.kernel_shape, 0, 1), kw = sp(a.kernel_shape, 1, 1);
  int64_t pt = is_2d ? a.pads[0] : 0, pl = is_2d ? a.pads[1] : a.pads[0];
  int64_t pb = is_2d ? a.pads[2] : 0, pr = is_2d ? a.pads[3] : a.pads[1];
  (void)ns;

  KernelCall call;
  bool depthwise = a.group == cin && a.group > 1 && w.back() == 1;
  std::vector<ParamField> geom_in = {
      IntField("batch", x[0]), IntField("in_h", in_h), IntField("in_w", in_w),
      IntField("in_c", cin),   IntField("out_h", out_h), IntField("out_w", out_w)};
  std::vector<ParamField> window = {
      IntField("kernel_h", kh),
      IntField("kernel_w", kw),
      IntField("stride_h", sp(a.strides, 0, 1)),
      IntField("stride_w", sp(a.strides, 1, 1)),
      IntField("dilation_h", sp(a.dilations, 0, 1)),
      IntField("dilation_w", sp(a.dilations, 1, 1)),
      IntField("pad_top", pt),
      IntField("pad_left", pl),
      IntField("pad_bottom", pb),
      IntField("pad_right", pr)};
  call.params = geom_in;
  if (depthwise) {
    call.kernel = KernelName("depthwise_conv2d", opts);
    call.params_type = "kiln_depthwise_conv2d_params_t";
    call.header = "kiln/ref/depthwise_conv2d.h";
    call.params.push_back(IntField("ch_mult", cout / cin));
    // OHWI [cout][kh][kw][1] → HWO [kh][kw][cout].
    const ir::Tensor& wt = g.tensor(node.inputs[1]);
    if (!wt.is_const)
      return Unimplemented("{}: depthwise weights must be constant",
                           ir::NodeWhere(node));
    PackedConstant pk{node.inputs[1], std::vector<uint8_t>(wt.data.size())};
    const float* src = wt.data_as<float>();
    float* dst = reinterpret_cast<float*>(pk.data.data());
    for (int64_t o = 0; o < cout; ++o)
      for (int64_t k = 0; k < kh * kw; ++k) dst[k * cout + o] = src[o * kh * kw + k];
    call.packed.push_back(std::move(pk));
  } else {
    call.kernel = KernelName("conv2d_gemm", opts);
    call.params_type = "kiln_conv2d_params_t";
    call.header = "kiln/ref/conv2d_gemm.h";
    call.params.push_back(IntField("out_c", cout));
    // OHWI [group][cout_g][K] → [group][K][cout_g]: each output channel's
    // weights become a column, so a block of channels reads one row per tap.
    const ir::Tensor& wt = g.tensor(node.inputs[1]);
    const int64_t cout_g = cout / a.group, k_len = kh * kw * (cin / a.group);
    PackedConstant pk{node.inputs[1], std::vector<uint8_t>(wt.data.size())};
    const float* src = wt.data_as<float>();
    float* dst = reinterpret_cast<float*>(pk.data.data());
    for (int64_t gr = 0; gr < a.group; ++gr)
      for (int64_t o = 0; o < cout_g; ++o)
        for (int64_t k = 0; k < k_len; ++k)
          dst[(gr * k_len + k) * cout_g + o] = src[(gr * cout_g + o) * k_len + k];
    call.packed.push_back(std::move(pk));
  }
  call.params.insert(call.params.end(), window.begin(), window.end());
  if (!depthwise) call.params.push_back(IntField("groups", a.group));
  call.params.push_back(FloatField("act_min", a.act_min));
  call.params.push_back(FloatField("act_max", a.act_max));
  call.args = {In(node.inputs[0]), In(node.inputs[1]), OptIn(node.input(2))};
  if (!depthwise) call.args.push_back(Scratch(ir::DType::kF32));
  call.args.push_back(Out(node.outputs[0]));
  call.macs = ir::NumElements(y) * kh * kw * (cin / a.group);
  return call;
}

}  // namespace kiln::codegen
