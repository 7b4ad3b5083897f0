// The IR side of memory planning, shared by the plan-memory pass and by
// anything that wants to explain the plan (reports): which tensors share an
// arena buffer and when each buffer is live.
#pragma once

#include <cstdint>
#include <vector>

#include "compiler/ir/graph.h"
#include "compiler/memory/planner.h"

namespace kiln::passes {

struct ArenaBuffers {
  // One buffer per storage root, lifetimes in node positions (inclusive).
  std::vector<memory::Buffer> buffers;
  // Per tensor id: index into `buffers`, or -1 when the tensor is not in the
  // arena (graph input or output, constant). Reshape views share their input's.
  std::vector<int> buffer_of;
};

// The arena buffers of `g` in its current node order; offsets aligned to
// `alignment`. memory::LowerBound(result.buffers) is the peak that no plan of
// this order can beat.
ArenaBuffers CollectArenaBuffers(const ir::Graph& g, int64_t alignment);

}  // namespace kiln::passes
