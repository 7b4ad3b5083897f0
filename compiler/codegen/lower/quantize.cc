// Lowers quantize (f32 → s8, ONNX QuantizeLinear) and dequantize (s8 → f32) to the
// runtime's per-tensor conversion kernels; the s8 side's type carries scale and
// zero point.
#include "compiler/codegen/kernel_call.h"
#include "compiler/ir/op_rules.h"

namespace kiln::codegen {
namespace {

StatusOr<KernelCall> Convert(const ir::Graph& g, const ir::Node& node,
                             const std::string& base, ir::TensorId quantized) {
  const ir::TensorType& q = g.type(quantized);
  if (q.quant.scale.size() != 1)
    return Unimplemented("{}: only per-tensor quantization parameters are supported",
                         ir::NodeWhere(node));
  KernelCall call;
  call.kernel = "kiln_" + base + "_s8_ref";
  call.params_type = "kiln_" + base + "_s8_params_t";
  call.header = "kiln/ref/" + base + "_s8.h";
  call.params = {IntField("count", q.num_elements()),
                 FloatField("scale", q.quant.scale[0]),
                 IntField("zero_point", q.quant.zero_point[0])};
  call.args = {In(node.inputs[0]), Out(node.outputs[0])};
  return call;
}

}  // namespace

StatusOr<KernelCall> LowerQuantizeLinear(const ir::Graph& g, const ir::Node& node,
                                         const LowerOptions&) {
  return Convert(g, node, "quantize", node.outputs[0]);
}

StatusOr<KernelCall> LowerDequantizeLinear(const ir::Graph& g, const ir::Node& node,
                                           const LowerOptions&) {
  return Convert(g, node, "dequantize", node.inputs[0]);
}

}  // namespace kiln::codegen
