// Per-model import state (see model_state.h): value lookup, lazy IR constants
// and Constant-node values.
#include "frontends/onnx/model_state.h"

#include <fmt/format.h>

namespace kiln::onnx_frontend {

std::string ModelState::NodeName(int k) const {
  const auto& node = model.graph().node(k);
  if (!node.name().empty()) return node.name();
  return fmt::format("{}_{}", node.op_type(), original_index[k]);
}

std::string ModelState::NodeLabel(int k) const {
  const auto& node = model.graph().node(k);
  std::string op = node.op_type();
  if (!node.domain().empty() && node.domain() != "ai.onnx")
    op = node.domain() + "." + op;
  return fmt::format("node '{}' ({}, opset {})", NodeName(k), op, opset);
}

StatusOr<ir::TensorType> ModelState::ValueType(const std::string& name) const {
  auto c = constants.find(name);
  if (c != constants.end()) {
    // Constants carry their own type; value_info may not mention them.
    ir::TensorType t;
    KILN_ASSIGN_OR_RETURN(t.dtype, DTypeFromOnnx(c->second->data_type()));
    KILN_ASSIGN_OR_RETURN(
        t.shape, CheckedShape(std::vector<int64_t>(c->second->dims().begin(),
                                                   c->second->dims().end())));
    return t;
  }
  auto it = value_types.find(name);
  if (it == value_types.end())
    return InvalidArgument(
        "ONNX shape inference gave no type for value '{}'; kiln needs static "
        "shapes (set input shapes with --input-shape NAME=1x3x32x32)",
        name);
  auto t = TypeFromValueType(*it->second);
  if (!t.ok())
    return Status(t.status().code(),
                  fmt::format("value '{}' {}; kiln needs static shapes (set "
                              "input shapes with --input-shape NAME=1x3x32x32)",
                              name, t.status().message()));
  return t;
}

bool ModelState::IsConstant(const std::string& name) const {
  return constants.count(name) > 0;
}

StatusOr<TensorData> ModelState::ConstantData(const std::string& name) const {
  auto bad = constant_errors.find(name);
  if (bad != constant_errors.end()) return bad->second;
  auto c = constants.find(name);
  if (c != constants.end()) {
    auto d = ReadTensorProto(*c->second, model_dir);
    if (!d.ok())
      return d.status().WithContext(fmt::format("constant '{}'", name));
    return d;
  }
  auto p = propagated.find(name);
  if (p != propagated.end()) {
    TensorData d;
    d.type.dtype = ir::DType::kS64;
    d.type.shape = {p->second.dim_size()};
    for (const auto& dim : p->second.dim()) {
      if (!dim.has_dim_value()) break;
      int64_t v = dim.dim_value();
      const auto* b = reinterpret_cast<const uint8_t*>(&v);
      d.bytes.insert(d.bytes.end(), b, b + sizeof(v));
    }
    if (static_cast<int64_t>(d.bytes.size()) == d.type.bytes()) return d;
  }
  return NotFound("value '{}' is not a constant", name);
}

StatusOr<ir::TensorId> ModelState::Tensor(const std::string& name) {
  auto it = ir_tensor.find(name);
  if (it != ir_tensor.end()) return it->second;
  if (!IsConstant(name) && !constant_errors.count(name))
    return Internal("value '{}' is used before kiln imported its producer",
                    name);
  KILN_ASSIGN_OR_RETURN(TensorData d, ConstantData(name));
  ir::TensorId id = graph.AddConstant(NameForValue(name), std::move(d.type),
                                      std::move(d.bytes));
  ir_tensor[name] = id;
  return id;
}

std::string ModelState::FreshName(const std::string& base) {
  // ONNX names are reserved up front, so a helper tensor never takes the name
  // of a value imported later.
  std::string name = base;
  for (int k = 1; names_.count(name); ++k) name = fmt::format("{}_{}", base, k);
  names_.insert(name);
  ir_names_.insert(name);
  return name;
}

std::string ModelState::NameForValue(const std::string& onnx_name) {
  // ONNX values are single-assignment, so their own name is normally free.
  if (!onnx_name.empty() && !ir_names_.count(onnx_name)) {
    names_.insert(onnx_name);
    ir_names_.insert(onnx_name);
    return onnx_name;
  }
  return FreshName(onnx_name.empty() ? "value" : onnx_name);
}

Status ModelState::AddConstantNode(int k) {
  const auto& node = model.graph().node(k);
  if (node.output_size() != 1 || node.attribute_size() != 1)
    return InvalidArgument("{}: a Constant needs one output and one attribute",
                           NodeLabel(k));
  const auto& a = node.attribute(0);
  onnx::TensorProto t;
  if (a.name() == "value") {
    t = a.t();
  } else if (a.name() == "value_float") {
    t.set_data_type(onnx::TensorProto::FLOAT);
    t.add_float_data(a.f());
  } else if (a.name() == "value_floats") {
    t.set_data_type(onnx::TensorProto::FLOAT);
    t.add_dims(a.floats_size());
    for (float f : a.floats()) t.add_float_data(f);
  } else if (a.name() == "value_int") {
    t.set_data_type(onnx::TensorProto::INT64);
    t.add_int64_data(a.i());
  } else if (a.name() == "value_ints") {
    t.set_data_type(onnx::TensorProto::INT64);
    t.add_dims(a.ints_size());
    for (int64_t i : a.ints()) t.add_int64_data(i);
  } else {
    return Unimplemented(
        "{}: attribute '{}' is not supported; kiln reads Constant 'value', "
        "'value_float(s)' and 'value_int(s)'",
        NodeLabel(k), a.name());
  }
  owned_constants_.push_back(std::move(t));
  constants[node.output(0)] = &owned_constants_.back();
  return Status::Ok();
}

}  // namespace kiln::onnx_frontend
