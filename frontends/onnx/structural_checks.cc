// kiln's structural checks (see structural_checks.h). Each message names the
// file, the node or value, and what to do; the ONNX checker runs afterwards as
// a second opinion.
#include "frontends/onnx/structural_checks.h"

#include <fmt/format.h>
#include <onnx/defs/schema.h>

#include <limits>
#include <map>
#include <set>

#include "frontends/onnx/op_registry.h"
#include "frontends/onnx/tensor_data.h"

namespace kiln::onnx_frontend {
namespace {

using onnx::AttributeProto;

bool IsDefaultDomain(const std::string& d) {
  return d.empty() || d == "ai.onnx";
}

std::string AttrTypeName(AttributeProto::AttributeType t) {
  if (t == AttributeProto::UNDEFINED) return "untyped";
  return AttributeProto::AttributeType_Name(t);
}

Status CheckExternal(const ModelState& s, const onnx::TensorProto& t,
                     const std::string& what) {
  if (t.data_location() != onnx::TensorProto::EXTERNAL) return Status::Ok();
  // The byte count is checked when the tensor is read (its type may be one
  // kiln does not read at all); here only where the data lives.
  auto x = ResolveExternalData(t, s.model_dir, -1);
  if (!x.ok())
    return x.status().WithContext(fmt::format("{}: {}", s.source, what));
  return Status::Ok();
}

std::string Plural(int n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

Status CheckCounts(const ModelState& s, int k, const onnx::OpSchema& schema) {
  const auto& node = s.model.graph().node(k);
  auto range = [](int lo, int hi) {
    if (lo == hi) return fmt::format("{}", lo);
    if (hi == std::numeric_limits<int>::max())
      return fmt::format("{} or more", lo);
    return fmt::format("{} to {}", lo, hi);
  };
  if (node.input_size() < schema.min_input() ||
      node.input_size() > schema.max_input())
    return InvalidArgument(
        "{}: {}: has {}, but ONNX {} (opset {}) takes {}; the model is "
        "malformed (re-export it)",
        s.source, s.NodeLabel(k), Plural(node.input_size(), "input", "inputs"),
        node.op_type(), schema.since_version(),
        range(schema.min_input(), schema.max_input()));
  if (node.output_size() < schema.min_output() ||
      node.output_size() > schema.max_output())
    return InvalidArgument(
        "{}: {}: has {}, but ONNX {} (opset {}) gives {}; the model is "
        "malformed (re-export it)",
        s.source, s.NodeLabel(k),
        Plural(node.output_size(), "output", "outputs"), node.op_type(),
        schema.since_version(),
        range(schema.min_output(), schema.max_output()));
  return Status::Ok();
}

Status CheckAttributes(const ModelState& s, int k,
                       const onnx::OpSchema& schema) {
  const auto& node = s.model.graph().node(k);
  const auto& declared = schema.attributes();
  std::set<std::string> seen;
  for (const auto& a : node.attribute()) {
    if (!seen.insert(a.name()).second)
      return InvalidArgument("{}: {}: attribute '{}' is given twice", s.source,
                             s.NodeLabel(k), a.name());
    auto it = declared.find(a.name());
    if (it == declared.end()) {
      // Only ops kiln imports: some schemas accept attributes they do not
      // declare, and the ONNX checker knows which.
      if (FindOnnxOp(node.op_type()) && a.name().rfind("__", 0) != 0)
        return InvalidArgument(
            "{}: {}: attribute '{}' is not an attribute of ONNX {} (opset {}); "
            "remove it or check the model's opset",
            s.source, s.NodeLabel(k), a.name(), node.op_type(),
            schema.since_version());
      continue;
    }
    if (a.type() != it->second.type)
      return InvalidArgument(
          "{}: {}: attribute '{}' is {}, ONNX defines it as {}; the exporter "
          "wrote a wrong value (re-export the model)",
          s.source, s.NodeLabel(k), a.name(), AttrTypeName(a.type()),
          AttrTypeName(it->second.type));
    std::vector<const onnx::TensorProto*> tensors;
    if (a.type() == AttributeProto::TENSOR) tensors.push_back(&a.t());
    for (const auto& t : a.tensors()) tensors.push_back(&t);
    for (const auto* t : tensors)
      KILN_RETURN_IF_ERROR(CheckExternal(
          s, *t, fmt::format("{}: attribute '{}'", s.NodeLabel(k), a.name())));
  }
  for (const auto& [name, attr] : declared)
    if (attr.required && !seen.count(name))
      return InvalidArgument(
          "{}: {}: the required attribute '{}' is missing; the model is "
          "malformed (re-export it)",
          s.source, s.NodeLabel(k), name);
  return Status::Ok();
}

}  // namespace

Status CheckModelStructure(const ModelState& s) {
  const auto& m = s.model;
  std::map<std::string, int64_t> versions;
  for (const auto& imp : m.opset_import()) {
    std::string domain =
        IsDefaultDomain(imp.domain()) ? "ai.onnx" : imp.domain();
    if (imp.version() <= 0)
      return InvalidArgument(
          "{}: the opset import of domain '{}' has version {}", s.source,
          domain, imp.version());
    auto [it, fresh] = versions.emplace(domain, imp.version());
    if (!fresh)
      return InvalidArgument(
          "{}: the model imports domain '{}' twice (opsets {} and {}); a model "
          "has one opset per domain",
          s.source, domain, it->second, imp.version());
  }
  std::set<std::string> outputs;
  for (const auto& out : m.graph().output()) {
    if (out.name().empty())
      return InvalidArgument("{}: a graph output has no name", s.source);
    if (!outputs.insert(out.name()).second)
      return InvalidArgument(
          "{}: graph output '{}' is listed twice; each graph output must be a "
          "distinct value (add an Identity node for a copy)",
          s.source, out.name());
  }
  std::set<std::string> initializers;
  for (const auto& t : m.graph().initializer()) initializers.insert(t.name());
  for (const auto& in : m.graph().input()) {
    if (!in.type().has_tensor_type() || initializers.count(in.name())) continue;
    auto dtype = DTypeFromOnnx(in.type().tensor_type().elem_type());
    if (!dtype.ok())
      return dtype.status().WithContext(
          fmt::format("{}: input '{}'", s.source, in.name()));
    if (!in.type().tensor_type().has_shape()) continue;
    const auto& shape = in.type().tensor_type().shape();
    for (int i = 0; i < shape.dim_size(); ++i) {
      const auto& d = shape.dim(i);
      if (d.has_dim_value() && d.dim_value() < -1)
        return InvalidArgument(
            "{}: input '{}': dimension {} is {}; dimensions must be "
            "non-negative "
            "(or symbolic, or -1 for unknown)",
            s.source, in.name(), i, d.dim_value());
    }
  }
  for (const auto& t : m.graph().initializer())
    KILN_RETURN_IF_ERROR(
        CheckExternal(s, t, fmt::format("initializer '{}'", t.name())));
  return Status::Ok();
}

Status CheckNodeStructure(const ModelState& s) {
  const auto& g = s.model.graph();
  for (int k = 0; k < g.node_size(); ++k) {
    const auto& node = g.node(k);
    if (!IsDefaultDomain(node.domain())) continue;
    const onnx::OpSchema* schema = onnx::OpSchemaRegistry::Schema(
        node.op_type(), static_cast<int>(s.opset), "");
    if (!schema) continue;  // an unknown op: the liveness pass reports it
    KILN_RETURN_IF_ERROR(CheckCounts(s, k, *schema));
    KILN_RETURN_IF_ERROR(CheckAttributes(s, k, *schema));
  }
  return Status::Ok();
}

}  // namespace kiln::onnx_frontend
