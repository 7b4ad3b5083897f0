// `kiln validate --per-layer` (see validate_target.h). Both builds run in batch
// mode with every layer's output dumped for the first samples (the x86 host
// runner's --dump, the pulp harness's dump records); layers correspond one to
// one because both compiles run the same passes on the same calibration.
#include "compiler/driver/validate_target.h"

#include <fmt/format.h>

#include <filesystem>
#include <random>

#include "compiler/driver/compile.h"
#include "compiler/driver/sample_data.h"
#include "compiler/support/files.h"

namespace kiln::driver {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

struct Build {
  std::string dir, prefix;
  json report;
};

StatusOr<Build> CompileFor(const ValidateOptions& o, const std::string& target,
                           const std::string& dir) {
  CompileOptions co;
  co.model_path = o.model_path;
  co.target = target;
  co.out_dir = dir;
  co.force = true;
  co.quantize = o.quantize;
  co.calibration_dir = o.calibration_dir;
  co.calibration_method = o.calibration_method;
  co.progress = o.progress;
  for (const auto& [name, shape] : o.input_shapes)
    co.input_shapes[name] = shape;
  KILN_ASSIGN_OR_RETURN(CompileResult cr, Compile(co));
  KILN_ASSIGN_OR_RETURN(std::string text, ReadFileText(dir + "/report.json"));
  return Build{dir, cr.model_prefix, json::parse(text)};
}

Status RunBatch(const Build& b, const std::string& target_name,
                const std::vector<std::string>& ins,
                const std::vector<std::string>& outs, const std::string& dump,
                int64_t dump_samples, int cores) {
  KILN_ASSIGN_OR_RETURN(const backends::Target* target,
                        FindTarget(target_name));
  if (!target->run)
    return Unimplemented("target '{}' cannot run yet", target_name);
  fs::create_directories(dump);
  backends::RunRequest req;
  req.dir = b.dir;
  req.model_prefix = b.prefix;
  req.inputs = ins;
  req.outputs = outs;
  req.quiet = true;
  req.batch = true;
  req.dump_dir = dump;
  req.dump_samples = dump_samples;
  req.cores = cores;
  return target->run(req);
}

}  // namespace

StatusOr<LayerComparison> CompareLayerDumps(const json& rl,
                                            const std::string& ref_dir,
                                            const json& dl,
                                            const std::string& dut_dir) {
  if (rl.size() != dl.size())
    return Internal("the two builds have {} and {} layers", rl.size(),
                    dl.size());
  LayerComparison cmp;
  cmp.first = nullptr;
  for (size_t i = 0; i < rl.size(); ++i) {
    KILN_ASSIGN_OR_RETURN(
        std::vector<uint8_t> a,
        ReadFileBytes(fmt::format("{}/layer_{}.bin", ref_dir, i)));
    KILN_ASSIGN_OR_RETURN(
        std::vector<uint8_t> b,
        ReadFileBytes(fmt::format("{}/layer_{}.bin", dut_dir, i)));
    if (a == b) continue;
    ++cmp.differing;
    if (!cmp.first.is_null()) continue;
    size_t at = 0;
    while (at < a.size() && at < b.size() && a[at] == b[at]) ++at;
    int64_t per_sample =
        std::max<int64_t>(1, rl[i]["output_bytes"].get<int64_t>());
    cmp.first = {{"index", i},
                 {"name", rl[i]["name"]},
                 {"op", rl[i]["op"]},
                 {"kernel", dl[i]["kernel"]},
                 {"reference_kernel", rl[i]["kernel"]},
                 {"sample", static_cast<int64_t>(at) / per_sample},
                 {"byte", static_cast<int64_t>(at) % per_sample},
                 {"bytes", {a.size(), b.size()}}};
    if (at < a.size() && at < b.size()) cmp.first["values"] = {a[at], b[at]};
  }
  return cmp;
}

StatusOr<json> ValidatePerLayer(const ValidateOptions& o) {
  if (o.quantize != "int8")
    return InvalidArgument(
        "--per-layer compares int8 builds: give --quantize int8 "
        "--calibration DIR");
  if (o.target == "x86")
    return InvalidArgument(
        "--per-layer compares a target with the x86 build: give "
        "--target pulp");
  KILN_ASSIGN_OR_RETURN(WorkDir work_dir,
                        WorkDir::Make(o.work_dir, "validate"));
  const std::string& work = work_dir.path();

  KILN_ASSIGN_OR_RETURN(Build ref, CompileFor(o, "x86", work + "/x86"));
  KILN_ASSIGN_OR_RETURN(Build dut,
                        CompileFor(o, o.target, work + "/" + o.target));
  const json& rl = ref.report["layers"];
  const json& dl = dut.report["layers"];
  if (rl.size() != dl.size())
    return Internal("the x86 and {} builds have {} and {} layers", o.target,
                    rl.size(), dl.size());

  std::vector<InputSpec> inputs;
  for (const json& in : ref.report["inputs"]) {
    if (in["dtype"] != "f32")
      return Unimplemented(
          "validate --per-layer: input '{}' is {}; only float inputs",
          in["name"].get<std::string>(), in["dtype"].get<std::string>());
    inputs.push_back({in["name"], in["shape"].get<std::vector<int64_t>>()});
  }
  SampleSet set;
  if (!o.data_dir.empty()) {
    KILN_ASSIGN_OR_RETURN(set, LoadSamples(o.data_dir, inputs, "--data"));
  } else {
    set.count = std::max(1, o.samples);
    std::mt19937_64 rng(o.seed);
    std::uniform_real_distribution<float> u(-1.0f, 1.0f);
    for (const InputSpec& in : inputs) {
      set.per_input.emplace_back(set.count * ir::NumElements(in.shape));
      for (float& v : set.per_input.back()) v = u(rng);
    }
  }
  std::vector<std::string> in_files;
  for (size_t i = 0; i < inputs.size(); ++i) {
    in_files.push_back(fmt::format("{}/in_{}.npy", work, i));
    KILN_RETURN_IF_ERROR(WriteNpy(in_files.back(), BatchArray(set, inputs, i)));
  }
  int64_t layer_samples =
      std::min<int64_t>(std::max(1, o.layer_samples), set.count);
  size_t no = ref.report["outputs"].size();
  std::vector<std::string> ref_outs, dut_outs;
  for (size_t k = 0; k < no; ++k) {
    ref_outs.push_back(fmt::format("{}/x86_out_{}.npy", work, k));
    dut_outs.push_back(fmt::format("{}/{}_out_{}.npy", work, o.target, k));
  }
  KILN_RETURN_IF_ERROR(RunBatch(ref, "x86", in_files, ref_outs,
                                work + "/x86_layers", layer_samples, o.cores));
  KILN_RETURN_IF_ERROR(RunBatch(dut, o.target, in_files, dut_outs,
                                work + "/" + o.target + "_layers",
                                layer_samples, o.cores));

  json result;
  result["model"] = o.model_path;
  result["target"] = o.target;
  result["reference"] = "x86";
  result["samples"] = set.count;
  result["layer_samples"] = layer_samples;
  result["layers_compared"] = rl.size();
  KILN_ASSIGN_OR_RETURN(LayerComparison cmp,
                        CompareLayerDumps(rl, work + "/x86_layers", dl,
                                          work + "/" + o.target + "_layers"));
  bool outputs_same = true;
  for (size_t k = 0; k < no; ++k) {
    KILN_ASSIGN_OR_RETURN(std::vector<uint8_t> a, ReadFileBytes(ref_outs[k]));
    KILN_ASSIGN_OR_RETURN(std::vector<uint8_t> b, ReadFileBytes(dut_outs[k]));
    outputs_same &= a == b;
  }
  result["first_difference"] = cmp.first;
  result["layers_differing"] = cmp.differing;
  result["outputs_identical"] = outputs_same;
  result["passed"] = cmp.first.is_null() && outputs_same;
  return result;
}

std::string ValidatePerLayerText(const json& r) {
  std::string s = fmt::format(
      "{} on {} against x86, int8, {} sample(s) ({} per layer), {} layers "
      "compared\n",
      r["model"].get<std::string>(), r["target"].get<std::string>(),
      r["samples"].get<int64_t>(), r["layer_samples"].get<int64_t>(),
      r["layers_compared"].get<size_t>());
  const json& f = r["first_difference"];
  if (!f.is_null())
    s += fmt::format(
        "first layer that differs: #{} '{}' ({}, kernel {} vs {}), sample {}, "
        "byte {}; "
        "{} layer(s) differ\n",
        f["index"].get<size_t>(), f["name"].get<std::string>(),
        f["op"].get<std::string>(), f["kernel"].get<std::string>(),
        f["reference_kernel"].get<std::string>(), f["sample"].get<int64_t>(),
        f["byte"].get<int64_t>(), r["layers_differing"].get<int64_t>());
  else
    s += "every layer is identical\n";
  s += fmt::format("outputs: {}\n", r["outputs_identical"].get<bool>()
                                        ? "identical"
                                        : "DIFFERENT");
  return s;
}

}  // namespace kiln::driver
