// Lowers pad to kiln_pad (constant, reflect, edge). Pad only moves elements,
// so 4-byte integer tensors (s32) go through the float kernel bit for bit, the
// constant fill value passed as the float with the integer's bits.
#include <cstring>

#include "compiler/codegen/kernel_call.h"
#include "compiler/ir/op_rules.h"

namespace kiln::codegen {
namespace {

float BitsAsFloat(int32_t v) {
  float f;
  std::memcpy(&f, &v, sizeof f);
  return f;
}

}  // namespace

StatusOr<KernelCall> LowerPad(const ir::Graph& g, const ir::Node& node,
                              const LowerOptions& opts) {
  const ir::DType dt = g.type(node.inputs[0]).dtype;
  if (dt != ir::DType::kS32) KILN_RETURN_IF_ERROR(RequireF32(g, node));
  const ir::Shape& x = g.type(node.inputs[0]).shape;
  const size_t r = x.size();
  if (r > 6 || r == 0)
    return Unimplemented("{}: pad of rank {} (kiln supports 1 to 6)",
                         ir::NodeWhere(node), r);
  const auto& a = node.attr<ir::PadAttrs>();
  std::vector<int64_t> begin(a.pads.begin(), a.pads.begin() + r);
  std::vector<int64_t> end(a.pads.begin() + r, a.pads.end());
  // kiln_pad_mode_t: KILN_PAD_CONSTANT 0, KILN_PAD_REFLECT 1, KILN_PAD_EDGE 2.
  int64_t mode = a.mode == "reflect" ? 1 : a.mode == "edge" ? 2 : 0;
  const float value =
      dt == ir::DType::kS32 ? BitsAsFloat(static_cast<int32_t>(a.value)) : a.value;
  if (dt == ir::DType::kS32 && value != value)
    return Unimplemented("{}: int32 fill value {} (its bits are a float NaN)",
                         ir::NodeWhere(node), a.value);
  KernelCall call;
  call.kernel = KernelName("pad", opts);
  call.params_type = "kiln_pad_params_t";
  call.header = "kiln/ref/pad.h";
  call.params = {IntField("rank", static_cast<int64_t>(r)),
                 IntArrayField("in_shape", x, 6),
                 IntArrayField("pad_begin", begin, 6),
                 IntArrayField("pad_end", end, 6), IntField("mode", mode),
                 FloatField("value", value)};
  call.args = {In(node.inputs[0]), Out(node.outputs[0])};
  for (KernelArg& arg : call.args) arg.as_float = dt == ir::DType::kS32;
  return call;
}

}  // namespace kiln::codegen
