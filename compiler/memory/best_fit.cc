// Best-fit placement under several orders (see best_fit.h).
#include "compiler/memory/best_fit.h"

#include <algorithm>
#include <functional>
#include <map>
#include <numeric>
#include <tuple>
#include <utility>

namespace kiln::memory {

Plan PlaceBestFit(const std::vector<Buffer>& buffers,
                  const std::vector<size_t>& order) {
  Plan plan;
  plan.offsets.assign(buffers.size(), 0);
  std::vector<size_t> placed;
  for (size_t i : order) {
    const Buffer& buf = buffers[i];
    if (buf.size <= 0) continue;
    std::vector<std::pair<int64_t, int64_t>> busy;
    for (size_t j : placed)
      if (LiveTogether(buf, buffers[j]))
        busy.emplace_back(plan.offsets[j], plan.offsets[j] + buffers[j].size);
    std::sort(busy.begin(), busy.end());
    int64_t best = -1, best_gap = 0;
    int64_t cursor = 0;  // lowest free byte so far
    for (const auto& [begin, end] : busy) {
      int64_t start = AlignUp(cursor, buf.alignment);
      if (begin >= start + buf.size) {
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

Plan PlanBestFit(const std::vector<Buffer>& buffers) {
  const size_t n = buffers.size();
  // Bytes live at each step, for the breadth order.
  std::map<int, int64_t> delta;
  for (const Buffer& b : buffers) {
    delta[b.first_step] += b.size;
    delta[b.last_step + 1] -= b.size;
  }
  std::vector<std::pair<int, int64_t>> live;  // (step, bytes live from it on)
  int64_t acc = 0;
  for (const auto& [s, d] : delta) live.emplace_back(s, acc += d);
  std::vector<int64_t> breadth(n, 0);
  for (size_t i = 0; i < n; ++i)
    for (const auto& [s, bytes] : live)
      if (s >= buffers[i].first_step && s <= buffers[i].last_step)
        breadth[i] = std::max(breadth[i], bytes);

  auto length = [&](size_t i) {
    return int64_t{buffers[i].last_step} - buffers[i].first_step + 1;
  };
  // Each key is sorted descending; ties by index keep it deterministic.
  using Key = std::tuple<int64_t, int64_t, int64_t>;
  std::vector<std::function<Key(size_t)>> keys = {
      [&](size_t i) { return Key{buffers[i].size, length(i), 0}; },
      [&](size_t i) { return Key{length(i), buffers[i].size, 0}; },
      [&](size_t i) { return Key{buffers[i].size * length(i), buffers[i].size, 0}; },
      [&](size_t i) { return Key{breadth[i], buffers[i].size, length(i)}; },
      [&](size_t i) { return Key{-buffers[i].first_step, buffers[i].size, 0}; },
  };
  Plan best;
  bool have = false;
  for (const auto& key : keys) {
    std::vector<size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return key(a) > key(b); });
    Plan p = PlaceBestFit(buffers, order);
    if (!have || p.total_bytes < best.total_bytes) {
      best = std::move(p);
      have = true;
    }
  }
  if (!have) best.offsets.assign(n, 0);
  return best;
}

}  // namespace kiln::memory
