// fuse-activation: a Relu or Clip right after a conv, fully_connected or add
// folds into the producer's act_min/act_max clamp, which every kernel applies
// after its bias for free. Only when the producer's output has no other reader
// and is not a graph output: otherwise someone still needs the unclamped value.
#include <algorithm>

#include "compiler/passes/pass_util.h"
#include "compiler/passes/passes.h"

namespace kiln::passes {
namespace {

// The producer's clamp fields, or null for ops without one.
struct Clamp {
  float* lo;
  float* hi;
};
bool ClampOf(ir::Node& n, Clamp* c) {
  switch (n.op) {
    case ir::OpKind::kConv: {
      auto& a = n.attr<ir::ConvAttrs>();
      *c = {&a.act_min, &a.act_max};
      return true;
    }
    case ir::OpKind::kFullyConnected:
    case ir::OpKind::kAdd: {
      auto& a = n.attr<ir::ActAttrs>();
      *c = {&a.act_min, &a.act_max};
      return true;
    }
    default:
      return false;
  }
}

}  // namespace

Status FuseActivation(ir::Graph& g, const PassOptions&) {
  std::vector<int> producers = g.Producers();
  std::vector<int> uses = g.UseCounts();
  for (size_t k = 0; k < g.nodes.size(); ++k) {
    const ir::Node& act = g.nodes[k];
    float lo, hi;
    if (act.op == ir::OpKind::kRelu) {
      lo = 0.0f;
      hi = ir::kInf;
    } else if (act.op == ir::OpKind::kClip) {
      lo = act.attr<ir::ClipAttrs>().min;
      hi = act.attr<ir::ClipAttrs>().max;
    } else {
      continue;
    }
    ir::TensorId x = act.inputs[0], y = act.outputs[0];
    int pk = producers[x];
    if (pk < 0 || uses[x] != 1 || g.IsGraphOutput(x)) continue;
    // Quantized tensors clamp in their own domain (a later pass's business).
    if (g.type(x).dtype != ir::DType::kF32 || g.type(x) != g.type(y)) continue;
    Clamp c;
    if (!ClampOf(g.nodes[pk], &c)) continue;
    // clamp(clamp(v, a, b), lo, hi) == clamp(v, max(a, lo), min(b, hi)) only if
    // the ranges intersect; a disjoint pair is a constant, left alone.
    float nlo = std::max(*c.lo, lo), nhi = std::min(*c.hi, hi);
    if (nlo > nhi) continue;
    *c.lo = nlo;
    *c.hi = nhi;
    g.nodes[pk].outputs[0] = y;
    producers[y] = pk;
    g.EraseNode(k);
  }
  g.Compact();
  return Status::Ok();
}

}  // namespace kiln::passes
