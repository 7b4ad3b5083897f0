// Lowers avgpool, maxpool, global_avgpool and global_maxpool (NHWC) to their
// kernels.
#include "compiler/codegen/kernel_call.h"
#include "compiler/codegen/lower/int8.h"
#include "compiler/codegen/lower/pool_geometry.h"
#include "compiler/ir/op_rules.h"

namespace kiln::codegen {

StatusOr<std::vector<ParamField>> PoolGeometryFields(const ir::Graph& g,
                                                     const ir::Node& node) {
  const auto& a = node.attr<ir::PoolAttrs>();
  if (a.layout != "nhwc")
    return Internal(
        "{}: pool in layout '{}' reached codegen; the layout-nhwc "
        "pass must run first",
        ir::NodeWhere(node), a.layout);
  const ir::Shape& x = g.type(node.inputs[0]).shape;
  const ir::Shape& y = g.type(node.outputs[0]).shape;
  if (x.size() != 4 && x.size() != 3)
    return Unimplemented("{}: only 1-D and 2-D pooling", ir::NodeWhere(node));
  bool d2 = x.size() == 4;
  auto sp = [&](const std::vector<int64_t>& v, int i) {
    return d2 ? v[i] : (i == 0 ? 1 : v[0]);
  };
  return std::vector<ParamField>{
      IntField("batch", x[0]),
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
}

namespace {

// Max pooling of a plain uint8 or int8 tensor (ONNX MaxPool's integer types):
// an integer max with no requantization, so the int8 kernel serves int8 data
// whether quantized or not; uint8 has its twin.
StatusOr<KernelCall> IntMaxPool(const ir::Graph& g, const ir::Node& node,
                                const LowerOptions& opts) {
  const bool u8 = g.type(node.inputs[0]).dtype == ir::DType::kU8;
  KILN_ASSIGN_OR_RETURN(std::vector<ParamField> geometry,
                        PoolGeometryFields(g, node));
  KernelCall call;
  std::string base = u8 ? "maxpool2d_u8" : "maxpool2d_s8";
  call.kernel = "kiln_" + base + "_" + opts.impl;
  call.params_type = "kiln_" + base + "_params_t";
  call.header = "kiln/ref/" + base + ".h";
  call.params = std::move(geometry);
  call.params.push_back(IntField("act_min", u8 ? 0 : -128));
  call.params.push_back(IntField("act_max", u8 ? 255 : 127));
  call.args = {In(node.inputs[0]), Out(node.outputs[0])};
  return call;
}

StatusOr<KernelCall> Pool(const ir::Graph& g, const ir::Node& node,
                          const LowerOptions& opts, bool is_max) {
  if (IsS8Node(g, node)) return LowerPoolS8(g, node, is_max);
  const ir::TensorType& x = g.type(node.inputs[0]);
  if (is_max && x.quant.empty() &&
      (x.dtype == ir::DType::kU8 || x.dtype == ir::DType::kS8))
    return IntMaxPool(g, node, opts);
  KILN_RETURN_IF_ERROR(RequireF32(g, node));
  const auto& a = node.attr<ir::PoolAttrs>();
  KILN_ASSIGN_OR_RETURN(std::vector<ParamField> geometry,
                        PoolGeometryFields(g, node));
  KernelCall call;
  std::string base = is_max ? "maxpool2d" : "avgpool2d";
  call.kernel = KernelName(base, opts);
  call.params_type = "kiln_" + base + "_params_t";
  call.header = "kiln/ref/" + base + ".h";
  call.params = std::move(geometry);
  if (!is_max)
    call.params.push_back(IntField("count_include_pad", a.count_include_pad));
  call.params.push_back(FloatField("act_min", -ir::kInf));
  call.params.push_back(FloatField("act_max", ir::kInf));
  call.args = {In(node.inputs[0]), Out(node.outputs[0])};
  return call;
}

}  // namespace

StatusOr<KernelCall> LowerAveragePool(const ir::Graph& g, const ir::Node& node,
                                      const LowerOptions& opts) {
  return Pool(g, node, opts, false);
}
StatusOr<KernelCall> LowerMaxPool(const ir::Graph& g, const ir::Node& node,
                                  const LowerOptions& opts) {
  return Pool(g, node, opts, true);
}

namespace {

StatusOr<KernelCall> GlobalPool(const ir::Graph& g, const ir::Node& node,
                                const LowerOptions& opts,
                                const std::string& base) {
  KILN_RETURN_IF_ERROR(RequireF32(g, node));
  const auto& a = node.attr<ir::LayoutAttrs>();
  const ir::Shape& x = g.type(node.inputs[0]).shape;
  int64_t c = a.layout == "nhwc" ? x.back() : x[1];
  int64_t spatial = ir::NumElements(x) / (x[0] * c);
  if (a.layout != "nhwc" && spatial != 1 && c != 1)
    return Internal("{}: global pool in layout '{}' reached codegen",
                    ir::NodeWhere(node), a.layout);
  KernelCall call;
  call.kernel = KernelName(base, opts);
  call.params_type = "kiln_" + base + "_params_t";
  call.header = "kiln/ref/" + base + ".h";
  call.params = {IntField("batch", x[0]), IntField("spatial", spatial),
                 IntField("channels", c), FloatField("act_min", -ir::kInf),
                 FloatField("act_max", ir::kInf)};
  call.args = {In(node.inputs[0]), Out(node.outputs[0])};
  return call;
}

}  // namespace

StatusOr<KernelCall> LowerGlobalAveragePool(const ir::Graph& g,
                                            const ir::Node& node,
                                            const LowerOptions& opts) {
  if (IsS8Node(g, node)) return LowerGlobalAveragePoolS8(g, node);
  return GlobalPool(g, node, opts, "global_avgpool");
}
StatusOr<KernelCall> LowerGlobalMaxPool(const ir::Graph& g,
                                        const ir::Node& node,
                                        const LowerOptions& opts) {
  return GlobalPool(g, node, opts, "global_maxpool");
}

}  // namespace kiln::codegen
