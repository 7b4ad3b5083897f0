// Lowers add to kiln_add (numpy broadcasting, fused activation).
#include "compiler/codegen/kernel_call.h"
#include "compiler/ir/op_rules.h"

namespace kiln::codegen {

StatusOr<KernelCall> LowerAdd(const ir::Graph& g, const ir::Node& node,
                              const LowerOptions& opts) {
  KILN_RETURN_IF_ERROR(RequireF32(g, node));
  const auto& act = node.attr<ir::ActAttrs>();
  ir::Shape y = g.type(node.outputs[0]).shape;
  ir::Shape a = g.type(node.inputs[0]).shape, b = g.type(node.inputs[1]).shape;
  if (y.size() > 6)
    return Unimplemented("{}: rank {} > 6", ir::NodeWhere(node), y.size());
  if (y.empty()) y = a = b = {1};
  a.insert(a.begin(), y.size() - a.size(), 1);
  b.insert(b.begin(), y.size() - b.size(), 1);
  KernelCall call;
  call.kernel = KernelName("add", opts);
  call.params_type = "kiln_add_params_t";
  call.header = "kiln/ref/add.h";
  call.params = {IntField("rank", static_cast<int64_t>(y.size())),
                 IntArrayField("out_shape", y, 6), IntArrayField("a_shape", a, 6),
                 IntArrayField("b_shape", b, 6), FloatField("act_min", act.act_min),
                 FloatField("act_max", act.act_max)};
  call.args = {In(node.inputs[0]), In(node.inputs[1]), Out(node.outputs[0])};
  return call;
}

}  // namespace kiln::codegen
