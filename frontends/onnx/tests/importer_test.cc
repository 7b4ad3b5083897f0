// Tests of the import driver: input shapes, constants, liveness of shape
// subgraphs, names, and the report.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "frontends/onnx/tests/test_util.h"

namespace kiln::onnx_frontend::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(ImporterTest, SymbolicBatchBecomesOneWithANote) {
  ModelBuilder b;
  b.Input("x", {-1, 3, 4, 4}, {"batch"}).Output("y");
  b.Node("Relu", {"x"}, {"y"});
  ImportReport report;
  std::string text = ImportText(b, &report);
  EXPECT_THAT(text, HasSubstr("input %x: f32[1,3,4,4]"));
  EXPECT_THAT(text, HasSubstr("%y: f32[1,3,4,4] = relu(%x) @Relu_0"));
  EXPECT_THAT(report.notes,
              ElementsAre("input 'x': dim 0 'batch' is symbolic, used 1"));
  EXPECT_EQ(report.input_shapes_used.at("x"), (ir::Shape{1, 3, 4, 4}));
  EXPECT_EQ(report.opset, 13);
  EXPECT_EQ(report.producer, "kiln-test");
}

TEST(ImporterTest, UnknownAndZeroDimsBecomeOne) {
  ModelBuilder b;
  b.Input("x", {-1, 0, 5}).Output("y");  // no dim_param: unknown
  b.Node("Relu", {"x"}, {"y"});
  ImportReport report;
  ImportText(b, &report);
  EXPECT_THAT(report.notes, ElementsAre("input 'x': dim 0 is unknown, used 1",
                                        "input 'x': dim 1 is 0, used 1"));
  EXPECT_EQ(report.input_shapes_used.at("x"), (ir::Shape{1, 1, 5}));
}

TEST(ImporterTest, InputShapeOptionOverridesTheModel) {
  ModelBuilder b;
  b.Input("x", {-1, 3, -1, -1}, {"n", "h", "w"}).Output("y");
  b.Node("Relu", {"x"}, {"y"});
  ImportOptions opts;
  opts.input_shapes["x"] = {2, 3, 8, 6};
  ImportReport report;
  std::string text = ImportText(b, &report, opts);
  EXPECT_THAT(text, HasSubstr("input %x: f32[2,3,8,6]"));
  EXPECT_THAT(text, HasSubstr("%y: f32[2,3,8,6] = relu(%x)"));
  EXPECT_THAT(report.notes,
              ElementsAre("input 'x': shape 2x3x8x6 from --input-shape"));
  EXPECT_EQ(report.input_shapes_used.at("x"), (ir::Shape{2, 3, 8, 6}));
}

TEST(ImporterTest, InputShapeOptionMustNameAnInput) {
  ModelBuilder b;
  b.Input("x", {1, 3}).Output("y");
  b.Node("Relu", {"x"}, {"y"});
  ImportOptions opts;
  opts.input_shapes["image"] = {1, 3};
  EXPECT_EQ(ImportError(b, opts),
            "test.onnx: --input-shape names 'image', which is not an input of "
            "the model; its inputs are: x");
}

TEST(ImporterTest, ShapeSubgraphReshapeImportsAsOneReshape) {
  // x.reshape(x.shape[0], -1), as torch.onnx exports it.
  ModelBuilder b;
  b.Input("x", {-1, 3, 4, 4}, {"batch"}).Output("y");
  b.Ints("zero", {}, {0}).Ints("axes", {1}, {0}).Ints("minus_one", {1}, {-1});
  b.Node("Shape", {"x"}, {"shape"});
  b.Node("Gather", {"shape", "zero"}, {"n"});
  b.Node("Unsqueeze", {"n", "axes"}, {"n1"});
  SetInt(b.Node("Concat", {"n1", "minus_one"}, {"target"}), "axis", 0);
  b.Node("Reshape", {"x", "target"}, {"y"}, "flat");
  ImportReport report;
  auto g = Import(b, &report);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  ASSERT_EQ(g->nodes.size(), 1u);
  EXPECT_THAT(report.notes,
              ::testing::Contains("4 of 5 nodes are not needed by the outputs "
                                  "(shape computations, unused branches) and "
                                  "were not imported"));
  EXPECT_EQ(ir::PrintGraph(*g),
            "graph @test {\n"
            "  input %x: f32[1,3,4,4]\n"
            "  %y: f32[1,48] = reshape(%x) @flat\n"
            "  output %y\n"
            "}\n");
}

TEST(ImporterTest, ReshapeToARunTimeShapeIsRejected) {
  ModelBuilder b;
  b.Input("x", {2, 3}).Input("s", {2}, {}, onnx::TensorProto::INT64);
  b.Output("y");
  b.Node("Reshape", {"x", "s"}, {"y"}, "r");
  auto g = Import(b);
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().message(),
            "test.onnx: node 'r' (Reshape, opset 13): input 1 ('s') must be a "
            "constant (an initializer or a Constant node): kiln takes it as an "
            "attribute, but here it is computed at run time");
}

TEST(ImporterTest, ConstantNodesBecomeConstants) {
  ModelBuilder b;
  b.Input("x", {1, 3}).Output("y");
  auto& c1 = b.Node("Constant", {}, {"bias"});
  SetFloats(c1, "value_floats", {1, 2, 3});
  auto& c2 = b.Node("Constant", {}, {"one"});
  SetFloat(c2, "value_float", 1.5f);
  auto& c3 = b.Node("Constant", {}, {"t"});
  SetTensor(c3, "value", FloatTensor({1, 3}, {4, 5, 6}));
  auto& c4 = b.Node("Constant", {}, {"shape"});
  SetInts(c4, "value_ints", {3, 1});
  b.Node("Add", {"x", "bias"}, {"a"});
  b.Node("Add", {"a", "one"}, {"b"});
  b.Node("Add", {"b", "t"}, {"c"});
  b.Node("Reshape", {"c", "shape"}, {"y"});
  std::string text = ImportText(b);
  EXPECT_THAT(text, HasSubstr("const %bias: f32[3] = dense<1, 2, 3>"));
  EXPECT_THAT(text, HasSubstr("const %one: f32[] = dense<1.5>"));
  EXPECT_THAT(text, HasSubstr("const %t: f32[1,3] = dense<4, 5, 6>"));
  // The reshape target is read, not imported as a tensor.
  EXPECT_THAT(text, ::testing::Not(HasSubstr("%shape")));
  EXPECT_THAT(text, HasSubstr("%y: f32[3,1] = reshape(%c) @Reshape_7"));
}

TEST(ImporterTest, InitializersInTypedFieldsAndRawData) {
  ModelBuilder b;
  b.Input("x", {2}).Output("y");
  b.Floats("typed", {2}, {0.5f, -1}).Floats("raw", {2}, {2, 3}, true);
  b.Node("Add", {"x", "typed"}, {"a"});
  b.Node("Add", {"a", "raw"}, {"y"});
  std::string text = ImportText(b);
  EXPECT_THAT(text, HasSubstr("const %typed: f32[2] = dense<0.5, -1>"));
  EXPECT_THAT(text, HasSubstr("const %raw: f32[2] = dense<2, 3>"));
}

TEST(ImporterTest, InitializerListedAsInputIsAConstant) {
  ModelBuilder b;
  b.Input("x", {2}).Input("w", {2}).Output("y");
  b.Floats("w", {2}, {1, 2});
  b.Node("Add", {"x", "w"}, {"y"});
  ImportReport report;
  auto g = Import(b, &report);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  ASSERT_EQ(g->inputs.size(), 1u);
  EXPECT_EQ(g->tensor(g->inputs[0]).name, "x");
  EXPECT_THAT(report.notes,
              ElementsAre("input 'w' has an initializer: kiln treats it as a "
                          "constant"));
  EXPECT_TRUE(g->IsConst(g->nodes[0].inputs[1]));
}

TEST(ImporterTest, DeadNodesAreNotImported) {
  // A Resize that no output needs is never looked at by kiln.
  ModelBuilder b;
  b.Input("x", {1, 1, 2, 2}).Output("y");
  b.Floats("scales", {4}, {1, 1, 2, 2});
  b.Node("Resize", {"x", "", "scales"}, {"unused"}, "up3");
  b.Node("Relu", {"x"}, {"y"});
  auto g = Import(b);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(g->nodes.size(), 1u);
}

TEST(ImporterTest, DeadCustomOpsAreNeverChecked) {
  // A node of a domain neither kiln nor the ONNX checker knows, whose output
  // nothing needs: pruned before the checker and shape inference run.
  ModelBuilder b;
  b.Input("x", {2}).Output("y");
  b.Node("Relu", {"x"}, {"y"});
  b.Node("FancyOp", {"x"}, {"debug"}, "probe").set_domain("com.example");
  auto g = Import(b);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(g->nodes.size(), 1u);
}

TEST(ImporterTest, UnsortedNodesAreSortedAndKeepTheirNames) {
  ModelBuilder b;
  b.Input("x", {2}).Output("y");
  b.Node("Relu", {"a"}, {"y"});
  b.Node("Relu", {"x"}, {"a"});
  std::string text = ImportText(b);
  EXPECT_THAT(text, HasSubstr("%a: f32[2] = relu(%x) @Relu_1\n"
                              "  %y: f32[2] = relu(%a) @Relu_0\n"));
}

TEST(ImporterTest, DuplicateNodeNamesAreMadeUnique) {
  ModelBuilder b;
  b.Input("x", {2}).Output("y");
  b.Node("Relu", {"x"}, {"a"}, "act");
  b.Node("Relu", {"a"}, {"y"}, "act");
  ImportReport report;
  std::string text = ImportText(b, &report);
  EXPECT_THAT(text, HasSubstr("@act\n"));
  EXPECT_THAT(text, HasSubstr("@act_1\n"));
  EXPECT_THAT(report.notes, ElementsAre("node name 'act' appears more than "
                                        "once; kiln calls the repeat 'act_1'"));
}

TEST(ImporterTest, GraphNameIsASanitizedFileStem) {
  EXPECT_EQ(GraphNameFromPath("models/2-conv.onnx"), "m_2_conv");
  EXPECT_EQ(GraphNameFromPath("/a/b/vww_96_float.onnx"), "vww_96_float");
  EXPECT_EQ(GraphNameFromPath("my model.v2.onnx"), "my_model_v2");
  EXPECT_EQ(GraphNameFromPath(".onnx"), "_onnx");
}

TEST(ImporterTest, LayoutTagsFollowConvActivations) {
  ModelBuilder b;
  b.Input("x", {1, 2, 4, 4}).Output("y");
  b.Weights("w", {2, 2, 1, 1});
  b.Node("Conv", {"x", "w"}, {"c"});
  b.Node("Relu", {"c"}, {"r"});
  b.Node("Flatten", {"r"}, {"y"});
  std::string text = ImportText(b);
  EXPECT_THAT(text, HasSubstr("input %x: f32[1,2,4,4]#nchw"));
  EXPECT_THAT(text, HasSubstr("%r: f32[1,2,4,4]#nchw = relu(%c)"));
  EXPECT_THAT(text, HasSubstr("%y: f32[1,32] = reshape(%r)"));
  EXPECT_THAT(text, HasSubstr("const %w: f32[2,2,1,1] ="));
}

}  // namespace
}  // namespace kiln::onnx_frontend::testing

namespace kiln::onnx_frontend::testing {
namespace {

// What torch.onnx.export writes for a dynamic batch: symbolic dims on the
// input and the output, names with slashes, a Flatten computed through shape
// ops, and an opset-13 Gemm.
TEST(ImporterTest, TorchStyleDynamicBatchModel) {
  ModelBuilder b(13);
  b.Input("input", {-1, 1, 4, 4}, {"batch"});
  auto* out = b.graph().add_output();
  out->set_name("output");
  auto* tt = out->mutable_type()->mutable_tensor_type();
  tt->set_elem_type(onnx::TensorProto::FLOAT);
  tt->mutable_shape()->add_dim()->set_dim_param("batch");
  tt->mutable_shape()->add_dim()->set_dim_value(3);
  b.Weights("conv.weight", {2, 1, 3, 3}).Weights("conv.bias", {2});
  b.Weights("fc.weight", {3, 8}).Weights("fc.bias", {3});
  b.Ints("/Constant_output_0", {1}, {0})
      .Ints("/Constant_1_output_0", {1}, {-1});
  b.Node("Conv", {"input", "conv.weight", "conv.bias"}, {"/conv/Conv_output_0"},
         "/conv/Conv");
  b.Node("Relu", {"/conv/Conv_output_0"}, {"/relu/Relu_output_0"},
         "/relu/Relu");
  b.Node("Shape", {"/relu/Relu_output_0"}, {"/Shape_output_0"}, "/Shape");
  SetInt(b.Node("Gather", {"/Shape_output_0", "/Constant_output_0"},
                {"/Gather_output_0"}, "/Gather"),
         "axis", 0);
  SetInt(b.Node("Concat", {"/Gather_output_0", "/Constant_1_output_0"},
                {"/Concat_output_0"}, "/Concat"),
         "axis", 0);
  b.Node("Reshape", {"/relu/Relu_output_0", "/Concat_output_0"},
         {"/Reshape_output_0"}, "/Reshape");
  SetInt(b.Node("Gemm", {"/Reshape_output_0", "fc.weight", "fc.bias"},
                {"output"}, "/fc/Gemm"),
         "transB", 1);
  ImportReport report;
  auto g = Import(b, &report);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  ir::PrintOptions po;
  po.elide_constants_over = 4;
  std::string text = ir::PrintGraph(*g, po);
  EXPECT_THAT(text, HasSubstr("input %input: f32[1,1,4,4]#nchw"));
  EXPECT_THAT(text,
              HasSubstr("%\"/Reshape_output_0\": f32[1,8] = "
                        "reshape(%\"/relu/Relu_output_0\") @\"/Reshape\""));
  EXPECT_THAT(text,
              HasSubstr("%output: f32[1,3] = gemm(%\"/Reshape_output_0\", "
                        "%fc.weight, %fc.bias) {trans_b = 1} @\"/fc/Gemm\""));
  EXPECT_EQ(g->nodes.size(), 4u);
  EXPECT_THAT(report.notes,
              ::testing::Contains("input 'input': dim 0 'batch' is symbolic, "
                                  "used 1"));
}

}  // namespace
}  // namespace kiln::onnx_frontend::testing

namespace kiln::onnx_frontend::testing {
namespace {

TEST(ImporterTest, ConstantElementTypes) {
  ModelBuilder b;
  b.Input("x", {1});
  struct Case {
    const char* name;
    int32_t type;
    const char* text;
  };
  const Case cases[] = {
      {"i32", onnx::TensorProto::INT32, "const %i32_out_value: s32[2] = dense<-3, 7>"},
      {"i16", onnx::TensorProto::INT16, "const %i16_out_value: s16[2] = dense<-3, 7>"},
      {"i8", onnx::TensorProto::INT8, "const %i8_out_value: s8[2] = dense<-3, 7>"},
      {"u8", onnx::TensorProto::UINT8, "const %u8_out_value: u8[2] = dense<253, 7>"},
      {"b", onnx::TensorProto::BOOL, "const %b_out_value: bool[2] = dense<1, 1>"},
  };
  for (const Case& c : cases) {
    auto* t = b.graph().add_initializer();
    t->set_name(c.name);
    t->set_data_type(c.type);
    t->add_dims(2);
    t->add_int32_data(c.type == onnx::TensorProto::UINT8 ? 253 : -3);
    t->add_int32_data(7);
    b.Node("Identity", {c.name}, {std::string(c.name) + "_out"});
    b.Output(std::string(c.name) + "_out", c.type);
  }
  // int8 from raw_data, int64 from typed fields.
  auto* raw = b.graph().add_initializer();
  raw->set_name("raw8");
  raw->set_data_type(onnx::TensorProto::INT8);
  raw->add_dims(3);
  raw->set_raw_data(std::string("\x01\xff\x7f", 3));
  b.Node("Identity", {"raw8"}, {"raw8_out"});
  b.Output("raw8_out", onnx::TensorProto::INT8);
  b.Ints("i64", {2}, {-1, 1LL << 40});
  b.Node("Identity", {"i64"}, {"i64_out"});
  b.Output("i64_out", onnx::TensorProto::INT64);
  std::string text = ImportText(b);
  for (const Case& c : cases) EXPECT_THAT(text, HasSubstr(c.text));
  // Identity of a constant folds at import; the graph output copies it.
  EXPECT_THAT(text,
              HasSubstr("const %raw8_out_value: s8[3] = dense<1, -1, 127>"));
  EXPECT_THAT(text, HasSubstr("const %i64_out_value: s64[2] = "
                              "dense<-1, 1099511627776>"));
  EXPECT_THAT(text, HasSubstr("%i32_out: s32[2] = identity(%i32_out_value)"));
}

TEST(ImporterTest, UnreadableConstantNodeFailsOnlyWhenUsed) {
  ModelBuilder b;
  b.Input("x", {1}).Output("y");
  auto& c = b.Node("Constant", {}, {"s"}, "strings");
  auto* a = c.add_attribute();
  a->set_name("value_strings");
  a->set_type(onnx::AttributeProto::STRINGS);
  a->add_strings("hello");
  b.Node("Relu", {"x"}, {"y"});
  EXPECT_TRUE(Import(b).ok());  // unused: pruned
  b.Node("Identity", {"s"}, {"z"}, "use");
  b.Output("z", onnx::TensorProto::STRING);
  auto g = Import(b);
  ASSERT_FALSE(g.ok());
  EXPECT_THAT(g.status().message(),
              HasSubstr("node 'strings' (Constant, opset 13): attribute "
                        "'value_strings' is not supported"));
}

}  // namespace
}  // namespace kiln::onnx_frontend::testing

namespace kiln::onnx_frontend::testing {
namespace {

TEST(ImporterTest, ParseInputShapeFlag) {
  auto a = ParseInputShape("x=1x1x28x28");
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->first, "x");
  EXPECT_EQ(a->second, (ir::Shape{1, 1, 28, 28}));
  auto b = ParseInputShape("a=b=3,4");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->first, "a=b");
  EXPECT_EQ(b->second, (ir::Shape{3, 4}));
  for (const char* bad :
       {"x", "=1x2", "x=", "x=1xx2", "x=0x3", "x=-1", "x=2y3"})
    EXPECT_FALSE(ParseInputShape(bad).ok()) << bad;
  EXPECT_EQ(ParseInputShape("x=1xq").status().message(),
            "--input-shape 'x=1xq': expected NAME=DIMS with positive "
            "dimensions separated by 'x', e.g. input=1x3x32x32");
}

}  // namespace
}  // namespace kiln::onnx_frontend::testing
