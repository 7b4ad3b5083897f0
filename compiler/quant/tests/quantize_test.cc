// QuantizeGraph on small graphs: the scheme (per-channel symmetric weights,
// s32 bias, asymmetric activations with an exact zero), float islands, graph
// I/O staying f32, and the fake-quant simulation tracking the float graph.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "compiler/ir/parser.h"
#include "compiler/ir/printer.h"
#include "compiler/ir/verifier.h"
#include "compiler/quant/quantize.h"
#include "compiler/quant/simulate.h"

namespace kiln::quant {
namespace {

const char* kGraph = R"(graph @m {
  input %x: f32[1,4]
  const %w: f32[2,4] = dense<1, 0.5, -0.25, 0, -2, 1, 0, 0.5>
  const %b: f32[2] = dense<0.1, -0.2>
  %y: f32[1,2] = fully_connected(%x, %w, %b) {act_min = 0} @fc
  %s: f32[1,2] = sigmoid(%y) @sm
  %r: f32[2,1] = reshape(%s) @flat
  output %r
  output %y
})";

CalibrationResult Ranges() {
  CalibrationResult c;
  c.ranges = {{"x", {-1.0f, 3.0f}}, {"y", {0.0f, 5.1f}}, {"s", {0.0f, 1.0f}},
              {"r", {0.0f, 1.0f}}};
  return c;
}

TEST(ActivationParams, ZeroIsExactAndRangesWiden) {
  ir::QuantParams q = ActivationParams({0.0f, 2.55f});
  EXPECT_FLOAT_EQ(q.scale[0], 0.01f);
  EXPECT_EQ(q.zero_point[0], -128);
  q = ActivationParams({-1.0f, 1.0f});
  EXPECT_FLOAT_EQ(q.scale[0], 2.0f / 255);
  EXPECT_EQ(q.zero_point[0], 0);  // -128 - round(-127.5) = -128 + 128
  q = ActivationParams({1.0f, 2.55f});  // widened to [0, 2.55]
  EXPECT_EQ(q.zero_point[0], -128);
  q = ActivationParams({0.0f, 0.0f});
  EXPECT_GT(q.scale[0], 0.0f);
  EXPECT_EQ(eval::QuantizeS8(0.0f, q.scale[0], q.zero_point[0]),
            q.zero_point[0]);
}

TEST(QuantizeS8, RoundsHalfToEvenAndSaturates) {
  EXPECT_EQ(eval::QuantizeS8(2.5f, 1.0f, 0), 2);
  EXPECT_EQ(eval::QuantizeS8(3.5f, 1.0f, 0), 4);
  EXPECT_EQ(eval::QuantizeS8(-2.5f, 1.0f, 0), -2);
  EXPECT_EQ(eval::QuantizeS8(1000.0f, 1.0f, 0), 127);
  EXPECT_EQ(eval::QuantizeS8(-1000.0f, 1.0f, 5), -128);
  EXPECT_EQ(eval::QuantizeS8(INFINITY, 1.0f, 0), 127);
  EXPECT_EQ(eval::QuantizeS8(NAN, 1.0f, 7), 7);
  EXPECT_FLOAT_EQ(eval::DequantizeS8(-3, 0.5f, 1), -2.0f);
}

TEST(QuantizeGraph, SchemeIslandsAndFloatIo) {
  auto parsed = ir::ParseGraph(kGraph, "m.kir");
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  ir::Graph g = *parsed;
  ASSERT_TRUE(QuantizeGraph(g, Ranges()).ok());
  ASSERT_TRUE(ir::Verify(g).ok()) << ir::Verify(g).message() << ir::PrintGraph(g);
  // I/O keep their names and f32 types.
  ASSERT_EQ(g.inputs.size(), 1u);
  EXPECT_EQ(g.tensor(g.inputs[0]).name, "x");
  EXPECT_EQ(g.type(g.inputs[0]).dtype, ir::DType::kF32);
  for (ir::TensorId o : g.outputs) EXPECT_EQ(g.type(o).dtype, ir::DType::kF32);
  std::vector<std::string> ops;
  for (const ir::Node& n : g.nodes) ops.push_back(ir::OpName(n.op));
  // fc int8; y (a graph output) dequantized once, the sigmoid island reads
  // it; the reshape after sigmoid stays float (its input is float and the
  // output is a graph output: quantizing would only add error).
  ASSERT_EQ(ops, (std::vector<std::string>{"quantize", "fully_connected",
                                           "dequantize", "sigmoid", "reshape"}))
      << ir::PrintGraph(g);
  const ir::Node& fc = g.nodes[1];
  EXPECT_EQ(ir::NodePrecision(g, fc), ir::Precision::kInt8);
  EXPECT_EQ(ir::NodePrecision(g, g.nodes[0]), ir::Precision::kConvert);
  EXPECT_EQ(ir::NodePrecision(g, g.nodes[3]), ir::Precision::kFloat);
  const ir::TensorType& x = g.type(fc.inputs[0]);
  EXPECT_EQ(x.dtype, ir::DType::kS8);
  EXPECT_FLOAT_EQ(x.quant.scale[0], 4.0f / 255);
  EXPECT_EQ(x.quant.zero_point[0], -64);  // -128 - round(-1 / (4/255))
  const ir::Tensor& w = g.tensor(fc.inputs[1]);
  EXPECT_EQ(w.type.dtype, ir::DType::kS8);
  EXPECT_EQ(w.type.quant.axis, 0);
  EXPECT_FLOAT_EQ(w.type.quant.scale[0], 1.0f / 127);
  EXPECT_FLOAT_EQ(w.type.quant.scale[1], 2.0f / 127);
  const int8_t* wq = w.data_as<int8_t>();
  EXPECT_EQ(std::vector<int>(wq, wq + 8),
            (std::vector<int>{127, 64, -32, 0, -127, 64, 0, 32}));  // 63.5->64
  const ir::Tensor& b = g.tensor(fc.inputs[2]);
  EXPECT_EQ(b.type.dtype, ir::DType::kS32);
  EXPECT_FLOAT_EQ(b.type.quant.scale[0], x.quant.scale[0] / 127);
  EXPECT_EQ(b.data_as<int32_t>()[0],
            static_cast<int32_t>(std::nearbyint(0.1 / (4.0 / 255 / 127))));
  const ir::TensorType& y = g.type(fc.outputs[0]);
  EXPECT_EQ(y.quant.zero_point[0], -128);  // fused ReLU: range starts at 0
  EXPECT_FLOAT_EQ(y.quant.scale[0], 0.02f);
  // Re-quantizing a quantized graph is an error.
  EXPECT_FALSE(QuantizeGraph(g, Ranges()).ok());
}

TEST(QuantizeGraph, FloatNodesOptionAndMissingRangesKeepFloat) {
  auto parsed = ir::ParseGraph(kGraph, "m.kir");
  ASSERT_TRUE(parsed.ok());
  ir::Graph g = *parsed;
  QuantOptions o;
  o.float_nodes = {"fc"};
  ASSERT_TRUE(QuantizeGraph(g, Ranges(), o).ok());
  for (const ir::Node& n : g.nodes)
    EXPECT_EQ(ir::NodePrecision(g, n), ir::Precision::kFloat);
  g = *parsed;
  ASSERT_TRUE(QuantizeGraph(g, CalibrationResult{}).ok());
  EXPECT_EQ(g.nodes.size(), 3u);
}

// A transpose after an int8 node stays int8 (bytes moved, the input's scale and
// zero point kept): no dequantize/quantize pair around a layout change. One
// whose input is float stays float.
TEST(QuantizeGraph, TransposeFollowsItsInput) {
  const char* text = R"(graph @m {
  input %x: f32[1,2,2,2]
  %a: f32[1,2,2,2] = relu(%x) @act
  %t: f32[1,2,2,2] = transpose(%x) {perm = [0, 3, 1, 2]} @t_float
  %p: f32[1,2,1,1] = maxpool(%x) {kernel_shape = [2, 2], strides = [2, 2], pads = [0, 0, 0, 0], dilations = [1, 1]} @pool
  %u: f32[1,1,1,2] = transpose(%p) {perm = [0, 2, 3, 1]} @t_int8
  %r: f32[1,2] = reshape(%u) @flat
  output %a
  output %t
  output %r
})";
  auto parsed = ir::ParseGraph(text, "m.kir");
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  ir::Graph g = *parsed;
  CalibrationResult c;
  c.ranges = {{"x", {-1.0f, 3.0f}}, {"a", {0.0f, 3.0f}}, {"t", {-1.0f, 3.0f}},
              {"p", {-1.0f, 2.0f}}, {"u", {-1.0f, 2.0f}}, {"r", {-1.0f, 2.0f}}};
  QuantOptions o;
  o.float_nodes = {"act"};
  ASSERT_TRUE(QuantizeGraph(g, c, o).ok());
  ASSERT_TRUE(ir::Verify(g).ok()) << ir::Verify(g).message() << ir::PrintGraph(g);
  const ir::Node* t_float = nullptr;
  const ir::Node* t_int8 = nullptr;
  const ir::Node* pool = nullptr;
  for (const ir::Node& n : g.nodes) {
    if (n.name == "t_float") t_float = &n;
    if (n.name == "t_int8") t_int8 = &n;
    if (n.name == "pool") pool = &n;
  }
  ASSERT_TRUE(t_float && t_int8 && pool) << ir::PrintGraph(g);
  EXPECT_EQ(ir::NodePrecision(g, *t_float), ir::Precision::kFloat) << ir::PrintGraph(g);
  EXPECT_EQ(ir::NodePrecision(g, *pool), ir::Precision::kInt8) << ir::PrintGraph(g);
  EXPECT_EQ(ir::NodePrecision(g, *t_int8), ir::Precision::kInt8) << ir::PrintGraph(g);
  const ir::TensorType& in = g.type(t_int8->inputs[0]);
  const ir::TensorType& out = g.type(t_int8->outputs[0]);
  EXPECT_EQ(out.quant.scale, in.quant.scale);
  EXPECT_EQ(out.quant.zero_point, in.quant.zero_point);
}

float Sqnr(const std::vector<float>& ref, const std::vector<float>& got) {
  double s = 0, n = 0;
  for (size_t i = 0; i < ref.size(); ++i) {
    s += double(ref[i]) * ref[i];
    n += (double(ref[i]) - got[i]) * (double(ref[i]) - got[i]);
  }
  return static_cast<float>(10 * std::log10(s / std::max(n, 1e-30)));
}

TEST(Simulate, TracksTheFloatGraph) {
  auto parsed = ir::ParseGraph(kGraph, "m.kir");
  ASSERT_TRUE(parsed.ok());
  ir::Graph q = *parsed;
  ASSERT_TRUE(QuantizeGraph(q, Ranges()).ok());
  std::mt19937 rng(1);
  std::uniform_real_distribution<float> d(-1.0f, 3.0f);
  std::vector<float> ref, got;
  int nodes_seen = 0;
  eval::EvalOptions eo;
  eo.on_node = [&](const ir::Node&, const std::vector<eval::Buffer>&) {
    ++nodes_seen;
  };
  for (int s = 0; s < 50; ++s) {
    std::vector<float> x = {d(rng), d(rng), d(rng), d(rng)};
    std::vector<eval::Buffer> a, b;
    ASSERT_TRUE(eval::EvalGraph(*parsed, {eval::ToBuffer(x)}, &a).ok());
    Status st = SimulateQuantized(q, {eval::ToBuffer(x)}, &b, eo);
    ASSERT_TRUE(st.ok()) << st.ToString();
    for (size_t o = 0; o < a.size(); ++o) {
      for (float v : eval::ToFloats(a[o])) ref.push_back(v);
      for (float v : eval::ToFloats(b[o])) got.push_back(v);
    }
  }
  EXPECT_EQ(nodes_seen, 50 * static_cast<int>(q.nodes.size()));
  EXPECT_GT(Sqnr(ref, got), 30.0f);
  EXPECT_LT(Sqnr(ref, got), 200.0f);  // it does quantize
}

}  // namespace
}  // namespace kiln::quant
