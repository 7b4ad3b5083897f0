// Builds the compile report from the planned graph and the emitter's layer list.
#include "compiler/driver/report.h"

#include <fmt/format.h>

#include <algorithm>

#include "compiler/driver/report_html.h"
#include "compiler/memory/planner.h"
#include "compiler/support/files.h"
#include "compiler/passes/plan_memory.h"

namespace kiln::driver {

ArenaSummary SummarizeArena(const ir::Graph& g, bool share) {
  // The same buffer collection the planner placed (views share their root's
  // buffer), so live bytes and the bound are the planner's own inputs.
  ArenaSummary sum;
  sum.arena = passes::CollectArenaBuffers(g, 16, share);
  const int steps = static_cast<int>(g.nodes.size());
  sum.live.assign(steps, 0);
  for (const memory::Buffer& b : sum.arena.buffers)
    for (int s = std::max(b.first_step, 0); s <= b.last_step && s < steps; ++s)
      sum.live[s] += b.size;
  sum.peak_step = steps > 0 ? 0 : -1;
  for (int s = 1; s < steps; ++s)
    if (sum.live[s] > sum.live[sum.peak_step]) sum.peak_step = s;
  // The first tensor mapped to a buffer names it (the root: views come later).
  sum.buffer_tensor.assign(sum.arena.buffers.size(), ir::kNoTensor);
  for (size_t t = 0; t < sum.arena.buffer_of.size(); ++t) {
    int b = sum.arena.buffer_of[t];
    if (b >= 0 && sum.buffer_tensor[b] == ir::kNoTensor)
      sum.buffer_tensor[b] = static_cast<ir::TensorId>(t);
  }
  sum.lower_bound = memory::LowerBound(sum.arena.buffers);
  return sum;
}

std::string BufferName(const ir::Graph& g, const ArenaSummary& sum, size_t b) {
  int node = sum.arena.scratch_node[b];
  if (node >= 0) return g.nodes[node].name + ":scratch";
  return g.tensor(sum.buffer_tensor[b]).name;
}

Status CheckSramBudget(const ir::Graph& g, int64_t budget, const std::string& model) {
  if (budget <= 0 || g.arena_bytes <= budget) return Status::Ok();
  ArenaSummary sum = SummarizeArena(g);
  std::string tensors;
  if (sum.peak_step >= 0) {
    for (size_t b = 0; b < sum.arena.buffers.size(); ++b) {
      const memory::Buffer& mb = sum.arena.buffers[b];
      if (mb.size <= 0 || mb.first_step > sum.peak_step || mb.last_step < sum.peak_step)
        continue;
      tensors += fmt::format("{}{} ({} bytes)", tensors.empty() ? "" : ", ",
                             BufferName(g, sum, b), mb.size);
    }
  }
  const ir::Node* n = sum.peak_step >= 0 ? &g.nodes[sum.peak_step] : nullptr;
  return InvalidArgument(
      "{}: the activation arena needs {} bytes but --sram-budget is {} bytes (short by {} "
      "bytes); the peak is at step {} (layer '{}', op {}) where {} are live; "
      "use a smaller input shape or a larger budget",
      model, g.arena_bytes, budget, g.arena_bytes - budget, sum.peak_step,
      n ? n->name : std::string("?"), n ? std::string(ir::OpName(n->op)) : std::string("?"),
      tensors.empty() ? std::string("no tensors") : tensors);
}

nlohmann::json MakeReportJson(const ir::Graph& g, const codegen::EmitResult& e,
                              const ReportInputs& in) {
  using nlohmann::json;
  json r;
  r["schema"] = "kiln-report/1";
  r["model"] = in.model_path;
  r["name"] = in.model_prefix;
  r["target"] = in.target;
  r["opset"] = in.opset;
  r["notes"] = in.notes;
  json shapes = json::object();
  for (const auto& [name, s] : in.input_shapes_used) shapes[name] = s;
  r["input_shapes"] = shapes;
  auto io = [&](const std::vector<ir::TensorId>& ids) {
    json a = json::array();
    for (ir::TensorId t : ids)
      a.push_back({{"name", g.tensor(t).name},
                   {"dtype", ir::DTypeName(g.type(t).dtype)},
                   {"shape", g.type(t).shape},
                   {"bytes", g.type(t).bytes()}});
    return a;
  };
  r["inputs"] = io(g.inputs);
  r["outputs"] = io(g.outputs);
  ArenaSummary sum = SummarizeArena(g, in.memory ? in.memory->shared : true);
  const passes::ArenaBuffers& arena = sum.arena;
  const std::vector<int64_t>& live = sum.live;
  const std::vector<ir::TensorId>& buffer_tensor = sum.buffer_tensor;
  const int steps = static_cast<int>(g.nodes.size());
  const int peak_step = sum.peak_step;
  json buffers = json::array();
  json peak_tensors = json::array();
  for (size_t b = 0; b < arena.buffers.size(); ++b) {
    const memory::Buffer& mb = arena.buffers[b];
    const int scratch_node = arena.scratch_node[b];
    json jb;
    if (scratch_node >= 0) {
      // Kernel scratch: raw bytes of one layer's kernel, live at its step.
      jb = {{"tensor", BufferName(g, sum, b)},
            {"kind", "scratch"},
            {"dtype", "u8"},
            {"shape", {mb.size}},
            {"offset", g.nodes[scratch_node].scratch_offset}};
    } else {
      const ir::Tensor& tt = g.tensor(buffer_tensor[b]);
      jb = {{"tensor", tt.name},
            {"kind", "tensor"},
            {"dtype", ir::DTypeName(tt.type.dtype)},
            {"shape", tt.type.shape},
            // A concat slice may name its buffer: its offset less its place
            // in the buffer is the buffer's.
            {"offset", tt.offset - arena.offset_in_buffer[buffer_tensor[b]]}};
    }
    jb["size"] = mb.size;
    jb["first_step"] = mb.first_step;
    jb["last_step"] = mb.last_step;
    buffers.push_back(jb);
    if (steps > 0 && mb.size > 0 && mb.first_step <= peak_step && peak_step <= mb.last_step)
      peak_tensors.push_back(jb["tensor"]);
  }
  json layers = json::array();
  for (size_t i = 0; i < e.layers.size(); ++i) {
    const auto& l = e.layers[i];
    const ir::Tensor& out = g.tensor(g.nodes[i].outputs[0]);
    // What the layer writes, so `kiln validate` can read a dump of it and
    // trace it back to the ONNX value it computes.
    json output = {{"name", out.name},
                   {"dtype", ir::DTypeName(out.type.dtype)},
                   {"layout", ir::LayoutName(out.type.layout)},
                   {"shape", out.type.shape}};
    if (out.type.quant.scale.size() == 1) {
      output["scale"] = out.type.quant.scale[0];
      output["zero_point"] = out.type.quant.zero_point[0];
    }
    layers.push_back({{"index", i},
                      {"name", l.name},
                      {"op", l.op},
                      {"kernel", l.kernel},
                      {"precision", ir::PrecisionName(ir::NodePrecision(g, g.nodes[i]))},
                      {"output", output},
                      {"input_shapes", l.input_shapes},
                      {"output_shape", l.output_shape},
                      {"macs", l.macs},
                      {"weights_bytes", l.weight_bytes},
                      {"weight_bytes", l.weight_bytes},
                      {"output_bytes", l.output_bytes},
                      {"live_bytes", i < live.size() ? live[i] : 0},
                      {"scratch_bytes", g.nodes[i].scratch_bytes},
                      {"arena_offset", out.offset}});
  }
  r["layers"] = layers;
  const int64_t lower_bound = sum.lower_bound;
  r["arena_bytes"] = g.arena_bytes;
  r["lower_bound_bytes"] = lower_bound;
  r["peak_step"] = steps > 0 ? peak_step : -1;
  r["peak_tensors"] = peak_tensors;
  r["weights_bytes"] = e.weight_bytes;
  r["macs"] = e.macs;
  // Firmware totals come from a built ELF; targets that build none report null.
  r["flash_bytes"] = nullptr;
  r["ram_total_bytes"] = nullptr;
  json planners = {{"greedy_by_size", memory::PlanGreedyBySize(arena.buffers).total_bytes},
                    {"kiln", g.arena_bytes},
                    {"lower_bound", lower_bound}};
  if (in.memory) {
    // What schedule and plan-memory found (docs/passes.md): kiln's plan even
    // when another planner was chosen, the exact search's verdict, and the
    // order's bound against the import order's.
    const passes::MemoryStats& m = *in.memory;
    const memory::PlanSummary& p = m.plan;
    planners["greedy_by_size"] = p.greedy_by_size_bytes;
    planners["best_fit"] = p.best_fit_bytes;
    planners["kiln"] = p.kiln_bytes;
    planners["exact"] = {{"optimal", p.exact_optimal},
                         {"searched", p.exact_searched},
                         {"nodes", p.exact_nodes},
                         {"gap_bytes", p.kiln_bytes - p.lower_bound_bytes}};
    planners["order"] = {{"input_order_lower_bound", m.input_order_lower_bound},
                         {"lower_bound", m.order_lower_bound},
                         {"optimal", m.order_optimal},
                         {"states", m.order_states}};
  }
  r["planners"] = planners;
  r["buffers"] = buffers;
  if (!in.quantization.is_null()) {
    json q = in.quantization;
    std::map<std::string, int> per;
    for (const auto& l : layers) ++per[l["precision"].get<std::string>()];
    q["layers"] = per;
    r["quantization"] = q;
  }
  r["totals"] = {{"macs", e.macs},
                 {"weight_bytes", e.weight_bytes},
                 {"arena_bytes", g.arena_bytes},
                 {"arena_lower_bound", lower_bound},
                 {"layers", e.layers.size()}};
  return r;
}

std::string MakeReportText(const nlohmann::json& r) {
  std::string s = fmt::format("kiln report: {} ({}) for target {}\n\n",
                              r["name"].get<std::string>(),
                              r["model"].get<std::string>(),
                              r["target"].get<std::string>());
  for (const auto& n : r["notes"]) s += "note: " + n.get<std::string>() + "\n";
  if (r.contains("quantization")) {
    const auto& q = r["quantization"];
    s += fmt::format("quantization: {} (calibration {} on {} samples); layers:",
                     q["scheme"].get<std::string>(),
                     q["calibration_method"].get<std::string>(),
                     q["calibration_samples"].get<int64_t>());
    for (const auto& [k, v] : q["layers"].items()) s += fmt::format(" {} {}", v.get<int>(), k);
    s += "\n";
  }
  s += fmt::format("{:>3}  {:<28} {:<16} {:<7} {:<18} {:>12} {:>10} {:>10} {:>10} {:>8}\n", "#",
                   "layer", "op", "prec", "output", "MACs", "weights", "live", "offset",
                   "scratch");
  const int64_t peak_step = r.value("peak_step", int64_t{-1});
  for (const auto& l : r["layers"]) {
    std::string name = l["name"].get<std::string>();
    if (name.size() > 28) name = name.substr(0, 25) + "...";
    std::vector<int64_t> shape = l["output_shape"];
    int64_t idx = l["index"].get<int64_t>();
    s += fmt::format("{:>3}{} {:<28} {:<16} {:<7} {:<18} {:>12} {:>10} {:>10} {:>10} {:>8}\n", idx,
                     idx == peak_step ? "*" : " ", name, l["op"].get<std::string>(),
                     l.value("precision", std::string("float")),
                     fmt::format("{}", fmt::join(shape, "x")), l["macs"].get<int64_t>(),
                     l["weights_bytes"].get<int64_t>(), l.value("live_bytes", int64_t{0}),
                     l["arena_offset"].get<int64_t>(), l.value("scratch_bytes", int64_t{0}));
  }
  const int64_t arena = r["arena_bytes"].get<int64_t>();
  const int64_t bound = r["lower_bound_bytes"].get<int64_t>();
  s += fmt::format(
      "\ntotal: {} MACs, {} weight bytes, activation arena {} bytes (lower bound for "
      "this order: {} bytes{})\n",
      r["macs"].get<int64_t>(), r["weights_bytes"].get<int64_t>(), arena, bound,
      bound > 0 ? fmt::format(", {:.3f}x", static_cast<double>(arena) / bound) : "");
  if (peak_step >= 0) {
    std::vector<std::string> peak = r["peak_tensors"];
    s += fmt::format("peak: step {} (*), live there: {}\n", peak_step,
                     peak.empty() ? std::string("nothing") : fmt::format("{}", fmt::join(peak, ", ")));
  }
  if (r.contains("planners")) {
    s += "planners:";
    for (auto it = r["planners"].begin(); it != r["planners"].end(); ++it)
      if (it.value().is_number_integer())
        s += fmt::format(" {} {} B;", it.key(), it.value().get<int64_t>());
    s += "\n";
    const auto& p = r["planners"];
    if (p.contains("exact"))
      s += fmt::format("kiln's plan is {}; order lower bound {} B (import order {} B)\n",
                       p["exact"]["optimal"].get<bool>() ? "proven optimal"
                                                         : "not proven optimal",
                       p["order"]["lower_bound"].get<int64_t>(),
                       p["order"]["input_order_lower_bound"].get<int64_t>());
  }
  // Firmware targets: filled from the built ELF by `kiln run` (docs/pulp.md).
  if (r.contains("flash_bytes") && r["flash_bytes"].is_number_integer()) {
    s += fmt::format("firmware: flash {} B", r["flash_bytes"].get<int64_t>());
    if (r.contains("ram_total_bytes") && r["ram_total_bytes"].is_number_integer())
      s += fmt::format(", RAM {} B", r["ram_total_bytes"].get<int64_t>());
    const nlohmann::json st = r.value("firmware", nlohmann::json::object())
                                  .value("stack", nlohmann::json::object());
    if (st.value("core0_bytes", nlohmann::json()).is_number_integer() &&
        st.value("worker_bytes", nlohmann::json()).is_number_integer())
      s += fmt::format(" (worst-case stack: core 0 {} B, other cores {} B each)",
                       st["core0_bytes"].get<int64_t>(), st["worker_bytes"].get<int64_t>());
    s += "\n";
  }
  return s;
}

StatusOr<nlohmann::json> RedrawReport(const std::string& dir) {
  std::string path = dir + "/report.json";
  auto text = ReadFileText(path);
  if (!text.ok())
    return InvalidArgument("'{}' is not a kiln output folder (no report.json); "
                           "create one with `kiln compile MODEL -o {}`",
                           dir, dir);
  nlohmann::json r = nlohmann::json::parse(*text, nullptr, false);
  if (r.is_discarded() || !r.is_object() || !r.contains("layers") ||
      !r.contains("arena_bytes") || !r.contains("lower_bound_bytes"))
    return InvalidArgument(
        "'{}' is damaged or from an older kiln; recompile the model with `kiln compile`",
        path);
  KILN_RETURN_IF_ERROR(WriteFileText(dir + "/report.txt", MakeReportText(r)));
  KILN_RETURN_IF_ERROR(WriteFileText(dir + "/report.html", MakeReportHtml(r)));
  return r;
}

}  // namespace kiln::driver
