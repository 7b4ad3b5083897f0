// Execution order of a DAG that minimizes the peak of live bytes (the lower
// bound every arena plan of that order is measured against). A leaf: the DAG
// is abstract; compiler/passes/schedule.cc builds it from the IR.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace kiln::memory {

struct DagBuffer {
  int64_t size = 0;
  // Every node that writes or reads the buffer (a view, an in-place op or a
  // concat slice makes several writers). The buffer is live from the first of
  // them in the order to the last, both inclusive; a buffer with one user
  // (kernel scratch) lives at that node's step only.
  std::vector<int> users;
};

struct Dag {
  int num_nodes = 0;
  std::vector<std::pair<int, int>> edges;  // (u, v): u runs before v
  std::vector<DagBuffer> buffers;
};

struct OrderOptions {
  // Downsets (sets of nodes run so far) kept per step. When a step has more,
  // the best are kept (a beam) and the result is no longer proven optimal.
  int64_t max_states_per_step = 2048;
};

struct OrderResult {
  std::vector<int> order;  // a topological order of the nodes
  int64_t peak = 0;        // OrderPeak of it
  bool optimal = false;    // no topological order has a smaller peak
  int64_t states = 0;      // downsets visited
};

// The peak live bytes of `order` (a permutation of the nodes), computed from
// the buffers' users and positions alone.
int64_t OrderPeak(const Dag& dag, const std::vector<int>& order);

// Dynamic programming over downsets: the peak of a partial schedule only
// depends on the set of nodes run, so the best peak to reach each set is kept
// (exact while every step has at most max_states_per_step sets, else a beam).
// `initial` (a topological order) is kept when no order is strictly better,
// so the result's peak is never above initial's. Deterministic.
OrderResult ChooseOrder(const Dag& dag, const std::vector<int>& initial,
                        const OrderOptions& options = {});

}  // namespace kiln::memory
