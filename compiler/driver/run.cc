// `kiln run` and `kiln validate` (see run.h).
#include "compiler/driver/run.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <random>

#include <fmt/format.h>

#include "compiler/driver/compile.h"
#include "compiler/driver/report.h"
#include "compiler/support/files.h"
#include "compiler/support/npy.h"

#ifndef KILN_SOURCE_DIR
#define KILN_SOURCE_DIR "."
#endif

namespace kiln::driver {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

StatusOr<json> ReadReport(const std::string& dir) {
  std::string path = dir + "/report.json";
  auto text = ReadFileText(path);
  if (!text.ok())
    return InvalidArgument("'{}' is not a kiln output folder (no report.json); "
                           "create one with `kiln compile MODEL -o {}`",
                           dir, dir);
  json r = json::parse(*text, nullptr, false);
  if (r.is_discarded() || !r.contains("layers"))
    return InvalidArgument("'{}': report.json is damaged; recompile the model", path);
  return r;
}

std::string Quote(const std::string& s) {
  std::string o = "'";
  for (char c : s) o += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return o + "'";
}

}  // namespace

Status MergeFirmwareTotals(const std::string& dir, json* report) {
  auto text = ReadFileText(dir + "/build/firmware.json");
  if (!text.ok()) return Status::Ok();  // no firmware built for this target
  json fw = json::parse(*text, nullptr, false);
  if (fw.is_discarded() || !fw.contains("flash_bytes")) return Status::Ok();
  (*report)["flash_bytes"] = fw["flash_bytes"];
  (*report)["ram_total_bytes"] = fw["ram_total_bytes"];
  (*report)["firmware"] = fw;
  KILN_RETURN_IF_ERROR(WriteFileText(dir + "/report.json", report->dump(2) + "\n"));
  return RedrawReport(dir).status();
}

StatusOr<std::string> OrtRunner() {
  const char* env = std::getenv("KILN_SOURCE_DIR");
  std::string root = env ? env : KILN_SOURCE_DIR;
  std::string script = root + "/tools/ort_run.js";
  std::string mod = root + "/third_party/ort/node_modules/onnxruntime-node/package.json";
  if (!fs::exists(script) || !fs::exists(mod))
    return NotFound(
        "ONNX Runtime (npm onnxruntime-node) is not installed under '{}'; run "
        "`tools/setup.sh` (it runs `npm ci --ignore-scripts` in third_party/ort)",
        root);
  if (std::system("command -v node >/dev/null 2>&1") != 0)
    return NotFound("Node.js is needed to run ONNX Runtime; run `tools/setup.sh`");
  return script;
}

StatusOr<json> RunCompiled(const RunOptions& o) {
  KILN_ASSIGN_OR_RETURN(json report, ReadReport(o.dir));
  KILN_ASSIGN_OR_RETURN(const backends::Target* target,
                        FindTarget(report["target"].get<std::string>()));
  size_t ni = report["inputs"].size(), no = report["outputs"].size();
  // Several groups of inputs/outputs are several runs in one process, on one
  // arena: how a user checks that a second inference equals the first.
  size_t runs = ni ? o.inputs.size() / ni : 0;
  if (ni == 0 || o.inputs.empty() || o.inputs.size() % ni != 0)
    return InvalidArgument("the model in '{}' has {} input(s); got {} --input", o.dir,
                           ni, o.inputs.size());
  if (o.outputs.size() != runs * no)
    return InvalidArgument("the model in '{}' has {} output(s); got {} --output for {} run(s)",
                           o.dir, no, o.outputs.size(), runs);
  // Check each input against the model before building anything.
  for (size_t k = 0; k < o.inputs.size(); ++k) {
    KILN_ASSIGN_OR_RETURN(NpyArray a, ReadNpy(o.inputs[k]));
    const json& want = report["inputs"][k % ni];
    if (a.num_elements() * a.element_bytes() != want["bytes"].get<int64_t>())
      return InvalidArgument(
          "input '{}' ({}) has shape [{}], the model expects {} [{}]",
          want["name"].get<std::string>(), o.inputs[k], fmt::join(a.shape, ","),
          want["dtype"].get<std::string>(),
          fmt::join(want["shape"].get<std::vector<int64_t>>(), ","));
  }
  backends::RunRequest req;
  req.dir = o.dir;
  req.model_prefix = report["name"];
  req.inputs = o.inputs;
  req.outputs = o.outputs;
  req.quiet = o.quiet;
  req.layer_times_json = o.dir + "/build/layer_times.json";
  req.cores = o.cores;
  if (!target->run) return Unimplemented("target '{}' cannot run models yet", target->name);
  KILN_RETURN_IF_ERROR(target->run(req));
  KILN_RETURN_IF_ERROR(MergeFirmwareTotals(o.dir, &report));

  json times = json::object();
  if (auto t = ReadFileText(req.layer_times_json); t.ok())
    times = json::parse(*t, nullptr, false);
  json out;
  out["target"] = target->name;
  out["model"] = report["name"];
  out["macs"] = report["totals"]["macs"];
  if (times.is_object() && times.contains("cycles")) {
    out["cycles"] = times["cycles"];
    out["cores"] = times["cores"];
    out["runs"] = times["runs"];
    out["stack_high_water"] = times["stack_high_water"];
    if (report.contains("firmware")) out["firmware"] = report["firmware"];
  }
  json outs = json::array();
  for (size_t k = 0; k < o.outputs.size(); ++k)
    outs.push_back({{"name", report["outputs"][k % no]["name"]},
                    {"shape", report["outputs"][k % no]["shape"]},
                    {"run", k / no},
                    {"file", o.outputs[k]}});
  out["outputs"] = outs;
  json layers = json::array();
  for (size_t i = 0; i < report["layers"].size(); ++i) {
    const json& l = report["layers"][i];
    json e = {{"name", l["name"]}, {"op", l["op"]}, {"macs", l["macs"]}};
    if (times.is_object() && times.contains("layer_us") && i < times["layer_us"].size())
      e["time_us"] = times["layer_us"][i];
    if (times.is_object() && times.contains("layer_cycles") &&
        i < times["layer_cycles"].size())
      e["cycles"] = times["layer_cycles"][i];
    layers.push_back(e);
  }
  out["layers"] = layers;
  return out;
}

namespace {

// Uniform random inputs in [-1, 1) (integers: the type's full range), seeded.
NpyArray RandomInput(const json& info, std::mt19937_64& rng) {
  NpyArray a;
  std::string dt = info["dtype"];
  a.shape = info["shape"].get<std::vector<int64_t>>();
  int64_t n = a.num_elements();
  if (dt == "f32") {
    a.dtype = "f4";
    std::uniform_real_distribution<float> u(-1.0f, 1.0f);
    a.data.resize(n * 4);
    for (int64_t i = 0; i < n; ++i) {
      float v = u(rng);
      memcpy(&a.data[i * 4], &v, 4);
    }
  } else {
    a.dtype = dt == "s8" ? "i1" : dt == "u8" ? "u1" : dt == "s32" ? "i4" : "i8";
    a.data.resize(n * a.element_bytes());
    for (auto& b : a.data) b = static_cast<uint8_t>(rng());
  }
  return a;
}

struct Diff {
  double max_abs_err = 0, max_abs_ref = 0;
  bool shape_ok = true;
  bool nan_mismatch = false;
};

StatusOr<Diff> Compare(const std::string& got_path, const std::string& ref_path) {
  KILN_ASSIGN_OR_RETURN(NpyArray got, ReadNpy(got_path));
  KILN_ASSIGN_OR_RETURN(NpyArray ref, ReadNpy(ref_path));
  Diff d;
  if (got.num_elements() != ref.num_elements() || got.dtype != ref.dtype) {
    d.shape_ok = false;
    return d;
  }
  for (int64_t i = 0; i < got.num_elements(); ++i) {
    double a, b;
    if (got.dtype == "f4") {
      float x, y;
      memcpy(&x, &got.data[i * 4], 4);
      memcpy(&y, &ref.data[i * 4], 4);
      a = x;
      b = y;
    } else if (got.dtype == "i1") {
      a = static_cast<int8_t>(got.data[i]);
      b = static_cast<int8_t>(ref.data[i]);
    } else {
      a = got.data[i];
      b = ref.data[i];
    }
    if (std::isnan(a) != std::isnan(b)) d.nan_mismatch = true;
    if (std::isnan(a) || std::isnan(b)) continue;
    d.max_abs_err = std::max(d.max_abs_err, std::fabs(a - b));
    d.max_abs_ref = std::max(d.max_abs_ref, std::fabs(b));
  }
  return d;
}

}  // namespace

StatusOr<json> Validate(const ValidateOptions& o) {
  KILN_ASSIGN_OR_RETURN(std::string ort, OrtRunner());
  KILN_ASSIGN_OR_RETURN(WorkDir work_dir, WorkDir::Make(o.work_dir, "validate"));
  const std::string& work = work_dir.path();

  CompileOptions co;
  co.model_path = o.model_path;
  co.target = o.target;
  co.out_dir = work + "/model";
  co.force = true;
  for (const auto& [name, shape] : o.input_shapes) co.input_shapes[name] = shape;
  KILN_ASSIGN_OR_RETURN(CompileResult cr, Compile(co));
  KILN_ASSIGN_OR_RETURN(json report, ReadReport(co.out_dir));

  std::mt19937_64 rng(o.seed);
  std::vector<std::string> ins, kiln_outs, ort_outs;
  for (int s = 0; s < o.samples; ++s) {
    for (size_t i = 0; i < report["inputs"].size(); ++i) {
      const json& info = report["inputs"][i];
      std::string name = info["name"];
      std::string path;
      if (!o.data_dir.empty()) {
        path = fmt::format("{}/{}.npy", o.data_dir, name);
        if (!fs::exists(path)) path = fmt::format("{}/input_{}.npy", o.data_dir, i);
        if (!fs::exists(path))
          return InvalidArgument("--data '{}': no '{}.npy' or 'input_{}.npy' for input '{}'",
                                 o.data_dir, name, i, name);
      } else {
        path = fmt::format("{}/in_{}_{}.npy", work, s, i);
        KILN_RETURN_IF_ERROR(WriteNpy(path, RandomInput(info, rng)));
      }
      ins.push_back(path);
    }
    for (size_t k = 0; k < report["outputs"].size(); ++k) {
      kiln_outs.push_back(fmt::format("{}/kiln_{}_{}.npy", work, s, k));
      ort_outs.push_back(fmt::format("{}/ort_{}_{}.npy", work, s, k));
    }
    if (!o.data_dir.empty()) break;  // given data is one sample
  }
  // kiln: one process for all samples.
  {
    KILN_ASSIGN_OR_RETURN(const backends::Target* target, FindTarget(o.target));
    backends::RunRequest req;
    req.dir = co.out_dir;
    req.model_prefix = cr.model_prefix;
    req.inputs = ins;
    req.outputs = kiln_outs;
    req.quiet = true;
    if (!target->run) return Unimplemented("target '{}' cannot run yet", o.target);
    KILN_RETURN_IF_ERROR(target->run(req));
  }
  // ONNX Runtime: one process for all samples.
  std::string cmd = fmt::format("node {} {}", Quote(ort), Quote(o.model_path));
  for (size_t i = 0; i < ins.size(); ++i) cmd += " --in " + Quote(ins[i]);
  for (const std::string& p : ort_outs) cmd += " --out " + Quote(p);
  int rc = std::system(cmd.c_str());
  if (rc == -1 || !WIFEXITED(rc) || WEXITSTATUS(rc) != 0)
    return Internal("ONNX Runtime failed on '{}' (command: {})", o.model_path, cmd);

  json result;
  result["model"] = o.model_path;
  result["target"] = o.target;
  result["tolerance"] = o.tolerance;
  result["samples"] = ins.size() / std::max<size_t>(1, report["inputs"].size());
  json outs = json::array();
  bool passed = true;
  size_t no = report["outputs"].size();
  for (size_t k = 0; k < no; ++k) {
    Diff worst;
    bool shape_ok = true, nan_bad = false;
    for (size_t s = 0; s * no + k < kiln_outs.size(); ++s) {
      KILN_ASSIGN_OR_RETURN(Diff d, Compare(kiln_outs[s * no + k], ort_outs[s * no + k]));
      shape_ok &= d.shape_ok;
      nan_bad |= d.nan_mismatch;
      worst.max_abs_err = std::max(worst.max_abs_err, d.max_abs_err);
      worst.max_abs_ref = std::max(worst.max_abs_ref, d.max_abs_ref);
    }
    double rel = worst.max_abs_ref > 0 ? worst.max_abs_err / worst.max_abs_ref
                                       : worst.max_abs_err;
    bool ok = shape_ok && !nan_bad && rel <= o.tolerance;
    passed &= ok;
    outs.push_back({{"name", report["outputs"][k]["name"]},
                    {"max_abs_error", worst.max_abs_err},
                    {"max_abs_reference", worst.max_abs_ref},
                    {"relative_error", rel},
                    {"passed", ok}});
  }
  result["outputs"] = outs;
  result["passed"] = passed;
  return result;
}

}  // namespace kiln::driver
