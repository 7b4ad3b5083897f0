// Lowers the elementwise math unaries to kiln_unary with their op enum
// (kiln/ref/unary.h); relu and clip are in unary.cc.
#include "compiler/codegen/kernel_call.h"
#include "compiler/ir/op_rules.h"

namespace kiln::codegen {
namespace {

StatusOr<KernelCall> Unary(const ir::Graph& g, const ir::Node& node,
                           const LowerOptions& opts, const char* op_enum,
                           int64_t op, float alpha = 0.0f, float beta = 0.0f) {
  KILN_RETURN_IF_ERROR(RequireF32(g, node));
  KernelCall call;
  call.kernel = KernelName("unary", opts);
  call.params_type = "kiln_unary_params_t";
  call.header = "kiln/ref/unary.h";
  ParamField f = IntField("op", op);
  f.name = std::string("op = ") + op_enum;
  call.params = {f,
                 IntField("count", g.type(node.outputs[0]).num_elements()),
                 FloatField("alpha", alpha),
                 FloatField("beta", beta),
                 FloatField("act_min", -ir::kInf),
                 FloatField("act_max", ir::kInf)};
  call.args = {In(node.inputs[0]), Out(node.outputs[0])};
  return call;
}

}  // namespace

StatusOr<KernelCall> LowerLeakyRelu(const ir::Graph& g, const ir::Node& n,
                                    const LowerOptions& o) {
  return Unary(g, n, o, "KILN_UNARY_LEAKY_RELU", 2,
               n.attr<ir::AlphaBetaAttrs>().alpha);
}
StatusOr<KernelCall> LowerSigmoid(const ir::Graph& g, const ir::Node& n,
                                  const LowerOptions& o) {
  return Unary(g, n, o, "KILN_UNARY_SIGMOID", 3);
}
StatusOr<KernelCall> LowerTanh(const ir::Graph& g, const ir::Node& n,
                               const LowerOptions& o) {
  return Unary(g, n, o, "KILN_UNARY_TANH", 4);
}
StatusOr<KernelCall> LowerHardSigmoid(const ir::Graph& g, const ir::Node& n,
                                      const LowerOptions& o) {
  const auto& a = n.attr<ir::AlphaBetaAttrs>();
  return Unary(g, n, o, "KILN_UNARY_HARD_SIGMOID", 5, a.alpha, a.beta);
}
StatusOr<KernelCall> LowerHardSwish(const ir::Graph& g, const ir::Node& n,
                                    const LowerOptions& o) {
  // ONNX fixes HardSwish's alpha and beta.
  return Unary(g, n, o, "KILN_UNARY_HARD_SWISH", 6, 1.0f / 6.0f, 0.5f);
}
StatusOr<KernelCall> LowerExp(const ir::Graph& g, const ir::Node& n,
                              const LowerOptions& o) {
  return Unary(g, n, o, "KILN_UNARY_EXP", 7);
}
StatusOr<KernelCall> LowerLog(const ir::Graph& g, const ir::Node& n,
                              const LowerOptions& o) {
  return Unary(g, n, o, "KILN_UNARY_LOG", 8);
}
StatusOr<KernelCall> LowerSqrt(const ir::Graph& g, const ir::Node& n,
                               const LowerOptions& o) {
  return Unary(g, n, o, "KILN_UNARY_SQRT", 9);
}
StatusOr<KernelCall> LowerNeg(const ir::Graph& g, const ir::Node& n,
                              const LowerOptions& o) {
  return Unary(g, n, o, "KILN_UNARY_NEG", 10);
}
StatusOr<KernelCall> LowerAbs(const ir::Graph& g, const ir::Node& n,
                              const LowerOptions& o) {
  return Unary(g, n, o, "KILN_UNARY_ABS", 11);
}
StatusOr<KernelCall> LowerErf(const ir::Graph& g, const ir::Node& n,
                              const LowerOptions& o) {
  return Unary(g, n, o, "KILN_UNARY_ERF", 12);
}

}  // namespace kiln::codegen
