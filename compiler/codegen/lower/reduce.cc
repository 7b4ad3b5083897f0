// Lowers reduce to kiln_reduce (keepdims does not change the element order).
#include "compiler/codegen/kernel_call.h"
#include "compiler/ir/op_rules.h"

namespace kiln::codegen {

namespace {

// kiln_reduce_op_t (kiln/ref/reduce.h).
int64_t ReduceOpOf(const std::string& kind) {
  if (kind == "mean") return 1;
  if (kind == "max") return 2;
  if (kind == "min") return 3;
  if (kind == "prod") return 4;
  return 0;  // sum
}

}  // namespace

StatusOr<KernelCall> LowerReduce(const ir::Graph& g, const ir::Node& node,
                                 const LowerOptions& opts) {
  KILN_RETURN_IF_ERROR(RequireF32(g, node));
  const ir::Shape& x = g.type(node.inputs[0]).shape;
  if (x.size() > 6 || x.empty())
    return Unimplemented("{}: reduce of rank {} (kiln supports 1 to 6)",
                         ir::NodeWhere(node), x.size());
  const auto& a = node.attr<ir::ReduceAttrs>();
  int64_t mask = 0;
  for (int64_t d : a.axes) mask |= int64_t{1} << d;
  KernelCall call;
  call.kernel = KernelName("reduce", opts);
  call.params_type = "kiln_reduce_params_t";
  call.header = "kiln/ref/reduce.h";
  call.params = {IntField("rank", static_cast<int64_t>(x.size())),
                 IntArrayField("in_shape", x, 6), IntField("axes_mask", mask),
                 IntField("op", ReduceOpOf(a.kind))};
  call.args = {In(node.inputs[0]), Out(node.outputs[0])};
  return call;
}

}  // namespace kiln::codegen
