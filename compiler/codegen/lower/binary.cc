// Lowers the numpy-broadcasting binaries sub, mul, div, pow, max, min and prelu
// to their kernels, which all take kiln_broadcast_params_t.
#include "compiler/codegen/kernel_call.h"
#include "compiler/ir/op_rules.h"

namespace kiln::codegen {
namespace {

StatusOr<KernelCall> Broadcast(const ir::Graph& g, const ir::Node& node,
                               const LowerOptions& opts, const std::string& base) {
  KILN_RETURN_IF_ERROR(RequireF32(g, node));
  ir::Shape y = g.type(node.outputs[0]).shape;
  ir::Shape a = g.type(node.inputs[0]).shape, b = g.type(node.inputs[1]).shape;
  if (y.size() > 6)
    return Unimplemented("{}: rank {} > 6", ir::NodeWhere(node), y.size());
  if (y.empty()) y = a = b = {1};
  // Right-aligned to the output's rank, as the kernels expect.
  a.insert(a.begin(), y.size() - a.size(), 1);
  b.insert(b.begin(), y.size() - b.size(), 1);
  KernelCall call;
  call.kernel = KernelName(base, opts);
  call.params_type = "kiln_" + base + "_params_t";
  call.header = "kiln/ref/" + base + ".h";
  call.params = {IntField("rank", static_cast<int64_t>(y.size())),
                 IntArrayField("out_shape", y, 6), IntArrayField("a_shape", a, 6),
                 IntArrayField("b_shape", b, 6), FloatField("act_min", -ir::kInf),
                 FloatField("act_max", ir::kInf)};
  call.args = {In(node.inputs[0]), In(node.inputs[1]), Out(node.outputs[0])};
  return call;
}

}  // namespace

StatusOr<KernelCall> LowerSub(const ir::Graph& g, const ir::Node& n,
                              const LowerOptions& o) {
  return Broadcast(g, n, o, "sub");
}
StatusOr<KernelCall> LowerMul(const ir::Graph& g, const ir::Node& n,
                              const LowerOptions& o) {
  return Broadcast(g, n, o, "mul");
}
StatusOr<KernelCall> LowerDiv(const ir::Graph& g, const ir::Node& n,
                              const LowerOptions& o) {
  return Broadcast(g, n, o, "div");
}
StatusOr<KernelCall> LowerPow(const ir::Graph& g, const ir::Node& n,
                              const LowerOptions& o) {
  return Broadcast(g, n, o, "pow");
}
StatusOr<KernelCall> LowerMax(const ir::Graph& g, const ir::Node& n,
                              const LowerOptions& o) {
  return Broadcast(g, n, o, "max");
}
StatusOr<KernelCall> LowerMin(const ir::Graph& g, const ir::Node& n,
                              const LowerOptions& o) {
  return Broadcast(g, n, o, "min");
}
StatusOr<KernelCall> LowerPRelu(const ir::Graph& g, const ir::Node& n,
                                const LowerOptions& o) {
  return Broadcast(g, n, o, "prelu");
}

}  // namespace kiln::codegen
