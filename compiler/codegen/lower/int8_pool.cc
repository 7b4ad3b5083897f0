// int8 maxpool/avgpool (same scale in and out: no requantization) and
// global_avgpool (one requantization by Q31(in_s / (out_s * H*W))).
#include "compiler/codegen/lower/int8.h"
#include "compiler/codegen/lower/pool_geometry.h"
#include "compiler/ir/op_rules.h"

namespace kiln::codegen {

StatusOr<KernelCall> LowerPoolS8(const ir::Graph& g, const ir::Node& node,
                                 bool is_max) {
  const auto& a = node.attr<ir::PoolAttrs>();
  KILN_ASSIGN_OR_RETURN(std::vector<ParamField> geometry,
                        PoolGeometryFields(g, node));
  KILN_ASSIGN_OR_RETURN(QParams xq, PerTensor(g, node, node.inputs[0]));
  KILN_ASSIGN_OR_RETURN(QParams yq, PerTensor(g, node, node.outputs[0]));
  if (xq.scale != yq.scale || xq.zero_point != yq.zero_point)
    return Internal(
        "{}: int8 pooling needs equal input and output quantization",
        ir::NodeWhere(node));
  KernelCall call;
  std::string base = is_max ? "maxpool2d" : "avgpool2d";
  call.kernel = "kiln_" + base + "_s8_ref";
  call.params_type = "kiln_" + base + "_s8_params_t";
  call.header = "kiln/ref/" + base + "_s8.h";
  call.params = std::move(geometry);
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
  KILN_ASSIGN_OR_RETURN(
      Multiplier m, QuantizeMultiplier(node, xq.scale / (yq.scale * spatial)));
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
