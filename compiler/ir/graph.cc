// Graph construction and rewriting helpers shared by the frontend and passes.
#include "compiler/ir/graph.h"

#include <algorithm>
#include <unordered_set>

#include <fmt/format.h>

namespace kiln::ir {
namespace {
constexpr OpInfo kOpInfos[] = {
#define KILN_OP(name, text, attrs, min_in, max_in, n_out) \
  {OpKind::k##name, text, #name, min_in, max_in, n_out},
#include "compiler/ir/ops.def"
#undef KILN_OP
};
}  // namespace

const OpInfo& GetOpInfo(OpKind op) { return kOpInfos[static_cast<int>(op)]; }
const char* OpName(OpKind op) { return GetOpInfo(op).text; }
bool ParseOpName(std::string_view text, OpKind* op) {
  for (const auto& info : kOpInfos) {
    if (text == info.text) {
      *op = info.kind;
      return true;
    }
  }
  return false;
}

Precision NodePrecision(const Graph& g, const Node& node) {
  if (node.op == OpKind::kQuantizeLinear || node.op == OpKind::kDequantizeLinear)
    return Precision::kConvert;
  auto is_int8 = [&](TensorId id) {
    if (id == kNoTensor) return false;
    DType t = g.type(id).dtype;
    return t == DType::kS8 || t == DType::kU8;
  };
  for (TensorId id : node.inputs)
    if (is_int8(id)) return Precision::kInt8;
  for (TensorId id : node.outputs)
    if (is_int8(id)) return Precision::kInt8;
  return Precision::kFloat;
}

const char* PrecisionName(Precision p) {
  switch (p) {
    case Precision::kInt8:
      return "int8";
    case Precision::kConvert:
      return "convert";
    case Precision::kFloat:
      break;
  }
  return "float";
}

Attrs DefaultAttrs(OpKind op) {
  switch (op) {
#define KILN_OP(name, text, attrs, min_in, max_in, n_out) \
  case OpKind::k##name:                                   \
    return Attrs(std::in_place_type<attrs>);
#include "compiler/ir/ops.def"
#undef KILN_OP
  }
  return Attrs();
}

TensorId Graph::AddTensor(std::string name, TensorType type) {
  Tensor t;
  t.name = std::move(name);
  t.type = std::move(type);
  tensors.push_back(std::move(t));
  return static_cast<TensorId>(tensors.size() - 1);
}

TensorId Graph::AddConstant(std::string name, TensorType type,
                            std::vector<uint8_t> data) {
  TensorId id = AddTensor(std::move(name), std::move(type));
  tensors[id].is_const = true;
  tensors[id].data = std::move(data);
  return id;
}

Node& Graph::AddNode(OpKind op, std::string name, std::vector<TensorId> in,
                     std::vector<TensorId> out) {
  return InsertNode(nodes.size(), op, std::move(name), std::move(in),
                    std::move(out));
}

Node& Graph::InsertNode(size_t pos, OpKind op, std::string name,
                        std::vector<TensorId> in, std::vector<TensorId> out) {
  Node n;
  n.op = op;
  n.name = std::move(name);
  n.inputs = std::move(in);
  n.outputs = std::move(out);
  n.attrs = DefaultAttrs(op);
  // Erase marks are positions: shift those at or after the insertion point.
  for (size_t& e : erased_)
    if (e >= pos) ++e;
  return *nodes.insert(nodes.begin() + static_cast<std::ptrdiff_t>(pos),
                       std::move(n));
}

bool Graph::IsGraphOutput(TensorId id) const {
  return std::find(outputs.begin(), outputs.end(), id) != outputs.end();
}
bool Graph::IsGraphInput(TensorId id) const {
  return std::find(inputs.begin(), inputs.end(), id) != inputs.end();
}

std::vector<int> Graph::Producers() const {
  std::vector<int> p(tensors.size(), -1);
  for (size_t i = 0; i < nodes.size(); ++i)
    for (TensorId o : nodes[i].outputs)
      if (o != kNoTensor) p[o] = static_cast<int>(i);
  return p;
}

std::vector<int> Graph::UseCounts() const {
  std::vector<int> u(tensors.size(), 0);
  for (const Node& n : nodes)
    for (TensorId i : n.inputs)
      if (i != kNoTensor) ++u[i];
  for (TensorId o : outputs) ++u[o];
  return u;
}

void Graph::ReplaceAllUsesWith(TensorId from, TensorId to) {
  for (Node& n : nodes)
    for (TensorId& i : n.inputs)
      if (i == from) i = to;
  for (TensorId& o : outputs)
    if (o == from) o = to;
}

void Graph::Compact() {
  std::vector<bool> dead(nodes.size(), false);
  for (size_t e : erased_) dead[e] = true;
  erased_.clear();
  // Dead-code elimination, backwards so chains of unused nodes all go.
  std::vector<int> uses(tensors.size(), 0);
  for (TensorId o : outputs) ++uses[o];
  for (size_t k = nodes.size(); k-- > 0;) {
    if (dead[k]) continue;
    bool used = false;
    for (TensorId o : nodes[k].outputs)
      if (o != kNoTensor && uses[o] > 0) used = true;
    if (!used) {
      dead[k] = true;
      continue;
    }
    for (TensorId i : nodes[k].inputs)
      if (i != kNoTensor) ++uses[i];
  }
  std::vector<Node> kept;
  for (size_t k = 0; k < nodes.size(); ++k)
    if (!dead[k]) kept.push_back(std::move(nodes[k]));
  nodes = std::move(kept);

  // Renumber the tensors still referenced, keeping their relative order.
  std::vector<bool> live(tensors.size(), false);
  for (TensorId i : inputs) live[i] = true;
  for (TensorId o : outputs) live[o] = true;
  for (const Node& n : nodes) {
    for (TensorId i : n.inputs)
      if (i != kNoTensor) live[i] = true;
    for (TensorId o : n.outputs)
      if (o != kNoTensor) live[o] = true;
  }
  std::vector<TensorId> remap(tensors.size(), kNoTensor);
  std::vector<Tensor> kept_t;
  for (size_t t = 0; t < tensors.size(); ++t) {
    if (!live[t]) continue;
    remap[t] = static_cast<TensorId>(kept_t.size());
    kept_t.push_back(std::move(tensors[t]));
  }
  tensors = std::move(kept_t);
  auto fix = [&](TensorId& id) {
    if (id != kNoTensor) id = remap[id];
  };
  for (TensorId& i : inputs) fix(i);
  for (TensorId& o : outputs) fix(o);
  for (Node& n : nodes) {
    for (TensorId& i : n.inputs) fix(i);
    for (TensorId& o : n.outputs) fix(o);
  }
}

std::string Graph::UniqueTensorName(std::string_view base) const {
  std::unordered_set<std::string> used;
  for (const Tensor& t : tensors) used.insert(t.name);
  std::string name(base);
  for (int k = 1; used.count(name); ++k) name = fmt::format("{}_{}", base, k);
  return name;
}

std::string Graph::UniqueNodeName(std::string_view base) const {
  std::unordered_set<std::string> used;
  for (const Node& n : nodes) used.insert(n.name);
  std::string name(base);
  for (int k = 1; used.count(name); ++k) name = fmt::format("{}_{}", base, k);
  return name;
}

}  // namespace kiln::ir
