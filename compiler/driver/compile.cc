// `kiln compile` (see compile.h). The output folder is written next to its final
// place and renamed into it, so a failed compile leaves nothing behind.
#include "compiler/driver/compile.h"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include <fmt/format.h>

#include "backends/pulp/pulp_target.h"
#include "backends/x86/x86_target.h"
#include "compiler/codegen/emit_cpp.h"
#include "compiler/driver/report.h"
#include "compiler/driver/report_html.h"
#include "compiler/driver/runtime_bundle.h"
#include "compiler/driver/sample_data.h"
#include "compiler/passes/pipeline.h"
#include "compiler/support/files.h"
#include "frontends/onnx/importer.h"

namespace kiln::driver {
namespace fs = std::filesystem;

StatusOr<const backends::Target*> FindTarget(const std::string& name) {
  if (name == "x86") return &backends::X86Target();
  if (name == "pulp") return &backends::PulpTarget();
  if (name == "cortex-m4" || name == "cortex-m7")
    return Unimplemented("target '{}' is not available yet; available: x86, pulp", name);
  return InvalidArgument("unknown target '{}'; available: x86, pulp", name);
}

namespace {

Status CheckQuantizeFlags(const CompileOptions& o) {
  if (o.quantize.empty()) {
    if (!o.calibration_dir.empty())
      return InvalidArgument("--calibration needs --quantize int8");
    return Status::Ok();
  }
  if (o.quantize != "int8")
    return InvalidArgument("--quantize '{}': only 'int8' is supported", o.quantize);
  if (o.calibration_dir.empty())
    return InvalidArgument(
        "--quantize int8 needs --calibration DIR: a folder of .npy sample inputs "
        "(random data works for a smoke test)");
  return quant::ParseCalibrationMethod(o.calibration_method).status();
}

// Runs the default pipeline; with --quantize int8, calibrates on the fused,
// laid-out graph between the passes before quantize-int8 and the rest.
Status RunPasses(ir::Graph& g, const CompileOptions& o, passes::PassOptions& po,
                 int64_t* calibration_samples) {
  if (o.quantize.empty()) return passes::RunDefaultPipeline(g, po);
  KILN_RETURN_IF_ERROR(passes::RunPipelineUntil(g, po, "quantize-int8"));
  std::vector<InputSpec> inputs = GraphInputs(g);
  for (ir::TensorId t : g.inputs)
    if (g.type(t).dtype != ir::DType::kF32)
      return Unimplemented("--quantize int8: input '{}' is {}; calibration needs float "
                           "inputs",
                           g.tensor(t).name, g.type(t).ToString());
  KILN_ASSIGN_OR_RETURN(SampleSet set,
                        LoadSamples(o.calibration_dir, inputs, "--calibration"));
  std::vector<std::vector<eval::Buffer>> samples(set.count);
  for (int64_t k = 0; k < set.count; ++k)
    for (size_t i = 0; i < inputs.size(); ++i)
      samples[k].push_back(SampleBytes(set, inputs, i, k));
  quant::CalibrationOptions co;
  KILN_ASSIGN_OR_RETURN(co.method, quant::ParseCalibrationMethod(o.calibration_method));
  if (o.progress)
    co.progress = [tty = isatty(2) != 0](std::string_view phase, int done, int total) {
      // A terminal sees a counter; a log gets one line per pass.
      if (tty)
        fmt::print(stderr, "\rkiln: calibrating ({}): {}/{} samples", phase, done, total);
      else if (done == total)
        fmt::print(stderr, "kiln: calibrating ({}): {}/{} samples", phase, done, total);
      if (done == total) fmt::print(stderr, "\n");
    };
  KILN_ASSIGN_OR_RETURN(quant::CalibrationResult cal, quant::Calibrate(g, samples, co));
  po.calibration = &cal;
  *calibration_samples = set.count;
  return passes::RunPipelineFrom(g, po, "quantize-int8");
}

Status CheckOutputDir(const CompileOptions& o) {
  std::error_code ec;
  if (!fs::exists(o.out_dir, ec)) return Status::Ok();
  if (!fs::is_directory(o.out_dir, ec))
    return InvalidArgument("output '{}' exists and is not a folder", o.out_dir);
  bool ours = fs::exists(fs::path(o.out_dir) / kMarkerFile, ec);
  bool empty = fs::is_empty(o.out_dir, ec);
  if (!ours && !empty && !o.force)
    return InvalidArgument(
        "output folder '{}' exists and was not written by kiln; choose another "
        "folder or pass --force to replace it",
        o.out_dir);
  return Status::Ok();
}

Status WriteTree(const std::string& root,
                 const std::map<std::string, std::string>& files) {
  for (const auto& [rel, text] : files) {
    fs::path p = fs::path(root) / rel;
    std::error_code ec;
    fs::create_directories(p.parent_path(), ec);
    if (ec) return IoError("cannot create '{}': {}", p.parent_path().string(), ec.message());
    KILN_RETURN_IF_ERROR(WriteFileText(p.string(), text));
  }
  return Status::Ok();
}

}  // namespace

StatusOr<int64_t> ParseByteSize(const std::string& text) {
  double mult = 1;
  std::string num = text;
  if (!num.empty()) {
    char u = num.back();
    if (u == 'K' || u == 'k') mult = 1024;
    if (u == 'M' || u == 'm') mult = 1024.0 * 1024;
    if (mult != 1) num.pop_back();
  }
  char* end = nullptr;
  double v = num.empty() ? -1 : std::strtod(num.c_str(), &end);
  if (num.empty() || end != num.c_str() + num.size() || !(v > 0) || v * mult > 9e15)
    return InvalidArgument(
        "'{}' is not a size; give bytes (65536) or a number with K or M (64K, 1.5M)", text);
  return static_cast<int64_t>(v * mult);
}

StatusOr<CompileResult> Compile(const CompileOptions& o) {
  KILN_ASSIGN_OR_RETURN(const backends::Target* target, FindTarget(o.target));
  KILN_RETURN_IF_ERROR(CheckQuantizeFlags(o));
  KILN_RETURN_IF_ERROR(CheckOutputDir(o));

  onnx_frontend::ImportOptions io;
  io.input_shapes = o.input_shapes;
  onnx_frontend::ImportReport ir_report;
  KILN_ASSIGN_OR_RETURN(ir::Graph g,
                        onnx_frontend::ImportOnnxFile(o.model_path, io, &ir_report));
  passes::PassOptions po;
  po.target = target->name;
  po.kernel_impl = target->emit.lower.impl;
  passes::MemoryStats memory_stats;
  po.memory_stats = &memory_stats;
  if (o.planner == "greedy") {
    po.planner = memory::Planner::kGreedyBySize;
  } else if (o.planner == "none") {
    po.planner = memory::Planner::kNone;
  } else if (o.planner != "kiln") {
    return InvalidArgument("unknown --planner '{}' (use kiln, greedy or none)",
                           o.planner);
  }
  int64_t cal_samples = 0;
  KILN_RETURN_IF_ERROR(RunPasses(g, o, po, &cal_samples).WithContext(o.model_path));
  KILN_RETURN_IF_ERROR(CheckSramBudget(g, o.sram_budget, o.model_path));

  codegen::EmitOptions eo = target->emit;
  eo.source_name = fs::path(o.model_path).filename().string();
  KILN_ASSIGN_OR_RETURN(codegen::EmitResult emitted, codegen::EmitCpp(g, eo));
  if (target->check)
    KILN_RETURN_IF_ERROR(target->check(g, emitted).WithContext(o.model_path));

  std::string prefix = codegen::CIdentifier(g.name);
  ReportInputs ri{o.model_path, target->name, prefix, ir_report.opset, ir_report.notes,
                  ir_report.input_shapes_used, &memory_stats, nullptr};
  if (!o.quantize.empty())
    ri.quantization = {{"scheme", o.quantize},
                       {"calibration_method", o.calibration_method},
                       {"calibration_samples", cal_samples}};
  nlohmann::json report = MakeReportJson(g, emitted, ri);
  CompileResult result{prefix, MakeReportText(report)};

  std::map<std::string, std::string> files = std::move(emitted.files);
  files["report.json"] = report.dump(2) + "\n";
  files["report.txt"] = result.report_txt;
  files["report.html"] = MakeReportHtml(report);
  if (target->extra_files)
    for (auto& [rel, text] : target->extra_files(prefix)) files[rel] = text;
  files[kMarkerFile] = "This folder was written by `kiln compile`; it may replace it.\n";
  for (const BundledFile& f : RuntimeBundle()) {
    std::string path = f.path;
    for (const std::string& dir : target->runtime_dirs)
      if (path.rfind(dir, 0) == 0)
        files["kiln_runtime/" + path] =
            std::string(reinterpret_cast<const char*>(f.data), f.size);
  }

  // Write beside the destination, then swap it in.
  fs::path dest = fs::absolute(o.out_dir).lexically_normal();
  if (dest.filename().empty()) dest = dest.parent_path();
  fs::path tmp = dest.parent_path() / fmt::format(".{}.kiln-tmp-{}",
                                                  dest.filename().string(), getpid());
  std::error_code ec;
  fs::remove_all(tmp, ec);
  Status st = WriteTree(tmp.string(), files);
  if (!st.ok()) {
    fs::remove_all(tmp, ec);
    return st;
  }
  // Files that did not change keep their old modification time, so `kiln run`
  // after a recompile rebuilds only what the compile really changed.
  for (const auto& [rel, text] : files) {
    fs::path old_file = dest / rel;
    if (!fs::is_regular_file(old_file, ec) || fs::file_size(old_file, ec) != text.size())
      continue;
    auto old_text = ReadFileText(old_file.string());
    if (old_text.ok() && *old_text == text) {
      auto when = fs::last_write_time(old_file, ec);
      if (!ec) fs::last_write_time(tmp / rel, when, ec);
    }
  }
  // A previous kiln output keeps its build/ folder so reruns build incrementally,
  // but only when it built the same model for the same target: another model's
  // build folder has dependency files naming sources that no longer exist.
  bool same_model = false;
  if (auto old = ReadFileText((dest / "report.json").string()); old.ok()) {
    nlohmann::json j = nlohmann::json::parse(*old, nullptr, false);
    same_model = j.is_object() && j.value("name", std::string()) == prefix &&
                 j.value("target", std::string()) == target->name;
  }
  if (same_model && fs::exists(dest / "build", ec))
    fs::rename(dest / "build", tmp / "build", ec);
  fs::remove_all(dest, ec);
  fs::rename(tmp, dest, ec);
  if (ec) {
    fs::remove_all(tmp, ec);
    return IoError("cannot move the output into '{}': {}", dest.string(), ec.message());
  }
  return result;
}

}  // namespace kiln::driver
