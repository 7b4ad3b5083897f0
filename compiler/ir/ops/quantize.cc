// Type rules of quantize (f32 -> s8) and dequantize (s8 -> f32): same shape and
// layout, the int8 side quantized per tensor (its type holds scale and zero
// point, which the rule checks but cannot infer).
#include "compiler/ir/op_rules.h"

namespace kiln::ir {
namespace {

Status CheckPerTensorS8(const TensorType& t, const Node& node,
                        const char* which) {
  if (t.dtype != DType::kS8)
    return InvalidArgument("{}: {} must be s8, is {}", NodeWhere(node), which,
                           t.ToString());
  if (t.quant.scale.size() != 1 || t.quant.zero_point.size() != 1 ||
      t.quant.axis != -1)
    return InvalidArgument(
        "{}: {} needs per-tensor quantization parameters {{q scale:zp}}",
        NodeWhere(node), which);
  if (!(t.quant.scale[0] > 0.0f))
    return InvalidArgument("{}: {} scale must be positive", NodeWhere(node),
                           which);
  return Status::Ok();
}

}  // namespace

StatusOr<TypeList> InferQuantizeLinear(const Graph& g, const Node& node) {
  const TensorType& x = g.type(node.inputs[0]);
  if (x.dtype != DType::kF32)
    return InvalidArgument("{}: input must be f32, is {}", NodeWhere(node),
                           x.ToString());
  const TensorType& declared = g.type(node.outputs[0]);
  KILN_RETURN_IF_ERROR(CheckPerTensorS8(declared, node, "output"));
  TensorType y = x;
  y.dtype = DType::kS8;
  y.quant = declared.quant;
  return TypeList{y};
}

StatusOr<TypeList> InferDequantizeLinear(const Graph& g, const Node& node) {
  const TensorType& x = g.type(node.inputs[0]);
  KILN_RETURN_IF_ERROR(CheckPerTensorS8(x, node, "input"));
  TensorType y = x;
  y.dtype = DType::kF32;
  y.quant = {};
  return TypeList{y};
}

}  // namespace kiln::ir
