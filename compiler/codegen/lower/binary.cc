// Lowers the numpy-broadcasting binaries sub, mul, div, pow, max, min and prelu
// to their kernels, which all take kiln_broadcast_params_t; the operands'
// element types pick the kernel (kiln_mul_u8_ref, kiln_pow_i32_f32_ref).
#include "compiler/codegen/kernel_call.h"
#include "compiler/codegen/lower/int8.h"
#include "compiler/ir/op_rules.h"

namespace kiln::codegen {
namespace {

StatusOr<KernelCall> Broadcast(const ir::Graph& g, const ir::Node& node,
                               const LowerOptions& opts, const std::string& base) {
  return BroadcastCall(g, node, opts, base, -ir::kInf, ir::kInf);
}

}  // namespace

StatusOr<KernelCall> LowerSub(const ir::Graph& g, const ir::Node& n,
                              const LowerOptions& o) {
  return Broadcast(g, n, o, "sub");
}
StatusOr<KernelCall> LowerMul(const ir::Graph& g, const ir::Node& n,
                              const LowerOptions& o) {
  if (IsS8Node(g, n)) return LowerMulS8(g, n);
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
