// Node-level helpers for op importers (see op_context.h).
#include "frontends/onnx/op_context.h"

namespace kiln::onnx_frontend {

using onnx::AttributeProto;

std::string OpContext::Where() const {
  return fmt::format("{}: {}", state_->source, state_->NodeLabel(k_));
}

StatusOr<ir::TensorId> OpContext::Input(int i) {
  if (!HasInput(i)) return ir::kNoTensor;
  auto id = state_->Tensor(InputName(i));
  if (!id.ok())
    return Status(id.status().code(),
                  fmt::format("{}: input {} '{}': {}", Where(), i, InputName(i),
                              id.status().message()));
  return id;
}

StatusOr<ir::TensorType> OpContext::InputType(int i) const {
  if (!HasInput(i)) return Error("input {} is missing", i);
  auto t = state_->ValueType(InputName(i));
  if (!t.ok())
    return Status(t.status().code(), fmt::format("{}: input {}: {}", Where(), i,
                                                 t.status().message()));
  return t;
}

StatusOr<TensorData> OpContext::ConstInput(int i) const {
  if (!HasInput(i)) return Error("input {} is missing", i);
  auto d = state_->ConstantData(InputName(i));
  if (d.ok()) return d;
  if (d.status().code() == StatusCode::kNotFound)
    return Unsupported(
        "input {} ('{}') must be a constant (an initializer or a Constant "
        "node): kiln takes it as an attribute, but here it is computed at run "
        "time",
        i, InputName(i));
  return Status(d.status().code(), fmt::format("{}: input {}: {}", Where(), i,
                                               d.status().message()));
}

Status OpContext::NoRunTimeKernel() const {
  for (int i = 0; i < node_.input_size(); ++i) {
    if (!HasInput(i) || state_->ConstantData(InputName(i)).ok()) continue;
    return Unsupported(
        "input {} ('{}') is computed at run time; kiln evaluates {} only at "
        "compile time (when its inputs are constants: initializers, Constant "
        "nodes or values computed from static shapes) and has no run-time "
        "kernel for it",
        i, InputName(i), node_.op_type());
  }
  return Unsupported("kiln could not evaluate {} at compile time",
                     node_.op_type());
}

StatusOr<std::vector<int64_t>> OpContext::ConstInts(int i) const {
  KILN_ASSIGN_OR_RETURN(TensorData d, ConstInput(i));
  auto v = ToInt64s(d);
  if (!v.ok()) return Error("input {} {}", i, v.status().message());
  return v;
}

StatusOr<std::vector<float>> OpContext::ConstFloats(int i) const {
  KILN_ASSIGN_OR_RETURN(TensorData d, ConstInput(i));
  return ToFloats(d);
}

StatusOr<ir::TensorId> OpContext::Output(int i) {
  if (i >= node_.output_size() || node_.output(i).empty())
    return Error("output {} is missing", i);
  const std::string& name = node_.output(i);
  auto found = state_->ir_tensor.find(name);
  if (found != state_->ir_tensor.end()) return found->second;
  auto type = state_->ValueType(name);
  if (!type.ok())
    return Status(
        type.status().code(),
        fmt::format("{}: output {}: {}", Where(), i, type.status().message()));
  ir::TensorId id = state_->graph.AddTensor(state_->NameForValue(name), *type);
  state_->ir_tensor[name] = id;
  return id;
}

bool OpContext::OutputUsed(int i) const {
  return i < node_.output_size() && !node_.output(i).empty() &&
         state_->live_values.count(node_.output(i)) > 0;
}

ir::TensorId OpContext::NewTensor(const std::string& base,
                                  ir::TensorType type) {
  return state_->graph.AddTensor(state_->FreshName(base), std::move(type));
}

ir::TensorId OpContext::NewConstant(const std::string& base,
                                   ir::TensorType type,
                                   std::vector<uint8_t> bytes) {
  return state_->graph.AddConstant(state_->FreshName(base), std::move(type),
                                   std::move(bytes));
}

ir::Node& OpContext::AddNode(ir::OpKind op, std::vector<ir::TensorId> inputs,
                             std::vector<ir::TensorId> outputs,
                             const std::string& name) {
  return state_->graph.AddNode(op, name.empty() ? this->name() : name,
                               std::move(inputs), std::move(outputs));
}

const AttributeProto* OpContext::Attr(const std::string& name) const {
  for (const auto& a : node_.attribute())
    if (a.name() == name) return &a;
  return nullptr;
}

StatusOr<int64_t> OpContext::AttrInt(const std::string& name,
                                     int64_t def) const {
  const AttributeProto* a = Attr(name);
  if (!a) return def;
  if (a->type() != AttributeProto::INT)
    return Error("attribute '{}' must be an int", name);
  return a->i();
}

StatusOr<float> OpContext::AttrFloat(const std::string& name, float def) const {
  const AttributeProto* a = Attr(name);
  if (!a) return def;
  if (a->type() != AttributeProto::FLOAT)
    return Error("attribute '{}' must be a float", name);
  return a->f();
}

StatusOr<std::string> OpContext::AttrString(const std::string& name,
                                            const std::string& def) const {
  const AttributeProto* a = Attr(name);
  if (!a) return def;
  if (a->type() != AttributeProto::STRING)
    return Error("attribute '{}' must be a string", name);
  return a->s();
}

StatusOr<std::vector<int64_t>> OpContext::AttrInts(
    const std::string& name, const std::vector<int64_t>& def) const {
  const AttributeProto* a = Attr(name);
  if (!a) return def;
  if (a->type() != AttributeProto::INTS)
    return Error("attribute '{}' must be a list of ints", name);
  return std::vector<int64_t>(a->ints().begin(), a->ints().end());
}

StatusOr<int64_t> NormalizeAxis(const OpContext& ctx, int64_t axis,
                                int64_t rank) {
  if (axis < -rank || axis >= rank)
    return ctx.Error("axis {} is out of range for rank {}", axis, rank);
  return axis < 0 ? axis + rank : axis;
}

}  // namespace kiln::onnx_frontend
