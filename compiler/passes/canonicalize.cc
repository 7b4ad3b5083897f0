// canonicalize: rewrites ops into the few forms the backends implement.
// Gemm with constant B (and constant or absent C) and MatMul with a constant
// 2-D B become fully_connected with weights W [out, in] (the CMSIS-NN/PULP-NN
// order), so one kernel serves every dense layer. alpha and beta are folded
// into W and the bias. Any other f32 Gemm (A transposed, B computed at run
// time, a matrix C) becomes its definition, alpha * (A' · B') + beta * C, in
// transpose, matmul, mul and add nodes. Relu and Clip stay as they are:
// fuse-activation folds them later.
#include <map>
#include <tuple>

#include "compiler/passes/pass_util.h"
#include "compiler/passes/passes.h"

namespace kiln::passes {
namespace {

// Weights and biases already made, keyed by (source constant, scale,
// transposed), so a B shared by several Gemm/MatMul nodes yields one W.
using ConstCache =
    std::map<std::tuple<ir::TensorId, float, int64_t>, ir::TensorId>;

bool IsF32Const(const ir::Graph& g, ir::TensorId id) {
  return g.IsConst(id) && g.type(id).dtype == ir::DType::kF32;
}

// The bias of a Gemm as a [n] vector, when C broadcasts along the rows only.
bool GemmBias(const ir::Graph& g, ir::TensorId c, int64_t n, float beta,
              std::vector<float>* bias) {
  const ir::Shape& s = g.type(c).shape;
  int64_t count = g.type(c).num_elements();
  // Accepted: scalar-like ([], [1], [1,1]) or one value per column ([n],
  // [1,n]).
  bool per_column = !s.empty() && s.back() == n && count == n;
  if (count != 1 && !per_column) return false;
  std::vector<float> v = ConstFloats(g, c);
  bias->assign(static_cast<size_t>(n), 0.0f);
  for (int64_t j = 0; j < n; ++j) (*bias)[j] = beta * v[count == 1 ? 0 : j];
  return true;
}

// Gemm(A, B, C) -> fully_connected(A, W, bias). Returns false if not
// applicable.
bool RewriteGemm(ir::Graph& g, size_t k, ConstCache* cache) {
  ir::Node& node = g.nodes[k];
  const auto a = node.attr<ir::GemmAttrs>();
  ir::TensorId A = node.inputs[0], B = node.inputs[1], C = node.input(2);
  if (a.trans_a || g.type(A).dtype != ir::DType::kF32 || !IsF32Const(g, B))
    return false;
  if (C != ir::kNoTensor && !IsF32Const(g, C)) return false;
  const ir::Shape bs = g.type(B).shape;
  int64_t n = a.trans_b ? bs[0] : bs[1];
  int64_t kk = a.trans_b ? bs[1] : bs[0];
  std::vector<float> bias;
  if (C != ir::kNoTensor && !GemmBias(g, C, n, a.beta, &bias)) return false;
  auto wkey = std::make_tuple(B, a.alpha, a.trans_b);
  if (!cache->count(wkey)) {
    std::vector<float> b = ConstFloats(g, B);
    std::vector<float> w(static_cast<size_t>(n * kk));
    for (int64_t o = 0; o < n; ++o)
      for (int64_t i = 0; i < kk; ++i)
        w[o * kk + i] = a.alpha * (a.trans_b ? b[o * kk + i] : b[i * n + o]);
    (*cache)[wkey] = AddF32Constant(g, g.tensor(B).name + "_fc", {n, kk}, w);
  }
  ir::TensorId W = (*cache)[wkey];
  ir::TensorId bias_id = ir::kNoTensor;
  if (C != ir::kNoTensor) {
    // Key on n as well: one C may broadcast to Gemms of different widths.
    auto bkey = std::make_tuple(C, a.beta, -1 - n);
    if (!cache->count(bkey))
      (*cache)[bkey] = AddF32Constant(g, g.tensor(C).name + "_fc", {n}, bias);
    bias_id = (*cache)[bkey];
  }
  ir::Node& fc = g.nodes[k];  // AddConstant does not move nodes
  fc.op = ir::OpKind::kFullyConnected;
  fc.attrs = ir::DefaultAttrs(fc.op);
  fc.inputs = {A, W};
  if (bias_id != ir::kNoTensor) fc.inputs.push_back(bias_id);
  return true;
}

// Gemm(A, B, C) -> [transpose] matmul [mul alpha] [add (beta * C)], the last
// node keeping the Gemm's name and output.
void ExpandGemm(ir::Graph& g, size_t k) {
  const ir::Node gemm = g.nodes[k];
  const auto a = gemm.attr<ir::GemmAttrs>();
  ir::TensorId y = gemm.outputs[0];
  const ir::TensorType yt = g.type(y);
  size_t pos = k;
  auto add_node = [&](ir::OpKind op, const std::string& suffix,
                      std::vector<ir::TensorId> in, ir::TensorType t) {
    ir::TensorId out = g.AddTensor(g.UniqueTensorName(g.tensor(y).name + suffix), t);
    g.InsertNode(pos++, op, g.UniqueNodeName(gemm.name + suffix), std::move(in),
                 {out});
    return out;
  };
  auto transposed = [&](ir::TensorId t, const std::string& suffix) {
    ir::TensorType tt = g.type(t);
    std::swap(tt.shape[0], tt.shape[1]);
    ir::TensorId out = add_node(ir::OpKind::kTranspose, suffix, {t}, tt);
    g.nodes[pos - 1].attr<ir::TransposeAttrs>().perm = {1, 0};
    return out;
  };
  auto scalar = [&](float v, const std::string& suffix) {
    return AddF32Constant(g, gemm.name + suffix, {1}, {v});
  };
  ir::TensorId A = gemm.inputs[0], B = gemm.inputs[1], C = gemm.input(2);
  if (a.trans_a) A = transposed(A, "_at");
  if (a.trans_b) B = transposed(B, "_bt");
  // Each step but the last writes a fresh tensor of y's type.
  bool scale = a.alpha != 1.0f, bias = C != ir::kNoTensor && a.beta != 0.0f;
  ir::TensorId cur = ir::kNoTensor;
  ir::TensorId product = scale || bias
                             ? add_node(ir::OpKind::kMatMul, "_mm", {A, B}, yt)
                             : ir::kNoTensor;
  if (product == ir::kNoTensor) {
    ir::Node& n = g.nodes[pos];
    n.op = ir::OpKind::kMatMul;
    n.attrs = ir::DefaultAttrs(n.op);
    n.inputs = {A, B};
    return;
  }
  cur = product;
  if (scale && bias)
    cur = add_node(ir::OpKind::kMul, "_alpha", {cur, scalar(a.alpha, "_alpha")}, yt);
  if (bias) {
    if (a.beta != 1.0f) {
      ir::TensorType ct = g.type(C);
      C = add_node(ir::OpKind::kMul, "_beta", {C, scalar(a.beta, "_beta")}, ct);
    }
    ir::Node& n = g.nodes[pos];
    n.op = ir::OpKind::kAdd;
    n.attrs = ir::DefaultAttrs(n.op);
    n.inputs = {cur, C};
    return;
  }
  ir::TensorId alpha = scalar(a.alpha, "_alpha");
  ir::Node& last = g.nodes[pos];
  last.op = ir::OpKind::kMul;
  last.attrs = ir::DefaultAttrs(last.op);
  last.inputs = {cur, alpha};
}

// MatMul(A, B) with constant 2-D B [k, n] -> fully_connected(A, Bᵀ).
bool RewriteMatMul(ir::Graph& g, size_t k, ConstCache* cache) {
  ir::Node& node = g.nodes[k];
  ir::TensorId A = node.inputs[0], B = node.inputs[1];
  if (g.type(A).dtype != ir::DType::kF32 || !IsF32Const(g, B) ||
      g.type(B).rank() != 2)
    return false;
  const ir::Shape bs = g.type(B).shape;
  // Same key as a Gemm with alpha 1 and transB 0: the same W.
  auto key = std::make_tuple(B, 1.0f, int64_t{0});
  if (!cache->count(key)) {
    std::vector<float> b = ConstFloats(g, B);
    std::vector<float> w(b.size());
    for (int64_t i = 0; i < bs[0]; ++i)
      for (int64_t o = 0; o < bs[1]; ++o) w[o * bs[0] + i] = b[i * bs[1] + o];
    (*cache)[key] =
        AddF32Constant(g, g.tensor(B).name + "_fc", {bs[1], bs[0]}, w);
  }
  ir::TensorId W = (*cache)[key];
  ir::Node& fc = g.nodes[k];
  fc.op = ir::OpKind::kFullyConnected;
  fc.attrs = ir::DefaultAttrs(fc.op);
  fc.inputs = {A, W};
  return true;
}

}  // namespace

Status Canonicalize(ir::Graph& g, const PassOptions&) {
  ConstCache cache;
  for (size_t k = 0; k < g.nodes.size(); ++k) {
    switch (g.nodes[k].op) {
      case ir::OpKind::kGemm:
        if (!RewriteGemm(g, k, &cache) &&
            g.type(g.nodes[k].inputs[0]).dtype == ir::DType::kF32 &&
            g.type(g.nodes[k].inputs[1]).dtype == ir::DType::kF32)
          ExpandGemm(g, k);
        break;
      case ir::OpKind::kMatMul:
        RewriteMatMul(g, k, &cache);
        break;
      default:
        break;
    }
  }
  g.Compact();  // drops the original B and C when nothing else reads them
  return Status::Ok();
}

}  // namespace kiln::passes
