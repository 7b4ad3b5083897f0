// Runs the default pass pipeline on real ONNX models (MLPerf Tiny's reference
// models and examples/models) and checks: the result verifies; MLPerf Tiny
// models keep no Transpose at all (their leading NHWC->NCHW transpose cancels
// against the layout pass's); every arena tensor has a 16-byte-aligned offset
// inside the arena and tensors live at the same time never overlap; and the
// pipeline does not change the outputs (reference kernels on the host, before
// vs after).
#include <gtest/gtest.h>

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

// Offsets are aligned, inside the arena, and tensors whose lifetimes (over node
// positions) intersect do not share bytes, unless one is a reshape view of the
// other.
void CheckMemoryPlan(const ir::Graph& g) {
  std::vector<int> first(g.tensors.size(), -1), last(g.tensors.size(), -1);
  for (size_t k = 0; k < g.nodes.size(); ++k) {
    for (ir::TensorId o : g.nodes[k].outputs)
      first[o] = last[o] = static_cast<int>(k);
    for (ir::TensorId i : g.nodes[k].inputs)
      if (i != ir::kNoTensor) last[i] = static_cast<int>(k);
  }
  // Views share their root's buffer: extend the root's lifetime instead.
  std::vector<ir::TensorId> root(g.tensors.size());
  for (size_t t = 0; t < g.tensors.size(); ++t)
    root[t] = static_cast<ir::TensorId>(t);
  for (const ir::Node& n : g.nodes)
    if (n.op == ir::OpKind::kReshape && g.tensor(n.outputs[0]).offset >= 0 &&
        g.tensor(n.outputs[0]).offset == g.tensor(n.inputs[0]).offset)
      root[n.outputs[0]] = root[n.inputs[0]];
  std::vector<memory::Buffer> bufs;
  std::vector<int64_t> offsets;
  std::vector<int> index(g.tensors.size(), -1);
  for (size_t t = 0; t < g.tensors.size(); ++t) {
    const ir::Tensor& x = g.tensors[t];
    bool io = g.IsGraphInput(static_cast<ir::TensorId>(t)) ||
              g.IsGraphOutput(static_cast<ir::TensorId>(t));
    if (x.is_const || io) {
      EXPECT_EQ(x.offset, -1) << x.name << " must not be in the arena";
      continue;
    }
    ASSERT_GE(x.offset, 0) << x.name << " has no arena offset";
    EXPECT_EQ(x.offset % 16, 0) << x.name;
    EXPECT_LE(x.offset + x.type.bytes(), g.arena_bytes) << x.name;
    ir::TensorId r = root[t];
    if (index[r] < 0) {
      index[r] = static_cast<int>(bufs.size());
      bufs.push_back({g.type(r).bytes(), 16, first[r], last[r]});
      offsets.push_back(g.tensor(r).offset);
    }
    memory::Buffer& b = bufs[index[r]];
    b.first_step = std::min(b.first_step, first[t]);
    b.last_step = std::max(b.last_step, last[t]);
  }
  memory::Plan plan{offsets, g.arena_bytes};
  EXPECT_EQ(memory::CheckPlan(bufs, plan), "");
  EXPECT_GE(g.arena_bytes, memory::LowerBound(bufs));
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
