// layout-nhwc: moves activations from ONNX's NCHW to NHWC, the layout of the
// runtime's, CMSIS-NN's and PULP-NN's kernels. Step 1 converts each conv,
// conv_transpose, pool, global_avgpool, batchnorm and resize to layout "nhwc"
// (conv weights permuted OIHW->OHWI, conv_transpose's IOHW->IHWO, as constant
// data) with a Transpose on each side. Step 2 eliminates
// transposes: inverse pairs cancel, and transposes are pushed down through
// layout-agnostic ops (elementwise unaries and binaries, softmax and concat
// with their axes remapped) until they meet their inverse, so a model that is
// NCHW end to end has transposes only at its boundary. Reshape is a barrier: a
// transpose back to NCHW stays in front of it so the flattened element order is
// ONNX's, unless it only moves extent-1 axes (H = W = 1), where it is itself a
// reshape and costs nothing. Any other op is a barrier too and keeps NCHW.
#include <algorithm>
#include <unordered_map>

#include "compiler/passes/pass_util.h"
#include "compiler/passes/passes.h"

namespace kiln::passes {
namespace {

using ir::Graph;
using ir::Node;
using ir::OpKind;
using ir::TensorId;

// A tensor type transposed by `perm`, with the given layout tag.
ir::TensorType PermutedType(const ir::TensorType& t,
                            const std::vector<int64_t>& perm, ir::Layout l) {
  ir::TensorType out = t;
  out.shape = PermuteShape(t.shape, perm);
  out.layout = l;
  // A per-channel quantization axis follows its dimension.
  if (out.quant.axis >= 0) {
    std::vector<int64_t> inv = InversePerm(perm);
    out.quant.axis = static_cast<int32_t>(inv[out.quant.axis]);
  }
  return out;
}

std::string* NodeLayout(Node& n) {
  switch (n.op) {
    case OpKind::kConv:
    case OpKind::kConvTranspose:
      return &n.attr<ir::ConvAttrs>().layout;
    case OpKind::kResize:
      return &n.attr<ir::ResizeAttrs>().layout;
    case OpKind::kAveragePool:
    case OpKind::kMaxPool:
      return &n.attr<ir::PoolAttrs>().layout;
    case OpKind::kGlobalAveragePool:
    case OpKind::kGlobalMaxPool:
      return &n.attr<ir::LayoutAttrs>().layout;
    case OpKind::kBatchNormalization:
      return &n.attr<ir::BatchNormAttrs>().layout;
    default:
      return nullptr;
  }
}

// OHWI copies of OIHW weights already made, by source constant, so weights
// shared by several convs stay shared.
using WeightCache = std::unordered_map<TensorId, TensorId>;

// Step 1 for node *k: converts it and advances *k past the transposes inserted
// around it.
bool ConvertNode(Graph& g, size_t* k, WeightCache* cache) {
  Node& n = g.nodes[*k];
  std::string* layout = NodeLayout(n);
  if (!layout || *layout != "nchw") return false;
  TensorId x = n.inputs[0], y = n.outputs[0];
  int64_t r = g.type(x).rank();
  if (r != 3 && r != 4) return false;
  const bool has_weights =
      n.op == OpKind::kConv || n.op == OpKind::kConvTranspose;
  if (has_weights && !g.IsConst(n.inputs[1])) return false;
  std::vector<int64_t> to_last = ToChannelsLastPerm(r);
  std::vector<int64_t> to_first = ToChannelsFirstPerm(r);
  std::string name = n.name;
  if (has_weights) {
    // OIHW -> OHWI (conv) and IOHW -> IHWO (conv_transpose): one permutation.
    TensorId w = n.inputs[1];
    auto it = cache->find(w);
    if (it == cache->end()) {
      const ir::Tensor& wt = g.tensor(w);
      ir::TensorType wtype = PermutedType(wt.type, to_last, ir::Layout::kNone);
      std::vector<uint8_t> data = PermuteData(wt.data, wt.type.shape, to_last,
                                              ir::DTypeBytes(wt.type.dtype));
      std::string wname = g.UniqueTensorName(wt.name + "_ohwi");
      it =
          cache->emplace(w, g.AddConstant(wname, wtype, std::move(data))).first;
    }
    g.nodes[*k].inputs[1] = it->second;
  }
  *NodeLayout(g.nodes[*k]) = "nhwc";
  TensorId xn =
      g.AddTensor(g.UniqueTensorName(g.tensor(x).name + "_nhwc"),
                  PermutedType(g.type(x), to_last, ir::Layout::kNHWC));
  TensorId yn =
      g.AddTensor(g.UniqueTensorName(g.tensor(y).name + "_nhwc"),
                  PermutedType(g.type(y), to_last, ir::Layout::kNHWC));
  g.nodes[*k].inputs[0] = xn;
  g.nodes[*k].outputs[0] = yn;
  Node& tin = g.InsertNode(*k, OpKind::kTranspose,
                           g.UniqueNodeName(name + "_to_nhwc"), {x}, {xn});
  tin.attr<ir::TransposeAttrs>().perm = to_last;
  Node& tout = g.InsertNode(*k + 2, OpKind::kTranspose,
                            g.UniqueNodeName(name + "_to_nchw"), {yn}, {y});
  tout.attr<ir::TransposeAttrs>().perm = to_first;
  *k += 2;
  return true;
}

// Analyses of the current graph, recomputed after every rewrite.
struct Info {
  std::vector<int> producer;
  std::vector<std::vector<int>> readers;
};

// The transpose node producing `t`, or -1. Its output may have other readers
// (or be a graph output): pushing it into this reader leaves it for the others,
// and each push moves one transpose-to-reader edge strictly later in the graph,
// so rewriting still terminates. Compose rules run first, so a transpose that
// also feeds its inverse cancels there before it is copied by a push.
int TransposeFeeding(const Graph& g, const Info& info, TensorId t) {
  if (t == ir::kNoTensor) return -1;
  int p = info.producer[t];
  if (p < 0 || g.nodes[p].op != OpKind::kTranspose) return -1;
  return p;
}

// Rewrites `node` (at k) to consume pre-transpose values (done by the caller)
// and produce `new_type`; a transpose by `perm` after it restores the old
// output.
void AppendTranspose(Graph& g, size_t k, const ir::TensorType& new_type,
                     std::vector<int64_t> perm) {
  TensorId y = g.nodes[k].outputs[0];
  TensorId yn =
      g.AddTensor(g.UniqueTensorName(g.tensor(y).name + "_t"), new_type);
  g.nodes[k].outputs[0] = yn;
  std::string name = g.UniqueNodeName(g.nodes[k].name + "_t");
  Node& t = g.InsertNode(k + 1, OpKind::kTranspose, name, {yn}, {y});
  t.attr<ir::TransposeAttrs>().perm = perm;
}

// The type `t` has before a transpose by `perm` (whose source had layout `l`).
ir::TensorType Untransposed(const ir::TensorType& t,
                            const std::vector<int64_t>& perm, ir::Layout l) {
  return PermutedType(t, InversePerm(perm), l);
}

// transpose(transpose(x, p1), p2) -> transpose(x, p1∘p2), or x when identity.
bool ComposeTransposes(Graph& g, const Info& info, size_t k) {
  Node& t2 = g.nodes[k];
  if (t2.op != OpKind::kTranspose) return false;
  int p = info.producer[t2.inputs[0]];
  if (p < 0 || g.nodes[p].op != OpKind::kTranspose) return false;
  TensorId x = g.nodes[p].inputs[0], y = t2.outputs[0];
  std::vector<int64_t> perm =
      ComposePerm(g.nodes[p].attr<ir::TransposeAttrs>().perm,
                  t2.attr<ir::TransposeAttrs>().perm);
  if (!IsIdentityPerm(perm)) {
    t2.inputs[0] = x;
    t2.attr<ir::TransposeAttrs>().perm = perm;
    return true;
  }
  if (!g.IsGraphOutput(y)) {
    g.ReplaceAllUsesWith(y, x);
    g.EraseNode(k);
    return true;
  }
  int px = info.producer[x];
  if (px >= 0 && !g.IsGraphOutput(x)) {
    // y is a graph output: x's producer writes y directly.
    for (TensorId& o : g.nodes[px].outputs)
      if (o == x) o = y;
    g.ReplaceAllUsesWith(x, y);
    g.EraseNode(k);
    return true;
  }
  // x is a graph input or constant: a copy into the output must stay.
  if (t2.inputs[0] == x) return false;
  t2.inputs[0] = x;
  t2.attr<ir::TransposeAttrs>().perm = perm;
  return true;
}

// Elementwise ops of one input: the layout does not change their result.
bool IsElementwiseUnary(OpKind op) {
  switch (op) {
    case OpKind::kRelu:
    case OpKind::kClip:
    case OpKind::kLeakyRelu:
    case OpKind::kSigmoid:
    case OpKind::kTanh:
    case OpKind::kHardSigmoid:
    case OpKind::kHardSwish:
    case OpKind::kExp:
    case OpKind::kLog:
    case OpKind::kSqrt:
    case OpKind::kNeg:
    case OpKind::kAbs:
    case OpKind::kErf:
      return true;
    default:
      return false;
  }
}

// Broadcasting binaries: layout-agnostic once a constant operand is permuted
// like the transposed one.
bool IsElementwiseBinary(OpKind op) {
  switch (op) {
    case OpKind::kAdd:
    case OpKind::kSub:
    case OpKind::kMul:
    case OpKind::kDiv:
    case OpKind::kPow:
    case OpKind::kMax:
    case OpKind::kMin:
    case OpKind::kPRelu:
      return true;
    default:
      return false;
  }
}

// unary(transpose(x)) -> transpose(unary(x)) for relu, clip, sigmoid, ...
bool PushThroughUnary(Graph& g, const Info& info, size_t k) {
  Node& u = g.nodes[k];
  if (!IsElementwiseUnary(u.op)) return false;
  int p = TransposeFeeding(g, info, u.inputs[0]);
  if (p < 0) return false;
  TensorId x = g.nodes[p].inputs[0];
  std::vector<int64_t> perm = g.nodes[p].attr<ir::TransposeAttrs>().perm;
  ir::TensorType nt =
      Untransposed(g.type(u.outputs[0]), perm, g.type(x).layout);
  g.nodes[k].inputs[0] = x;
  AppendTranspose(g, k, nt, perm);
  return true;
}

// add(transpose(a), transpose(b) or constant c) -> transpose(add(a, b or c')),
// likewise for sub, mul, div, pow, max, min and prelu.
bool PushThroughAdd(Graph& g, const Info& info, size_t k) {
  Node& n = g.nodes[k];
  if (!IsElementwiseBinary(n.op)) return false;
  TensorId y = n.outputs[0];
  int64_t r = g.type(y).rank();
  int pa = TransposeFeeding(g, info, n.inputs[0]);
  int pb = TransposeFeeding(g, info, n.inputs[1]);
  if (pa < 0 && pb < 0) return false;
  // A copy: inserting the new transpose reallocates g.nodes.
  const std::vector<int64_t> perm =
      g.nodes[pa >= 0 ? pa : pb].attr<ir::TransposeAttrs>().perm;
  std::vector<TensorId> in(2);
  ir::Layout layout = ir::Layout::kNone;
  for (int i = 0; i < 2; ++i) {
    int p = i == 0 ? pa : pb;
    TensorId t = g.nodes[k].inputs[i];
    if (p >= 0) {
      if (g.nodes[p].attr<ir::TransposeAttrs>().perm != perm ||
          g.type(t).rank() != r)
        return false;
      in[i] = g.nodes[p].inputs[0];
      layout = g.type(in[i]).layout;
    } else if (g.IsConst(t) && g.type(t).rank() <= r) {
      in[i] = t;  // permuted below, once the rewrite is sure to happen
    } else {
      return false;
    }
  }
  std::vector<int64_t> inv = InversePerm(perm);
  for (int i = 0; i < 2; ++i) {
    if ((i == 0 ? pa : pb) >= 0) continue;
    // c' = transpose(c, inverse(perm)) after right-aligning c to rank r.
    const ir::Tensor& c = g.tensor(in[i]);
    ir::Shape full = c.type.shape;
    while (static_cast<int64_t>(full.size()) < r) full.insert(full.begin(), 1);
    ir::TensorType ct = c.type;
    ct.shape = PermuteShape(full, inv);
    std::vector<uint8_t> data =
        PermuteData(c.data, full, inv, ir::DTypeBytes(c.type.dtype));
    in[i] =
        g.AddConstant(g.UniqueTensorName(c.name + "_t"), ct, std::move(data));
  }
  g.nodes[k].inputs = in;
  AppendTranspose(g, k, Untransposed(g.type(y), perm, layout), perm);
  return true;
}

// softmax(transpose(x), axis a) -> transpose(softmax(x, axis perm[a])), also
// log_softmax.
bool PushThroughSoftmax(Graph& g, const Info& info, size_t k) {
  Node& n = g.nodes[k];
  if (n.op != OpKind::kSoftmax && n.op != OpKind::kLogSoftmax) return false;
  int p = TransposeFeeding(g, info, n.inputs[0]);
  if (p < 0) return false;
  TensorId x = g.nodes[p].inputs[0];
  std::vector<int64_t> perm = g.nodes[p].attr<ir::TransposeAttrs>().perm;
  int64_t& axis = n.attr<ir::AxisAttrs>().axis;
  axis = perm[axis];
  n.inputs[0] = x;
  AppendTranspose(
      g, k, Untransposed(g.type(n.outputs[0]), perm, g.type(x).layout), perm);
  return true;
}

// concat(transpose(a), transpose(b), ...; axis a) with one perm ->
// transpose(concat(a, b, ...; axis perm[a])).
bool PushThroughConcat(Graph& g, const Info& info, size_t k) {
  Node& n = g.nodes[k];
  if (n.op != OpKind::kConcat) return false;
  std::vector<TensorId> in;
  std::vector<int64_t> perm;
  for (TensorId t : n.inputs) {
    int p = TransposeFeeding(g, info, t);
    if (p < 0) return false;
    const auto& pp = g.nodes[p].attr<ir::TransposeAttrs>().perm;
    if (!perm.empty() && pp != perm) return false;
    perm = pp;
    in.push_back(g.nodes[p].inputs[0]);
  }
  int64_t& axis = n.attr<ir::AxisAttrs>().axis;
  axis = perm[axis];
  n.inputs = in;
  ir::Layout l = g.type(in[0]).layout;
  AppendTranspose(g, k, Untransposed(g.type(n.outputs[0]), perm, l), perm);
  return true;
}

// slice / pad (transpose(x)) -> transpose(slice / pad (x)) with the per-dim
// starts, steps and pads moved to the dims of x they address.
bool PushThroughSliceOrPad(Graph& g, const Info& info, size_t k) {
  Node& n = g.nodes[k];
  if (n.op != OpKind::kSlice && n.op != OpKind::kPad) return false;
  int p = TransposeFeeding(g, info, n.inputs[0]);
  if (p < 0) return false;
  TensorId x = g.nodes[p].inputs[0];
  std::vector<int64_t> perm = g.nodes[p].attr<ir::TransposeAttrs>().perm;
  const size_t r = perm.size();
  if (n.op == OpKind::kSlice) {
    auto& a = n.attr<ir::SliceAttrs>();
    std::vector<int64_t> starts(r), steps(r);
    for (size_t i = 0; i < r; ++i) {
      starts[perm[i]] = a.starts[i];
      steps[perm[i]] = a.steps[i];
    }
    a.starts = starts;
    a.steps = steps;
  } else {
    auto& a = n.attr<ir::PadAttrs>();
    std::vector<int64_t> pads(2 * r);
    for (size_t i = 0; i < r; ++i) {
      pads[perm[i]] = a.pads[i];
      pads[r + perm[i]] = a.pads[r + i];
    }
    a.pads = pads;
  }
  n.inputs[0] = x;
  AppendTranspose(
      g, k, Untransposed(g.type(n.outputs[0]), perm, g.type(x).layout), perm);
  return true;
}

// reduce(transpose(x), axes) -> reduce(x, perm[axes]), then the transpose of
// what is left (none when the kept axes stay in order, as in a reduction over
// H and W without keepdims).
bool PushThroughReduce(Graph& g, const Info& info, size_t k) {
  Node& n = g.nodes[k];
  if (n.op != OpKind::kReduce) return false;
  int p = TransposeFeeding(g, info, n.inputs[0]);
  if (p < 0) return false;
  TensorId x = g.nodes[p].inputs[0];
  std::vector<int64_t> perm = g.nodes[p].attr<ir::TransposeAttrs>().perm;
  auto& a = n.attr<ir::ReduceAttrs>();
  const int64_t r = static_cast<int64_t>(perm.size());
  std::vector<bool> reduced(r, false);
  for (int64_t d : a.axes) reduced[d] = true;
  std::vector<int64_t> axes;
  for (int64_t d : a.axes) axes.push_back(perm[d]);
  std::sort(axes.begin(), axes.end());
  a.axes = axes;
  n.inputs[0] = x;
  const ir::TensorType& yt = g.type(n.outputs[0]);
  if (a.keepdims) {
    AppendTranspose(g, k, Untransposed(yt, perm, g.type(x).layout), perm);
    return true;
  }
  // Kept dims of x in x's order, and where each output dim finds its own.
  std::vector<bool> gone(r, false);
  for (int64_t d : axes) gone[d] = true;
  std::vector<int64_t> rank_in_x(r, -1), kept;
  for (int64_t d = 0; d < r; ++d)
    if (!gone[d]) {
      rank_in_x[d] = static_cast<int64_t>(kept.size());
      kept.push_back(d);
    }
  std::vector<int64_t> q;
  for (int64_t i = 0; i < r; ++i)
    if (!reduced[i]) q.push_back(rank_in_x[perm[i]]);
  if (IsIdentityPerm(q)) return true;
  ir::TensorType nt = yt;
  for (size_t j = 0; j < kept.size(); ++j) nt.shape[j] = g.type(x).shape[kept[j]];
  nt.layout = ir::Layout::kNone;
  AppendTranspose(g, k, nt, q);
  return true;
}

// A transpose that only moves extent-1 axes keeps the element order: it is a
// reshape. Feeding a reshape it disappears; otherwise it becomes a reshape.
bool TransposeAsReshape(Graph& g, const Info& info, size_t k) {
  Node& t = g.nodes[k];
  if (t.op != OpKind::kTranspose) return false;
  TensorId x = t.inputs[0], y = t.outputs[0];
  if (!PermIsReshape(g.type(x).shape, t.attr<ir::TransposeAttrs>().perm))
    return false;
  bool all_reshapes = !g.IsGraphOutput(y) && !info.readers[y].empty();
  for (int r : info.readers[y])
    if (g.nodes[r].op != OpKind::kReshape) all_reshapes = false;
  if (all_reshapes) {
    g.ReplaceAllUsesWith(y, x);
    g.EraseNode(k);
  } else {
    t.op = OpKind::kReshape;
    t.attrs = ir::DefaultAttrs(t.op);
  }
  return true;
}

// reshape(reshape(x)) -> reshape(x): only the final shape matters.
bool MergeReshapes(Graph& g, const Info& info, size_t k) {
  Node& n = g.nodes[k];
  if (n.op != OpKind::kReshape) return false;
  int p = info.producer[n.inputs[0]];
  if (p < 0 || g.nodes[p].op != OpKind::kReshape) return false;
  n.inputs[0] = g.nodes[p].inputs[0];
  return true;
}

// Two transposes of one tensor by one perm: the later one reuses the earlier
// one's result (e.g. an input read by several converted convs).
bool MergeDuplicateTransposes(Graph& g, const Info& info, size_t k) {
  const Node& t = g.nodes[k];
  if (t.op != OpKind::kTranspose || g.IsGraphOutput(t.outputs[0])) return false;
  for (int r : info.readers[t.inputs[0]]) {
    if (static_cast<size_t>(r) >= k) break;
    const Node& o = g.nodes[r];
    if (o.op == OpKind::kTranspose && o.inputs[0] == t.inputs[0] &&
        o.attr<ir::TransposeAttrs>().perm ==
            t.attr<ir::TransposeAttrs>().perm) {
      g.ReplaceAllUsesWith(t.outputs[0], o.outputs[0]);
      g.EraseNode(k);
      return true;
    }
  }
  return false;
}

using Rule = bool (*)(Graph&, const Info&, size_t);

// Applies the first rule that matches anywhere (rules in priority order), then
// cleans up. Returns false at the fixed point.
bool RewriteOnce(Graph& g, const std::vector<Rule>& rules) {
  Info info{g.Producers(), Readers(g)};
  for (Rule rule : rules) {
    for (size_t k = 0; k < g.nodes.size(); ++k) {
      if (rule(g, info, k)) {
        g.Compact();
        return true;
      }
    }
  }
  return false;
}

}  // namespace

Status LayoutNhwc(Graph& g, const PassOptions&) {
  WeightCache cache;
  for (size_t k = 0; k < g.nodes.size(); ++k) ConvertNode(g, &k, &cache);
  // Cancelling and pushing first; turning transposes into reshapes late, so a
  // transpose that could still meet its inverse is not frozen as a reshape; and
  // sharing duplicate transposes last, since a shared transpose has several
  // readers and can no longer be pushed into any of them.
  const std::vector<Rule> rules = {ComposeTransposes, PushThroughUnary,
                                   PushThroughAdd,    PushThroughSoftmax,
                                   PushThroughConcat, PushThroughSliceOrPad,
                                   PushThroughReduce, TransposeAsReshape,
                                   MergeReshapes,     MergeDuplicateTransposes};
  // Every rewrite removes a transpose or moves one strictly later in the
  // graph, so this terminates; the bound only guards against a bug.
  for (size_t round = 0; RewriteOnce(g, rules); ++round)
    if (round > 100000) return Internal("layout-nhwc does not converge");
  return Status::Ok();
}

}  // namespace kiln::passes
