// Unit tests of host evaluation.
#include <gtest/gtest.h>

#include "compiler/eval/eval.h"

namespace kiln::eval {
namespace {
TEST(Eval, Placeholder) { SUCCEED(); }
}  // namespace
}  // namespace kiln::eval
