// Peak-minimizing execution order by DP over downsets (see order.h).
#include "compiler/memory/order.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <unordered_map>

namespace kiln::memory {

int64_t OrderPeak(const Dag& dag, const std::vector<int>& order) {
  std::vector<int> pos(dag.num_nodes, 0);
  for (size_t k = 0; k < order.size(); ++k) pos[order[k]] = static_cast<int>(k);
  std::map<int, int64_t> delta;
  for (const DagBuffer& b : dag.buffers) {
    if (b.users.empty() || b.size <= 0) continue;
    int lo = pos[b.users[0]], hi = lo;
    for (int u : b.users) {
      lo = std::min(lo, pos[u]);
      hi = std::max(hi, pos[u]);
    }
    delta[lo] += b.size;
    delta[hi + 1] -= b.size;
  }
  int64_t live = 0, peak = 0;
  for (const auto& [p, d] : delta) peak = std::max(peak, live += d);
  return peak;
}

namespace {

using Bits = std::vector<uint64_t>;

struct BitsHash {
  size_t operator()(const Bits& b) const {
    size_t h = 1469598103934665603ull;
    for (uint64_t w : b) h = (h ^ w) * 1099511628211ull;
    return h;
  }
};

bool Has(const Bits& b, int i) { return (b[i >> 6] >> (i & 63)) & 1; }
void Set(Bits& b, int i) { b[i >> 6] |= uint64_t{1} << (i & 63); }

struct State {
  Bits done;
  int64_t peak = 0;  // best peak so far to reach `done`
  int64_t live = 0;  // bytes live across the boundary after `done`
  int parent = -1;   // index in the previous step's states
  int node = -1;     // the node run last
};

}  // namespace

OrderResult ChooseOrder(const Dag& dag, const std::vector<int>& initial,
                        const OrderOptions& options) {
  const int n = dag.num_nodes;
  OrderResult r;
  r.order = initial;
  r.peak = OrderPeak(dag, initial);
  if (n == 0) {
    r.optimal = true;
    return r;
  }
  const size_t words = (n + 63) / 64;
  std::vector<Bits> preds(n, Bits(words, 0));
  for (const auto& [u, v] : dag.edges) Set(preds[v], u);
  std::vector<std::vector<int>> buffers_of(n);
  for (size_t b = 0; b < dag.buffers.size(); ++b)
    for (int u : dag.buffers[b].users)
      if (buffers_of[u].empty() || buffers_of[u].back() != static_cast<int>(b))
        buffers_of[u].push_back(static_cast<int>(b));

  std::vector<std::vector<State>> steps(1);
  steps[0].push_back(State{Bits(words, 0), 0, 0, -1, -1});
  bool exact = true;
  for (int k = 0; k < n; ++k) {
    std::vector<State> next;
    std::unordered_map<Bits, int, BitsHash> index;
    const std::vector<State>& cur = steps[k];
    for (size_t si = 0; si < cur.size(); ++si) {
      const State& s = cur[si];
      for (int v = 0; v < n; ++v) {
        if (Has(s.done, v)) continue;
        bool ready = true;
        for (size_t w = 0; w < words && ready; ++w)
          ready = (preds[v][w] & ~s.done[w]) == 0;
        if (!ready) continue;
        // Bytes live while v runs, and across the boundary after it.
        int64_t at_v = s.live, after = s.live;
        for (int b : buffers_of[v]) {
          const DagBuffer& buf = dag.buffers[b];
          bool started = false, finished = true;
          for (int u : buf.users) {
            if (Has(s.done, u)) started = true;
            else if (u != v) finished = false;
          }
          if (!started) at_v += buf.size;
          if (!started && !finished) after += buf.size;
          if (started && finished) after -= buf.size;
        }
        State t{s.done, std::max(s.peak, at_v), after, static_cast<int>(si), v};
        Set(t.done, v);
        auto [it, inserted] = index.emplace(t.done, static_cast<int>(next.size()));
        if (inserted) {
          next.push_back(std::move(t));
        } else if (t.peak < next[it->second].peak) {
          next[it->second] = std::move(t);
        }
      }
    }
    if (next.empty()) return r;  // not a DAG: keep the given order
    r.states += static_cast<int64_t>(next.size());
    if (static_cast<int64_t>(next.size()) > options.max_states_per_step) {
      exact = false;
      std::vector<size_t> keep(next.size());
      std::iota(keep.begin(), keep.end(), 0);
      std::stable_sort(keep.begin(), keep.end(), [&](size_t a, size_t b) {
        if (next[a].peak != next[b].peak) return next[a].peak < next[b].peak;
        return next[a].live < next[b].live;
      });
      keep.resize(options.max_states_per_step);
      std::sort(keep.begin(), keep.end());
      std::vector<State> kept;
      for (size_t i : keep) kept.push_back(std::move(next[i]));
      next = std::move(kept);
    }
    steps.push_back(std::move(next));
  }
  // One state remains: every node run.
  const State* s = &steps[n][0];
  std::vector<int> order(n);
  for (int k = n; k > 0; --k) {
    order[k - 1] = s->node;
    s = &steps[k - 1][s->parent];
  }
  int64_t peak = OrderPeak(dag, order);
  if (peak < r.peak) {
    r.order = std::move(order);
    r.peak = peak;
  }
  r.optimal = exact;
  return r;
}

}  // namespace kiln::memory
