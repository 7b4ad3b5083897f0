// The `kiln` command line: compile, run, validate. The only place that turns a
// Status into a message and an exit code (0 ok, 1 user error, 2 unsupported,
// 3 internal error, 4 validation out of tolerance).
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "compiler/driver/compile.h"
#include "compiler/driver/report.h"
#include "compiler/driver/run.h"
#include "compiler/driver/validate_int8.h"
#include "compiler/driver/validate_target.h"

namespace {

int ExitCode(const kiln::Status& s) {
  switch (s.code()) {
    case kiln::StatusCode::kOk: return 0;
    case kiln::StatusCode::kUnimplemented: return 2;
    case kiln::StatusCode::kInternal: return 3;
    default: return 1;
  }
}

int Report(const kiln::Status& s) {
  fmt::print(stderr, "kiln: {}\n", s.ToString());
  return ExitCode(s);
}

// "NAME=1x3x32x32" → (NAME, {1,3,32,32}).
kiln::StatusOr<std::pair<std::string, std::vector<int64_t>>> ParseInputShape(
    const std::string& text) {
  size_t eq = text.rfind('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == text.size())
    return kiln::InvalidArgument("--input-shape '{}': expected NAME=D1xD2x...", text);
  std::vector<int64_t> dims;
  std::string rest = text.substr(eq + 1);
  size_t p = 0;
  while (p <= rest.size()) {
    size_t x = rest.find('x', p);
    std::string d = rest.substr(p, x == std::string::npos ? std::string::npos : x - p);
    char* end = nullptr;
    long long v = strtoll(d.c_str(), &end, 10);
    if (d.empty() || *end != '\0' || v <= 0 || v > (1LL << 31))
      return kiln::InvalidArgument("--input-shape '{}': '{}' is not a positive dimension",
                                   text, d);
    dims.push_back(v);
    if (x == std::string::npos) break;
    p = x + 1;
  }
  return std::make_pair(text.substr(0, eq), dims);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"kiln: compiles ONNX models to static C++ firmware"};
  app.require_subcommand(1);

  // compile
  kiln::driver::CompileOptions co;
  std::vector<std::string> shapes;
  auto* compile = app.add_subcommand("compile", "compile MODEL.onnx to C++ sources");
  compile->add_option("model", co.model_path, "the ONNX model")->required();
  compile->add_option("--target", co.target, "x86 (default) or pulp");
  compile->add_option("-o,--output", co.out_dir, "output folder")->required();
  compile->add_flag("--force", co.force, "replace a folder kiln did not write");
  compile->add_option("--planner", co.planner,
                      "arena planner: kiln (default), greedy (greedy by size, the "
                      "TFLite Micro baseline) or none (no reuse)");
  compile->add_option("--input-shape", shapes,
                      "NAME=1x1x28x28: fix an input's shape (symbolic dims default "
                      "to 1)");
  std::string sram_budget;
  compile->add_option("--sram-budget", sram_budget,
                      "fail unless the activation arena fits in SIZE bytes (64K, 1M)");

  // report
  std::string report_dir;
  bool report_json = false;
  auto* report = app.add_subcommand(
      "report", "print the memory report of a compiled folder and redraw report.html");
  report->add_option("dir", report_dir, "folder written by `kiln compile`")->required();
  report->add_flag("--json", report_json, "print report.json");
  compile->add_option("--quantize", co.quantize,
                      "int8: post-training int8 quantization (needs --calibration)");
  compile->add_option("--calibration", co.calibration_dir,
                      "folder of .npy sample inputs (each one sample or a batch; "
                      "<input>.npy or a folder per input for several inputs)");
  compile->add_option("--calibration-method", co.calibration_method,
                      "minmax | percentile (default) | mse");
  compile->add_flag("!--no-progress", co.progress, "no calibration progress on stderr");

  // run
  kiln::driver::RunOptions ro;
  bool run_json = false;
  auto* run = app.add_subcommand("run", "build and run a compiled model on .npy files");
  run->add_option("dir", ro.dir, "folder written by `kiln compile`")->required();
  run->add_option("--input", ro.inputs, "input .npy, in the model's input order");
  run->add_option("--output", ro.outputs, "output .npy, in the model's output order");
  run->add_flag("--json", run_json, "print one JSON object (docs/cli.md)");
  run->add_option("--cores", ro.cores, "pulp: simulate 1 or 8 cores (default 8)");

  // validate
  kiln::driver::ValidateOptions vo;
  std::vector<std::string> vshapes;
  bool validate_json = false;
  auto* validate = app.add_subcommand(
      "validate", "compile, run and compare with ONNX Runtime");
  validate->add_option("model", vo.model_path, "the ONNX model")->required();
  validate->add_option("--target", vo.target, "x86 (default) or pulp");
  validate->add_option("--data", vo.data_dir,
                       "folder with <input name>.npy per input (default: random)");
  validate->add_option("--samples", vo.samples, "random samples (default 1)");
  validate->add_option("--seed", vo.seed, "random seed (default 1)");
  validate->add_option("--tolerance", vo.tolerance,
                       "max abs error / max abs reference (default 1e-4)");
  validate->add_option("--work-dir", vo.work_dir, "keep the files here");
  validate->add_option("--input-shape", vshapes, "NAME=1x1x28x28");
  validate->add_flag("--json", validate_json, "print one JSON object (docs/cli.md)");
  validate->add_option("--quantize", vo.quantize,
                       "int8: compare kiln's int8 build with the float model");
  validate->add_option("--calibration", vo.calibration_dir,
                       "with --quantize: .npy calibration inputs (as for compile)");
  validate->add_option("--calibration-method", vo.calibration_method,
                       "minmax | percentile (default) | mse");
  validate->add_option("--labels", vo.labels,
                       "with --quantize: .npy of class indices, one per sample");
  validate->add_option("--sqnr-threshold", vo.sqnr_threshold,
                       "with --quantize: minimum SQNR in dB (default 20)");
  validate->add_option("--layer-samples", vo.layer_samples,
                       "with --quantize: samples compared per layer (default 32)");
  validate->add_flag("--per-layer", vo.per_layer,
                     "with --quantize int8 and --target pulp: every layer against the "
                     "x86 build, byte for byte; names the first that differs");
  validate->add_option("--cores", vo.cores, "pulp: simulate 1 or 8 cores (default 8)");

  CLI11_PARSE(app, argc, argv);

  if (*compile) {
    for (const std::string& s : shapes) {
      auto parsed = ParseInputShape(s);
      if (!parsed.ok()) return Report(parsed.status());
      co.input_shapes[parsed->first] = parsed->second;
    }
    if (!sram_budget.empty()) {
      auto b = kiln::driver::ParseByteSize(sram_budget);
      if (!b.ok()) return Report(b.status().WithContext("--sram-budget"));
      co.sram_budget = *b;
    }
    auto r = kiln::driver::Compile(co);
    if (!r.ok()) return Report(r.status());
    fmt::print("{}\nwrote {} (report: {}/report.txt, .json, .html)\n", r->report_txt,
               co.out_dir, co.out_dir);
    return 0;
  }
  if (*report) {
    auto r = kiln::driver::RedrawReport(report_dir);
    if (!r.ok()) return Report(r.status());
    if (report_json)
      fmt::print("{}\n", r->dump(2));
    else
      fmt::print("{}\nwrote {}/report.txt and {}/report.html\n",
                 kiln::driver::MakeReportText(*r), report_dir, report_dir);
    return 0;
  }
  if (*run) {
    ro.quiet = run_json;
    auto r = kiln::driver::RunCompiled(ro);
    if (!r.ok()) return Report(r.status());
    if (run_json) {
      fmt::print("{}\n", r->dump(2));
    } else {
      for (const auto& o : (*r)["outputs"])
        fmt::print("output '{}' -> {}\n", o["name"].get<std::string>(),
                   o["file"].get<std::string>());
    }
    return 0;
  }
  if (*validate) {
    for (const std::string& s : vshapes) {
      auto parsed = ParseInputShape(s);
      if (!parsed.ok()) return Report(parsed.status());
      vo.input_shapes.push_back(*parsed);
    }
    if (vo.per_layer) {
      vo.progress = !validate_json;
      auto q = kiln::driver::ValidatePerLayer(vo);
      if (!q.ok()) return Report(q.status());
      fmt::print("{}", validate_json ? q->dump(2) + "\n"
                                     : kiln::driver::ValidatePerLayerText(*q));
      return (*q)["passed"].get<bool>() ? 0 : 4;
    }
    if (!vo.quantize.empty()) {
      vo.progress = !validate_json;
      auto q = kiln::driver::ValidateInt8(vo);
      if (!q.ok()) return Report(q.status());
      fmt::print("{}", validate_json ? q->dump(2) + "\n" : kiln::driver::ValidateInt8Text(*q));
      return (*q)["passed"].get<bool>() ? 0 : 4;
    }
    if (!vo.calibration_dir.empty() || !vo.labels.empty())
      return Report(kiln::InvalidArgument(
          "--calibration and --labels need --quantize int8"));
    auto r = kiln::driver::Validate(vo);
    if (!r.ok()) return Report(r.status());
    if (validate_json) {
      fmt::print("{}\n", r->dump(2));
    } else {
      fmt::print("{} on {} vs ONNX Runtime ({} sample(s), tolerance {}):\n",
                 vo.model_path, vo.target, (*r)["samples"].get<int>(), vo.tolerance);
      for (const auto& o : (*r)["outputs"])
        fmt::print("  {:<24} max abs error {:.3g}  relative {:.3g}  {}\n",
                   o["name"].get<std::string>(), o["max_abs_error"].get<double>(),
                   o["relative_error"].get<double>(),
                   o["passed"].get<bool>() ? "ok" : "FAILED");
    }
    return (*r)["passed"].get<bool>() ? 0 : 4;
  }
  return 0;
}
