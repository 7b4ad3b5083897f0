// Tests of the frontend's errors: every bad model gives a Status that names the
// file, and for node errors the node, op type and opset, never a crash.
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

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
  b.Input("x", {1, 1, 2, 2}).Output("y");
  b.Floats("scales", {4}, {1, 1, 2, 2});
  b.Node("Resize", {"x", "", "scales"}, {"y"}, "up3");
  EXPECT_THAT(ImportError(b),
              StartsWith("test.onnx: node 'up3' (Resize, opset 13): op is not "
                         "supported by kiln; supported ops: Add, AveragePool, "
                         "BatchNormalization, Clip, Concat, Conv,"));
  auto g = Import(b);
  EXPECT_EQ(g.status().code(), StatusCode::kUnimplemented);
}

TEST(ErrorsTest, LiveShapeComputationIsNamed) {
  ModelBuilder b;
  b.Input("x", {2, 3}).Output("y", onnx::TensorProto::INT64);
  b.Node("Shape", {"x"}, {"y"});
  EXPECT_THAT(ImportError(b),
              AllOf(StartsWith("test.onnx: node 'Shape_0' (Shape, opset 13): "
                               "op is not supported by kiln"),
                    HasSubstr("feed a constant input")));
}

TEST(ErrorsTest, OpsetOutOfRange) {
  for (int64_t opset : {6, 18}) {
    ModelBuilder b = ReluModel(opset);
    EXPECT_EQ(ImportError(b),
              fmt::format("test.onnx: opset {} is not supported; kiln imports "
                          "opsets 7 to 17 (convert the model, e.g. "
                          "onnx.version_converter.convert_version(model, 13))",
                          opset));
  }
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
            path + ": not a valid ONNX model: the protobuf cannot be parsed (a "
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
  EXPECT_EQ(ImportError(b),
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
              AllOf(StartsWith("test.onnx: input 'x': value 'x' element type "
                               "DOUBLE is not supported by kiln"),
                    HasSubstr("supported: FLOAT, UINT8")));
}

TEST(ErrorsTest, NonConstantWhereAConstantIsRequired) {
  ModelBuilder b;
  b.Input("x", {4}).Input("lo", {}).Output("y");
  b.Node("Clip", {"x", "lo"}, {"y"}, "clamp");
  EXPECT_EQ(ImportError(b),
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
    // An attribute Relu does not have: the ONNX checker rejects it.
    ModelBuilder b = ReluModel();
    SetInt(b.graph().mutable_node()->at(0), "alpha", 1);
    EXPECT_THAT(ImportError(b),
                StartsWith("test.onnx: the ONNX checker rejects the model: "));
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
              AllOf(StartsWith(sub + ": node 'Add_0' (Add, opset 13): input 1 "
                                     "'w': constant 'w': external data "
                                     "location '../weights.bin' points outside "
                                     "the model's folder"),
                    HasSubstr("keep data files next to the model")));
}

}  // namespace
}  // namespace kiln::onnx_frontend::testing
