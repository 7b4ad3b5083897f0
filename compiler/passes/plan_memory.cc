// plan-memory: gives every intermediate activation a byte offset in one arena
// (Tensor::offset) and sizes the arena (Graph::arena_bytes), with the leaf
// planners of compiler/memory (PassOptions::planner: kiln's best plan, the
// greedy-by-size baseline, or no reuse). Graph inputs and outputs live in the
// user's buffers and constants in the weights, so neither is in the arena.
//
// Reshape is a view: its output gets its input's offset (the emitter then emits
// nothing), and the shared buffer lives as long as any of its names. When the
// input is not in the arena (a graph input or a constant) or the output must be
// (a graph output), there is no buffer to share: the reshape's output gets its
// own place (or is the user's output buffer) and the emitter copies. The rule
// for the emitter is therefore: a reshape is free iff its output's offset
// equals its input's offset and both are >= 0; otherwise it is a copy.
//
// In place: an element-wise op whose input dies there writes its output over
// the input (same offset). Concat on the outermost non-unit axis: each input is
// planned at its slice of the output, so producers write there and the
// concat is free iff every input's offset is the output's plus the bytes
// before it (the emitter's rule, lower/shape_ops.cc). Channel-axis concat in
// NHWC would need strided outputs in the producing kernels (not done), and so
// would depthwise convolution in place (a row buffer; not done).
#include "compiler/passes/plan_memory.h"

#include <algorithm>
#include <functional>

#include "compiler/codegen/kernel_call.h"
#include "compiler/memory/planner.h"
#include "compiler/passes/passes.h"

namespace kiln::passes {

namespace {

bool IsUnaryElementwise(ir::OpKind op) {
  using K = ir::OpKind;
  switch (op) {
    case K::kRelu: case K::kClip: case K::kLeakyRelu: case K::kSigmoid:
    case K::kTanh: case K::kHardSigmoid: case K::kHardSwish: case K::kExp:
    case K::kLog: case K::kSqrt: case K::kNeg: case K::kAbs: case K::kErf:
      return true;
    default:
      return false;
  }
}

bool IsBroadcastBinary(ir::OpKind op) {
  using K = ir::OpKind;
  switch (op) {
    case K::kAdd: case K::kSub: case K::kMul: case K::kDiv: case K::kPow:
    case K::kMax: case K::kMin: case K::kPRelu:
      return true;
    default:
      return false;
  }
}

// Union of tensors into groups with byte offsets inside them.
class Groups {
 public:
  explicit Groups(ArenaGroups& a) : a_(a) {}
  int New(ir::TensorId t, int64_t bytes) {
    a_.group_of[t] = static_cast<int>(a_.group_bytes.size());
    a_.group_bytes.push_back(bytes);
    members_.push_back({t});
    sliced_.push_back(false);
    return a_.group_of[t];
  }
  // Tensor t (alone in its group) joins group `gr` at `offset`.
  void Join(ir::TensorId t, int gr, int64_t offset) {
    Move(a_.group_of[t], gr, offset);
  }
  // Every member of group `from` moves into `to`, shifted by `offset`.
  void Move(int from, int to, int64_t offset) {
    for (ir::TensorId m : members_[from]) {
      a_.group_of[m] = to;
      a_.offset_in_group[m] += offset;
      members_[to].push_back(m);
    }
    members_[from].clear();
    a_.group_bytes[from] = -1;  // dropped when renumbering
  }
  bool Alone(int gr) const { return members_[gr].size() == 1; }
  std::vector<bool> sliced_;  // per group: holds concat slices

 private:
  ArenaGroups& a_;
  std::vector<std::vector<ir::TensorId>> members_;
};

}  // namespace

ArenaGroups CollectArenaGroups(const ir::Graph& g, bool share) {
  const size_t nt = g.tensors.size();
  ArenaGroups a;
  a.group_of.assign(nt, -1);
  a.offset_in_group.assign(nt, 0);
  Groups groups(a);
  // Tensors that live in the arena: node outputs that are not graph I/O.
  std::vector<bool> in_arena(nt, false);
  for (const ir::Node& n : g.nodes)
    for (ir::TensorId o : n.outputs)
      if (o != ir::kNoTensor && !g.IsConst(o) && !g.IsGraphOutput(o) &&
          !g.IsGraphInput(o) && a.group_of[o] < 0) {
        in_arena[o] = true;
        groups.New(o, g.type(o).bytes());
      }
  auto is_view = [&](const ir::Node& n) {
    return n.op == ir::OpKind::kReshape && in_arena[n.inputs[0]] &&
           in_arena[n.outputs[0]];
  };
  // Readers of each tensor, and for a view its input (to walk back).
  std::vector<std::vector<const ir::Node*>> readers(nt);
  std::vector<ir::TensorId> view_input(nt, ir::kNoTensor);
  for (const ir::Node& n : g.nodes) {
    for (ir::TensorId i : n.inputs)
      if (i != ir::kNoTensor) readers[i].push_back(&n);
    if (is_view(n)) view_input[n.outputs[0]] = n.inputs[0];
  }
  // Reads of t's bytes, through views, in any order: a view is not a read, its
  // readers are.
  std::vector<int> reads_memo(nt, -1);
  std::function<int(ir::TensorId)> reads = [&](ir::TensorId t) {
    if (reads_memo[t] >= 0) return reads_memo[t];
    int r = g.IsGraphOutput(t) ? 1 : 0;
    for (const ir::Node* n : readers[t]) r += is_view(*n) ? reads(n->outputs[0]) : 1;
    return reads_memo[t] = r;
  };
  // In place: `n` may write its output over input x when nothing else ever
  // reads x's bytes (x, or what x is a view of, has n as its only reader, so x
  // dies at n in every order), x is not a concat slice, and the kernel reads
  // element i of x before writing element i of y: f32 unary maps, the f32
  // broadcasting binaries for an operand with the output's type, and the int8
  // add and mul (kiln_add_s8_ref, kiln_mul_s8_ref: an s8 operand with the
  // output's shape, whatever its scale; the kernels read both operands of
  // element i, then write it).
  auto in_place_input = [&](const ir::Node& n) -> ir::TensorId {
    ir::TensorId y = n.outputs[0];
    if (!in_arena[y]) return ir::kNoTensor;
    const ir::DType dt = g.type(y).dtype;
    bool s8 = dt == ir::DType::kS8 && (n.op == ir::OpKind::kAdd || n.op == ir::OpKind::kMul);
    if (dt != ir::DType::kF32 && !s8) return ir::kNoTensor;
    if (!s8 && !IsUnaryElementwise(n.op) && !IsBroadcastBinary(n.op)) return ir::kNoTensor;
    for (size_t k = 0; k < n.inputs.size(); ++k) {
      ir::TensorId x = n.inputs[k];
      if (x == ir::kNoTensor || !in_arena[x]) continue;
      if (s8 ? g.type(x).dtype != dt || g.type(x).shape != g.type(y).shape
             : g.type(x) != g.type(y))
        continue;
      if (std::count(n.inputs.begin(), n.inputs.end(), x) != 1) continue;
      ir::TensorId root = x;
      while (view_input[root] != ir::kNoTensor) root = view_input[root];
      if (reads(root) != 1 || groups.sliced_[a.group_of[x]]) continue;
      return x;
    }
    return ir::kNoTensor;
  };
  // Concat without a copy: on the outermost non-unit axis each input is a
  // contiguous slice of the output, so its producer writes it there. Every
  // input must be an f32 arena tensor with a buffer of its own.
  auto concat_slices = [&](const ir::Node& n) {
    ir::TensorId y = n.outputs[0];
    if (!in_arena[y] || g.type(y).dtype != ir::DType::kF32) return false;
    const ir::Shape& ys = g.type(y).shape;
    int64_t axis = n.attr<ir::AxisAttrs>().axis;
    for (int64_t d = 0; d < axis; ++d)
      if (ys[d] != 1) return false;
    std::vector<int> seen;
    for (ir::TensorId x : n.inputs) {
      if (x == ir::kNoTensor || !in_arena[x] || g.type(x).dtype != ir::DType::kF32)
        return false;
      int gr = a.group_of[x];
      if (gr == a.group_of[y] || a.offset_in_group[x] != 0 ||
          a.group_bytes[gr] != g.type(x).bytes() || groups.sliced_[gr] ||
          std::find(seen.begin(), seen.end(), gr) != seen.end())
        return false;
      seen.push_back(gr);
    }
    return true;
  };
  for (const ir::Node& n : g.nodes) {
    if (!share) break;
    if (is_view(n)) {
      ir::TensorId x = n.inputs[0], y = n.outputs[0];
      groups.Join(y, a.group_of[x], a.offset_in_group[x]);
    } else if (n.op == ir::OpKind::kConcat && concat_slices(n)) {
      int yg = a.group_of[n.outputs[0]];
      int64_t at = 0;
      for (ir::TensorId x : n.inputs) {
        groups.Move(a.group_of[x], yg, at);
        at += g.type(x).bytes();
      }
      groups.sliced_[yg] = true;
    } else if (n.outputs.size() == 1) {
      ir::TensorId x = in_place_input(n);
      if (x != ir::kNoTensor)
        groups.Join(n.outputs[0], a.group_of[x], a.offset_in_group[x]);
    }
  }
  // Renumber the groups that remain, in first-seen order.
  std::vector<int> renumber(a.group_bytes.size(), -1);
  std::vector<int64_t> bytes;
  for (size_t k = 0; k < a.group_bytes.size(); ++k)
    if (a.group_bytes[k] >= 0) {
      renumber[k] = static_cast<int>(bytes.size());
      bytes.push_back(a.group_bytes[k]);
    }
  for (int& gr : a.group_of)
    if (gr >= 0) gr = renumber[gr];
  a.group_bytes = std::move(bytes);
  return a;
}

ArenaBuffers CollectArenaBuffers(const ir::Graph& g, int64_t alignment,
                                 bool share) {
  ArenaGroups groups = CollectArenaGroups(g, share);
  const size_t nt = g.tensors.size();
  ArenaBuffers out;
  out.buffer_of.assign(nt, -1);
  out.offset_in_buffer = groups.offset_in_group;
  // Buffers numbered in order of first use, so plans read top to bottom.
  std::vector<int> buffer_of_group(groups.group_bytes.size(), -1);
  out.scratch_buffer_of_node.assign(g.nodes.size(), -1);
  auto touch = [&](ir::TensorId t, int step) {
    if (t == ir::kNoTensor || groups.group_of[t] < 0) return;
    int gr = groups.group_of[t];
    if (buffer_of_group[gr] < 0) {
      buffer_of_group[gr] = static_cast<int>(out.buffers.size());
      memory::Buffer b;
      b.size = groups.group_bytes[gr];
      b.alignment = alignment;
      b.first_step = b.last_step = step;
      out.buffers.push_back(b);
      out.first_tensor.push_back(t);
      out.scratch_node.push_back(-1);
    }
    memory::Buffer& b = out.buffers[buffer_of_group[gr]];
    b.first_step = std::min(b.first_step, step);
    b.last_step = std::max(b.last_step, step);
    out.buffer_of[t] = buffer_of_group[gr];
  };
  for (size_t k = 0; k < g.nodes.size(); ++k) {
    int step = static_cast<int>(k);
    for (ir::TensorId o : g.nodes[k].outputs) touch(o, step);
    if (g.nodes[k].scratch_bytes > 0) {
      memory::Buffer b;
      b.size = g.nodes[k].scratch_bytes;
      b.alignment = alignment;
      b.first_step = b.last_step = step;
      out.scratch_buffer_of_node[k] = static_cast<int>(out.buffers.size());
      out.buffers.push_back(b);
      out.first_tensor.push_back(ir::kNoTensor);
      out.scratch_node.push_back(step);
    }
    for (ir::TensorId i : g.nodes[k].inputs) touch(i, step);
  }
  return out;
}

memory::Dag MemoryDag(const ir::Graph& g, bool share) {
  ArenaGroups groups = CollectArenaGroups(g, share);
  std::vector<int> producer = g.Producers();
  memory::Dag dag;
  dag.num_nodes = static_cast<int>(g.nodes.size());
  dag.buffers.resize(groups.group_bytes.size());
  for (size_t k = 0; k < groups.group_bytes.size(); ++k)
    dag.buffers[k].size = groups.group_bytes[k];
  auto use = [&](ir::TensorId t, int node) {
    if (t == ir::kNoTensor || groups.group_of[t] < 0) return;
    std::vector<int>& users = dag.buffers[groups.group_of[t]].users;
    if (std::find(users.begin(), users.end(), node) == users.end())
      users.push_back(node);
  };
  for (size_t k = 0; k < g.nodes.size(); ++k) {
    int v = static_cast<int>(k);
    for (ir::TensorId o : g.nodes[k].outputs) use(o, v);
    for (ir::TensorId i : g.nodes[k].inputs) {
      use(i, v);
      if (i != ir::kNoTensor && producer[i] >= 0 && producer[i] != v)
        dag.edges.emplace_back(producer[i], v);
    }
    if (g.nodes[k].scratch_bytes > 0)
      dag.buffers.push_back({g.nodes[k].scratch_bytes, {v}});
  }
  return dag;
}

void SizeKernelScratch(ir::Graph& g, const std::string& impl) {
  codegen::LowerOptions lo;
  lo.impl = impl;
  for (ir::Node& n : g.nodes) {
    StatusOr<codegen::KernelCall> call = codegen::LowerNode(g, n, lo);
    n.scratch_bytes = call.ok() ? call->scratch_bytes : 0;
    n.scratch_offset = -1;
  }
}

Status PlanMemory(ir::Graph& g, const PassOptions& opts) {
  SizeKernelScratch(g, opts.kernel_impl);
  // No reuse means no sharing either: views and concats copy, nothing runs in
  // place, so that plan checks every other one.
  bool share = opts.planner != memory::Planner::kNone;
  ArenaBuffers arena = CollectArenaBuffers(g, opts.arena_alignment, share);
  memory::PlanSummary s = memory::PlanArena(arena.buffers, opts.planner);
  std::string err = memory::CheckPlan(arena.buffers, s.plan);
  if (!err.empty()) return Internal("memory plan is invalid: {}", err);
  for (size_t t = 0; t < g.tensors.size(); ++t) {
    int b = arena.buffer_of[t];
    g.tensors[t].offset =
        b < 0 ? -1 : s.plan.offsets[b] + arena.offset_in_buffer[t];
  }
  for (size_t k = 0; k < g.nodes.size(); ++k) {
    int b = arena.scratch_buffer_of_node[k];
    g.nodes[k].scratch_offset = b < 0 ? -1 : s.plan.offsets[b];
  }
  g.arena_bytes = s.plan.total_bytes;
  if (opts.memory_stats) {
    opts.memory_stats->plan = std::move(s);
    opts.memory_stats->shared = share;
  }
  return Status::Ok();
}

}  // namespace kiln::passes
