// schedule: reorders g.nodes into the topological order that minimizes the
// peak of live arena bytes (the lower bound of plan-memory). Branches matter:
// in a residual block or before a concat, running the branch that frees
// memory first can lower the peak; a chain has one order and is left alone.
// The search is memory::ChooseOrder (exact over downsets within a state budget,
// a beam beyond); the current order is kept unless another is strictly
// better, so the result is deterministic and never worse.
#include "compiler/memory/order.h"
#include "compiler/passes/passes.h"
#include "compiler/passes/plan_memory.h"

namespace kiln::passes {

Status Schedule(ir::Graph& g, const PassOptions& opts) {
  SizeKernelScratch(g, opts.kernel_impl);
  memory::Dag dag = MemoryDag(g, opts.planner != memory::Planner::kNone);
  std::vector<int> initial(g.nodes.size());
  for (size_t k = 0; k < initial.size(); ++k) initial[k] = static_cast<int>(k);
  memory::OrderResult r;
  if (opts.schedule) {
    r = memory::ChooseOrder(dag, initial);
  } else {
    r.order = initial;
    r.peak = memory::OrderPeak(dag, initial);
  }
  if (MemoryStats* st = opts.memory_stats) {
    st->input_order_lower_bound = memory::OrderPeak(dag, initial);
    st->order_lower_bound = r.peak;
    st->order_optimal = r.optimal;
    st->order_states = r.states;
  }
  if (r.order == initial) return Status::Ok();
  std::vector<ir::Node> nodes;
  nodes.reserve(g.nodes.size());
  for (int k : r.order) nodes.push_back(std::move(g.nodes[k]));
  g.nodes = std::move(nodes);
  return Status::Ok();
}

}  // namespace kiln::passes
