// Dispatch from ops.def to each op's lowering, and lowering helpers.
#include "compiler/codegen/kernel_call.h"

#include "compiler/ir/op_rules.h"

namespace kiln::codegen {

StatusOr<KernelCall> LowerNode(const ir::Graph& g, const ir::Node& node,
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

ParamField IntField(std::string name, int64_t v) {
  ParamField f{ParamField::kInt, std::move(name)};
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

Status RequireF32(const ir::Graph& g, const ir::Node& node) {
  for (ir::TensorId t : node.inputs)
    if (t != ir::kNoTensor && g.type(t).dtype != ir::DType::kF32)
      return Unimplemented(
          "{}: input '{}' is {}; only float32 kernels exist on this target",
          ir::NodeWhere(node), g.tensor(t).name, ir::DTypeName(g.type(t).dtype));
  return Status::Ok();
}

std::string KernelName(const std::string& base, const LowerOptions& o) {
  return "kiln_" + base + "_f32_" + o.impl;
}

}  // namespace kiln::codegen
