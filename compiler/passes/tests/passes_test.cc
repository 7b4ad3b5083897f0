// Unit tests of the pass manager, the permutation helpers, and a semantic check
// of every pass: on each lit input graph, the pass must not change what the
// graph computes (compared with compiler/eval, i.e. the runtime's reference
// kernels).
#include <dirent.h>
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <random>
#include <sstream>

#include "compiler/eval/eval.h"
#include "compiler/ir/parser.h"
#include "compiler/ir/printer.h"
#include "compiler/ir/verifier.h"
#include "compiler/passes/pass_util.h"
#include "compiler/passes/pipeline.h"

namespace kiln::passes {
namespace {

TEST(Pipeline, ListsPassesInOrder) {
  auto names = DefaultPassNames();
  ASSERT_FALSE(names.empty());
  EXPECT_EQ(names.back(), "plan-memory");
  EXPECT_NE(PassDescription("fold-batchnorm"), "");
}

TEST(Pipeline, UnknownPassIsNotFound) {
  ir::Graph g;
  EXPECT_EQ(RunPass("no-such-pass", g, {}).code(), StatusCode::kNotFound);
}

TEST(PassUtil, PermuteDataMatchesDefinition) {
  // [2,3] -> transpose [1,0] -> [3,2].
  std::vector<uint8_t> d = {0, 1, 2, 3, 4, 5};
  EXPECT_EQ(PermuteData(d, {2, 3}, {1, 0}, 1),
            (std::vector<uint8_t>{0, 3, 1, 4, 2, 5}));
  // NCHW [1,2,2,2] -> NHWC.
  std::vector<uint8_t> x = {0, 1, 2, 3, 4, 5, 6, 7};
  EXPECT_EQ(PermuteData(x, {1, 2, 2, 2}, ToChannelsLastPerm(4), 1),
            (std::vector<uint8_t>{0, 4, 1, 5, 2, 6, 3, 7}));
}

TEST(PassUtil, Permutations) {
  auto to_last = ToChannelsLastPerm(4), to_first = ToChannelsFirstPerm(4);
  EXPECT_EQ(to_last, (std::vector<int64_t>{0, 2, 3, 1}));
  EXPECT_EQ(to_first, (std::vector<int64_t>{0, 3, 1, 2}));
  EXPECT_TRUE(IsIdentityPerm(ComposePerm(to_last, to_first)));
  EXPECT_TRUE(PermIsReshape({1, 1, 1, 8}, to_first));
  EXPECT_FALSE(PermIsReshape({1, 2, 2, 8}, to_first));
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> LitInputs() {
  std::vector<std::string> files;
  std::string dir = std::string(KILN_SOURCE_DIR) + "/tests/lit/passes";
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d)) {
      std::string n = e->d_name;
      if (n.size() > 4 && n.substr(n.size() - 4) == ".kir")
        files.push_back(dir + "/" + n);
    }
    closedir(d);
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Random f32 inputs for g, the same for the same seed.
std::vector<eval::Buffer> RandomInputs(const ir::Graph& g, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<float> dist(-2.0f, 2.0f);
  std::vector<eval::Buffer> in;
  for (ir::TensorId id : g.inputs) {
    if (g.type(id).dtype != ir::DType::kF32) {
      // Not evaluable on the host; any bytes of the right size.
      in.push_back(eval::Buffer(static_cast<size_t>(g.type(id).bytes())));
      continue;
    }
    std::vector<float> v(static_cast<size_t>(g.type(id).num_elements()));
    for (float& f : v) f = dist(rng);
    in.push_back(eval::ToBuffer(v));
  }
  return in;
}

int g_compared = 0;  // comparisons actually made (not skipped)

void ExpectSameOutputs(const ir::Graph& before, const ir::Graph& after,
                       const std::string& what) {
  for (unsigned seed = 1; seed <= 3; ++seed) {
    std::vector<eval::Buffer> ref, got;
    Status s1 = eval::EvalGraph(before, RandomInputs(before, seed), &ref);
    if (!s1.ok()) {
      ASSERT_EQ(s1.code(), StatusCode::kUnimplemented) << what << s1.message();
      std::printf("not compared (%s): %s\n", what.c_str(),
                  s1.message().c_str());
      return;  // an op without a host kernel: nothing to compare
    }
    Status s2 = eval::EvalGraph(after, RandomInputs(after, seed), &got);
    ASSERT_TRUE(s2.ok()) << what << ": " << s2.message() << "\n"
                         << ir::PrintGraph(after);
    ASSERT_EQ(ref.size(), got.size()) << what;
    for (size_t o = 0; o < ref.size(); ++o) {
      std::vector<float> a = eval::ToFloats(ref[o]), b = eval::ToFloats(got[o]);
      ASSERT_EQ(a.size(), b.size()) << what;
      for (size_t i = 0; i < a.size(); ++i)
        ASSERT_NEAR(a[i], b[i], 1e-4f * std::max(1.0f, std::fabs(a[i])))
            << what << ", output " << o << " element " << i << "\n"
            << ir::PrintGraph(after);
    }
    ++g_compared;
  }
}

TEST(Passes, EveryPassPreservesSemanticsOnLitInputs) {
  auto files = LitInputs();
  ASSERT_FALSE(files.empty());
  for (const std::string& f : files) {
    auto parsed = ir::ParseGraph(ReadFile(f), f);
    if (!parsed.ok()) continue;  // parse-error tests live elsewhere
    const ir::Graph& g = *parsed;
    if (!ir::Verify(g).ok()) continue;
    for (const std::string& pass : DefaultPassNames()) {
      ir::Graph h = g;
      Status s = RunPass(pass, h, {});
      ASSERT_TRUE(s.ok()) << f << " " << pass << ": " << s.message();
      ExpectSameOutputs(g, h, f + " after " + pass);
    }
    ir::Graph h = g;
    Status s = RunDefaultPipeline(h, {});
    ASSERT_TRUE(s.ok()) << f << ": " << s.message();
    ExpectSameOutputs(g, h, f + " after the default pipeline");
  }
  // Float-only inputs use ops with reference kernels: only inputs with a
  // non-f32 tensor may be skipped.
  int float_files = 0;
  for (const std::string& f : files) {
    auto parsed = ir::ParseGraph(ReadFile(f), f);
    if (!parsed.ok()) continue;
    bool all_f32 = true;
    for (const ir::Tensor& t : parsed->tensors)
      if (t.type.dtype != ir::DType::kF32) all_f32 = false;
    if (all_f32) ++float_files;
  }
  EXPECT_GE(g_compared,
            3 * float_files * static_cast<int>(DefaultPassNames().size() + 1));
}

}  // namespace
}  // namespace kiln::passes
