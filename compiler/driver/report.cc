// Builds the compile report from the planned graph and the emitter's layer list.
#include "compiler/driver/report.h"

#include <fmt/format.h>

#include "compiler/memory/planner.h"
#include "compiler/passes/plan_memory.h"

namespace kiln::driver {

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
  json layers = json::array();
  for (size_t i = 0; i < e.layers.size(); ++i) {
    const auto& l = e.layers[i];
    const ir::Tensor& out = g.tensor(g.nodes[i].outputs[0]);
    layers.push_back({{"index", i},
                      {"name", l.name},
                      {"op", l.op},
                      {"kernel", l.kernel},
                      {"input_shapes", l.input_shapes},
                      {"output_shape", l.output_shape},
                      {"macs", l.macs},
                      {"weight_bytes", l.weight_bytes},
                      {"output_bytes", l.output_bytes},
                      {"arena_offset", out.offset}});
  }
  r["layers"] = layers;
  // The peak that no placement of this execution order can beat (docs/reports).
  int64_t lower_bound =
      memory::LowerBound(passes::CollectArenaBuffers(g, 16).buffers);
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
  s += fmt::format("{:>3}  {:<28} {:<16} {:<18} {:>12} {:>10} {:>10}\n", "#", "layer",
                   "op", "output", "MACs", "weights", "offset");
  for (const auto& l : r["layers"]) {
    std::string name = l["name"].get<std::string>();
    if (name.size() > 28) name = name.substr(0, 25) + "...";
    std::vector<int64_t> shape = l["output_shape"];
    s += fmt::format("{:>3}  {:<28} {:<16} {:<18} {:>12} {:>10} {:>10}\n",
                     l["index"].get<int>(), name, l["op"].get<std::string>(),
                     fmt::format("{}", fmt::join(shape, "x")), l["macs"].get<int64_t>(),
                     l["weight_bytes"].get<int64_t>(), l["arena_offset"].get<int64_t>());
  }
  const auto& t = r["totals"];
  s += fmt::format(
      "\ntotal: {} MACs, {} weight bytes, activation arena {} bytes (lower bound "
      "for this order: {} bytes)\n",
      t["macs"].get<int64_t>(), t["weight_bytes"].get<int64_t>(),
      t["arena_bytes"].get<int64_t>(), t["arena_lower_bound"].get<int64_t>());
  return s;
}

}  // namespace kiln::driver
