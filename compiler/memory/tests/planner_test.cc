// Unit tests of the arena planner: validity on random problems and known cases.
#include "compiler/memory/planner.h"

#include <gtest/gtest.h>

#include <random>

namespace kiln::memory {
namespace {

TEST(Planner, EmptyProblem) {
  Plan p = PlanGreedyBySize({});
  EXPECT_EQ(p.total_bytes, 0);
  EXPECT_EQ(LowerBound({}), 0);
}

TEST(Planner, ChainReusesMemory) {
  // a -> b -> c -> d: a and c can share, b and d can share.
  std::vector<Buffer> b = {
      {100, 16, 0, 1}, {100, 16, 1, 2}, {100, 16, 2, 3}, {100, 16, 3, 4}};
  Plan p = PlanGreedyBySize(b);
  EXPECT_EQ(CheckPlan(b, p), "");
  EXPECT_EQ(LowerBound(b), 200);
  EXPECT_EQ(p.total_bytes, 16 * 7 + 100);  // second buffer at 112 (aligned)
}

TEST(Planner, BestFitPicksSmallestGap) {
  // Two long-lived buffers leave a 64-byte hole and an open top; a 48-byte
  // buffer goes in the hole rather than on top.
  std::vector<Buffer> b = {
      {64, 16, 0, 2}, {64, 16, 0, 0}, {64, 16, 0, 2}, {48, 16, 1, 1}};
  Plan p = PlanGreedyBySize(b);
  EXPECT_EQ(CheckPlan(b, p), "");
  EXPECT_EQ(p.offsets[3], p.offsets[1]);
  EXPECT_EQ(p.total_bytes, 192);
}

TEST(Planner, AlignmentRespected) {
  std::vector<Buffer> b = {{3, 16, 0, 0}, {5, 64, 0, 0}, {7, 16, 0, 0}};
  Plan p = PlanGreedyBySize(b);
  EXPECT_EQ(CheckPlan(b, p), "");
  EXPECT_EQ(p.offsets[1] % 64, 0);
}

TEST(Planner, ZeroSizedBuffersTakeNoSpace) {
  std::vector<Buffer> b = {{0, 16, 0, 5}, {32, 16, 0, 5}};
  Plan p = PlanGreedyBySize(b);
  EXPECT_EQ(CheckPlan(b, p), "");
  EXPECT_EQ(p.total_bytes, 32);
}

TEST(Planner, CheckPlanFindsOverlap) {
  std::vector<Buffer> b = {{32, 16, 0, 1}, {32, 16, 1, 2}};
  Plan p{{0, 16}, 48};
  EXPECT_NE(CheckPlan(b, p), "");
}

TEST(Planner, RandomProblemsAreValidAndAboveLowerBound) {
  std::mt19937 rng(1234);
  for (int trial = 0; trial < 500; ++trial) {
    int n = 1 + static_cast<int>(rng() % 40);
    int steps = 1 + static_cast<int>(rng() % 30);
    std::vector<Buffer> b(n);
    for (Buffer& x : b) {
      x.size = static_cast<int64_t>(rng() % 5000);
      x.alignment = int64_t{1} << (rng() % 7);
      x.first_step = static_cast<int>(rng() % steps);
      x.last_step = x.first_step + static_cast<int>(rng() % 6);
    }
    Plan p = PlanGreedyBySize(b);
    ASSERT_EQ(CheckPlan(b, p), "") << "trial " << trial;
    EXPECT_GE(p.total_bytes, LowerBound(b)) << "trial " << trial;
    // Deterministic: the same problem gives the same plan.
    EXPECT_EQ(PlanGreedyBySize(b).offsets, p.offsets);
  }
}

}  // namespace
}  // namespace kiln::memory
