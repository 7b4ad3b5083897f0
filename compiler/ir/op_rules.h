// Per-op type rules: given a node's input types, the output types it must have.
// One file per op in compiler/ir/ops/; the verifier checks every node with them.
#pragma once

#include <vector>

#include "compiler/ir/graph.h"
#include "compiler/support/status.h"

namespace kiln::ir {

using TypeList = std::vector<TensorType>;

// Dispatches to Infer<Op>() for node.op.
StatusOr<TypeList> InferOutputTypes(const Graph& g, const Node& node);

#define KILN_OP(name, text, attrs, min_in, max_in, n_out) \
  StatusOr<TypeList> Infer##name(const Graph& g, const Node& node);
#include "compiler/ir/ops.def"
#undef KILN_OP

// Helpers shared by the rules.
// Index of the channel axis and of the first spatial axis for `layout` and rank.
struct ActivationAxes {
  int channel;
  int first_spatial;
  int num_spatial;
};
StatusOr<ActivationAxes> AxesOf(const std::string& layout, int64_t rank,
                                const Node& node);
// Output extent of a sliding window (conv or pool) along one axis.
int64_t WindowOutput(int64_t in, int64_t kernel, int64_t stride,
                     int64_t dilation, int64_t pad_begin, int64_t pad_end,
                     bool ceil_mode);
// numpy broadcasting of two shapes.
StatusOr<Shape> BroadcastShapes(const Shape& a, const Shape& b,
                                const Node& node);
// "node 'conv1' (conv): " prefix for rule errors.
std::string NodeWhere(const Node& node);

}  // namespace kiln::ir
