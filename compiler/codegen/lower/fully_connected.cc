// Lowers fully_connected to kiln_fully_connected (leading dims are the batch).
#include "compiler/codegen/kernel_call.h"
#include "compiler/codegen/lower/int8.h"
#include "compiler/ir/op_rules.h"

namespace kiln::codegen {

StatusOr<KernelCall> LowerFullyConnected(const ir::Graph& g, const ir::Node& node,
                                         const LowerOptions& opts) {
  if (IsS8Node(g, node)) return LowerFullyConnectedS8(g, node);
  KILN_RETURN_IF_ERROR(RequireF32(g, node));
  const auto& a = node.attr<ir::ActAttrs>();
  const ir::Shape& w = g.type(node.inputs[1]).shape;
  int64_t batch = g.type(node.inputs[0]).num_elements() / w[1];
  KernelCall call;
  call.kernel = KernelName("fully_connected", opts);
  call.params_type = "kiln_fully_connected_params_t";
  call.header = "kiln/ref/fully_connected.h";
  call.params = {IntField("batch", batch), IntField("in_features", w[1]),
                 IntField("out_features", w[0]), FloatField("act_min", a.act_min),
                 FloatField("act_max", a.act_max)};
  call.args = {In(node.inputs[0]), In(node.inputs[1]), OptIn(node.input(2)),
               Out(node.outputs[0])};
  call.macs = batch * w[0] * w[1];
  return call;
}

}  // namespace kiln::codegen
