// Lowers add to kiln_add (numpy broadcasting, fused activation).
#include "compiler/codegen/kernel_call.h"
#include "compiler/codegen/lower/int8.h"
#include "compiler/ir/op_rules.h"

namespace kiln::codegen {

StatusOr<KernelCall> LowerAdd(const ir::Graph& g, const ir::Node& node,
                              const LowerOptions& opts) {
  if (IsS8Node(g, node)) return LowerAddS8(g, node);
  const auto& act = node.attr<ir::ActAttrs>();
  return BroadcastCall(g, node, opts, "add", act.act_min, act.act_max);
}

}  // namespace kiln::codegen
