// Imports the four MLPerf Tiny reference models (real exports, not written by
// kiln) and verifies them: the end-to-end check of the ONNX frontend.
#include <gtest/gtest.h>

#include <filesystem>

#include "compiler/ir/printer.h"
#include "compiler/ir/verifier.h"
#include "frontends/onnx/importer.h"

namespace kiln::onnx_frontend {
namespace {

namespace fs = std::filesystem;

struct ModelCase {
  const char* file;
  const char* graph_name;
  ir::Shape output;
  int min_nodes;
};

class MlperfTinyTest : public ::testing::TestWithParam<ModelCase> {};

TEST_P(MlperfTinyTest, ImportsAndVerifies) {
  const ModelCase& c = GetParam();
  fs::path path = fs::path(KILN_MLPERF_TINY_DIR) / c.file;
  if (!fs::exists(path))
    GTEST_SKIP() << path << " is absent: the MLPerf Tiny models live in "
                 << "shared/models/mlperf-tiny next to the repository";
  ImportReport report;
  auto g = ImportOnnxFile(path.string(), {}, &report);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_TRUE(ir::Verify(*g).ok());
  EXPECT_EQ(g->name, c.graph_name);
  EXPECT_EQ(report.opset, 13);
  EXPECT_EQ(report.producer, "tflite2onnx_min");
  ASSERT_EQ(g->inputs.size(), 1u);
  ASSERT_EQ(g->outputs.size(), 1u);
  EXPECT_EQ(g->tensor(g->inputs[0]).name, "input_1");
  EXPECT_EQ(g->type(g->outputs[0]).shape, c.output);
  EXPECT_EQ(g->tensor(g->outputs[0]).name, "Identity");
  EXPECT_GE(static_cast<int>(g->nodes.size()), c.min_nodes);
  // Every node has a name, unique in the graph.
  std::set<std::string> names;
  for (const auto& n : g->nodes) EXPECT_TRUE(names.insert(n.name).second);
}

INSTANTIATE_TEST_SUITE_P(
    Models, MlperfTinyTest,
    ::testing::Values(
        ModelCase{"ad01_fp32.onnx", "ad01_fp32", {1, 640}, 20},
        ModelCase{
            "kws_ref_model_float32.onnx", "kws_ref_model_float32", {1, 12}, 25},
        ModelCase{"pretrainedResnet.onnx", "pretrainedResnet", {1, 10}, 25},
        ModelCase{"vww_96_float.onnx", "vww_96_float", {1, 2}, 60}),
    [](const auto& info) {
      return kiln::onnx_frontend::GraphNameFromPath(info.param.file);
    });

}  // namespace
}  // namespace kiln::onnx_frontend
