// Type rules of the elementwise math unaries (leaky_relu, sigmoid, tanh,
// hard_sigmoid, hard_swish, exp, log, sqrt, neg, abs, erf): y has x's type.
#include "compiler/ir/op_rules.h"

namespace kiln::ir {
namespace {
StatusOr<TypeList> SameType(const Graph& g, const Node& node) {
  return TypeList{g.type(node.inputs[0])};
}
}  // namespace

StatusOr<TypeList> InferLeakyRelu(const Graph& g, const Node& n) { return SameType(g, n); }
StatusOr<TypeList> InferSigmoid(const Graph& g, const Node& n) { return SameType(g, n); }
StatusOr<TypeList> InferTanh(const Graph& g, const Node& n) { return SameType(g, n); }
StatusOr<TypeList> InferHardSigmoid(const Graph& g, const Node& n) { return SameType(g, n); }
StatusOr<TypeList> InferHardSwish(const Graph& g, const Node& n) { return SameType(g, n); }
StatusOr<TypeList> InferExp(const Graph& g, const Node& n) { return SameType(g, n); }
StatusOr<TypeList> InferLog(const Graph& g, const Node& n) { return SameType(g, n); }
StatusOr<TypeList> InferSqrt(const Graph& g, const Node& n) { return SameType(g, n); }
StatusOr<TypeList> InferNeg(const Graph& g, const Node& n) { return SameType(g, n); }
StatusOr<TypeList> InferAbs(const Graph& g, const Node& n) { return SameType(g, n); }
StatusOr<TypeList> InferErf(const Graph& g, const Node& n) { return SameType(g, n); }

}  // namespace kiln::ir
