// fold-batchnorm: an inference BatchNormalization right after a conv,
// fully_connected or gemm is a per-output-channel affine map, so it folds into
// the producer's weights and bias (a bias is created when absent) and
// disappears. A standalone BatchNormalization stays: backends run it as the
// scale_bias kernel.
#include <cmath>

#include "compiler/eval/eval.h"
#include "compiler/passes/pass_util.h"
#include "compiler/passes/passes.h"

namespace kiln::passes {
namespace {

bool AllF32Const(const ir::Graph& g, const ir::Node& bn) {
  for (size_t i = 1; i < 5; ++i)
    if (!g.IsConst(bn.inputs[i]) ||
        g.type(bn.inputs[i]).dtype != ir::DType::kF32)
      return false;
  return true;
}

// Whether BN's channel axis is the producer's output-channel axis.
bool ChannelAxisMatches(const ir::Graph& g, const ir::Node& prod,
                        const ir::Node& bn) {
  const ir::TensorType& y = g.type(bn.inputs[0]);
  const std::string& bn_layout = bn.attr<ir::BatchNormAttrs>().layout;
  int64_t bn_axis = bn_layout == "nhwc" ? y.rank() - 1 : 1;
  switch (prod.op) {
    case ir::OpKind::kConv: {
      const std::string& l = prod.attr<ir::ConvAttrs>().layout;
      return bn_axis == (l == "nhwc" ? y.rank() - 1 : 1);
    }
    case ir::OpKind::kFullyConnected:
    case ir::OpKind::kGemm:
      return bn_axis == y.rank() - 1;
    default:
      return false;
  }
}

// Folds scale/bias into `prod`. Returns false if the producer's weights are not
// foldable (not constant f32, or a gemm form this pass does not handle).
bool FoldInto(ir::Graph& g, size_t pk, const std::vector<float>& scale,
              const std::vector<float>& shift) {
  ir::Node& prod = g.nodes[pk];
  ir::TensorId w_id = prod.inputs[1];
  ir::TensorId b_id = prod.input(2);
  if (!g.IsConst(w_id) || g.type(w_id).dtype != ir::DType::kF32) return false;
  if (b_id != ir::kNoTensor &&
      (!g.IsConst(b_id) || g.type(b_id).dtype != ir::DType::kF32))
    return false;
  int64_t c = static_cast<int64_t>(scale.size());
  const ir::Shape ws = g.type(w_id).shape;
  std::vector<float> w = ConstFloats(g, w_id);
  // Which weight element belongs to which output channel.
  bool column_scale =
      false;  // gemm with trans_b = 0: B [k, n], channel = column
  if (prod.op == ir::OpKind::kGemm) {
    const auto& a = prod.attr<ir::GemmAttrs>();
    if (a.trans_a || a.beta != 1.0f) return false;
    column_scale = a.trans_b == 0;
    // A gemm bias must be per column to fold; anything else is left alone.
    if (b_id != ir::kNoTensor && g.type(b_id).num_elements() != c) return false;
  }
  if (column_scale) {
    for (int64_t i = 0; i < ws[0]; ++i)
      for (int64_t o = 0; o < c; ++o) w[i * c + o] *= scale[o];
  } else {
    int64_t per =
        static_cast<int64_t>(w.size()) / c;  // weights per out channel
    for (int64_t o = 0; o < c; ++o)
      for (int64_t i = 0; i < per; ++i) w[o * per + i] *= scale[o];
  }
  std::vector<float> b(static_cast<size_t>(c), 0.0f);
  if (b_id != ir::kNoTensor) b = ConstFloats(g, b_id);
  for (int64_t o = 0; o < c; ++o) b[o] = b[o] * scale[o] + shift[o];
  ir::Shape bias_shape = {c};
  if (b_id != ir::kNoTensor) bias_shape = g.type(b_id).shape;
  std::string base = g.nodes[pk].name;
  ir::TensorId nw = AddF32Constant(g, g.tensor(w_id).name + "_bn", ws, w);
  ir::TensorId nb = AddF32Constant(g, base + "_bias_bn", bias_shape, b);
  ir::Node& p = g.nodes[pk];
  p.inputs.resize(3, ir::kNoTensor);
  p.inputs[1] = nw;
  p.inputs[2] = nb;
  return true;
}

}  // namespace

Status FoldBatchNorm(ir::Graph& g, const PassOptions&) {
  std::vector<int> producers = g.Producers();
  std::vector<int> uses = g.UseCounts();
  for (size_t k = 0; k < g.nodes.size(); ++k) {
    const ir::Node& bn = g.nodes[k];
    if (bn.op != ir::OpKind::kBatchNormalization || !AllF32Const(g, bn))
      continue;
    ir::TensorId x = bn.inputs[0];
    int pk = producers[x];
    // The producer's output must feed only this BN, or folding would change
    // what the other readers see.
    if (pk < 0 || uses[x] != 1 || g.IsGraphOutput(x)) continue;
    const ir::Node& prod = g.nodes[pk];
    if (prod.op != ir::OpKind::kConv &&
        prod.op != ir::OpKind::kFullyConnected && prod.op != ir::OpKind::kGemm)
      continue;
    // A fused clamp sits between the affine op and the BN: not foldable.
    if (prod.op == ir::OpKind::kConv) {
      const auto& a = prod.attr<ir::ConvAttrs>();
      if (!NoActivation(a.act_min, a.act_max)) continue;
    } else if (prod.op == ir::OpKind::kFullyConnected) {
      const auto& a = prod.attr<ir::ActAttrs>();
      if (!NoActivation(a.act_min, a.act_max)) continue;
    }
    if (!ChannelAxisMatches(g, prod, bn)) continue;
    std::vector<float> gamma = ConstFloats(g, bn.inputs[1]),
                       beta = ConstFloats(g, bn.inputs[2]),
                       mean = ConstFloats(g, bn.inputs[3]),
                       var = ConstFloats(g, bn.inputs[4]);
    int64_t c = static_cast<int64_t>(gamma.size());
    std::vector<float> scale(c), shift(c);
    eval::BatchNormToScaleBias(
        gamma.data(), beta.data(), mean.data(), var.data(),
        bn.attr<ir::BatchNormAttrs>().epsilon, c, scale.data(), shift.data());
    ir::TensorId y = bn.outputs[0];
    if (!FoldInto(g, static_cast<size_t>(pk), scale, shift)) continue;
    // The producer now writes the BN's output.
    g.nodes[pk].outputs[0] = y;
    g.EraseNode(k);
    producers[y] = pk;
  }
  g.Compact();
  return Status::Ok();
}

}  // namespace kiln::passes
