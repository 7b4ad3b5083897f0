// The IR side of memory planning, shared by the schedule and plan-memory
// passes and by anything that explains the plan (reports): which tensors share
// an arena buffer, where in it, and when each buffer is live.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "compiler/ir/graph.h"
#include "compiler/memory/order.h"
#include "compiler/memory/planner.h"

namespace kiln::passes {

// Storage sharing, independent of the node order. Tensors in one group share
// one arena buffer: a reshape's output is its input (a view); an element-wise
// op whose input dies there writes over it (in place); a concat on the
// outermost non-unit axis holds its inputs as slices. `share = false` (the
// no-reuse planner): every tensor its own group.
struct ArenaGroups {
  std::vector<int> group_of;           // per tensor: group, -1 = not in arena
  std::vector<int64_t> offset_in_group;  // per tensor: byte offset in it
  std::vector<int64_t> group_bytes;    // per group
};

ArenaGroups CollectArenaGroups(const ir::Graph& g, bool share = true);

struct ArenaBuffers {
  // One buffer per group, lifetimes in node positions (inclusive), and one per
  // node with kernel scratch (Node::scratch_bytes), live at its step only.
  std::vector<memory::Buffer> buffers;
  // Per tensor id: index into `buffers`, or -1 when the tensor is not in the
  // arena (graph input or output, constant). Views share their input's.
  std::vector<int> buffer_of;
  // Per tensor id: its byte offset inside its buffer.
  std::vector<int64_t> offset_in_buffer;
  // Per buffer: one tensor of it (for names in reports); kNoTensor for scratch.
  std::vector<ir::TensorId> first_tensor;
  // Per buffer: the node whose scratch it is, -1 for tensors.
  std::vector<int> scratch_node;
  // Per node: its scratch buffer, -1 when it has none.
  std::vector<int> scratch_buffer_of_node;
};

// The arena buffers of `g` in its current node order; offsets aligned to
// `alignment`. memory::LowerBound(result.buffers) is the peak that no plan of
// this order can beat.
ArenaBuffers CollectArenaBuffers(const ir::Graph& g, int64_t alignment,
                                 bool share = true);

// Sets Node::scratch_bytes of every node: the scratch its kernel asks for,
// from the runtime's own scratch-size function on the params codegen would
// emit with kernel implementation `impl` (codegen::LowerNode). A node codegen
// cannot lower gets 0 (codegen reports it). Schedule and plan-memory call it.
void SizeKernelScratch(ir::Graph& g, const std::string& impl);

// What schedule and plan-memory found, for reports (PassOptions::memory_stats).
struct MemoryStats {
  int64_t input_order_lower_bound = -1;  // peak of the order before schedule
  int64_t order_lower_bound = -1;        // peak of the order chosen
  bool order_optimal = false;            // no topological order is lower
  int64_t order_states = 0;              // downsets the search visited
  memory::PlanSummary plan;              // plan-memory's planners side by side
  bool shared = true;                    // views/in-place/concat slices on
};

// The graph as an abstract DAG for memory::ChooseOrder: node i is g.nodes[i],
// an edge per tensor from its producer to each reader, one buffer per group
// with every node that writes or reads one of its tensors as users, and one
// per node with scratch (Node::scratch_bytes) used by that node alone.
memory::Dag MemoryDag(const ir::Graph& g, bool share = true);

}  // namespace kiln::passes
