// Imports every ONNX backend node-test model of a supported op (generated at
// test time by gen_node_cases.py) and verifies it: ONNX's shape inference and
// kiln's type rules must agree on all of ONNX's own cases. The few cases kiln
// refuses by design must fail with the documented reason.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "compiler/ir/verifier.h"
#include "frontends/onnx/importer.h"

namespace kiln::onnx_frontend {
namespace {

namespace fs = std::filesystem;

// Cases kiln refuses by design: name prefix -> a phrase of the error.
struct Refusal {
  const char* prefix;
  const char* reason;
};
constexpr Refusal kRefusals[] = {
    {"test_averagepool_3d", "input rank 5 is not supported"},
    {"test_maxpool_3d", "input rank 5 is not supported"},
    {"test_batchnorm_epsilon_training_mode", "inference"},
    {"test_batchnorm_example_training_mode", "inference"},
    // Bounds given as graph inputs: kiln needs them constant.
    {"test_clip", "must be a constant"},
    // Random dropping (a ratio above 0 in training mode).
    {"test_training_dropout", "inference"},
    {"test_identity_opt", "is not a tensor"},
    {"test_identity_sequence", "is not a tensor"},
    {"test_maxpool_with_argmax", "the Indices output is used"},
    // Element types kiln has no IR type for.
    {"test_max_float16", "is not supported by kiln"},
    {"test_max_float64", "is not supported by kiln"},
    {"test_max_uint", "is not supported by kiln"},
    {"test_min_float16", "is not supported by kiln"},
    {"test_min_float64", "is not supported by kiln"},
    {"test_min_uint", "is not supported by kiln"},
    {"test_pow_types_float32_uint", "is not supported by kiln"},
    // Axes given as graph inputs: kiln needs them constant.
    {"test_squeeze", "must be a constant"},
    {"test_unsqueeze", "must be a constant"},
    {"test_reduce_sum", "must be a constant"},
    {"test_slice", "must be a constant"},
    {"test_split_variable_parts", "must be a constant"},
    {"test_constant_pad", "must be a constant"},
    {"test_edge_pad", "must be a constant"},
    {"test_reflect_pad", "must be a constant"},
    {"test_split_zero_size_splits", "must be a constant"},
    {"test_reduce_log_sum_exp", "is not supported by kiln"},
    // Casts of FLOAT16, DOUBLE, BFLOAT16 and STRING tensors.
    {"test_cast_", "is not supported by kiln"},
    {"test_castlike_", "is not supported by kiln"},
    // Ops kiln only folds, and indices/shapes given as graph inputs.
    {"test_equal", "computed at run time"},
    {"test_where", "computed at run time"},
    {"test_range", "computed at run time"},
    {"test_constantofshape", "computed at run time"},
    {"test_gather_", "must be a constant"},
    {"test_expand", "must be a constant"},
    // Scales, sizes and roi given as graph inputs: kiln needs them constant.
    {"test_resize", "must be a constant"},
    {"test_upsample", "must be a constant"},
    {"test_convtranspose_3d", "input rank 5 is not supported"},
    // A zero-sized input dimension is read as dynamic and becomes 1.
    {"test_reshape_allowzero_reordered", "cannot reshape"},
};

TEST(OnnxNodeCasesTest, SupportedOpsImportAndVerify) {
  fs::path dir = KILN_ONNX_NODE_CASES_DIR;
  std::vector<fs::path> files;
  if (fs::exists(dir))
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path().extension() == ".onnx") files.push_back(e.path());
  if (files.empty())
    GTEST_SKIP() << "no node cases in " << dir
                 << ": gen_node_cases.py needs /usr/bin/python3 with "
                    "python3-onnx";
  int imported = 0;
  for (const fs::path& f : files) {
    std::string name = f.stem().string();
    const Refusal* refusal = nullptr;
    for (const Refusal& r : kRefusals)
      if (name.rfind(r.prefix, 0) == 0 &&
          (!refusal ||
           std::string(r.prefix).size() > std::string(refusal->prefix).size()))
        refusal = &r;
    auto g = ImportOnnxFile(f.string(), {}, nullptr);
    if (g.ok()) {
      ++imported;
      EXPECT_TRUE(ir::Verify(*g).ok()) << name;
      continue;
    }
    EXPECT_NE(refusal, nullptr) << name << ": " << g.status().ToString();
    if (refusal)
      EXPECT_THAT(g.status().message(), ::testing::HasSubstr(refusal->reason))
          << name;
  }
  EXPECT_GE(imported, 80) << "of " << files.size();
}

}  // namespace
}  // namespace kiln::onnx_frontend
