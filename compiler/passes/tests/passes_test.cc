// Unit tests of the pass manager and of passes on graphs built in C++.
#include <gtest/gtest.h>

#include "compiler/passes/pipeline.h"

namespace kiln::passes {
namespace {

TEST(Pipeline, ListsPasses) {
  auto names = PassNames();
  ASSERT_FALSE(names.empty());
  EXPECT_EQ(names.back(), "plan-memory");
}

}  // namespace
}  // namespace kiln::passes
