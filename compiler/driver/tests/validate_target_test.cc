// The driver's pieces that need no compiler or target: the per-layer dump
// comparison behind `kiln validate --per-layer` (the path a user sees when a
// device disagrees with x86, which no healthy model exercises end to end) and
// the scoped working folder of `kiln run`/`kiln validate`.
#include "compiler/driver/validate_target.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "compiler/support/files.h"

namespace kiln::driver {
namespace {
namespace fs = std::filesystem;
using nlohmann::json;

json Layers(const std::vector<std::string>& names, int64_t bytes) {
  json l = json::array();
  for (const std::string& n : names)
    l.push_back({{"name", n},
                 {"op", "conv"},
                 {"kernel", "k_ref"},
                 {"output_bytes", bytes}});
  return l;
}

void Dump(const std::string& dir, int i, const std::vector<uint8_t>& bytes) {
  fs::create_directories(dir);
  ASSERT_TRUE(
      WriteFileBytes(dir + "/layer_" + std::to_string(i) + ".bin", bytes).ok());
}

class CompareLayerDumpsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto w = WorkDir::Make("", "test");
    ASSERT_TRUE(w.ok()) << w.status().ToString();
    work_.emplace(std::move(w).value());
    ref_ = work_->path() + "/ref";
    dut_ = work_->path() + "/dut";
  }
  std::optional<WorkDir> work_;
  std::string ref_, dut_;
};

TEST_F(CompareLayerDumpsTest, IdenticalDumpsHaveNoFirstDifference) {
  json l = Layers({"a", "b"}, 4);
  for (int i = 0; i < 2; ++i) {
    Dump(ref_, i, {1, 2, 3, 4, 5, 6, 7, 8});
    Dump(dut_, i, {1, 2, 3, 4, 5, 6, 7, 8});
  }
  auto c = CompareLayerDumps(l, ref_, l, dut_);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_TRUE(c->first.is_null());
  EXPECT_EQ(c->differing, 0);
}

TEST_F(CompareLayerDumpsTest, NamesTheFirstDifferingLayerSampleAndByte) {
  json rl = Layers({"Conv_0", "Add_1", "Relu_2", "Gemm_3"}, 4);
  json dl = rl;
  dl[1]["kernel"] = "add_pulp";
  // Two samples of 4 bytes per layer; layer 1 differs in sample 1, byte 2, and
  // layer 3 differs too (errors propagate): only layer 1 is "first".
  std::vector<uint8_t> base = {10, 11, 12, 13, 20, 21, 22, 23};
  for (int i = 0; i < 4; ++i) {
    Dump(ref_, i, base);
    std::vector<uint8_t> d = base;
    if (i == 1) d[6] = 99;
    if (i == 3) d[0] = 0;
    Dump(dut_, i, d);
  }
  auto c = CompareLayerDumps(rl, ref_, dl, dut_);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  ASSERT_FALSE(c->first.is_null());
  EXPECT_EQ(c->differing, 2);
  EXPECT_EQ(c->first["index"], 1);
  EXPECT_EQ(c->first["name"], "Add_1");
  EXPECT_EQ(c->first["kernel"], "add_pulp");
  EXPECT_EQ(c->first["reference_kernel"], "k_ref");
  EXPECT_EQ(c->first["sample"], 1);
  EXPECT_EQ(c->first["byte"], 2);
  EXPECT_EQ(c->first["values"], json({22, 99}));

  json r = {{"model", "m.onnx"},
            {"target", "pulp"},
            {"samples", 2},
            {"layer_samples", 2},
            {"layers_compared", 4},
            {"first_difference", c->first},
            {"layers_differing", c->differing},
            {"outputs_identical", false}};
  std::string text = ValidatePerLayerText(r);
  EXPECT_NE(text.find("first layer that differs: #1 'Add_1' (conv, kernel "
                      "add_pulp vs k_ref), "
                      "sample 1, byte 2; 2 layer(s) differ"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("outputs: DIFFERENT"), std::string::npos) << text;
}

TEST_F(CompareLayerDumpsTest, ShorterDumpDiffersWhereItEnds) {
  json l = Layers({"a"}, 3);
  Dump(ref_, 0, {1, 2, 3, 4, 5, 6});
  Dump(dut_, 0, {1, 2, 3, 4});
  auto c = CompareLayerDumps(l, ref_, l, dut_);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->first["sample"], 1);
  EXPECT_EQ(c->first["byte"], 1);
  EXPECT_FALSE(c->first.contains("values"));
  EXPECT_EQ(c->first["bytes"], json({6, 4}));
}

TEST_F(CompareLayerDumpsTest, MissingDumpIsAnErrorNamingTheFile) {
  json l = Layers({"a"}, 3);
  Dump(ref_, 0, {1, 2, 3});
  auto c = CompareLayerDumps(l, ref_, l, dut_);
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().ToString().find(dut_ + "/layer_0.bin"),
            std::string::npos)
      << c.status().ToString();
}

TEST_F(CompareLayerDumpsTest, LayerCountMismatchIsAnError) {
  auto c =
      CompareLayerDumps(Layers({"a", "b"}, 1), ref_, Layers({"a"}, 1), dut_);
  EXPECT_FALSE(c.ok());
}

TEST(WorkDirTest, TemporaryFolderIsRemovedKeptFolderStays) {
  std::string tmp;
  {
    auto w = WorkDir::Make("", "test");
    ASSERT_TRUE(w.ok());
    tmp = w->path();
    EXPECT_TRUE(w->temporary());
    EXPECT_TRUE(fs::is_directory(tmp));
    ASSERT_TRUE(WriteFileText(tmp + "/x.txt", "x").ok());
    WorkDir moved(
        std::move(w).value());  // the moved-from object must not delete it
    EXPECT_TRUE(fs::is_directory(tmp));
  }
  EXPECT_FALSE(fs::exists(tmp));

  std::string keep = fs::temp_directory_path() / "kiln-workdir-test-keep/sub";
  fs::remove_all(fs::path(keep).parent_path());
  {
    auto w = WorkDir::Make(keep, "test");
    ASSERT_TRUE(w.ok());
    EXPECT_FALSE(w->temporary());
    EXPECT_TRUE(fs::is_directory(keep));
  }
  EXPECT_TRUE(fs::is_directory(keep));
  fs::remove_all(fs::path(keep).parent_path());
}

}  // namespace
}  // namespace kiln::driver
