// The ordering against brute force: every topological order of small random
// DAGs is enumerated and its peak computed through memory::LowerBound (not
// OrderPeak); ChooseOrder must find the minimum.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <random>

#include "compiler/memory/lower_bound.h"
#include "compiler/memory/order.h"

namespace kiln::memory {
namespace {

int64_t PeakViaBuffers(const Dag& d, const std::vector<int>& order) {
  std::vector<int> pos(d.num_nodes);
  for (size_t k = 0; k < order.size(); ++k) pos[order[k]] = static_cast<int>(k);
  std::vector<Buffer> bufs;
  for (const DagBuffer& b : d.buffers) {
    Buffer x;
    x.size = b.size;
    x.first_step = 1 << 30;
    x.last_step = -1;
    for (int u : b.users) {
      x.first_step = std::min(x.first_step, pos[u]);
      x.last_step = std::max(x.last_step, pos[u]);
    }
    if (!b.users.empty()) bufs.push_back(x);
  }
  return LowerBound(bufs);
}

bool IsTopological(const Dag& d, const std::vector<int>& order) {
  if (static_cast<int>(order.size()) != d.num_nodes) return false;
  std::vector<int> pos(d.num_nodes, -1);
  for (size_t k = 0; k < order.size(); ++k) {
    if (order[k] < 0 || order[k] >= d.num_nodes || pos[order[k]] >= 0) return false;
    pos[order[k]] = static_cast<int>(k);
  }
  for (const auto& [u, v] : d.edges)
    if (pos[u] >= pos[v]) return false;
  return true;
}

// A random DAG: node i produces one buffer read by 1-3 later nodes (edges
// follow the reads), sometimes a scratch buffer of its own, and sometimes a
// view buffer shared with one reader (two writers).
Dag RandomDag(std::mt19937& rng, int n) {
  Dag d;
  d.num_nodes = n;
  for (int i = 0; i < n; ++i) {
    DagBuffer out;
    out.size = 1 + static_cast<int64_t>(rng() % 100);
    out.users.push_back(i);
    if (i + 1 < n) {
      int readers = 1 + static_cast<int>(rng() % 3);
      for (int r = 0; r < readers; ++r) {
        int v = i + 1 + static_cast<int>(rng() % (n - i - 1));
        if (std::find(out.users.begin(), out.users.end(), v) != out.users.end())
          continue;
        out.users.push_back(v);
        d.edges.emplace_back(i, v);
      }
    }
    d.buffers.push_back(out);
    if (rng() % 4 == 0)
      d.buffers.push_back({1 + static_cast<int64_t>(rng() % 50), {i}});
  }
  return d;
}

TEST(Order, MatchesBruteForceOnSmallRandomDags) {
  std::mt19937 rng(21);
  int better_than_index_order = 0;
  for (int trial = 0; trial < 300; ++trial) {
    int n = 2 + static_cast<int>(rng() % 7);
    Dag d = RandomDag(rng, n);
    std::vector<int> initial(n);
    for (int i = 0; i < n; ++i) initial[i] = i;  // topological by construction
    // Brute force over all permutations that are topological.
    std::vector<int> perm = initial;
    int64_t best = -1;
    do {
      if (!IsTopological(d, perm)) continue;
      int64_t p = PeakViaBuffers(d, perm);
      if (best < 0 || p < best) best = p;
    } while (std::next_permutation(perm.begin(), perm.end()));
    OrderResult r = ChooseOrder(d, initial);
    ASSERT_TRUE(IsTopological(d, r.order)) << trial;
    EXPECT_TRUE(r.optimal);
    EXPECT_EQ(PeakViaBuffers(d, r.order), r.peak) << trial;
    EXPECT_EQ(r.peak, best) << "trial " << trial;
    if (r.peak < PeakViaBuffers(d, initial)) ++better_than_index_order;
  }
  std::printf("ordering beat the index order on %d of 300 DAGs\n",
              better_than_index_order);
  EXPECT_GT(better_than_index_order, 0);
}

TEST(Order, BeamIsValidAndNeverWorseThanTheInitialOrder) {
  std::mt19937 rng(3);
  for (int trial = 0; trial < 100; ++trial) {
    int n = 10 + static_cast<int>(rng() % 60);
    Dag d = RandomDag(rng, n);
    std::vector<int> initial(n);
    for (int i = 0; i < n; ++i) initial[i] = i;
    OrderOptions o;
    o.max_states_per_step = 4;
    OrderResult r = ChooseOrder(d, initial, o);
    ASSERT_TRUE(IsTopological(d, r.order)) << trial;
    EXPECT_LE(r.peak, PeakViaBuffers(d, initial)) << trial;
    EXPECT_EQ(r.peak, PeakViaBuffers(d, r.order));
    EXPECT_EQ(ChooseOrder(d, initial, o).order, r.order);  // deterministic
  }
}

TEST(Order, ResidualBlockRunsTheBranchThatFreesMemoryFirst) {
  // 0 -> {1, 3}; 1 -> 2 -> 4; 3 -> 4. Node 3's output is huge and lives until
  // 4, so run the 1 -> 2 branch first: the initial order 0,3,1,2,4 is worse.
  Dag d;
  d.num_nodes = 5;
  d.edges = {{0, 1}, {0, 3}, {1, 2}, {2, 4}, {3, 4}};
  d.buffers = {{10, {0, 1, 3}}, {50, {1, 2}}, {50, {2, 4}}, {400, {3, 4}},
               {10, {4}}};
  std::vector<int> initial = {0, 3, 1, 2, 4};
  OrderResult r = ChooseOrder(d, initial);
  EXPECT_EQ(r.order, (std::vector<int>{0, 1, 2, 3, 4}));
  EXPECT_EQ(r.peak, 460);
  EXPECT_EQ(OrderPeak(d, initial), 500);
}

}  // namespace
}  // namespace kiln::memory
