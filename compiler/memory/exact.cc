// Branch and bound over stacking orders (see exact.h).
#include "compiler/memory/exact.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "compiler/memory/lower_bound.h"

namespace kiln::memory {
namespace {

class Search {
 public:
  Search(const std::vector<Buffer>& buffers, const ExactOptions& options)
      : all_(buffers), options_(options) {
    // Only buffers with bytes take part; steps compressed to segments between
    // lifetime boundaries.
    std::map<int, int> seg;
    for (size_t i = 0; i < buffers.size(); ++i) {
      if (buffers[i].size <= 0) continue;
      ids_.push_back(i);
      seg[buffers[i].first_step] = 0;
      seg[buffers[i].last_step + 1] = 0;
    }
    int k = 0;
    for (auto& [step, index] : seg) index = k++;
    segments_ = std::max(0, k - 1);
    for (size_t i : ids_) {
      Item it;
      it.size = buffers[i].size;
      it.alignment = std::max<int64_t>(1, buffers[i].alignment);
      it.begin = seg[buffers[i].first_step];
      it.end = seg[buffers[i].last_step + 1];
      items_.push_back(it);
    }
    const size_t m = items_.size();
    together_.assign(m, std::vector<bool>(m, false));
    twin_of_.assign(m, -1);
    for (size_t a = 0; a < m; ++a)
      for (size_t b = 0; b < m; ++b) {
        together_[a][b] = items_[a].begin < items_[b].end &&
                          items_[b].begin < items_[a].end;
        // The nearest earlier identical item: must be placed first.
        if (b < a && items_[a].size == items_[b].size &&
            items_[a].alignment == items_[b].alignment &&
            items_[a].begin == items_[b].begin && items_[a].end == items_[b].end)
          twin_of_[a] = static_cast<int>(b);
      }
    top_.assign(segments_, 0);
    rest_.assign(segments_, 0);
    for (const Item& it : items_)
      for (int s = it.begin; s < it.end; ++s) rest_[s] += it.size;
    placed_.assign(m, false);
    offset_.assign(m, 0);
  }

  ExactResult Run(const Plan& incumbent) {
    ExactResult r;
    r.plan = incumbent;
    r.lower_bound = LowerBound(all_);
    best_ = incumbent.total_bytes;
    root_bound_ = r.lower_bound;
    if (items_.size() > options_.max_buffers) return r;
    r.searched = true;
    complete_ = true;
    if (best_ > root_bound_) Dfs(0, -1, 0);
    r.nodes = nodes_;
    r.optimal = complete_ || best_ <= root_bound_;
    if (!best_offsets_.empty()) {
      r.plan.offsets.assign(all_.size(), 0);
      for (size_t k = 0; k < ids_.size(); ++k)
        r.plan.offsets[ids_[k]] = best_offsets_[k];
      r.plan.total_bytes = best_;
    }
    return r;
  }

 private:
  struct Item {
    int64_t size, alignment;
    int begin, end;  // segments [begin, end)
  };

  // Places items in stacking order; `prev` is the item placed last, `high`
  // the current arena top.
  void Dfs(size_t depth, int prev, int64_t high) {
    const size_t m = items_.size();
    if (depth == m) {
      if (high < best_) {
        best_ = high;
        best_offsets_ = offset_;
      }
      return;
    }
    // Children: (bound, offset, index).
    std::vector<std::tuple<int64_t, int64_t, size_t>> kids;
    for (size_t i = 0; i < m; ++i) {
      if (placed_[i]) continue;
      if (twin_of_[i] >= 0 && !placed_[twin_of_[i]]) continue;
      // Items never live together commute: keep only increasing index.
      if (prev >= 0 && !together_[prev][i] && static_cast<int>(i) < prev)
        continue;
      const Item& it = items_[i];
      int64_t at = 0;
      for (int s = it.begin; s < it.end; ++s) at = std::max(at, top_[s]);
      at = AlignUp(at, it.alignment);
      int64_t bound = std::max(high, at + it.size);
      for (int s = 0; s < segments_; ++s) {
        int64_t v = (s >= it.begin && s < it.end)
                        ? at + it.size + rest_[s] - it.size
                        : top_[s] + rest_[s];
        bound = std::max(bound, v);
      }
      if (bound >= best_) continue;
      kids.emplace_back(bound, at, i);
    }
    std::sort(kids.begin(), kids.end());
    for (const auto& [bound, at, i] : kids) {
      if (++nodes_ > options_.node_budget) {
        complete_ = false;
        return;
      }
      if (bound >= best_) continue;  // best_ may have improved meanwhile
      const Item& it = items_[i];
      std::vector<int64_t> saved(top_.begin() + it.begin, top_.begin() + it.end);
      for (int s = it.begin; s < it.end; ++s) {
        top_[s] = at + it.size;
        rest_[s] -= it.size;
      }
      placed_[i] = true;
      offset_[i] = at;
      Dfs(depth + 1, static_cast<int>(i), std::max(high, at + it.size));
      placed_[i] = false;
      for (int s = it.begin; s < it.end; ++s) {
        top_[s] = saved[s - it.begin];
        rest_[s] += it.size;
      }
      if (!complete_ && nodes_ > options_.node_budget) return;
      if (best_ <= root_bound_) return;  // provably optimal already
    }
  }

  const std::vector<Buffer>& all_;
  const ExactOptions& options_;
  std::vector<size_t> ids_;
  std::vector<Item> items_;
  int segments_ = 0;
  std::vector<std::vector<bool>> together_;
  std::vector<int> twin_of_;
  std::vector<int64_t> top_, rest_;  // per segment: arena top, unplaced bytes
  std::vector<bool> placed_;
  std::vector<int64_t> offset_, best_offsets_;
  int64_t best_ = 0, root_bound_ = 0, nodes_ = 0;
  bool complete_ = true;
};

}  // namespace

ExactResult PlanExact(const std::vector<Buffer>& buffers, const Plan& incumbent,
                      const ExactOptions& options) {
  return Search(buffers, options).Run(incumbent);
}

}  // namespace kiln::memory
