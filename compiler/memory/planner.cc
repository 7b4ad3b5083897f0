// kiln's arena planning: the best of the planners (see planner.h).
#include "compiler/memory/planner.h"

#include <algorithm>

namespace kiln::memory {

Plan PlanNoReuse(const std::vector<Buffer>& buffers) {
  Plan p;
  p.offsets.assign(buffers.size(), 0);
  for (size_t i = 0; i < buffers.size(); ++i) {
    if (buffers[i].size <= 0) continue;
    p.offsets[i] = AlignUp(p.total_bytes, buffers[i].alignment);
    p.total_bytes = p.offsets[i] + buffers[i].size;
  }
  return p;
}

PlanSummary PlanArena(const std::vector<Buffer>& buffers, Planner choice,
                      const ExactOptions& exact) {
  PlanSummary s;
  Peak peak = PeakLive(buffers);
  s.lower_bound_bytes = peak.bytes;
  s.peak_step = peak.step;
  Plan greedy = PlanGreedyBySize(buffers);
  Plan fit = PlanBestFit(buffers);
  s.greedy_by_size_bytes = greedy.total_bytes;
  s.best_fit_bytes = fit.total_bytes;
  // The exact search starts from the better heuristic plan and only improves.
  Plan start = greedy.total_bytes < fit.total_bytes ? greedy : fit;
  ExactResult ex = PlanExact(buffers, start, exact);
  s.kiln_bytes = ex.plan.total_bytes;
  s.exact_optimal = ex.optimal;
  s.exact_searched = ex.searched;
  s.exact_nodes = ex.nodes;
  switch (choice) {
    case Planner::kGreedyBySize: s.plan = std::move(greedy); break;
    case Planner::kKiln: s.plan = std::move(ex.plan); break;
    case Planner::kNone: s.plan = PlanNoReuse(buffers); break;
  }
  return s;
}

}  // namespace kiln::memory
