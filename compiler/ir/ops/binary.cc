// Type rules of the numpy-broadcasting binaries sub, mul, div, pow, max, min, and
// of prelu, whose slope broadcasts one way only (to x's shape, as ONNX says).
#include "compiler/ir/op_rules.h"

namespace kiln::ir {
namespace {

StatusOr<TypeList> Broadcasting(const Graph& g, const Node& node) {
  const TensorType& a = g.type(node.inputs[0]);
  const TensorType& b = g.type(node.inputs[1]);
  if (a.dtype != b.dtype)
    return InvalidArgument("{}: operand types {} and {} differ", NodeWhere(node),
                           DTypeName(a.dtype), DTypeName(b.dtype));
  KILN_ASSIGN_OR_RETURN(Shape s, BroadcastShapes(a.shape, b.shape, node));
  // The output keeps the layout tag of the operand that has its full shape.
  TensorType y = a.shape == s ? a : b;
  y.shape = s;
  return TypeList{y};
}

}  // namespace

StatusOr<TypeList> InferSub(const Graph& g, const Node& n) { return Broadcasting(g, n); }
StatusOr<TypeList> InferMul(const Graph& g, const Node& n) { return Broadcasting(g, n); }
StatusOr<TypeList> InferDiv(const Graph& g, const Node& n) { return Broadcasting(g, n); }
// ONNX Pow (opset 12+) takes an exponent of another element type; the result
// has the base's type.
StatusOr<TypeList> InferPow(const Graph& g, const Node& node) {
  const TensorType& a = g.type(node.inputs[0]);
  const TensorType& b = g.type(node.inputs[1]);
  if (a.dtype == DType::kBool || b.dtype == DType::kBool)
    return InvalidArgument("{}: pow of bool operands", NodeWhere(node));
  KILN_ASSIGN_OR_RETURN(Shape s, BroadcastShapes(a.shape, b.shape, node));
  TensorType y = a.shape == s ? a : b;
  y.dtype = a.dtype;
  y.quant = a.quant;
  y.shape = s;
  return TypeList{y};
}
StatusOr<TypeList> InferMax(const Graph& g, const Node& n) { return Broadcasting(g, n); }
StatusOr<TypeList> InferMin(const Graph& g, const Node& n) { return Broadcasting(g, n); }

StatusOr<TypeList> InferPRelu(const Graph& g, const Node& node) {
  KILN_ASSIGN_OR_RETURN(TypeList y, Broadcasting(g, node));
  const TensorType& x = g.type(node.inputs[0]);
  if (y[0].shape != x.shape)
    return InvalidArgument("{}: slope shape {} does not broadcast to x's shape {}",
                           NodeWhere(node), ShapeToString(g.type(node.inputs[1]).shape),
                           ShapeToString(x.shape));
  return TypeList{x};
}

}  // namespace kiln::ir
