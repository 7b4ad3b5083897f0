// Tests of the frontend's errors: every bad model gives a Status that names the
// file, and for node errors the node, op type and opset, never a crash.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "frontends/onnx/tests/test_util.h"

namespace kiln::onnx_frontend::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::StartsWith;

// A scratch folder for tests that need files.
class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() /
            fmt::format("kiln_fe_test_{}_{}", ::getpid(), counter_++);
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string File(const std::string& name, const std::string& bytes) const {
    std::string p = (path_ / name).string();
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
  static inline int counter_ = 0;
};

ModelBuilder ReluModel(int64_t opset = 13) {
  ModelBuilder b(opset);
  b.Input("x", {1, 4}).Output("y");
  b.Node("Relu", {"x"}, {"y"});
  return b;
}

TEST(ErrorsTest, UnsupportedOpNamesNodeOpAndOpset) {
  ModelBuilder b;
  b.Input("x", {1, 4}).Output("y");
  b.Node("Hardmax", {"x"}, {"y"}, "hm");
  EXPECT_THAT(ImportError(b),
              AllOf(StartsWith("test.onnx: node 'hm' (Hardmax, opset 13): op is "
                               "not supported by kiln; supported ops: Abs, Add, "
                               "AveragePool, BatchNormalization, Cast, Clip, "
                               "Concat,"),
                    HasSubstr("; see docs/ops.md for the supported ops and their "
                              "limits; replace the op in the model, or add an "
                              "importer (docs/adding_an_op.md)")));
  auto g = Import(b);
  EXPECT_EQ(g.status().code(), StatusCode::kUnimplemented);
}

TEST(ErrorsTest, RunTimeShapeComputationIsNamed) {
  // ConstantOfShape of a shape computed at run time cannot be folded, and
  // kiln has no kernel for it: the node, op and run-time input are named.
  ModelBuilder b;
  b.Input("x", {2}, {}, onnx::TensorProto::INT64).Output("y");
  b.Node("ConstantOfShape", {"x"}, {"y"});
  EXPECT_THAT(ImportError(b),
              AllOf(StartsWith("test.onnx: node 'ConstantOfShape_0' "
                               "(ConstantOfShape, opset 13): input 0 ('x') is "
                               "computed at run time"),
                    HasSubstr("no run-time kernel")));
}

TEST(ErrorsTest, OpsetOutOfRange) {
  for (int64_t opset : {0, 18}) {
    ModelBuilder b = ReluModel(opset);
    EXPECT_EQ(ImportError(b),
              fmt::format("test.onnx: opset {} is not supported; kiln imports "
                          "opsets 1 to 17 (convert the model, e.g. "
                          "onnx.version_converter.convert_version(model, 13))",
                          opset));
  }
}

// Each op has its own opset range: Add's broadcasting changed in opset 7, so
// an opset-6 Add is refused while an opset-6 Relu imports.
TEST(ErrorsTest, OpOutsideItsOpsetRange) {
  ModelBuilder b(6);
  b.Input("x", {1, 4}).Input("z", {1, 4}).Output("y");
  b.Node("Add", {"x", "z"}, {"y"});
  EXPECT_THAT(ImportError(b),
              StartsWith("test.onnx: node 'Add_0' (Add, opset 6): kiln imports "
                         "Add only for opsets 7 to 17"));
  ModelBuilder relu = ReluModel(6);
  EXPECT_TRUE(ImportOnnxModel(relu.model(), "test.onnx", {}, nullptr).ok());
}

TEST(ErrorsTest, MissingFile) {
  auto g = ImportOnnxFile("/nonexistent/model.onnx", {}, nullptr);
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(g.status().message(), "/nonexistent/model.onnx: file not found");
}

TEST(ErrorsTest, TruncatedAndGarbageFiles) {
  TempDir dir;
  ModelBuilder b;
  b.Input("x", {1, 3, 8, 8}).Output("y").Weights("w", {4, 3, 3, 3});
  b.Node("Conv", {"x", "w"}, {"y"});
  std::string bytes = b.model().SerializeAsString();
  // Every cut of the file must fail cleanly (or, for a cut that happens to
  // leave a well-formed prefix, import or fail with a Status).
  for (size_t cut : {bytes.size() / 2, bytes.size() - 1, size_t{3}}) {
    std::string path = dir.File("cut.onnx", bytes.substr(0, cut));
    auto g = ImportOnnxFile(path, {}, nullptr);
    ASSERT_FALSE(g.ok()) << cut;
    EXPECT_THAT(g.status().message(), StartsWith(path + ": ")) << cut;
  }
  std::string path = dir.File("cut.onnx", bytes.substr(0, bytes.size() / 2));
  EXPECT_EQ(ImportOnnxFile(path, {}, nullptr).status().message(),
            path +
                ": not a valid ONNX model: the protobuf cannot be parsed (a "
                "truncated or corrupted file?)");
  std::string garbage = dir.File("garbage.onnx", "\xff\xff\xff\xff garbage");
  EXPECT_THAT(ImportOnnxFile(garbage, {}, nullptr).status().message(),
              StartsWith(garbage + ": not a"));
  std::string text = dir.File("text.onnx", "hello world, not a model\n");
  EXPECT_THAT(ImportOnnxFile(text, {}, nullptr).status().message(),
              StartsWith(text + ": not a"));
  std::string empty = dir.File("empty.onnx", "");
  EXPECT_EQ(ImportOnnxFile(empty, {}, nullptr).status().message(),
            empty + ": the file is empty");
}

TEST(ErrorsTest, Cycle) {
  ModelBuilder b;
  b.Input("x", {2}).Output("y");
  b.Node("Add", {"x", "b"}, {"a"}, "first");
  b.Node("Relu", {"a"}, {"b"}, "second");
  b.Node("Relu", {"b"}, {"y"}, "third");
  EXPECT_EQ(ImportError(b),
            "test.onnx: the graph has a cycle: 'first' -> 'second' -> 'first'; "
            "ONNX graphs must be acyclic");
}

TEST(ErrorsTest, MissingInitializer) {
  ModelBuilder b;
  b.Input("x", {1, 3, 8, 8}).Output("y");
  b.Node("Conv", {"x", "w"}, {"y"}, "conv1");
  EXPECT_EQ(
      ImportError(b),
      "test.onnx: node 'conv1' (Conv, opset 13): input 'w' is not a graph "
      "input, an initializer or the output of any node (a missing "
      "initializer? re-export the model with its weights)");
}

TEST(ErrorsTest, UnsupportedDtype) {
  ModelBuilder b;
  b.Input("x", {2}, {}, onnx::TensorProto::DOUBLE)
      .Output("y", onnx::TensorProto::DOUBLE);
  b.Node("Relu", {"x"}, {"y"});
  EXPECT_THAT(ImportError(b),
              AllOf(StartsWith("test.onnx: input 'x': element type "
                               "DOUBLE is not supported by kiln"),
                    HasSubstr("supported: FLOAT, UINT8")));
}

TEST(ErrorsTest, NonConstantWhereAConstantIsRequired) {
  ModelBuilder b;
  b.Input("x", {4}).Input("lo", {}).Output("y");
  b.Node("Clip", {"x", "lo"}, {"y"}, "clamp");
  EXPECT_EQ(
      ImportError(b),
      "test.onnx: node 'clamp' (Clip, opset 13): input 1 ('lo') must be a "
      "constant (an initializer or a Constant node): kiln takes it as an "
      "attribute, but here it is computed at run time");
}

TEST(ErrorsTest, UsedSecondaryOutputs) {
  ModelBuilder b;
  b.Input("x", {1, 1, 4, 4}).Output("y").Output("i", onnx::TensorProto::INT64);
  SetInts(b.Node("MaxPool", {"x"}, {"y", "i"}, "mp"), "kernel_shape", {2, 2});
  EXPECT_EQ(ImportError(b),
            "test.onnx: node 'mp' (MaxPool, opset 13): the Indices output is "
            "used; kiln imports MaxPool with its first output only");
}

TEST(ErrorsTest, CheckerAndShapeInferenceFailures) {
  {
    // Incompatible shapes: ONNX's strict shape inference rejects them.
    ModelBuilder b;
    b.Input("x", {1, 3}).Input("z", {1, 4}).Output("y");
    b.Node("Add", {"x", "z"}, {"y"});
    EXPECT_THAT(ImportError(b),
                StartsWith("test.onnx: ONNX shape inference failed (with input "
                           "shapes x=1x3, z=1x4): "));
  }
  {
    // Channels ONNX's inference does not check: the Conv importer does.
    ModelBuilder b;
    b.Input("x", {1, 3, 8, 8}).Output("y").Weights("w", {4, 2, 3, 3});
    b.Node("Conv", {"x", "w"}, {"y"});
    EXPECT_EQ(ImportError(b),
              "test.onnx: node 'Conv_0' (Conv, opset 13): input has 3 channels "
              "but weights [4,2,3,3] with group 1 expect 2");
  }
  {
    // An attribute Relu does not have: kiln's node checks reject it.
    ModelBuilder b = ReluModel();
    SetInt(b.graph().mutable_node()->at(0), "alpha", 1);
    EXPECT_EQ(ImportError(b),
              "test.onnx: node 'Relu_0' (Relu, opset 13): attribute 'alpha' is "
              "not an attribute of ONNX Relu (opset 13); remove it or check the "
              "model's opset");
  }
}

TEST(ErrorsTest, NotAModel) {
  onnx::ModelProto empty;
  auto g = ImportOnnxModel(empty, "x.onnx", {}, nullptr);
  EXPECT_EQ(g.status().message(),
            "x.onnx: not an ONNX model (no graph); is this the right file?");
}

TEST(ExternalDataTest, ReadsDataNextToTheModelAndRejectsEscapes) {
  TempDir dir;
  std::vector<float> w = {1, 2, 3, 4};
  std::string data(8, '\0');  // an offset of 8 bytes
  data.append(reinterpret_cast<const char*>(w.data()), 16);
  dir.File("weights.bin", data);
  auto make = [&](const std::string& location) {
    ModelBuilder b;
    b.Input("x", {4}).Output("y");
    auto* t = b.graph().add_initializer();
    t->set_name("w");
    t->set_data_type(onnx::TensorProto::FLOAT);
    t->add_dims(4);
    t->set_data_location(onnx::TensorProto::EXTERNAL);
    auto* e = t->add_external_data();
    e->set_key("location");
    e->set_value(location);
    e = t->add_external_data();
    e->set_key("offset");
    e->set_value("8");
    e = t->add_external_data();
    e->set_key("length");
    e->set_value("16");
    b.Node("Add", {"x", "w"}, {"y"});
    return b;
  };
  ModelBuilder good = make("weights.bin");
  std::string path = dir.File("model.onnx", good.model().SerializeAsString());
  auto g = ImportOnnxFile(path, {}, nullptr);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_THAT(ir::PrintGraph(*g), HasSubstr("const %w: f32[4] = dense<1, 2, 3, "
                                            "4>"));

  // A location that leaves the model's folder, even to a file that exists.
  fs::create_directories(dir.path() / "sub");
  ModelBuilder bad = make("../weights.bin");
  std::string sub = (dir.path() / "sub" / "model.onnx").string();
  std::ofstream(sub, std::ios::binary) << bad.model().SerializeAsString();
  auto e = ImportOnnxFile(sub, {}, nullptr);
  ASSERT_FALSE(e.ok());
  EXPECT_THAT(e.status().message(),
              AllOf(StartsWith(sub + ": initializer 'w': external data "
                                     "location '../weights.bin' points outside "
                                     "the model's folder"),
                    HasSubstr("keep data files next to the model")));
}

}  // namespace
}  // namespace kiln::onnx_frontend::testing

namespace kiln::onnx_frontend::testing {
namespace {

// Hostile-file robustness: structural mutations of a small model (bad dims,
// attributes, types, payload sizes, rewired inputs) must each give a Status
// that names the file, never a crash. libonnx 1.12 itself crashes on several
// of these, so this guards the importer's pre-checks.
TEST(RobustnessTest, MutatedModelsFailCleanly) {
  ModelBuilder base;
  base.Input("x", {1, 2, 8, 8}).Output("y");
  base.Weights("w", {4, 2, 3, 3}).Weights("b", {4}).Weights("fc", {3, 16});
  base.Ints("shape", {2}, {1, -1});
  auto& conv = base.Node("Conv", {"x", "w", "b"}, {"c"});
  SetInts(conv, "strides", {1, 1});
  SetInts(conv, "pads", {1, 1, 1, 1});
  base.Node("Relu", {"c"}, {"r"});
  auto& pool = base.Node("MaxPool", {"r"}, {"p"});
  SetInts(pool, "kernel_shape", {4, 4});
  SetInts(pool, "strides", {4, 4});
  base.Node("Reshape", {"p", "shape"}, {"f"});
  SetInt(base.Node("Gemm", {"f", "fc"}, {"g"}), "transB", 1);
  base.Node("Softmax", {"g"}, {"y"});
  ASSERT_TRUE(Import(base).ok()) << Import(base).status().ToString();

  uint64_t seed = 12345;
  auto next = [&]() {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return seed >> 33;
  };
  auto value = [&]() -> int64_t {
    const int64_t kValues[] = {-2,       -1, 0, 1, 2, 3, 5, int64_t{1} << 40,
                               INT64_MAX};
    return kValues[next() % 9];
  };
  int failures = 0;
  for (int it = 0; it < 400; ++it) {
    ModelBuilder b = base;
    auto* g = b.model().mutable_graph();
    switch (next() % 8) {
      case 0: {
        auto* t = g->mutable_initializer(next() % g->initializer_size());
        if (t->dims_size()) t->set_dims(next() % t->dims_size(), value());
        break;
      }
      case 1: {
        auto* n = g->mutable_node(next() % g->node_size());
        if (n->attribute_size()) {
          auto* a = n->mutable_attribute(next() % n->attribute_size());
          if (a->ints_size())
            a->set_ints(next() % a->ints_size(), value());
          else
            a->set_i(value());
        }
        break;
      }
      case 2: {
        auto* s = g->mutable_input(0)
                      ->mutable_type()
                      ->mutable_tensor_type()
                      ->mutable_shape();
        s->mutable_dim(next() % s->dim_size())->set_dim_value(value());
        break;
      }
      case 3: {
        auto* t = g->mutable_initializer(next() % g->initializer_size());
        t->set_data_type(static_cast<int32_t>(next() % 17));
        break;
      }
      case 4: {
        auto* t = g->mutable_initializer(next() % g->initializer_size());
        if (t->has_raw_data())
          t->mutable_raw_data()->resize(next() % (t->raw_data().size() + 1));
        else
          t->clear_int64_data();
        break;
      }
      case 5: {
        auto* n = g->mutable_node(next() % g->node_size());
        const auto& other = g->node(next() % g->node_size());
        n->set_input(next() % n->input_size(), other.output(0));
        break;
      }
      case 6:
        g->mutable_node(next() % g->node_size())->clear_attribute();
        break;
      case 7: {
        auto* n = g->mutable_node(next() % g->node_size());
        if (n->input_size() > 1) n->mutable_input()->RemoveLast();
        break;
      }
    }
    auto result = Import(b);
    if (result.ok()) continue;
    ++failures;
    EXPECT_THAT(result.status().message(), StartsWith("test.onnx: "))
        << "iteration " << it;
  }
  EXPECT_GT(failures, 100);
}

}  // namespace
}  // namespace kiln::onnx_frontend::testing
