// Lowers relu and clip to kiln_unary (an integer clip to kiln_clip_<type>),
// identity and dropout to copies.
#include <algorithm>
#include <cstdint>

#include "compiler/codegen/kernel_call.h"
#include "compiler/ir/op_rules.h"

namespace kiln::codegen {
namespace {

KernelCall Unary(const ir::Graph& g, const ir::Node& node, const LowerOptions& opts,
                 const char* op_enum, int64_t op, float lo, float hi) {
  KernelCall call;
  call.kernel = KernelName("unary", opts);
  call.params_type = "kiln_unary_params_t";
  call.header = "kiln/ref/unary.h";
  ParamField f = IntField("op", op);
  f.name = std::string("op = ") + op_enum;
  call.params = {f,
                 IntField("count", g.type(node.outputs[0]).num_elements()),
                 FloatField("alpha", 0.0f),
                 FloatField("beta", 0.0f),
                 FloatField("act_min", lo),
                 FloatField("act_max", hi)};
  call.args = {In(node.inputs[0]), Out(node.outputs[0])};
  return call;
}

}  // namespace

StatusOr<KernelCall> LowerRelu(const ir::Graph& g, const ir::Node& node,
                               const LowerOptions& opts) {
  KILN_RETURN_IF_ERROR(RequireF32(g, node));
  return Unary(g, node, opts, "KILN_UNARY_RELU", 1, -ir::kInf, ir::kInf);
}

StatusOr<KernelCall> LowerClip(const ir::Graph& g, const ir::Node& node,
                               const LowerOptions& opts) {
  const auto& a = node.attr<ir::ClipAttrs>();
  const ir::DType t = g.type(node.inputs[0]).dtype;
  if (t == ir::DType::kF32)
    return Unary(g, node, opts, "KILN_UNARY_CLIP", 13, a.min, a.max);
  // Integer clip: kiln_clip_<type>, bounds limited to the type's range so the
  // kernel's conversion of them to the element type is exact.
  KILN_ASSIGN_OR_RETURN(std::string kernel,
                        TypedKernelName(g, node, "clip", opts));
  const int bits = static_cast<int>(ir::DTypeBytes(t)) * 8;
  int64_t lo = INT64_MIN, hi = INT64_MAX;
  if (t == ir::DType::kU8) {
    lo = 0;
    hi = 255;
  } else if (bits < 64) {
    lo = -(int64_t{1} << (bits - 1));
    hi = (int64_t{1} << (bits - 1)) - 1;
  }
  KernelCall call;
  call.kernel = kernel;
  call.params_type = "kiln_clip_params_t";
  call.header = "kiln/ref/clip.h";
  call.params = {Int64Field("min", std::clamp(a.int_min, lo, hi)),
                 Int64Field("max", std::clamp(a.int_max, lo, hi)),
                 IntField("count", g.type(node.inputs[0]).num_elements())};
  call.args = {In(node.inputs[0]), Out(node.outputs[0])};
  return call;
}

// Identity and Dropout that survive remove-identity connect a graph input directly
// to a graph output (or another case where the bytes must move): a copy.
StatusOr<KernelCall> LowerIdentity(const ir::Graph& g, const ir::Node& node,
                                   const LowerOptions&) {
  KernelCall call;
  call.kind = KernelCall::kCopy;
  call.copy_bytes = g.type(node.outputs[0]).bytes();
  call.args = {In(node.inputs[0]), Out(node.outputs[0])};
  return call;
}
StatusOr<KernelCall> LowerDropout(const ir::Graph& g, const ir::Node& node,
                                  const LowerOptions& opts) {
  return LowerIdentity(g, node, opts);
}
StatusOr<KernelCall> LowerGemm(const ir::Graph&, const ir::Node& node,
                               const LowerOptions&) {
  return Unimplemented(
      "{}: Gemm with a non-constant B (or C) is not supported yet; the "
      "canonicalize pass turns Gemm with constant weights into fully_connected",
      ir::NodeWhere(node));
}
}  // namespace kiln::codegen
