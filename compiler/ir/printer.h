// Textual form of the IR (.kir): what kiln-opt reads and writes and lit tests check.
#pragma once

#include <string>

#include "compiler/ir/graph.h"

namespace kiln::ir {

struct PrintOptions {
  // Constants with more elements than this print as `dense<...>` that the parser
  // rejects; 0 prints everything (round-trippable).
  int64_t elide_constants_over = 0;
};

std::string PrintGraph(const Graph& g, const PrintOptions& opts = {});
// "%name" or "%\"odd name\"" as it appears in the text.
std::string PrintName(char sigil, const std::string& name);

}  // namespace kiln::ir
