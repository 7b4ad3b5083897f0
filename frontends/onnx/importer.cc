// The ONNX import driver: parse, check structure, find the live nodes, choose
// input shapes, run the ONNX checker and strict shape inference, import each
// live node with its registered importer, and verify the result with kiln's own
// type rules.
#include "frontends/onnx/importer.h"

#include <fmt/format.h>
#include <onnx/checker.h>
#include <onnx/defs/schema.h>
#include <onnx/defs/shape_inference.h>
#include <onnx/onnx_pb.h>
#include <onnx/shape_inference/implementation.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <queue>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "compiler/ir/verifier.h"
#include "frontends/onnx/const_fold.h"
#include "frontends/onnx/model_state.h"
#include "frontends/onnx/op_context.h"
#include "frontends/onnx/op_registry.h"
#include "frontends/onnx/structural_checks.h"

namespace kiln::onnx_frontend {
namespace {

namespace fs = std::filesystem;

bool IsDefaultDomain(const std::string& d) {
  return d.empty() || d == "ai.onnx";
}

// Ops that usually only compute shapes; named in the error when one is live.
bool IsShapeOp(const std::string& op) {
  static const char* kOps[] = {"Shape", "Gather", "Unsqueeze",       "Squeeze",
                               "Cast",  "Slice",  "ConstantOfShape", "Range",
                               "Size",  "Expand", "ReduceProd"};
  for (const char* s : kOps)
    if (op == s) return true;
  return false;
}

class Importer {
 public:
  Importer(const onnx::ModelProto& model, const std::string& source,
           const ImportOptions& options, ImportReport* report)
      : options_(options), report_(*report) {
    s_.source = source;
    s_.model = model;
    fs::path dir = fs::path(source).parent_path();
    s_.model_dir = dir.empty() ? "." : dir.string();
  }

  StatusOr<ir::Graph> Run() {
    KILN_RETURN_IF_ERROR(CheckHeader());
    KILN_RETURN_IF_ERROR(CheckModelStructure(s_));
    KILN_RETURN_IF_ERROR(CollectValues());
    KILN_RETURN_IF_ERROR(SortNodes());
    KILN_RETURN_IF_ERROR(FindLiveNodes());
    PruneUnneededNodes();
    KILN_RETURN_IF_ERROR(CheckNodeStructure(s_));
    KILN_RETURN_IF_ERROR(ChooseInputShapes());
    // The checker first: it validates input counts and attributes against
    // the schemas, which libonnx's inference functions take for granted.
    KILN_RETURN_IF_ERROR(RunChecker());
    KILN_RETURN_IF_ERROR(RunShapeInference());
    KILN_RETURN_IF_ERROR(BuildGraph());
    if (report_.folded_nodes > 0)
      report_.notes.push_back(fmt::format(
          "{} nodes with constant inputs (shape computations) were evaluated "
          "at compile time",
          report_.folded_nodes));
    TagLayouts();
    Status v = ir::Verify(s_.graph);
    if (!v.ok())
      return Status(
          StatusCode::kInvalidArgument,
          fmt::format("{}: the imported graph fails kiln's type check although "
                      "ONNX shape inference accepted it (a malformed model, or "
                      "a kiln bug to report): {}",
                      s_.source, v.message()));
    return std::move(s_.graph);
  }

 private:
  const onnx::GraphProto& g() const { return s_.model.graph(); }

  Status CheckHeader() {
    const auto& m = s_.model;
    if (!m.has_graph() || m.ir_version() <= 0)
      return InvalidArgument(
          "{}: not an ONNX model (no {}); is this the right file?", s_.source,
          m.has_graph() ? "ir_version" : "graph");
    report_.producer = m.producer_name();
    if (!m.producer_version().empty())
      report_.producer += " " + m.producer_version();
    int64_t opset = -1;
    std::string other_domains;
    for (const auto& imp : m.opset_import()) {
      if (IsDefaultDomain(imp.domain()))
        opset = imp.version();
      else
        other_domains += (other_domains.empty() ? "" : ", ") + imp.domain();
    }
    // A model of other domains only (e.g. ai.onnx.preview.training) is valid ONNX
    // that kiln does not support, not a broken file.
    if (opset < 0 && !other_domains.empty())
      return Unimplemented(
          "{}: the model uses only the operator domain(s) {}; kiln supports the "
          "default ai.onnx domain",
          s_.source, other_domains);
    if (opset < 0)
      return InvalidArgument(
          "{}: the model imports no default-domain (ai.onnx) opset", s_.source);
    s_.opset = report_.opset = opset;
    if (opset < kMinOpset || opset > kMaxOpset)
      return Unimplemented(
          "{}: opset {} is not supported; kiln imports opsets {} to {} "
          "(convert "
          "the model, e.g. onnx.version_converter.convert_version(model, 13))",
          s_.source, opset, kMinOpset, kMaxOpset);
    return Status::Ok();
  }

  // Checks every tensor libonnx may read (initializers and tensor attributes,
  // in subgraphs too) before shape inference does.
  Status ValidateTensors(const onnx::GraphProto& graph, int depth) {
    if (depth > 16)
      return Unimplemented("{}: subgraphs nest more than 16 deep", s_.source);
    if (graph.sparse_initializer_size() > 0)
      return Unimplemented("{}: sparse initializers are not supported",
                           s_.source);
    for (const auto& t : graph.initializer()) {
      Status st = ValidateTensorStructure(t);
      if (!st.ok())
        return st.WithContext(
            fmt::format("{}: initializer '{}'", s_.source, t.name()));
    }
    for (int k = 0; k < graph.node_size(); ++k) {
      const auto& node = graph.node(k);
      const std::string label =
          depth == 0 ? s_.NodeLabel(k)
                     : fmt::format("node '{}' ({}) in a subgraph", node.name(),
                                   node.op_type());
      KILN_RETURN_IF_ERROR(ValidateWindowAttrs(node, label));
      for (const auto& a : node.attribute()) {
        std::vector<const onnx::TensorProto*> tensors;
        if (a.has_t()) tensors.push_back(&a.t());
        for (const auto& t : a.tensors()) tensors.push_back(&t);
        if (a.has_sparse_tensor() || a.sparse_tensors_size() > 0)
          return Unimplemented(
              "{}: {}: sparse tensor attributes are not "
              "supported",
              s_.source, label);
        for (const auto* t : tensors) {
          Status st = ValidateTensorStructure(*t);
          if (!st.ok())
            return st.WithContext(fmt::format("{}: {}: attribute '{}'",
                                              s_.source, label, a.name()));
        }
        if (a.has_g()) KILN_RETURN_IF_ERROR(ValidateTensors(a.g(), depth + 1));
        for (const auto& sub : a.graphs())
          KILN_RETURN_IF_ERROR(ValidateTensors(sub, depth + 1));
      }
    }
    return Status::Ok();
  }

  // libonnx 1.12's conv/pool shape inference divides by these without checking
  // them (a crash on a hostile file), so they are checked first.
  Status ValidateWindowAttrs(const onnx::NodeProto& node,
                             const std::string& label) {
    static const char* kWindowOps[] = {
        "Conv",    "ConvTranspose", "ConvInteger", "QLinearConv",
        "MaxPool", "AveragePool",   "LpPool",      "MaxUnpool"};
    bool window = false;
    for (const char* op : kWindowOps) window |= node.op_type() == op;
    if (!window) return Status::Ok();
    // Bounded too: huge pads make huge shapes that later inference loops over.
    constexpr int64_t kMax = int64_t{1} << 24;
    for (const auto& a : node.attribute()) {
      bool positive = a.name() == "strides" || a.name() == "dilations" ||
                      a.name() == "kernel_shape" || a.name() == "group";
      if (!positive && a.name() != "pads") continue;
      bool ok = a.name() == "group" ? a.i() > 0 && a.i() <= kMax : true;
      for (int64_t v : a.ints()) ok &= v >= (positive ? 1 : 0) && v <= kMax;
      if (!ok)
        return InvalidArgument(
            "{}: {}: attribute '{}' must be {} and at most {}", s_.source,
            label, a.name(), positive ? "positive" : "non-negative", kMax);
    }
    return Status::Ok();
  }

  // Initializers, Constant-node values, graph inputs, producers; every value a
  // node reads must be defined somewhere.
  Status CollectValues() {
    s_.original_index.resize(g().node_size());
    for (int k = 0; k < g().node_size(); ++k) s_.original_index[k] = k;
    KILN_RETURN_IF_ERROR(ValidateTensors(g(), 0));
    std::unordered_map<std::string, std::string> defined_by;
    auto define = [&](const std::string& name, std::string what) -> Status {
      auto [it, fresh] = defined_by.emplace(name, what);
      if (!fresh)
        return InvalidArgument(
            "{}: value '{}' is defined twice ({} and {}); ONNX values must be "
            "assigned once",
            s_.source, name, it->second, what);
      s_.ReserveName(name);
      return Status::Ok();
    };
    for (const auto& t : g().initializer()) {
      if (t.name().empty())
        return InvalidArgument("{}: an initializer has no name", s_.source);
      KILN_RETURN_IF_ERROR(define(t.name(), "an initializer"));
      s_.constants[t.name()] = &t;
    }
    // Initializers that are also listed as graph inputs (IR version < 4
    // exporters) are constants, not inputs.
    for (const auto& in : g().input()) {
      if (s_.constants.count(in.name())) {
        report_.notes.push_back(fmt::format(
            "input '{}' has an initializer: kiln treats it as a constant",
            in.name()));
        continue;
      }
      KILN_RETURN_IF_ERROR(define(in.name(), "a graph input"));
      real_inputs_.push_back(in.name());
    }
    for (int k = 0; k < g().node_size(); ++k) {
      const auto& node = g().node(k);
      for (const auto& out : node.output()) {
        if (out.empty()) continue;
        KILN_RETURN_IF_ERROR(
            define(out, fmt::format("output of {}", s_.NodeLabel(k))));
        s_.producer[out] = k;
      }
    }
    for (int k = 0; k < g().node_size(); ++k) {
      for (const auto& in : g().node(k).input())
        if (!in.empty() && !defined_by.count(in))
          return InvalidArgument(
              "{}: {}: input '{}' is not a graph input, an initializer or the "
              "output of any node (a missing initializer? re-export the model "
              "with its weights)",
              s_.source, s_.NodeLabel(k), in);
    }
    if (g().output_size() == 0)
      return InvalidArgument("{}: the graph has no outputs", s_.source);
    for (const auto& out : g().output())
      if (!defined_by.count(out.name()))
        return InvalidArgument(
            "{}: graph output '{}' is not produced by any node, input or "
            "initializer",
            s_.source, out.name());
    return Status::Ok();
  }

  // Orders the nodes topologically (stable: a sorted graph keeps its order),
  // or reports a cycle by the nodes on it.
  Status SortNodes() {
    const int n = g().node_size();
    std::vector<int> missing(n, 0);
    std::vector<std::vector<int>> users(n);
    for (int k = 0; k < n; ++k) {
      for (const auto& in : g().node(k).input()) {
        auto p = s_.producer.find(in);
        if (in.empty() || p == s_.producer.end()) continue;
        ++missing[k];
        users[p->second].push_back(k);
      }
    }
    std::priority_queue<int, std::vector<int>, std::greater<int>> ready;
    for (int k = 0; k < n; ++k)
      if (missing[k] == 0) ready.push(k);
    std::vector<int> order;
    while (!ready.empty()) {
      int k = ready.top();
      ready.pop();
      order.push_back(k);
      for (int u : users[k])
        if (--missing[u] == 0) ready.push(u);
    }
    if (static_cast<int>(order.size()) < n) return CycleError(missing);
    bool sorted = true;
    for (int k = 0; k < n; ++k) sorted &= order[k] == k;
    if (sorted) return Status::Ok();
    auto* nodes = s_.model.mutable_graph()->mutable_node();
    google::protobuf::RepeatedPtrField<onnx::NodeProto> copy(*nodes);
    for (int k = 0; k < n; ++k) {
      *nodes->Mutable(k) = copy.Get(order[k]);
      s_.original_index[k] = order[k];
    }
    std::vector<int> position(n);
    for (int k = 0; k < n; ++k) position[order[k]] = k;
    for (auto& [name, k] : s_.producer) k = position[k];
    return Status::Ok();
  }

  // Walks producers from a node left unsorted until one repeats: a cycle.
  Status CycleError(const std::vector<int>& missing) {
    int k = 0;
    while (missing[k] == 0) ++k;
    std::vector<int> path;
    std::vector<int> seen_at(g().node_size(), -1);
    while (seen_at[k] < 0) {
      seen_at[k] = static_cast<int>(path.size());
      path.push_back(k);
      for (const auto& in : g().node(k).input()) {
        auto p = s_.producer.find(in);
        if (!in.empty() && p != s_.producer.end() && missing[p->second] > 0) {
          k = p->second;
          break;
        }
      }
    }
    // In data-flow order, starting from the node that comes first in the file.
    std::vector<int> cycle(path.begin() + seen_at[k], path.end());
    std::reverse(cycle.begin(), cycle.end());
    std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end()),
                cycle.end());
    std::vector<std::string> names;
    for (int c : cycle) names.push_back(fmt::format("'{}'", s_.NodeName(c)));
    names.push_back(names.front());
    return InvalidArgument(
        "{}: the graph has a cycle: {}; ONNX graphs must be acyclic", s_.source,
        fmt::join(names, " -> "));
  }

  // Marks the nodes the graph outputs need, following data inputs only, and
  // rejects live nodes kiln cannot import.
  Status FindLiveNodes() {
    std::vector<std::string> work;
    for (const auto& out : g().output()) work.push_back(out.name());
    std::vector<bool> live(g().node_size(), false);
    while (!work.empty()) {
      std::string v = work.back();
      work.pop_back();
      if (!s_.live_values.insert(v).second) continue;
      auto p = s_.producer.find(v);
      if (p == s_.producer.end()) continue;
      int k = p->second;
      const auto& node = g().node(k);
      if (live[k]) continue;
      live[k] = true;
      if (node.op_type() == "Constant" && IsDefaultDomain(node.domain()))
        continue;  // becomes an IR constant, not a node
      const OnnxOpInfo* info =
          IsDefaultDomain(node.domain()) ? FindOnnxOp(node.op_type()) : nullptr;
      for (int i = 0; i < node.input_size(); ++i)
        if (!node.input(i).empty() && (!info || IsDataInput(*info, i)))
          work.push_back(node.input(i));
    }
    std::vector<int> unsupported;
    for (int k = 0; k < g().node_size(); ++k) {
      if (!live[k]) continue;
      const auto& node = g().node(k);
      bool is_default = IsDefaultDomain(node.domain());
      if (is_default && node.op_type() == "Constant") {
        Status c = s_.AddConstantNode(k);
        if (!c.ok())
          s_.constant_errors[node.output(0)] = c.WithContext(s_.source);
        continue;
      }
      const OnnxOpInfo* info =
          is_default ? FindOnnxOp(node.op_type()) : nullptr;
      if (!info) {
        unsupported.push_back(k);
        continue;
      }
      if (s_.opset < info->min_opset || s_.opset > info->max_opset)
        return Unimplemented("{}: {}: kiln imports {} only for opsets {} to {} "
                             "(convert the model, e.g. "
                             "onnx.version_converter.convert_version(model, "
                             "13))",
                             s_.source, s_.NodeLabel(k), node.op_type(),
                             info->min_opset, info->max_opset);
      live_nodes_.push_back(k);
    }
    // Dead Constant nodes may still feed constant inputs (Reshape's shape).
    for (int k = 0; k < g().node_size(); ++k) {
      const auto& node = g().node(k);
      if (!live[k] && node.op_type() == "Constant" &&
          IsDefaultDomain(node.domain()) && node.output_size() == 1) {
        Status c = s_.AddConstantNode(k);
        if (!c.ok())
          s_.constant_errors[node.output(0)] = c.WithContext(s_.source);
      }
    }
    int dead = 0;
    for (int k = 0; k < g().node_size(); ++k) dead += !live[k];
    if (dead > 0)
      report_.notes.push_back(fmt::format(
          "{} of {} nodes are not needed by the outputs (shape computations, "
          "unused branches) and were not imported",
          dead, g().node_size()));
    if (unsupported.empty()) return Status::Ok();
    int k = unsupported.front();
    const auto& node = g().node(k);
    std::string msg =
        fmt::format("{}: {}: op is not supported by kiln; supported ops: {}",
                    s_.source, s_.NodeLabel(k), SupportedOnnxOps());
    if (IsShapeOp(node.op_type()))
      msg += fmt::format(
          ". If it computes a shape, note that kiln evaluates shape "
          "computations only where they feed a constant input (such as "
          "Reshape's shape); here its result is used as data");
    if (unsupported.size() > 1) {
      std::vector<std::string> others;
      for (size_t i = 1; i < unsupported.size() && i <= 5; ++i)
        others.push_back(fmt::format("'{}' ({})", s_.NodeName(unsupported[i]),
                                     g().node(unsupported[i]).op_type()));
      if (unsupported.size() > 6) others.push_back("...");
      msg += fmt::format(" (also unsupported: {})", fmt::join(others, ", "));
    }
    msg +=
        "; see docs/ops.md for the supported ops and their limits; replace "
        "the op in the model, or add an importer (docs/adding_an_op.md)";
    return Status(StatusCode::kUnimplemented, msg);
  }

  // Drops the nodes that neither the outputs nor the constant inputs of live
  // nodes need, so the checker and libonnx's inference only see what kiln
  // imports or evaluates (a dead custom op or a hostile dead branch cannot
  // fail the import).
  void PruneUnneededNodes() {
    const int n = g().node_size();
    std::vector<bool> needed(n, false);
    std::vector<std::string> work;
    for (const auto& out : g().output()) work.push_back(out.name());
    while (!work.empty()) {
      auto p = s_.producer.find(work.back());
      work.pop_back();
      if (p == s_.producer.end() || needed[p->second]) continue;
      needed[p->second] = true;
      for (const auto& in : g().node(p->second).input())
        if (!in.empty()) work.push_back(in);
    }
    if (std::count(needed.begin(), needed.end(), true) == n) return;
    auto* nodes = s_.model.mutable_graph()->mutable_node();
    google::protobuf::RepeatedPtrField<onnx::NodeProto> kept;
    std::vector<int> position(n, -1), original;
    for (int k = 0; k < n; ++k) {
      if (!needed[k]) continue;
      position[k] = kept.size();
      original.push_back(s_.original_index[k]);
      *kept.Add() = std::move(*nodes->Mutable(k));
    }
    nodes->Swap(&kept);
    s_.original_index = std::move(original);
    for (auto it = s_.producer.begin(); it != s_.producer.end();) {
      if (position[it->second] < 0) {
        it = s_.producer.erase(it);
      } else {
        it->second = position[it->second];
        ++it;
      }
    }
    for (int& k : live_nodes_) k = position[k];
  }

  // Fixes every input dimension before shape inference: --input-shape values
  // first, then 1 for symbolic, unknown or zero dims (a dynamic batch).
  Status ChooseInputShapes() {
    for (const auto& [name, shape] : options_.input_shapes) {
      if (std::find(real_inputs_.begin(), real_inputs_.end(), name) ==
          real_inputs_.end())
        return InvalidArgument(
            "{}: --input-shape names '{}', which is not an input of the model; "
            "its inputs are: {}",
            s_.source, name, fmt::join(real_inputs_, ", "));
      for (int64_t d : shape)
        if (d <= 0)
          return InvalidArgument(
              "{}: --input-shape {}={}: dimensions must be positive", s_.source,
              name, fmt::join(shape, "x"));
    }
    for (auto& in : *s_.model.mutable_graph()->mutable_input()) {
      if (s_.constants.count(in.name())) continue;
      const std::string& name = in.name();
      if (!in.type().has_tensor_type())
        return Unimplemented(
            "{}: input '{}' is not a tensor; kiln supports tensor inputs only",
            s_.source, name);
      auto* tt = in.mutable_type()->mutable_tensor_type();
      auto given = options_.input_shapes.find(name);
      ir::Shape used;
      if (given != options_.input_shapes.end()) {
        used = given->second;
        tt->mutable_shape()->clear_dim();
        for (int64_t d : used) tt->mutable_shape()->add_dim()->set_dim_value(d);
        report_.notes.push_back(
            fmt::format("input '{}': shape {} from --input-shape", name,
                        ir::ShapeToString(used)));
      } else {
        if (!tt->has_shape())
          return InvalidArgument(
              "{}: input '{}' has no shape in the model; give one with "
              "--input-shape {}=1x3x32x32 (your dimensions)",
              s_.source, name, name);
        auto* shape = tt->mutable_shape();
        for (int i = 0; i < shape->dim_size(); ++i) {
          auto* d = shape->mutable_dim(i);
          if (d->has_dim_value() && d->dim_value() > 0) {
            used.push_back(d->dim_value());
            continue;
          }
          std::string why =
              d->has_dim_param() && !d->dim_param().empty()
                  ? fmt::format("'{}' is symbolic", d->dim_param())
              : d->has_dim_value() ? fmt::format("is {}", d->dim_value())
                                   : std::string("is unknown");
          if (d->has_dim_value() && d->dim_value() == 0)
            zero_dim_read_as_one_ = true;
          report_.notes.push_back(
              fmt::format("input '{}': dim {} {}, used 1", name, i, why));
          d->set_dim_value(1);
          used.push_back(1);
        }
      }
      auto checked = CheckedShape(used);
      if (!checked.ok())
        return checked.status().WithContext(fmt::format(
            "{}: input '{}' [{}]", s_.source, name, fmt::join(used, ",")));
      report_.input_shapes_used[name] = used;
    }
    return Status::Ok();
  }

  Status RunChecker() {
    // The checker demands a shape on every graph output; one that inference
    // could not determine is reported later, by the node that produces it,
    // with a better message. Give the checker a placeholder meanwhile.
    auto* outputs = s_.model.mutable_graph()->mutable_output();
    std::vector<int> placeholders;
    for (int i = 0; i < outputs->size(); ++i) {
      auto* type = outputs->Mutable(i)->mutable_type();
      if (type->has_tensor_type() && !type->tensor_type().has_shape()) {
        type->mutable_tensor_type()->mutable_shape();
        placeholders.push_back(i);
      }
    }
    Status st = CheckGraph();
    for (int i : placeholders)
      outputs->Mutable(i)->mutable_type()->mutable_tensor_type()->clear_shape();
    return st;
  }

  Status CheckGraph() {
    onnx::checker::CheckerContext ctx;
    ctx.set_ir_version(static_cast<int>(s_.model.ir_version()));
    std::unordered_map<std::string, int> opsets;
    for (const auto& imp : s_.model.opset_import())
      opsets[IsDefaultDomain(imp.domain()) ? "" : imp.domain()] =
          static_cast<int>(imp.version());
    ctx.set_opset_imports(opsets);
    ctx.set_model_dir(s_.model_dir);
    onnx::checker::LexicalScopeContext lex;
    try {
      onnx::checker::check_graph(s_.model.graph(), ctx, lex);
    } catch (const onnx::checker::ValidationError& e) {
      return InvalidArgument("{}: the ONNX checker rejects the model: {}",
                             s_.source, e.what());
    }
    return Status::Ok();
  }

  // Strict ONNX shape inference with data propagation. libonnx 1.12 computes
  // the value of shape subgraphs (Shape -> Gather -> Concat) but its Reshape
  // rule does not read it, so such Reshape outputs are resolved here from the
  // propagated target and inference runs again for what follows them.
  Status RunShapeInference() {
    for (int round = 0; round <= g().node_size(); ++round) {
      std::unordered_map<std::string, onnx::TensorShapeProto> generated;
      try {
        onnx::shape_inference::InferShapes(
            s_.model, onnx::OpSchemaRegistry::Instance(),
            onnx::ShapeInferenceOptions{true, 1, true}, &generated);
      } catch (const std::exception& e) {
        // A fixed 0 dim read as 1 can contradict the graph (a Split into
        // empty parts): that is kiln's limit, not a malformed model.
        if (zero_dim_read_as_one_)
          return Unimplemented(
              "{}: ONNX shape inference failed with input shapes {}, where a "
              "0 dim was read as 1 (kiln has no zero-sized tensors): {}",
              s_.source, InputShapesText(), e.what());
        return InvalidArgument(
            "{}: ONNX shape inference failed (with input shapes {}): {}",
            s_.source, InputShapesText(), e.what());
      }
      s_.propagated.clear();
      for (auto& [name, shape] : generated) s_.propagated[name] = shape;
      RefreshValueTypes();
      bool changed = false;
      KILN_RETURN_IF_ERROR(ResolveReshapes(&changed));
      KILN_RETURN_IF_ERROR(FoldConstantNodes(&changed));
      if (!changed) break;
    }
    RefreshValueTypes();
    return Status::Ok();
  }

  void RefreshValueTypes() {
    s_.value_types.clear();
    for (const auto& v : g().input()) s_.value_types[v.name()] = &v.type();
    for (const auto& v : g().value_info()) s_.value_types[v.name()] = &v.type();
    for (const auto& v : g().output()) s_.value_types[v.name()] = &v.type();
  }

  // Replaces every node kiln can evaluate now (its inputs are constants, or
  // it is Shape/Size of a statically shaped value) by a Constant node holding
  // its value, so the next inference round, the importers and the IR see a
  // constant (const_fold.h). Positions stay, so liveness still holds.
  Status FoldConstantNodes(bool* changed) {
    auto* nodes = s_.model.mutable_graph()->mutable_node();
    for (int k = 0; k < nodes->size(); ++k) {
      const onnx::NodeProto& node = nodes->Get(k);
      if (!IsDefaultDomain(node.domain()) || !IsFoldableOp(node.op_type()) ||
          node.output_size() != 1 || node.output(0).empty())
        continue;
      std::vector<FoldInput> in(node.input_size());
      for (int i = 0; i < node.input_size(); ++i) {
        const std::string& name = node.input(i);
        if (name.empty()) continue;
        in[i].present = true;
        auto d = s_.ConstantData(name);
        if (d.ok()) in[i].value = std::move(*d);
        auto t = s_.ValueType(name);
        if (t.ok()) in[i].type = std::move(*t);
      }
      auto out = FoldOnnxNode(node, s_.opset, in);
      if (!out.ok()) {
        if (out.status().code() == StatusCode::kNotFound) continue;
        return out.status().WithContext(
            fmt::format("{}: {}", s_.source, s_.NodeLabel(k)));
      }
      onnx::NodeProto c;
      c.set_name(s_.NodeName(k));
      c.set_op_type("Constant");
      c.add_output(node.output(0));
      auto* a = c.add_attribute();
      a->set_name("value");
      a->set_type(onnx::AttributeProto::TENSOR);
      *a->mutable_t() = ToTensorProto((*out)[0], node.output(0));
      *nodes->Mutable(k) = std::move(c);
      KILN_RETURN_IF_ERROR(s_.AddConstantNode(k));
      ++report_.folded_nodes;
      *changed = true;
    }
    return Status::Ok();
  }

  Status ResolveReshapes(bool* changed) {
    for (int k = 0; k < g().node_size(); ++k) {
      const auto& node = g().node(k);
      if (node.op_type() != "Reshape" || !IsDefaultDomain(node.domain()) ||
          node.input_size() < 2 || node.output_size() < 1)
        continue;
      if (s_.ValueType(node.output(0)).ok()) continue;
      auto x = s_.ValueType(node.input(0));
      auto target = s_.ConstantData(node.input(1));
      if (!x.ok() || !target.ok()) continue;  // reported if the node is live
      auto dims = ToInt64s(*target);
      if (!dims.ok()) continue;
      int64_t allowzero = 0;
      for (const auto& a : node.attribute())
        if (a.name() == "allowzero") allowzero = a.i();
      std::vector<int64_t> shape;
      int64_t known = 1;
      int infer_at = -1;
      for (size_t i = 0; i < dims->size(); ++i) {
        int64_t d = (*dims)[i];
        if (d == 0 && !allowzero) {
          if (i >= x->shape.size()) return ReshapeError(k, *x, *dims);
          d = x->shape[i];
        }
        if (d == -1) {
          if (infer_at >= 0) return ReshapeError(k, *x, *dims);
          infer_at = static_cast<int>(i);
          shape.push_back(1);
          continue;
        }
        if (d < 0) return ReshapeError(k, *x, *dims);
        known *= d;
        shape.push_back(d);
      }
      int64_t n = x->num_elements();
      if (infer_at >= 0) {
        if (known == 0 || n % known != 0) return ReshapeError(k, *x, *dims);
        shape[infer_at] = n / known;
      } else if (known != n) {
        return ReshapeError(k, *x, *dims);
      }
      SetValueShape(node.output(0), shape, node.input(0));
      *changed = true;
    }
    return Status::Ok();
  }

  Status ReshapeError(int k, const ir::TensorType& x,
                      const std::vector<int64_t>& dims) {
    return InvalidArgument("{}: {}: cannot reshape [{}] to [{}]", s_.source,
                           s_.NodeLabel(k), fmt::join(x.shape, ","),
                           fmt::join(dims, ","));
  }

  // Records a computed shape for `name` (a graph output or value_info) with
  // the element type of `like`.
  void SetValueShape(const std::string& name, const std::vector<int64_t>& shape,
                     const std::string& like) {
    auto* graph = s_.model.mutable_graph();
    int32_t elem = onnx::TensorProto::UNDEFINED;
    auto t = s_.value_types.find(like);
    if (t != s_.value_types.end() && t->second->has_tensor_type())
      elem = t->second->tensor_type().elem_type();
    onnx::ValueInfoProto* info = nullptr;
    for (auto& v : *graph->mutable_output())
      if (v.name() == name) info = &v;
    for (auto& v : *graph->mutable_value_info())
      if (!info && v.name() == name) info = &v;
    if (!info) {
      info = graph->add_value_info();
      info->set_name(name);
    }
    auto* tt = info->mutable_type()->mutable_tensor_type();
    if (tt->elem_type() == onnx::TensorProto::UNDEFINED)
      tt->set_elem_type(elem);
    tt->mutable_shape()->clear_dim();
    for (int64_t d : shape) tt->mutable_shape()->add_dim()->set_dim_value(d);
  }

  std::string InputShapesText() const {
    std::vector<std::string> parts;
    for (const auto& [name, shape] : report_.input_shapes_used)
      parts.push_back(fmt::format("{}={}", name, ir::ShapeToString(shape)));
    return parts.empty() ? "none" : fmt::format("{}", fmt::join(parts, ", "));
  }

  Status BuildGraph() {
    ir::Graph& graph = s_.graph;
    graph.name = GraphNameFromPath(s_.source);
    for (const std::string& name : real_inputs_) {
      auto type = s_.ValueType(name);
      if (!type.ok())
        return type.status().WithContext(
            fmt::format("{}: input '{}'", s_.source, name));
      ir::TensorId id = graph.AddTensor(s_.NameForValue(name), *type);
      s_.ir_tensor[name] = id;
      graph.inputs.push_back(id);
    }
    for (int k : live_nodes_) {
      const auto& node = g().node(k);
      if (node.op_type() == "Constant") continue;  // folded (FoldConstantNodes)
      OpContext ctx(&s_, k);
      KILN_RETURN_IF_ERROR(FindOnnxOp(node.op_type())->import(ctx));
      // A backstop for importers: every output the graph reads must exist.
      for (int i = 0; i < node.output_size(); ++i)
        if (ctx.OutputUsed(i) && !s_.ir_tensor.count(node.output(i)))
          return ctx.Unsupported(
              "output {} ('{}') is used, but kiln imports only {} of this op",
              i, node.output(i), i == 1 ? "output 0" : "its first outputs");
    }
    for (const auto& out : g().output()) {
      auto id = s_.Tensor(out.name());
      if (!id.ok())
        return id.status().WithContext(
            fmt::format("{}: graph output '{}'", s_.source, out.name()));
      if (graph.type(*id).num_elements() == 0)
        return Unimplemented(
            "{}: graph output '{}' is empty ({}): an empty (zero-sized) output "
            "is not supported: kiln has no zero-sized tensors",
            s_.source, out.name(), graph.type(*id).ToString());
      if (graph.IsConst(*id)) {
        KILN_ASSIGN_OR_RETURN(*id, ConstantOutput(*id));
      }
      graph.outputs.push_back(*id);
    }
    // Node names must be unique in the IR; ONNX only recommends it.
    std::unordered_set<std::string> seen;
    for (ir::Node& n : graph.nodes) {
      if (seen.insert(n.name).second) continue;
      std::string fresh = n.name;
      for (int i = 1; seen.count(fresh); ++i)
        fresh = fmt::format("{}_{}", n.name, i);
      report_.notes.push_back(fmt::format(
          "node name '{}' appears more than once; kiln calls the repeat '{}'",
          n.name, fresh));
      n.name = fresh;
      seen.insert(fresh);
    }
    return Status::Ok();
  }

  // A graph output whose value is known at compile time (a folded shape
  // computation) is still written by the generated code: the constant gets a
  // fresh name and an Identity copies it into the output, which keeps the
  // ONNX name (remove-identity turns it into a copy).
  StatusOr<ir::TensorId> ConstantOutput(ir::TensorId c) {
    ir::Graph& graph = s_.graph;
    std::string name = graph.tensor(c).name;
    graph.tensor(c).name = s_.FreshName(name + "_value");
    ir::TensorType type = graph.type(c);
    ir::TensorId y = graph.AddTensor(name, type);
    graph.AddNode(ir::OpKind::kIdentity, name + "_copy", {c}, {y});
    report_.notes.push_back(fmt::format(
        "output '{}' is a constant computed at compile time; the generated "
        "code copies it",
        name));
    return y;
  }

  // Tags rank-4 activations NCHW: those an NCHW conv/pool/batchnorm/resize reads or
  // writes, and what elementwise ops derive from them. Graph inputs in another
  // order (TFLite exports start with a Transpose) stay untagged.
  void TagLayouts() {
    ir::Graph& graph = s_.graph;
    auto tag = [&](ir::TensorId id) {
      if (id == ir::kNoTensor || graph.IsConst(id)) return;
      auto& t = graph.tensor(id).type;
      if (t.rank() == 4) t.layout = ir::Layout::kNCHW;
    };
    for (const ir::Node& n : graph.nodes) {
      switch (n.op) {
        case ir::OpKind::kConv:
        case ir::OpKind::kAveragePool:
        case ir::OpKind::kMaxPool:
        case ir::OpKind::kGlobalAveragePool:
        case ir::OpKind::kGlobalMaxPool:
        case ir::OpKind::kBatchNormalization:
        case ir::OpKind::kConvTranspose:
        case ir::OpKind::kResize:
          tag(n.inputs[0]);
          tag(n.outputs[0]);
          break;
        default:
          break;
      }
    }
    for (const ir::Node& n : graph.nodes) {
      switch (n.op) {
        case ir::OpKind::kRelu:
        case ir::OpKind::kClip:
        case ir::OpKind::kAdd:
        case ir::OpKind::kIdentity:
        case ir::OpKind::kDropout:
        case ir::OpKind::kConcat:
          for (ir::TensorId in : n.inputs)
            if (in != ir::kNoTensor &&
                graph.type(in).layout == ir::Layout::kNCHW)
              tag(n.outputs[0]);
          break;
        default:
          break;
      }
    }
  }

  const ImportOptions& options_;
  ImportReport& report_;
  ModelState s_;
  std::vector<std::string> real_inputs_;
  std::vector<int> live_nodes_;  // positions, topological order
  bool zero_dim_read_as_one_ = false;  // an input dim of 0 became 1
};

}  // namespace

StatusOr<std::pair<std::string, ir::Shape>> ParseInputShape(
    std::string_view flag) {
  auto bad = [&]() {
    return InvalidArgument(
        "--input-shape '{}': expected NAME=DIMS with positive dimensions "
        "separated by 'x', e.g. input=1x3x32x32",
        flag);
  };
  size_t eq = flag.rfind('=');
  if (eq == std::string_view::npos || eq == 0 || eq + 1 == flag.size())
    return bad();
  std::string name(flag.substr(0, eq));
  ir::Shape shape;
  std::string_view dims = flag.substr(eq + 1);
  while (true) {
    size_t sep = dims.find_first_of("x,");
    std::string_view d = dims.substr(0, sep);
    int64_t v = 0;
    auto [end, ec] = std::from_chars(d.data(), d.data() + d.size(), v);
    if (d.empty() || ec != std::errc() || end != d.data() + d.size() || v <= 0)
      return bad();
    shape.push_back(v);
    if (sep == std::string_view::npos) break;
    dims = dims.substr(sep + 1);
  }
  return std::make_pair(std::move(name), std::move(shape));
}

std::string GraphNameFromPath(const std::string& path) {
  std::string stem = fs::path(path).stem().string();
  std::string out;
  for (char c : stem)
    out += (isalnum(static_cast<unsigned char>(c)) || c == '_') ? c : '_';
  if (out.empty()) return "model";
  if (isdigit(static_cast<unsigned char>(out[0]))) out = "m_" + out;
  return out;
}

StatusOr<ir::Graph> ImportOnnxModel(const onnx::ModelProto& model,
                                    const std::string& source_name,
                                    const ImportOptions& options,
                                    ImportReport* report) {
  ImportReport local;
  if (!report) report = &local;
  *report = ImportReport();
  // libonnx and protobuf report some failures by exceptions: none may escape.
  StatusOr<ir::Graph> g =
      InvalidArgument("{}: cannot import the model", source_name);
  try {
    Importer importer(model, source_name, options, report);
    g = importer.Run();
  } catch (const std::exception& e) {
    g = InvalidArgument("{}: cannot import the model: {}", source_name,
                        e.what());
  }
  if (g.ok()) return g;
  // One line per error: libonnx's messages carry "\n\n==> Context: ..." parts.
  std::string msg;
  for (char c : g.status().message()) {
    bool space = c == '\n' || c == '\r' || c == '\t' || c == ' ';
    if (space && (msg.empty() || msg.back() == ' ')) continue;
    msg += space ? ' ' : c;
  }
  while (!msg.empty() && msg.back() == ' ') msg.pop_back();
  return Status(g.status().code(), msg);
}

StatusOr<ir::Graph> ImportOnnxFile(const std::string& path,
                                   const ImportOptions& options,
                                   ImportReport* report) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return NotFound("{}: file not found", path);
  if (fs::is_directory(path, ec))
    return InvalidArgument("{}: is a folder, not an ONNX file", path);
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError("{}: cannot open the file", path);
  std::stringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return IoError("{}: cannot read the file", path);
  std::string bytes = buf.str();
  if (bytes.empty()) return InvalidArgument("{}: the file is empty", path);
  onnx::ModelProto model;
  if (!model.ParseFromString(bytes))
    return InvalidArgument(
        "{}: not a valid ONNX model: the protobuf cannot be parsed (a "
        "truncated "
        "or corrupted file?)",
        path);
  return ImportOnnxModel(model, path, options, report);
}

}  // namespace kiln::onnx_frontend
