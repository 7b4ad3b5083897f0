// Runs the default pass pipeline on real ONNX models (MLPerf Tiny's reference
// models and examples/models) and checks: the result verifies; MLPerf Tiny
// models keep no Transpose at all (their leading NHWC->NCHW transpose cancels
// against the layout pass's); every arena tensor has a 16-byte-aligned offset
// inside the arena and tensors live at the same time never overlap; and the
// pipeline does not change the outputs (reference kernels on the host, before
// vs after).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

#include "compiler/eval/eval.h"
#include "compiler/ir/printer.h"
#include "compiler/ir/verifier.h"
#include "compiler/memory/planner.h"
#include "compiler/passes/pipeline.h"
#include "frontends/onnx/importer.h"

namespace kiln {
namespace {

namespace fs = std::filesystem;

struct ModelCase {
  std::string path;
  bool expect_no_transpose;
};

std::vector<eval::Buffer> RandomInputs(const ir::Graph& g) {
  std::mt19937 rng(42);
  std::uniform_real_distribution<float> dist(-1.0f, 1.0f);
  std::vector<eval::Buffer> in;
  for (ir::TensorId id : g.inputs) {
    std::vector<float> v(static_cast<size_t>(g.type(id).num_elements()));
    for (float& f : v) f = dist(rng);
    in.push_back(eval::ToBuffer(v));
  }
  return in;
}

// Whether the op's kernel computes output element i from input element i only
// (reading it before writing it), so its output may overwrite an input of the
// same shape: the runtime's unary maps and broadcasting binaries.
bool PerElement(ir::OpKind op) {
  using K = ir::OpKind;
  for (K k : {K::kRelu, K::kClip, K::kLeakyRelu, K::kSigmoid, K::kTanh,
              K::kHardSigmoid, K::kHardSwish, K::kExp, K::kLog, K::kSqrt, K::kNeg,
              K::kAbs, K::kErf, K::kAdd, K::kSub, K::kMul, K::kDiv, K::kPow,
              K::kMax, K::kMin, K::kPRelu})
    if (op == k) return true;
  return false;
}

// The plan, checked by simulating the bytes (no planner code involved):
// offsets are aligned and inside the arena, and no node writes bytes that hold
// a value still to be read, except an element-wise op writing over an input
// of the same bytes that it is the last reader of. Reshape views (same offset)
// and concats whose inputs already sit at their slices write nothing; reading
// them reads the bytes of what they alias.
void CheckMemoryPlan(const ir::Graph& g) {
  const size_t nt = g.tensors.size();
  std::vector<int> first(nt, -1), last(nt, -1);
  auto off = [&](ir::TensorId t) { return g.tensor(t).offset; };
  std::vector<bool> writes(g.nodes.size(), true);
  for (size_t k = 0; k < g.nodes.size(); ++k) {
    const ir::Node& n = g.nodes[k];
    for (ir::TensorId o : n.outputs) first[o] = last[o] = static_cast<int>(k);
    for (ir::TensorId i : n.inputs)
      if (i != ir::kNoTensor) last[i] = static_cast<int>(k);
    ir::TensorId y = n.outputs[0];
    if (off(y) < 0) continue;
    if (n.op == ir::OpKind::kReshape && off(n.inputs[0]) == off(y)) writes[k] = false;
    if (n.op == ir::OpKind::kConcat) {
      int64_t at = off(y);
      bool sliced = true;
      for (ir::TensorId i : n.inputs) {
        sliced = sliced && off(i) == at;
        at += g.type(i).bytes();
      }
      if (sliced) writes[k] = false;
    }
  }
  // Reading an alias reads what it aliases: extend lifetimes backwards.
  for (size_t k = g.nodes.size(); k-- > 0;) {
    const ir::Node& n = g.nodes[k];
    if (writes[k]) continue;
    for (ir::TensorId i : n.inputs)
      if (i != ir::kNoTensor) last[i] = std::max(last[i], last[n.outputs[0]]);
  }
  for (size_t t = 0; t < nt; ++t) {
    const ir::Tensor& x = g.tensors[t];
    bool io = g.IsGraphInput(static_cast<ir::TensorId>(t)) ||
              g.IsGraphOutput(static_cast<ir::TensorId>(t));
    if (x.is_const || io) {
      EXPECT_EQ(x.offset, -1) << x.name << " must not be in the arena";
      continue;
    }
    if (first[t] < 0) continue;
    ASSERT_GE(x.offset, 0) << x.name << " has no arena offset";
    EXPECT_EQ(x.offset % 16, 0) << x.name;
    EXPECT_LE(x.offset + x.type.bytes(), g.arena_bytes) << x.name;
  }
  for (size_t k = 0; k < g.nodes.size(); ++k) {
    if (!writes[k]) continue;
    const ir::Node& n = g.nodes[k];
    for (ir::TensorId o : n.outputs) {
      if (off(o) < 0) continue;
      int64_t lo = off(o), hi = lo + g.type(o).bytes();
      for (size_t v = 0; v < nt; ++v) {
        if (static_cast<ir::TensorId>(v) == o || off(v) < 0 || first[v] < 0) continue;
        if (!(first[v] < static_cast<int>(k) && last[v] >= static_cast<int>(k))) continue;
        int64_t vlo = off(v), vhi = vlo + g.type(v).bytes();
        if (vhi <= lo || hi <= vlo) continue;
        bool in_place = last[v] == static_cast<int>(k) && PerElement(n.op) &&
                        vlo == lo && vhi == hi &&
                        std::count(n.inputs.begin(), n.inputs.end(),
                                   static_cast<ir::TensorId>(v)) == 1;
        EXPECT_TRUE(in_place) << "node " << n.name << " writes " << g.tensor(o).name
                              << " over " << g.tensors[v].name
                              << ", which is read until step " << last[v];
      }
    }
  }
}

class PipelineModels : public ::testing::TestWithParam<ModelCase> {};

TEST_P(PipelineModels, DefaultPipeline) {
  const ModelCase& c = GetParam();
  if (!fs::exists(c.path)) GTEST_SKIP() << c.path << " is absent";
  auto imported = onnx_frontend::ImportOnnxFile(c.path, {}, nullptr);
  ASSERT_TRUE(imported.ok()) << imported.status().ToString();
  ir::Graph before = *imported;
  ir::Graph g = before;
  Status s = passes::RunDefaultPipeline(g, {});
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_TRUE(ir::Verify(g).ok());
  ir::PrintOptions elide;
  elide.elide_constants_over = 8;
  // KILN_TEST_DUMP_DIR=dir writes the IR before and after, for a human to read.
  if (const char* dump = std::getenv("KILN_TEST_DUMP_DIR")) {
    std::string stem = fs::path(c.path).stem().string();
    std::ofstream(fs::path(dump) / (stem + ".in.kir"))
        << ir::PrintGraph(before, elide);
    std::ofstream(fs::path(dump) / (stem + ".out.kir"))
        << ir::PrintGraph(g, elide);
  }
  if (c.expect_no_transpose) {
    for (const ir::Node& n : g.nodes)
      EXPECT_NE(n.op, ir::OpKind::kTranspose) << n.name << " is left in\n"
                                              << ir::PrintGraph(g, elide);
  }
  for (const ir::Node& n : g.nodes) {
    EXPECT_NE(n.op, ir::OpKind::kIdentity) << n.name;
    EXPECT_NE(n.op, ir::OpKind::kDropout) << n.name;
    EXPECT_NE(n.op, ir::OpKind::kGemm) << n.name;
  }
  CheckMemoryPlan(g);

  std::vector<eval::Buffer> ref, got;
  Status e1 = eval::EvalGraph(before, RandomInputs(before), &ref);
  if (e1.code() == StatusCode::kUnimplemented) GTEST_SKIP() << e1.message();
  ASSERT_TRUE(e1.ok()) << e1.ToString();
  Status e2 = eval::EvalGraph(g, RandomInputs(g), &got);
  ASSERT_TRUE(e2.ok()) << e2.ToString();
  ASSERT_EQ(ref.size(), got.size());
  for (size_t o = 0; o < ref.size(); ++o) {
    std::vector<float> a = eval::ToFloats(ref[o]), b = eval::ToFloats(got[o]);
    ASSERT_EQ(a.size(), b.size());
    float scale = 0;
    for (float v : a) scale = std::max(scale, std::fabs(v));
    for (size_t i = 0; i < a.size(); ++i)
      ASSERT_NEAR(a[i], b[i], 1e-4f * std::max(1.0f, scale))
          << "output " << o << " element " << i;
  }
}

std::vector<ModelCase> Cases() {
  std::vector<ModelCase> cases;
  for (const char* f : {"ad01_fp32.onnx", "kws_ref_model_float32.onnx",
                        "pretrainedResnet.onnx", "vww_96_float.onnx"})
    cases.push_back({std::string(KILN_MLPERF_TINY_DIR) + "/" + f, true});
  std::vector<std::string> examples;
  if (fs::exists(KILN_EXAMPLE_MODELS_DIR))
    for (const auto& e : fs::directory_iterator(KILN_EXAMPLE_MODELS_DIR))
      if (e.path().extension() == ".onnx")
        examples.push_back(e.path().string());
  std::sort(examples.begin(), examples.end());
  for (const std::string& p : examples) cases.push_back({p, false});
  return cases;
}

INSTANTIATE_TEST_SUITE_P(Models, PipelineModels, ::testing::ValuesIn(Cases()),
                         [](const auto& info) {
                           return onnx_frontend::GraphNameFromPath(
                               info.param.path);
                         });

}  // namespace
}  // namespace kiln
