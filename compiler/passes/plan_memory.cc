// plan-memory: gives every intermediate activation a byte offset in one arena
// (Tensor::offset) and sizes the arena (Graph::arena_bytes), with the leaf
// planner of compiler/memory. Graph inputs and outputs live in the user's
// buffers and constants in the weights, so neither is in the arena.
//
// Reshape is a view: its output gets its input's offset (the emitter then emits
// nothing), and the shared buffer lives as long as any of its names. When the
// input is not in the arena (a graph input or a constant) or the output must be
// (a graph output), there is no buffer to share: the reshape's output gets its
// own place (or is the user's output buffer) and the emitter copies. The rule
// for the emitter is therefore: a reshape is free iff its output's offset
// equals its input's offset and both are >= 0; otherwise it is a copy.
#include "compiler/passes/plan_memory.h"

#include <algorithm>

#include "compiler/memory/planner.h"
#include "compiler/passes/passes.h"

namespace kiln::passes {

ArenaBuffers CollectArenaBuffers(const ir::Graph& g, int64_t alignment) {
  const size_t nt = g.tensors.size();
  // Tensors that live in the arena.
  std::vector<bool> in_arena(nt, false);
  for (const ir::Node& n : g.nodes)
    for (ir::TensorId o : n.outputs)
      if (o != ir::kNoTensor && !g.IsConst(o) && !g.IsGraphOutput(o) &&
          !g.IsGraphInput(o))
        in_arena[o] = true;
  // Storage root of each arena tensor: itself, or for a view the root of the
  // reshape's input.
  std::vector<ir::TensorId> root(nt, ir::kNoTensor);
  for (size_t t = 0; t < nt; ++t)
    if (in_arena[t]) root[t] = static_cast<ir::TensorId>(t);
  for (const ir::Node& n : g.nodes) {
    if (n.op != ir::OpKind::kReshape) continue;
    ir::TensorId x = n.inputs[0], y = n.outputs[0];
    if (in_arena[x] && in_arena[y]) root[y] = root[x];
  }
  // One buffer per root, live from its first definition to its last read.
  ArenaBuffers out;
  out.buffer_of.assign(nt, -1);
  std::vector<int> buffer_of_root(nt, -1);
  auto touch = [&](ir::TensorId t, int step) {
    if (t == ir::kNoTensor || root[t] == ir::kNoTensor) return;
    ir::TensorId r = root[t];
    if (buffer_of_root[r] < 0) {
      buffer_of_root[r] = static_cast<int>(out.buffers.size());
      memory::Buffer b;
      b.size = g.type(r).bytes();
      b.alignment = alignment;
      b.first_step = b.last_step = step;
      out.buffers.push_back(b);
    }
    memory::Buffer& b = out.buffers[buffer_of_root[r]];
    b.first_step = std::min(b.first_step, step);
    b.last_step = std::max(b.last_step, step);
    out.buffer_of[t] = buffer_of_root[r];
  };
  for (size_t k = 0; k < g.nodes.size(); ++k) {
    int step = static_cast<int>(k);
    for (ir::TensorId o : g.nodes[k].outputs) touch(o, step);
    for (ir::TensorId i : g.nodes[k].inputs) touch(i, step);
  }
  return out;
}

Status PlanMemory(ir::Graph& g, const PassOptions& opts) {
  ArenaBuffers arena = CollectArenaBuffers(g, opts.arena_alignment);
  memory::Plan plan = memory::PlanGreedyBySize(arena.buffers);
  std::string err = memory::CheckPlan(arena.buffers, plan);
  if (!err.empty()) return Internal("memory plan is invalid: {}", err);
  for (size_t t = 0; t < g.tensors.size(); ++t) {
    int b = arena.buffer_of[t];
    g.tensors[t].offset = b < 0 ? -1 : plan.offsets[b];
  }
  g.arena_bytes = plan.total_bytes;
  return Status::Ok();
}

}  // namespace kiln::passes
