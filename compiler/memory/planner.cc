// Greedy-by-size best-fit arena planner and its checks (see planner.h).
#include "compiler/memory/planner.h"

#include <algorithm>
#include <map>
#include <numeric>

namespace kiln::memory {
namespace {

int64_t AlignUp(int64_t v, int64_t a) {
  if (a <= 1) return v;
  return (v + a - 1) / a * a;
}

bool Overlap(const Buffer& a, const Buffer& b) {
  return a.first_step <= b.last_step && b.first_step <= a.last_step;
}

}  // namespace

Plan PlanGreedyBySize(const std::vector<Buffer>& buffers) {
  Plan plan;
  plan.offsets.assign(buffers.size(), 0);
  std::vector<size_t> order(buffers.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (buffers[a].size != buffers[b].size)
      return buffers[a].size > buffers[b].size;
    if (buffers[a].first_step != buffers[b].first_step)
      return buffers[a].first_step < buffers[b].first_step;
    return a < b;
  });
  std::vector<size_t> placed;
  for (size_t i : order) {
    const Buffer& buf = buffers[i];
    if (buf.size <= 0) continue;
    // The intervals [offset, offset + size) of placed buffers live at the same
    // time as this one, sorted by offset.
    std::vector<std::pair<int64_t, int64_t>> busy;
    for (size_t j : placed)
      if (Overlap(buf, buffers[j]))
        busy.emplace_back(plan.offsets[j], plan.offsets[j] + buffers[j].size);
    std::sort(busy.begin(), busy.end());
    int64_t best = -1, best_gap = 0;
    int64_t cursor = 0;  // lowest free byte so far
    for (const auto& [begin, end] : busy) {
      int64_t start = AlignUp(cursor, buf.alignment);
      if (begin > start && begin - start >= buf.size) {
        int64_t gap = begin - cursor;
        if (best < 0 || gap < best_gap) {
          best = start;
          best_gap = gap;
        }
      }
      cursor = std::max(cursor, end);
    }
    if (best < 0) best = AlignUp(cursor, buf.alignment);
    plan.offsets[i] = best;
    plan.total_bytes = std::max(plan.total_bytes, best + buf.size);
    placed.push_back(i);
  }
  return plan;
}

int64_t LowerBound(const std::vector<Buffer>& buffers) {
  // Sweep over step boundaries: +size at first_step, -size after last_step.
  std::map<int, int64_t> delta;
  for (const Buffer& b : buffers) {
    if (b.size <= 0) continue;
    delta[b.first_step] += b.size;
    delta[b.last_step + 1] -= b.size;
  }
  int64_t live = 0, peak = 0;
  for (const auto& [step, d] : delta) {
    live += d;
    peak = std::max(peak, live);
  }
  return peak;
}

std::string CheckPlan(const std::vector<Buffer>& buffers, const Plan& plan) {
  if (plan.offsets.size() != buffers.size())
    return "plan has " + std::to_string(plan.offsets.size()) + " offsets for " +
           std::to_string(buffers.size()) + " buffers";
  for (size_t i = 0; i < buffers.size(); ++i) {
    const Buffer& a = buffers[i];
    if (a.size <= 0) continue;
    int64_t oa = plan.offsets[i];
    if (oa < 0 || (a.alignment > 1 && oa % a.alignment != 0))
      return "buffer " + std::to_string(i) + " is misaligned at " +
             std::to_string(oa);
    if (oa + a.size > plan.total_bytes)
      return "buffer " + std::to_string(i) + " ends past the arena";
    for (size_t j = i + 1; j < buffers.size(); ++j) {
      const Buffer& b = buffers[j];
      if (b.size <= 0 || !Overlap(a, b)) continue;
      int64_t ob = plan.offsets[j];
      if (oa < ob + b.size && ob < oa + a.size)
        return "buffers " + std::to_string(i) + " and " + std::to_string(j) +
               " are live together and overlap";
    }
  }
  return "";
}

}  // namespace kiln::memory
