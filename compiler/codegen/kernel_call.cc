// Dispatch from ops.def to each op's lowering, and lowering helpers.
#include "compiler/codegen/kernel_call.h"

#include <algorithm>

#include "compiler/codegen/kernel_scratch.h"
#include "compiler/ir/op_rules.h"

namespace kiln::codegen {

namespace {

StatusOr<KernelCall> Dispatch(const ir::Graph& g, const ir::Node& node,
                              const LowerOptions& opts) {
  switch (node.op) {
#define KILN_OP(name, text, attrs, min_in, max_in, n_out) \
  case ir::OpKind::k##name:                               \
    return Lower##name(g, node, opts);
#include "compiler/ir/ops.def"
#undef KILN_OP
  }
  return Internal("unknown op");
}

}  // namespace

StatusOr<KernelCall> LowerNode(const ir::Graph& g, const ir::Node& node,
                               const LowerOptions& opts) {
  KILN_ASSIGN_OR_RETURN(KernelCall call, Dispatch(g, node, opts));
  if (call.kind != KernelCall::kKernel) return call;
  // Sized by the runtime's own function on the params the emitter prints, so
  // the planned scratch is what the kernel will use.
  KILN_ASSIGN_OR_RETURN(call.scratch_bytes, KernelScratchBytes(call));
  bool passes_scratch = std::any_of(call.args.begin(), call.args.end(), [](const KernelArg& a) {
    return a.kind == KernelArg::kScratch;
  });
  if (call.scratch_bytes > 0 && !passes_scratch)
    return Internal("{}: kernel {} needs {} bytes of scratch but its lowering passes "
                    "no scratch argument",
                    ir::NodeWhere(node), call.kernel, call.scratch_bytes);
  return call;
}

ParamField IntField(std::string name, int64_t v) {
  ParamField f{ParamField::kInt, std::move(name)};
  f.i = v;
  return f;
}
ParamField Int64Field(std::string name, int64_t v) {
  ParamField f{ParamField::kInt64, std::move(name)};
  f.i = v;
  return f;
}
ParamField FloatField(std::string name, float v) {
  ParamField f{ParamField::kFloat, std::move(name)};
  f.f = v;
  return f;
}
ParamField IntArrayField(std::string name, std::vector<int64_t> v, int len) {
  ParamField f{ParamField::kIntArray, std::move(name)};
  v.resize(len, 0);
  f.ints = std::move(v);
  f.array_len = len;
  return f;
}
ParamField IntArrayPtrField(std::string name, std::vector<int64_t> v) {
  ParamField f{ParamField::kIntArrayPtr, std::move(name)};
  f.ints = std::move(v);
  return f;
}
ParamField NullPtrField(std::string name) {
  return ParamField{ParamField::kNullPtr, std::move(name)};
}
KernelArg In(ir::TensorId t) {
  KernelArg a;
  a.tensor = t;
  return a;
}
KernelArg Out(ir::TensorId t) {
  KernelArg a;
  a.tensor = t;
  a.is_output = true;
  return a;
}
KernelArg OptIn(ir::TensorId t) {
  KernelArg a;
  if (t == ir::kNoTensor) a.kind = KernelArg::kNull;
  a.tensor = t;
  return a;
}

KernelArg Scratch(ir::DType element) {
  KernelArg a;
  a.kind = KernelArg::kScratch;
  a.scratch_dtype = element;
  return a;
}

Status RequireF32(const ir::Graph& g, const ir::Node& node) {
  for (ir::TensorId t : node.inputs)
    if (t != ir::kNoTensor && g.type(t).dtype != ir::DType::kF32)
      return Unimplemented(
          "{}: input '{}' is {}; only float32 kernels exist on this target",
          ir::NodeWhere(node), g.tensor(t).name, ir::DTypeName(g.type(t).dtype));
  return Status::Ok();
}

bool IsS8Node(const ir::Graph& g, const ir::Node& node) {
  return !node.outputs.empty() && g.type(node.outputs[0]).dtype == ir::DType::kS8 &&
         !g.type(node.outputs[0]).quant.empty();
}

std::string KernelTypeTag(ir::DType t) {
  switch (t) {
    case ir::DType::kF32: return "f32";
    case ir::DType::kU8: return "u8";
    case ir::DType::kS8: return "i8";
    case ir::DType::kS16: return "i16";
    case ir::DType::kS32: return "i32";
    case ir::DType::kS64: return "i64";
    case ir::DType::kBool: return "";
  }
  return "";
}

StatusOr<std::string> TypedKernelName(const ir::Graph& g, const ir::Node& node,
                                      const std::string& base, const LowerOptions& o) {
  std::vector<ir::TensorId> tensors = node.inputs;
  tensors.insert(tensors.end(), node.outputs.begin(), node.outputs.end());
  for (ir::TensorId t : tensors)
    if (t != ir::kNoTensor && !g.type(t).quant.empty())
      return Unimplemented(
          "{}: input '{}' is quantized {}; only float32 kernels exist on this target",
          ir::NodeWhere(node), g.tensor(t).name, ir::DTypeName(g.type(t).dtype));
  const ir::DType first = g.type(node.inputs[0]).dtype;
  std::string name = base + "_" + KernelTypeTag(first);
  for (ir::TensorId t : node.inputs) {
    if (t == ir::kNoTensor || g.type(t).dtype == first) continue;
    name += "_" + KernelTypeTag(g.type(t).dtype);
  }
  if (!HasRefKernel("kiln_" + name + "_ref")) {
    ir::TensorId bad = node.inputs[0];
    for (ir::TensorId t : node.inputs)
      if (t != ir::kNoTensor && g.type(t).dtype != ir::DType::kF32) bad = t;
    return Unimplemented(
        "{}: input '{}' is {}; no kernel for this element type on this target",
        ir::NodeWhere(node), g.tensor(bad).name, ir::DTypeName(g.type(bad).dtype));
  }
  return "kiln_" + name + "_" + o.impl;
}

StatusOr<KernelCall> BroadcastCall(const ir::Graph& g, const ir::Node& node,
                                   const LowerOptions& opts, const std::string& base,
                                   float act_min, float act_max) {
  KILN_ASSIGN_OR_RETURN(std::string kernel, TypedKernelName(g, node, base, opts));
  // Integer kernels have no activation clamp; fuse-activation fuses into f32
  // producers only.
  if (g.type(node.outputs[0]).dtype != ir::DType::kF32 &&
      (act_min != -ir::kInf || act_max != ir::kInf))
    return Internal("{}: a fused activation on a {} {}", ir::NodeWhere(node),
                    ir::DTypeName(g.type(node.outputs[0]).dtype), base);
  ir::Shape y = g.type(node.outputs[0]).shape;
  ir::Shape a = g.type(node.inputs[0]).shape, b = g.type(node.inputs[1]).shape;
  if (y.size() > 6)
    return Unimplemented("{}: rank {} > 6", ir::NodeWhere(node), y.size());
  if (y.empty()) y = a = b = {1};
  // Right-aligned to the output's rank, as the kernels expect.
  a.insert(a.begin(), y.size() - a.size(), 1);
  b.insert(b.begin(), y.size() - b.size(), 1);
  KernelCall call;
  call.kernel = kernel;
  call.params_type = "kiln_" + base + "_params_t";
  call.header = "kiln/ref/" + base + ".h";
  call.params = {IntField("rank", static_cast<int64_t>(y.size())),
                 IntArrayField("out_shape", y, 6), IntArrayField("a_shape", a, 6),
                 IntArrayField("b_shape", b, 6), FloatField("act_min", act_min),
                 FloatField("act_max", act_max)};
  call.args = {In(node.inputs[0]), In(node.inputs[1]), Out(node.outputs[0])};
  return call;
}

std::string KernelName(const std::string& base, const LowerOptions& o) {
  return "kiln_" + base + "_f32_" + o.impl;
}

}  // namespace kiln::codegen
