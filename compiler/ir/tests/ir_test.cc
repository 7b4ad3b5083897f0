// Unit tests of the IR: printer/parser round trip, parse error locations, and
// the verifier's error cases (with the node or tensor each error is about).
#include <gtest/gtest.h>

#include "compiler/ir/parser.h"
#include "compiler/ir/printer.h"
#include "compiler/ir/verifier.h"

namespace kiln::ir {
namespace {

constexpr const char* kModel = R"(graph @"a model" arena 64 {
  input %x: f32[1,2,4,4]#nchw
  input %q: s8[1,4]{q 0.5:-3}
  const %w: f32[3,2,1,1] = dense<1, 2, 3, 4, 5, 6>
  const %ws: s8[2,4]{q axis=0 0.25:0 0.125:0} = dense<1, -2, 3, -4, 5, -6, 7, -8>
  const %i: s64[2] = dense<-9000000000, 7>
  %y: f32[1,3,4,4] at 0 = conv(%x, %w, _) {kernel_shape = [1, 1], strides = [1, 1], pads = [0, 0, 0, 0], dilations = [1, 1], act_min = 0, act_max = 6} @conv
  %z: s8[1,2]{q 0.5:-3} = fully_connected(%q, %ws) @"fc 1"
  %s: f32[1,3,4,4] = softmax(%y) {axis = 1} @sm
  output %s
  output %z
}
)";

TEST(IrText, RoundTripIsExact) {
  auto g = ParseGraph(kModel, "model.kir");
  ASSERT_TRUE(g.ok()) << g.status().message();
  EXPECT_TRUE(Verify(*g).ok());
  std::string printed = PrintGraph(*g);
  EXPECT_EQ(printed, kModel);
  auto g2 = ParseGraph(printed);
  ASSERT_TRUE(g2.ok());
  EXPECT_EQ(PrintGraph(*g2), printed);
}

TEST(IrText, ParsedStructure) {
  auto g = ParseGraph(kModel);
  ASSERT_TRUE(g.ok());
  EXPECT_EQ(g->name, "a model");
  EXPECT_EQ(g->arena_bytes, 64);
  ASSERT_EQ(g->nodes.size(), 3u);
  const Node& conv = g->nodes[0];
  EXPECT_EQ(conv.op, OpKind::kConv);
  EXPECT_EQ(conv.input(2), kNoTensor);
  EXPECT_EQ(conv.attr<ConvAttrs>().act_max, 6.0f);
  EXPECT_EQ(g->tensor(conv.outputs[0]).offset, 0);
  EXPECT_EQ(g->type(g->inputs[0]).layout, Layout::kNCHW);
  const TensorType& ws = g->type(g->nodes[1].inputs[1]);
  EXPECT_EQ(ws.quant.axis, 0);
  EXPECT_EQ(ws.quant.scale, (std::vector<float>{0.25f, 0.125f}));
}

TEST(IrText, SourceMapRecordsDefinitions) {
  SourceMap map;
  auto g = ParseGraph(kModel, "m", &map);
  ASSERT_TRUE(g.ok());
  ASSERT_EQ(map.nodes.size(), 3u);
  EXPECT_EQ(map.nodes[0].line, 7);
  EXPECT_EQ(map.nodes[0].col, 3);
  EXPECT_EQ(map.tensors[g->inputs[1]].line, 3);
}

TEST(IrText, ElidedConstantsDoNotParse) {
  auto g = ParseGraph(kModel);
  ASSERT_TRUE(g.ok());
  PrintOptions opts;
  opts.elide_constants_over = 4;
  std::string text = PrintGraph(*g, opts);
  EXPECT_NE(text.find("dense<...>"), std::string::npos);
  EXPECT_FALSE(ParseGraph(text).ok());
}

struct ParseErrorCase {
  const char* text;
  const char* message;  // expected prefix incl. position
};

TEST(IrText, ParseErrorsCarryPositions) {
  const ParseErrorCase cases[] = {
      {"graph @m {\n  input %x: f32[4]\n  %y: f32[4] = nope(%x) @n\n}",
       "f:3:16: unknown op 'nope'"},
      {"graph @m {\n  %y: f32[4] = relu(%x) @n\n}",
       "f:2:21: '%x' is used before it is defined"},
      {"graph @m {\n  input %x: f32[4]#nwhc\n}", "f:2:20: unknown layout"},
      {"graph @m {\n  input %x: f32[4]\n", "f:3:1: unexpected end of input"},
      {"graph @m {\n}\nextra", "f:3:1: unexpected text after the graph"},
  };
  for (const auto& c : cases) {
    auto g = ParseGraph(c.text, "f");
    ASSERT_FALSE(g.ok()) << c.text;
    EXPECT_EQ(g.status().message().rfind(c.message, 0), 0u)
        << g.status().message() << " vs " << c.message;
  }
}

// Parses `text` (which must parse) and returns the verifier's status.
Status VerifyText(const char* text, VerifyLocation* where = nullptr) {
  auto g = ParseGraph(text);
  EXPECT_TRUE(g.ok()) << g.status().message();
  if (!g.ok()) return g.status();
  return Verify(*g, where);
}

TEST(Verifier, WrongOutputShape) {
  VerifyLocation where;
  Status s = VerifyText(
      "graph @m {\n input %x: f32[4]\n %a: f32[4] = relu(%x) @ok\n"
      " %y: f32[5] = relu(%a) @bad\n output %y\n}",
      &where);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("node 'bad' (relu)"), std::string::npos);
  EXPECT_EQ(where.node, 1);
}

TEST(Verifier, WrongArity) {
  Status s = VerifyText(
      "graph @m {\n input %x: f32[4]\n %y: f32[4] = add(%x) @a\n output %y\n}");
  EXPECT_NE(s.message().find("has 1 inputs, expects 2"), std::string::npos);
}

TEST(Verifier, MissingRequiredInput) {
  Status s = VerifyText(
      "graph @m {\n input %x: f32[1,4]\n %y: f32[1,4] = fully_connected(%x, _) "
      "@fc\n output %y\n}");
  EXPECT_NE(s.message().find("required input 1 is missing"), std::string::npos);
}

TEST(Verifier, BadAttributes) {
  Status s = VerifyText(
      "graph @m {\n input %x: f32[1,1,4,4]\n const %w: f32[1,1,1,1] = "
      "dense<1>\n"
      " %y: f32[1,1,4,4] = conv(%x, %w) {kernel_shape = [1, 1]} @c\n"
      " output %y\n}");
  EXPECT_NE(s.message().find("kernel_shape/strides/dilations"),
            std::string::npos);
  s = VerifyText(
      "graph @m {\n input %x: f32[2,3]\n %y: f32[3,2] = transpose(%x) "
      "{perm = [0, 0]} @t\n output %y\n}");
  EXPECT_NE(s.message().find("not a permutation"), std::string::npos);
}

TEST(Verifier, StructuralErrorsFoundInBuiltGraphs) {
  Graph g;
  TensorType t{DType::kF32, {4}, Layout::kNone, {}};
  TensorId x = g.AddTensor("x", t), y = g.AddTensor("y", t);
  g.inputs = {x};
  // Use before definition: y is read by the first node, defined by the second.
  g.AddNode(OpKind::kRelu, "first", {y}, {g.AddTensor("z", t)});
  g.AddNode(OpKind::kRelu, "second", {x}, {y});
  g.outputs = {y};
  VerifyLocation where;
  Status s = Verify(g, &where);
  EXPECT_NE(s.message().find("used before it is defined"), std::string::npos);
  EXPECT_EQ(where.node, 0);

  // A constant whose payload does not match its type.
  Graph h;
  TensorId c = h.AddConstant("c", t, std::vector<uint8_t>(3));
  h.outputs = {c};
  s = Verify(h, &where);
  EXPECT_NE(s.message().find("holds 3 bytes"), std::string::npos);
  EXPECT_EQ(where.tensor, c);

  // A tensor defined twice (two producers).
  Graph k;
  TensorId a = k.AddTensor("a", t), b = k.AddTensor("b", t);
  k.inputs = {a};
  k.AddNode(OpKind::kRelu, "r1", {a}, {b});
  k.AddNode(OpKind::kRelu, "r2", {a}, {b});
  k.outputs = {b};
  EXPECT_NE(Verify(k).message().find("defined twice"), std::string::npos);

  // A graph output nobody defines.
  Graph m;
  TensorId u = m.AddTensor("u", t);
  m.outputs = {u};
  EXPECT_NE(Verify(m).message().find("never defined"), std::string::npos);
}

TEST(Graph, CompactRemovesDeadNodesAndRenumbers) {
  auto g = ParseGraph(
      "graph @m {\n input %x: f32[4]\n const %unused: f32[1] = dense<0>\n"
      " %a: f32[4] = relu(%x) @dead\n %b: f32[4] = relu(%x) @live\n"
      " output %b\n}");
  ASSERT_TRUE(g.ok());
  g->Compact();
  ASSERT_EQ(g->nodes.size(), 1u);
  EXPECT_EQ(g->nodes[0].name, "live");
  EXPECT_EQ(g->tensors.size(), 2u);
  EXPECT_TRUE(Verify(*g).ok());
}

}  // namespace
}  // namespace kiln::ir
