// Lowers slice to kiln_slice (starts and steps resolved by the importer).
#include "compiler/codegen/kernel_call.h"
#include "compiler/ir/op_rules.h"

namespace kiln::codegen {

StatusOr<KernelCall> LowerSlice(const ir::Graph& g, const ir::Node& node,
                                const LowerOptions& opts) {
  KILN_RETURN_IF_ERROR(RequireF32(g, node));
  const ir::Shape& x = g.type(node.inputs[0]).shape;
  const ir::Shape& y = g.type(node.outputs[0]).shape;
  if (x.size() > 6 || x.empty())
    return Unimplemented("{}: slice of rank {} (kiln supports 1 to 6)",
                         ir::NodeWhere(node), x.size());
  const auto& a = node.attr<ir::SliceAttrs>();
  KernelCall call;
  call.kernel = KernelName("slice", opts);
  call.params_type = "kiln_slice_params_t";
  call.header = "kiln/ref/slice.h";
  call.params = {IntField("rank", static_cast<int64_t>(x.size())),
                 IntArrayField("in_shape", x, 6),
                 IntArrayField("out_shape", y, 6),
                 IntArrayField("starts", a.starts, 6),
                 IntArrayField("steps", a.steps, 6)};
  call.args = {In(node.inputs[0]), Out(node.outputs[0])};
  return call;
}

}  // namespace kiln::codegen
