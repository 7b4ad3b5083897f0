// kiln-opt: the IR workbench. Reads a .kir file (or stdin), runs the requested
// passes in order, verifies, and prints the resulting IR, so each pass can be
// tested on a few lines of text with FileCheck (tests/lit).
//
//   kiln-opt [--pass=NAME]... [--pipeline=default] [--elide-constants N]
//            [--target=T] [--calibration-ranges FILE.json] [--list-passes]
//            FILE.kir|FILE.onnx|FILE.onnxtxt|-
// An ONNX model (binary, or libonnx's text syntax in .onnxtxt) is imported
// with kiln's ONNX frontend first, so import-time folding is testable too.
// --calibration-ranges gives quantize-int8 its per-tensor ranges (the JSON of
// compiler/quant/calibration_json.h), so quantization is testable without
// running calibration.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "compiler/ir/parser.h"
#include "compiler/ir/printer.h"
#include "compiler/ir/verifier.h"
#include "compiler/passes/pipeline.h"
#include "compiler/quant/calibration_json.h"
#include "frontends/onnx/importer.h"
#include <onnx/defs/parser.h>

namespace {

int Usage(const char* msg) {
  if (msg) std::fprintf(stderr, "kiln-opt: %s\n", msg);
  std::fprintf(
      stderr,
      "usage: kiln-opt [--pass=NAME]... [--pipeline=default] "
      "[--elide-constants N] [--target=T] [--calibration-ranges FILE.json] "
      "[--list-passes] FILE.kir|-\n");
  return 2;
}

bool StartsWith(const std::string& s, const char* prefix, std::string* rest) {
  size_t n = std::char_traits<char>::length(prefix);
  if (s.compare(0, n, prefix) != 0) return false;
  *rest = s.substr(n);
  return true;
}

bool IsOnnx(const std::string& file) {
  auto ends = [&](const std::string& suffix) {
    return file.size() >= suffix.size() &&
           file.compare(file.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return ends(".onnx") || ends(".onnxtxt");
}

kiln::StatusOr<kiln::ir::Graph> ImportOnnx(const std::string& bytes,
                                           const std::string& file) {
  onnx::ModelProto model;
  if (file.size() > 3 && file.substr(file.size() - 3) == "txt") {
    auto st = onnx::OnnxParser::Parse(model, bytes.c_str());
    if (!st.IsOK())
      return kiln::InvalidArgument("{}: not ONNX text syntax: {}", file,
                                   st.ErrorMessage());
  } else if (!model.ParseFromString(bytes)) {
    return kiln::InvalidArgument("{}: not an ONNX model", file);
  }
  return kiln::onnx_frontend::ImportOnnxModel(model, file, {}, nullptr);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> steps;  // pass names; "@default" for the pipeline
  std::string file;
  kiln::ir::PrintOptions print;
  kiln::passes::PassOptions opts;
  std::string ranges_file;
  kiln::quant::CalibrationResult calibration;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i], v;
    if (a == "--list-passes") {
      for (const std::string& n : kiln::passes::PassNames())
        std::printf("%-18s %s\n", n.c_str(),
                    kiln::passes::PassDescription(n).c_str());
      return 0;
    } else if (a == "-h" || a == "--help") {
      Usage(nullptr);
      return 0;
    } else if (StartsWith(a, "--pass=", &v)) {
      steps.push_back(v);
    } else if (a == "--pass" && i + 1 < argc) {
      steps.push_back(argv[++i]);
    } else if (StartsWith(a, "--pipeline=", &v)) {
      if (v != "default") return Usage("the only pipeline is 'default'");
      steps.push_back("@default");
    } else if (StartsWith(a, "--calibration-ranges=", &v) ||
               (a == "--calibration-ranges" && i + 1 < argc &&
                (v = argv[++i], true))) {
      ranges_file = v;
    } else if (StartsWith(a, "--target=", &v)) {
      opts.target = v;
    } else if (StartsWith(a, "--elide-constants=", &v) ||
               (a == "--elide-constants" && i + 1 < argc &&
                (v = argv[++i], true))) {
      char* end = nullptr;
      print.elide_constants_over = std::strtoll(v.c_str(), &end, 10);
      if (v.empty() || *end) return Usage("--elide-constants needs a number");
    } else if (a == "-" || (a.size() > 0 && a[0] != '-')) {
      if (!file.empty()) return Usage("more than one input file");
      file = a;
    } else {
      return Usage(("unknown option '" + a + "'").c_str());
    }
  }
  if (file.empty()) return Usage("no input file");
  if (!ranges_file.empty()) {
    std::ifstream in(ranges_file, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "%s: error: cannot open the file\n",
                   ranges_file.c_str());
      return 1;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    auto parsed = kiln::quant::CalibrationFromJson(ss.str(), ranges_file);
    if (!parsed.ok()) {
      std::fprintf(stderr, "%s\n", parsed.status().ToString().c_str());
      return 1;
    }
    calibration = std::move(parsed).value();
    opts.calibration = &calibration;
  }

  std::string text;
  std::string source = file == "-" ? "<stdin>" : file;
  if (file == "-") {
    std::stringstream ss;
    ss << std::cin.rdbuf();
    text = ss.str();
  } else {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "%s: error: cannot open the file\n", file.c_str());
      return 1;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    text = ss.str();
  }
  kiln::ir::SourceMap locations;
  auto graph = IsOnnx(file) ? ImportOnnx(text, file)
                            : kiln::ir::ParseGraph(text, source, &locations);
  if (!graph.ok()) {
    // The parser's message already starts with file:line:col.
    std::fprintf(stderr, "%s\n", graph.status().message().c_str());
    return 1;
  }
  kiln::ir::Graph g = std::move(graph).value();
  kiln::ir::VerifyLocation where;
  kiln::Status st = kiln::ir::Verify(g, &where);
  if (!st.ok()) {
    // Point at the offending node's (or tensor's) definition.
    kiln::ir::SourceLocation loc{1, 1};
    if (where.node >= 0 &&
        where.node < static_cast<int>(locations.nodes.size()))
      loc = locations.nodes[where.node];
    else if (where.tensor >= 0 &&
             where.tensor < static_cast<int>(locations.tensors.size()))
      loc = locations.tensors[where.tensor];
    std::fprintf(stderr, "%s:%d:%d: %s\n", source.c_str(), loc.line, loc.col,
                 st.ToString().c_str());
    return 1;
  }
  for (const std::string& s : steps) {
    st = s == "@default" ? kiln::passes::RunDefaultPipeline(g, opts)
                         : kiln::passes::RunPass(s, g, opts);
    if (!st.ok()) {
      std::fprintf(stderr, "%s: %s\n", source.c_str(), st.ToString().c_str());
      return 1;
    }
  }
  std::fputs(kiln::ir::PrintGraph(g, print).c_str(), stdout);
  return 0;
}
