// Greedy by size, first fit (see greedy_by_size.h).
#include "compiler/memory/greedy_by_size.h"

#include <algorithm>
#include <numeric>
#include <utility>

namespace kiln::memory {

Plan PlanGreedyBySize(const std::vector<Buffer>& buffers) {
  Plan plan;
  plan.offsets.assign(buffers.size(), 0);
  std::vector<size_t> order(buffers.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (buffers[a].size != buffers[b].size)
      return buffers[a].size > buffers[b].size;
    return buffers[a].first_step < buffers[b].first_step;
  });
  std::vector<size_t> placed;
  for (size_t i : order) {
    const Buffer& buf = buffers[i];
    if (buf.size <= 0) continue;
    std::vector<std::pair<int64_t, int64_t>> busy;  // [begin, end), by begin
    for (size_t j : placed)
      if (LiveTogether(buf, buffers[j]))
        busy.emplace_back(plan.offsets[j], plan.offsets[j] + buffers[j].size);
    std::sort(busy.begin(), busy.end());
    int64_t at = 0;
    for (const auto& [begin, end] : busy) {
      at = AlignUp(at, buf.alignment);
      if (begin >= at + buf.size) break;  // the gap below `begin` fits
      at = std::max(at, end);
    }
    at = AlignUp(at, buf.alignment);
    plan.offsets[i] = at;
    plan.total_bytes = std::max(plan.total_bytes, at + buf.size);
    placed.push_back(i);
  }
  return plan;
}

}  // namespace kiln::memory
