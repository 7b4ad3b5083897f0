// Type rules of ops whose output has the input's type: relu, clip, identity, dropout.
#include "compiler/ir/op_rules.h"

namespace kiln::ir {
namespace {
StatusOr<TypeList> SameAsInput(const Graph& g, const Node& node) {
  return TypeList{g.type(node.inputs[0])};
}
}  // namespace

StatusOr<TypeList> InferRelu(const Graph& g, const Node& n) { return SameAsInput(g, n); }
StatusOr<TypeList> InferClip(const Graph& g, const Node& n) { return SameAsInput(g, n); }
StatusOr<TypeList> InferIdentity(const Graph& g, const Node& n) { return SameAsInput(g, n); }
StatusOr<TypeList> InferDropout(const Graph& g, const Node& n) { return SameAsInput(g, n); }

}  // namespace kiln::ir
