// Dispatch table from ops.def to each op's type rule, and shared rule helpers.
#include "compiler/ir/op_rules.h"

#include <fmt/format.h>

namespace kiln::ir {

StatusOr<TypeList> InferOutputTypes(const Graph& g, const Node& node) {
  switch (node.op) {
#define KILN_OP(name, text, attrs, min_in, max_in, n_out) \
  case OpKind::k##name:                                   \
    return Infer##name(g, node);
#include "compiler/ir/ops.def"
#undef KILN_OP
  }
  return Internal("unknown op");
}

std::string NodeWhere(const Node& node) {
  return fmt::format("node '{}' ({})", node.name, OpName(node.op));
}

StatusOr<ActivationAxes> AxesOf(const std::string& layout, int64_t rank,
                                const Node& node) {
  if (rank < 3)
    return InvalidArgument("{}: expects an input of rank >= 3, got {}",
                           NodeWhere(node), rank);
  int r = static_cast<int>(rank);
  if (layout == "nchw") return ActivationAxes{1, 2, r - 2};
  if (layout == "nhwc") return ActivationAxes{r - 1, 1, r - 2};
  return InvalidArgument("{}: unknown layout '{}'", NodeWhere(node), layout);
}

int64_t WindowOutput(int64_t in, int64_t kernel, int64_t stride,
                     int64_t dilation, int64_t pad_begin, int64_t pad_end,
                     bool ceil_mode) {
  int64_t span = dilation * (kernel - 1) + 1;
  int64_t room = in + pad_begin + pad_end - span;
  if (room < 0) return 0;
  int64_t out = (ceil_mode ? (room + stride - 1) / stride : room / stride) + 1;
  // ONNX/ORT: with ceil_mode the last window must start inside the input or
  // the begin padding, never only in the end padding.
  if (ceil_mode && (out - 1) * stride >= in + pad_begin) --out;
  return out;
}

StatusOr<Shape> BroadcastShapes(const Shape& a, const Shape& b,
                                const Node& node) {
  size_t r = std::max(a.size(), b.size());
  Shape out(r);
  for (size_t i = 0; i < r; ++i) {
    int64_t da = i < r - a.size() ? 1 : a[i - (r - a.size())];
    int64_t db = i < r - b.size() ? 1 : b[i - (r - b.size())];
    if (da != db && da != 1 && db != 1)
      return InvalidArgument("{}: shapes [{}] and [{}] do not broadcast",
                             NodeWhere(node), fmt::join(a, ","),
                             fmt::join(b, ","));
    out[i] = da == 1 ? db : da;
  }
  return out;
}

}  // namespace kiln::ir
