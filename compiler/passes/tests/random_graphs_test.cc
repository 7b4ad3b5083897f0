// Property test of the pass pipeline on random NCHW float graphs (conv, pools,
// batchnorm, relu/clip, add with shared or constant operands, concat, softmax,
// transposes, reshapes, several outputs): every pass and the default pipeline
// must keep the graph valid and its outputs unchanged (host evaluation with the
// reference kernels before vs after).
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <random>

#include "compiler/eval/eval.h"
#include "compiler/ir/op_rules.h"
#include "compiler/ir/printer.h"
#include "compiler/ir/verifier.h"
#include "compiler/passes/pipeline.h"

namespace kiln::passes {
namespace {

using ir::OpKind;
using ir::TensorId;

class Builder {
 public:
  explicit Builder(unsigned seed) : rng_(seed) {}

  int Rand(int n) {
    return static_cast<int>(rng_() % static_cast<unsigned>(n));
  }
  float Uniform() { return std::uniform_real_distribution<float>(-1, 1)(rng_); }

  TensorId Const(ir::Shape shape, bool positive = false) {
    ir::TensorType t{ir::DType::kF32, shape, ir::Layout::kNone, {}};
    std::vector<float> v(static_cast<size_t>(ir::NumElements(shape)));
    for (float& f : v) f = positive ? 0.5f + std::fabs(Uniform()) : Uniform();
    std::vector<uint8_t> d(v.size() * 4);
    memcpy(d.data(), v.data(), d.size());
    return g.AddConstant(g.UniqueTensorName("c"), t, std::move(d));
  }

  // Adds a node and gives its output the type the op's rule infers.
  TensorId Node(OpKind op, std::vector<TensorId> in, ir::Attrs attrs,
                ir::Shape reshape_to = {}) {
    TensorId out = g.AddTensor(g.UniqueTensorName("t"), {});
    std::string name = g.UniqueNodeName(ir::OpName(op));
    ir::Node& n = g.AddNode(op, name, std::move(in), {out});
    n.attrs = std::move(attrs);
    if (op == OpKind::kReshape) {
      g.tensor(out).type = g.type(n.inputs[0]);
      g.tensor(out).type.shape = reshape_to;
      g.tensor(out).type.layout = ir::Layout::kNone;
      return out;
    }
    auto types = ir::InferOutputTypes(g, g.nodes.back());
    EXPECT_TRUE(types.ok()) << types.status().message();
    g.tensor(out).type = (*types)[0];
    return out;
  }

  ir::Graph g;

 private:
  std::mt19937 rng_;
};

ir::ConvAttrs Conv(int k, int stride, int group = 1) {
  ir::ConvAttrs a;
  a.kernel_shape = {k, k};
  a.strides = {stride, stride};
  a.pads = {k / 2, k / 2, k / 2, k / 2};
  a.dilations = {1, 1};
  a.group = group;
  return a;
}

ir::PoolAttrs Pool() {
  ir::PoolAttrs a;
  a.kernel_shape = {2, 2};
  a.strides = {2, 2};
  a.pads = {0, 0, 0, 0};
  a.dilations = {1, 1};
  return a;
}

ir::Graph RandomGraph(unsigned seed) {
  Builder b(seed);
  ir::Graph& g = b.g;
  g.name = "rand" + std::to_string(seed);
  int64_t c = 1 + b.Rand(4), h = 2 * (2 + b.Rand(3)), w = 2 * (2 + b.Rand(3));
  TensorId x;
  if (b.Rand(2)) {
    // MLPerf Tiny style: NHWC input transposed to NCHW first.
    g.name += "_nhwc_input";
    TensorId in = g.AddTensor("in", {ir::DType::kF32, {1, h, w, c}, {}, {}});
    g.inputs.push_back(in);
    ir::TransposeAttrs t;
    t.perm = {0, 3, 1, 2};
    x = b.Node(OpKind::kTranspose, {in}, t);
  } else {
    x = g.AddTensor("in", {ir::DType::kF32, {1, c, h, w}, {}, {}});
    g.inputs.push_back(x);
  }
  std::vector<TensorId> values = {x};  // rank-4 NCHW values so far
  int steps = 3 + b.Rand(8);
  for (int s = 0; s < steps; ++s) {
    const ir::Shape& xs = g.type(x).shape;
    int64_t ch = xs[1];
    switch (b.Rand(11)) {
      case 0:
      case 1: {  // conv, sometimes with bias, sometimes depthwise
        bool dw = b.Rand(3) == 0;
        int64_t co = dw ? ch : 1 + b.Rand(5);
        int k = b.Rand(2) ? 3 : 1;
        TensorId wt = b.Const({co, dw ? 1 : ch, k, k});
        std::vector<TensorId> in = {x, wt};
        if (b.Rand(2)) in.push_back(b.Const({co}));
        ir::ConvAttrs a = Conv(k, 1, dw ? static_cast<int>(ch) : 1);
        x = b.Node(OpKind::kConv, in, a);
        break;
      }
      case 2:
        x = b.Node(OpKind::kRelu, {x}, ir::NoAttrs{});
        break;
      case 3: {
        ir::ClipAttrs a;
        a.min = -0.5f;
        a.max = 0.5f + b.Rand(3);
        x = b.Node(OpKind::kClip, {x}, a);
        break;
      }
      case 4: {  // add: with an earlier value of the same shape, or a constant
        TensorId other = ir::kNoTensor;
        for (TensorId v : values)
          if (v != x && g.type(v).shape == xs) other = v;
        if (other == ir::kNoTensor || b.Rand(2))
          other = b.Rand(2) ? b.Const({ch, 1, 1}) : b.Const({1});
        x = b.Node(OpKind::kAdd,
                   b.Rand(2) ? std::vector<TensorId>{x, other}
                             : std::vector<TensorId>{other, x},
                   ir::ActAttrs{});
        break;
      }
      case 5:
        if (xs[2] % 2 == 0 && xs[3] % 2 == 0)
          x = b.Node(b.Rand(2) ? OpKind::kMaxPool : OpKind::kAveragePool, {x},
                     Pool());
        break;
      case 6: {
        ir::BatchNormAttrs a;
        x = b.Node(OpKind::kBatchNormalization,
                   {x, b.Const({ch}), b.Const({ch}), b.Const({ch}),
                    b.Const({ch}, true)},
                   a);
        break;
      }
      case 7: {  // concat along channels with a sibling conv of x
        TensorId wt = b.Const({2, ch, 1, 1});
        TensorId y = b.Node(OpKind::kConv, {x, wt}, Conv(1, 1));
        ir::AxisAttrs a;
        a.axis = 1;
        x = b.Node(OpKind::kConcat, {x, y}, a);
        break;
      }
      case 8: {
        ir::AxisAttrs a;
        a.axis = 1;
        x = b.Node(OpKind::kSoftmax, {x}, a);
        break;
      }
      case 9:  // an intermediate value also a graph output
        if (!g.IsGraphOutput(x) && x != g.inputs[0]) g.outputs.push_back(x);
        break;
      case 10: {  // a round trip through NHWC, as some exporters write
        ir::TransposeAttrs t1, t2;
        t1.perm = {0, 2, 3, 1};
        t2.perm = {0, 3, 1, 2};
        TensorId y = b.Node(OpKind::kTranspose, {x}, t1);
        if (b.Rand(2)) y = b.Node(OpKind::kRelu, {y}, ir::NoAttrs{});
        x = b.Node(OpKind::kTranspose, {y}, t2);
        break;
      }
    }
    values.push_back(x);
  }
  // Classifier head: global pool or flatten, then fully_connected via Gemm.
  const ir::Shape xs = g.type(x).shape;
  if (b.Rand(2)) x = b.Node(OpKind::kGlobalAveragePool, {x}, ir::LayoutAttrs{});
  int64_t feat = ir::NumElements(g.type(x).shape);
  x = b.Node(OpKind::kReshape, {x}, ir::NoAttrs{}, {1, feat});
  ir::GemmAttrs ga;
  ga.trans_b = b.Rand(2);
  TensorId wt = ga.trans_b ? b.Const({3, feat}) : b.Const({feat, 3});
  x = b.Node(OpKind::kGemm, {x, wt, b.Const({3})}, ga);
  if (b.Rand(2)) x = b.Node(OpKind::kRelu, {x}, ir::NoAttrs{});
  g.outputs.push_back(x);
  (void)xs;
  return std::move(b.g);
}

std::vector<eval::Buffer> Inputs(const ir::Graph& g) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> dist(-1, 1);
  std::vector<eval::Buffer> in;
  for (TensorId id : g.inputs) {
    std::vector<float> v(static_cast<size_t>(g.type(id).num_elements()));
    for (float& f : v) f = dist(rng);
    in.push_back(eval::ToBuffer(v));
  }
  return in;
}

void ExpectSame(const ir::Graph& a, const ir::Graph& b,
                const std::string& what) {
  std::vector<eval::Buffer> ra, rb;
  Status sa = eval::EvalGraph(a, Inputs(a), &ra);
  ASSERT_TRUE(sa.ok()) << what << ": " << sa.ToString();
  Status sb = eval::EvalGraph(b, Inputs(b), &rb);
  ASSERT_TRUE(sb.ok()) << what << ": " << sb.ToString();
  ASSERT_EQ(ra.size(), rb.size()) << what;
  for (size_t o = 0; o < ra.size(); ++o) {
    auto x = eval::ToFloats(ra[o]), y = eval::ToFloats(rb[o]);
    ASSERT_EQ(x.size(), y.size()) << what;
    for (size_t i = 0; i < x.size(); ++i)
      ASSERT_NEAR(x[i], y[i], 1e-4f * std::max(1.0f, std::fabs(x[i])))
          << what << ": output " << o << " element " << i << "\nbefore:\n"
          << ir::PrintGraph(a) << "after:\n"
          << ir::PrintGraph(b);
  }
}

TEST(RandomGraphs, PassesPreserveSemantics) {
  int transposes_left = 0, mlperf_style = 0;
  for (unsigned seed = 1; seed <= 150; ++seed) {
    ir::Graph g = RandomGraph(seed);
    Status v = ir::Verify(g);
    ASSERT_TRUE(v.ok()) << "generator bug: " << v.message() << "\n"
                        << ir::PrintGraph(g);
    std::string what = "seed " + std::to_string(seed);
    for (const std::string& pass : DefaultPassNames()) {
      ir::Graph h = g;
      Status s = RunPass(pass, h, {});
      ASSERT_TRUE(s.ok()) << what << " " << pass << ": " << s.message();
      ExpectSame(g, h, what + " after " + pass);
    }
    ir::Graph h = g;
    Status s = RunDefaultPipeline(h, {});
    ASSERT_TRUE(s.ok()) << what << ": " << s.message();
    ExpectSame(g, h, what + " after the default pipeline");
    // NHWC input and one output: no transpose may remain.
    bool nhwc_input = g.name.find("_nhwc_input") != std::string::npos;
    if (nhwc_input && g.outputs.size() == 1) {
      ++mlperf_style;
      // The only transpose allowed is the one keeping ONNX's order in front of
      // a flatten of an NHWC value with H*W > 1.
      std::vector<std::vector<int>> readers(h.tensors.size());
      for (size_t k = 0; k < h.nodes.size(); ++k)
        for (TensorId t : h.nodes[k].inputs)
          if (t != ir::kNoTensor) readers[t].push_back(static_cast<int>(k));
      for (const ir::Node& n : h.nodes) {
        if (n.op != OpKind::kTranspose) continue;
        bool before_flatten =
            readers[n.outputs[0]].size() == 1 &&
            h.nodes[readers[n.outputs[0]][0]].op == OpKind::kReshape;
        if (!before_flatten) {
          ++transposes_left;
          ADD_FAILURE() << what << ": transpose " << n.name << " left\n"
                        << ir::PrintGraph(h);
        }
      }
    }
  }
  EXPECT_GT(mlperf_style, 10);
  EXPECT_EQ(transposes_left, 0);
}

}  // namespace
}  // namespace kiln::passes
